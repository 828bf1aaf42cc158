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

/**
 * Per parsed document (the same yaml Document object is handed out again by ParseCache while its
 * text is unchanged), what linting it produced. Dropped whole when the settings or rules change.
 */
export class LintCache {
  private entries = new WeakMap<Document, CachedDocument>();
  private settingsKey?: string;
  private rules?: readonly Rule[];

  /** Starts a lint: forgets everything when it runs with other settings (by value) or rules than the last. */
  begin(settings: Settings, rules: readonly Rule[]): void {
    const key = JSON.stringify(settings);
    if (key === this.settingsKey && rules === this.rules) return;
    this.entries = new WeakMap();
    this.settingsKey = key;
    this.rules = rules;
  }

  get(doc: Document): CachedDocument | undefined {
    return this.entries.get(doc);
  }

  set(doc: Document, entry: CachedDocument): void {
    this.entries.set(doc, entry);
  }
}
