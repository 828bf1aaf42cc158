// Renders the generated parts of the docs from rule metadata: a rule page's block, the README table.
import type { RuleMeta } from '../server/src/linter/types';
import { GAP_TITLES, requirementById } from '../server/src/protocol/requirements';

/** The markers around every generated block; what lies outside them is hand-written and kept. */
export const BEGIN = '<!-- generated:begin -->';
export const END = '<!-- generated:end -->';

const CONFIDENCE: Record<RuleMeta['confidence'], string> = {
  'clear-cut': 'clear-cut: the API server, kubelet or plugin rejects or silently ignores what was written',
  heuristic: 'heuristic: intent is guessed, so messages say "looks like" and the rule is easy to turn off',
  mixed: 'mixed: some cases are clear-cut, others heuristic (see the messages)',
};

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** The gap of a rule in words: "8: User namespaces in Kubernetes". */
export function gapLabel(gap: number): string {
  return gap === 0 ? 'none (a finding of cnf-lint itself)' : `${gap}: ${GAP_TITLES[gap] ?? 'unknown gap'}`;
}

function requirementsSection(meta: RuleMeta): string[] {
  const out = ['## RA2 requirements', ''];
  if (meta.requirements.length === 0) {
    const none = meta.gap > 0 ? 'None: the RA2 gap this rule comes from names no requirement; the rule follows what the platform accepts.' : 'None: this finding is about the file, not about an RA2 requirement.';
    return [...out, none, ''];
  }
  out.push('| Requirement | Defined in | Meaning |', '|---|---|---|');
  for (const id of meta.requirements) {
    const r = requirementById(id);
    out.push(`| \`${id}\` | ${r ? `Anuket ${r.source}` : '?'} | ${cell(r?.meaning ?? 'not in the requirement table')} |`);
  }
  out.push('', 'Requirement texts paraphrase Anuket RA2 and the Reference Model (CC BY 4.0).', '');
  return out;
}

function messagesSection(meta: RuleMeta): string[] {
  const out = ['## Messages', '', '| Message id | Message |', '|---|---|'];
  for (const [id, text] of Object.entries(meta.messages)) out.push(`| \`${id}\` | ${cell(text)} |`);
  return [...out, ''];
}

function fixesSection(meta: RuleMeta): string[] {
  const fixes = Object.entries(meta.fixes);
  if (fixes.length === 0) return ['## Quick-fixes', '', 'None.', ''];
  const out = ['## Quick-fixes', '', 'Offered as code actions in the editor and applied by `cnf-lint --fix` (the preferred one); each is a minimal text edit that keeps comments and formatting.', ''];
  out.push('| Fix id | Title |', '|---|---|');
  for (const [id, title] of fixes) out.push(`| \`${id}\` | ${cell(title)} |`);
  return [...out, ''];
}

function disableSection(meta: RuleMeta): string[] {
  const id = meta.id;
  const out = [
    '## Turning it off',
    '',
    `- Editor setting: \`"cnfLint.rules": { "${id}": "off" }\` (or \`error\`, \`warning\`, \`info\` to change its severity).`,
    `- \`.cnf-lint.yaml\`, read by the editor and the CLI alike: \`rules: { ${id}: "off" }\`; on the command line: \`--rule ${id}=off\`.`,
  ];
  if (meta.gap > 0) {
    out.push(
      `- One line: \`# cnf-lint-disable-next-line ${id} -- reason\` on the line above it.`,
      `- One YAML document: \`# cnf-lint-disable ${id}\` at the top of the document.`,
      `- One object: the annotation \`cnf-lint.io/ignore: "${id}"\` in its \`metadata.annotations\`.`,
    );
  }
  return [...out, ''];
}

/** The generated block of a rule's page, markers included. */
export function ruleBlock(meta: RuleMeta): string {
  const lines = [
    BEGIN,
    '<!-- Generated from the rule metadata by `npm run docs`: edit the rule, not this block. -->',
    `# ${meta.title} (\`${meta.id}\`)`,
    '',
    '| | |',
    '|---|---|',
    `| Rule id | \`${meta.id}\` |`,
    `| RA2 gap | ${cell(gapLabel(meta.gap))} |`,
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Confidence | ${cell(CONFIDENCE[meta.confidence])} |`,
    `| Applies to | ${cell(meta.appliesTo)} |`,
    '',
    meta.rationale,
    '',
    ...requirementsSection(meta),
    ...messagesSection(meta),
    ...fixesSection(meta),
    ...disableSection(meta),
  ];
  if (meta.links?.length) lines.push('## Further reading', '', ...meta.links.map((l) => `- [${l.title}](${l.url})`), '');
  lines.push(END);
  return lines.join('\n');
}

/** The hand-written part of a page that does not exist yet: an invitation to write examples. */
export function defaultProse(meta: RuleMeta): string {
  if (meta.gap === 0) return '';
  return [
    '',
    '## Examples',
    '',
    '<!-- Hand-written from here on: kept when the block above is regenerated. Put an HTML comment',
    'reading "bad" (the example must draw a finding of this rule) or "good" (it must draw none) on the',
    'line before each yaml fence; `npm test` lints them. -->',
    '',
  ].join('\n');
}

/**
 * Replaces the generated block of `text` with `block` (both with markers); `text` without markers
 * gets the block prepended. Throws when the markers are out of order or repeated.
 */
export function replaceBlock(text: string, block: string): string {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 && end < 0) return `${block}\n${text}`;
  if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0 || text.indexOf(END, end + 1) >= 0) {
    throw new Error(`the ${BEGIN} ... ${END} markers must appear once each, in order`);
  }
  return text.slice(0, begin) + block + text.slice(end + END.length);
}

/** A rule page: the regenerated block, then the prose of `existing` (or a stub for a new page). */
export function rulePage(meta: RuleMeta, existing?: string): string {
  return existing === undefined ? `${ruleBlock(meta)}\n${defaultProse(meta)}` : replaceBlock(existing, ruleBlock(meta));
}

/** The rule table of the README, markers included. */
export function readmeTable(rules: readonly RuleMeta[], engine: readonly RuleMeta[]): string {
  const row = (m: RuleMeta) =>
    `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${cell(m.title)} | ${m.gap || '-'} | ${m.defaultSeverity} | ${m.confidence} | ${Object.keys(m.fixes).length || '-'} |`;
  const byGap = [...rules].sort((a, b) => b.gap - a.gap || a.id.localeCompare(b.id));
  return [
    BEGIN,
    '<!-- Generated from the rule metadata by `npm run docs`. -->',
    '| Rule | What it finds | RA2 gap | Default severity | Confidence | Quick-fixes |',
    '|---|---|---|---|---|---|',
    ...byGap.map(row),
    '',
    'Some rules report a case with another severity than their default (a warning where the risk is larger); their pages say when.',
    '',
    'The engine\'s own findings have ids too, which settings and `--rule` accept like rule ids:',
    '',
    '| Id | What it reports | Default severity |',
    '|---|---|---|',
    ...engine.map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${cell(m.title)} | ${m.defaultSeverity} |`),
    END,
  ].join('\n');
}

/** The `cnfLint.rules` setting of package.json: one property per id, levels as an enum. */
export function rulesSetting(metas: readonly RuleMeta[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const m of [...metas].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[m.id] = {
      type: 'string',
      enum: ['off', 'error', 'warning', 'info'],
      description: `${m.title} (${m.gap ? `RA2 gap ${m.gap}` : 'cnf-lint itself'}; default: ${m.defaultSeverity}).`,
    };
  }
  return {
    scope: 'resource',
    type: 'object',
    default: {},
    additionalProperties: false,
    properties,
    markdownDescription:
      'Severity by rule id: `off`, `error`, `warning` or `info`. Rules not listed keep their default severity. A `.cnf-lint.yaml` in the workspace overrides the ids it sets.',
  };
}
