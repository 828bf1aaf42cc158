// The bundled server on input it cannot lint: templates, YAML syntax errors, files over maxFileSize.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver/node';
import { range, TestClient } from './lsp-client';

const DOCS = 'https://github.com/cnf-lint/cnf-lint/blob/main/docs/rules';
const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  hostUsers: false
  containers:
    - name: upf
      image: registry.example/upf:1.0
      securityContext:
        privileged: true
`;
const uri = (name: string) => `file:///virtual/${name}.yaml`;
/** The tenancy rules (RA2 gap 1) off: this file is about input the server cannot lint, not about namespaces. */
const GAP1_OFF = Object.fromEntries(['network-policy-missing', 'service-account-token-automounted', 'workload-in-default-namespace'].map((id) => [id, 'off']));

describe('language server on broken input', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(() => client?.stop());

  it('a template outside a chart: no spurious errors; a template that cannot be followed gets one information and no action to disable it', async () => {
    const u = uri('template');
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-upf\nspec:\n  replicas: {{ .Values.replicas }}\n`;
    assert.deepEqual((await client.open(u, text)).diagnostics, []);
    const broken = uri('template-broken');
    const p = await client.open(broken, `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: '{{ .Values.a }}\n`);
    assert.deepEqual(p.diagnostics, [
      {
        range: range(0, 0, 0, 0),
        severity: 3,
        code: 'file-not-linted',
        codeDescription: { href: `${DOCS}/file-not-linted.md` },
        source: 'cnf-lint',
        message: "This template is not linted: its rendered YAML does not parse near line 4 (Missing closing 'quote).",
        data: { ruleId: 'file-not-linted', messageId: 'templateNotFollowed', version: 1 },
      },
    ]);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: broken }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } });
    assert.deepEqual(actions, []);
  });

  it('a syntax error in one document, while the next document still gets its finding', async () => {
    const u = uri('syntax');
    client.settings.set(u, { rules: GAP1_OFF });
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  key: [unclosed\n---\n${PRIVILEGED_POD}`;
    const p = await client.open(u, text);
    assert.deepEqual(
      p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [
        { code: 'yaml-syntax', severity: 1, range: range(6, 0, 6, 1), message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
        {
          code: 'privileged-container',
          severity: 1,
          range: range(17, 8, 17, 24),
          message: "Container 'upf' runs privileged: it gets every capability and the node's devices. Drop privileged mode and add only the capabilities it needs (RA2 ra2.app.041).",
        },
      ],
    );
  });

  it('a file over maxFileSize (in UTF-8 bytes) gets one information and is not parsed', async () => {
    const u = uri('oversize');
    const comment = `# Übersicht: ${'é'.repeat(40)}\n`;
    const text = comment + PRIVILEGED_POD;
    assert.ok(text.length < 250 && Buffer.byteLength(text) > 250, 'over the limit only in bytes');
    client.settings.set(u, { maxFileSize: 250, rules: GAP1_OFF });
    const p = await client.open(u, text);
    assert.deepEqual(p.diagnostics, [
      {
        range: range(0, 0, 0, 0),
        severity: 3,
        code: 'file-not-linted',
        codeDescription: { href: `${DOCS}/file-not-linted.md` },
        source: 'cnf-lint',
        message: `This file is ${Buffer.byteLength(text)} bytes, over the cnfLint.maxFileSize limit of 250 bytes: not linted.`,
        data: { ruleId: 'file-not-linted', messageId: 'tooLarge', version: 1 },
      },
    ]);
    const smaller = PRIVILEGED_POD;
    assert.deepEqual(
      (await client.change(u, smaller)).diagnostics.map((d) => d.code),
      ['privileged-container'],
      'linted again once under the limit',
    );
  });
});
