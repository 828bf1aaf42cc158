// Settings in the real editor: `cnfLint.rules` turns a rule off or changes its severity, per workspace.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('settings', () => {
  const uri = () => h.fileUri('privileged-container.yaml');
  const privileged = (ds) => ds.filter((d) => h.codeOf(d) === 'privileged-container');

  afterEach(async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    await h.closeAll();
  });

  it("cnfLint.rules {id: 'off'} removes the rule's diagnostics, and removing the setting brings them back", async () => {
    await h.openInEditor(uri());
    const before = privileged(await h.waitForDiagnostics(uri(), (ds) => privileged(ds).length > 0, 'a privileged-container diagnostic'));
    assert.equal(before.length, 1);
    await h.setWorkspaceSetting('cnfLint', 'rules', { 'privileged-container': 'off' });
    await h.waitForDiagnostics(uri(), (ds) => privileged(ds).length === 0, 'privileged-container to be off');
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    const after = privileged(await h.waitForDiagnostics(uri(), (ds) => privileged(ds).length > 0, 'privileged-container back on'));
    assert.equal(h.fmtRange(after[0].range), h.fmtRange(before[0].range));
    assert.equal(after[0].severity, vscode.DiagnosticSeverity.Error);
  });

  it("cnfLint.rules {id: 'warning'} changes the rule's severity", async () => {
    await h.openInEditor(uri());
    await h.waitForDiagnostics(uri(), (ds) => privileged(ds).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error');
    await h.setWorkspaceSetting('cnfLint', 'rules', { 'privileged-container': 'warning' });
    const ds = await h.waitForDiagnostics(uri(), (ds) => privileged(ds).some((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'a warning');
    assert.equal(privileged(ds).length, 1);
  });
});
