// The bundled server over a workspace folder: a Namespace, a Deployment and a NetworkPolicy in three files; the policy's selector decides.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient } from './lsp-client';
import { only } from './settings-helpers';

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: cnf
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: amf
  namespace: cnf
spec:
  selector:
    matchLabels: {app: amf}
  template:
    metadata:
      labels: {app: amf, tier: control-plane}
    spec:
      containers:
      - name: amf
        image: registry.example/amf:1.0
`;
const policy = (selector: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: control-plane
  namespace: cnf
spec:
  podSelector:
    matchExpressions:
    - {key: tier, operator: In, values: [${selector}]}
  policyTypes: [Ingress]
`;

const missing = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'network-policy-missing');

describe('language server: tenancy across files', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-tenancy-'));
  const url = (name: string) => pathToFileURL(join(root, name)).href;
  let client: TestClient;

  before(async () => {
    writeFileSync(join(root, 'namespace.yaml'), NAMESPACE);
    writeFileSync(join(root, 'amf.yaml'), DEPLOYMENT);
    writeFileSync(join(root, 'policy.yaml'), policy('control-plane'));
    const settings = { '*': only('network-policy-missing', 'workload-in-default-namespace') };
    client = (await TestClient.start({ workspaceFolders: [pathToFileURL(root).href], settings })).client;
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the policy in another file selects the pods: no finding', async () => {
    const settled = client.next(url('amf.yaml'), (p) => missing(p).length === 0);
    await client.open(url('amf.yaml'), DEPLOYMENT);
    assert.deepEqual((await settled).diagnostics.map((d) => d.code), []);
  });

  it('editing the selector so that it no longer selects them brings the finding; editing it back takes it away', async () => {
    await client.open(url('policy.yaml'), policy('control-plane'));
    const comes = client.next(url('amf.yaml'), (p) => missing(p).length === 1);
    await client.change(url('policy.yaml'), policy('user-plane'));
    const d = missing(await comes)[0];
    assert.deepEqual(d.range, { start: { line: 11, character: 4 }, end: { line: 11, character: 8 } });
    assert.equal(d.message, "No NetworkPolicy in the workspace selects the pods of Deployment 'amf' in namespace 'cnf': they accept traffic from any pod of the cluster.");
    const goes = client.next(url('amf.yaml'), (p) => missing(p).length === 0);
    await client.change(url('policy.yaml'), policy('user-plane, control-plane'));
    assert.deepEqual(missing(await goes), []);
  });
});
