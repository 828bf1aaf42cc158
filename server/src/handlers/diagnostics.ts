// Lints open documents (coalesced, latest version only) and publishes their diagnostics.
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigReader } from '../config/config-file';
import { documentFailed } from '../linter/guard';
import type { Rule } from '../linter/types';
import { LintCache } from '../linter/lint-cache';
import type { ChartLoader } from '../helm/chart';
import { ParseCache } from '../manifest/parse';
import { defaultSettings, Settings } from '../protocol/settings';
import { updateEntry } from '../workspace/index-entry';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { FolderConfig, uriToPath } from './config-files';
import { toDiagnostic } from './convert';
import { DocumentCaches, isConfigUri, isYamlDocument, lintDocument, LintOutcome } from './lint-document';
import { LintScheduler } from './lint-scheduler';
import { indexKey } from './workspace-indexer';

/** What the diagnostics service needs from the server. */
export interface DiagnosticsDeps {
  documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  settingsFor(uri: string): Promise<Settings>;
  reader: ConfigReader;
  rules: readonly Rule[];
  publish(params: PublishDiagnosticsParams): void;
  logError(message: string): void;
  /** The workspace index: open documents enter it at their editor text, and workspace rules read it. */
  index?: WorkspaceIndex;
  /**
   * True when the workspace index can answer (its first crawl is done). Until then, findings of
   * workspace rules are held back (an answer not read yet is no "unresolved"); the rest is published.
   */
  indexReady?(): boolean;
  /** Finds and reads the charts of chart templates (open documents first). */
  charts?: ChartLoader;
}

/**
 * Per open document: its parse and lint caches, the outcome of its latest lint, the latest run's
 * ticket, and the index lookups its workspace rules made in that lint.
 */
interface DocumentState {
  caches: DocumentCaches;
  outcome?: LintOutcome;
  ticket: number;
  lookups: Set<string>;
}

/** Owns the lint state of every open document. */
export class DiagnosticsService {
  private readonly states = new Map<string, DocumentState>();
  private readonly scheduler = new LintScheduler((uri) => void this.run(uri));
  /** Closed configuration files whose problems on disk are currently published. */
  private readonly shownOnDisk = new Set<string>();
  /** The rules whose findings wait for the workspace index. */
  private readonly workspaceRules: ReadonlySet<string>;

  constructor(private readonly deps: DiagnosticsDeps) {
    this.workspaceRules = new Set(deps.rules.filter((r) => r.meta.scope === 'workspace').map((r) => r.meta.id));
  }

  /** True when the server lints this document. */
  handles(doc: TextDocument): boolean {
    return isConfigUri(doc.uri) || isYamlDocument(doc.uri, doc.languageId);
  }

  /** Asks for a document to be linted; bursts of requests are coalesced. */
  request(uri: string): void {
    const doc = this.deps.documents.get(uri);
    if (doc && this.handles(doc)) this.scheduler.request(uri);
  }

  /**
   * Asks for every open document to be linted again (settings or configuration changed); until
   * then, code actions and hovers compute a fresh outcome instead of using one made with the old settings.
   */
  requestAll(): void {
    for (const state of this.states.values()) state.outcome = undefined;
    for (const doc of this.deps.documents.all()) this.request(doc.uri);
  }

  /**
   * Index lookups changed: lints again the open documents whose last lint made one of them
   * (except `except`, the document whose edit caused the change).
   */
  workspaceChanged(keys: ReadonlySet<string>, except?: string): void {
    if (keys.size === 0) return;
    for (const [uri, state] of this.states) {
      if (uri === except) continue;
      for (const key of state.lookups) {
        if (keys.has(key)) {
          // Until the re-lint runs, code actions and hovers must not use answers that changed.
          state.outcome = undefined;
          this.request(uri);
          break;
        }
      }
    }
  }

  /** Forgets a closed document and clears its diagnostics. */
  close(uri: string): void {
    this.scheduler.cancel(uri);
    if (this.states.delete(uri)) this.deps.publish({ uri, diagnostics: [] });
  }

  /** The outcome for a document's current version, linting it now when needed (code actions, hover). */
  async current(uri: string): Promise<LintOutcome | undefined> {
    const doc = this.deps.documents.get(uri);
    if (!doc || !this.handles(doc)) return undefined;
    const state = this.state(uri);
    if (state.outcome?.version === doc.version) return state.outcome;
    const settings = await this.deps.settingsFor(uri);
    const now = this.deps.documents.get(uri);
    if (!now || now.version !== doc.version || this.states.get(uri) !== state) return undefined;
    if (state.outcome?.version !== doc.version) state.outcome = this.compute(now, settings, state);
    return state.outcome;
  }

  /**
   * Publishes the problems of a workspace folder's configuration file as read from disk, when
   * that file is not open (an open one is linted from its editor text).
   */
  showConfigOnDisk(configUri: string, config: FolderConfig | undefined): void {
    const path = uriToPath(configUri);
    if (this.deps.documents.all().some((d) => d.uri === configUri || (path !== undefined && uriToPath(d.uri) === path))) return;
    const problems = config?.result.problems ?? [];
    if (problems.length === 0 && !this.shownOnDisk.has(configUri)) return;
    if (problems.length > 0) this.shownOnDisk.add(configUri);
    else this.shownOnDisk.delete(configUri);
    this.deps.publish({ uri: configUri, diagnostics: problems.map((p) => toDiagnostic(p, config!.result.file.lines, 0)) });
  }

  /** Lints the latest version of a document and publishes, unless a newer run or version superseded it. */
  private async run(uri: string): Promise<void> {
    const doc = this.deps.documents.get(uri);
    if (!doc) return;
    const state = this.state(uri);
    const ticket = ++state.ticket;
    try {
      const settings = await this.deps.settingsFor(uri);
      const now = this.deps.documents.get(uri);
      if (!now || now.version !== doc.version || state.ticket !== ticket || this.states.get(uri) !== state) return;
      const outcome = this.compute(now, settings, state);
      state.outcome = outcome;
      for (const { ruleId, error } of outcome.ruleErrors) {
        this.deps.logError(`cnf-lint: rule ${ruleId} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      const diagnostics = outcome.findings.map((f) => toDiagnostic(f, outcome.lines, outcome.version));
      this.deps.publish({ uri, version: outcome.version, diagnostics });
    } catch (error) {
      this.deps.logError(`cnf-lint: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Never silence: the document gets one finding that says it was not checked.
      const failed = documentFailed(error, 0, defaultSettings());
      if (failed && doc === this.deps.documents.get(uri)) this.deps.publish({ uri, version: doc.version, diagnostics: [toDiagnostic(failed, doc, doc.version)] });
    }
  }

  /** Lints a document version; its objects replace its entry in the workspace index, and documents that looked them up are linted again. */
  private compute(doc: TextDocument, settings: Settings, state: DocumentState): LintOutcome {
    const input = { uri: doc.uri, version: doc.version, text: doc.getText() };
    const index = this.deps.index;
    const key = indexKey(doc.uri);
    const lookups = new Set<string>();
    const outcome = lintDocument(input, settings, this.deps.rules, state.caches, this.deps.reader, index && { index, uri: key, deps: lookups }, this.deps.charts);
    state.lookups = lookups;
    if (this.deps.indexReady?.() === false) outcome.findings = outcome.findings.filter((f) => !this.workspaceRules.has(f.ruleId));
    if (index && !outcome.isConfig) {
      // Not linted (`enable: false`) is still part of the workspace, as it is on disk: its objects stay in the index.
      const read = () => ({ file: outcome.source?.file, defaultNamespace: outcome.source?.settings.defaultNamespace });
      const source = { byteLength: Buffer.byteLength(input.text, 'utf8'), read, summaries: outcome.summaries };
      this.workspaceChanged(updateEntry(index, key, source, settings), doc.uri);
    }
    return outcome;
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { caches: { parse: new ParseCache(), lint: new LintCache() }, ticket: 0, lookups: new Set() };
      this.states.set(uri, state);
    }
    return state;
  }
}
