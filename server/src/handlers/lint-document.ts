// Lints one document version: a manifest, the `.cnf-lint.yaml` itself, or a file too large to lint.
import { posix } from 'node:path';
import type { ConfigReader } from '../config/config-file';
import type { ChartLoader } from '../helm/chart';
import { LintResult, LintWorkspace, oversizeFinding } from '../linter/lint';
import { lintSource, ReadSource, SourceOptions } from '../linter/lint-source';
import { LintCache } from '../linter/lint-cache';
import type { IndexedObject } from '../workspace/types';
import type { Finding, Rule } from '../linter/types';
import { LineIndex } from '../manifest/line-index';
import { ParseCache, ParsedFile, textFile } from '../manifest/parse';
import { CONFIG_FILE_NAME } from '../protocol/constants';
import type { Settings } from '../protocol/settings';
import { uriToPath } from './config-files';

/** What the server knows about one linted document version. */
export interface LintOutcome {
  version: number;
  /** The file's objects as the workspace index summarizes them (from the lint, computed on demand). */
  summaries?: () => IndexedObject[];
  /** The document's text (parsed when it is a manifest); undefined when the file was not read (over maxFileSize). */
  file?: ParsedFile;
  /** How the document was read (a manifest, a chart template, a chart file), for the workspace index and fix-all. */
  source?: ReadSource;
  /** Where the document is and how its chart is read: fix-all lints its text the same way. */
  options?: SourceOptions;
  /** Converts the outcome's offsets to positions. */
  lines: LineIndex;
  findings: Finding[];
  ruleErrors: LintResult['ruleErrors'];
  settings: Settings;
  /** True for a `.cnf-lint.yaml`: its findings are its configuration problems. */
  isConfig: boolean;
}

/** What one open document keeps between lints, so that an edit re-parses and re-lints only what changed. */
export interface DocumentCaches {
  parse: ParseCache;
  lint: LintCache;
}

/** The text and version of a document to lint. */
export interface DocumentInput {
  uri: string;
  version: number;
  text: string;
}

/** True when a document URI names a cnf-lint configuration file. */
export function isConfigUri(uri: string): boolean {
  return posix.basename(uri.split(/[?#]/)[0]) === CONFIG_FILE_NAME;
}

/** True when the server lints a document: YAML by language id or by file name. */
export function isYamlDocument(uri: string, languageId: string): boolean {
  return languageId === 'yaml' || /\.ya?ml$/i.test(uri.split(/[?#]/)[0]);
}

/**
 * Lints a document version. A configuration file yields its own problems; a manifest over
 * `maxFileSize` bytes yields the one oversize finding and is not parsed; a chart template is
 * linted rendered with its chart's values (`charts`). Rules of scope `workspace` see `workspace`.
 * Never throws.
 */
export function lintDocument(
  doc: DocumentInput,
  settings: Settings,
  rules: readonly Rule[],
  caches: DocumentCaches,
  reader: ConfigReader,
  workspace?: LintWorkspace,
  charts?: ChartLoader,
): LintOutcome {
  const base = { version: doc.version, settings, ruleErrors: [] as LintResult['ruleErrors'] };
  if (isConfigUri(doc.uri)) {
    const { problems, file } = reader.read(doc.text);
    const level = settings.rules['config-invalid'];
    const findings = level === 'off' ? [] : problems.map((p) => (level ? { ...p, severity: level } : p));
    return { ...base, file, lines: file.lines, findings, isConfig: true };
  }
  const oversize = oversizeFinding(Buffer.byteLength(doc.text, 'utf8'), settings);
  if (oversize) return { ...base, lines: new LineIndex(''), findings: settings.enable ? [oversize] : [], isConfig: false };
  const options: SourceOptions = { path: uriToPath(doc.uri), charts, caches };
  const result = lintSource(doc.text, settings, rules, options, workspace);
  const file = result.source.kind === 'manifest' && result.source.file ? result.source.file : textFile(doc.text, result.lines);
  const summaries = settings.enable ? result.summaries : undefined;
  return { ...base, file, source: result.source, options: { ...options, caches: undefined }, lines: result.lines, findings: result.findings, ruleErrors: result.ruleErrors, summaries, isConfig: false };
}
