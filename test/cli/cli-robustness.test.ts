// The built CLI on hostile repositories and fixes that interact: --fix to a fixed point over files, never a broken file, never outside the tree.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/manifest/parse';
import { GAP1_OFF, runCli, tempDir } from './cli-harness';

/** A Pod attaching SR-IOV network sriov-n3 without requesting its device. */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: sriov-n3
spec:
  hostUsers: false
  containers:
    - name: upf
      image: x
`;

/** Its NAD, with the resourceName written as a label (where the device plugin does not read it). */
const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-n3
  namespace: cnf
  labels:
    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_n3
spec:
  config: '{"cniVersion":"0.3.1","type":"sriov","ipam":{"type":"static"}}'
`;

/** The rules that take part (the others would report the missing MultiNetworkPolicy). */
const ONLY = ['--rule', 'secondary-network-policy-missing=off', ...GAP1_OFF];

/** A Deployment with the networks annotation on its own metadata and a near-miss key on its template. */
const CONFLICT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net
spec:
  selector:
    matchLabels: {app: upf}
  template:
    metadata:
      labels: {app: upf}
      annotations:
        k8s.cni.cncf.io/networks: n6-net
    spec:
      hostUsers: false
      containers:
        - name: upf
          image: x
`;

const yamlErrors = (text: string) => parseFile(text).documents.flatMap((d) => [...d.errors.map((e) => e.message), ...d.repeatedKeys.map((k) => `${k.key} twice`)]);

describe('cnf-lint CLI: --fix to a fixed point', () => {
  it('a fix in one file that changes what another file needs is followed in the same run: a second run changes nothing', () => {
    const dir = tempDir({ 'a-pod.yaml': POD, 'b-nad.yaml': NAD });
    const first = runCli(dir, ['--fix', '.', ...ONLY]);
    assert.deepEqual(first, {
      status: 0,
      stdout: '✔ 2 files, 0 documents skipped, 0 problems\n',
      stderr: "cnf-lint: --fix: 2 passes (fixes in one file changed what another's rules see)\ncnf-lint: --fix: a-pod.yaml: 1 fix applied\ncnf-lint: --fix: b-nad.yaml: 1 fix applied\n",
    });
    const pod = readFileSync(join(dir, 'a-pod.yaml'), 'utf8');
    assert.equal(pod, `${POD}      resources:\n        requests:\n          intel.com/sriov_n3: 1\n        limits:\n          intel.com/sriov_n3: 1\n`);
    assert.match(readFileSync(join(dir, 'b-nad.yaml'), 'utf8'), /\n {2}annotations:\n {4}k8s\.v1\.cni\.cncf\.io\/resourceName/);
    const nad = readFileSync(join(dir, 'b-nad.yaml'), 'utf8');
    assert.deepEqual(runCli(dir, ['--fix', '.', ...ONLY]), { status: 0, stdout: '✔ 2 files, 0 documents skipped, 0 problems\n', stderr: '' });
    assert.deepEqual([readFileSync(join(dir, 'a-pod.yaml'), 'utf8'), readFileSync(join(dir, 'b-nad.yaml'), 'utf8')], [pod, nad]);
  });

  it('two fixes that would each write the networks key into one map: one is applied, the file parses, and fixing again changes nothing', () => {
    const dir = tempDir({ 'upf.yaml': CONFLICT });
    const r = runCli(dir, ['--fix', 'upf.yaml', '--rule', 'multus-network-unresolved=off', ...ONLY]);
    assert.deepEqual(r, { status: 0, stdout: '✔ 1 file, 0 documents skipped, 0 problems\n', stderr: 'cnf-lint: --fix: upf.yaml: 1 fix applied\n' });
    const fixed = readFileSync(join(dir, 'upf.yaml'), 'utf8');
    assert.deepEqual(yamlErrors(fixed), []);
    assert.match(fixed, /annotations:\n {8}k8s\.cni\.cncf\.io\/networks: n6-net\n {8}k8s\.v1\.cni\.cncf\.io\/networks: n3-net\n/);
    runCli(dir, ['--fix', 'upf.yaml']);
    assert.equal(readFileSync(join(dir, 'upf.yaml'), 'utf8'), fixed);
  });
});

describe('cnf-lint CLI: a repository cannot reach outside the tree it is given', () => {
  it('a symbolic link in a walked folder to a file outside it is not read, and --fix writes neither it nor its target', () => {
    const outside = tempDir({ 'secret.yaml': POD.replace('hostUsers: false', 'hostNetwork: true') });
    const dir = tempDir({ 'repo/ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: cnf\n' });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'repo', 'linked.yaml'));
    const before = readFileSync(join(outside, 'secret.yaml'), 'utf8');
    assert.deepEqual(runCli(dir, ['repo', '--format', 'json']), { status: 0, stdout: '[]\n', stderr: 'cnf-lint: 1 file, 0 documents skipped, 0 problems\n' });
    assert.equal(runCli(dir, ['--fix', 'repo']).status, 0);
    assert.equal(readFileSync(join(outside, 'secret.yaml'), 'utf8'), before);
  });

  it('a link to a file inside the walked folder is linted, but --fix writes only the file itself', () => {
    const dir = tempDir({ 'repo/real/pod.yaml': POD.replace('hostUsers: false', 'hostUsers: false\n  hostIPC: true') });
    mkdirSync(join(dir, 'repo', 'links'));
    symlinkSync(join(dir, 'repo', 'real', 'pod.yaml'), join(dir, 'repo', 'links', 'pod.yaml'));
    const json = JSON.parse(runCli(dir, ['repo', '--format', 'json', ...ONLY]).stdout) as Array<{ file: string; ruleId: string }>;
    const hostIpc = json.filter((f) => f.ruleId === 'host-namespace-sharing').map((f) => f.file);
    assert.deepEqual(hostIpc, [join('repo', 'links', 'pod.yaml'), join('repo', 'real', 'pod.yaml')]);
    const r = runCli(dir, ['--fix', 'repo', '--rule', 'multus-network-unresolved=off', ...ONLY]);
    assert.equal(r.stderr, `cnf-lint: --fix: ${join('repo', 'links', 'pod.yaml')} is a symbolic link: not fixed (--fix never writes through a link)\ncnf-lint: --fix: ${join('repo', 'real', 'pod.yaml')}: 1 fix applied\n`);
    assert.doesNotMatch(readFileSync(join(dir, 'repo', 'real', 'pod.yaml'), 'utf8'), /hostIPC/);
  });

  it('a file given by name that is a link is still linted (the user chose it), never fixed through the link', () => {
    const outside = tempDir({ 'pod.yaml': POD.replace('hostUsers: false', 'hostUsers: false\n  hostIPC: true') });
    const dir = tempDir();
    symlinkSync(join(outside, 'pod.yaml'), join(dir, 'link.yaml'));
    writeFileSync(join(dir, 'other.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: cnf\n');
    const r = runCli(dir, ['--fix', 'link.yaml', ...ONLY]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /hostIPC/);
    assert.match(readFileSync(join(outside, 'pod.yaml'), 'utf8'), /hostIPC: true/);
  });
});
