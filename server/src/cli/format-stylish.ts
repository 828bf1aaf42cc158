// The `stylish` format (findings grouped by file, `line:col  severity  message  rule-id`) and `compact` (a line per finding), each ending with a summary.
import { Severity } from '../linter/types';
import { FileResult } from './lint-files';
import { countFindings, plural, rangeOf, summaryLine } from './report';

/** ANSI styles, or none. */
interface Paint {
  file(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  bold(sev: Severity, s: string): string;
}

const plain: Paint = { file: (s) => s, dim: (s) => s, severity: (_sev, s) => s, bold: (_sev, s) => s };

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
const ansi = (code: string, s: string) => `\u001b[${code}m${s}\u001b[0m`;
const colored: Paint = {
  file: (s) => ansi('4', s),
  dim: (s) => ansi('2', s),
  severity: (sev, s) => ansi(String(SEVERITY_COLOR[sev]), s),
  bold: (sev, s) => ansi(`1;${SEVERITY_COLOR[sev]}`, s),
};

/** Whether to color: on a terminal unless NO_COLOR is set (non-empty); FORCE_COLOR (non-empty, not 0) colors anywhere. */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY === true;
}

/** Formats results as stylish text, ending with the line that says what was linted and found. */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
  const paint = color ? colored : plain;
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const rows = r.findings.map((f) => {
      const range = rangeOf(r.lines, f.start, f.end);
      return { pos: `${range.line}:${range.column}`, f };
    });
    const posWidth = rows.reduce((w, x) => Math.max(w, x.pos.length), 0);
    out.push(paint.file(r.name));
    for (const { pos, f } of rows) {
      const severity = paint.severity(f.severity, f.severity.padEnd(7));
      out.push(`  ${paint.dim(pos.padEnd(posWidth))}  ${severity}  ${f.message}  ${paint.dim(f.ruleId)}`);
    }
    out.push('');
  }
  const c = countFindings(results);
  const total = c.error + c.warning + c.info;
  if (c.fixable > 0) out.push(paint.dim(`${plural(c.fixable, "problem")} fixable with --fix`));
  const worst: Severity = c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : 'info';
  out.push(total === 0 ? `✔ ${summaryLine(results)}` : paint.bold(worst, `✖ ${summaryLine(results)}`));
  return out.join('\n') + '\n';
}

/** The `compact` format: one `file:line:col: severity rule-id message` line per finding (what problem matchers and grep read), then the summary. */
export function formatCompact(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const range = rangeOf(r.lines, f.start, f.end);
      out.push(`${r.name}:${range.line}:${range.column}: ${f.severity} ${f.ruleId} ${f.message}`);
    }
  }
  out.push(summaryLine(results));
  return out.join('\n') + '\n';
}
