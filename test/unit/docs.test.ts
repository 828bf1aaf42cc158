// Rule docs: a page per id, generated blocks up to date, and the labelled YAML examples linted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { documentedRules, generateAll, orphanPages, rulePagePath } from '../../docs/generate';
import { END, readmeTable, replaceBlock, rulePage } from '../../docs/render';
import { ConfigReader } from '../../server/src/config/config-file';
import { CONFIG_INVALID } from '../../server/src/linter/engine-rules';
import type { RuleMeta } from '../../server/src/linter/types';
import { lintSource } from '../../server/src/linter/lint-source';
import { defaultSettings, mergeSettings, Settings } from '../../server/src/protocol/settings';
import { RULES } from '../../server/src/rules/index';

/** A YAML example of a page's hand-written part, labelled `<!-- bad -->` or `<!-- good {settings} -->`. */
interface Example {
  label: 'bad' | 'good';
  settings?: Partial<Settings>;
  code: string;
  line: number;
}

/** The labelled examples after the generated block; throws on a label that no yaml fence follows. */
function examplesOf(page: string): Example[] {
  const proseStart = page.indexOf(END) + END.length;
  const prose = page.slice(proseStart);
  const lineAt = (i: number) => page.slice(0, proseStart + i).split('\n').length;
  const examples: Example[] = [];
  const labelled = /<!--\s*(bad|good)\b\s*(\{.*?\})?\s*-->[ \t]*\r?\n```yaml\r?\n([\s\S]*?)^```/gm;
  for (const m of prose.matchAll(labelled)) {
    examples.push({ label: m[1] as 'bad' | 'good', settings: m[2] ? JSON.parse(m[2]) : undefined, code: m[3], line: lineAt(m.index!) });
  }
  const labels = [...prose.matchAll(/<!--\s*(bad|good)\b/gi)].length;
  assert.equal(labels, examples.length, 'every <!-- bad --> / <!-- good --> label sits right before a ```yaml fence');
  return examples;
}

/** The findings of one id on an example: linted as the CLI lints a file (templates included) for rules and engine findings, the config reader for `config-invalid`. */
function findingsOf(meta: RuleMeta, example: Example): string[] {
  if (meta.id === CONFIG_INVALID.id) return new ConfigReader().read(example.code).problems.map((p) => p.message);
  const result = lintSource(example.code, mergeSettings(defaultSettings(), example.settings), RULES);
  assert.deepEqual(result.ruleErrors, [], 'no rule throws');
  return result.findings.filter((f) => f.ruleId === meta.id).map((f) => f.message);
}

const root = process.cwd();

describe('docs', () => {
  const metas = documentedRules();

  it('document every rule and engine id once', () => {
    const ids = metas.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const id of ids) assert.doesNotThrow(() => readFileSync(rulePagePath(id), 'utf8'), `${rulePagePath(id)} exists (run npm run docs)`);
  });

  it('have no page for an unknown id', () => {
    assert.deepEqual(orphanPages(root), []);
  });

  it('are up to date: pages, the README rule table and package.json cnfLint.rules (run npm run docs)', () => {
    for (const f of generateAll(root)) assert.equal(readFileSync(f.path, 'utf8'), f.content, `${f.path} is stale: run npm run docs`);
  });

  it('keep the hand-written prose when a block is regenerated', () => {
    const meta = metas[0];
    const page = rulePage(meta, 'intro kept\n<!-- generated:begin -->\nold\n<!-- generated:end -->\n\n## Examples\nkept too\n');
    assert.ok(page.startsWith('intro kept\n<!-- generated:begin -->\n'));
    assert.ok(page.endsWith('<!-- generated:end -->\n\n## Examples\nkept too\n'));
    assert.ok(page.includes(`\`${meta.id}\``));
    assert.throws(() => replaceBlock('<!-- generated:end -->\n<!-- generated:begin -->\n', 'x'), /markers/);
    assert.match(readmeTable([meta], []), new RegExp(`\\[\`${meta.id}\`\\]\\(docs/rules/${meta.id}\\.md\\)`));
  });

  for (const meta of metas) {
    describe(meta.id, () => {
      const page = readFileSync(rulePagePath(meta.id), 'utf8');
      const examples = examplesOf(page);
      if (meta.gap > 0) {
        it('shows at least one bad and one good example', () => {
          assert.ok(examples.some((e) => e.label === 'bad'), `${rulePagePath(meta.id)}: add a <!-- bad --> yaml example`);
          assert.ok(examples.some((e) => e.label === 'good'), `${rulePagePath(meta.id)}: add a <!-- good --> yaml example`);
        });
      }
      for (const example of examples) {
        it(`${example.label} example at line ${example.line} ${example.label === 'bad' ? 'draws a finding' : 'draws no finding'} of ${meta.id}`, () => {
          const found = findingsOf(meta, example);
          if (example.label === 'bad') assert.ok(found.length > 0, `expected a ${meta.id} finding in:\n${example.code}`);
          else assert.deepEqual(found, []);
        });
      }
    });
  }
});
