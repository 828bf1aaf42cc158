// The "Fix all problems in this file" command: runs the server's fix-all source action on the active editor.
import { CodeAction, Command, commands, Range, window, workspace } from 'vscode';
import { FIX_ALL_KIND } from '../../server/src/protocol/constants';

/** True for a code action (not a bare command) of exactly the fix-all kind. */
function isFixAll(action: CodeAction | Command): action is CodeAction {
  return typeof action.command !== 'string' && (action as CodeAction).kind?.value === FIX_ALL_KIND;
}

/**
 * Asks the providers for the fix-all action of the active YAML editor and applies it. Resolves to
 * true when an edit was applied, false when there was nothing to fix or no YAML editor.
 */
export async function fixAllInActiveEditor(): Promise<boolean> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    void window.showInformationMessage('cnf-lint: open a YAML file to fix its problems.');
    return false;
  }
  const document = editor.document;
  const whole = new Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions = await commands.executeCommand<Array<CodeAction | Command> | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND, 1);
  const fix = (actions ?? []).find(isFixAll);
  if (!fix || (!fix.edit && !fix.command)) {
    void window.showInformationMessage('cnf-lint: nothing to fix in this file.');
    return false;
  }
  if (fix.edit && !(await workspace.applyEdit(fix.edit))) {
    void window.showWarningMessage('cnf-lint: the file changed while fixing; run the command again.');
    return false;
  }
  if (fix.command) await commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return true;
}
