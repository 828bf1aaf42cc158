// The rule contract: metadata as data, a check that only reports, fixes as lazily computed edits.
import type { Node, Pair } from 'yaml';
import type { TextEdit } from '../fixes/edits';
import type { ParsedFile } from '../manifest/parse';
import type { K8sObject } from '../manifest/objects';
import type { PodSpecView } from '../manifest/pod-specs';
import type { Settings } from '../protocol/settings';
import type { WorkspaceView } from '../workspace/types';
import type { ActionNode } from '../helm/template-parse';
import type { Val } from '../helm/values';

/** The severity of a finding. */
export type Severity = 'error' | 'warning' | 'info';

/** What a rule declares about itself; docs, hovers, settings and SARIF are generated from it. */
export interface RuleMeta {
  id: string;
  /** A short title: "Privileged container". */
  title: string;
  /** The RA2 gap number the rule comes from; 0 for the engine's own findings. */
  gap: number;
  /** RA2 requirement ids the rule cites (RA2-REQUIREMENTS.md). */
  requirements: string[];
  defaultSeverity: Severity;
  /** How sure a finding is: `clear-cut` (rejected or ignored by the platform) or `heuristic`. */
  confidence: 'clear-cut' | 'heuristic' | 'mixed';
  /** What the rule looks at, in words: "every container of a pod spec". */
  appliesTo: string;
  /** Why it matters, one paragraph: the hover body and the doc page's lead. */
  rationale: string;
  /** Message templates by message id; `{{name}}` is replaced from the report's data. */
  messages: Record<string, string>;
  /** Fix titles by fix id; `{{name}}` is replaced from the fix's data. */
  fixes: Record<string, string>;
  /** Further reading shown in hovers and docs. */
  links?: Array<{ title: string; url: string }>;
  /**
   * The message ids (or `true`: all) whose finding depends only on the text at its span (a
   * `privileged: true` written there): in a template document with unknown parts they are still
   * reported; every other finding of such a document is held back, since the unknown parts could
   * make it untrue.
   */
  local?: true | readonly string[];
  /**
   * What a finding depends on: `document` (the default) when only the document it is in, so that
   * findings of an unchanged document are reused across edits; `file` when other documents of
   * the file too (runs on every lint); `workspace` when what `ctx.workspace` answers too: it runs
   * per document, and its findings on an unchanged document are reused while every lookup it made
   * still gets the same answer (other documents of the file reach it through the workspace).
   */
  scope?: 'document' | 'file' | 'workspace';
}

/** A fix a finding offers: edits are computed only when asked for. */
export interface FixOffer {
  id: string;
  title: string;
  preferred: boolean;
  /** The edits, or undefined when the fix cannot be made safely on this text. */
  edits(): TextEdit[] | undefined;
}

/** A place in another file that explains a finding (the line of values.yaml a templated value comes from); 0-based. */
export interface RelatedLocation {
  file: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
  message: string;
}

/** One problem in a file, with offsets into its text. */
export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  start: number;
  end: number;
  fixes: FixOffer[];
  related?: RelatedLocation[];
}

/** A fix as a rule reports it. */
export interface FixReport {
  id: string;
  preferred?: boolean;
  data?: Record<string, string | number>;
  /**
   * Returns the edits on `file`, the file as it is when the fix is asked for (a finding may be
   * reused from an earlier lint while its document is unchanged, so never capture the file of the
   * check). An undefined entry (an edit helper that refused) withdraws the fix.
   */
  edits(file: ParsedFile): Array<TextEdit | undefined>;
}

/** What a rule reports. `at` is a node, a pair (key start to value end) or an explicit span. */
export interface Report {
  messageId: string;
  at: Node | Pair | [number, number];
  data?: Record<string, string | number>;
  /** A severity other than the rule's default, for the rules whose severity depends on the case. */
  severity?: Severity;
  fixes?: FixReport[];
}

/**
 * What a rule sees: the parsed file, settings, how to report, and the objects and pod specs in its
 * scope: one document for `document` and `workspace` rules, the whole file for `file` rules.
 */
export interface RuleContext {
  file: ParsedFile;
  settings: Settings;
  objects: K8sObject[];
  pods: PodSpecView[];
  /**
   * The manifests of the workspace, this file at its current text included. Only rules of scope
   * `workspace` may read it (for the others, whose findings are cached, reading it throws).
   */
  workspace: WorkspaceView;
  report(report: Report): void;
}

/** What a rule of the template language sees of a chart template (offsets are the template's). */
export interface TemplateRuleContext {
  /** The template as written. */
  text: string;
  /** Every action (`{{ pipeline }}`) of the template, at any depth of its control structures. */
  actions: readonly ActionNode[];
  /** The value a `.Values` path has in the chart's values, or undefined when it is not set. */
  valueAt(path: readonly string[]): Val;
  settings: Settings;
  report(report: { messageId: string; at: [number, number]; data?: Record<string, string | number>; fixes?: Array<Omit<FixReport, 'edits'> & { edits(): TextEdit[] }> }): void;
}

/** A rule: metadata and a check that only reports; a rule of the template language checks chart templates as written. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  checkTemplate?(ctx: TemplateRuleContext): void;
}
