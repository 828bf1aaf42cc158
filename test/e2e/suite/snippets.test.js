// Snippets in the real editor: each one contributed, inserted by name, draws no finding of its own rules.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');
const { snippets: rows } = require('../cases');

/** The extension under test: the one whose package.json contributes `cnfLint.*` settings. */
function extension() {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.contributes?.configuration?.properties?.['cnfLint.enable']);
  assert.ok(ext, 'the cnf-lint extension is loaded');
  return ext;
}

/** Snippet names (keys) and bodies from every snippet file package.json contributes for yaml. */
function contributedSnippets() {
  const ext = extension();
  const out = {};
  for (const s of ext.packageJSON.contributes?.snippets ?? []) {
    if (s.language !== 'yaml') continue;
    const text = fs.readFileSync(path.join(ext.extensionPath, s.path), 'utf8');
    Object.assign(out, JSON.parse(text));
  }
  return out;
}

/** A whole document that draws one host-namespace-sharing finding: replaced by the snippet, its finding going tells that the new text was linted. */
const SENTINEL = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: sentinel', 'spec:', '  hostUsers: false', '  «hostNetwork: true»', '  containers: []', ''].join('\n');

describe('snippets', () => {
  const snippets = contributedSnippets();
  afterEach(() => h.closeAll());

  it('has a row in cases.js for every contributed snippet, and none for a snippet that does not exist', () => {
    const names = Object.keys(snippets);
    assert.ok(names.length > 0, 'package.json contributes snippets');
    assert.deepEqual(names.filter((n) => !rows[n]), [], 'snippets without a row in test/e2e/cases.js');
    assert.deepEqual(Object.keys(rows).filter((n) => !snippets[n]), [], 'rows for snippets that are not contributed');
  });

  for (const [name, row] of Object.entries(rows)) {
    it(`${name}: inserted by name, it parses and draws no finding of ${row.rules === '*' ? 'any rule' : row.rules.join(', ')}`, async () => {
      const host = row.host ?? SENTINEL;
      const whole = !row.host;
      const uri = h.fileUri(`snippet-${name}.yaml`);
      const selStart = host.indexOf('«');
      const selEnd = host.indexOf('»') - 1;
      fs.writeFileSync(uri.fsPath, host.replace('«', '').replace('»', ''));
      const doc = await h.openInEditor(uri);
      const before = await h.waitForDiagnostics(uri, (ds) => ds.length > 0, 'the host document\'s finding');
      const marked = new vscode.Range(doc.positionAt(selStart), doc.positionAt(selEnd));
      const sentinel = before.find((d) => marked.contains(d.range));
      assert.ok(sentinel, `the text the snippet replaces draws a finding (got ${h.describe(before)})`);
      const editor = vscode.window.activeTextEditor;
      editor.selection = whole
        ? new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length))
        : new vscode.Selection(marked.start, marked.end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { name });
      const firstBodyLine = [].concat(snippets[name].body)[0].replace(/\$\{\d+:([^}]*)\}/g, '$1');
      assert.ok(doc.getText().includes(firstBodyLine), `the snippet was inserted:\n${doc.getText()}`);
      const after = await h.waitForDiagnostics(
        uri,
        (ds) => !ds.some((d) => h.codeOf(d) === h.codeOf(sentinel) && d.range.isEqual(sentinel.range) && d.message === sentinel.message),
        'the replaced text\'s finding to go',
      );
      const watched = (d) => row.rules === '*' || row.rules.includes(h.codeOf(d)) || h.codeOf(d) === 'yaml-syntax';
      assert.deepEqual(after.filter(watched).map((d) => `${h.codeOf(d)}@${h.fmtRange(d.range)}: ${d.message}`), [], `findings in:\n${doc.getText()}`);
      await vscode.commands.executeCommand('leaveSnippet');
    });
  }
});
