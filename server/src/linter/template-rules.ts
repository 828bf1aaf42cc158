// Runs the rules of the template language on a chart template as written: findings and fixes in template offsets.
import type { Chart } from '../helm/chart';
import { ActionNode, ParsedTemplate, TemplateNode } from '../helm/template-parse';
import { plain, Val } from '../helm/values';
import type { Settings } from '../protocol/settings';
import { formatMessage } from './messages';
import type { Finding, Rule, Severity, TemplateRuleContext } from './types';

/** The findings of the template rules among `rules` on a template of `chart`. */
export function templateFindings(text: string, template: ParsedTemplate, chart: Chart, settings: Settings, rules: readonly Rule[]): Finding[] {
  const out: Finding[] = [];
  const actions = actionsOf(template.nodes);
  for (const rule of rules) {
    const level = settings.rules[rule.meta.id];
    if (!rule.checkTemplate || level === 'off') continue;
    const ctx: TemplateRuleContext = {
      text,
      actions,
      settings,
      valueAt: (path) => valueAt(chart.values, path),
      report: (r) =>
        out.push({
          ruleId: rule.meta.id,
          messageId: r.messageId,
          message: formatMessage(rule.meta.messages[r.messageId], r.data),
          severity: (level as Severity | undefined) ?? rule.meta.defaultSeverity,
          start: r.at[0],
          end: r.at[1],
          fixes: (r.fixes ?? []).map((fix) => ({ id: fix.id, title: formatMessage(rule.meta.fixes[fix.id] ?? fix.id, fix.data), preferred: fix.preferred === true, edits: () => fix.edits() })),
        }),
    };
    rule.checkTemplate(ctx);
  }
  return out;
}

/** Every action of a template, in order, at any depth (control structures' conditions are not actions). */
function actionsOf(nodes: readonly TemplateNode[], out: ActionNode[] = [], depth = 0): ActionNode[] {
  if (depth > 200) return out;
  for (const n of nodes) {
    if (n.t === 'action') out.push(n);
    else if (n.t === 'if' || n.t === 'with' || n.t === 'range') {
      for (const b of n.branches) actionsOf(b.body, out, depth + 1);
      if (n.elseBody) actionsOf(n.elseBody, out, depth + 1);
    }
  }
  return out;
}

function valueAt(values: Val, path: readonly string[]): Val {
  let v: Val = values;
  for (const key of path) {
    const p = plain(v);
    if (!(p instanceof Map)) return undefined;
    v = p.get(key);
  }
  return v;
}
