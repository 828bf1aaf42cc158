// A Helm chart on disk: where a template's chart is, its values (subcharts included), named templates and metadata.
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { globMatcher } from '../workspace/glob';
import { NamedTemplate } from './evaluate';
import { parseTemplate, TemplateSyntaxError } from './template-parse';
import { mergeValues, readValues, Unknown, Val, ValMap } from './values';

/** How chart files are read: the disk, or the editor's open documents first. */
export interface ChartFiles {
  /** A file's text, or undefined when it cannot be read. */
  read(path: string): string | undefined;
  /** The names of a directory's entries with whether each is a directory; [] when it cannot be read. */
  list(dir: string): Array<{ name: string; dir: boolean }>;
}

/** The namespace `.Release.Namespace` renders to, and that objects of a chart without `metadata.namespace` are in. */
export const RELEASE_NAMESPACE = 'release-namespace';
/** The name `.Release.Name` renders to (as `helm template` names a release by default). */
export const RELEASE_NAME = 'release-name';

/** What a file of a chart is: a template that renders manifests, a file of named templates, or another chart file (no manifest). */
export type ChartFileKind = 'template' | 'helpers' | 'chart-file';

/** A chart: its folder, metadata, values, and the named templates of it and its subcharts. */
export interface Chart {
  root: string;
  name: string;
  metadata: ValMap;
  values: ValMap;
  templates: Map<string, NamedTemplate>;
  /** Problems reading the chart's own files (values.yaml that does not parse, a helper that does not parse). */
  problems: string[];
}

/** Finds the chart of a file and loads charts, remembering both until told a file changed. */
export class ChartLoader {
  private roots = new Map<string, string | undefined>();
  private charts = new Map<string, Chart>();

  constructor(private readonly files: ChartFiles) {}

  /** A chart file's text (values files, for related locations), as the loader reads it. */
  read(path: string): string | undefined {
    return this.files.read(path);
  }

  /**
   * The values files of a chart that `patterns` (globs relative to the chart, as `cnfLint.helm.valuesFiles`
   * writes them) name, in pattern order and by name within one: files of the chart folder only
   * (never its templates/ or charts/, never outside it).
   */
  valuesFiles(root: string, patterns: readonly string[]): string[] {
    const out: string[] = [];
    const candidates: string[] = [];
    const walk = (dir: string, rel: string, depth: number) => {
      if (depth > 4) return;
      for (const e of this.files.list(dir)) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.dir) {
          if (depth > 0 || (e.name !== 'templates' && e.name !== 'charts')) walk(join(dir, e.name), path, depth + 1);
        } else if (/\.ya?ml$/i.test(e.name) && e.name !== 'Chart.yaml' && e.name !== 'values.yaml') candidates.push(path);
      }
    };
    walk(root, '', 0);
    for (const pattern of patterns) {
      if (pattern.split(/[\\/]/).includes('..')) continue;
      const matches = globMatcher([pattern.replace(/^\.\//, '')]);
      for (const rel of candidates) if (matches(rel) && !out.includes(join(root, rel))) out.push(join(root, rel));
    }
    return out;
  }

  /** The packaged subcharts (`charts/*.tgz`) of the chart at `root`, as paths relative to it. */
  packagedSubcharts(root: string): string[] {
    return this.files
      .list(join(root, 'charts'))
      .filter((e) => !e.dir && /\.tgz$/i.test(e.name))
      .map((e) => `charts/${e.name}`);
  }

  /** A template file of `chart` by its Helm name (`<chart name>/templates/<file>`). */
  fileTemplate(chart: Chart, name: string): NamedTemplate | undefined {
    return fileTemplate(chart, this.files, name);
  }

  /** The kind of a file inside a chart folder, or undefined for a file outside any chart (or a CRD, which Helm applies as written). */
  kindOf(path: string): { kind: ChartFileKind; root: string } | undefined {
    const root = this.rootOf(dirname(path), 0);
    if (!root) return undefined;
    const rel = relative(root, path).split(sep);
    const name = basename(path);
    if (rel[0] === 'crds') return undefined;
    if (rel[0] !== 'templates') return { kind: 'chart-file', root };
    if (name.startsWith('_')) return { kind: 'helpers', root };
    if (name === 'NOTES.txt' || /\.(?:json|md|txt)$/i.test(name)) return { kind: 'chart-file', root };
    return { kind: 'template', root };
  }

  /** The chart at `root` with `--values` files over its defaults (loaded once until a file changes). */
  chart(root: string, overrides: readonly string[] = []): Chart {
    const key = JSON.stringify([root, overrides]);
    let chart = this.charts.get(key);
    if (!chart) {
      chart = loadChart(root, this.files, overrides);
      this.charts.set(key, chart);
    }
    return chart;
  }

  /** Forgets what depended on a file (a Chart.yaml, values or helper file changed, or a folder appeared). */
  changed(path: string): void {
    if (basename(path) === 'Chart.yaml') this.roots.clear();
    this.charts.clear();
  }

  /** The nearest folder at or above `dir` holding a Chart.yaml. */
  private rootOf(dir: string, depth: number): string | undefined {
    if (this.roots.has(dir)) return this.roots.get(dir);
    let root: string | undefined;
    if (this.files.read(join(dir, 'Chart.yaml')) !== undefined) root = dir;
    else if (dirname(dir) !== dir && depth < 64) root = this.rootOf(dirname(dir), depth + 1);
    this.roots.set(dir, root);
    return root;
  }
}

/**
 * Loads the chart at `root` with its values: the chart's own values.yaml, overlaid by `overrides`
 * (files of `--values`, later wins) and, for a subchart, by its parent's `<name>:` and `global:`
 * values, as Helm coalesces them.
 */
function loadChart(root: string, files: ChartFiles, overrides: readonly string[] = []): Chart {
  const problems: string[] = [];
  const metadata = readChartYaml(root, files, problems);
  const name = typeof metadata.get('Name') === 'string' ? (metadata.get('Name') as string) : basename(root);
  let values = ownValues(root, files, problems);
  for (const file of overrides) {
    const text = files.read(file);
    if (text === undefined) problems.push(`cannot read values file ${file}`);
    else values = mergeValues(values, readValues(file, text).values);
  }
  values = withParentValues(root, name, values, files);
  const templates = new Map<string, NamedTemplate>();
  collectHelpers(topChartOf(root, files), files, templates, problems, 0);
  return { root, name, metadata, values, templates, problems };
}

function readChartYaml(root: string, files: ChartFiles, problems: string[]): ValMap {
  const text = files.read(join(root, 'Chart.yaml')) ?? '';
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length > 0) problems.push(`Chart.yaml: ${doc.errors[0].message.split('\n')[0]}`);
  const data = doc.errors.length > 0 ? {} : doc.toJS({ maxAliasCount: 100 });
  const out: ValMap = new Map();
  if (data && typeof data === 'object')
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (typeof v !== 'object' || v === null) out.set(k.charAt(0).toUpperCase() + k.slice(1), v as Val);
  return out;
}

function ownValues(root: string, files: ChartFiles, problems: string[]): ValMap {
  const path = join(root, 'values.yaml');
  const text = files.read(path);
  if (text === undefined) return new Map();
  const { values, problem } = readValues(path, text);
  if (problem) problems.push(`values.yaml: ${problem}`);
  return values;
}

/** A subchart's values overlaid by its parent's `<name>:` and `global:` (recursively up to the top chart). */
function withParentValues(root: string, name: string, values: ValMap, files: ChartFiles): ValMap {
  const parentRoot = dirname(dirname(root));
  if (basename(dirname(root)) !== 'charts' || files.read(join(parentRoot, 'Chart.yaml')) === undefined) return values;
  const parentName = basename(parentRoot);
  const parent = withParentValues(parentRoot, parentName, ownValues(parentRoot, files, []), files);
  const mine = parent.get(name);
  const global = parent.get('global');
  let out = mine instanceof Map ? mergeValues(values, mine) : values;
  if (global instanceof Map) out = mergeValues(out, new Map([['global', mergeValues((out.get('global') as ValMap) ?? new Map(), global)]]));
  return out;
}

/** The outermost chart containing `root` (named templates are shared by a chart and all its subcharts). */
function topChartOf(root: string, files: ChartFiles): string {
  let top = root;
  for (let depth = 0; depth < 16; depth++) {
    const parent = dirname(dirname(top));
    if (basename(dirname(top)) !== 'charts' || files.read(join(parent, 'Chart.yaml')) === undefined) return top;
    top = parent;
  }
  return top;
}

/** Named templates of the helper files (`templates/**\/_*`) of a chart and its subcharts. */
function collectHelpers(root: string, files: ChartFiles, out: Map<string, NamedTemplate>, problems: string[], depth: number): void {
  if (depth > 8) return;
  const walk = (dir: string, level: number) => {
    if (level > 8) return;
    for (const entry of files.list(dir)) {
      const path = join(dir, entry.name);
      if (entry.dir) walk(path, level + 1);
      else if (entry.name.startsWith('_')) addDefines(path, files, out, problems);
    }
  };
  walk(join(root, 'templates'), 0);
  for (const sub of files.list(join(root, 'charts'))) if (sub.dir) collectHelpers(join(root, 'charts', sub.name), files, out, problems, depth + 1);
}

function addDefines(path: string, files: ChartFiles, out: Map<string, NamedTemplate>, problems: string[]): void {
  const src = files.read(path);
  if (src === undefined) return;
  try {
    for (const [name, nodes] of parseTemplate(src).defines) if (!out.has(name)) out.set(name, { nodes, src });
  } catch (e) {
    if (e instanceof TemplateSyntaxError) problems.push(`${basename(path)}: ${e.message}`);
    else throw e;
  }
}

/** A template file of `chart` named as Helm names it (`<chart name>/templates/<file>`), parsed; undefined when there is none. */
export function fileTemplate(chart: Chart, files: ChartFiles, name: string): NamedTemplate | undefined {
  if (!name.startsWith(`${chart.name}/templates/`) || name.includes('..')) return undefined;
  const src = files.read(join(chart.root, name.slice(chart.name.length + 1)));
  if (src === undefined) return undefined;
  try {
    return { nodes: parseTemplate(src).nodes, src };
  } catch {
    return undefined;
  }
}

/** The data a template of `chart` sees as `.` and `$`; the cluster's version is the one the manifests target (`kubernetesVersion`). */
export function templateRoot(chart: Chart, templatePath: string, kubernetesVersion: string): ValMap {
  const minor = /^1\.(\d+)$/.exec(kubernetesVersion)?.[1] ?? '33';
  const kubeVersion = new Map<string, Val>([['Major', '1'], ['Minor', minor], ['Version', `v1.${minor}.0`], ['GitVersion', `v1.${minor}.0`]]);
  return new Map<string, Val>([
    ['Values', chart.values],
    ['Release', new Map<string, Val>([['Name', RELEASE_NAME], ['Namespace', RELEASE_NAMESPACE], ['Service', 'Helm'], ['IsInstall', true], ['IsUpgrade', false], ['Revision', 1]])],
    ['Chart', chart.metadata],
    ['Capabilities', new Map<string, Val>([['KubeVersion', kubeVersion], ['APIVersions', new Unknown('.Capabilities.APIVersions (the cluster is not known)')]])],
    ['Files', new Unknown('.Files')],
    ['Template', new Map<string, Val>([['Name', join(chart.name, relative(chart.root, templatePath))], ['BasePath', join(chart.name, 'templates')]])],
  ]);
}
