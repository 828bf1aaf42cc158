// One run of the CLI: arguments -> inputs -> settings -> lint or fix -> report -> exit status.
import { resolve } from 'node:path';
import { ChartLoader } from '../helm/chart';
import { diskChartFiles } from '../helm/disk-files';
import { CliError, parseArgs, USAGE } from './args';
import { expandInputs, STDIN_NAME } from './files';
import { fixInputs } from './fix-files';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish, useColor } from './format-stylish';
import { FileResult, indexInputs, LoadedInput, lintInput, readInputFile } from './lint-files';
import { countFindings, exitCodeFor } from './report';
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
    loaded.push({ ...input, bytes, settings });
  }
  // The files given (directories walked) are the workspace that references resolve in.
  const charts = { charts: new ChartLoader(diskChartFiles()), valuesFiles: options.values.map((v) => resolve(io.cwd, v)) };
  for (const v of charts.valuesFiles) readInputFile(v);
  const index = indexInputs(loaded, charts);
  // --fix: every file fixed, to a fixed point across files, and written before the report is made.
  if (options.fix) for (const note of fixInputs(loaded, index, charts).notes) io.stderr(note);
  const results: FileResult[] = loaded.map((input) => lintInput(input, options.fix, index, charts));
  // A rule that failed is an internal-error finding in the report; the run goes on (exit 2 is for a run that cannot).
  for (const r of results) {
    for (const { ruleId, error } of r.ruleErrors) {
      io.stderr(`cnf-lint: internal error: rule ${ruleId} failed on ${r.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const fixedStdin = results.find((r) => r.fixedOutput !== undefined);
  if (fixedStdin?.fixedOutput) io.stdout(fixedStdin.fixedOutput);
  else io.stdout(format(results, options.format, io));
  return exitCodeFor(countFindings(results), options.maxWarnings);
}

function format(results: FileResult[], fmt: 'stylish' | 'json' | 'sarif', io: CliIo): string {
  switch (fmt) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: io.cwd, version: io.version, stdinName: STDIN_NAME });
    default:
      return formatStylish(results, useColor(io.stdoutIsTTY, io.env));
  }
}
