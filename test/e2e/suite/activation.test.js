// Activation: opening the first YAML file starts the extension and its server; the time to the first diagnostics is reported.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('activation', () => {
  after(() => h.closeAll());

  it('the first YAML file opened activates the extension and gets its diagnostics (time reported, server start included)', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.contributes?.configuration?.properties?.['cnfLint.enable']);
    assert.ok(ext, 'the cnf-lint extension is installed in the editor');
    const activeBefore = ext.isActive;
    const uri = h.fileUri('privileged-container.yaml');
    const started = Date.now();
    await h.openInEditor(uri);
    await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'privileged-container'), 'the first diagnostics', 30000);
    const ms = Date.now() - started;
    assert.equal(ext.isActive, true, 'the extension is active');
    globalThis.__cnfE2eMetrics.coldFirstDiagnosticsMs = ms;
    console.log(`[e2e] open to first diagnostics, cold (${activeBefore ? 'extension already active' : 'activation and server start included'}): ${ms} ms`);
  });
});
