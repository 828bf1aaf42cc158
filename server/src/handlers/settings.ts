// Settings per document: the editor's `cnfLint` section (asked per resource), under the folder's `.cnf-lint.yaml`.
import { defaultSettings, mergeSettings, Settings } from '../protocol/settings';
import type { WorkspaceConfigFiles } from './config-files';

/** The section of the editor settings the server reads. */
export const SETTINGS_SECTION = 'cnfLint';

/** Asks the client for the `cnfLint` section of a resource's settings. */
export type SettingsFetcher = (uri: string) => Promise<unknown>;

/** Editor settings cached per document, dropped when the client says settings changed. */
export class SettingsStore {
  private readonly editor = new Map<string, Promise<Partial<Settings>>>();

  constructor(
    private readonly fetch: SettingsFetcher,
    private readonly configFiles: WorkspaceConfigFiles,
  ) {}

  /**
   * The settings of a document: defaults, then the editor's settings, then the workspace folder's
   * `.cnf-lint.yaml` (its valid keys; its problems are shown on the file itself).
   */
  async forDocument(uri: string): Promise<Settings> {
    let editor = this.editor.get(uri);
    if (!editor) {
      editor = this.fetch(uri).then(asPartial, () => ({}));
      this.editor.set(uri, editor);
    }
    const fromEditor = await editor;
    return mergeSettings(defaultSettings(), fromEditor, this.configFiles.forDocument(uri)?.result.settings);
  }

  /** Forgets every cached editor setting (the next lint asks the client again). */
  clear(): void {
    this.editor.clear();
  }

  /** Forgets one document's editor settings. */
  drop(uri: string): void {
    this.editor.delete(uri);
  }
}

function asPartial(value: unknown): Partial<Settings> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<Settings>) : {};
}
