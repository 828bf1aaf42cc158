// The engine's findings on a document's YAML: parser errors, repeated keys, kubectl-only quoted scalars.
import { lineStartOf, columnOf } from '../fixes/edits';
import { indentContinuation, jsonAsBlock } from '../fixes/non-portable-edits';
import type { ManifestDocument } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { YAML_NOT_PORTABLE, YAML_SYNTAX } from './engine-rules';
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
        edits: (file) => {
          const at = lineStartOf(file.text, k.start);
          return [columnOf(file.text, k.start) === 0 ? { start: at, end: at, text: `---${file.eol}` } : undefined];
        },
      });
    out.push(engineStored(YAML_SYNTAX, missingSeparator ? 'missingSeparator' : 'repeatedKey', k.start, k.end, settings, { key: k.key }, fixes));
  }
  for (const s of d.nonPortable) {
    const fixes: FixReport[] = [{ id: 'indent', preferred: true, edits: (file) => [indentContinuation(file, s)] }];
    if (/^\s*[[{]/.test(s.value)) fixes.push({ id: 'block', edits: (file) => [jsonAsBlock(file, s)] });
    out.push(engineStored(YAML_NOT_PORTABLE, 'notPortable', s.start, s.end, settings, {}, fixes));
  }
  return out.filter((f): f is StoredFinding => f !== undefined);
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
