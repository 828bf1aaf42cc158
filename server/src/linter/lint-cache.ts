// Findings of unchanged documents, kept between lints of one file (one cache per open document).
import type { Document } from 'yaml';
import type { K8sObject } from '../manifest/objects';
import type { Settings } from '../protocol/settings';
import type { Finding, FixReport, Rule } from './types';

/** A finding as a rule reported it: fixes not yet bound to a file. */
export interface StoredFinding extends Finding {
  fixReports: Array<FixReport & { title: string }>;
}

/** What linting one document produced; offsets are as of when the document started at `base`. */
export interface CachedDocument {
  base: number;
  findings: StoredFinding[];
  objects: K8sObject[];
  ruleErrors: Array<{ ruleId: string; error: unknown }>;
}

/** What the workspace rules reported on one document, and the answers they got from the index. */
export interface CachedWorkspaceFindings {
  base: number;
  findings: StoredFinding[];
  /** Lookup key -> signature of its answer: the findings stand while every answer is the same. */
  answers: Array<[string, string]>;
  ruleErrors: Array<{ ruleId: string; error: unknown }>;
}

/**
 * Per parsed document (the same yaml Document object is handed out again by ParseCache while its
 * text is unchanged), what linting it produced. Dropped whole when the settings or rules change.
 */
export class LintCache {
  private entries = new WeakMap<Document, CachedDocument>();
  private workspaceEntries = new WeakMap<Document, CachedWorkspaceFindings>();
  private key?: string;

  /** Starts a lint: forgets everything when it runs with other settings or rules (by value) than the last. */
  begin(settings: Settings, rules: readonly Rule[]): void {
    const key = JSON.stringify([settings, rules.map((r) => r.meta.id)]);
    if (key === this.key) return;
    this.entries = new WeakMap();
    this.workspaceEntries = new WeakMap();
    this.key = key;
  }

  get(doc: Document): CachedDocument | undefined {
    return this.entries.get(doc);
  }

  set(doc: Document, entry: CachedDocument): void {
    this.entries.set(doc, entry);
  }

  getWorkspace(doc: Document): CachedWorkspaceFindings | undefined {
    return this.workspaceEntries.get(doc);
  }

  setWorkspace(doc: Document, entry: CachedWorkspaceFindings): void {
    this.workspaceEntries.set(doc, entry);
  }
}
