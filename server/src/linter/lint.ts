// lint(): runs the enabled rules over a parsed file and returns findings with offsets. Pure.
import { spanOf } from '../manifest/nodes';
import { objectsOf } from '../manifest/objects';
import { ParsedFile } from '../manifest/parse';
import { podSpecOf, PodSpecView } from '../manifest/pod-specs';
import { Settings } from '../protocol/settings';
import { FILE_NOT_LINTED, YAML_SYNTAX } from './engine-rules';
import { formatMessage } from './messages';
import { applySuppressions } from './suppression';
import { Finding, FixOffer, Report, Rule, RuleMeta, Severity } from './types';

/** The result of linting one file. */
export interface LintResult {
  findings: Finding[];
  /** Rules that threw: the other rules' findings are still returned. */
  ruleErrors: Array<{ ruleId: string; error: unknown }>;
}

/** A finding on a whole file that is not linted because of its size, or undefined. */
export function oversizeFinding(byteLength: number, settings: Settings): Finding | undefined {
  if (byteLength <= settings.maxFileSize) return undefined;
  return engineFinding(FILE_NOT_LINTED, 'tooLarge', 0, 0, settings, { size: byteLength, limit: settings.maxFileSize });
}

/** Lints a parsed file with the given rules. Never throws. */
export function lint(file: ParsedFile, settings: Settings, rules: readonly Rule[]): LintResult {
  const result: LintResult = { findings: [], ruleErrors: [] };
  if (!settings.enable) return result;
  if (file.skip) {
    const f = engineFinding(FILE_NOT_LINTED, file.skip.reason, file.skip.offset, file.skip.offset, settings);
    if (f) result.findings.push(f);
    return result;
  }
  for (const d of file.documents) {
    for (const e of d.errors) {
      const [start, end] = e.pos;
      const f = engineFinding(YAML_SYNTAX, 'syntax', start, Math.max(end, start), settings, { message: firstLine(e.message) });
      if (f) result.findings.push(f);
    }
  }
  const objects = objectsOf(file);
  const pods = objects.map(podSpecOf).filter((p): p is PodSpecView => p !== undefined);
  for (const rule of rules) {
    const level = settings.rules[rule.meta.id];
    if (level === 'off') continue;
    const report = (r: Report) => {
      const f = toFinding(rule.meta, r, level ?? r.severity ?? rule.meta.defaultSeverity);
      if (f) result.findings.push(f);
    };
    try {
      rule.check({ file, settings, objects, pods, report });
    } catch (error) {
      result.ruleErrors.push({ ruleId: rule.meta.id, error });
    }
  }
  result.findings = applySuppressions(file, objects, result.findings);
  result.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId));
  return result;
}

function engineFinding(meta: RuleMeta, messageId: string, start: number, end: number, settings: Settings, data?: Record<string, string | number>): Finding | undefined {
  const level = settings.rules[meta.id];
  if (level === 'off') return undefined;
  return { ruleId: meta.id, messageId, message: formatMessage(meta.messages[messageId], data), severity: level ?? meta.defaultSeverity, start, end, fixes: [] };
}

function toFinding(meta: RuleMeta, r: Report, severity: Severity): Finding | undefined {
  const span = Array.isArray(r.at) ? r.at : spanOf(r.at);
  const template = meta.messages[r.messageId];
  if (!span || template === undefined) throw new Error(`${meta.id}: bad report ${r.messageId}`);
  const fixes: FixOffer[] = (r.fixes ?? []).map((fix) => ({
    id: fix.id,
    title: formatMessage(meta.fixes[fix.id] ?? fix.id, fix.data),
    preferred: fix.preferred === true,
    edits: () => {
      const edits = fix.edits();
      return edits.length > 0 && edits.every((e) => e !== undefined) ? (edits as NonNullable<(typeof edits)[number]>[]) : undefined;
    },
  }));
  return { ruleId: meta.id, messageId: r.messageId, message: formatMessage(template, r.data), severity, start: span[0], end: span[1], fixes };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
