// RuleTester cases of multus-cross-namespace-attachment: attachments to another tenant's NetworkAttachmentDefinition.
import { rule } from '../../../server/src/rules/multus-cross-namespace-attachment';
import { ruleTester } from '../rule-tester';

const POD = (networks: string, namespace = 'cnf') => `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: ${namespace}
  annotations:
    k8s.v1.cni.cncf.io/networks: ${networks}
spec:
  containers:
  - name: upf
`;
const NAD = (namespace: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3
  namespace: ${namespace}
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_n3
spec:
  config: |
    {"cniVersion": "1.0.0", "name": "n3", "type": "sriov"}
`;
const COPY = `---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_n3
spec:
  config: |
    {"cniVersion": "1.0.0", "name": "n3", "type": "sriov"}
`;

ruleTester(rule, {
  valid: [
    { name: 'a NAD of its own namespace', code: POD('n3, cnf/n3') },
    { name: "the 'default' namespace is shared by design", code: POD('default/n3') },
    { name: 'a global namespace', code: POD('shared/n3'), settings: { multus: { namespaceIsolation: true, globalNamespaces: ['shared'] } } },
    { name: 'a pod in an infrastructure namespace', code: POD('lab/n3', 'kube-system') },
  ],
  invalid: [
    {
      name: 'ns/name of another tenant: a warning on the namespace; copy the NAD here and drop ns/',
      code: POD('lab/n3@net1'),
      workspace: { 'nad.yaml': NAD('lab') },
      errors: [{ messageId: 'crossNamespace', line: 7, column: 34, endLine: 7, endColumn: 37, severity: 'warning', fixes: { copyNad: POD('n3@net1') + COPY } }],
    },
    {
      name: 'with namespaceIsolation an error; JSON namespace key: repointed to the copy of the same name already in the namespace',
      code: POD(`'[{"name": "n3", "namespace": "lab"}]'`),
      settings: { multus: { namespaceIsolation: true, globalNamespaces: [] } },
      workspace: { 'nad.yaml': NAD('lab') + '---\n' + NAD('cnf') },
      errors: [{ messageId: 'crossNamespace', line: 7, column: 64, endLine: 7, endColumn: 69, severity: 'error', fixes: { useOwn: POD(`'[{"name": "n3", "namespace": "cnf"}]'`) } }],
    },
    {
      name: 'the NAD is not in the workspace: no fix',
      code: POD('lab/n3'),
      errors: [{ messageId: 'crossNamespace', line: 7, column: 34, endLine: 7, endColumn: 37 }],
    },
  ],
});
