// Templates outside a chart: where a template marker counts, and how other engines' templates render.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderGeneric, templateMarkerAt } from '../../../server/src/helm/generic-template';
import { readSource } from '../../../server/src/linter/lint-source';
import { defaultSettings } from '../../../server/src/protocol/settings';

describe('templateMarkerAt', () => {
  it('finds {{ and {% in YAML structure, at the marker', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n';
    assert.equal(templateMarkerAt(text), text.indexOf('{{'));
    assert.equal(templateMarkerAt('{% if x %}\nkind: Pod\n'), 0);
  });
  it('{{ inside a block scalar (skipped spans) or a comment is data, not a template', () => {
    const text = 'kind: ConfigMap\n# rendered by {{ nothing }}\ndata:\n  alert.tmpl: |\n    {{ .Labels.alertname }}\n  a: b # {{ c }}\n';
    const block = text.indexOf('|');
    assert.equal(templateMarkerAt(text, [[block, text.indexOf('  a:')]]), -1);
    assert.equal(templateMarkerAt(text), text.indexOf('{{ .Labels'));
  });
  it('is linear: a 2 MB line of braces behind a comment mark is read once', () => {
    assert.equal(templateMarkerAt(`# ${'{{'.repeat(1_000_000)}`), -1);
  });
  it('a manifest with template text only in block scalars is read as a manifest', () => {
    const text = 'kind: ConfigMap\ndata:\n  alert.tmpl: |\n    {{ .Labels.alertname }}\n';
    assert.equal(readSource(text, defaultSettings()).kind, 'manifest');
  });
});

describe('renderGeneric', () => {
  it('each {{ }} is an unknown scalar, one that starts a line an unknown comment line; literal text maps to itself', () => {
    const src = 'kind: Pod\nmetadata:\n  name: {{ name }}\n  labels:\n  {% for l in labels %}\n    {{ l }}: x\n  {% endfor %}\n';
    const r = renderGeneric(src);
    assert.equal(r.text, 'kind: Pod\nmetadata:\n  name: x-cnf-lint-unknown-1\n  labels:\n  # x-cnf-lint-unknown-2\n    x-cnf-lint-unknown-3: x\n  # x-cnf-lint-unknown-4\n');
    assert.deepEqual(
      r.unknowns.map((u) => u.why),
      ['the expression {{ name }}', 'the tag {% for l in labels %}', 'the expression {{ l }}', 'the tag {% endfor %}'],
    );
  });
});
