// Regression set of real public manifests (test/fixtures/real/, sources and licenses in each header):
// linted together as `cnf-lint test/fixtures/real` lints them, every finding asserted with the reason it is right.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../../server/src/fixes/edits';
import { lint } from '../../../server/src/linter/lint';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { updateEntry } from '../../../server/src/workspace/index-entry';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

const DIR = join('test', 'fixtures', 'real');

/** file -> every finding as `line:column-endLine:endColumn rule/messageId`, each with why it is right. */
const EXPECTED: Record<string, Array<[string, string]>> = {
  'cnf-features-deploy--s2i-deployment-config.yaml': [
    ['31:43-31:55 secondary-network-policy-missing/missing', 'the DeploymentConfig template attaches dpdk/dpdk-network (resolved through the SriovNetwork) and no MultiNetworkPolicy is in the set'],
    ['32:5-32:9 network-policy-missing/missing', 'namespace dpdk has no NetworkPolicy in the set'],
    ['32:5-32:9 service-account-token-automounted/default', 'the template runs as serviceAccountName deployer, which the set does not define, and does not set automountServiceAccountToken: false'],
    ['32:5-32:9 user-namespace-not-enabled/mayRunAsRoot', 'a DeploymentConfig is a workload now: its template runs as UID 0 with added capabilities and no hostUsers: false'],
  ],
  'cnf-features-deploy--s2i-dpdk-network.yaml': [],
  'danm--netwatcher-rbac.yaml': [['19:1-19:6 yaml-syntax/repeatedKey', 'the ClusterRole writes rules: twice (line 18 empty, line 19 the list); kubectl keeps the later']],
  'danm--sriov-pod.yaml': [
    ['18:1-18:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['18:1-18:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['18:1-18:5 user-namespace-not-enabled/mayRunAsRoot', 'busybox without runAsNonRoot may run as root and the pod has no hostUsers: false; no single-interface-assumption: DANM attaches its interfaces (danm.io/interfaces)'],
  ],
  'danm--tenantnetwork-crd.yaml': [['18:1-18:2 yaml-syntax/syntax', 'versions: sits at a column no key of its map has: kubectl rejects the file too (did not find expected key)']],
  'intel-device-plugins-for-kubernetes--dsa-dpdk-dmadevtest-vfio.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['8:1-8:5 hugepages-not-numa-aligned/notGuaranteed', 'hugepages-2Mi with no cpu request or limit: the pod is Burstable'],
    ['8:1-8:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['8:1-8:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['8:1-8:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot, adds IPC_LOCK, no hostUsers: false; no single-interface-assumption: dsa.intel.com/vfio is an accelerator'],
  ],
  'kubevirt--vmi-fedora-isolated.yaml': [
    ['7:1-7:9 workload-in-default-namespace/absent', 'the VirtualMachineInstance has no namespace: it lands in default (no network-policy-missing: a VMI is not a pod template; its virt-launcher pod is made by KubeVirt)'],
  ],
  'multus-cni--macvlan-pod.yaml': [
    ['11:1-11:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['44:1-44:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['48:23-48:37 secondary-network-policy-missing/missing', 'attaches macvlan-conf; no MultiNetworkPolicy in the set'],
    ['51:15-51:24 multus-annotation-malformed/unknownKey', 'Multus has no "gateway" key in a network selection element (it is "default-route"): the example relies on a key Multus ignores'],
    ['53:1-53:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['53:1-53:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot and no hostUsers: false; its quoted strings are indented past their keys: no yaml-not-portable'],
  ],
  'multus-cni--quickstart-macvlan-conf.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['15:17-15:29 nad-ipam-not-cluster-wide/hostLocal', 'macvlan with host-local 192.168.1.0/24: every node hands out 192.168.1.200 first; no CNI name (filled in by the NAD client), no finding for the literal master eth0'],
  ],
  'multus-cni--sriov-pod.yaml': [
    ['10:1-10:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['15:11-28:3 yaml-not-portable/notPortable', 'the NAD config continues at the key indentation and closes }\' at column 0'],
    ['15:12-15:13 nad-config-invalid/noCniVersion', 'the config has no cniVersion (and no name: the NAD client fills in sriov-net-a): libcni reads 0.1.0, which sriov accepts (version.All), so a warning, not a failure'],
    ['32:1-32:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['37:34-37:45 secondary-network-policy-missing/missing', 'attaches sriov-net-a, defined above it (read leniently, so not unresolved)'],
    ['38:1-38:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['38:1-38:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot and no hostUsers: false'],
  ],
  'network-operator--hostdevice-network-pod1.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['9:34-9:60 secondary-network-policy-missing/missing', 'attaches the NAD the HostDeviceNetwork makes in default; nvidia.com/hostdev matches its bare resourceName hostdev'],
    ['10:1-10:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['10:1-10:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['10:1-10:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot and no hostUsers: false'],
  ],
  'network-operator--hostdevicenetwork.yaml': [],
  'network-operator--ipoibnetwork.yaml': [],
  'network-operator--macvlannetwork.yaml': [],
  'network-operator--sriov-network-pod1.yaml': [
    ['19:1-19:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['22:34-22:55 secondary-network-policy-missing/missing', 'attaches the NAD the SriovNetwork makes in its networkNamespace default; nvidia.com/sriovlegacy matches sriovlegacy'],
    ['23:1-23:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['23:1-23:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['23:1-23:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot and no hostUsers: false'],
  ],
  'network-operator--sriov-network.yaml': [],
  'sriov-network-device-plugin--bond-crd.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['9:11-30:3 yaml-not-portable/notPortable', 'the bond config drops to the key indentation and closes at column 0'],
  ],
  'sriov-network-device-plugin--bond-sriov-net.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['11:11-15:3 yaml-not-portable/notPortable', 'the config drops to the key indentation and closes at column 0'],
    ['14:11-14:26 nad-config-invalid/nameMismatch', 'CNI name sriov-network, metadata.name sriov-net: attached as sriov-net, cached and reported by the runtime as sriov-network'],
  ],
  'sriov-network-device-plugin--bond-test-pod.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['9:34-18:4 yaml-not-portable/notPortable', 'the networks annotation is JSON written from column 0'],
    ['10:10-10:21 secondary-network-policy-missing/missing', 'attaches sriov-net (twice) and no MultiNetworkPolicy covers it'],
    ['16:10-16:20 secondary-network-policy-missing/missing', 'attaches bond-net and no MultiNetworkPolicy covers it'],
    ['19:1-19:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['19:1-19:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['19:1-19:5 user-namespace-not-enabled/mayRunAsRoot', 'privileged is not set, but nothing keeps it from UID 0 and hostUsers: false is missing'],
  ],
  'sriov-network-device-plugin--pod-tc1.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['9:34-9:44 secondary-network-policy-missing/missing', 'attaches sriov-net1 (a kubectl-only NAD of this set) with its resource requested'],
    ['10:1-10:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['10:1-10:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['10:1-10:5 user-namespace-not-enabled/mayRunAsRoot', 'no runAsNonRoot and no hostUsers: false'],
  ],
  'sriov-network-device-plugin--pod-testpmd-virt.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['8:1-8:5 hugepages-not-numa-aligned/notGuaranteed', 'memory request 2Gi below its limit: Burstable'],
    ['8:1-8:5 network-policy-missing/missing', 'no NetworkPolicy in the set, in its namespace or any: nothing isolates the pod (it is not on the host network)'],
    ['8:1-8:5 service-account-token-automounted/default', 'no automountServiceAccountToken: false in the pod, and its ServiceAccount is not in the set: the token is mounted'],
    ['8:1-8:5 user-namespace-not-enabled/mayRunAsRoot', 'runs as root, no hostUsers: false; no single-interface-assumption: the pools are named by no NAD and do not say VF'],
    ['14:9-14:25 privileged-container/privileged', 'privileged: true'],
  ],
  'sriov-network-device-plugin--sriov-crd.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['11:11-23:3 yaml-not-portable/notPortable', 'the SR-IOV docs style: continuation lines at the key indentation, }\' at column 0'],
    ['14:11-14:26 nad-config-invalid/nameMismatch', 'CNI name sriov-network, metadata.name sriov-net1 (host-local IPAM on sriov is not nad-ipam-not-cluster-wide: a VF is not a shared segment)'],
  ],
  'sriov-network-operator--ovsnetwork-sample.yaml': [],
  'sriov-network-operator--sriovibnetwork-cr.yaml': [],
  'whereabouts--readme-whereabouts-conf.yaml': [
    ['6:1-6:9 workload-in-default-namespace/absent', 'no metadata.namespace: applied with kubectl apply -f as its project shows, it lands in default (information: the namespace is absent, not written)'],
    ['11:15-11:35 nad-config-invalid/nameMismatch', 'CNI name whereaboutsexample, metadata.name whereabouts-conf'],
  ],
  'truxify--circuit-breaker.yaml': [
    ['28:1-28:11 yaml-syntax/missingSeparator', 'the --- is glued to the previous value (50---): two DestinationRules in one document'],
    ['29:1-29:5 yaml-syntax/missingSeparator', 'kind repeated at the top of the document'],
    ['30:1-30:9 yaml-syntax/repeatedKey', 'metadata repeated'],
    ['33:1-33:5 yaml-syntax/repeatedKey', 'spec repeated'],
  ],
};

const settings = defaultSettings();
const names = readdirSync(DIR).filter((n) => n.endsWith('.yaml')).sort();
const texts = new Map(names.map((n) => [n, readFileSync(join(DIR, n), 'utf8')]));
const index = new WorkspaceIndex();
for (const [name, text] of texts) updateEntry(index, name, { byteLength: Buffer.byteLength(text), read: () => ({ file: parseFile(text) }) }, settings);
/** A value with every string that holds JSON replaced by the JSON's value. */
const withJsonRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'string' && /^\s*[[{]/.test(v) ? JSON.parse(v) : v)));
const lintOf = (name: string) => lint(parseFile(texts.get(name)!), settings, RULES, undefined, { index, uri: name });

describe('real manifests: every finding', () => {
  it('every file of the set has a row, and every row a file', () => {
    assert.deepEqual(names, Object.keys(EXPECTED).sort());
  });
  for (const name of names) {
    it(name, () => {
      const file = parseFile(texts.get(name)!);
      const result = lintOf(name);
      assert.deepEqual(result.ruleErrors, []);
      const at = (o: number) => `${file.lines.positionAt(o).line + 1}:${file.lines.positionAt(o).character + 1}`;
      const actual = result.findings.map((f) => `${at(f.start)}-${at(f.end)} ${f.ruleId}/${f.messageId}`);
      assert.deepEqual(actual, (EXPECTED[name] ?? []).map(([finding]) => finding));
    });
  }
});

describe('real manifests: the kubectl-only strings, made portable', () => {
  for (const name of names.filter((n) => EXPECTED[n].some(([f]) => f.includes('yaml-not-portable')))) {
    it(`${name}: each fix parses strictly and keeps the values kubectl reads`, () => {
      const text = texts.get(name)!;
      const values = parseFile(text).documents.map((d) => d.doc.toJS());
      for (const finding of lintOf(name).findings.filter((f) => f.ruleId === 'yaml-not-portable')) {
        for (const fix of finding.fixes) {
          const output = applyEdits(text, fix.edits()!);
          const docs = parseAllDocuments(output, { version: '1.1' });
          assert.deepEqual(docs.flatMap((d) => ('errors' in d ? d.errors : [])).map((e) => e.message), [], `${fix.id}: parses without error`);
          const after = docs.map((d) => d.toJS());
          // The indent fix keeps every string; the block fix keeps the JSON a string holds (its line breaks change).
          if (fix.id === 'indent') assert.deepEqual(after, values);
          else assert.deepEqual(withJsonRead(after), withJsonRead(values));
        }
      }
    });
  }
});
