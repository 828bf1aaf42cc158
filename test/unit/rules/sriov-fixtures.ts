// A workspace the SR-IOV rule tests share: two SR-IOV NADs in another file, with their device resources.

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
