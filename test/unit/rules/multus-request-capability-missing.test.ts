// RuleTester cases of multus-request-capability-missing: runtime requests that no plugin of the NAD takes.
import { rule } from '../../../server/src/rules/multus-request-capability-missing';
import { ruleTester } from '../rule-tester';

const STATIC_IP = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: '[{"name": "n3-net", "ips": ["192.0.2.10/24"], "mac": "02:00:00:00:00:01"}]'
spec:
  containers:
  - name: upf
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  namespace: cnf
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n3-net",
      "type": "macvlan",
      "ipam": {"type": "static"}
    }
`;
const PLUGIN_LIST = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: '[{"name": "n6-net", "mac": "02:00:00:00:00:02", "bandwidth": {"ingressRate": 1000}}]'
spec:
  containers:
  - name: upf
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "n6-net", "plugins": [{"type": "sriov", "capabilities": {"mac": false}}, {"type": "tuning"}]}'
`;
const POD_ONLY = STATIC_IP.split('---')[0];

ruleTester(rule, {
  valid: [
    { name: 'the plugin declares the capabilities', code: STATIC_IP.replace('"type": "macvlan",', '"type": "macvlan",\n      "capabilities": {"ips": true, "mac": true},') },
    {
      name: 'a later plugin of the list declares it (tuning takes the MAC), and bandwidth',
      code: PLUGIN_LIST.replace('{"type": "tuning"}', '{"type": "tuning", "capabilities": {"mac": true}}, {"type": "bandwidth", "capabilities": {"bandwidth": true}}'),
    },
    {
      name: 'a SriovNetwork in the workspace: its capabilities string counts',
      code: POD_ONLY,
      workspace: { 'sriov.yaml': 'apiVersion: sriovnetwork.openshift.io/v1\nkind: SriovNetwork\nmetadata:\n  name: n3-net\n  namespace: cnf\nspec:\n  resourceName: n3\n  capabilities: \'{"ips": true, "mac": true}\'\n' },
    },
    {
      name: 'an OVSNetwork rendered into the pod namespace: its capabilities string counts',
      code: POD_ONLY,
      workspace: { 'ovs.yaml': 'apiVersion: sriovnetwork.openshift.io/v1\nkind: OVSNetwork\nmetadata:\n  name: n3-net\n  namespace: sriov-network-operator\nspec:\n  networkNamespace: cnf\n  resourceName: ovs_vfs\n  capabilities: \'{"ips": true, "mac": true}\'\n' },
    },
    { name: 'the NAD is not in the workspace: nothing to compare with', code: POD_ONLY },
    { name: 'a NAD whose config is not JSON is left to its own rule', code: STATIC_IP.replace('"ipam": {"type": "static"}', '"ipam": {"type": "static"') },
  ],
  invalid: [
    {
      name: 'a MacvlanNetwork declares no capabilities (a capabilities key is no field of its kind): ips and mac reported, no fix in another file',
      code: POD_ONLY,
      workspace: { 'macvlan.yaml': 'apiVersion: mellanox.com/v1alpha1\nkind: MacvlanNetwork\nmetadata:\n  name: n3-net\nspec:\n  networkNamespace: cnf\n  master: ens2f0\n  capabilities: \'{"ips": true, "mac": true}\'\n' },
      errors: [
        { messageId: 'missing', line: 7, column: 55, endLine: 7, endColumn: 60 },
        { messageId: 'missing', line: 7, column: 81, endLine: 7, endColumn: 86 },
      ],
    },
    {
      name: 'ips and mac on a NAD in the same file: each key underlined; the capability added on a line of its own in the block',
      code: STATIC_IP,
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 55,
          endLine: 7,
          endColumn: 60,
          severity: 'error',
          preferred: 'addCapability',
          fixes: { addCapability: STATIC_IP.replace('    {\n      "cniVersion"', '    {\n      "capabilities": {"ips": true},\n      "cniVersion"') },
        },
        {
          messageId: 'missing',
          line: 7,
          column: 81,
          endLine: 7,
          endColumn: 86,
          preferred: 'addCapability',
          fixes: { addCapability: STATIC_IP.replace('    {\n      "cniVersion"', '    {\n      "capabilities": {"mac": true},\n      "cniVersion"') },
        },
      ],
    },
    {
      name: 'a plugin list in a quoted string: false turned true; a missing capability added to the capabilities object',
      code: PLUGIN_LIST,
      errors: [
        { messageId: 'missing', line: 7, column: 55, endLine: 7, endColumn: 60, preferred: 'addCapability', fixes: { addCapability: PLUGIN_LIST.replace('"mac": false', '"mac": true') } },
        {
          messageId: 'missing',
          line: 7,
          column: 83,
          endLine: 7,
          endColumn: 94,
          preferred: 'addCapability',
          fixes: { addCapability: PLUGIN_LIST.replace('{"mac": false}', '{"bandwidth": true, "mac": false}') },
        },
      ],
    },
    {
      name: 'the NAD in another file of the workspace: reported without a fix (it would edit another file)',
      code: POD_ONLY,
      workspace: { 'nad.yaml': STATIC_IP.split('---\n')[1] },
      errors: [
        { messageId: 'missing', line: 7, column: 55, endLine: 7, endColumn: 60 },
        { messageId: 'missing', line: 7, column: 81, endLine: 7, endColumn: 86 },
      ],
    },
  ],
});
