// Reads and lints the inputs of a run: bytes in, workspace index and findings with a line index out (--fix: fix-files.ts).
import { readFileSync } from 'node:fs';
import { documentFailed } from '../linter/guard';
import { LintWorkspace, oversizeFinding } from '../linter/lint';
import { lintSource, readSource, SourceOptions } from '../linter/lint-source';
import { ChartLoader } from '../helm/chart';
import { Finding } from '../linter/types';
import { LineIndex } from '../manifest/line-index';
import { ParseCache } from '../manifest/parse';
import { Settings } from '../protocol/settings';
import { RULES } from '../rules/index';
import { updateEntry } from '../workspace/index-entry';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { CliError } from './args';
import { Input } from './files';

/** An input read into memory with the settings that apply to it. */
export interface LoadedInput extends Input {
  bytes: Uint8Array;
  settings: Settings;
  /** The parses made for the workspace index, reused by the lint when the text is not fixed first. */
  parseCache?: ParseCache;
  /** `bytes` decoded, kept while the bytes are the same (see decodedInput). */
  decoded?: { bytes: Uint8Array; text: string; bom: boolean; binary: boolean };
}

/**
 * An input's bytes decoded, once per bytes: the index and the lint then read the very same string,
 * and readings memoized on its text (memoOn) find it by identity, not by comparing megabytes.
 */
export function decodedInput(input: LoadedInput): { text: string; bom: boolean; binary: boolean } {
  if (input.decoded?.bytes !== input.bytes) input.decoded = { bytes: input.bytes, ...decode(input.bytes) };
  return input.decoded;
}

/** How a run reads charts: one loader for all inputs, and the `--values` files over every chart's defaults. */
export interface ChartOptions {
  charts: ChartLoader;
  valuesFiles: readonly string[];
}

/** How an input is read: its path, the run's charts, and the parse cache it keeps between its reads. */
export function sourceOptions(input: LoadedInput, charts?: ChartOptions): SourceOptions {
  return { path: input.stdin ? undefined : input.name, charts: charts?.charts, valuesFiles: charts?.valuesFiles, caches: { parse: (input.parseCache ??= new ParseCache()) } };
}

/** The findings of one input, and the line index that turns their offsets into positions. */
export interface FileResult {
  name: string;
  lines: LineIndex;
  findings: Finding[];
  /** Rules that threw on this file (a bug in cnf-lint): reported on stderr. */
  ruleErrors: Array<{ ruleId: string; error: unknown }>;
  /** With --fix on standard input: the bytes to print instead of a report. */
  fixedOutput?: Uint8Array;
  /** Documents not linted: YAML that does not parse, or the whole file when it is not linted (binary, too large, a template not followed). */
  skippedDocuments: number;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Reads a file's bytes; throws CliError when it cannot. */
export function readInputFile(name: string): Uint8Array {
  try {
    return readFileSync(name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such file or directory: ${name}` : `cannot read ${name}: ${(e as Error).message}`);
  }
}

/** Text of UTF-8 bytes (a byte-order mark is kept aside), or `binary` when they are not valid UTF-8. */
export function decode(bytes: Uint8Array): { text: string; bom: boolean; binary: boolean } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const bom = text.startsWith('\ufeff');
    return { text: bom ? text.slice(1) : text, bom, binary: false };
  } catch {
    // Decoded again with replacement characters: the parser classifies such text as binary, at the first bad byte.
    return { text: new TextDecoder('utf-8').decode(bytes), bom: false, binary: true };
  }
}

/**
 * The workspace of a run: every input is indexed under its name as the editor indexes it (one
 * `indexEntry`), so that a reference in one file resolves to an object in another; the parse is
 * kept for the lint.
 */
export function indexInputs(inputs: LoadedInput[], charts?: ChartOptions): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const input of inputs) indexInput(index, input, charts);
  return index;
}

/** Puts an input's current bytes into the index; returns the lookup keys whose answer changed. */
export function indexInput(index: WorkspaceIndex, input: LoadedInput, charts?: ChartOptions): Set<string> {
  const read = () => {
    const source = readSource(decodedInput(input).text, input.settings, sourceOptions(input, charts));
    return { file: source.file, defaultNamespace: source.settings.defaultNamespace };
  };
  return updateEntry(index, input.name, { byteLength: input.bytes.length, read }, input.settings);
}

/**
 * Lints one input as its bytes are now (after --fix, the fixed text: see fixInputs). With `fix` on
 * standard input, keeps the bytes for printing instead of a report. Rules of scope `workspace` see
 * `index` (the input's own entry replaced by its current text).
 */
export function lintInput(input: LoadedInput, fix: boolean, index?: WorkspaceIndex, charts?: ChartOptions): FileResult {
  const workspace: LintWorkspace | undefined = index && { index, uri: input.name };
  const { settings, bytes } = input;
  const result: FileResult = { name: input.name, lines: new LineIndex(''), findings: [], ruleErrors: [], skippedDocuments: 0 };
  if (fix && input.stdin) result.fixedOutput = bytes;
  if (!settings.enable) return result;
  const oversize = oversizeFinding(bytes.length, settings);
  if (oversize || bytes.length > settings.maxFileSize) {
    if (oversize) result.findings.push(oversize);
    return { ...result, skippedDocuments: 1 };
  }
  const text = decodedInput(input).text;
  try {
    const { findings, ruleErrors, lines, source } = lintSource(text, settings, RULES, sourceOptions(input, charts), workspace);
    const notLinted = source.notFollowed !== undefined || source.file?.skip !== undefined;
    const skippedDocuments = notLinted ? 1 : (source.file?.documents.filter((d) => d.errors.length > 0).length ?? 0);
    return { ...result, lines, findings, ruleErrors, skippedDocuments };
  } catch (error) {
    // The engine failed outside every rule: this file says so, and the other files are still reported.
    const failed = documentFailed(error, 0, settings);
    return { ...result, lines: new LineIndex(text), findings: failed ? [failed] : [], ruleErrors: [{ ruleId: 'cnf-lint', error }], skippedDocuments: 1 };
  }
}

/** UTF-8 bytes of a text, with the byte-order mark it was read with. */
export function encode(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([BOM, body]) : body;
}
