// Fix-all on save: editor.codeActionsOnSave {"source.fixAll.cnf-lint": "explicit"} fixes the file as it is saved.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');
const { applyLineEdits } = require('../cases');

describe('fix all on save', () => {
  after(async () => {
    await h.setWorkspaceSetting('editor', 'codeActionsOnSave', undefined);
    await h.closeAll();
  });

  it('saving applies every preferred fix and writes the fixed file to disk', async () => {
    await h.setWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.cnf-lint': 'explicit' });
    const uri = h.fileUri('fix-all-on-save.yaml');
    const doc = await h.openInEditor(uri);
    const ds = await h.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length >= 3, 'the findings');
    assert.deepEqual(
      ds.filter((d) => h.codeOf(d) !== 'user-namespace-not-enabled').map((d) => `${h.codeOf(d)}@${h.fmtRange(d.range)}`).sort(),
      // The token finding stays after the save: its fix is not preferred (fix-all never changes what a pod can reach).
      ['host-namespace-sharing@15:7-15:21', 'host-namespace-sharing@8:3-8:20', 'host-namespace-sharing@9:3-9:16', 'privileged-container@18:7-18:22', 'service-account-token-automounted@7:1-7:5'],
    );
    // The user bumps the image tag, then saves (an explicit save of a changed file).
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const line = doc.lineAt(11);
    assert.equal(await editor.edit((b) => b.replace(line.range, line.text.replace(':1.0.0', ':1.0.1'))), true);
    assert.equal(await doc.save(), true, 'the document saves');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const expected = applyLineEdits(h.fixtureText('fix-all-on-save.yaml'), {
      8: null,
      9: null,
      12: '    image: registry.example.com/cnf/pgw:1.0.1',
      15: null,
      18: '      privileged: false',
    });
    assert.equal(onDisk, expected, 'the file on disk');
    assert.equal(doc.getText(), expected, 'the document');
    assert.equal(doc.isDirty, false);
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => ['host-namespace-sharing', 'privileged-container'].includes(h.codeOf(d))), 'the fixed findings to go');
  });
});
