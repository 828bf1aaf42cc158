// The files of the workspace folders and the index entry of each, as the crawl worker reads them from disk.
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartLoader } from '../helm/chart';
import { readSource } from '../linter/lint-source';
import type { Settings } from '../protocol/settings';
import { globMatcher } from '../workspace/glob';
import { indexEntry, isManifestFileName, isSkippedFolder, isTemplateFileName } from '../workspace/index-entry';
import { resolvesInside } from '../workspace/inside';
import type { CrawlFolder, FileEntry } from './index-protocol';

/** True when a URI lies under a folder URI. */
export function isUnder(uri: string, folder: string): boolean {
  return uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/**
 * The entry of one file on disk. Its size is known before it is read: a file over `maxFileSize`
 * is never read. `indexEntry` decides the entry, as it does for the CLI and open documents.
 */
export function fileEntry(key: string, path: string, settings: Settings, charts?: ChartLoader): FileEntry {
  try {
    const info = statSync(path);
    if (!info.isFile()) return { key, objects: null };
    const read = () => {
      const text = readFileSync(path, 'utf8');
      const source = readSource(text.startsWith('\ufeff') ? text.slice(1) : text, settings, { path, charts });
      return { file: source.file, defaultNamespace: source.settings.defaultNamespace };
    };
    return { key, objects: indexEntry(key, { byteLength: info.size, read }, settings) ?? null };
  } catch {
    return { key, objects: null };
  }
}

/** The entry of a file of a folder that changed on disk: none when the crawl would not take it (name, skipped folder, excluded). */
export function changedFileEntry(key: string, folder: CrawlFolder, charts?: ChartLoader): FileEntry {
  const path = fileURLToPath(key);
  const rel = relative(fileURLToPath(folder.uri), path).split(sep);
  const excluded = globMatcher(folder.excludes);
  if (!isManifestFileName(rel[rel.length - 1]) || rel.slice(0, -1).some(isSkippedFolder) || excluded(rel.join('/'))) return { key, objects: null };
  if (isLink(path) && !resolvesInside(path, fileURLToPath(folder.uri))) return { key, objects: null };
  return fileEntry(key, path, folder.settings, charts);
}

/** The YAML files and chart templates under a folder, depth first in name order, skipping node_modules, .git and excluded paths. */
export async function* walk(dir: string, root: string, excluded: (rel: string) => boolean, templates = false): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chart = entries.some((e) => e.name === 'Chart.yaml' && !e.isDirectory());
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (excluded(rel)) continue;
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) yield* walk(path, root, excluded, templates || (chart && entry.name === 'templates'));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && (isManifestFileName(entry.name) || (templates && isTemplateFileName(entry.name)))) {
      // A link is read only when it resolves inside the folder crawled: a repository cannot make the index read outside it.
      if (!entry.isSymbolicLink() || resolvesInside(path, root)) yield path;
    }
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
