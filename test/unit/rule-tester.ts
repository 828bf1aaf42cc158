// RuleTester: named valid and invalid YAML cases with exact spans, message ids and fix outputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits, TextEdit } from '../../server/src/fixes/edits';
import { lint, LintWorkspace } from '../../server/src/linter/lint';
import { Finding, Rule, Severity } from '../../server/src/linter/types';
import { parseFile } from '../../server/src/manifest/parse';
import { defaultSettings, mergeSettings, Settings } from '../../server/src/protocol/settings';
import { updateEntry } from '../../server/src/workspace/index-entry';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index';

/** Other files of the workspace a case is linted in: file name -> text (the case itself is `test.yaml`). */
export type WorkspaceFiles = Record<string, string>;

/** A case that must draw no finding of the rule. */
export interface ValidCase {
  name: string;
  code: string;
  settings?: Partial<Settings>;
  workspace?: WorkspaceFiles;
}

/** One expected finding: 1-based line and column, end exclusive; the exact output of every fix offered. */
export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Severity;
  /** Every fix that can be made on this text, by id, with the whole file text it produces. */
  fixes?: Record<string, string>;
  /** The id of the preferred fix, when one is. */
  preferred?: string;
}

/** A case whose findings (of this rule) are exactly `errors`, in file order. */
export interface InvalidCase {
  name: string;
  code: string;
  settings?: Partial<Settings>;
  workspace?: WorkspaceFiles;
  errors: ExpectedFinding[];
}

/** The workspace of the other files, indexed as the CLI indexes its inputs. */
export function workspaceOf(files: WorkspaceFiles | undefined, settings: Settings): LintWorkspace {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files ?? {})) updateEntry(index, name, { byteLength: Buffer.byteLength(text), read: () => ({ file: parseFile(text) }) }, settings);
  return { index, uri: 'test.yaml' };
}

/** Lints a text with one rule, in a workspace of other files when given. */
export function lintWith(rule: Rule, code: string, settings?: Partial<Settings>, workspace?: WorkspaceFiles): Finding[] {
  const file = parseFile(code);
  const merged = mergeSettings(defaultSettings(), settings);
  const result = lint(file, merged, [rule], undefined, workspaceOf(workspace, merged));
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

/** 1-based line/column (end exclusive) of a finding. */
export function spanOf(code: string, f: { start: number; end: number }) {
  const lines = parseFile(code).lines;
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/**
 * Checks that every line of `before` that no edit touches is byte-identical in `after` (comments
 * included), at its shifted offset.
 */
export function assertUntouchedLines(before: string, after: string, edits: readonly TextEdit[]): void {
  let ls = 0;
  while (ls <= before.length) {
    const nl = before.indexOf('\n', ls);
    const le = nl < 0 ? before.length : nl;
    const lineText = before.slice(ls, nl < 0 ? before.length : nl + 1);
    const touched = edits.some((e) =>
      e.start === e.end ? (e.start > ls && e.start <= le) || (e.start === ls && !e.text.endsWith('\n')) : e.start <= le && e.end > ls,
    );
    if (!touched) {
      const shift = edits.filter((e) => e.end <= ls && !(e.start === e.end && e.start === ls && !e.text.endsWith('\n'))).reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
      const at = ls + shift;
      assert.equal(after.slice(at, at + lineText.length), lineText, `untouched line at offset ${ls} changed`);
    }
    if (nl < 0) break;
    ls = nl + 1;
  }
}

/** Runs the cases of one rule as node:test tests. */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = lintWith(rule, c.code, c.settings, c.workspace).map((f) => ({ messageId: f.messageId, ...spanOf(c.code, f) }));
        assert.deepEqual(found, []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const findings = lintWith(rule, c.code, c.settings, c.workspace);
        const actual = findings.map((f) => ({ messageId: f.messageId, ...spanOf(c.code, f) }));
        const expected = c.errors.map(({ messageId, line, column, endLine, endColumn }) => ({ messageId, line, column, endLine, endColumn }));
        assert.deepEqual(actual, expected, 'findings (message id and span)');
        findings.forEach((f, i) => checkFinding(rule, c, f, c.errors[i]));
      });
    }
  });
}

function checkFinding(rule: Rule, c: InvalidCase, f: Finding, want: ExpectedFinding): void {
  if (want.severity) assert.equal(f.severity, want.severity, `severity of ${f.messageId}`);
  assert.ok(f.message.length > 0 && !/\{\{/.test(f.message), `message is filled: ${f.message}`);
  const offered = f.fixes.map((fix) => ({ fix, edits: fix.edits() })).filter((x) => x.edits !== undefined);
  assert.deepEqual(offered.map((x) => x.fix.id).sort(), Object.keys(want.fixes ?? {}).sort(), 'fixes offered');
  const preferred = f.fixes.filter((fix) => fix.preferred).map((fix) => fix.id);
  assert.deepEqual(preferred, want.preferred ? [want.preferred] : preferred.length ? preferred : [], 'preferred fix');
  if (want.preferred) assert.ok(want.fixes && want.preferred in want.fixes, 'the preferred fix is among those offered');
  for (const { fix, edits } of offered) {
    const output = applyEdits(c.code, edits!);
    assert.equal(output, want.fixes![fix.id], `output of fix ${fix.id}`);
    assert.deepEqual(newErrors(yamlErrors(c.code), yamlErrors(output)), [], `fix ${fix.id} output parses (no YAML error that the input did not have)`);
    assertUntouchedLines(c.code, output, edits!);
    const before = lintWith(rule, c.code, c.settings, c.workspace).filter((x) => x.messageId === f.messageId).length;
    const after = lintWith(rule, output, c.settings, c.workspace).filter((x) => x.messageId === f.messageId).length;
    assert.ok(after < before, `fix ${fix.id} removes a ${f.messageId} finding (${before} -> ${after})`);
  }
}

/** The errors of `after` that `before` does not have (as many times as it has them). */
function newErrors(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((e) => {
    const i = left.indexOf(e);
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
}

/** The YAML errors of a text, without their positions (a fix moves them): what a fix must not add to. */
function yamlErrors(text: string): string[] {
  return parseAllDocuments(text, { version: '1.1' })
    .flatMap((d) => ('errors' in d ? d.errors : []))
    .map((e) => e.message.split(' at line ')[0]);
}
