// The workspace crawl's worker thread: walks the folders, reads and summarizes their files, posts plain entries.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { ChartLoader } from '../helm/chart';
import { diskChartFiles } from '../helm/disk-files';
import { globMatcher } from '../workspace/glob';
import { changedFileEntry, fileEntry, walk } from './index-files';
import type { CrawlFolder, FileEntry, IndexReply, IndexRequest } from './index-protocol';

/** Milliseconds of entries gathered into one message: the main thread merges a batch between two of its own messages. */
const BATCH_MS = 8;

/** Lets the thread's queued messages (a read, a later crawl) be handled. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Answers the indexer's requests; crawls run one after another, and a later generation stops the running one. */
export class Crawler {
  private latest = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Charts as read from disk (the editor's open documents are linted on the main thread). */
  private charts = new ChartLoader(diskChartFiles());

  constructor(private readonly post: (reply: IndexReply) => void) {}

  /** Handles one request. */
  handle(request: IndexRequest): void {
    switch (request.type) {
      case 'crawl':
        this.latest = request.generation;
        this.queue = this.queue.then(() => this.crawl(request.generation, request.folders)).catch((e: unknown) => this.post({ type: 'error', message: String(e) }));
        break;
      case 'read':
        this.post({ type: 'read', id: request.id, entry: changedFileEntry(request.key, request.folder, this.charts) });
        break;
      case 'changed':
        this.charts.changed(request.path);
        break;
    }
  }

  /** Resolves once the crawls asked for so far are done. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async crawl(generation: number, folders: readonly CrawlFolder[]): Promise<void> {
    // A crawl reads every chart afresh (a re-crawl follows a change of settings or of chart files).
    this.charts = new ChartLoader(diskChartFiles());
    let batch: FileEntry[] = [];
    let started = performance.now();
    const flush = () => {
      if (batch.length > 0) this.post({ type: 'entries', generation, entries: batch });
      batch = [];
      started = performance.now();
    };
    try {
      for (const folder of folders) {
        if (generation !== this.latest) return;
        const root = fileURLToPath(folder.uri);
        const seen: string[] = [];
        for await (const path of walk(root, root, globMatcher(folder.excludes))) {
          if (generation !== this.latest) return;
          const key = pathToFileURL(path).href;
          seen.push(key);
          batch.push(fileEntry(key, path, folder.settings, this.charts));
          if (performance.now() - started >= BATCH_MS) {
            flush();
            await turn();
          }
        }
        flush();
        this.post({ type: 'folder', generation, folder: folder.uri, seen });
      }
    } finally {
      flush();
      this.post({ type: 'done', generation });
    }
  }
}

if (parentPort) {
  const port = parentPort;
  const crawler = new Crawler((reply) => port.postMessage(reply));
  port.on('message', (request: IndexRequest) => crawler.handle(request));
}
