// RuleTester cases of multus-network-unresolved: attachments resolved against the NADs of the workspace and the operator objects that make NADs.
import { rule } from '../../../server/src/rules/multus-network-unresolved';
import { ruleTester } from '../rule-tester';

/** Other files of the workspace: two NADs and a SriovNetwork that renders a NAD in namespace `other`. */
const WORKSPACE = {
  'nads.yaml': `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan"}'
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: lab
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan"}'
`,
  'sriov.yaml': `apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetwork
metadata:
  name: n9-net
  namespace: sriov-network-operator
spec:
  resourceName: n9
  networkNamespace: other
`,
};

const UPF = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      annotations:
        k8s.v1.cni.cncf.io/networks: '[{"name": "n3-net"}, {"name": "n6-net", "interface": "n6"}, {"name": "n9-net", "namespace": "other"}]'
    spec:
      containers:
      - name: upf
        resources:
          limits:
            intel.com/sriov_n6: 1
`;

/** The NAD a stub fix appends in namespace cnf, for a plugin's lines of config. */
const stub = (annotations: string, plugin: string[], name = 'n6-net') => `---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: cnf
${annotations}spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "${name}",
${plugin.map((l) => `      ${l}\n`).join('')}      "ipam": {
        "type": "whereabouts",
        "range": "192.0.2.0/24"
      }
    }
`;

/** The five stub fixes for a network `name` of a pod in cnf that requests no VF. */
const stubs = (code: string, name: string) => ({
  stubMacvlan: code + stub('', ['"type": "macvlan",', '"mode": "bridge",'], name),
  stubIpvlan: code + stub('', ['"type": "ipvlan",', '"mode": "l2",'], name),
  stubSriov: code + stub('  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/intel_sriov_netdevice\n', ['"type": "sriov",'], name),
  stubHostDevice: code + stub('', ['"type": "host-device",', '"device": "eth1",'], name),
  stubBridge: code + stub('', ['"type": "bridge",', '"bridge": "br1",'], name),
});

/**
 * Objects of the SR-IOV and NVIDIA network operators: each makes a NAD of its name in its
 * networkNamespace, else in its own namespace (SR-IOV operator) or in default (NVIDIA operator).
 */
const OPERATORS = {
  'operators.yaml': `apiVersion: sriovnetwork.openshift.io/v1
kind: SriovIBNetwork
metadata:
  name: ib-net
  namespace: cnf
spec:
  resourceName: mlnx_ib
---
apiVersion: sriovnetwork.openshift.io/v1
kind: OVSNetwork
metadata:
  name: ovs-net
  namespace: sriov-network-operator
spec:
  networkNamespace: cnf
  resourceName: ovs_vfs
---
apiVersion: mellanox.com/v1alpha1
kind: HostDeviceNetwork
metadata:
  name: hostdev-net
spec:
  resourceName: hostdev
---
apiVersion: mellanox.com/v1alpha1
kind: MacvlanNetwork
metadata:
  name: macvlan-net
spec:
  master: ens2f0
---
apiVersion: mellanox.com/v1alpha1
kind: IPoIBNetwork
metadata:
  name: ipoib-net
spec:
  networkNamespace: hpc
  master: ibs3f1
---
apiVersion: example.com/v1
kind: SriovNetwork
metadata:
  name: other-net
  namespace: cnf
spec:
  resourceName: n9
`,
};

/** A pod in cnf that attaches `networks`. */
const CU = (networks: string) => `apiVersion: v1
kind: Pod
metadata:
  name: cu
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: ${networks}
spec:
  containers:
  - name: cu
`;

const POD_DEFAULT_NS = `apiVersion: v1
kind: Pod
metadata:
  name: smf
  annotations:
    k8s.v1.cni.cncf.io/networks: n4-net
spec:
  containers:
  - name: smf
`;

ruleTester(rule, {
  valid: [
    { name: 'every network resolves (a NAD in the pod namespace, a SriovNetwork rendered in other)', code: UPF.replace('"n6-net", ', '"n3-net", '), workspace: WORKSPACE },
    {
      name: 'a NAD defined in the same file counts, at its current text',
      code: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\nspec:\n  config: '{}'\n`,
    },
    {
      name: "objects without a namespace are in the defaultNamespace setting, the pod's and the NAD's alike",
      code: POD_DEFAULT_NS,
      settings: { defaultNamespace: 'core' },
      workspace: { 'n4.yaml': 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n  namespace: core\n' },
    },
    {
      name: 'the NADs of SriovIBNetwork (own namespace), OVSNetwork (networkNamespace), HostDeviceNetwork and MacvlanNetwork (default), IPoIBNetwork (networkNamespace) resolve',
      code: CU('ib-net, ovs-net, default/hostdev-net, default/macvlan-net, hpc/ipoib-net'),
      workspace: OPERATORS,
    },
    { name: 'a malformed network is left to multus-annotation-malformed', code: POD_DEFAULT_NS.replace('n4-net', 'N4_net') },
  ],
  invalid: [
    {
      name: "a cluster-scoped operator network without networkNamespace is in default, not in the pod's namespace",
      code: CU('macvlan-net'),
      workspace: OPERATORS,
      errors: [{ messageId: 'unresolved', line: 7, column: 34, endLine: 7, endColumn: 45, fixes: stubs(CU('macvlan-net'), 'macvlan-net') }],
    },
    {
      name: 'a SriovNetwork of another API group makes no NAD',
      code: CU('other-net'),
      workspace: OPERATORS,
      errors: [{ messageId: 'unresolved', line: 7, column: 34, endLine: 7, endColumn: 43, fixes: stubs(CU('other-net'), 'other-net') }],
    },
    {
      name: 'a network only in another namespace: the name is underlined inside the JSON; five stubs in the pod namespace',
      code: UPF,
      workspace: WORKSPACE,
      errors: [
        {
          messageId: 'unresolved',
          line: 10,
          column: 69,
          endLine: 10,
          endColumn: 77,
          severity: 'warning',
          fixes: {
            stubMacvlan: UPF + stub('', ['"type": "macvlan",', '"mode": "bridge",']),
            stubIpvlan: UPF + stub('', ['"type": "ipvlan",', '"mode": "l2",']),
            stubSriov: UPF + stub('  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_n6\n', ['"type": "sriov",']),
            stubHostDevice: UPF + stub('', ['"type": "host-device",', '"device": "eth1",']),
            stubBridge: UPF + stub('', ['"type": "bridge",', '"bridge": "br1",']),
          },
        },
      ],
    },
    {
      name: "a NAD in 'default' does not serve a pod of the default namespace 'core'; without a namespace written, stubs follow the default",
      code: POD_DEFAULT_NS,
      settings: { defaultNamespace: 'core' },
      workspace: { 'n4.yaml': 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n  namespace: default\n' },
      errors: [
        {
          messageId: 'unresolved',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 40,
          fixes: {
            stubMacvlan: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\nspec:\n  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "macvlan",\n      "mode": "bridge",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "192.0.2.0/24"\n      }\n    }\n`,
            stubIpvlan: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\nspec:\n  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "ipvlan",\n      "mode": "l2",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "192.0.2.0/24"\n      }\n    }\n`,
            stubSriov: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/intel_sriov_netdevice\nspec:\n  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "sriov",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "192.0.2.0/24"\n      }\n    }\n`,
            stubHostDevice: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\nspec:\n  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "host-device",\n      "device": "eth1",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "192.0.2.0/24"\n      }\n    }\n`,
            stubBridge: `${POD_DEFAULT_NS}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\nspec:\n  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "bridge",\n      "bridge": "br1",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "192.0.2.0/24"\n      }\n    }\n`,
          },
        },
      ],
    },
  ],
});
