// Offsets to LSP ranges, findings to diagnostics, engine edits to LSP edits: the edge of the server.
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextEdit } from '../fixes/edits';
import type { Finding, Severity } from '../linter/types';
import type { LineIndex } from '../manifest/line-index';
import { ruleDocUrl, SOURCE } from '../protocol/constants';

/** What a cnf-lint diagnostic carries in `data`: enough to find its finding again. */
export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  version: number;
}

/** Converts offsets; `LineIndex` is the one converter, a bare `{positionAt}` works for a text without one. */
export type PositionSource = Pick<LineIndex, 'positionAt'>;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The range of [start, end) offsets. */
export function toRange(lines: PositionSource, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** The diagnostic of a finding in a given document version. */
export function toDiagnostic(finding: Finding, lines: PositionSource, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, messageId: finding.messageId, version };
  return {
    range: toRange(lines, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
    ...(finding.related
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: pathToFileURL(r.file).href, range: { start: r.start, end: r.end } }, message: r.message })) }
      : {}),
  };
}

/** An engine edit as an LSP edit. */
export function toLspEdit(lines: PositionSource, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit.start, edit.end), newText: edit.text };
}

/** True when two ranges are equal. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
