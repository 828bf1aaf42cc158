// helm-default-masks-false: a boolean behind `| default <truthy>` can never be false; the fixes render what values.yaml says.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/fixes/edits';
import { ChartLoader } from '../../../server/src/helm/chart';
import { diskChartFiles } from '../../../server/src/helm/disk-files';
import { lintSource, readSource } from '../../../server/src/linter/lint-source';
import { LineIndex } from '../../../server/src/manifest/line-index';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { rule } from '../../../server/src/rules/helm-default-masks-false';

/** A chart holding one template and a values.yaml; the template's path. */
function chart(template: string, values: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-masks-'));
  for (const [path, text] of Object.entries({ 'Chart.yaml': 'apiVersion: v2\nname: upf\nversion: 0.1.0\n', 'values.yaml': values, 'templates/pod.yaml': template })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return join(root, 'templates/pod.yaml');
}

function lintTemplate(template: string, values: string) {
  const path = chart(template, values);
  const findings = lintSource(template, defaultSettings(), [rule], { path, charts: new ChartLoader(diskChartFiles()) }).findings;
  const lines = new LineIndex(template);
  const at = (o: number) => `${lines.positionAt(o).line + 1}:${lines.positionAt(o).character + 1}`;
  return { path, findings, summary: findings.map((f) => `${at(f.start)}-${at(f.end)} ${f.messageId}`) };
}

/** What the template renders with these values. */
function rendered(template: string, values: string): string {
  const path = chart(template, values);
  return readSource(template, defaultSettings(), { path, charts: new ChartLoader(diskChartFiles()) }).rendered!.text;
}

const POD = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: {{ .Values.network.hostNetwork | default true }}\n  containers: []\n';

describe('helm-default-masks-false', () => {
  it('invalid: `| default true` on a boolean of values.yaml: on the action, with both fixes', () => {
    const values = 'network:\n  hostNetwork: false\n';
    assert.equal(rendered(POD, values), 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  containers: []\n', 'the bug: false renders true');
    const { findings, summary } = lintTemplate(POD, values);
    assert.deepEqual(summary, ['4:16-4:64 masksFalse']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, "`default true` on .Values.network.hostNetwork, a boolean: default treats false as empty, so 'network.hostNetwork: false' can never take effect and this always renders true.");
    const out = Object.fromEntries(findings[0].fixes.map((f) => [f.id, applyEdits(POD, f.edits()!)]));
    assert.deepEqual(out, {
      hasKey: POD.replace('{{ .Values.network.hostNetwork | default true }}', '{{ if hasKey .Values.network "hostNetwork" }}{{ .Values.network.hostNetwork }}{{ else }}true{{ end }}'),
      dropDefault: POD.replace('{{ .Values.network.hostNetwork | default true }}', '{{ .Values.network.hostNetwork }}'),
    });
    assert.deepEqual(findings[0].fixes.filter((f) => f.preferred).map((f) => f.id), ['hasKey']);
    assert.match(rendered(out.hasKey, values), /hostNetwork: false/, 'fixed, false renders false');
    assert.match(rendered(out.hasKey, 'network: {}\n'), /hostNetwork: true/, 'fixed, the fallback stays when the key is not set');
    assert.deepEqual(lintTemplate(out.hasKey, values).summary, [], 'fixed, no finding');
  });

  it('invalid: `default true .Values.x` written as a call, with trim markers kept; values.yaml does not set it (only the hasKey fix)', () => {
    const template = 'spec:\n  privileged:\n    {{- default true .Values.privileged -}}\n';
    const { findings, summary } = lintTemplate(template, '{}\n');
    assert.deepEqual(summary, ['3:5-3:44 masksFalse']);
    assert.deepEqual(
      findings[0].fixes.map((f) => [f.id, applyEdits(template, f.edits()!)]),
      [['hasKey', 'spec:\n  privileged:\n    {{- if hasKey .Values "privileged" }}{{ .Values.privileged }}{{ else }}true{{ end -}}\n']],
    );
  });

  for (const [name, template, values] of [
    ['a string value with a string default', 'image: {{ .Values.image | default "upf:1.0" }}\n', 'image: ""\n'],
    ['default false (false is what empty gives anyway)', 'hostNetwork: {{ .Values.hostNetwork | default false }}\n', 'hostNetwork: false\n'],
    ['a number default on a number', 'replicas: {{ .Values.replicas | default 1 }}\n', 'replicas: 2\n'],
    ['a default on something other than .Values', 'name: {{ .Release.Name | default true }}\n', '{}\n'],
    ['a longer pipeline', 'x: {{ .Values.x | default true | quote }}\n', 'x: false\n'],
  ]) {
    it(`valid: ${name}`, () => {
      assert.deepEqual(lintTemplate(template, values).summary, []);
    });
  }
});
