// Workspaces the SR-IOV rule tests share: two SR-IOV NADs with their device resources; operator objects that make NADs.

/** n3-sriov uses intel.com/n3, n6-sriov intel.com/n6; both in namespace `cnf`. */
export const SRIOV_WORKSPACE = { 'nads.yaml': `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-sriov
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/n3
spec:
  config: '{"cniVersion": "1.0.0", "type": "sriov"}'
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-sriov
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/n6
spec:
  config: '{"cniVersion": "1.0.0", "type": "sriov"}'
` };

/**
 * Operator objects that make NADs, their resources published under any prefix: fh-net (fh_vfs) in
 * `cnf`, ul-net (ul_vfs) in `cnf`, hostdev-net (hostdev) in `default`.
 */
export const OPERATOR_WORKSPACE = {
  'networks.yaml': `apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetwork
metadata:
  name: fh-net
  namespace: sriov-network-operator
spec:
  networkNamespace: cnf
  resourceName: fh_vfs
---
apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetwork
metadata:
  name: ul-net
  namespace: cnf
spec:
  resourceName: ul_vfs
---
apiVersion: mellanox.com/v1alpha1
kind: HostDeviceNetwork
metadata:
  name: hostdev-net
spec:
  resourceName: hostdev
`,
};
