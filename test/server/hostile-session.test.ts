// The bundled server against hostile URIs and watched files: no promise goes unhandled, the server never exits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './lsp-client';

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
