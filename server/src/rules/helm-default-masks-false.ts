// helm-default-masks-false: `{{ .Values.x | default true }}` on a boolean, which can never be turned off (Helm templates).
import type { Operand, Pipeline } from '../helm/pipeline-parse';
import { plain } from '../helm/values';
import type { TextEdit } from '../fixes/edits';
import type { Rule, TemplateRuleContext } from '../linter/types';

export const rule: Rule = {
  meta: {
    id: 'helm-default-masks-false',
    title: 'Helm default that a false value cannot turn off',
    gap: 8,
    requirements: ['ra2.app.030', 'ra2.app.041'],
    defaultSeverity: 'warning',
    confidence: 'clear-cut',
    appliesTo: 'the actions of Helm chart templates: `.Values.x | default <value>` (or `default <value> .Values.x`) on a boolean',
    rationale:
      "Sprig's `default` returns its fallback whenever the value is empty, and for Go templates `false` is empty. `{{ .Values.network.hostNetwork | default true }}` therefore renders `true` whatever the values say: a user who sets `hostNetwork: false` (or `privileged: false`) to run the CNF without host privileges gets them anyway, and nothing tells them. Test for the key instead (`hasKey`), or drop the default and keep it in values.yaml.",
    messages: {
      masksFalse: "`default {{fallback}}` on .Values.{{path}}, a boolean: default treats false as empty, so '{{path}}: false' can never take effect and this always renders {{fallback}}.",
    },
    fixes: {
      hasKey: 'Use the value when values set it: {{ if hasKey .Values{{parent}} "{{key}}" }}…{{ else }}{{fallback}}{{ end }}',
      dropDefault: 'Drop the default (values.yaml sets {{path}}: {{value}})',
    },
    links: [{ title: 'Helm: the default function', url: 'https://helm.sh/docs/chart_template_guide/function_list/#default' }],
  },
  check() {
    // A rule of the template language: it reads chart templates as written (checkTemplate).
  },
  checkTemplate(ctx) {
    for (const action of ctx.actions) {
      const found = maskedBoolean(action.pipe);
      if (!found) continue;
      const { path, fallback } = found;
      const value = plain(ctx.valueAt(path));
      if (typeof value !== 'boolean' && typeof fallback !== 'boolean') continue;
      report(ctx, action.start, action.end, path, String(fallback), typeof value === 'boolean' ? String(value) : undefined);
    }
  },
};

/** `.Values.a.b | default <truthy literal>` or `default <truthy literal> .Values.a.b`, as the whole pipeline: the path and the fallback. */
function maskedBoolean(pipe: Pipeline): { path: string[]; fallback: string | number | boolean } | undefined {
  if (pipe.decl) return undefined;
  const [first, second] = pipe.cmds;
  let field: Operand | undefined;
  let fallback: Operand | undefined;
  if (pipe.cmds.length === 2 && first.length === 1 && second.length === 2 && second[0].t === 'ident' && second[0].name === 'default') [field, fallback] = [first[0], second[1]];
  else if (pipe.cmds.length === 1 && first.length === 3 && first[0].t === 'ident' && first[0].name === 'default') [fallback, field] = [first[1], first[2]];
  if (field?.t !== 'field' || field.base !== 'dot' || field.fields[0] !== 'Values' || field.fields.length < 2) return undefined;
  if (fallback?.t !== 'literal' || fallback.value === null || fallback.value === false || fallback.value === '' || fallback.value === 0) return undefined;
  return { path: field.fields.slice(1), fallback: fallback.value };
}

function report(ctx: TemplateRuleContext, start: number, end: number, path: string[], fallback: string, value: string | undefined): void {
  const key = path[path.length - 1];
  const parent = path
    .slice(0, -1)
    .map((p) => `.${p}`)
    .join('');
  const dotted = path.join('.');
  const trimLeft = ctx.text.startsWith('{{-', start) ? '{{- ' : '{{ ';
  const trimRight = ctx.text.slice(start, end).endsWith('-}}') ? ' -}}' : ' }}';
  const written = `.Values.${dotted}`;
  const fixes: Array<{ id: string; preferred: boolean; data: Record<string, string>; edits: () => TextEdit[] }> = [
    {
      id: 'hasKey',
      preferred: true,
      data: { parent, key, fallback },
      edits: () => [{ start, end, text: `${trimLeft}if hasKey .Values${parent} "${key}" }}{{ ${written} }}{{ else }}${fallback}{{ end${trimRight}` }],
    },
  ];
  if (value !== undefined) fixes.push({ id: 'dropDefault', preferred: false, data: { path: dotted, value }, edits: () => [{ start, end, text: `${trimLeft}${written}${trimRight}` }] });
  ctx.report({ messageId: 'masksFalse', at: [start, end], data: { path: dotted, fallback }, fixes });
}
