// The benchmark's table: each figure, its ratio to what it is compared with, and whether the aim is met.

/** One row of the table. */
export interface Row {
  case: string;
  /** What was measured, as printed (`130 ms`, `108 MiB`). */
  figure: string;
  /** What it is compared with, as printed. */
  against?: string;
  /** The ratio or growth factor the aim is about. */
  ratio?: number;
  /** The aim: ratio <= limit. */
  limit?: number;
}

/** Collects rows and prints them as a Markdown table; `missed()` counts aims not met. */
export class Table {
  readonly rows: Row[] = [];

  add(row: Row): void {
    this.rows.push(row);
    const verdict = row.limit === undefined || row.ratio === undefined ? '' : row.ratio <= row.limit ? 'met' : 'MISSED';
    console.log(`  ${row.case}: ${row.figure}${row.against ? ` vs ${row.against}` : ''}${row.ratio !== undefined ? `  ratio ${row.ratio.toFixed(2)}` : ''}${row.limit !== undefined ? ` (aim <= ${row.limit}) ${verdict}` : ''}`);
  }

  missed(): Row[] {
    return this.rows.filter((r) => r.limit !== undefined && r.ratio !== undefined && r.ratio > r.limit);
  }

  /** The table in Markdown. */
  markdown(): string {
    const lines = ['| case | cnf-lint | compared with | ratio | aim |', '|---|---|---|---|---|'];
    for (const r of this.rows) {
      const aim = r.limit === undefined || r.ratio === undefined ? '' : `<= ${r.limit} ${r.ratio <= r.limit ? 'met' : '**missed**'}`;
      lines.push(`| ${r.case} | ${r.figure} | ${r.against ?? ''} | ${r.ratio === undefined ? '' : r.ratio.toFixed(2)} | ${aim} |`);
    }
    return lines.join('\n');
  }
}

/** Milliseconds as printed. */
export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;

/** The median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** The 95th percentile of numbers. */
export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}
