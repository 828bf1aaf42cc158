// The CLI resolves references across the files it is given: they are its workspace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GAP1_OFF, runCli, tempDir } from './cli-harness';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: smf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n4-net
spec:
  hostUsers: false
  containers:
  - name: smf
    image: registry.example/smf:1.0
`;

const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n4-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "n4-net", "type": "macvlan"}'
`;

const UNRESOLVED = "No NetworkAttachmentDefinition 'n4-net' in namespace 'cnf' is defined in the workspace: the pod will not start (NoNetworkFound) unless the cluster has it.";
const ONLY = ['--rule', 'secondary-network-policy-missing=off', ...GAP1_OFF];

describe('cnf-lint CLI: the workspace of the given files', () => {
  it('a NAD in another file given on the command line resolves', () => {
    const dir = tempDir({ 'pod.yaml': POD, 'nad.yaml': NAD });
    assert.deepEqual(runCli(dir, ['pod.yaml', 'nad.yaml', ...ONLY]), { status: 0, stdout: '✔ 2 files, 0 documents skipped, 0 problems\n', stderr: '' });
  });

  it('a NAD in a file of a directory walked resolves', () => {
    const dir = tempDir({ 'cnf/pod.yaml': POD, 'cnf/networks/nad.yml': NAD });
    assert.deepEqual(runCli(dir, ['cnf', ...ONLY]), { status: 0, stdout: '✔ 2 files, 0 documents skipped, 0 problems\n', stderr: '' });
  });

  it('without the file that defines it, the reference is reported inside the annotation', () => {
    const dir = tempDir({ 'pod.yaml': POD, 'nad.yaml': NAD });
    const r = runCli(dir, ['--format', 'json', 'pod.yaml', ...ONLY]);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'pod.yaml',
        ruleId: 'multus-network-unresolved',
        severity: 'warning',
        message: UNRESOLVED,
        line: 7,
        column: 34,
        endLine: 7,
        endColumn: 40,
        fixes: [
          { id: 'stubMacvlan', title: "Create NetworkAttachmentDefinition 'n4-net' (macvlan) at the end of this file", preferred: false },
          { id: 'stubIpvlan', title: "Create NetworkAttachmentDefinition 'n4-net' (ipvlan) at the end of this file", preferred: false },
          { id: 'stubSriov', title: "Create NetworkAttachmentDefinition 'n4-net' (SR-IOV) at the end of this file", preferred: false },
          { id: 'stubHostDevice', title: "Create NetworkAttachmentDefinition 'n4-net' (host-device) at the end of this file", preferred: false },
          { id: 'stubBridge', title: "Create NetworkAttachmentDefinition 'n4-net' (bridge) at the end of this file", preferred: false },
        ],
      },
    ]);
    assert.equal(r.status, 0);
  });

  it('standard input is linted in the workspace of the other paths', () => {
    const dir = tempDir({ 'nad.yaml': NAD });
    assert.deepEqual(runCli(dir, ['-', 'nad.yaml', ...ONLY], { input: POD }), { status: 0, stdout: '✔ 2 files, 0 documents skipped, 0 problems\n', stderr: '' });
  });
});
