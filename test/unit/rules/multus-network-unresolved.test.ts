// RuleTester cases of multus-network-unresolved: attachments resolved against the NADs and SriovNetworks of the workspace.
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

/** The NAD a stub fix appends, for a plugin's lines of config. */
const stub = (annotations: string, plugin: string[]) => `---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: cnf
${annotations}spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n6-net",
${plugin.map((l) => `      ${l}\n`).join('')}      "ipam": {
        "type": "whereabouts",
        "range": "192.0.2.0/24"
      }
    }
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
    { name: 'a malformed network is left to multus-annotation-malformed', code: POD_DEFAULT_NS.replace('n4-net', 'N4_net') },
  ],
  invalid: [
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
