// examples/: together the manifests show every shipped rule; those marked compliant draw nothing of their gap.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ChartLoader } from '../../server/src/helm/chart';
import { diskChartFiles } from '../../server/src/helm/disk-files';
import { lintSource, readSource } from '../../server/src/linter/lint-source';
import { Finding } from '../../server/src/linter/types';
import { defaultSettings } from '../../server/src/protocol/settings';
import { RULES } from '../../server/src/rules/index';
import { updateEntry } from '../../server/src/workspace/index-entry';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index';

/** A header line `# cnf-lint-example: compliant with gap N[, M]` marks a manifest that must draw no finding of those gaps. */
const COMPLIANT = /^# cnf-lint-example: compliant with gaps? ([\d, ]+)$/m;

/** The YAML files under a folder, recursively, in a fixed order. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

// Linted as `cnf-lint examples` lints them: in the workspace of every example (a network one file
// attaches may be defined in another).
const settings = defaultSettings();
const charts = new ChartLoader(diskChartFiles());
const texts = yamlFiles('examples').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const index = new WorkspaceIndex();
for (const f of texts) {
  const read = () => {
    const source = readSource(f.text, settings, { path: f.path, charts });
    return { file: source.file, defaultNamespace: source.settings.defaultNamespace };
  };
  updateEntry(index, f.path, { byteLength: Buffer.byteLength(f.text), read }, settings);
}
const files = texts.map(({ path, text }) => {
  const result = lintSource(text, settings, RULES, { path, charts }, { index, uri: path });
  return { path, text, findings: result.findings, ruleErrors: result.ruleErrors };
});

const describeFinding = (f: Finding) => `${f.ruleId}/${f.messageId}: ${f.message}`;

describe('examples', () => {
  it('exist', () => assert.ok(files.length > 0, 'examples/ holds YAML manifests'));

  for (const file of files) {
    it(`${file.path} parses and no rule throws on it`, () => {
      assert.deepEqual(file.ruleErrors, []);
      assert.deepEqual(file.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'file-not-linted').map(describeFinding), []);
    });
    const compliant = COMPLIANT.exec(file.text);
    if (compliant) {
      const gaps = compliant[1].split(/[,\s]+/).filter(Boolean).map(Number);
      it(`${file.path} draws no finding of the rules of gap ${gaps.join(', ')}`, () => {
        const ids = new Set(RULES.filter((r) => gaps.includes(r.meta.gap)).map((r) => r.meta.id));
        assert.deepEqual(file.findings.filter((f) => ids.has(f.ruleId)).map(describeFinding), []);
      });
    }
  }

  for (const rule of RULES) {
    it(`show ${rule.meta.id}: a manifest in examples/ draws at least one of its findings`, () => {
      const where = files.filter((f) => f.findings.some((x) => x.ruleId === rule.meta.id)).map((f) => f.path);
      assert.ok(where.length > 0, `add a realistic manifest to examples/ that breaks ${rule.meta.id}`);
    });
  }
});
