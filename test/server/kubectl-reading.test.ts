// The bundled server on YAML that kubectl reads and the YAML spec does not: a NAD in the SR-IOV docs' style resolves for a pod in another file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { applyLspEdits, editsOf, range, TestClient } from './lsp-client';
import { only } from './settings-helpers';

const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-net
  namespace: ran
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/intel_sriov_netdevice
spec:
  config: '{
  "type": "sriov",
  "cniVersion": "0.3.1",
  "name": "sriov-net",
  "ipam": {"type": "static"}
}'
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: du
  namespace: ran
  annotations:
    k8s.v1.cni.cncf.io/networks: '[{"name": "sriov-net", "ips": ["10.56.217.10/24"]}]'
spec:
  containers:
  - name: du
    image: registry.example/du:1.0
    resources:
      requests: {intel.com/intel_sriov_netdevice: "1"}
      limits: {intel.com/intel_sriov_netdevice: "1"}
`;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('language server: a kubectl-only NAD config', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-kubectl-'));
  const nadUri = pathToFileURL(join(root, 'nad.yaml')).href;
  const podUri = pathToFileURL(join(root, 'pod.yaml')).href;
  let client: TestClient;
  const actions = (uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  before(async () => {
    client = (await TestClient.start({ workspaceFolders: [pathToFileURL(root).href] })).client;
    client.settings.set('*', only('yaml-not-portable', 'multus-network-unresolved', 'multus-request-capability-missing'));
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads the NAD: one information finding on the string, and the pod in the other file resolves it', async () => {
    const nad = await client.open(nadUri, NAD);
    assert.deepEqual(
      nad.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['yaml-not-portable', 3, range(8, 10, 13, 2)]],
    );
    const pod = await client.open(podUri, POD);
    assert.deepEqual(codes(pod), ['multus-request-capability-missing'], 'resolved: no unresolved finding, and the NAD config is read');
    assert.deepEqual(pod.diagnostics[0].range, range(6, 57, 6, 62));
  });

  it('the indent fix makes the NAD portable and changes nothing the pod sees', async () => {
    const nad = (await client.open(nadUri, NAD)).diagnostics[0];
    const fixes = await actions(nadUri, nad);
    assert.deepEqual(
      fixes.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Indent the continuation lines (the value does not change)', true],
        ['Write the JSON as a `|` block', false],
        ['Disable yaml-not-portable for this line', false],
      ],
    );
    const fixed = applyLspEdits(NAD, editsOf(fixes[0].edit, nadUri, client.version(nadUri)));
    assert.equal(fixed, NAD.replace(/\n {2}"/g, '\n      "').replace("\n}'", "\n    }'"));
    assert.deepEqual(codes(await client.change(nadUri, fixed)), []);
    const pod = await client.change(podUri, POD);
    assert.deepEqual(codes(pod), ['multus-request-capability-missing']);
  });

  it("declaring the capability inside the NAD's kubectl-only string re-lints the pod in the other file: its finding goes", async () => {
    await client.change(nadUri, NAD);
    assert.deepEqual(codes(await client.change(podUri, POD)), ['multus-request-capability-missing']);
    const next = client.next(podUri, (p) => codes(p).length === 0);
    const nad = await client.change(nadUri, NAD.replace('"type": "sriov",', '"type": "sriov", "capabilities": {"ips": true},'));
    assert.deepEqual(codes(nad), ['yaml-not-portable']);
    assert.deepEqual(codes(await next), [], 'the pod is linted again without an edit of its own');
    assert.deepEqual(client.logs, [], 'the server logged no error');
  });
});
