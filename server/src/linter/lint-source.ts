// How a file is read and linted: a manifest, a Helm chart template (rendered with its values), another engine's template, or a chart file.
import { basename, dirname } from 'node:path';
import { Chart, ChartLoader, RELEASE_NAMESPACE, templateRoot } from '../helm/chart';
import { Evaluator, EvaluationLimit, Rendered } from '../helm/evaluate';
import { renderGeneric, templateMarkerAt } from '../helm/generic-template';
import { parseTemplate, ParsedTemplate, TemplateSyntaxError } from '../helm/template-parse';
import { blockScalarSpans } from '../manifest/block-scalars';
import { LineIndex } from '../manifest/line-index';
import { parseFile, ParseCache, ParsedFile } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { engineFinding, lint, LintResult, LintWorkspace } from './lint';
import type { LintCache } from './lint-cache';
import { lintRendered, notFollowedFinding, notFollowedIn } from './lint-template';
import { templateFindings } from './template-rules';
import { FILE_NOT_LINTED } from './engine-rules';
import type { Finding, Rule } from './types';

/** Where a file is and what reads it; all optional (standard input has no path, a file outside a chart needs no loader). */
export interface SourceOptions {
  /** The file's path on disk. */
  path?: string;
  /** Finds and loads the file's chart. */
  charts?: ChartLoader;
  /** Values files over the chart's defaults and `cnfLint.helm.valuesFiles` (`--values`), later wins. */
  valuesFiles?: readonly string[];
  /** Kept between reads and lints of one file (an open document, a CLI input read for the index, then linted). */
  caches?: { parse?: ParseCache; lint?: LintCache };
}

/** A file read for linting: the parse its rules see (a template's rendered text), or why there is none. */
export interface ReadSource {
  kind: 'manifest' | 'template' | 'chart-file';
  /** The parse the rules and the workspace index see; undefined for a chart file or a template not followed. */
  file?: ParsedFile;
  rendered?: Rendered;
  /** For a template that cannot be followed: the construct. */
  notFollowed?: string;
  /** For a chart template: its parse and its chart (the rules of the template language read them). */
  template?: { parsed: ParsedTemplate; chart: Chart };
  /** The settings its objects are read with (a chart's objects without a namespace are in the release namespace). */
  settings: Settings;
}

/** Reads a file as cnf-lint lints it. Never throws. */
export function readSource(text: string, settings: Settings, options: SourceOptions = {}): ReadSource {
  const chartFile = options.path && options.charts ? options.charts.kindOf(options.path) : undefined;
  if (chartFile && chartFile.kind !== 'template') return { kind: 'chart-file', settings };
  if (chartFile) {
    const inChart = { ...settings, defaultNamespace: RELEASE_NAMESPACE };
    // Values files: the settings' globs (relative to the chart), then those given on the command line.
    const valuesFiles = [...options.charts!.valuesFiles(chartFile.root, settings.helm.valuesFiles), ...(options.valuesFiles ?? [])];
    const chart = options.charts!.chart(chartFile.root, valuesFiles);
    try {
      const parsed = parseTemplate(text);
      const templates = new Map([...chart.templates, ...[...parsed.defines].map(([k, nodes]) => [k, { nodes, src: text }] as const)]);
      const rendered = new Evaluator(templates, (name) => options.charts!.fileTemplate(chart, name)).render(text, parsed.nodes, templateRoot(chart, options.path!, settings.kubernetesVersion));
      return { ...renderedSource(text, rendered, inChart, options), template: { parsed, chart } };
    } catch (e) {
      if (e instanceof TemplateSyntaxError) return { kind: 'template', notFollowed: `the template does not parse: ${e.message} (line ${new LineIndex(text).positionAt(e.offset).line + 1})`, settings: inChart };
      if (e instanceof EvaluationLimit) return { kind: 'template', notFollowed: e.message, settings: inChart };
      throw e;
    }
  }
  const file = parseFile(text, options.caches?.parse);
  if (file.skip || templateMarkerAt(text, blockScalarSpans(file)) < 0) return { kind: 'manifest', file, settings };
  // Outside a chart, what parses as a Go template is still checked by the rules of the template language (with no values).
  const parsed = goTemplate(text);
  return { ...renderedSource(text, renderGeneric(text), settings, options), ...(parsed ? { template: { parsed, chart: NO_CHART } } : {}) };
}

/**
 * A chart's own YAML files (Chart.yaml, values files) hold no manifest, but YAML that does not parse
 * there is said where it is: the chart's templates are otherwise rendered without those values.
 */
function chartFileYaml(text: string, options: SourceOptions, settings: Settings): Finding[] {
  if (!options.path || !/\.ya?ml$/i.test(options.path)) return [];
  return lint(parseFile(text), settings, []).findings;
}

/** On a chart's Chart.yaml, one information per packaged subchart, whose templates are not linted. */
function packagedSubcharts(options: SourceOptions, settings: Settings): Finding[] {
  if (!options.path || !options.charts || basename(options.path) !== 'Chart.yaml') return [];
  return options.charts
    .packagedSubcharts(dirname(options.path))
    .map((file) => engineFinding(FILE_NOT_LINTED, 'packagedSubchart', 0, 0, settings, { file }))
    .filter((f): f is Finding => f !== undefined);
}

/** The chart of a template outside any chart: no values, no named templates. */
const NO_CHART: Chart = { root: '', name: '', metadata: new Map(), values: new Map(), templates: new Map(), problems: [] };

function goTemplate(text: string): ParsedTemplate | undefined {
  try {
    return parseTemplate(text);
  } catch {
    return undefined;
  }
}

/** A rendered template with its parse, or the construct that leaves it unparseable. */
function renderedSource(text: string, rendered: Rendered, settings: Settings, options: SourceOptions): ReadSource {
  const file = parseFile(rendered.text, options.caches?.parse);
  const notFollowed = notFollowedIn(text, rendered, file);
  return notFollowed ? { kind: 'template', rendered, notFollowed, settings } : { kind: 'template', rendered, file, settings };
}

/** The outcome of linting a file: findings in the offsets of its text, and the parse the workspace index takes. */
export interface SourceLintResult extends LintResult {
  lines: LineIndex;
  source: ReadSource;
}

/** Lints a file, whatever kind it is; rules of scope `workspace` see `workspace`. Never throws. */
export function lintSource(text: string, settings: Settings, rules: readonly Rule[], options: SourceOptions = {}, workspace?: LintWorkspace): SourceLintResult {
  const source = readSource(text, settings, options);
  const lines = source.file && source.kind === 'manifest' ? source.file.lines : new LineIndex(text);
  if (!settings.enable) return { findings: [], ruleErrors: [], lines, source };
  const ofTemplate = source.template ? templateFindings(text, source.template.parsed, source.template.chart, settings, rules) : [];
  if (source.notFollowed) return { findings: [...notFollowedFinding(source.notFollowed, settings), ...ofTemplate], ruleErrors: [], lines, source };
  if (source.kind === 'chart-file') return { findings: [...chartFileYaml(text, options, settings), ...packagedSubcharts(options, settings)], ruleErrors: [], lines, source };
  if (!source.file) return { findings: [], ruleErrors: [], lines, source };
  if (source.rendered) {
    const valuesText = (path: string) => options.charts?.read(path);
    const result = lintRendered(text, source.rendered, source.file, source.settings, rules, { valuesText, lintCache: options.caches?.lint }, workspace);
    const findings = [...result.findings, ...ofTemplate].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return { ...result, findings, lines, source };
  }
  return { ...lint(source.file, settings, rules, options.caches?.lint, workspace), lines, source };
}
