// The messages between the workspace indexer and its worker thread: plain data only.
import type { Settings } from '../protocol/settings';
import type { IndexedObject } from '../workspace/types';

/** A workspace folder to crawl, with what decides its entries. */
export interface CrawlFolder {
  /** The folder's `file:` URI (an index key prefix). */
  uri: string;
  settings: Settings;
  /** The `files.exclude` patterns that are on for it. */
  excludes: string[];
}

/** What the main thread asks of the worker. */
export type IndexRequest =
  /** Crawl folders after the crawls asked before; a crawl stops at its next file once a later generation is asked for. */
  | { type: 'crawl'; generation: number; folders: CrawlFolder[] }
  /** Read one file (a watched-file change, a closed document) and reply with its entry. */
  | { type: 'read'; id: number; key: string; folder: CrawlFolder }
  /** A file changed on disk: forget what was read from it (a chart's values). */
  | { type: 'changed'; path: string };

/** The entry a file puts in the index: its objects, or null when it puts nothing there (too large, binary, gone, excluded). */
export interface FileEntry {
  key: string;
  objects: IndexedObject[] | null;
}

/** What the worker posts back. */
export type IndexReply =
  /** Entries read by a crawl, in walk order. */
  | { type: 'entries'; generation: number; entries: FileEntry[] }
  /** A crawl walked a whole folder: every file under it was posted, and `seen` are all of them. */
  | { type: 'folder'; generation: number; folder: string; seen: string[] }
  /** A crawl ended (walked through, or stopped for a later generation). */
  | { type: 'done'; generation: number }
  /** The reply to a read request. */
  | { type: 'read'; id: number; entry: FileEntry }
  | { type: 'error'; message: string };
