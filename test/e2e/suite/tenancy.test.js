// Tenancy (RA2 gap 1) in the editor: the "add NetworkPolicy" fix appends a policy document, and with every rule on it draws no finding of gap 1.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');
const { NRF_POLICY } = require('../cases');

/** The rules of gap 1 (tenancy). */
const GAP1 = ['multus-cross-namespace-attachment', 'namespace-tenant-guardrails-missing', 'network-policy-missing', 'service-account-token-automounted', 'workload-in-default-namespace'];

describe('tenancy across the workspace', () => {
  after(async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    await h.closeAll();
  });

  it('the "add NetworkPolicy" fix appends a policy for the pod labels; the finding goes and the new document draws no gap-1 finding', async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    const uri = h.fileUri('network-policy-missing.yaml');
    const doc = await h.openInEditor(uri);
    const ds = await h.waitForDiagnostics(uri, (list) => list.some((d) => h.codeOf(d) === 'network-policy-missing'), 'the network-policy-missing diagnostic');
    const d = ds.find((x) => h.codeOf(x) === 'network-policy-missing');
    assert.equal(h.fmtRange(d.range), '12:5-12:9');
    const actions = await h.quickFixesFor(uri, d);
    const fix = actions.find((a) => a.title === 'Add a NetworkPolicy for the pods labelled app=nrf at the end of this file');
    assert.ok(fix, `the fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.notEqual(fix.isPreferred, true, 'not preferred: fix-all never changes what a pod can reach');
    await h.applyAction(fix);
    const after = await h.waitForDiagnostics(uri, (list) => !list.some((x) => h.codeOf(x) === 'network-policy-missing'), 'the network-policy-missing diagnostic to go');
    const original = h.fixtureText('network-policy-missing.yaml');
    assert.equal(doc.getText(), original + NRF_POLICY.join('\n') + '\n', 'the policy is a new document after ---, the rest untouched');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const newDocument = after.filter((x) => x.range.start.line >= 16 && GAP1.includes(h.codeOf(x)));
    assert.deepEqual(newDocument.map((x) => `${h.codeOf(x)}@${h.fmtRange(x.range)}`), [], 'no gap-1 finding on the new document');
  });
});
