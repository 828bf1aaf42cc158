// RuleTester cases of workload-in-default-namespace: explicit default, absent namespace, Helm release namespace, infrastructure.
import { rule } from '../../../server/src/rules/workload-in-default-namespace';
import { ruleTester } from '../rule-tester';

const CM = (metadata: string) => `apiVersion: v1
kind: ConfigMap
metadata:
${metadata}data:
  key: value
`;
const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: cnf-a
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
`;

ruleTester(rule, {
  valid: [
    { name: 'an object in a namespace of its own', code: CM('  name: cfg\n  namespace: cnf-a\n') },
    { name: 'a cluster-scoped kind', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: cnf-a\n' },
    { name: 'a kind cnf-lint cannot place (a custom resource)', code: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n' },
    { name: 'absent namespace while the default namespace setting is a tenant namespace', code: CM('  name: cfg\n'), settings: { defaultNamespace: 'cnf-a' } },
    { name: 'absent namespace in a chart: the release namespace', code: CM('  name: cfg\n'), settings: { defaultNamespace: 'release-namespace' } },
    { name: "'default' listed as infrastructure", code: CM('  name: cfg\n  namespace: default\n'), settings: { infrastructureNamespaces: ['default'] } },
  ],
  invalid: [
    {
      name: "namespace: default written: a warning on the pair; set it to the workspace's tenant Namespace (not kube-system)",
      code: CM('  name: cfg\n  namespace: default\n'),
      workspace: { 'namespaces.yaml': NAMESPACES },
      errors: [{ messageId: 'explicitDefault', line: 5, column: 3, endLine: 5, endColumn: 21, severity: 'warning', fixes: { setNamespace: CM('  name: cfg\n  namespace: cnf-a\n') } }],
    },
    {
      name: 'no namespace: information on metadata; the fix inserts it',
      code: CM('  name: cfg\n'),
      workspace: { 'namespaces.yaml': NAMESPACES },
      errors: [{ messageId: 'absent', line: 3, column: 1, endLine: 3, endColumn: 9, severity: 'info', fixes: { setNamespace: CM('  name: cfg\n  namespace: cnf-a\n') } }],
    },
    {
      name: 'no Namespace in the workspace: no fix',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: upf\n  namespace: default\nspec: {}\n',
      errors: [{ messageId: 'explicitDefault', line: 5, column: 3, endLine: 5, endColumn: 21 }],
    },
  ],
});
