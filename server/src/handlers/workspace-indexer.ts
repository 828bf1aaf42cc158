// Keeps the workspace index of the manifests on disk: a crawl of the folders at start, then watched-file changes.
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFile } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { globMatcher } from '../workspace/glob';
import { isManifestFileName, isSkippedFolder, updateEntry } from '../workspace/index-entry';
import { WorkspaceIndex } from '../workspace/workspace-index';
/** Milliseconds of indexing between two yields to the connection: an edit waits at most about this long. */
const SLICE_MS = 2;
/** Milliseconds between two reports of changed lookups during a crawl (each may re-lint the open documents). */
const REPORT_MS = 1000;

/** What the indexer needs from the server. */
export interface IndexerDeps {
  index: WorkspaceIndex;
  /** The settings of a workspace folder (default namespace, maxFileSize). */
  settingsFor(folderUri: string): Promise<Settings>;
  /** The `files.exclude` patterns that are on for a folder. */
  excludesFor(folderUri: string): Promise<string[]>;
  /** True when a document is open: its editor text, not the disk, is in the index. */
  isOpen(uri: string): boolean;
  /** Lookups whose answer changed (the open documents that made them need linting again). */
  changed(keys: Set<string>): void;
  /** True while an open document waits to be linted: the crawl lets it go first. */
  busy(): boolean;
  logError(message: string): void;
}

/** The key of a file in the index: its `file:` URI in one spelling, whatever the client's encoding. */
export function indexKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/**
 * Indexes the YAML files of the workspace folders without blocking the server: between files, it
 * yields every few milliseconds, and waits while an open document waits to be linted.
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  /** Bumped by each crawl: an older crawl stops at its next file. */
  private generation = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: IndexerDeps) {}

  /** Adds and removes workspace folders (URIs); added folders are crawled, removed ones dropped from the index. */
  updateFolders(added: readonly string[], removed: readonly string[] = []): void {
    const gone = removed.map(indexKey);
    this.folders = this.folders.filter((f) => !gone.includes(f));
    const keys = new Set<string>();
    for (const folder of gone) for (const uri of this.deps.index.uris()) if (isUnder(uri, folder)) for (const k of this.deps.index.deleteFile(uri)) keys.add(k);
    if (keys.size > 0) this.deps.changed(keys);
    const fresh = added.map(indexKey).filter((f) => f.startsWith('file:') && !this.folders.includes(f));
    this.folders.push(...fresh);
    if (fresh.length > 0) this.crawl(fresh, false);
  }

  /** Crawls every folder again (settings changed: namespaces, sizes or excludes may differ). */
  reindexAll(): void {
    this.crawl(this.folders, true);
  }

  /** Resolves once the crawls started so far are done. */
  idle(): Promise<void> {
    return this.running;
  }

  /**
   * A watched file changed on disk (type 1 created, 2 changed, 3 deleted). An open document keeps
   * its editor text, even deleted (its close reads the disk again); a deleted folder drops every
   * other file under it.
   */
  async fileChanged(uri: string, type: number): Promise<void> {
    const key = indexKey(uri);
    const keys = new Set<string>();
    if (type === 3) {
      for (const u of this.deps.index.uris()) if ((u === key || isUnder(u, key)) && !this.deps.isOpen(u)) for (const k of this.deps.index.deleteFile(u)) keys.add(k);
    } else if (!this.deps.isOpen(key)) {
      for (const k of await this.refresh(key)) keys.add(k);
    }
    if (keys.size > 0) this.deps.changed(keys);
  }

  /** An open document was closed: its entry goes back to the file on disk (or away when it is not in a folder). */
  async documentClosed(uri: string): Promise<void> {
    const keys = await this.refresh(indexKey(uri));
    if (keys.size > 0) this.deps.changed(keys);
  }

  /** Reads one file into the index, or removes it when it is gone, excluded, too large or not in a folder. */
  private async refresh(key: string): Promise<Set<string>> {
    const folder = this.folders.filter((f) => isUnder(key, f)).sort((a, b) => b.length - a.length)[0];
    const path = folder ? fileURLToPath(key) : undefined;
    if (!folder || !path) return this.deps.index.deleteFile(key);
    const root = fileURLToPath(folder);
    const excluded = globMatcher(await this.deps.excludesFor(folder));
    const rel = relative(root, path).split(sep);
    if (!isManifestFileName(rel[rel.length - 1]) || rel.slice(0, -1).some(isSkippedFolder) || excluded(rel.join('/'))) return this.deps.index.deleteFile(key);
    const settings = await this.deps.settingsFor(folder);
    return this.indexFile(key, path, settings);
  }

  /** Reads and indexes one file. Synchronous reads: a manifest is small, and the crawl yields every few milliseconds. */
  private indexFile(key: string, path: string, settings: Settings): Set<string> {
    try {
      const info = statSync(path);
      if (!info.isFile()) return this.deps.index.deleteFile(key);
      const parse = () => {
        const text = readFileSync(path, 'utf8');
        return parseFile(text.startsWith('\ufeff') ? text.slice(1) : text);
      };
      return updateEntry(this.deps.index, key, { byteLength: info.size, parse }, settings);
    } catch {
      return this.deps.index.deleteFile(key);
    }
  }

  /** Starts a crawl of folders after the running one; with `restart`, the running one stops early. */
  private crawl(folders: readonly string[], restart: boolean): void {
    if (restart) this.generation++;
    const generation = this.generation;
    const previous = this.running;
    this.running = previous.then(() => this.walkFolders([...folders], generation)).catch((e: unknown) => this.deps.logError(`cnf-lint: indexing failed: ${String(e)}`));
  }

  private async walkFolders(folders: string[], generation: number): Promise<void> {
    const pending = new Set<string>();
    let reported = performance.now();
    let yielded = reported;
    const flush = () => {
      if (pending.size > 0) this.deps.changed(new Set(pending));
      pending.clear();
      reported = performance.now();
    };
    for (const folder of folders) {
      if (generation !== this.generation) return;
      const settings = await this.deps.settingsFor(folder);
      const excluded = globMatcher(await this.deps.excludesFor(folder));
      const root = fileURLToPath(folder);
      const seen = new Set<string>();
      for await (const path of walk(root, root, excluded)) {
        if (generation !== this.generation) return;
        const key = pathToFileURL(path).href;
        seen.add(key);
        if (!this.deps.isOpen(key)) for (const k of this.indexFile(key, path, settings)) pending.add(k);
        const now = performance.now();
        if (now - reported >= REPORT_MS) flush();
        // Between files, lets the connection handle what arrived (edits, requests) every few milliseconds.
        if (now - yielded >= SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          // An edit waits to be linted: the crawl steps aside until it is.
          while (this.deps.busy()) await new Promise((resolve) => setTimeout(resolve, 1));
          yielded = performance.now();
        }
      }
      // Files indexed before that are gone now (a re-crawl).
      for (const uri of this.deps.index.uris()) if (isUnder(uri, folder) && !seen.has(uri) && !this.deps.isOpen(uri)) for (const k of this.deps.index.deleteFile(uri)) pending.add(k);
    }
    flush();
  }
}

/** The YAML files under a folder, depth first in name order, skipping node_modules, .git and excluded paths. */
async function* walk(dir: string, root: string, excluded: (rel: string) => boolean): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (excluded(rel)) continue;
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) yield* walk(path, root, excluded);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isManifestFileName(entry.name)) {
      yield path;
    }
  }
}

/** True when a URI lies under a folder URI. */
function isUnder(uri: string, folder: string): boolean {
  return uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
