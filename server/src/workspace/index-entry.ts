// The one answer to "what does this file put in the workspace index", for the CLI, the crawl and open documents.
import { objectsOf } from '../manifest/objects';
import type { ParsedFile } from '../manifest/parse';
import { CONFIG_FILE_NAME } from '../protocol/constants';
import type { Settings } from '../protocol/settings';
import { summarizeObjects } from './summarize';
import type { IndexedObject } from './types';
import type { WorkspaceIndex } from './workspace-index';

/** Folders never walked into, whatever the settings say. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** True for a folder that walks of the workspace (the crawl, the CLI's directories) never enter. */
export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name);
}

/** True for a file name that walks of the workspace take: a YAML file, not cnf-lint's own configuration. */
export function isManifestFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && name !== CONFIG_FILE_NAME;
}

/** True for a file under a chart's `templates/` that renders manifests whatever its extension: not a `_*` helper, not NOTES.txt. */
export function isTemplateFileName(name: string): boolean {
  return !name.startsWith('_') && name !== 'NOTES.txt' && !/\.(?:md|txt|json)$/i.test(name);
}

/** A file as an index entry is made from: its size, known before it is read, and how to read it. */
export interface IndexSource {
  byteLength: number;
  /**
   * Reads the file as it is linted (only when the size allows): the parse whose objects go in the
   * index (a chart template's rendered text; none for a chart file or a template not followed), and
   * the namespace of objects without one when it is not the settings' (a chart's release namespace).
   */
  read(): { file?: ParsedFile; defaultNamespace?: string };
  /** The summaries a lint of the same text already computed, if any. */
  summaries?: () => IndexedObject[];
}

/**
 * The summaries a file puts in the index under `key`, or undefined when it puts nothing there: over
 * `maxFileSize` (never read) or binary. A file that is not linted (`enable: false`) is still part
 * of the workspace: what it defines is indexed, as kubectl would apply it.
 */
export function indexEntry(key: string, source: IndexSource, settings: Settings): IndexedObject[] | undefined {
  if (source.byteLength > settings.maxFileSize) return undefined;
  if (source.summaries) return source.summaries();
  const { file, defaultNamespace } = source.read();
  if (!file) return [];
  if (file.skip?.reason === 'binary') return undefined;
  return summarizeObjects(key, objectsOf(file), defaultNamespace ?? settings.defaultNamespace, { text: file.text, kubernetesVersion: settings.kubernetesVersion });
}

/** Puts a file's entry in the index (or takes it out); returns the lookup keys whose answers changed. */
export function updateEntry(index: WorkspaceIndex, key: string, source: IndexSource, settings: Settings): Set<string> {
  const summaries = indexEntry(key, source, settings);
  return summaries ? index.setFile(key, summaries) : index.deleteFile(key);
}
