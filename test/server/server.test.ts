// The bundled language server over stdio: diagnostics, quick-fixes, fix-all, hover, suppression, settings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { applyLspEdits, editsOf, range, TestClient } from './lsp-client';
import { only } from './settings-helpers';

const DOCS = 'https://github.com/cnf-lint/cnf-lint/blob/main/docs/rules';
const POD = `apiVersion: v1
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
const PRIVILEGED_RANGE = range(10, 8, 10, 24);
const uri = (name: string) => `file:///virtual/${name}.yaml`;
const ofRule = (p: PublishDiagnosticsParams, id: string) => p.diagnostics.filter((d) => d.code === id);

describe('language server over stdio', { timeout: 30_000 }, () => {
  let client: TestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await TestClient.start();
    client = started.client;
    capabilities = started.init.capabilities as Record<string, unknown>;
  });
  after(() => client?.stop());

  const actions = (u: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostics[0]?.range ?? range(0, 0, 0, 0), context: { diagnostics, only } });

  it('announces incremental sync, quick-fix and fix-all code actions, and hover', () => {
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.cnf-lint'] });
    assert.equal(capabilities.hoverProvider, true);
  });

  it('publishes a diagnostic with exact range, code, severity, source, href and data', async () => {
    const u = uri('exact');
    const p = await client.open(u, POD);
    assert.equal(p.version, 1);
    assert.deepEqual(ofRule(p, 'privileged-container'), [
      {
        range: PRIVILEGED_RANGE,
        severity: 1,
        code: 'privileged-container',
        codeDescription: { href: `${DOCS}/privileged-container.md` },
        source: 'cnf-lint',
        message:
          "Container 'upf' runs privileged: it gets every capability and the node's devices. Drop privileged mode and add only the capabilities it needs (RA2 ra2.app.041).",
        data: { ruleId: 'privileged-container', messageId: 'privileged', version: 1 },
      },
    ]);
    assert.ok(client.configurationRequests.some((r) => r.scopeUri === u && r.section === 'cnfLint'), 'settings are asked per resource');
    assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  it('offers the fixes of a finding; the preferred one, applied, makes the diagnostic go', async () => {
    const u = uri('quickfix');
    const [d] = ofRule(await client.open(u, POD), 'privileged-container');
    const list = await actions(u, [d]);
    assert.deepEqual(
      list.map((a) => [a.title, a.kind, a.isPreferred === true, a.diagnostics?.[0]?.code]),
      [
        ['Set privileged: false', 'quickfix', true, 'privileged-container'],
        ['Least privilege: privileged false, no privilege escalation, drop ALL capabilities', 'quickfix', false, 'privileged-container'],
        ['Least privilege with NET_ADMIN (the pod already runs in a user namespace)', 'quickfix', false, 'privileged-container'],
        ['Disable privileged-container for this line', 'quickfix', false, 'privileged-container'],
      ],
    );
    const preferred = list.find((a) => a.isPreferred)!;
    const fixed = applyLspEdits(POD, editsOf(preferred.edit, u, 1));
    assert.equal(fixed, POD.replace('privileged: true', 'privileged: false'));
    const after = await client.change(u, fixed);
    assert.deepEqual(ofRule(after, 'privileged-container'), []);
  });

  it('"Disable for this line" inserts the comment at the indentation, and the comment hides the finding', async () => {
    const u = uri('disable-line');
    const [d] = ofRule(await client.open(u, POD), 'privileged-container');
    const disable = (await actions(u, [d])).find((a) => a.title === 'Disable privileged-container for this line')!;
    const text = applyLspEdits(POD, editsOf(disable.edit, u, 1));
    assert.equal(text, POD.replace('        privileged: true', '        # cnf-lint-disable-next-line privileged-container\n        privileged: true'));
    assert.deepEqual(ofRule(await client.change(u, text), 'privileged-container'), []);
  });

  it('a document-level suppression comment hides the finding in its document only', async () => {
    const u = uri('suppress-document');
    const text = `# cnf-lint-disable privileged-container -- vendor image, ticket CNF-12\n${POD}---\n${POD.replace('name: upf\n', 'name: smf\n')}`;
    const p = await client.open(u, text);
    assert.deepEqual(
      ofRule(p, 'privileged-container').map((d) => d.range),
      [range(23, 8, 23, 24)],
    );
  });

  it('fix all: one versioned edit with the output of fixAll, for codeActionsOnSave and the source menu', async () => {
    const u = uri('fix-all');
    client.settings.set(u, only('privileged-container', 'host-namespace-sharing'));
    const text = POD.replace('  hostUsers: false\n', '  hostNetwork: true\n') + `---\n${POD.replace('name: upf', 'name: smf')}`;
    const p = await client.open(u, text);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['host-namespace-sharing', 'privileged-container', 'privileged-container'],
    );
    const onSave = await actions(u, [], ['source.fixAll.cnf-lint']);
    assert.deepEqual(
      onSave.map((a) => [a.title, a.kind]),
      [['Fix all cnf-lint problems', 'source.fixAll.cnf-lint']],
    );
    const edits = editsOf(onSave[0].edit, u, 1);
    assert.equal(edits.length, 1);
    const fixed = applyLspEdits(text, edits);
    assert.equal(fixed, text.replace('  hostNetwork: true\n', '').replaceAll('privileged: true', 'privileged: false'));
    assert.deepEqual(await actions(u, [], ['source']), onSave, 'the source menu gets the same action');
    assert.deepEqual(await actions(u, [], ['quickfix']), [], 'fix-all is not a quick-fix');
    assert.deepEqual((await client.change(u, fixed)).diagnostics, []);
  });

  it('coalesces a burst of changes and publishes only the last version', async () => {
    const u = uri('burst');
    await client.open(u, POD);
    const versions = [
      { version: 2, text: POD.replace('name: upf\n      image', 'name: v2\n      image') },
      { version: 3, text: POD.replace('privileged: true', 'privileged: false') },
      { version: 4, text: POD.replace('name: upf\n      image', 'name: v4\n      image') },
    ];
    const next = client.next(u);
    const wire = versions.map(({ version, text }) => {
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: u, version }, contentChanges: [{ text }] } });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    });
    client.process.stdin!.write(wire.join(''));
    client.setVersion(u, 4, versions[2].text);
    const p = await next;
    assert.equal(p.version, 4);
    assert.match(String(ofRule(p, 'privileged-container')[0].message), /^Container 'v4' runs privileged/);
    assert.deepEqual(
      client.published.filter((x) => x.uri === u).map((x) => x.version),
      [1, 4],
    );
  });

  it('hover on a flagged range: title, rationale, requirements, confidence and link (not the message again)', async () => {
    const u = uri('hover');
    await client.open(u, POD);
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 10, character: 12 } });
    assert.ok(hover);
    assert.deepEqual(hover.range, PRIVILEGED_RANGE);
    const { kind, value } = hover.contents as { kind: string; value: string };
    assert.equal(kind, 'markdown');
    const paragraphs = value.split('\n\n');
    assert.equal(paragraphs[0], '**Privileged container** (`privileged-container`, error)');
    assert.match(paragraphs[1], /^A privileged container gets every Linux capability/);
    assert.ok(!value.includes("Container 'upf' runs privileged"), 'the editor shows the message; the hover does not repeat it');
    assert.ok(value.includes('Anuket requirements (RA2 gap 8: User namespaces in Kubernetes):\n\n- `ra2.app.041` (RA2): no privileged mode\n- `sec.sys.021` (RM): '), value);
    assert.ok(value.endsWith(`Confidence: clear-cut. [Rule documentation](${DOCS}/privileged-container.md)`), value);
    const outside = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 2 } });
    assert.equal(outside, null);
  });

  it('a settings change: the server asks workspace/configuration again, and the new levels apply', async () => {
    const u = uri('settings');
    await client.open(u, POD);
    const asked = client.configurationRequests.length;
    client.settings.set(u, { rules: { 'privileged-container': 'warning' } });
    let next = client.next(u, (p) => ofRule(p, 'privileged-container')[0]?.severity === 2);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await next;
    assert.ok(client.configurationRequests.slice(asked).some((r) => r.scopeUri === u), 'asked again for this document');
    client.settings.set(u, { rules: { 'privileged-container': 'off' } });
    next = client.next(u, (p) => ofRule(p, 'privileged-container').length === 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await next;
  });
});
