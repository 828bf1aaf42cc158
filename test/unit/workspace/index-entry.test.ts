// indexEntry: the one decision of what a file puts in the workspace index (CLI, crawl and open documents).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings, mergeSettings } from '../../../server/src/protocol/settings';
import { indexEntry, isManifestFileName, isSkippedFolder } from '../../../server/src/workspace/index-entry';

const NAD = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n3\n  namespace: upf\nspec:\n  config: \'{\n  "type": "macvlan"\n}\'\n';

function source(text: string) {
  let parsed = 0;
  return {
    get parses() {
      return parsed;
    },
    byteLength: Buffer.byteLength(text, 'utf8'),
    read: () => {
      parsed++;
      return { file: parseFile(text) };
    },
  };
}

describe('indexEntry', () => {
  it('indexes the objects of a manifest (a kubectl-only quoted config included)', () => {
    const entry = indexEntry('a.yaml', source(NAD), defaultSettings());
    assert.deepEqual(
      entry?.map((o) => [o.kind, o.namespace, o.name, o.nad?.name]),
      [['NetworkAttachmentDefinition', 'upf', 'n3', 'n3']],
    );
  });
  it('a file over maxFileSize puts nothing there and is never parsed', () => {
    const s = source(NAD);
    assert.equal(indexEntry('a.yaml', s, mergeSettings(defaultSettings(), { maxFileSize: 10 })), undefined);
    assert.equal(s.parses, 0);
  });
  it('a binary file puts nothing there', () => {
    assert.equal(indexEntry('a.yaml', source('kind: Pod\n\u0000'), defaultSettings()), undefined);
  });
  it('a file whose linting is off is still part of the workspace', () => {
    assert.equal(indexEntry('a.yaml', source(NAD), mergeSettings(defaultSettings(), { enable: false }))?.length, 1);
  });
  it('nothing to read (a chart file, a template not followed) or a file without objects is an empty entry, not an absent one', () => {
    assert.deepEqual(indexEntry('a.yaml', { byteLength: 10, read: () => ({}) }, defaultSettings()), []);
    assert.deepEqual(indexEntry('a.yaml', source('# nothing\n'), defaultSettings()), []);
  });
  it("the namespace of objects without one is the one read with the file (a chart's release namespace)", () => {
    const entry = indexEntry('a.yaml', { byteLength: 10, read: () => ({ file: parseFile('kind: Pod\nmetadata: {name: a}\n'), defaultNamespace: 'release-namespace' }) }, defaultSettings());
    assert.deepEqual(entry?.map((o) => o.namespace), ['release-namespace']);
  });
  it('summaries a lint already made are used as they are', () => {
    const s = { ...source(NAD), summaries: () => [] };
    assert.deepEqual(indexEntry('a.yaml', s, defaultSettings()), []);
  });
});

describe('walks of the workspace', () => {
  it('take YAML files but not the configuration file', () => {
    assert.deepEqual(['a.yaml', 'b.YML', '.cnf-lint.yaml', 'c.json', 'd.yaml.bak'].map(isManifestFileName), [true, true, false, false, false]);
  });
  it('never enter node_modules or .git', () => {
    assert.deepEqual(['node_modules', '.git', 'charts'].map(isSkippedFolder), [true, true, false]);
  });
});
