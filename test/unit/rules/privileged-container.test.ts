// Cases for privileged-container.
import { rule } from '../../../server/src/rules/privileged-container';
import { ruleTester } from '../rule-tester';

const pod = (sc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  containers:
  - name: upf
    image: upf:1.0
    securityContext:
${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'privileged false', code: pod('      privileged: false\n') },
    { name: 'quoted "true" is a string, not a boolean', code: pod('      privileged: "true"\n') },
    { name: 'unknown kind', code: 'apiVersion: x/v1\nkind: Widget\nspec:\n  containers:\n  - name: a\n    securityContext: {privileged: true}\n' },
  ],
  invalid: [
    {
      name: 'block style, comment kept',
      code: pod('      privileged: true # needed?\n'),
      errors: [
        {
          messageId: 'privileged',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 23,
          severity: 'error',
          preferred: 'setFalse',
          fixes: {
            setFalse: pod('      privileged: false # needed?\n'),
            leastPrivilege: pod('      privileged: false # needed?\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n'),
            netAdminUserns:
              pod('      privileged: false # needed?\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n        add:\n        - NET_ADMIN\n') +
              '  hostUsers: false\n',
          },
        },
      ],
    },
    {
      name: 'pod already in a user namespace: the NET_ADMIN variant leaves hostUsers alone',
      code: pod('      privileged: true\n').replace('spec:\n', 'spec:\n  hostUsers: false\n'),
      errors: [
        {
          messageId: 'privileged',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 23,
          preferred: 'setFalse',
          fixes: {
            setFalse: pod('      privileged: false\n').replace('spec:\n', 'spec:\n  hostUsers: false\n'),
            leastPrivilege: pod('      privileged: false\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n').replace('spec:\n', 'spec:\n  hostUsers: false\n'),
            netAdmin: pod('      privileged: false\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n        add:\n        - NET_ADMIN\n').replace('spec:\n', 'spec:\n  hostUsers: false\n'),
          },
        },
      ],
    },
  ],
});
