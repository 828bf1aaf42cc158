// Suppressions: `# cnf-lint-disable-next-line`, `# cnf-lint-disable` atop a document, and the
// `cnf-lint.io/ignore` annotation; and the edit that writes a disable-next-line comment.
import { TextEdit } from '../fixes/edits';
import { K8sObject, annotation } from '../manifest/objects';
import { ParsedFile } from '../manifest/parse';
import { Finding } from './types';

/** The annotation that lists rule ids to ignore on an object. */
export const IGNORE_ANNOTATION = 'cnf-lint.io/ignore';

const NEXT_LINE = /^[ \t]*#[ \t]*cnf-lint-disable-next-line\b[ \t]*(.*?)[ \t]*\r?$/;
const DOCUMENT = /^[ \t]*#[ \t]*cnf-lint-disable\b(?!-)[ \t]*(.*?)[ \t]*\r?$/;

/** Ids of a directive's argument (`a, b -- reason`); `*` for none, which means every rule. */
function parseIds(arg: string): Set<string> {
  const list = idList(arg);
  const ids = list.split(/[,\s]+/).filter(Boolean);
  return new Set(ids.length ? ids : ['*']);
}

/** The id list of a directive's argument: the text before ` -- reason` (or before `-- reason` when there is no id). */
function idList(arg: string): string {
  return arg.split(/(?:^|[ \t])--/)[0];
}

const matches = (ids: Set<string> | undefined, id: string) => !!ids && (ids.has('*') || ids.has(id));

/** Drops the findings that a comment or annotation suppresses. */
export function applySuppressions(file: ParsedFile, objects: K8sObject[], findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const text = file.text;
  const byLine = new Map<number, Set<string>>();
  const byDocument: Array<{ from: number; to: number; ids: Set<string> }> = [];
  if (text.includes('cnf-lint-disable')) {
    const starts = file.documents.map((d) => (d.doc.contents as { range?: number[] } | null)?.range?.[0] ?? d.end);
    for (let at = text.indexOf('cnf-lint-disable'); at >= 0; at = text.indexOf('cnf-lint-disable', at + 16)) {
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const nl = text.indexOf('\n', at);
      const line = text.slice(lineStart, nl < 0 ? text.length : nl);
      const next = NEXT_LINE.exec(line);
      if (next) {
        byLine.set(file.lines.positionAt(lineStart).line + 1, parseIds(next[1]));
        continue;
      }
      const whole = DOCUMENT.exec(line);
      if (!whole) continue;
      const i = starts.findIndex((s) => s > lineStart);
      if (i < 0 || (i > 0 && file.documents[i - 1].end > lineStart)) continue;
      byDocument.push({ from: file.documents[i].start, to: file.documents[i].end, ids: parseIds(whole[1]) });
    }
  }
  const byObject: Array<{ from: number; to: number; ids: Set<string> }> = [];
  for (const o of objects) {
    const value = annotation(o.metadata, IGNORE_ANNOTATION);
    if (value !== undefined && o.map.range) byObject.push({ from: o.map.range[0], to: o.map.range[2], ids: parseIds(value) });
  }
  if (byLine.size === 0 && byDocument.length === 0 && byObject.length === 0) return findings;
  return findings.filter((f) => {
    if (matches(byLine.get(file.lines.positionAt(f.start).line), f.ruleId)) return false;
    const inside = (r: { from: number; to: number; ids: Set<string> }) => f.start >= r.from && f.start <= r.to && matches(r.ids, f.ruleId);
    return !byDocument.some(inside) && !byObject.some(inside);
  });
}

/**
 * The edit that disables a rule for a finding's line: a `# cnf-lint-disable-next-line <id>` comment
 * above it at its indentation, or the id appended to such a comment already there.
 */
export function disableLineEdit(file: ParsedFile, finding: Finding): TextEdit {
  const text = file.text;
  const { line } = file.lines.positionAt(finding.start);
  const lineStart = file.lines.lineStart(line);
  if (line > 0) {
    const prevStart = file.lines.lineStart(line - 1);
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, '');
    const m = NEXT_LINE.exec(prev);
    if (m) {
      const argEnd = prevStart + prev.indexOf(m[1]) + idList(m[1]).trimEnd().length;
      return { start: argEnd, end: argEnd, text: `, ${finding.ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  return { start: lineStart, end: lineStart, text: `${indent}# cnf-lint-disable-next-line ${finding.ruleId}${file.eol}` };
}

