// Helpers for the suite in the extension host: open fixtures, wait for diagnostics on events, find fixes.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const SOURCE = 'cnf-lint';
const E2E_DIR = path.resolve(__dirname, '..');

/** The rule registry as the build has it: written by the runner from server/src/rules (CNF_E2E_RULES). */
function registry() {
  const file = process.env.CNF_E2E_RULES;
  assert.ok(file && fs.existsSync(file), 'CNF_E2E_RULES must name the rule registry the runner exported');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The workspace folder the runner opened (a fresh copy of test/e2e/fixtures). */
function workspaceDir() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor must have the fixture workspace open');
  return folder.uri;
}

/** The URI of a file in the workspace. */
const fileUri = (name) => vscode.Uri.joinPath(workspaceDir(), name);

/** The text of a fixture as committed (not the workspace copy, which tests may change). */
const fixtureText = (name) => fs.readFileSync(path.join(E2E_DIR, 'fixtures', name), 'utf8');

/** cnf-lint's diagnostics of a document. */
const cnfDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

/** The rule id of a diagnostic (`code` is `{value, target}` when it links its doc page). */
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * Resolves with the document's cnf-lint diagnostics once `predicate` holds for them: checked now and
 * on every onDidChangeDiagnostics for the URI. Rejects after `timeoutMs` with what was last seen.
 */
function waitForDiagnostics(uri, predicate, what, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    let sub;
    const check = () => {
      const diags = cnfDiagnostics(uri);
      if (!predicate(diags)) return false;
      clearTimeout(timer);
      sub?.dispose();
      resolve(diags);
      return true;
    };
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out waiting for ${what} on ${path.basename(uri.path)}; diagnostics now: ${describe(cnfDiagnostics(uri))}`));
    }, timeoutMs);
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** A short description of diagnostics for failure messages. */
function describe(diags) {
  if (diags.length === 0) return '(none)';
  return diags.map((d) => `${codeOf(d)}@${fmtRange(d.range)}`).join(', ');
}

/** `line:col-line:col`, 1-based, as the case table writes ranges. */
const fmtRange = (r) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** Opens a document in an editor and returns it. */
async function openInEditor(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Closes every editor, reverting unsaved changes, so that each test starts from the files on disk. */
async function closeAll() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * The quick-fixes the editor offers at a diagnostic's range, as the lightbulb lists them. (The API's
 * code actions do not say which diagnostic they fix: tests that need one rule's fixes alone turn the
 * other rules off.)
 */
async function quickFixesFor(uri, diagnostic) {
  const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/** Applies a code action's edit (and command, if any); fails when the editor refuses the edit. */
async function applyAction(action) {
  assert.ok(action.edit, `code action '${action.title}' carries no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `the editor refused the edit of '${action.title}'`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Sets (or with undefined removes) a setting in the workspace: the fixture folder's .vscode/settings.json. */
async function setWorkspaceSetting(section, key, value) {
  const config = vscode.workspace.getConfiguration(section);
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Regex matching a message template of the rule metadata, `{{x}}` standing for any text. */
function templateRegex(template) {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

module.exports = {
  SOURCE,
  E2E_DIR,
  registry,
  fileUri,
  fixtureText,
  cnfDiagnostics,
  codeOf,
  waitForDiagnostics,
  describe,
  fmtRange,
  openInEditor,
  closeAll,
  quickFixesFor,
  applyAction,
  setWorkspaceSetting,
  templateRegex,
};
