// RuleTester cases of single-interface-assumption: pods that need a secondary interface but attach none.
import { rule } from '../../../server/src/rules/single-interface-assumption';
import { ruleTester } from '../rule-tester';
import { SRIOV_WORKSPACE } from './sriov-fixtures';

const WORKSPACE = SRIOV_WORKSPACE;

const UPF = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      labels:
        app: upf
    spec:
      containers:
      - name: upf
        args: ["--n3-if=net1", "--log=info"]
        env:
        - name: N6_INTERFACE
          value: eth2
        resources:
          requests:
            intel.com/n3: "1"
            mellanox.com/cx6_sriov_vf: "1"
            cpu: "2"
          limits:
            intel.com/n3: "1"
            mellanox.com/cx6_sriov_vf: "1"
`;
const ANNOTATED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      labels:
        app: upf
      annotations:
        k8s.v1.cni.cncf.io/networks: n3-sriov
    spec:
      containers:
      - name: upf
        args: ["--n3-if=net1", "--log=info"]
        env:
        - name: N6_INTERFACE
          value: eth2
        resources:
          requests:
            intel.com/n3: "1"
            mellanox.com/cx6_sriov_vf: "1"
            cpu: "2"
          limits:
            intel.com/n3: "1"
            mellanox.com/cx6_sriov_vf: "1"
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
  - name: probe
    command:
    - /bin/sh
    - -c
    - |
      ip link show dev net1
`;

ruleTester(rule, {
  valid: [
    { name: 'the pod attaches a network', code: ANNOTATED, workspace: WORKSPACE },
    { name: 'on the host network every interface is there', code: UPF.replace('    spec:\n', '    spec:\n      hostNetwork: true\n'), workspace: WORKSPACE },
    {
      name: 'other device resources and interface-like words are not secondary interfaces',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu\nspec:\n  containers:\n  - name: gpu\n    args: [--ifname=eth0, --network=net10x]\n    resources:\n      limits:\n        nvidia.com/gpu: 1\n',
    },
  ],
  invalid: [
    {
      name: "an interface in args and env, a NAD's resource and an SR-IOV-looking resource: each reported, all fixed by the NAD of the resource",
      code: UPF,
      workspace: WORKSPACE,
      errors: [
        { messageId: 'interfaceName', line: 14, column: 25, endLine: 14, endColumn: 29, severity: 'warning', fixes: { annotate: ANNOTATED } },
        { messageId: 'interfaceName', line: 17, column: 18, endLine: 17, endColumn: 22, fixes: { annotate: ANNOTATED } },
        { messageId: 'resource', line: 20, column: 13, endLine: 20, endColumn: 25, fixes: { annotate: ANNOTATED } },
        { messageId: 'resource', line: 21, column: 13, endLine: 21, endColumn: 38, fixes: { annotate: ANNOTATED } },
      ],
    },
    {
      name: 'a script in a literal block: the interface is underlined inside it; with no NAD, the fix names a placeholder',
      code: POD,
      errors: [
        {
          messageId: 'interfaceName',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 28,
          fixes: { annotate: POD.replace('  name: probe\nspec:', '  name: probe\n  annotations:\n    k8s.v1.cni.cncf.io/networks: secondary-network\nspec:') },
        },
      ],
    },
  ],
});
