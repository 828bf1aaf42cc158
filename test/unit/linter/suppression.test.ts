// Unit tests of suppressions (comments and the ignore annotation) and of the disable-for-this-line edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/fixes/edits';
import { lint } from '../../../server/src/linter/lint';
import { disableLineEdit } from '../../../server/src/linter/suppression';
import { Finding } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { rule as privilegedContainer } from '../../../server/src/rules/privileged-container';

const ID = 'privileged-container';

/** A Pod with one privileged container; `before` is written on the line above `privileged: true`. */
const pod = (before = '', name = 'app') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: ${name}\n    securityContext:\n${before ? `      ${before}\n` : ''}      privileged: true\n`;

/** The findings of privileged-container, as "line:column messageId" (1-based). */
function found(text: string): string[] {
  const file = parseFile(text);
  const result = lint(file, defaultSettings(), [privilegedContainer]);
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((f) => {
    const p = file.lines.positionAt(f.start);
    return `${p.line + 1}:${p.character + 1} ${f.ruleId}`;
  });
}

function onlyFinding(text: string): Finding {
  const findings = lint(parseFile(text), defaultSettings(), [privilegedContainer]).findings;
  assert.equal(findings.length, 1);
  return findings[0];
}

describe('cnf-lint-disable-next-line', () => {
  it('the finding is there without a comment', () => {
    assert.deepEqual(found(pod()), [`9:7 ${ID}`]);
  });
  it('suppresses the named rule on the next line', () => {
    assert.deepEqual(found(pod(`# cnf-lint-disable-next-line ${ID}`)), []);
  });
  it('takes a list of ids and a reason', () => {
    assert.deepEqual(found(pod(`# cnf-lint-disable-next-line host-namespace-sharing, ${ID} -- DPDK needs it`)), []);
    assert.deepEqual(found(pod(`#cnf-lint-disable-next-line other,${ID}`)), []);
  });
  it('without an id suppresses every rule, with or without a reason', () => {
    assert.deepEqual(found(pod('# cnf-lint-disable-next-line')), []);
    assert.deepEqual(found(pod('# cnf-lint-disable-next-line -- vendor chart')), []);
  });
  it('does not suppress another rule, a rule named in the reason, or a line further down', () => {
    assert.deepEqual(found(pod('# cnf-lint-disable-next-line host-namespace-sharing')), [`10:7 ${ID}`]);
    assert.deepEqual(found(pod(`# cnf-lint-disable-next-line other -- not ${ID}`)), [`10:7 ${ID}`]);
    assert.deepEqual(found(pod(`# cnf-lint-disable-next-line ${ID}\n      allowPrivilegeEscalation: true`)), [`11:7 ${ID}`]);
  });
  it('works with CRLF line endings', () => {
    assert.deepEqual(found(pod(`# cnf-lint-disable-next-line ${ID}`).replace(/\n/g, '\r\n')), []);
  });
});

describe('cnf-lint-disable at the top of a document', () => {
  it('applies to that document only', () => {
    const text = `${pod('', 'one')}---\n# cnf-lint-disable ${ID}\n${pod('', 'two')}---\n${pod('', 'three')}`;
    assert.deepEqual(found(text), [`9:7 ${ID}`, `30:7 ${ID}`]);
  });
  it('applies to the first document from the top of the file, without a marker or before it', () => {
    assert.deepEqual(found(`# cnf-lint-disable ${ID}\n${pod()}---\n${pod()}`), [`20:7 ${ID}`]);
    assert.deepEqual(found(`# cnf-lint-disable\n---\n${pod()}`), []);
  });
  it('inside a document, below its first line, does nothing', () => {
    assert.deepEqual(found(pod(`# cnf-lint-disable ${ID}`)), [`10:7 ${ID}`]);
  });
  it('names other rules: does not apply', () => {
    assert.deepEqual(found(`# cnf-lint-disable other-rule\n${pod()}`), [`10:7 ${ID}`]);
  });
});

describe('the cnf-lint.io/ignore annotation', () => {
  const annotated = (value: string) => pod().replace('  name: app\n', `  name: app\n  annotations:\n    cnf-lint.io/ignore: "${value}"\n`);
  it('ignores the listed rules on its object', () => {
    assert.deepEqual(found(annotated(`host-namespace-sharing,${ID}`)), []);
    assert.deepEqual(found(annotated('host-namespace-sharing')), [`11:7 ${ID}`]);
  });
  it('applies to its object only, also inside a List', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n' +
      `- kind: Pod\n  metadata:\n    annotations: {cnf-lint.io/ignore: ${ID}}\n  spec:\n    containers: [{name: a, securityContext: {privileged: true}}]\n` +
      '- kind: Pod\n  spec:\n    containers: [{name: b, securityContext: {privileged: true}}]\n';
    assert.deepEqual(found(text), [`11:46 ${ID}`]);
  });
});

describe('disableLineEdit', () => {
  it('inserts the comment above the finding at its indentation, and the finding goes', () => {
    const text = pod();
    const out = applyEdits(text, [disableLineEdit(parseFile(text), onlyFinding(text))]);
    assert.equal(out, pod(`# cnf-lint-disable-next-line ${ID}`));
    assert.deepEqual(found(out), []);
  });
  it('for a finding on a line that starts with `- `, at the dash', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - {name: a, securityContext: {privileged: true}}\n';
    const out = applyEdits(text, [disableLineEdit(parseFile(text), onlyFinding(text))]);
    assert.equal(out, `kind: Pod\nspec:\n  containers:\n  # cnf-lint-disable-next-line ${ID}\n  - {name: a, securityContext: {privileged: true}}\n`);
    assert.deepEqual(found(out), []);
  });
  it('appends the id to a directive already there, before its reason', () => {
    const text = pod('# cnf-lint-disable-next-line other-rule -- reviewed');
    const out = applyEdits(text, [disableLineEdit(parseFile(text), onlyFinding(text))]);
    assert.equal(out, pod(`# cnf-lint-disable-next-line other-rule, ${ID} -- reviewed`));
    assert.deepEqual(found(out), []);
    const bare = pod('# cnf-lint-disable-next-line other-rule');
    assert.equal(applyEdits(bare, [disableLineEdit(parseFile(bare), onlyFinding(bare))]), pod(`# cnf-lint-disable-next-line other-rule, ${ID}`));
  });
  it('keeps CRLF', () => {
    const text = pod().replace(/\n/g, '\r\n');
    const out = applyEdits(text, [disableLineEdit(parseFile(text), onlyFinding(text))]);
    assert.equal(out, pod(`# cnf-lint-disable-next-line ${ID}`).replace(/\n/g, '\r\n'));
    const existing = pod('# cnf-lint-disable-next-line other-rule').replace(/\n/g, '\r\n');
    assert.equal(
      applyEdits(existing, [disableLineEdit(parseFile(existing), onlyFinding(existing))]),
      pod(`# cnf-lint-disable-next-line other-rule, ${ID}`).replace(/\n/g, '\r\n'),
    );
  });
  it('on the first line of the file', () => {
    const text = 'kind: Pod\nspec: {containers: [{name: a, securityContext: {privileged: true}}]}\n';
    const finding = onlyFinding(text);
    const out = applyEdits(text, [disableLineEdit(parseFile(text), finding)]);
    assert.equal(out, `kind: Pod\n# cnf-lint-disable-next-line ${ID}\nspec: {containers: [{name: a, securityContext: {privileged: true}}]}\n`);
  });
});
