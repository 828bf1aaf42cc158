// Unit tests of raw YAML values in edits, map items appended to sequences, and the resource edits built on them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendItem, applyEdits, insertPairs, replaceScalar, setPairs, TextEdit } from '../../../server/src/fixes/edits';
import { RawYaml } from '../../../server/src/fixes/render';
import { placeholder, setResources, spellingOf } from '../../../server/src/fixes/resource-edits';
import { asMap, asSeq, get, getIn, getPair } from '../../../server/src/manifest/nodes';
import { parseFile, ParsedFile } from '../../../server/src/manifest/parse';
import { resourceRequirements } from '../../../server/src/manifest/resource-requirements';

/** Parses `text`, makes the edits, and gives the resulting text (or undefined when an edit refuses). */
function edit(text: string, make: (file: ParsedFile) => TextEdit | undefined | Array<TextEdit | undefined>): string | undefined {
  const file = parseFile(text);
  const made = make(file);
  const edits = Array.isArray(made) ? made : [made];
  if (edits.some((e) => e === undefined)) return undefined;
  return applyEdits(text, edits as TextEdit[]);
}

const root = (f: ParsedFile) => asMap(f.documents[0].doc.contents)!;

describe('RawYaml values', () => {
  it('are written as they are, in block and flow maps', () => {
    assert.equal(edit('a: 1\n', (f) => insertPairs(f, root(f), { cpu: new RawYaml('"2"'), mem: new RawYaml('2.0') })), 'a: 1\ncpu: "2"\nmem: 2.0\n');
    assert.equal(edit('m: {a: 1}\n', (f) => insertPairs(f, asMap(get(root(f), 'm'))!, { cpu: new RawYaml("'1500m'") })), "m: {a: 1, cpu: '1500m'}\n");
  });
  it('carry a trailing comment in block style, nested too', () => {
    assert.equal(
      edit('a: 1\n', (f) => insertPairs(f, root(f), { resources: { limits: { cpu: placeholder('1', 'size it') } } })),
      'a: 1\nresources:\n  limits:\n    cpu: 1 # placeholder: size it\n',
    );
  });
  it('refuse a comment in a flow map, and text on more than one line', () => {
    assert.equal(edit('m: {a: 1}\n', (f) => insertPairs(f, asMap(get(root(f), 'm'))!, { cpu: placeholder('1', 'x') })), undefined);
    assert.equal(edit('a: 1\n', (f) => insertPairs(f, root(f), { cpu: new RawYaml('"a\n b"') })), undefined);
  });
  it('replace a scalar, keeping its trailing comment; never an alias', () => {
    assert.equal(edit('cpu: 1500m # lcores\n', (f) => setPairs(f, root(f), { cpu: new RawYaml('"2"') })), 'cpu: "2" # lcores\n');
    assert.equal(edit('a: &x 1\nb: *x\n', (f) => setPairs(f, root(f), { b: new RawYaml('2') })), undefined);
    assert.equal(edit('a: 1\n', (f) => replaceScalar(f, getPair(root(f), 'a')!.value, placeholder('2', 'x'))), undefined);
  });
});

describe('appendItem with a map', () => {
  it('appends a block item at the sequence indentation, CRLF kept', () => {
    assert.equal(
      edit('v:\r\n- name: a\r\n  x: 1\r\n', (f) => appendItem(f, asSeq(get(root(f), 'v'))!, { name: 'b', emptyDir: { medium: 'HugePages' } })),
      'v:\r\n- name: a\r\n  x: 1\r\n- name: b\r\n  emptyDir:\r\n    medium: HugePages\r\n',
    );
  });
  it('appends a flow item', () => {
    assert.equal(edit('v: [{name: a}]\n', (f) => appendItem(f, asSeq(get(root(f), 'v'))!, { name: 'b' })), 'v: [{name: a}, {name: b}]\n');
  });
});

describe('setResources', () => {
  const at = (text: string, make: (f: ParsedFile, rr: ReturnType<typeof resourceRequirements>) => Array<TextEdit | undefined>) =>
    edit(text, (f) => make(f, resourceRequirements(f, asMap(getIn(root(f), ['c']))!)));
  it('creates resources, requests and limits where they are missing', () => {
    assert.equal(
      at('c:\n  image: x\n', (f, rr) => setResources(f, rr, { requests: { cpu: new RawYaml('1') }, limits: { cpu: new RawYaml('1') } })),
      'c:\n  image: x\n  resources:\n    requests:\n      cpu: 1\n    limits:\n      cpu: 1\n',
    );
    assert.equal(at('c:\n  resources:\n', (f, rr) => setResources(f, rr, { limits: { cpu: new RawYaml('1') } })), 'c:\n  resources:\n    limits:\n      cpu: 1\n');
  });
  it('joins two insertions at one point in order: a key into requests, then limits', () => {
    assert.equal(
      at('c:\n  resources:\n    requests:\n      cpu: "2"\n', (f, rr) => setResources(f, rr, { requests: { memory: new RawYaml('1Gi') }, limits: { cpu: spellingOf(rr.requests.entries.get('cpu'))! } })),
      'c:\n  resources:\n    requests:\n      cpu: "2"\n      memory: 1Gi\n    limits:\n      cpu: "2"\n',
    );
  });
  it('refuses a resources map that comes from a merge key', () => {
    assert.equal(at('base: &b {limits: {cpu: 1}}\nc:\n  resources:\n    <<: *b\n', (f, rr) => setResources(f, rr, { limits: { cpu: new RawYaml('2') } })), undefined);
  });
});
