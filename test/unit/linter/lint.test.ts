// Unit tests of lint(): engine findings, settings, skipped files, and rules that throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, oversizeFinding } from '../../../server/src/linter/lint';
import { Finding, Rule } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings, mergeSettings, Settings } from '../../../server/src/protocol/settings';
import { rule as privilegedContainer } from '../../../server/src/rules/privileged-container';

const PRIVILEGED = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: {privileged: true}\n';
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: {}\n';

/** Findings as "line:column-endLine:endColumn ruleId/messageId severity" (1-based). */
function summary(text: string, findings: Finding[]): string[] {
  const lines = parseFile(text).lines;
  return findings.map((f) => {
    const s = lines.positionAt(f.start);
    const e = lines.positionAt(f.end);
    return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${f.ruleId}/${f.messageId} ${f.severity}`;
  });
}

function run(text: string, settings: Partial<Settings> = {}, rules: Rule[] = [privilegedContainer]) {
  return lint(parseFile(text), mergeSettings(defaultSettings(), settings), rules);
}

/** A rule that reports once on the `kind` pair of every object. */
const kindRule: Rule = {
  meta: { ...privilegedContainer.meta, id: 'kind-rule', messages: { kind: 'An object of kind {{kind}}.' }, fixes: {} },
  check(ctx) {
    for (const o of ctx.objects) ctx.report({ messageId: 'kind', at: o.kindPair, data: { kind: o.kind } });
  },
};

describe('lint: YAML that does not parse', () => {
  it('yaml-syntax at the parser position, while the other documents are still linted', () => {
    const text = `${PRIVILEGED}---\n${BROKEN}---\n${PRIVILEGED}`;
    const result = run(text);
    assert.deepEqual(summary(text, result.findings), [
      '6:23-6:39 privileged-container/privileged error',
      '11:1-11:2 yaml-syntax/syntax error',
      '18:23-18:39 privileged-container/privileged error',
    ]);
    const syntax = result.findings[1];
    assert.equal(syntax.message, 'Flow map in block collection must be sufficiently indented and end with a }');
    assert.deepEqual(syntax.fixes, []);
  });
  it('one finding per parser error', () => {
    const text = 'a: [1\nb: "x\n';
    const result = run(text);
    assert.equal(result.findings.length, parseFile(text).documents.flatMap((d) => d.errors).length);
    assert.ok(result.findings.length >= 2);
    assert.ok(result.findings.every((f) => f.ruleId === 'yaml-syntax'));
  });
});

describe('lint: settings', () => {
  it('a rule set to off reports nothing; engine ids can be turned off too', () => {
    assert.deepEqual(run(PRIVILEGED, { rules: { 'privileged-container': 'off' } }).findings, []);
    assert.deepEqual(run(BROKEN, { rules: { 'yaml-syntax': 'off' } }).findings, []);
  });
  it('a severity override replaces the default and what the rule reports', () => {
    assert.deepEqual(summary(PRIVILEGED, run(PRIVILEGED, { rules: { 'privileged-container': 'warning' } }).findings), ['6:23-6:39 privileged-container/privileged warning']);
    assert.deepEqual(summary(BROKEN, run(BROKEN, { rules: { 'yaml-syntax': 'info' } }).findings), ['4:1-4:2 yaml-syntax/syntax info']);
  });
  it('enable: false lints nothing, not even syntax', () => {
    assert.deepEqual(run(`${PRIVILEGED}---\n${BROKEN}`, { enable: false }), { findings: [], ruleErrors: [] });
  });
});

describe('lint: files not linted', () => {
  it('binary data gets one information finding', () => {
    assert.deepEqual(
      run('kind: Pod\u0000').findings.map((f) => [f.ruleId, f.messageId, f.start]),
      [['file-not-linted', 'binary', 9]],
    );
  });
  it('oversizeFinding: over the limit only, with size and limit in the message', () => {
    const settings = mergeSettings(defaultSettings(), { maxFileSize: 100 });
    assert.equal(oversizeFinding(100, settings), undefined);
    const f = oversizeFinding(101, settings)!;
    assert.deepEqual([f.ruleId, f.messageId, f.severity, f.start, f.end, f.fixes], ['file-not-linted', 'tooLarge', 'info', 0, 0, []]);
    assert.equal(f.message, 'This file is 101 bytes, over the cnfLint.maxFileSize limit of 100 bytes: not linted.');
    assert.equal(oversizeFinding(101, mergeSettings(settings, { rules: { 'file-not-linted': 'off' } })), undefined);
    assert.equal(oversizeFinding(5 * 1024 * 1024 + 1, defaultSettings())?.messageId, 'tooLarge');
  });
});

describe('lint: rules that fail', () => {
  const throwing: Rule = {
    meta: { ...privilegedContainer.meta, id: 'throws' },
    check() {
      throw new Error('boom');
    },
  };
  const badReport: Rule = {
    meta: { ...privilegedContainer.meta, id: 'bad-report' },
    check(ctx) {
      for (const o of ctx.objects) ctx.report({ messageId: 'no-such-message', at: o.kindPair });
    },
  };
  it('a rule that throws is one internal-error finding naming it, in ruleErrors, and the others still run', () => {
    const result = run(PRIVILEGED, {}, [throwing, privilegedContainer, kindRule]);
    assert.deepEqual(summary(PRIVILEGED, result.findings), [
      '2:1-2:10 internal-error/ruleFailed info',
      '2:1-2:10 kind-rule/kind error',
      '6:23-6:39 privileged-container/privileged error',
    ]);
    assert.match(result.findings[0].message, /^Rule throws failed on this document \(Error: boom\): its findings here are missing/);
    assert.equal(result.findings[1].message, 'An object of kind Pod.');
    assert.deepEqual(
      result.ruleErrors.map((e) => [e.ruleId, (e.error as Error).message]),
      [['throws', 'boom']],
    );
  });
  it('a report with an unknown message id is a rule error', () => {
    const result = run(PRIVILEGED, {}, [badReport, privilegedContainer]);
    assert.deepEqual(result.ruleErrors.map((e) => e.ruleId), ['bad-report']);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['internal-error', 'privileged-container']);
  });
  it('a rule turned off is not run at all', () => {
    const { findings, ruleErrors } = run(PRIVILEGED, { rules: { throws: 'off' } }, [throwing]);
    assert.deepEqual({ findings, ruleErrors }, { findings: [], ruleErrors: [] });
  });
});

describe('lint: findings', () => {
  it('are sorted by position across rules and documents', () => {
    const text = `${PRIVILEGED}---\n${PRIVILEGED}`;
    const result = run(text, {}, [privilegedContainer, kindRule]);
    assert.deepEqual(summary(text, result.findings), [
      '2:1-2:10 kind-rule/kind error',
      '6:23-6:39 privileged-container/privileged error',
      '9:1-9:10 kind-rule/kind error',
      '13:23-13:39 privileged-container/privileged error',
    ]);
  });
  it('offer fixes with titles, computed when asked; a fix whose edit refuses is withdrawn', () => {
    const finding = run(PRIVILEGED).findings[0];
    assert.deepEqual(
      finding.fixes.map((f) => [f.id, f.title, f.preferred]),
      [
        ['setFalse', 'Set privileged: false', true],
        ['leastPrivilege', 'Least privilege: privileged false, no privilege escalation, drop ALL capabilities', false],
        ['netAdminUserns', 'Least privilege with NET_ADMIN in a user namespace (hostUsers: false)', false],
      ],
    );
    assert.deepEqual(finding.fixes[0].edits(), [{ start: PRIVILEGED.indexOf('true'), end: PRIVILEGED.indexOf('true') + 4, text: 'false' }]);
    const shared = 'kind: Pod\nx: &sc {privileged: true}\nspec:\n  containers:\n  - name: a\n    securityContext: *sc\n';
    assert.deepEqual(run(shared).findings[0].fixes.map((f) => f.edits()), [undefined, undefined, undefined]);
  });
});
