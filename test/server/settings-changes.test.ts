// The bundled server as settings change: lint switched off and on, a rule off, maxFileSize, a broken `.cnf-lint.yaml` repaired.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient } from './lsp-client';
import { nad, pod } from './multus-fixtures';
import { only } from './settings-helpers';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const BOTH = only('multus-network-unresolved', 'privileged-container');

describe('language server: settings changes', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-settings-'));
  const url = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;
  let client: TestClient;

  before(async () => {
    client = (await TestClient.start({ workspaceFolders: [url()] })).client;
    client.settings.set('*', BOTH);
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const reconfigure = async (uri: string, accept: (p: PublishDiagnosticsParams) => boolean) => {
    const next = client.next(uri, accept);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return next;
  };

  it('enable: false clears the diagnostics; true brings them back', async () => {
    const u = url('enable.yaml');
    assert.deepEqual(codes(await client.open(u, pod('set-net'))), ['multus-network-unresolved', 'privileged-container']);
    client.settings.set(u, { ...BOTH, enable: false });
    assert.deepEqual((await reconfigure(u, () => true)).diagnostics, []);
    client.settings.set(u, BOTH);
    assert.deepEqual(codes(await reconfigure(u, (p) => p.diagnostics.length > 0)), ['multus-network-unresolved', 'privileged-container']);
  });

  it('an open document where linting is off still defines its NADs for the others', async () => {
    const nads = url('disabled-nads.yaml');
    const pods = url('disabled-pod.yaml');
    client.settings.set(nads, { ...BOTH, enable: false });
    assert.deepEqual((await client.open(nads, nad('disabled-net'))).diagnostics, []);
    assert.deepEqual(codes(await client.open(pods, pod('disabled-net'))), ['privileged-container']);
  });

  it('maxFileSize lowered, then raised again', async () => {
    const u = url('size.yaml');
    assert.deepEqual(codes(await client.open(u, pod('set-net'))), ['multus-network-unresolved', 'privileged-container']);
    client.settings.set(u, { ...BOTH, maxFileSize: 100 });
    assert.deepEqual(codes(await reconfigure(u, (p) => p.diagnostics[0]?.code === 'file-not-linted')), ['file-not-linted']);
    client.settings.set(u, BOTH);
    assert.deepEqual(codes(await reconfigure(u, (p) => p.diagnostics[0]?.code !== 'file-not-linted')), ['multus-network-unresolved', 'privileged-container']);
  });

  it('an invalid .cnf-lint.yaml edited back to valid: its problem goes, its rule levels apply', async () => {
    const config = url('.cnf-lint.yaml');
    const u = url('configured.yaml');
    writeFileSync(join(root, '.cnf-lint.yaml'), 'rules:\n  privileged-container: sometimes\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 1 }] });
    assert.deepEqual(codes(await client.open(u, pod('set-net'))), ['multus-network-unresolved', 'privileged-container']);
    const opened = await client.open(config, 'rules:\n  privileged-container: sometimes\n');
    assert.deepEqual(codes(opened), ['config-invalid']);
    assert.deepEqual(codes(await client.change(config, 'rules:\n  privileged-container: off\n')), []);
    writeFileSync(join(root, '.cnf-lint.yaml'), 'rules:\n  privileged-container: off\n');
    const applied = client.next(u, (p) => !codes(p).includes('privileged-container'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: config } });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    assert.deepEqual(codes(await applied), ['multus-network-unresolved']);
    assert.deepEqual(client.logs, []);
  });
});
