// The bundled server with `.cnf-lint.yaml` files in workspace folders: layered over editor settings, validated.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { range, TestClient } from './lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  hostNetwork: true
  containers:
    - name: upf
      image: registry.example/upf:1.0
      securityContext:
        privileged: true
`;
const BAD_LEVEL = '"rules.privileged-container" must be one of: off, error, warning, info';
/** Rule id and severity of the diagnostics of the two rules these tests configure. */
const levels = (p: PublishDiagnosticsParams) =>
  p.diagnostics.filter((d) => d.code === 'privileged-container' || d.code === 'host-namespace-sharing').map((d) => `${d.code}:${d.severity}`);

describe('language server with .cnf-lint.yaml in workspace folders', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-ws-'));
  const folderA = join(root, 'a');
  const folderB = join(root, 'b');
  const url = (...parts: string[]) => pathToFileURL(join(...parts)).href;
  let client: TestClient;

  before(async () => {
    mkdirSync(folderA);
    mkdirSync(folderB);
    writeFileSync(join(folderA, '.cnf-lint.yaml'), 'rules:\n  privileged-container: off\n');
    writeFileSync(join(folderB, '.cnf-lint.yaml'), 'rules:\n  host-namespace-sharing: off\n  privileged-container: loud\n');
    client = (await TestClient.start({ workspaceFolders: [url(folderA), url(folderB)] })).client;
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the folder file is layered over the editor settings, and re-read when the watcher reports a change', async () => {
    const u = url(folderA, 'upf.yaml');
    client.settings.set(u, { rules: { 'privileged-container': 'info', 'host-namespace-sharing': 'warning' } });
    assert.deepEqual(levels(await client.open(u, POD)), ['host-namespace-sharing:2'], 'file turns privileged-container off over the editor');
    writeFileSync(join(folderA, '.cnf-lint.yaml'), 'rules:\n  privileged-container: warning\n');
    const next = client.next(u, (p) => levels(p).includes('privileged-container:2'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: url(folderA, '.cnf-lint.yaml'), type: 2 }] });
    assert.deepEqual(levels(await next), ['host-namespace-sharing:2', 'privileged-container:2']);
  });

  it('an invalid file: its valid keys apply, its problems are published at the offending key', async () => {
    const u = url(folderB, 'upf.yaml');
    const config = url(folderB, '.cnf-lint.yaml');
    // The folder's file is read when the folder is indexed at start, or at the latest when one of its documents opens.
    const earlier = client.published.filter((p) => p.uri === config).pop();
    const onDisk = earlier ? Promise.resolve(earlier) : client.next(config);
    assert.deepEqual(levels(await client.open(u, POD)), ['privileged-container:1'], 'host-namespace-sharing off applies; the bad level is not guessed');
    const p = await onDisk;
    assert.deepEqual(
      p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [{ code: 'config-invalid', severity: 1, range: range(2, 24, 2, 28), message: BAD_LEVEL }],
    );
  });

  it('an open .cnf-lint.yaml is checked as configuration from its editor text, not linted as a manifest', async () => {
    const config = url(folderB, '.cnf-lint.yaml');
    const text = 'rules:\n  host-namespace-sharing: off\n  privileged-container: loud\n';
    const opened = await client.open(config, text);
    assert.deepEqual(
      opened.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, data: d.data })),
      [{ code: 'config-invalid', range: range(2, 24, 2, 28), message: BAD_LEVEL, data: { ruleId: 'config-invalid', messageId: 'invalid', version: 1 } }],
    );
    const fixed = await client.change(config, 'rules:\n  host-namespace-sharing: off\n  privileged-container: warning\n');
    assert.deepEqual(fixed.diagnostics, []);
    const reshown = client.next(config, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: config } });
    assert.deepEqual(
      (await reshown).diagnostics.map((d) => d.range),
      [range(2, 24, 2, 28)],
      'closed unsaved: the file on disk is still invalid',
    );
  });

  it('a workspace folder added later brings its configuration file', async () => {
    const folderC = join(root, 'c');
    mkdirSync(folderC);
    writeFileSync(join(folderC, '.cnf-lint.yaml'), 'rules:\n  privileged-container: info\n');
    const u = url(folderC, 'upf.yaml');
    assert.deepEqual(levels(await client.open(u, POD)), ['host-namespace-sharing:1', 'privileged-container:1'], 'outside every folder: defaults');
    const next = client.next(u, (p) => levels(p).includes('privileged-container:3'));
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: url(folderC), name: 'c' }], removed: [] } });
    assert.deepEqual(levels(await next), ['host-namespace-sharing:1', 'privileged-container:3']);
    assert.deepEqual(client.logs, [], 'the server logged no error');
  });
});
