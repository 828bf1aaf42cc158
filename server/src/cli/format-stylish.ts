// The `stylish` format: findings grouped by file, `line:col  severity  message  rule-id`, then a summary.
import { Severity } from '../linter/types';
import { FileResult } from './lint-files';
import { countFindings, rangeOf } from './report';

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

/** Whether to color: only on a terminal, and never when NO_COLOR is set to a non-empty value. */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Formats results as stylish text; an empty string when nothing was found. */
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
  if (out.length === 0) return '';
  const c = countFindings(results);
  const total = c.error + c.warning + c.info;
  const worst: Severity = c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : 'info';
  out.push(paint.bold(worst, `✖ ${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)`));
  if (c.fixable > 0) out.push(paint.dim(`  ${c.fixable} of them fixable with --fix`));
  return out.join('\n') + '\n';
}
