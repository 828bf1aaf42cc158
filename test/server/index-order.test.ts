// The bundled server answers the open file first: document findings before the workspace crawl ends, workspace findings after it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ServerEvent, TestClient } from './lsp-client';
import { only } from './settings-helpers';

const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "n3-net", "type": "macvlan"}'
`;

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net, n6-net
spec:
  containers:
  - name: upf
    image: ${image}
    securityContext:
      privileged: true
`;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}${/'([^']+)'/.exec(String(d.message))?.[1] === 'n6-net' ? ':n6-net' : ''}`);
const isEnd = (e: ServerEvent) => e.kind === 'progress' && e.value.kind === 'end';

describe('language server: the open file first, the workspace findings once the index can answer', { timeout: 30_000 }, () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A folder with a NAD and the pod; the server starts, and its crawl waits for the folder's settings until `release`. */
  async function start() {
    const root = mkdtempSync(join(tmpdir(), 'cnf-lint-order-'));
    roots.push(root);
    writeFileSync(join(root, 'nad.yaml'), NAD);
    writeFileSync(join(root, 'pod.yaml'), pod('upf:1'));
    const folder = pathToFileURL(root).href;
    const settings = { '*': only('privileged-container', 'multus-network-unresolved') };
    const { client } = await TestClient.start({ workspaceFolders: [folder], settings, hold: [folder], beforeIndexed: true });
    return { client, podUri: pathToFileURL(join(root, 'pod.yaml')).href, release: () => client.release(folder) };
  }

  it('publishes document findings while the crawl waits, then ends indexing, then publishes the workspace findings', async () => {
    const { client, podUri, release } = await start();
    try {
      const first = await client.open(podUri, pod('upf:1'));
      assert.deepEqual(codes(first), ['privileged-container'], 'no workspace finding before the index can answer: n6-net is not called unresolved yet');
      assert.equal(client.events.filter(isEnd).length, 0, 'the crawl has not ended');
      const full = client.next(podUri, (p) => p.diagnostics.some((d) => d.code === 'multus-network-unresolved'));
      const indexed = client.indexed();
      release();
      await indexed;
      const second = await full;
      assert.deepEqual(codes(second), ['multus-network-unresolved:n6-net', 'privileged-container'], 'n3-net resolves in nad.yaml; n6-net is defined nowhere');
      assert.equal(second.version, 1);
      const order = client.events.filter((e) => isEnd(e) || (e.kind === 'publish' && e.params.uri === podUri));
      assert.deepEqual(
        order.map((e) => (e.kind === 'publish' ? codes(e.params).join(',') : 'indexed')),
        ['privileged-container', 'indexed', 'multus-network-unresolved:n6-net,privileged-container'],
      );
    } finally {
      client.stop();
    }
  });

  it('an edit during the crawl is published at once, still without workspace findings', async () => {
    const { client, podUri, release } = await start();
    try {
      await client.open(podUri, pod('upf:1'));
      const edited = await client.change(podUri, pod('upf:2'));
      assert.deepEqual([edited.version, codes(edited)], [2, ['privileged-container']]);
      const full = client.next(podUri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'multus-network-unresolved'));
      release();
      assert.deepEqual(codes(await full), ['multus-network-unresolved:n6-net', 'privileged-container']);
      const published = client.events.filter((e): e is Extract<ServerEvent, { kind: 'publish' }> => e.kind === 'publish' && e.params.uri === podUri);
      const end = client.events.findIndex(isEnd);
      for (const e of published.filter((p) => client.events.indexOf(p) < end)) assert.ok(!codes(e.params).some((c) => c.startsWith('multus')), 'nothing of the workspace before the end of indexing');
    } finally {
      client.stop();
    }
  });
});
