// The bundled server against hostile URIs and watched files: no promise goes unhandled, the server never exits.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lsp-client';
import { nad, pod } from './multus-fixtures';
import { only } from './settings-helpers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    securityContext: {privileged: true}\n';

describe('language server: URIs it cannot turn into paths', { timeout: 30_000 }, () => {
  const folders = ['file://host/share', 'file:///tmp/a%2Fb'];
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start({ workspaceFolders: folders, beforeIndexed: true })).client;
  });
  after(() => client?.stop());

  for (const uri of ['file://host/share/pod.yaml', 'file:///tmp/a%2Fb/pod.yaml']) {
    it(`${uri}: opened, linted, closed and changed on disk, and the server still answers`, async () => {
      const published = await client.open(uri, POD);
      assert.ok(published.diagnostics.some((d) => d.code === 'privileged-container'));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }, { uri, type: 1 }, { uri, type: 3 }] });
      // A request after the notifications: answered only when the server is still there.
      const again = await client.open(`${uri}.2.yaml`, POD);
      assert.ok(again.diagnostics.some((d) => d.code === 'privileged-container'));
      assert.equal(client.process.exitCode, null);
    });
  }
});

describe('language server: the crawl does not follow links out of the workspace folder', { timeout: 30_000 }, () => {
  const outside = mkdtempSync(join(tmpdir(), 'cnf-lint-outside-'));
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-links-'));
  let client: TestClient;
  before(async () => {
    writeFileSync(join(outside, 'nad.yaml'), nad('outside-net'));
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'nad.yaml'), nad('inside-net'));
    symlinkSync(join(outside, 'nad.yaml'), join(root, 'out-link.yaml'));
    symlinkSync(join(root, 'real', 'nad.yaml'), join(root, 'in-link.yaml'));
    client = (await TestClient.start({ workspaceFolders: [pathToFileURL(root).href], settings: { '*': only('multus-network-unresolved') } })).client;
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('a NAD reached through a link to a file outside is not in the index; one inside is', async () => {
    const published = await client.open(pathToFileURL(join(root, 'pod.yaml')).href, pod('outside-net, inside-net'));
    const unresolved = published.diagnostics.filter((d) => d.code === 'multus-network-unresolved').map((d) => /'([^']+)'/.exec(String(d.message))?.[1]);
    assert.deepEqual(unresolved, ['outside-net']);
  });

  it('a watched change of the outside link does not read its target either', async () => {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'out-link.yaml')).href, type: 2 }] });
    const uri = pathToFileURL(join(root, 'pod2.yaml')).href;
    const published = await client.open(uri, pod('outside-net'));
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['multus-network-unresolved'],
    );
  });
});
