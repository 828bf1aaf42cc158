// Inputs that once crashed the engine or aborted a run: user keys that name Object.prototype members, deep JSON, long merge chains, huge numbers and lists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../../server/src/linter/fix-all';
import { MAX_FINDINGS_PER_DOCUMENT } from '../../../server/src/linter/guard';
import { lint } from '../../../server/src/linter/lint';
import { Finding } from '../../../server/src/linter/types';
import { getPair, keysOf, MAX_MERGE_DEPTH, scalarText } from '../../../server/src/manifest/nodes';
import { MAX_DOCUMENTS, parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

/** Lints with every rule; asserts that no rule threw, and computes every fix (a fix that throws fails the test). */
function lintAll(text: string): Finding[] {
  const result = lint(parseFile(text), defaultSettings(), RULES, undefined, { index: new WorkspaceIndex(), uri: 'test.yaml' });
  assert.deepEqual(
    result.ruleErrors.map((e) => `${e.ruleId}: ${String(e.error)}`),
    [],
  );
  for (const f of result.findings) for (const fix of f.fixes) fix.edits();
  return result.findings;
}

/** Findings as "line:column ruleId/messageId". */
function brief(text: string, findings: Finding[]): string[] {
  const lines = parseFile(text).lines;
  return findings.map((f) => {
    const p = lines.positionAt(f.start);
    return `${p.line + 1}:${p.character + 1} ${f.ruleId}/${f.messageId}`;
  });
}

/** A Pod in namespace cnf, in a user namespace, with the networks annotation written as `value`. */
const pod = (value: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: ${value}
spec:
  hostUsers: false
  containers:
    - name: c
      image: x
`;

describe('hostile input: keys that name Object.prototype members are plain keys', () => {
  it('a "constructor" key in a networks element is an unknown key, with no rename to offer', () => {
    const text = pod(`'[{"name":"a","constructor":1}]'`);
    const findings = lintAll(text).filter((f) => f.ruleId === 'multus-annotation-malformed');
    assert.deepEqual(brief(text, findings), ['7:48 multus-annotation-malformed/unknownKey']);
    assert.deepEqual(findings[0].fixes, []);
  });
  it('a "__proto__" key does not hide a missing name', () => {
    const text = pod(`'[{"__proto__":{"name":"x"}}]'`);
    const findings = lintAll(text).filter((f) => f.ruleId === 'multus-annotation-malformed');
    assert.deepEqual(brief(text, findings), ['7:36 multus-annotation-malformed/missingName', '7:37 multus-annotation-malformed/unknownKey']);
  });
  it('the annotation written as a YAML map with a "constructor" key is fixed into a string that parses', () => {
    const text = pod('\n      name: a\n      constructor: 1');
    lintAll(text);
    const { output } = fixAll(text, defaultSettings(), RULES);
    assert.notEqual(output, text);
    assert.deepEqual(
      parseFile(output).documents.flatMap((d) => d.errors),
      [],
    );
  });
  for (const kind of ['constructor', 'hasOwnProperty', '__proto__', 'toString']) {
    it(`an object of kind ${kind} is an unknown kind`, () => {
      assert.deepEqual(lintAll(`apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n  containers: []\n`), []);
      assert.deepEqual(lintAll(`apiVersion: kubevirt.io/v1\nkind: ${kind}\nmetadata:\n  name: x\nspec: {}\n`), []);
    });
  }
  it('a label named "constructor" is not matched by every selector naming it', () => {
    const policy = `apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: pol
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/policy-for: cnf/a
spec:
  podSelector:
    matchLabels:
      constructor: x
`;
    const text = `${pod(`'[{"name":"a"}]'`)}---\n${policy}`;
    const ids = lintAll(text).map((f) => f.ruleId);
    assert.ok(ids.includes('secondary-network-policy-missing'), 'the pod has no constructor label: the policy does not select it');
  });
});

describe('hostile input: deep JSON is read to a limit, with a finding that says so', () => {
  it('a networks annotation nested 3,000 deep: one information finding, no rule fails', () => {
    const text = pod(`'${'['.repeat(3000)}${']'.repeat(3000)}'`);
    const findings = lintAll(text).filter((f) => f.ruleId.startsWith('multus-') || f.ruleId === 'internal-error');
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}/${f.messageId} ${f.severity}`),
      ['multus-annotation-malformed/jsonTooDeep info'],
    );
    assert.match(findings[0].message, /more than 1000 levels deep/);
  });
  it('a NAD config nested 3,000 deep fails no rule', () => {
    const nad = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: a
  namespace: cnf
spec:
  config: '{"cniVersion":"0.3.1","type":"macvlan","ipam":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}'
`;
    lintAll(`${pod(`'[{"name":"a"}]'`)}---\n${nad}`);
  });
});

describe('hostile input: merge keys', () => {
  /** A root map whose key `top` merges a chain of `n` anchored maps, the last of which sets `deep: yes`. */
  const chain = (n: number) => {
    let text = 'm0: &a0 {deep: found}\n';
    for (let i = 1; i < n; i++) text += `m${i}: &a${i}\n  <<: *a${i - 1}\n`;
    return `${text}top:\n  <<: *a${n - 1}\n`;
  };
  const top = (text: string) => getPair(parseFile(text).documents[0].doc.contents, 'top')?.value;
  it(`a chain of ${MAX_MERGE_DEPTH - 1} merges is followed to its end`, () => {
    const text = chain(MAX_MERGE_DEPTH - 1);
    assert.equal(scalarText(getPair(top(text), 'deep')?.value), 'found');
    assert.deepEqual(keysOf(top(text)), ['deep']);
  });
  it('a chain of 3,000 merges is not followed past the limit, and never overflows the stack', () => {
    const text = chain(3000);
    assert.equal(getPair(top(text), 'deep'), undefined);
    assert.deepEqual(keysOf(top(text)), []);
  });
  it('a chain of 3,000 merges in a manifest is one internal-error finding on the first merge key past the limit', () => {
    const text = `${chain(3000)}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n`;
    const findings = lintAll(text).filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'yaml-syntax');
    assert.deepEqual(brief(text, findings), [`${2 * MAX_MERGE_DEPTH + 3}:3 internal-error/mergeTooDeep`]);
    assert.match(findings[0].message, /more than 1000 maps deep/);
  });
  it('a map that merges itself is read once', () => {
    const text = 'a: &x\n  k: 1\n  <<: *x\n';
    const a = getPair(parseFile(text).documents[0].doc.contents, 'a')?.value;
    assert.equal(scalarText(getPair(a, 'k')?.value), '1');
    assert.equal(getPair(a, 'missing'), undefined);
    assert.deepEqual(keysOf(a), ['k']);
  });
});

describe('hostile input: numbers and lists of any size', () => {
  it('a KubeVirt cores of 400 digits counts as unset (KubeVirt takes a uint32)', () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm
  namespace: cnf
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        cpu:
          cores: ${'9'.repeat(400)}
          dedicatedCpuPlacement: true
        resources:
          requests:
            memory: 1Gi
`;
    assert.deepEqual(
      lintAll(text).filter((f) => f.ruleId === 'kubevirt-dedicated-cpu-invalid'),
      [],
    );
  });
  it(`a Pod listing 70,000 networks: at most ${MAX_FINDINGS_PER_DOCUMENT} findings and one that says the rest are not reported`, () => {
    const list = Array.from({ length: 70_000 }, (_, i) => `{"name":"n${i}"}`).join(',');
    const text = pod(`'[${list}]'`);
    const findings = lint(parseFile(text), defaultSettings(), RULES);
    assert.deepEqual(findings.ruleErrors, []);
    assert.equal(findings.findings.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    const limit = findings.findings.filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(
      limit.map((f) => [f.messageId, f.start, f.message]),
      [['tooManyFindings', 0, `This document has more than ${MAX_FINDINGS_PER_DOCUMENT} findings: the rest are not reported.`]],
    );
  });
  it('a comma list of 150,000 networks on one interface, and a folded JSON string of 300,000 blank lines: no rule fails', () => {
    const list = Array.from({ length: 150_000 }, (_, i) => `n${i}@net1`).join(',');
    const findings = lintAll(pod(list));
    assert.equal(findings.filter((f) => f.messageId === 'duplicateInterface').length > 0, true);
    lintAll(pod(`>\n      [a,${'\n'.repeat(300_000)}      b]`));
  });
  it('a networks annotation written as a YAML list of aliases is reported, with no rewrite that would write {"source": ...}', () => {
    const text = pod('[*a, *a]').replace('  namespace: cnf\n', '  namespace: cnf\n  labels: {x: &a [n1, n2]}\n');
    assert.deepEqual(parseFile(text).documents[0].errors, []);
    const findings = lintAll(text).filter((f) => f.ruleId === 'multus-annotation-malformed');
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.fixes.length]),
      [['notString', 0]],
    );
  });
  it(`1,000,000 lines of --- : ${MAX_DOCUMENTS} documents parsed, one finding where the rest starts`, () => {
    const text = '---\n'.repeat(1_000_000);
    const file = parseFile(text);
    assert.equal(file.documents.length, MAX_DOCUMENTS);
    assert.equal(file.unparsedFrom, 4 * MAX_DOCUMENTS);
    const findings = lintAll(text).filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(brief(text, findings), [`${MAX_DOCUMENTS + 1}:1 internal-error/tooManyDocuments`]);
  });
});
