// RuleTester cases of single-interface-assumption: pods that need a secondary interface but attach none.
import { rule } from '../../../server/src/rules/single-interface-assumption';
import { ruleTester } from '../rule-tester';
import { OPERATOR_WORKSPACE, SRIOV_WORKSPACE } from './sriov-fixtures';

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

/** A DPDK pod that takes a VF from a device-plugin pool, and the accelerators beside it. */
const DPDK = `apiVersion: v1
kind: Pod
metadata:
  name: dpdk
  namespace: cnf
spec:
  containers:
  - name: testpmd
    resources:
      limits:
        intel.com/intel_sriov_dpdk: 1
        dsa.intel.com/vfio: 1
        qat.intel.com/generic: 1
        intel.com/qat_vf: 1
        nvidia.com/rdma_shared_device_a: 1
`;

/** A DU that requests the resources of the operator networks above, under the prefixes its cluster uses. */
const DU = `apiVersion: v1
kind: Pod
metadata:
  name: du
  namespace: cnf
spec:
  containers:
  - name: du
    resources:
      limits:
        nvidia.com/fh_vfs: 1
        nvidia.com/hostdev: 1
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
    {
      name: 'vfio alone, accelerators (even as a VF) and an RDMA shared device are not network VFs',
      code: DPDK.replace('        intel.com/intel_sriov_dpdk: 1\n', ''),
    },
    {
      name: 'a pod that attaches through DANM: its VF and interfaces are attached, not assumed away',
      code: UPF.replace('        app: upf\n', '        app: upf\n      annotations:\n        danm.io/interfaces: |\n          [{"clusterNetwork": "n3"}]\n'),
      workspace: WORKSPACE,
    },
    {
      name: 'a pod that attaches through ovn4nfv',
      code: DPDK.replace('  namespace: cnf\n', '  namespace: cnf\n  annotations:\n    k8s.plugin.opnfv.org/nfn-network: \'{"type": "ovn4nfv", "interface": [{"name": "n3", "interface": "net1"}]}\'\n'),
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
        { messageId: 'poolResource', line: 21, column: 13, endLine: 21, endColumn: 38, fixes: { annotate: ANNOTATED } },
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
    {
      name: 'a VF from a pool that no NAD names: the pod configures it itself; vfio alone and accelerators are left alone',
      code: DPDK,
      errors: [
        {
          messageId: 'poolResource',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 35,
          fixes: { annotate: DPDK.replace('  namespace: cnf\n', '  namespace: cnf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: secondary-network\n') },
        },
      ],
    },
    {
      name: "the resources of operator networks under the cluster's prefix: each reported as the NAD's, the fix attaches both",
      code: DU,
      workspace: OPERATOR_WORKSPACE,
      errors: [
        { messageId: 'resource', line: 11, column: 9, endLine: 11, endColumn: 26, fixes: { annotate: DU.replace('  namespace: cnf\n', '  namespace: cnf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: fh-net, default/hostdev-net\n') } },
        { messageId: 'resource', line: 12, column: 9, endLine: 12, endColumn: 27, fixes: { annotate: DU.replace('  namespace: cnf\n', '  namespace: cnf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: fh-net, default/hostdev-net\n') } },
      ],
    },
  ],
});
