// RuleTester cases of namespace-tenant-guardrails-missing: Pod Security label, ResourceQuota pre-filled from the workloads (replicas, init containers, overhead), LimitRange.
import { rule } from '../../../server/src/rules/namespace-tenant-guardrails-missing';
import { ruleTester } from '../rule-tester';

const NS = `apiVersion: v1
kind: Namespace
metadata:
  name: cnf
`;
const PSA = `  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: v1.33
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted
`;
const GUARDS = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
  namespace: cnf
spec:
  hard: {requests.cpu: "8"}
---
apiVersion: v1
kind: LimitRange
metadata:
  name: l
  namespace: cnf
spec:
  limits: [{type: Container, default: {cpu: 500m}}]
`;
/** Three UPF pods (each: an init container larger than the app container, 1Gi huge pages, an SR-IOV VF, a RuntimeClass with overhead), one database pod, and an agent elsewhere. */
const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  replicas: 3
  template:
    spec:
      runtimeClassName: kata
      initContainers:
      - name: migrate
        resources:
          requests: {cpu: "4", memory: 256Mi}
          limits: {cpu: "4", memory: 256Mi}
      containers:
      - name: upf
        resources:
          requests: {cpu: "2", memory: 1Gi, hugepages-1Gi: 2Gi, intel.com/sriov: "1"}
          limits: {cpu: "2", memory: 1Gi, hugepages-1Gi: 2Gi, intel.com/sriov: "1"}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: cnf
spec:
  template:
    spec:
      containers:
      - name: db
        resources:
          requests: {cpu: 500m, memory: 512Mi}
          limits: {cpu: "1", memory: 1Gi}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:
  template:
    spec:
      containers:
      - name: agent
        resources:
          requests: {cpu: "1", memory: 1Gi}
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: kata
handler: kata
overhead:
  podFixed:
    cpu: 250m
    memory: 120Mi
`;
const QUOTA = `---
# Pre-filled by cnf-lint: the requests and limits of the 2 workloads (4 pods) of namespace 'cnf' in the workspace, replicas and pod overhead counted (a DaemonSet once: multiply by its nodes).
apiVersion: v1
kind: ResourceQuota
metadata:
  name: cnf-quota
  namespace: cnf
spec:
  hard:
    requests.cpu: 13250m
    requests.memory: 3944Mi
    requests.hugepages-1Gi: 6Gi
    requests.intel.com/sriov: "3"
    limits.cpu: 13750m
    limits.memory: 4456Mi
`;
const LIMITS = `---
apiVersion: v1
kind: LimitRange
metadata:
  name: cnf-limits
  namespace: cnf
spec:
  limits:
    - type: Container
      default:
        cpu: 500m
        memory: 512Mi
      defaultRequest:
        cpu: 100m
        memory: 128Mi
`;

ruleTester(rule, {
  valid: [
    { name: 'Pod Security label, a ResourceQuota and a LimitRange in the workspace', code: NS + PSA, workspace: { 'guards.yaml': GUARDS } },
    { name: 'an infrastructure namespace', code: NS.replace('name: cnf', 'name: kube-system') },
    { name: 'openshift-* is infrastructure by default', code: NS.replace('name: cnf', 'name: openshift-monitoring') },
  ],
  invalid: [
    {
      name: 'nothing: one finding listing all three, one fix adding them all; a quota summed over replicas, init containers, huge pages, devices and RuntimeClass overhead',
      code: NS,
      workspace: { 'workloads.yaml': WORKLOADS },
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          severity: 'info',
          fixes: { addGuardrails: NS + PSA + QUOTA + LIMITS },
        },
      ],
    },
    {
      name: "a privileged enforce level counts as missing; the fix sets restricted beside the labels written",
      code: NS + '  labels:\n    team: core\n    pod-security.kubernetes.io/enforce: privileged\n',
      workspace: { 'guards.yaml': GUARDS },
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          fixes: {
            addPodSecurity:
              NS +
              '  labels:\n    team: core\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.33\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n',
          },
        },
      ],
    },
    {
      name: 'no workload in the workspace: placeholders, said so',
      code: NS + PSA,
      workspace: { 'guards.yaml': GUARDS.split('---\n')[1] },
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          fixes: {
            addResourceQuota:
              NS +
              PSA +
              `---
# No workload of namespace 'cnf' in the workspace requests resources: placeholder values, set them.
apiVersion: v1
kind: ResourceQuota
metadata:
  name: cnf-quota
  namespace: cnf
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.cpu: "4"
    limits.memory: 8Gi
`,
          },
        },
      ],
    },
  ],
});
