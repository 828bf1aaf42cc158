// The engine's findings on a document's YAML: parser errors, repeated keys, merge chains too long, kubectl-only quoted scalars.
import { columnOf, lineStartOf, TextEdit } from '../fixes/edits';
import { indentContinuation, jsonAsBlock } from '../fixes/non-portable-edits';
import { mergeChainTooLong } from '../manifest/merge-keys';
import { MAX_MERGE_DEPTH } from '../manifest/nodes';
import type { ManifestDocument } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { INTERNAL_ERROR, YAML_NOT_PORTABLE, YAML_SYNTAX } from './engine-rules';
import type { StoredFinding } from './lint-cache';
import { formatMessage } from './messages';
import type { FixReport, RuleMeta } from './types';

/** Findings on the YAML of one document, with fixes that read the file as it is when asked. */
export function yamlFindings(d: ManifestDocument, settings: Settings): StoredFinding[] {
  const out: Array<StoredFinding | undefined> = [];
  for (const e of d.errors) out.push(engineStored(YAML_SYNTAX, 'syntax', e.pos[0], Math.max(e.pos[1], e.pos[0]), settings, { message: e.message.split('\n')[0] }));
  const separatorAt = d.repeatedKeys.find((k) => k.root && (k.key === 'apiVersion' || k.key === 'kind'));
  for (const k of d.repeatedKeys) {
    const missingSeparator = k.root && (k.key === 'apiVersion' || k.key === 'kind');
    const fixes: FixReport[] = [];
    if (k === separatorAt)
      fixes.push({
        id: 'insertSeparator',
        preferred: true,
        edits: (file) => [separatorBefore(file.text, file.eol, k.start)],
      });
    out.push(engineStored(YAML_SYNTAX, missingSeparator ? 'missingSeparator' : 'repeatedKey', k.start, k.end, settings, { key: k.key }, fixes));
  }
  out.push(mergeTooDeep(d, settings));
  for (const s of d.nonPortable) {
    const fixes: FixReport[] = [{ id: 'indent', preferred: true, edits: (file) => [indentContinuation(file, s)] }];
    if (/^\s*[[{]/.test(s.value)) fixes.push({ id: 'block', edits: (file) => [jsonAsBlock(file, s)] });
    out.push(engineStored(YAML_NOT_PORTABLE, 'notPortable', s.start, s.end, settings, {}, fixes));
  }
  return out.filter((f): f is StoredFinding => f !== undefined);
}

/** One finding on the first merge key whose chain of merges is longer than the getters follow. */
function mergeTooDeep(d: ManifestDocument, settings: Settings): StoredFinding | undefined {
  const at = mergeChainTooLong(d.doc);
  return at && engineStored(INTERNAL_ERROR, 'mergeTooDeep', at[0], at[1], settings, { limit: MAX_MERGE_DEPTH });
}

/**
 * The edit that starts a new document at the root key at `offset`: a `---` line before its line, or,
 * when the line before ends in a `---` glued to a value (`minHealthPercent: 50---`), that `---` moved
 * onto a line of its own. Undefined unless the key is at column 0.
 */
function separatorBefore(text: string, eol: string, offset: number): TextEdit | undefined {
  if (columnOf(text, offset) !== 0) return undefined;
  const at = lineStartOf(text, offset);
  const from = Math.max(0, at - 4096);
  // Glued to a value, not to an indicator (`!!---` is a tag, `&---` an anchor): moving those would break the line left behind.
  const before = /([^\s#!&*|>:,?[\]{}-]---)[ \t]*\r?\n(?:[ \t]*\r?\n)*$/.exec(text.slice(from, at));
  const glued = before ? from + before.index + 1 : -1;
  if (before && !text.slice(lineStartOf(text, glued), glued).includes('#')) return { start: glued, end: glued + 3, text: `${eol}---` };
  return { start: at, end: at, text: `---${eol}` };
}

/** A finding of the engine at the severity the settings give its id; undefined when it is off. */
export function engineStored(
  meta: RuleMeta,
  messageId: string,
  start: number,
  end: number,
  settings: Settings,
  data?: Record<string, string | number>,
  fixes: FixReport[] = [],
): StoredFinding | undefined {
  const level = settings.rules[meta.id];
  if (level === 'off') return undefined;
  const fixReports = fixes.map((fix) => ({ ...fix, title: formatMessage(meta.fixes[fix.id] ?? fix.id, fix.data) }));
  return { ruleId: meta.id, messageId, message: formatMessage(meta.messages[messageId], data), severity: level ?? meta.defaultSeverity, start, end, fixes: [], fixReports };
}
