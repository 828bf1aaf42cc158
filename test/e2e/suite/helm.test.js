// A Helm chart in the real editor: a squiggle on `{{ .Values.x }}`, related to values.yaml; its fix changes values.yaml and the squiggle goes.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('helm: a chart template linted in place', () => {
  const registry = h.registry();

  afterEach(async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    await h.closeAll();
  });

  it('a value from values.yaml: squiggle on the action, related to values.yaml; the preferred fix edits values.yaml and the squiggle goes', async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', Object.fromEntries(registry.filter((r) => r.id !== 'privileged-container').map((r) => [r.id, 'off'])));
    const uri = h.fileUri('upf-chart/templates/privileged.yaml');
    await h.openInEditor(uri);
    const [d] = await h.waitForDiagnostics(uri, (ds) => ds.some((x) => h.codeOf(x) === 'privileged-container'), 'the privileged-container diagnostic');
    assert.equal(h.fmtRange(d.range), '11:7-11:59', 'on privileged: {{ .Values.securityContext.privileged }}');
    const values = h.fileUri('upf-chart/values.yaml');
    assert.deepEqual(
      (d.relatedInformation ?? []).map((r) => [r.location.uri.toString(), h.fmtRange(r.location.range), r.message]),
      [[values.toString(), '4:15-4:19', 'The value comes from securityContext.privileged here.']],
    );
    const actions = await h.quickFixesFor(uri, d);
    const preferred = actions.find((a) => a.isPreferred);
    assert.equal(preferred?.title, 'Set privileged: false');
    await h.applyAction(preferred);
    const valuesDoc = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === values.toString());
    assert.equal(valuesDoc?.getText(), h.fixtureText('upf-chart/values.yaml').replace('privileged: true', 'privileged: false'), 'values.yaml after the fix');
    assert.equal(vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString())?.getText(), h.fixtureText('upf-chart/templates/privileged.yaml'), 'the template is not edited');
    await h.waitForDiagnostics(uri, (ds) => !ds.some((x) => h.codeOf(x) === 'privileged-container'), 'the squiggle to go once values.yaml says false');
  });
});
