// The bundled server: one VRF made with two routing tables by two NADs in two files, attached to one pod in a third.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient } from './lsp-client';
import { only } from './settings-helpers';

const nad = (name: string, table: number) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: cnf
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "${name}",
      "plugins": [
        {"type": "macvlan", "ipam": {"type": "whereabouts", "range": "192.0.2.0/24"}},
        {"type": "vrf", "vrfname": "user-plane", "table": ${table}}
      ]
    }
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net, n6-net
spec:
  containers:
  - name: upf
    image: registry.example/upf:1.0
`;

const conflicts = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'nad-vrf-plugin-misconfigured');

describe('language server: a VRF across three files', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-vrf-'));
  const url = (name: string) => pathToFileURL(join(root, name)).href;
  let client: TestClient;

  before(async () => {
    writeFileSync(join(root, 'n3.yaml'), nad('n3-net', 100));
    writeFileSync(join(root, 'n6.yaml'), nad('n6-net', 200));
    writeFileSync(join(root, 'pod.yaml'), POD);
    const settings = { '*': only('nad-vrf-plugin-misconfigured') };
    client = (await TestClient.start({ workspaceFolders: [pathToFileURL(root).href], settings })).client;
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the pod gets the finding at its later attachment, without a fix in its own file', async () => {
    const settled = client.next(url('pod.yaml'), (p) => conflicts(p).length === 1);
    await client.open(url('pod.yaml'), POD);
    const [d] = conflicts(await settled);
    assert.deepEqual(d.range, { start: { line: 6, character: 41 }, end: { line: 6, character: 47 } });
    assert.equal(
      d.message,
      "Network 'n6-net' puts its interface in VRF 'user-plane' with table 200, but 'n3-net', attached before it, made that VRF with table 100: the vrf plugin fails the second attachment (VRF already exists with a different routing table).",
    );
  });

  it('editing one table in its file (open in the editor) clears the finding; a third table brings it back', async () => {
    const cleared = client.next(url('pod.yaml'), (p) => conflicts(p).length === 0);
    await client.open(url('n6.yaml'), nad('n6-net', 100));
    assert.deepEqual(conflicts(await cleared), []);
    const back = client.next(url('pod.yaml'), (p) => conflicts(p).length === 1);
    await client.change(url('n6.yaml'), nad('n6-net', 300));
    assert.match(String(conflicts(await back)[0].message), /table 300, but 'n3-net'/);
  });
});
