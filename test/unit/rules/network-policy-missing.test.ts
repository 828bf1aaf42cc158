// RuleTester cases of network-policy-missing: pods against the NetworkPolicies of their namespace, selected as Kubernetes selects.
import { rule } from '../../../server/src/rules/network-policy-missing';
import { ruleTester } from '../rule-tester';

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
        tier: user-plane
    spec:
      containers:
      - name: upf
`;
const policy = (selector: string, namespace = 'cnf', extra = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: ${namespace}
spec:
  podSelector:${selector}
${extra}`;

const POLICY_FOR_UPF = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: upf-network-policy
  namespace: cnf
spec:
  podSelector:
    matchLabels:
      app: upf
      tier: user-plane
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector: {}
  egress:
  - to:
    - podSelector: {}
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
`;
const DEFAULT_DENY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: cnf
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`;

ruleTester(rule, {
  valid: [
    { name: 'an empty podSelector selects every pod of the namespace (default deny)', code: UPF, workspace: { 'policy.yaml': policy(' {}') } },
    { name: 'an absent podSelector is the empty selector', code: UPF, workspace: { 'policy.yaml': policy('') } },
    { name: 'matchLabels of the pod', code: UPF, workspace: { 'policy.yaml': policy('\n    matchLabels: {app: upf}') } },
    { name: 'matchExpressions In and DoesNotExist', code: UPF, workspace: { 'policy.yaml': policy('\n    matchExpressions:\n    - {key: tier, operator: In, values: [user-plane, control-plane]}\n    - {key: canary, operator: DoesNotExist}') } },
    { name: 'an ingress-only policy still isolates the pod', code: UPF, workspace: { 'policy.yaml': policy(' {}', 'cnf', '  policyTypes: [Ingress]\n') } },
    { name: 'the policy in the same file', code: UPF + '---\n' + policy('\n    matchLabels: {tier: user-plane}') },
    { name: 'a pod on the host network (policies do not apply)', code: UPF.replace('    spec:\n', '    spec:\n      hostNetwork: true\n') },
    { name: 'an infrastructure namespace', code: UPF.replace('namespace: cnf', 'namespace: kube-system') },
    { name: 'openshift-* is infrastructure by default', code: UPF.replace('namespace: cnf', 'namespace: openshift-sriov-network-operator') },
  ],
  invalid: [
    {
      name: 'a policy of another namespace does not count; a policy for the pod labels, or default-deny (not preferred)',
      code: UPF,
      workspace: { 'policy.yaml': policy(' {}', 'lab') },
      errors: [{ messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 9, severity: 'warning', fixes: { addPolicy: UPF + POLICY_FOR_UPF, addDefaultDeny: UPF + DEFAULT_DENY } }],
    },
    {
      name: 'a policy whose selector does not select the pod (NotIn, In of other values, a null matchExpressions value)',
      code: UPF,
      workspace: { 'a.yaml': policy('\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [user-plane]}'), 'b.yaml': policy('\n    matchLabels: {app: smf}') },
      errors: [{ messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 9, fixes: { addPolicy: UPF + POLICY_FOR_UPF, addDefaultDeny: UPF + DEFAULT_DENY } }],
    },
    {
      name: 'a policy with an operator the API server rejects selects nothing',
      code: UPF,
      workspace: { 'a.yaml': policy('\n    matchExpressions:\n    - {key: app, operator: Equals, values: [upf]}') },
      errors: [{ messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 9, fixes: { addPolicy: UPF + POLICY_FOR_UPF, addDefaultDeny: UPF + DEFAULT_DENY } }],
    },
    {
      name: 'a pod without labels: only default-deny; CRLF and flat sequences are kept',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: probe\r\n  namespace: cnf\r\nspec:\r\n  containers:\r\n  - name: probe\r\n',
      errors: [{ messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 5, fixes: { addDefaultDeny: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: probe\r\n  namespace: cnf\r\nspec:\r\n  containers:\r\n  - name: probe\r\n' + DEFAULT_DENY.replace(/\n/g, '\r\n') } }],
    },
    {
      name: 'a file indented by four columns gets the new document indented by four',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: probe\n    namespace: cnf\nspec:\n    containers:\n        - name: probe\n',
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 5,
          fixes: {
            addDefaultDeny:
              'apiVersion: v1\nkind: Pod\nmetadata:\n    name: probe\n    namespace: cnf\nspec:\n    containers:\n        - name: probe\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n    name: default-deny\n    namespace: cnf\nspec:\n    podSelector: {}\n    policyTypes:\n        - Ingress\n        - Egress\n',
          },
        },
      ],
    },
  ],
});
