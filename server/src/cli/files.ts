// The inputs of a run: files as given, directories walked for YAML files in a fixed order, and stdin.
import { existsSync, readdirSync, statSync, Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isManifestFileName, isSkippedFolder, isTemplateFileName } from '../workspace/index-entry';
import { resolvesInside } from '../workspace/inside';
import { CliError } from './args';

/** The name standard input is reported under. */
export const STDIN_NAME = '<stdin>';

/** One input to lint: a file path (as given, or joined to the directory given) or standard input. */
export interface Input {
  /** The name in reports: the path as given or found, or `<stdin>`. */
  name: string;
  stdin: boolean;
}

/**
 * Expands the paths of the command line: a file is taken as given when it is YAML or a chart
 * template, a directory gives its YAML files and chart templates, depth first in name order, `-`
 * is standard input. Each input appears once (by resolved path). Throws CliError for a path that
 * does not exist, a file that is neither, or a directory with nothing to lint.
 */
export function expandInputs(paths: readonly string[]): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const key = input.stdin ? input.name : resolve(input.name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(input);
  };
  for (const p of paths) {
    if (p === '-') {
      add({ name: STDIN_NAME, stdin: true });
      continue;
    }
    const stat = statOrThrow(p);
    if (stat.isDirectory()) {
      const found = walk(p);
      if (found.length === 0) throw new CliError(`${p}: no YAML manifest or Helm chart template in it (nothing to lint)`);
      for (const f of found) add({ name: f, stdin: false });
    } else if (isManifestFileName(basename(p)) || /\.ya?ml$/i.test(p) || isChartTemplate(p)) add({ name: p, stdin: false });
    else throw new CliError(`${p} is not a YAML manifest (*.yaml, *.yml) nor a template of a Helm chart: not linted`);
  }
  return out;
}

/** True for a file under the templates/ folder of a chart (a folder with Chart.yaml), not a `_*` helper nor NOTES.txt. */
function isChartTemplate(p: string): boolean {
  if (!isTemplateFileName(basename(p))) return false;
  for (let dir = dirname(resolve(p)), depth = 0; depth < 32 && dirname(dir) !== dir; dir = dirname(dir), depth++) {
    if (basename(dir) === 'templates' && existsSync(join(dirname(dir), 'Chart.yaml'))) return true;
  }
  return false;
}

function statOrThrow(p: string): Stats {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${p}` : `cannot read ${p}: ${(e as Error).message}`);
  }
}

/**
 * The YAML files under a directory, and the templates of every chart in it (whatever their
 * extension: not `_*` helpers, not NOTES.txt), sorted by name at each level; symbolic links to
 * folders are not followed, links to files only when the file lies inside the directory walked (`root`).
 */
function walk(dir: string, templates = false, root = dir): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`cannot read directory ${dir}: ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chart = entries.some((e) => e.name === 'Chart.yaml' && !e.isDirectory());
  const out: string[] = [];
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) for (const f of walk(p, templates || (chart && entry.name === 'templates'), root)) out.push(f);
    } else if ((isManifestFileName(entry.name) || (templates && isTemplateFileName(entry.name))) && isFile(entry.isSymbolicLink(), entry.isFile(), p, root)) {
      out.push(p);
    }
  }
  return out;
}

/** A regular file, or a symbolic link to one inside `root` (a repository cannot make the walk read outside it). */
function isFile(isLink: boolean, isRegular: boolean, p: string, root: string): boolean {
  if (!isLink) return isRegular;
  try {
    return statSync(p).isFile() && resolvesInside(p, root);
  } catch {
    return false;
  }
}
