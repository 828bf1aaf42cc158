// One run of the CLI: arguments -> inputs -> settings -> lint or fix -> report -> exit status.
import { resolve } from 'node:path';
import { ChartLoader } from '../helm/chart';
import { diskChartFiles } from '../helm/disk-files';
import { CliError, Format, parseArgs, USAGE } from './args';
import { expandInputs, STDIN_NAME } from './files';
import { fixInputs } from './fix-files';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatCompact, formatStylish, useColor } from './format-stylish';
import { FileResult, indexInputs, LoadedInput, lintInput, readInputFile } from './lint-files';
import { countFindings, exitReason, plural, summaryLine } from './report';
import { SettingsResolver } from './settings';

/** What a run reads from and writes to; the entry point passes the process's. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  version: string;
  stdoutIsTTY: boolean | undefined;
  readStdin(): Promise<Uint8Array>;
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

/** Runs the CLI and returns its exit status; usage, configuration and input errors give 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stderr(`cnf-lint: ${e.message}\n`);
    return e.exitCode;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const inputs = expandInputs(options.paths);
  const resolver = new SettingsResolver(io.cwd, options.config, options.rules);
  // Everything is read and every configuration checked before any file is linted or written.
  const loaded: LoadedInput[] = [];
  for (const input of inputs) {
    const settings = resolver.settingsFor(input.stdin ? undefined : input.name);
    const bytes = input.stdin ? await io.readStdin() : readInputFile(input.name);
    if (input.stdin && bytes.length === 0) throw new CliError('standard input is empty: nothing to lint');
    loaded.push({ ...input, bytes, settings });
  }
  // The files given (directories walked) are the workspace that references resolve in.
  const charts = { charts: new ChartLoader(diskChartFiles()), valuesFiles: options.values.map((v) => resolve(io.cwd, v)) };
  for (const v of charts.valuesFiles) readInputFile(v);
  const index = indexInputs(loaded, charts);
  // --fix: every file fixed, to a fixed point across files, and written before the report is made;
  // what it did is said per file, with the findings its fixes surfaced.
  const before = options.fix ? loaded.map((input) => lintInput(input, false, index, charts)) : [];
  const fixRun = options.fix ? fixInputs(loaded, index, charts) : undefined;
  for (const note of fixRun?.notes ?? []) io.stderr(note);
  const all: FileResult[] = loaded.map((input) => lintInput(input, options.fix, index, charts));
  if (fixRun) for (const line of fixReport(before, all, fixRun.applied)) io.stderr(line);
  const results = options.quiet ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : all;
  // A rule that failed is an internal-error finding in the report; the run goes on (exit 2 is for a run that cannot).
  for (const r of results) {
    for (const { ruleId, error } of r.ruleErrors) {
      io.stderr(`cnf-lint: internal error: rule ${ruleId} failed on ${r.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const fixedStdin = results.find((r) => r.fixedOutput !== undefined);
  if (fixedStdin?.fixedOutput) io.stdout(fixedStdin.fixedOutput);
  else io.stdout(format(results, options.format, io));
  // Machine formats keep stdout to the data: what was linted goes to standard error.
  if (!fixedStdin?.fixedOutput && (options.format === 'json' || options.format === 'sarif')) io.stderr(`cnf-lint: ${summaryLine(results)}\n`);
  const reason = exitReason(countFindings(results), options.maxWarnings);
  if (reason && countFindings(results).error === 0) io.stderr(`cnf-lint: exit 1: ${reason}\n`);
  return reason === undefined ? 0 : 1;
}

/** Per fixed file, how many fixes were applied and which findings the fixes surfaced (new rule/message pairs). */
function fixReport(before: readonly FileResult[], after: readonly FileResult[], applied: ReadonlyMap<string, number>): string[] {
  const lines: string[] = [];
  const key = (f: { ruleId: string; messageId: string }) => `${f.ruleId}/${f.messageId}`;
  for (const r of after) {
    const n = applied.get(r.name) ?? 0;
    if (n === 0) continue;
    lines.push(`cnf-lint: --fix: ${r.name}: ${plural(n, 'fix', 'fixes')} applied\n`);
    const old = new Map<string, number>();
    for (const f of before.find((b) => b.name === r.name)?.findings ?? []) old.set(key(f), (old.get(key(f)) ?? 0) + 1);
    const surfaced: string[] = [];
    for (const f of r.findings) {
      const left = old.get(key(f)) ?? 0;
      if (left > 0) old.set(key(f), left - 1);
      else surfaced.push(f.ruleId);
    }
    if (surfaced.length > 0) lines.push(`cnf-lint: --fix: ${r.name}: the fixes surfaced ${plural(surfaced.length, 'new finding')}: ${[...new Set(surfaced)].join(', ')}\n`);
  }
  return lines;
}

function format(results: FileResult[], fmt: Format, io: CliIo): string {
  switch (fmt) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: io.cwd, version: io.version, stdinName: STDIN_NAME });
    case 'compact':
      return formatCompact(results);
    default:
      return formatStylish(results, useColor(io.stdoutIsTTY, io.env));
  }
}
