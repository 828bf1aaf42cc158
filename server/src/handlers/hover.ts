// Hover on a flagged range: the rule's title, why it matters, RA2 requirements, the doc link (the editor shows the message itself).
import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import { ENGINE_RULES } from '../linter/engine-rules';
import type { Finding, Rule, RuleMeta } from '../linter/types';
import { ruleDocUrl } from '../protocol/constants';
import { GAP_TITLES, REQUIREMENTS_ATTRIBUTION, requirementById } from '../protocol/requirements';
import { toRange } from './convert';
import type { LintOutcome } from './lint-document';

/** The hover at a position of a document's current version, or undefined when nothing is flagged there. */
export function hoverAt(outcome: LintOutcome | undefined, position: Position, rules: readonly Rule[]): Hover | undefined {
  if (!outcome?.file) return undefined;
  const offset = outcome.lines.offsetAt(position);
  const hits = outcome.findings.filter((f) => (f.start <= offset && offset < f.end) || (f.start === f.end && f.start === offset));
  if (hits.length === 0) return undefined;
  const metaOf = (id: string) => rules.find((r) => r.meta.id === id)?.meta ?? ENGINE_RULES.find((m) => m.id === id);
  const value = hits.map((f) => describe(f, metaOf(f.ruleId))).join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(outcome.lines, hits[0].start, hits[0].end) };
}

/** The markdown of one finding. */
export function describe(finding: Finding, meta: RuleMeta | undefined): string {
  const url = ruleDocUrl(finding.ruleId);
  const parts = [`**${meta?.title ?? finding.ruleId}** (\`${finding.ruleId}\`, ${finding.severity})`];
  if (meta) {
    parts.push(meta.rationale);
    if (meta.requirements.length > 0) {
      const items = meta.requirements.map((id) => {
        const r = requirementById(id);
        return r ? `- \`${id}\` (${r.source}): ${r.meaning}` : `- \`${id}\``;
      });
      const gap = meta.gap > 0 ? ` (RA2 gap ${meta.gap}: ${GAP_TITLES[meta.gap] ?? 'unknown'})` : '';
      parts.push(`Anuket requirements${gap}:\n\n${items.join('\n')}\n\n_Source: ${REQUIREMENTS_ATTRIBUTION}._`);
    }
    if (meta.links?.length) parts.push(`Further reading: ${meta.links.map((l) => `[${l.title}](${l.url})`).join(' · ')}`);
    parts.push(`Confidence: ${meta.confidence}. [Rule documentation](${url})`);
  } else {
    parts.push(`[Rule documentation](${url})`);
  }
  return parts.join('\n\n');
}
