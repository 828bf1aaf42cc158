// RuleTester cases of multus-annotation-misplaced: annotations on the controller, near-miss keys, a NAD's resourceName.
import { rule } from '../../../server/src/rules/multus-annotation-misplaced';
import { ruleTester } from '../rule-tester';

const ON_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net, n6-net
spec:
  template:
    metadata:
      labels:
        app: upf
    spec:
      containers:
      - name: upf
`;
const ON_STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: smf
  annotations:
    description: session management
    k8s.v1.cni.cncf.io/networks: |
      [{"name": "n4-net"}]
spec:
  template:
    metadata:
      annotations:
        k8s.cni.cncf.io/networks: n4-net
    spec:
      containers:
      - name: smf
`;
const NADS = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  labels:
    k8s.v1.cni.cncf.io/resourceName: intel.com/n3
spec:
  config: '{"cniVersion": "1.0.0", "type": "sriov"}'
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  annotations:
    k8s.v1.cni.cncf.io/resource-name: intel.com/n6
spec:
  config: '{"cniVersion": "1.0.0", "type": "sriov"}'
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a Pod carries the annotation in its own metadata; Multus status annotations are not near misses',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    k8s.v1.cni.cncf.io/networks: n3-net\n    k8s.v1.cni.cncf.io/network-status: "[]"\nspec:\n  containers: []\n',
    },
    { name: 'a Deployment with the annotation in its pod template', code: ON_DEPLOYMENT.replace('  annotations:\n    k8s.v1.cni.cncf.io/networks: n3-net, n6-net\n', '').replace('        app: upf\n', '        app: upf\n      annotations:\n        k8s.v1.cni.cncf.io/networks: n3-net\n') },
    { name: 'a NAD with its resourceName annotation', code: NADS.split('---')[0].replace('  labels:', '  annotations:') },
  ],
  invalid: [
    {
      name: "on a Deployment's own metadata: moved into the pod template, creating its annotations; the emptied annotations go",
      code: ON_DEPLOYMENT,
      errors: [{ messageId: 'onController', line: 7, column: 5, endLine: 7, endColumn: 32, severity: 'error', preferred: 'moveToTemplate', fixes: { moveToTemplate: `apiVersion: apps/v1
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
        k8s.v1.cni.cncf.io/networks: n3-net, n6-net
    spec:
      containers:
      - name: upf
` } }],
    },
    {
      name: 'on a StatefulSet with a near-miss key in the template: both reported, each with its fix',
      code: ON_STATEFULSET,
      errors: [
        {
          messageId: 'onController',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 32,
          preferred: 'moveToTemplate',
          fixes: {
            moveToTemplate: ON_STATEFULSET.replace('    k8s.v1.cni.cncf.io/networks: |\n      [{"name": "n4-net"}]\n', '').replace(
              '        k8s.cni.cncf.io/networks: n4-net\n',
              '        k8s.cni.cncf.io/networks: n4-net\n        k8s.v1.cni.cncf.io/networks: |\n          [{"name": "n4-net"}]\n',
            ),
          },
        },
        {
          messageId: 'nearMiss',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 33,
          severity: 'warning',
          preferred: 'renameKey',
          fixes: { renameKey: ON_STATEFULSET.replace('        k8s.cni.cncf.io/networks:', '        k8s.v1.cni.cncf.io/networks:') },
        },
      ],
    },
    {
      name: 'a CronJob whose template already has the annotation: the controller one is dead, nothing to move',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cdr\n  annotations:\n    k8s.v1.cni.cncf.io/networks: n3-net\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n            k8s.v1.cni.cncf.io/networks: n3-net\n        spec:\n          containers: []\n',
      errors: [{ messageId: 'onController', line: 6, column: 5, endLine: 6, endColumn: 32 }],
    },
    {
      name: "a NAD's resourceName in its labels (moved into annotations) and under a near-miss key (renamed)",
      code: NADS,
      errors: [
        {
          messageId: 'resourceNameMisplaced',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 36,
          preferred: 'moveToAnnotations',
          fixes: { moveToAnnotations: NADS.replace('  labels:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/n3\n', '  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/n3\n') },
        },
        {
          messageId: 'nearMiss',
          line: 15,
          column: 5,
          endLine: 15,
          endColumn: 37,
          severity: 'warning',
          preferred: 'renameKey',
          fixes: { renameKey: NADS.replace('resource-name', 'resourceName') },
        },
      ],
    },
  ],
});
