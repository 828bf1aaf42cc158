// The `json` format: one array, one object per finding, with 1-based positions and the fixes on offer.
import { Severity } from '../linter/types';
import { FileResult } from './lint-files';
import { rangeOf, readyFixes } from './report';

/** One finding as `--format json` prints it. */
export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: Array<{ id: string; title: string; preferred: boolean }>;
  /** Where in another file the finding comes from (a chart's values.yaml), 1-based; present only then. */
  related?: Array<{ file: string; line: number; column: number }>;
}

/** The findings of all results, in file order. */
export function jsonFindings(results: readonly FileResult[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const range = rangeOf(r.lines, f.start, f.end);
      out.push({
        file: r.name,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
        fixes: readyFixes(f).map(({ offer }) => ({ id: offer.id, title: offer.title, preferred: offer.preferred })),
        ...(f.related ? { related: f.related.map((rel) => ({ file: rel.file, line: rel.start.line + 1, column: rel.start.character + 1 })) } : {}),
      });
    }
  }
  return out;
}

/** Formats results as one JSON array. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(jsonFindings(results), null, 2) + '\n';
}
