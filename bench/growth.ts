// The growth-factor part of the benchmark: each input made 4x larger, and how much longer the work takes.
import { runCli } from '../server/src/cli/run';
import { formatQuantity } from '../server/src/manifest/quantity';
import { lint } from '../server/src/linter/lint';
import { parseFile } from '../server/src/manifest/parse';
import { defaultSettings } from '../server/src/protocol/settings';
import { RULES } from '../server/src/rules/index';
import { readyFixes } from '../server/src/cli/report';
import { Table } from './aims';
import { braceComment, podWithNetworks, smallPods, wideMap } from './generate';

/** Growth per 4x of input that counts as linear (with noise and GC). */
export const GROWTH_LIMIT = 4.5;

/** The best of `runs` timings of `fn`, in ms (the least disturbed by the machine). */
export function best(runs: number, fn: () => void): number {
  let out = Infinity;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    out = Math.min(out, performance.now() - s);
  }
  return out;
}

/** Lints a text with every fix computed, as the CLI does (all rules on, no size limit). */
export function lintWithFixes(text: string): number {
  const { findings } = lint(parseFile(text), { ...defaultSettings(), maxFileSize: Number.MAX_SAFE_INTEGER }, RULES);
  let fixes = 0;
  for (const f of findings) fixes += readyFixes(f).length;
  return fixes;
}

/** The CLI on a file of standard input, in this process: `--format json`, every finding's fixes listed. */
export async function cliOn(text: string): Promise<number> {
  const bytes = Buffer.from(text);
  const s = performance.now();
  await runCli(['--format', 'json', '-'], {
    cwd: process.cwd(),
    env: {},
    version: 'bench',
    stdoutIsTTY: false,
    readStdin: async () => bytes,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  return performance.now() - s;
}

/** Adds a growth row: the time of `size(n)` and of `size(4n)`, their ratio against the aim. */
function growth(table: Table, name: string, small: number, time: (n: number) => number): void {
  time(small); // warm up: the first run compiles
  const a = time(small);
  const b = time(small * 4);
  table.add({ case: `growth per 4x: ${name} (${small.toLocaleString('en')} -> ${(small * 4).toLocaleString('en')})`, figure: `${a.toFixed(1)} -> ${b.toFixed(1)} ms`, ratio: b / a, limit: GROWTH_LIMIT });
}

/** Every scaling test: the CLI on many small documents, and each step once found quadratic. */
export async function growthPart(table: Table): Promise<void> {
  console.log('\ngrowth per 4x of input (best of 3)');
  const cli: Record<number, number> = {};
  for (const n of [1_000, 4_000]) {
    const text = smallPods(n);
    await cliOn(smallPods(50));
    let t = Infinity;
    for (let i = 0; i < 3; i++) t = Math.min(t, await cliOn(text));
    cli[n] = t;
  }
  table.add({ case: 'growth per 4x: CLI, small Pod documents in one file (1,000 -> 4,000)', figure: `${cli[1_000].toFixed(0)} -> ${cli[4_000].toFixed(0)} ms`, ratio: cli[4_000] / cli[1_000], limit: GROWTH_LIMIT });
  const timed = (make: (n: number) => string, work: (text: string) => unknown) => (n: number) => {
    const text = make(n);
    return best(3, () => work(text));
  };
  growth(table, 'lint + fixes, networks annotation entries', 500, timed(podWithNetworks, lintWithFixes));
  growth(table, 'parse, keys of one map', 25_000, timed(wideMap, parseFile));
  growth(table, 'parse, template braces in a comment', 250_000, timed(braceComment, parseFile));
  // Printing a bigint of n digits is itself superlinear in V8: formatQuantity is held to that floor's growth.
  const quantity = (n: number, work: (nanos: bigint) => unknown) => {
    const nanos = 10n ** BigInt(n);
    return best(9, () => work(nanos));
  };
  for (const n of [25_000, 100_000]) quantity(n, (nanos) => formatQuantity({ nanos, format: 'DecimalSI' }));
  const [q1, q4] = [25_000, 100_000].map((n) => quantity(n, (nanos) => formatQuantity({ nanos, format: 'DecimalSI' })));
  const [f1, f4] = [25_000, 100_000].map((n) => quantity(n, (nanos) => nanos.toString()));
  table.add({
    case: 'growth per 4x: formatQuantity, trailing zeros (25,000 -> 100,000 digits), over the growth of bigint toString',
    figure: `${(q4 / q1).toFixed(2)}x`,
    against: `toString ${(f4 / f1).toFixed(2)}x`,
    ratio: q4 / q1 / (f4 / f1),
    limit: 1.25,
  });
}
