// The bundled server with a workspace folder on disk: references resolve in other files, and follow them as they change.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient } from './lsp-client';
import { only } from './settings-helpers';

const nad = (name: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "${name}", "type": "macvlan"}'
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net, n6-net, n9-net
spec:
  containers:
  - name: upf
    image: registry.example/upf:1.0
`;

/** The networks the unresolved diagnostics of a publication name, in order. */
const unresolved = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'multus-network-unresolved').map((d) => /'([^']+)'/.exec(String(d.message))?.[1]);
const is = (names: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(unresolved(p)) === JSON.stringify(names);

describe('language server: the workspace index', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-index-'));
  const url = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;
  const podUri = url('pod.yaml');
  let client: TestClient;

  before(async () => {
    mkdirSync(join(root, 'node_modules', 'chart'), { recursive: true });
    mkdirSync(join(root, 'charts'));
    writeFileSync(join(root, 'nads.yaml'), nad('n3-net'));
    writeFileSync(join(root, 'node_modules', 'chart', 'nad.yaml'), nad('n6-net'));
    writeFileSync(join(root, 'charts', 'nad.yml'), nad('n9-net'));
    writeFileSync(join(root, 'pod.yaml'), POD);
    // The folder's `files` section: charts/ is excluded (the client answers every section of a scope alike).
    const settings = { '*': only('multus-network-unresolved'), [url()]: { ...only('multus-network-unresolved'), exclude: { '**/charts': true } } };
    client = (await TestClient.start({ workspaceFolders: [url()], settings })).client;
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a NAD in another file of the folder resolves; node_modules and files.exclude are not indexed', async () => {
    const settled = client.next(podUri, is(['n6-net', 'n9-net']));
    await client.open(podUri, POD);
    assert.deepEqual(unresolved(await settled), ['n6-net', 'n9-net']);
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  it('deleting the file that defines a NAD re-publishes the open document with the unresolved warning', async () => {
    unlinkSync(join(root, 'nads.yaml'));
    const next = client.next(podUri, is(['n3-net', 'n6-net', 'n9-net']));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: url('nads.yaml'), type: 3 }] });
    const p = await next;
    assert.equal(p.version, 1, 'the same version, linted again');
    const d = p.diagnostics.find((x) => x.code === 'multus-network-unresolved')!;
    assert.deepEqual(d.range, { start: { line: 6, character: 33 }, end: { line: 6, character: 39 } });
    assert.equal(d.message, "No NetworkAttachmentDefinition 'n3-net' in namespace 'cnf' is defined in the workspace: the pod will not start (NoNetworkFound) unless the cluster has it.");
  });

  it('a file created on disk is indexed when the watcher reports it', async () => {
    writeFileSync(join(root, 'n6.yaml'), nad('n6-net'));
    const next = client.next(podUri, is(['n3-net', 'n9-net']));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: url('n6.yaml'), type: 1 }] });
    assert.deepEqual(unresolved(await next), ['n3-net', 'n9-net']);
  });

  it("an open document counts at its editor text, for the other open documents too; closed, it is gone again", async () => {
    const draft = url('draft.yaml');
    const resolved = client.next(podUri, is([]));
    await client.open(draft, `${nad('n3-net')}---\n${nad('n9-net')}`);
    assert.deepEqual(unresolved(await resolved), []);
    const edited = client.next(podUri, is(['n3-net']));
    await client.change(draft, nad('n9-net'));
    assert.deepEqual(unresolved(await edited), ['n3-net']);
    const closed = client.next(podUri, is(['n3-net', 'n9-net']));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
    assert.deepEqual(unresolved(await closed), ['n3-net', 'n9-net'], 'not on disk: the closed document leaves the index');
    assert.deepEqual(client.logs, [], 'the server logged no error');
  });
});
