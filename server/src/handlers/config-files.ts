// The `.cnf-lint.yaml` at the root of each workspace folder: read from disk once, re-read when it changes.
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConfigReader, ConfigResult } from '../config/config-file';
import { readConfigFile } from '../config/read-config-file';
import { CONFIG_FILE_NAME } from '../protocol/constants';

/** A workspace folder's configuration file as read from disk. */
export interface FolderConfig {
  /** The URI of the configuration file. */
  uri: string;
  result: ConfigResult;
}

/** Called whenever a folder's configuration file is (re)read: undefined when there is none. */
export type ConfigReadListener = (configUri: string, config: FolderConfig | undefined) => void;

/** The file-system path of a `file:` URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and caches the configuration file of each workspace folder. */
export class WorkspaceConfigFiles {
  /** Folder paths, longest first, so that the innermost folder of a document wins. */
  private folders: string[] = [];
  private readonly cache = new Map<string, FolderConfig | null>();

  constructor(
    private readonly reader: ConfigReader,
    private readonly onRead: ConfigReadListener,
  ) {}

  /** Adds and removes workspace folders (given as URIs). */
  updateFolders(added: readonly string[], removed: readonly string[] = []): void {
    const gone = new Set(removed.map(uriToPath));
    for (const folder of gone) if (folder) this.cache.delete(folder);
    const kept = this.folders.filter((f) => !gone.has(f));
    const fresh = added.map(uriToPath).filter((p): p is string => !!p && !kept.includes(p));
    this.folders = [...kept, ...fresh].sort((a, b) => b.length - a.length);
  }

  /** The folder path that contains a document, or undefined. */
  folderOf(documentUri: string): string | undefined {
    const path = uriToPath(documentUri);
    if (!path) return undefined;
    return this.folders.find((folder) => {
      const rel = relative(folder, path);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  }

  /** The configuration of the folder that contains a document, read on first use. */
  forDocument(documentUri: string): FolderConfig | undefined {
    const folder = this.folderOf(documentUri);
    if (!folder) return undefined;
    if (!this.cache.has(folder)) this.cache.set(folder, this.load(folder));
    return this.cache.get(folder) ?? undefined;
  }

  /**
   * Re-reads the configuration a changed file belongs to, when it is a folder's configuration
   * file. Returns true when it was.
   */
  fileChanged(fileUri: string): boolean {
    const path = uriToPath(fileUri);
    if (!path) return false;
    const folder = dirname(path);
    if (path !== join(folder, CONFIG_FILE_NAME) || !this.folders.includes(folder)) return false;
    this.cache.set(folder, this.load(folder));
    return true;
  }

  private load(folder: string): FolderConfig | null {
    const path = join(folder, CONFIG_FILE_NAME);
    const uri = pathToFileURL(path).toString();
    const read = readConfigFile(path);
    if (!read.ok && read.missing) {
      this.onRead(uri, undefined);
      return null;
    }
    // A FIFO, a device or a huge file is not read: its one problem says why, and no setting comes from it.
    const config = { uri, result: read.ok ? this.reader.read(read.text) : this.reader.unreadable(read.reason) };
    this.onRead(uri, config);
    return config;
  }
}
