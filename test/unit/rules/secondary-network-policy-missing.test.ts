// RuleTester cases of secondary-network-policy-missing: attachments against the MultiNetworkPolicies of the workspace.
import { rule } from '../../../server/src/rules/secondary-network-policy-missing';
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
      annotations:
        k8s.v1.cni.cncf.io/networks: n3-net, lab/n6-net@n6, n3-net@n3b
    spec:
      containers:
      - name: upf
`;
/** A policy for cnf/n3-net that selects app=smf pods only. */
const SMF_POLICY = `apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: n3
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/policy-for: cnf/n3-net
spec:
  podSelector:
    matchLabels:
      app: smf
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a policy in the pod namespace names each network and selects the pod',
      code: UPF,
      workspace: {
        'policies.yaml': SMF_POLICY.replace('app: smf', 'app: upf').replace('cnf/n3-net', 'n3-net, lab/n6-net'),
      },
    },
    {
      name: 'an empty podSelector selects every pod; matchExpressions are honoured',
      code: UPF,
      workspace: {
        'policies.yaml': SMF_POLICY.replace('    matchLabels:\n      app: smf\n', '    matchExpressions:\n    - {key: app, operator: In, values: [upf, smf]}\n').replace('cnf/n3-net', 'n3-net, lab/n6-net'),
      },
    },
    { name: 'a pod without networks', code: UPF.replace('      annotations:\n        k8s.v1.cni.cncf.io/networks: n3-net, lab/n6-net@n6, n3-net@n3b\n', '') },
  ],
  invalid: [
    {
      name: 'a policy that selects other pods does not count; one finding per network, a skeleton for it at the end of the file',
      code: UPF,
      workspace: { 'policies.yaml': SMF_POLICY },
      errors: [
        { messageId: 'missing', line: 12, column: 38, endLine: 12, endColumn: 44, severity: 'info', fixes: { addPolicy: UPF + `---
apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: n3-net-policy
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/policy-for: n3-net
spec:
  podSelector:
    matchLabels:
      app: upf
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector: {}
  egress:
  - to:
    - podSelector: {}
` } },
        { messageId: 'missing', line: 12, column: 50, endLine: 12, endColumn: 56, fixes: { addPolicy: UPF + `---
apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: n6-net-policy
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/policy-for: lab/n6-net
spec:
  podSelector:
    matchLabels:
      app: upf
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector: {}
  egress:
  - to:
    - podSelector: {}
` } },
      ],
    },
    {
      name: 'a policy of another namespace does not cover the pod',
      code: UPF.replace('n3-net, lab/n6-net@n6, n3-net@n3b', 'n3-net'),
      workspace: { 'policies.yaml': SMF_POLICY.replace('app: smf', 'app: upf').replace('namespace: cnf', 'namespace: lab') },
      errors: [{ messageId: 'missing', line: 12, column: 38, endLine: 12, endColumn: 44, fixes: { addPolicy: UPF.replace('n3-net, lab/n6-net@n6, n3-net@n3b', 'n3-net') + `---
apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: n3-net-policy
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/policy-for: n3-net
spec:
  podSelector:
    matchLabels:
      app: upf
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector: {}
  egress:
  - to:
    - podSelector: {}
` } }],
    },
  ],
});
