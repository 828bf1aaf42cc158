// RuleTester cases of nad-vrf-plugin-misconfigured: the vrf plugin's place, vrfname and table; one VRF with two tables across NADs.
import { rule } from '../../../server/src/rules/nad-vrf-plugin-misconfigured';
import { ruleTester } from '../rule-tester';

const HEAD = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n6-net\n  namespace: cnf\nspec:\n';
const nad = (config: string) => HEAD + config + '\n';

const FIRST = nad(`  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n6-net",
      "plugins": [
        {"type": "vrf", "vrfname": "blue"},
        {"type": "macvlan", "mode": "bridge"}
      ]
    }`);
const SINGLE = nad(`  config: '{"cniVersion": "1.0.0", "type": "vrf", "vrfname": "blue"}'`);
const NO_NAME = nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "sriov"}, {"type": "vrf", "table": "1001"}]}'`);
const LONG = nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "sriov"}, {"type": "vrf", "vrfname": "a-very-long-vrf-name", "table": 1.5}]}'`);

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
    image: registry.example.com/upf:1
`;
const N3 = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "macvlan", "ipam": {"type": "whereabouts", "range": "10.3.0.0/24"}}, {"type": "vrf", "vrfname": "core", "table": 100}]}'
`;
const N6 = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: cnf
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "plugins": [
        {"type": "macvlan", "ipam": {"type": "whereabouts", "range": "10.6.0.0/24"}},
        {"type": "vrf", "vrfname": "core", "table": 200}
      ]
    }
`;
const ONE_FILE = `${POD}---\n${N3}---\n${N6}`;

ruleTester(rule, {
  valid: [
    { name: 'vrf after macvlan, with a name and a table', code: nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "macvlan"}, {"type": "tuning"}, {"type": "vrf", "vrfname": "blue", "table": 4294967295}]}'`) },
    { name: 'vrf after a plugin cnf-lint does not know', code: nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "my-cni"}, {"type": "vrf", "vrfname": "blue"}]}'`) },
    { name: 'one VRF in two networks with the same table', code: `${POD}---\n${N3}---\n${N6.replace('"table": 200', '"table": 100')}` },
    { name: 'one VRF, the later network leaves the table to the plugin', code: `${POD}---\n${N3}---\n${N6.replace(', "table": 200', '')}` },
  ],
  invalid: [
    {
      name: 'first in a literal-block list: moved after macvlan, lines kept',
      code: FIRST,
      errors: [
        {
          messageId: 'notChained',
          line: 12,
          column: 18,
          endLine: 12,
          endColumn: 23,
          severity: 'error',
          preferred: 'moveAfterMain',
          fixes: { moveAfterMain: FIRST.replace('        {"type": "vrf", "vrfname": "blue"},\n        {"type": "macvlan", "mode": "bridge"}\n', '        {"type": "macvlan", "mode": "bridge"},\n        {"type": "vrf", "vrfname": "blue"}\n') },
        },
      ],
    },
    { name: 'a single vrf config: nothing creates the interface', code: SINGLE, errors: [{ messageId: 'notChained', line: 7, column: 44, endLine: 7, endColumn: 49 }] },
    {
      name: 'no vrfname, and the table written as a string',
      code: NO_NAME,
      errors: [
        { messageId: 'noVrfname', line: 7, column: 76, endLine: 7, endColumn: 81, preferred: 'addVrfname', fixes: { addVrfname: NO_NAME.replace('"table": "1001"}', '"table": "1001", "vrfname": "vrf-n6-net"}') } },
        { messageId: 'badTable', line: 7, column: 92, endLine: 7, endColumn: 98, preferred: 'tableNumber', fixes: { tableNumber: NO_NAME.replace('"1001"', '1001') } },
      ],
    },
    {
      name: 'a VRF name longer than a Linux interface name, a fractional table',
      code: LONG,
      errors: [
        { messageId: 'longVrfname', line: 7, column: 94, endLine: 7, endColumn: 116 },
        { messageId: 'badTable', line: 7, column: 127, endLine: 7, endColumn: 130 },
      ],
    },
    {
      name: 'two NADs of one file, one VRF, two tables: on the later attachment; the table aligned in its NAD',
      code: ONE_FILE,
      errors: [{ messageId: 'tableConflict', line: 7, column: 42, endLine: 7, endColumn: 48, preferred: 'alignTable', fixes: { alignTable: ONE_FILE.replace('"vrfname": "core", "table": 200', '"vrfname": "core", "table": 100') } }],
    },
    {
      name: 'the NADs in other files: the finding without a fix',
      code: POD,
      workspace: { 'n3.yaml': N3, 'n6.yaml': N6 },
      errors: [{ messageId: 'tableConflict', line: 7, column: 42, endLine: 7, endColumn: 48 }],
    },
  ],
});
