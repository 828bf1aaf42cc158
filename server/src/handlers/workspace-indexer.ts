// Keeps the workspace index of the manifests on disk: a crawl of the folders in a worker thread, then watched-file changes.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../protocol/settings';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { isUnder } from './index-files';
import type { CrawlFolder, FileEntry, IndexReply, IndexRequest } from './index-protocol';

/** Milliseconds between two reports of changed lookups during a re-crawl (each may re-lint the open documents). */
const REPORT_MS = 1000;

/** The worker's bundle, beside the server's. */
export const INDEX_WORKER_FILE = join(__dirname, 'index-worker.js');

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
  /** The index became able to answer for every folder (`true`: each one's first crawl is done), or a new folder made it unable. */
  readyChanged(ready: boolean): void;
  logError(message: string): void;
  /** The worker's script (default: INDEX_WORKER_FILE). */
  workerFile?: string;
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
 * Indexes the YAML files of the workspace folders without blocking the server: a worker thread
 * walks, reads, parses and summarizes them and posts the summaries; this thread only merges them.
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  /** Folders whose first crawl is not done: the index cannot answer for them yet. */
  private readonly unready = new Set<string>();
  /** Bumped by a restarting crawl: the worker stops an older one at its next file. */
  private generation = 0;
  private worker?: Worker;
  /** Requests are posted in the order they were made, each once its settings are known. */
  private posting: Promise<void> = Promise.resolve();
  /** Crawls asked for and not done, and who waits for none to be left. */
  private crawls = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly reads = new Map<number, (entry: FileEntry) => void>();
  private nextRead = 0;
  /** Lookups changed by a re-crawl, not reported yet. */
  private readonly pending = new Set<string>();
  private reported = performance.now();

  constructor(private readonly deps: IndexerDeps) {}

  /** True when every folder's first crawl is done: a lookup that finds nothing means there is nothing. */
  ready(): boolean {
    return this.unready.size === 0;
  }

  /** Adds and removes workspace folders (URIs); added folders are crawled, removed ones dropped from the index. */
  updateFolders(added: readonly string[], removed: readonly string[] = []): void {
    const wasReady = this.ready();
    const gone = removed.map(indexKey);
    this.folders = this.folders.filter((f) => !gone.includes(f));
    for (const folder of gone) this.unready.delete(folder);
    const keys = new Set<string>();
    for (const folder of gone) for (const uri of this.deps.index.uris()) if (isUnder(uri, folder)) for (const k of this.deps.index.deleteFile(uri)) keys.add(k);
    if (keys.size > 0) this.deps.changed(keys);
    const fresh = added.map(indexKey).filter((f) => f.startsWith('file:') && !this.folders.includes(f));
    this.folders.push(...fresh);
    for (const folder of fresh) this.unready.add(folder);
    if (fresh.length > 0) this.crawl(fresh, false);
    if (wasReady !== this.ready()) this.deps.readyChanged(this.ready());
  }

  /** Crawls every folder again (settings changed: namespaces, sizes or excludes may differ). */
  reindexAll(): void {
    if (this.folders.length > 0) this.crawl(this.folders, true);
  }

  /** Resolves once the crawls started so far are done. */
  idle(): Promise<void> {
    return this.crawls === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * A watched file changed on disk (type 1 created, 2 changed, 3 deleted). An open document keeps
   * its editor text, even deleted (its close reads the disk again); a deleted folder drops every
   * other file under it.
   */
  async fileChanged(uri: string, type: number): Promise<void> {
    const key = indexKey(uri);
    const keys = new Set<string>();
    if (key.startsWith('file:') && this.worker) this.post({ type: 'changed', path: fileURLToPath(key) });
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

  /** Reads one file into the index (in the worker), or removes it when it is gone, excluded, too large or not in a folder. */
  private async refresh(key: string): Promise<Set<string>> {
    const folder = this.folders.filter((f) => isUnder(key, f)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return this.deps.index.deleteFile(key);
    const id = this.nextRead++;
    const entry = new Promise<FileEntry>((resolve) => this.reads.set(id, resolve));
    this.enqueue(async () => ({ type: 'read', id, key, folder: await this.folderOf(folder) }), () => this.settle(id, { key, objects: null }));
    const read = await entry;
    // Opened meanwhile: its editor text is in the index now.
    return this.deps.isOpen(key) ? new Set() : this.apply(read);
  }

  /** Starts a crawl of folders after the running one; with `restart`, the running one stops early. */
  private crawl(folders: readonly string[], restart: boolean): void {
    if (restart) this.generation++;
    const generation = this.generation;
    this.crawls++;
    const list = [...folders];
    const failed = () => --this.crawls <= 0 && this.crawlsDone();
    this.enqueue(async () => ({ type: 'crawl', generation, folders: await Promise.all(list.map((f) => this.folderOf(f))) }), failed);
  }

  private async folderOf(uri: string): Promise<CrawlFolder> {
    return { uri, settings: await this.deps.settingsFor(uri), excludes: await this.deps.excludesFor(uri) };
  }

  /** Posts a request once it is made, after the requests made before it; `failed` runs when it cannot be made. */
  private enqueue(make: () => Promise<IndexRequest>, failed?: () => void): void {
    this.posting = this.posting.then(make).then(
      (request) => this.post(request),
      (e: unknown) => {
        this.deps.logError(`cnf-lint: indexing failed: ${String(e)}`);
        failed?.();
      },
    );
  }

  private post(request: IndexRequest): void {
    if (!this.worker) this.worker = this.startWorker();
    this.worker.postMessage(request);
  }

  private startWorker(): Worker {
    const worker = new Worker(this.deps.workerFile ?? INDEX_WORKER_FILE);
    worker.unref();
    worker.on('message', (reply: IndexReply) => this.receive(reply));
    worker.on('error', (e) => this.deps.logError(`cnf-lint: the indexing thread failed: ${e.stack ?? e.message}`));
    worker.on('exit', () => this.workerGone(worker));
    return worker;
  }

  /** The worker ended (it failed): what it owed is settled, so that nothing waits for it; the next request starts another. */
  private workerGone(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const resolve of this.reads.values()) resolve({ key: '', objects: null });
    this.reads.clear();
    const wasReady = this.ready();
    this.unready.clear();
    this.crawls = 0;
    this.crawlsDone();
    if (!wasReady) this.deps.readyChanged(true);
  }

  /** Merges what the worker posted. */
  private receive(reply: IndexReply): void {
    switch (reply.type) {
      case 'entries':
        for (const entry of reply.entries) if (this.inFolder(entry.key) && !this.deps.isOpen(entry.key)) this.note(this.apply(entry));
        break;
      case 'folder':
        if (this.folders.includes(reply.folder)) this.folderCrawled(reply.folder, new Set(reply.seen));
        break;
      case 'done':
        if (--this.crawls <= 0) this.crawlsDone();
        break;
      case 'read':
        this.settle(reply.id, reply.entry);
        break;
      case 'error':
        this.deps.logError(`cnf-lint: indexing failed: ${reply.message}`);
        break;
    }
    if (performance.now() - this.reported >= REPORT_MS) this.report();
  }

  /** A folder was walked through: files indexed before that are gone now are dropped, and the folder can answer. */
  private folderCrawled(folder: string, seen: ReadonlySet<string>): void {
    for (const uri of this.deps.index.uris()) if (isUnder(uri, folder) && !seen.has(uri) && !this.deps.isOpen(uri)) this.note(this.deps.index.deleteFile(uri));
    if (this.unready.delete(folder) && this.ready()) {
      // Every open document is linted again once ready: changes before that need no report.
      this.pending.clear();
      this.deps.readyChanged(true);
    }
  }

  private crawlsDone(): void {
    this.crawls = 0;
    this.report();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private settle(id: number, entry: FileEntry): void {
    this.reads.get(id)?.(entry);
    this.reads.delete(id);
  }

  private apply(entry: FileEntry): Set<string> {
    return entry.objects ? this.deps.index.setFile(entry.key, entry.objects) : this.deps.index.deleteFile(entry.key);
  }

  /** Keeps changed lookups for the next report; before the index is ready, the open documents wait for it anyway. */
  private note(keys: ReadonlySet<string>): void {
    if (this.ready()) for (const k of keys) this.pending.add(k);
  }

  private report(): void {
    if (this.pending.size > 0) this.deps.changed(new Set(this.pending));
    this.pending.clear();
    this.reported = performance.now();
  }

  private inFolder(key: string): boolean {
    return this.folders.some((f) => isUnder(key, f));
  }
}
