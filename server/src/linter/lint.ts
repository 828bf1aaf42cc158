// lint(): runs the enabled rules over a parsed file and returns findings with offsets. Pure.
import { spanOf } from '../manifest/nodes';
import { K8sObject, objectsOfDocument } from '../manifest/objects';
import { ManifestDocument, ParsedFile } from '../manifest/parse';
import { podSpecOf, PodSpecView } from '../manifest/pod-specs';
import { Settings } from '../protocol/settings';
import { summarizeObjects } from '../workspace/summarize';
import type { IndexedObject, WorkspaceView } from '../workspace/types';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { FILE_NOT_LINTED } from './engine-rules';
import { capFindings, documentFailed, ruleFailed, tooManyDocuments } from './guard';
import { CachedDocument, LintCache, StoredFinding } from './lint-cache';
import { formatMessage } from './messages';
import { applySuppressions } from './suppression';
import { engineStored, yamlFindings } from './yaml-findings';
import { Finding, FixOffer, Report, Rule, RuleMeta, Severity } from './types';

/** The result of linting one file. */
export interface LintResult {
  findings: Finding[];
  /** Rules that threw: the other rules' findings are still returned. */
  ruleErrors: Array<{ ruleId: string; error: unknown }>;
  /** The file's objects as the workspace index summarizes them, under `workspace.uri` (computed once, on demand). */
  summaries?: () => IndexedObject[];
}

/** The workspace a file is linted in. */
export interface LintWorkspace {
  /** The other files of the workspace (this file's own entry, if any, is replaced by its current text). */
  index: WorkspaceIndex;
  /** The file's key in the index (a URI in the server, the path as given in the CLI). */
  uri: string;
  /** Receives the index keys the rules looked up: when one of them changes, the file needs linting again. */
  deps?: Set<string>;
}

/** A finding on a whole file that is not linted because of its size, or undefined. */
export function oversizeFinding(byteLength: number, settings: Settings): Finding | undefined {
  if (byteLength <= settings.maxFileSize) return undefined;
  return engineFinding(FILE_NOT_LINTED, 'tooLarge', 0, 0, settings, { size: byteLength, limit: settings.maxFileSize });
}

/**
 * Lints a parsed file with the given rules. Never throws. With a cache (one per open document),
 * the findings of documents that did not change since the last call are reused. Rules of scope
 * `workspace` see `workspace` (without one, a workspace of this file alone).
 */
export function lint(file: ParsedFile, settings: Settings, rules: readonly Rule[], cache?: LintCache, workspace?: LintWorkspace): LintResult {
  const result: LintResult = { findings: [], ruleErrors: [] };
  if (!settings.enable) return result;
  if (file.skip) {
    const f = engineFinding(FILE_NOT_LINTED, file.skip.reason, file.skip.offset, file.skip.offset, settings);
    if (f) result.findings.push(f);
    return result;
  }
  const enabled = rules.filter((r) => settings.rules[r.meta.id] !== 'off');
  const perDocument = enabled.filter((r) => (r.meta.scope ?? 'document') === 'document');
  const perFile = enabled.filter((r) => r.meta.scope === 'file');
  const perWorkspace = enabled.filter((r) => r.meta.scope === 'workspace');
  cache?.begin(settings, rules);
  const allObjects: K8sObject[] = [];
  const uri = workspace?.uri ?? '';
  let summarized: IndexedObject[] | undefined;
  const summaries = () => (summarized ??= summarizeObjects(uri, allObjects, settings.defaultNamespace, { text: file.text, kubernetesVersion: settings.kubernetesVersion }));
  result.summaries = summaries;
  const documentObjects: K8sObject[][] = [];
  const stored: StoredFinding[] = [];
  const shifted = (list: StoredFinding[], base: number, start: number) => list.map((s) => ({ ...s, start: s.start - base + start, end: s.end - base + start }));
  for (const d of file.documents) {
    let entry = cache?.get(d.doc);
    const objects = entry ? entry.objects.map((o) => ({ ...o, document: d })) : undefined;
    if (!entry) {
      entry = checkDocument(d, file, settings, perDocument);
      cache?.set(d.doc, entry);
    }
    documentObjects.push(objects ?? entry.objects);
    // Loops, not spread arguments: a list can be longer than the call stack allows arguments.
    for (const o of objects ?? entry.objects) allObjects.push(o);
    for (const f of shifted(entry.findings, entry.base, d.start)) stored.push(f);
    for (const e of entry.ruleErrors) result.ruleErrors.push(e);
  }
  const unparsed = file.unparsedFrom !== undefined && tooManyDocuments(file.unparsedFrom, settings);
  if (unparsed) stored.push(unparsed);
  if (perFile.length > 0) {
    const pods = allObjects.map(podSpecOf).filter((p): p is PodSpecView => p !== undefined);
    for (const f of runRules(perFile, file, settings, allObjects, pods, result.ruleErrors)) stored.push(f);
  }
  if (perWorkspace.length > 0) {
    const index = workspace?.index ?? new WorkspaceIndex();
    const answers = index.answers({ uri, objects: summaries });
    file.documents.forEach((d, i) => {
      try {
        const objects = documentObjects[i];
        if (objects.length === 0) return;
        let entry = cache?.getWorkspace(d.doc);
        if (entry && entry.answers.every(([key, sig]) => answers.signature(key) === sig)) {
          for (const [key] of entry.answers) workspace?.deps?.add(key);
        } else {
          const trace = new Map<string, string>();
          const view = index.view({ answers, deps: workspace?.deps, trace });
          const pods = objects.map(podSpecOf).filter((p): p is PodSpecView => p !== undefined);
          const ruleErrors: LintResult['ruleErrors'] = [];
          const findings = runRules(perWorkspace, file, settings, objects, pods, ruleErrors, view);
          entry = { base: d.start, findings, answers: [...trace], ruleErrors };
          cache?.setWorkspace(d.doc, entry);
        }
        for (const f of shifted(entry.findings, entry.base, d.start)) stored.push(f);
        for (const e of entry.ruleErrors) result.ruleErrors.push(e);
      } catch (error) {
        const failed = documentFailed(error, d.start, settings);
        if (failed) stored.push(failed);
        result.ruleErrors.push({ ruleId: 'cnf-lint', error });
      }
    });
  }
  for (const s of capFindings(stored, file, settings)) result.findings.push(bindFixes(s, file));
  result.findings = applySuppressions(file, allObjects, result.findings);
  result.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId));
  return result;
}

/** Engine findings and document-scoped rule findings of one document, with offsets as of now; a failure is one finding. */
function checkDocument(d: ManifestDocument, file: ParsedFile, settings: Settings, rules: readonly Rule[]): CachedDocument {
  const findings: StoredFinding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  try {
    for (const f of yamlFindings(d, settings)) findings.push(f);
    const objects = objectsOfDocument(d);
    const pods = objects.map(podSpecOf).filter((p): p is PodSpecView => p !== undefined);
    if (objects.length > 0) for (const f of runRules(rules, file, settings, objects, pods, ruleErrors)) findings.push(f);
    return { base: d.start, findings, objects, ruleErrors };
  } catch (error) {
    const failed = documentFailed(error, d.start, settings);
    return { base: d.start, findings: failed ? [failed] : [], objects: [], ruleErrors: [{ ruleId: 'cnf-lint', error }] };
  }
}

/** Runs rules over a scope; a rule that throws is recorded and the others still run. */
function runRules(
  rules: readonly Rule[],
  file: ParsedFile,
  settings: Settings,
  objects: K8sObject[],
  pods: PodSpecView[],
  ruleErrors: LintResult['ruleErrors'],
  workspace?: WorkspaceView,
): StoredFinding[] {
  const out: StoredFinding[] = [];
  for (const rule of rules) {
    const level = settings.rules[rule.meta.id] as Severity | undefined;
    const report = (r: Report) => out.push(toStored(rule.meta, r, level ?? r.severity ?? rule.meta.defaultSeverity));
    try {
      rule.check({ file, settings, objects, pods, workspace: workspace ?? noWorkspace(rule.meta.id), report });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, error });
      const failed = ruleFailed(rule.meta.id, error, objects, settings);
      if (failed) out.push(failed);
    }
  }
  return out;
}

/** The workspace of a rule that is not of scope `workspace`: its findings are cached, so it must not read other files. */
function noWorkspace(ruleId: string): WorkspaceView {
  const refuse = (): never => {
    throw new Error(`${ruleId} reads ctx.workspace but is not of scope 'workspace'`);
  };
  return { nad: refuse, nadsNamed: refuse, nadsWithResource: refuse, policiesFor: refuse, objectsOfKind: refuse, objectsIn: refuse, object: refuse, workloadsIn: refuse, inThisFile: refuse };
}

/** A finding of the engine (no fixes) at the severity the settings give its id; undefined when it is off. */
export function engineFinding(meta: RuleMeta, messageId: string, start: number, end: number, settings: Settings, data?: Record<string, string | number>): Finding | undefined {
  const stored = engineStored(meta, messageId, start, end, settings, data);
  if (!stored) return undefined;
  const { fixReports: _none, ...finding } = stored;
  return finding;
}

function toStored(meta: RuleMeta, r: Report, severity: Severity): StoredFinding {
  const span = Array.isArray(r.at) ? r.at : spanOf(r.at);
  const template = meta.messages[r.messageId];
  if (!span || template === undefined) throw new Error(`${meta.id}: bad report ${r.messageId}`);
  const fixReports = (r.fixes ?? []).map((fix) => ({ ...fix, title: formatMessage(meta.fixes[fix.id] ?? fix.id, fix.data) }));
  return { ruleId: meta.id, messageId: r.messageId, message: formatMessage(template, r.data), severity, start: span[0], end: span[1], fixes: [], fixReports };
}

/** A stored finding with its fixes bound to the file being linted now. */
function bindFixes(s: StoredFinding, file: ParsedFile): Finding {
  const fixes: FixOffer[] = s.fixReports.map((fix) => ({
    id: fix.id,
    title: fix.title,
    preferred: fix.preferred === true,
    edits: () => {
      const edits = fix.edits(file);
      return edits.length > 0 && edits.every((e) => e !== undefined) ? (edits as NonNullable<(typeof edits)[number]>[]) : undefined;
    },
  }));
  const { fixReports: _unused, ...finding } = s;
  return { ...finding, fixes };
}
