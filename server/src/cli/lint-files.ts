// Lints (and with --fix, fixes) the inputs of a run: bytes in, findings with a line index out.
import { readFileSync, writeFileSync } from 'node:fs';
import { fixAll } from '../linter/fix-all';
import { lint, LintWorkspace, oversizeFinding } from '../linter/lint';
import { Finding } from '../linter/types';
import { LineIndex } from '../manifest/line-index';
import { parseFile, ParsedFile } from '../manifest/parse';
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
  /** The parse made for the workspace index, reused by the lint when the text is not fixed first. */
  parsed?: ParsedFile;
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
export function indexInputs(inputs: LoadedInput[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const input of inputs) {
    const parse = () => (input.parsed = parseFile(decode(input.bytes).text));
    updateEntry(index, input.name, { byteLength: input.bytes.length, parse }, input.settings);
  }
  return index;
}

/**
 * Lints one input. With `fix`, applies the preferred fixes first and writes the file when its
 * text changed (standard input: keeps the fixed bytes for printing); then lints what remains.
 * Rules of scope `workspace` see `index` (the input's own entry replaced by its current text).
 */
export function lintInput(input: LoadedInput, fix: boolean, index?: WorkspaceIndex): FileResult {
  const workspace: LintWorkspace | undefined = index && { index, uri: input.name };
  const { settings, bytes } = input;
  const result: FileResult = { name: input.name, lines: new LineIndex(''), findings: [], ruleErrors: [] };
  if (fix && input.stdin) result.fixedOutput = bytes;
  if (!settings.enable) return result;
  const oversize = oversizeFinding(bytes.length, settings);
  if (oversize || bytes.length > settings.maxFileSize) {
    if (oversize) result.findings.push(oversize);
    return result;
  }
  const decoded = decode(bytes);
  let text = decoded.text;
  if (fix && !decoded.binary) {
    const { output } = fixAll(text, settings, RULES, workspace);
    if (output !== text) {
      const encoded = encode(output, decoded.bom);
      if (input.stdin) result.fixedOutput = encoded;
      else writeOrThrow(input.name, encoded);
      text = output;
    }
  }
  const file = input.parsed && input.parsed.text === text ? input.parsed : parseFile(text);
  const { findings, ruleErrors } = lint(file, settings, RULES, undefined, workspace);
  return { ...result, lines: file.lines, findings, ruleErrors };
}

function encode(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([BOM, body]) : body;
}

function writeOrThrow(name: string, bytes: Uint8Array): void {
  try {
    writeFileSync(name, bytes);
  } catch (e) {
    throw new CliError(`cannot write ${name}: ${(e as Error).message}`);
  }
}
