// RuleTester cases of service-account-token-automounted: the pod's own setting, else its ServiceAccount's, looked up by name and namespace.
import { rule } from '../../../server/src/rules/service-account-token-automounted';
import { ruleTester } from '../rule-tester';

const POD = (spec: string, namespace = 'cnf') => `apiVersion: v1
kind: Pod
metadata:
  name: amf
  namespace: ${namespace}
spec:
${spec}  containers:
  - name: amf
`;
const SA = (name: string, namespace: string, automount: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${namespace}
automountServiceAccountToken: ${automount}
`;

ruleTester(rule, {
  valid: [
    { name: 'the pod sets false', code: POD('  automountServiceAccountToken: false\n') },
    { name: 'its ServiceAccount sets false (serviceAccountName)', code: POD('  serviceAccountName: amf\n'), workspace: { 'sa.yaml': SA('amf', 'cnf', 'false') } },
    { name: 'the default ServiceAccount of its namespace sets false', code: POD(''), workspace: { 'sa.yaml': SA('default', 'cnf', 'false') } },
    { name: 'the deprecated serviceAccount field names it', code: POD('  serviceAccount: amf\n'), workspace: { 'sa.yaml': SA('amf', 'cnf', 'false') } },
    { name: 'the ServiceAccount in the same file', code: SA('amf', 'cnf', 'false') + '---\n' + POD('  serviceAccountName: amf\n') },
    { name: 'an infrastructure namespace', code: POD('', 'kube-system') },
    { name: 'a namespace the user lists as infrastructure', code: POD('', 'platform-agents'), settings: { infrastructureNamespaces: ['platform-*'] } },
  ],
  invalid: [
    {
      name: 'automountServiceAccountToken: true on the pod wins over a ServiceAccount that sets false',
      code: POD('  serviceAccountName: amf\n  automountServiceAccountToken: true\n'),
      workspace: { 'sa.yaml': SA('amf', 'cnf', 'false') },
      errors: [{ messageId: 'podTrue', line: 8, column: 3, endLine: 8, endColumn: 37, severity: 'warning', fixes: { setFalse: POD('  serviceAccountName: amf\n  automountServiceAccountToken: false\n') } }],
    },
    {
      name: 'a ServiceAccount of the same name in another namespace does not count',
      code: POD('  serviceAccountName: amf\n'),
      workspace: { 'sa.yaml': SA('amf', 'lab', 'false') },
      errors: [{ messageId: 'default', line: 6, column: 1, endLine: 6, endColumn: 5, fixes: { setFalse: POD('  serviceAccountName: amf\n').replace('  - name: amf\n', '  - name: amf\n  automountServiceAccountToken: false\n') } }],
    },
    {
      name: 'a ServiceAccount that does not set false; a Deployment: the template spec',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: smf
  namespace: cnf
spec:
  template:
    spec:
      containers:
      - name: smf
`,
      workspace: { 'sa.yaml': SA('default', 'cnf', 'true') },
      errors: [
        {
          messageId: 'default',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 9,
          fixes: {
            setFalse: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: smf
  namespace: cnf
spec:
  template:
    spec:
      containers:
      - name: smf
      automountServiceAccountToken: false
`,
          },
        },
      ],
    },
  ],
});
