// Code actions: each finding's fixes, "Disable <rule> for this line", and "Fix all cnf-lint problems".
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { lintSource } from '../linter/lint-source';
import { LineIndex } from '../manifest/line-index';
import type { TextEdit } from '../fixes/edits';
import { fixAll, minimalEdit } from '../linter/fix-all';
import type { LintWorkspace } from '../linter/lint';
import { disableLineEdit } from '../linter/suppression';
import type { Finding, Rule } from '../linter/types';
import { FIX_ALL_KIND, SOURCE } from '../protocol/constants';
import { DiagnosticData, PositionSource, sameRange, toLspEdit, toRange } from './convert';
import type { LintOutcome } from './lint-document';

/** Findings that a line comment cannot suppress: whole-file and configuration findings. */
const NOT_SUPPRESSIBLE = new Set(['file-not-linted', 'config-invalid']);

/** The title of the fix-all source action. */
export const FIX_ALL_TITLE = 'Fix all cnf-lint problems';

/** How edits are shaped for the client. */
export interface EditOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
}

/**
 * The code actions for a request, given the outcome of the document's current version; fix-all
 * lints in `workspace` (the workspace index, with the document's key) when given.
 */
export function codeActions(params: CodeActionParams, outcome: LintOutcome | undefined, rules: readonly Rule[], options: EditOptions, workspace?: LintWorkspace): CodeAction[] {
  const file = outcome?.file;
  if (!outcome || !file || outcome.isConfig) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const uri = params.textDocument.uri;
  const readOther = (path: string) => outcome.options?.charts?.read(path);
  const edit = (edits: TextEdit[]) => workspaceEdit(uri, outcome.version, outcome.lines, edits, options, readOther);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingOf(outcome, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const edits = attempt(() => fix.edits());
        if (!edits) continue;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(edits) };
        if (fix.preferred) action.isPreferred = true;
        actions.push(action);
      }
      const line = `${finding.ruleId}@${diagnostic.range.start.line}`;
      if (NOT_SUPPRESSIBLE.has(finding.ruleId) || disabled.has(line)) continue;
      disabled.add(line);
      actions.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableLineEdit(file, finding)]) });
    }
  }
  if (only && wants(FIX_ALL_KIND) && outcome.findings.some((f) => f.fixes.length > 0)) {
    const lintText = (text: string) => lintSource(text, outcome.settings, rules, outcome.options, workspace).findings;
    const fixed = attempt(() => minimalEdit(file.text, fixAll(file.text, outcome.settings, rules, workspace, lintText).output));
    if (fixed) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: edit([fixed]) });
  }
  return actions;
}

/**
 * The finding a cnf-lint diagnostic stands for: same rule (`code`), same message id and same range
 * in the current version. Never matched on message text.
 */
function findingOf(outcome: LintOutcome, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return outcome.findings.find(
    (f) =>
      f.ruleId === diagnostic.code &&
      (data?.messageId === undefined || data.messageId === f.messageId) &&
      sameRange(toRange(outcome.lines, f.start, f.end), diagnostic.range),
  );
}

/**
 * A workspace edit of one document version (versioned when the client supports it), and of the
 * other files some edits name (a chart's values.yaml, read by `readOther`).
 */
function workspaceEdit(uri: string, version: number, lines: PositionSource, edits: TextEdit[], options: EditOptions, readOther: (path: string) => string | undefined): WorkspaceEdit {
  const own = edits.filter((e) => e.file === undefined).map((e) => toLspEdit(lines, e));
  const others = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const text = e.file === undefined ? undefined : readOther(e.file);
    if (e.file === undefined || text === undefined) continue;
    const target = pathToFileURL(e.file).href;
    others.set(target, [...(others.get(target) ?? []), toLspEdit(new LineIndex(text), e)]);
  }
  if (!options.documentChanges) return { changes: { ...(own.length > 0 ? { [uri]: own } : {}), ...Object.fromEntries(others) } };
  const documentChanges: TextDocumentEdit[] = own.length > 0 ? [{ textDocument: { uri, version }, edits: own }] : [];
  for (const [target, list] of others) documentChanges.push({ textDocument: { uri: target, version: null }, edits: list });
  return { documentChanges };
}

/** The result of a fix computation, or undefined when it throws (a broken fix withdraws itself). */
function attempt<T>(compute: () => T | undefined): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
