// What every output format needs from results: 1-based ranges, the fixes that can be made, counts.
import { TextEdit } from '../fixes/edits';
import { Finding, FixOffer } from '../linter/types';
import { LineIndex } from '../manifest/line-index';
import { FileResult } from './lint-files';

/** A 1-based range, end exclusive (the column after the last character). */
export interface Range1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The 1-based range of offsets in a file. */
export function rangeOf(lines: LineIndex, start: number, end: number): Range1 {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** A fix that can be made on this text, with its edits. */
export interface ReadyFix {
  offer: FixOffer;
  edits: TextEdit[];
}

/** Per finding, its ready fixes: the count, the report and --fix all ask, and each fix's edits are computed once. */
const readyByFinding = new WeakMap<Finding, ReadyFix[]>();

/** The fixes of a finding whose edits can be made (a fix that refuses on this text is left out); computed once per finding. */
export function readyFixes(finding: Finding): ReadyFix[] {
  let out = readyByFinding.get(finding);
  if (out) return out;
  out = [];
  for (const offer of finding.fixes) {
    const edits = offer.edits();
    if (edits !== undefined) out.push({ offer, edits });
  }
  readyByFinding.set(finding, out);
  return out;
}

/** Counts of findings by severity, and how many have a preferred fix that --fix would apply. */
export interface Counts {
  error: number;
  warning: number;
  info: number;
  fixable: number;
}

/** Counts the findings of all results. */
export function countFindings(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (readyFixes(f).some((x) => x.offer.preferred)) counts.fixable++;
    }
  }
  return counts;
}

/** The exit status for findings: 1 when there is an error, or more warnings than allowed; else 0. */
export function exitCodeFor(counts: Counts, maxWarnings: number | undefined): number {
  return exitReason(counts, maxWarnings) === undefined ? 0 : 1;
}

/** Why the exit status is 1 ("2 errors", "4 warnings exceed --max-warnings 0"), or undefined when it is 0. */
export function exitReason(counts: Counts, maxWarnings: number | undefined): string | undefined {
  if (counts.error > 0) return plural(counts.error, 'error');
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return `${plural(counts.warning, 'warning')} exceed --max-warnings ${maxWarnings}`;
  return undefined;
}

/** `1 file`, `2 files`; `1 fix`, `2 fixes` with the plural given. */
export const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** The line that says what was linted and what was found: "12 files, 3 documents skipped, 5 problems (1 error, 4 warnings, 0 info)". */
export function summaryLine(results: readonly FileResult[]): string {
  const c = countFindings(results);
  const total = c.error + c.warning + c.info;
  const skipped = results.reduce((n, r) => n + r.skippedDocuments, 0);
  const found = total === 0 ? '0 problems' : `${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)`;
  return `${plural(results.length, 'file')}, ${plural(skipped, 'document')} skipped, ${found}`;
}
