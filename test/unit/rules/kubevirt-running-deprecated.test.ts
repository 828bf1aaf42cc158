// Cases for kubevirt-running-deprecated.
import { rule } from '../../../server/src/rules/kubevirt-running-deprecated';
import { ruleTester } from '../rule-tester';
import { crlf } from './kubevirt-fixtures';

/** A VirtualMachine whose own spec starts with the given lines (written at column 2); `running` etc. sit on line 6. */
const vm = (head: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vrouter
spec:
${head}  template:
    spec:
      domain:
        devices: {}
`;

const pool = (head: string) => `apiVersion: pool.kubevirt.io/v1alpha1
kind: VirtualMachinePool
metadata:
  name: vrouter-pool
spec:
  replicas: 3
  virtualMachineTemplate:
    spec:
${head}      template:
        spec:
          domain: {devices: {}}
`;

ruleTester(rule, {
  valid: [
    { name: 'runStrategy alone', code: vm('  runStrategy: Always\n') },
    { name: 'a VirtualMachineInstance has no running field of its own', code: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec:\n  running: true\n  domain: {devices: {}}\n' },
    { name: 'a VirtualMachine of another API group', code: 'apiVersion: vmoperator.vmware.com/v1alpha1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  running: true\n  template: {spec: {}}\n' },
  ],
  invalid: [
    {
      name: 'running: true -> runStrategy: Always, comment kept',
      code: vm('  running: true # start on create\n'),
      errors: [
        {
          messageId: 'deprecated',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          severity: 'warning',
          preferred: 'toRunStrategy',
          fixes: { toRunStrategy: vm('  runStrategy: Always # start on create\n') },
        },
      ],
    },
    {
      name: 'running: false -> runStrategy: Halted (YAML 1.1 spelling, CRLF)',
      code: crlf(vm('  running: off\n')),
      errors: [
        {
          messageId: 'deprecated',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 15,
          preferred: 'toRunStrategy',
          fixes: { toRunStrategy: crlf(vm('  runStrategy: Halted\n')) },
        },
      ],
    },
    {
      name: 'flow style',
      code: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec: {running: yes, template: {spec: {}}}\n',
      errors: [
        {
          messageId: 'deprecated',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 20,
          preferred: 'toRunStrategy',
          fixes: { toRunStrategy: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec: {runStrategy: Always, template: {spec: {}}}\n' },
        },
      ],
    },
    {
      name: 'a quoted "true" is a string: reported, no fix (the API server rejects it anyway)',
      code: vm('  running: "true"\n'),
      errors: [{ messageId: 'deprecated', line: 6, column: 3, endLine: 6, endColumn: 18, fixes: {} }],
    },
    {
      name: 'both set: an error; keep runStrategy, or keep what running meant',
      code: vm('  running: false\n  runStrategy: Always\n'),
      errors: [
        {
          messageId: 'both',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 17,
          severity: 'error',
          preferred: 'keepRunStrategy',
          fixes: {
            keepRunStrategy: vm('  runStrategy: Always\n'),
            keepRunning: vm('  runStrategy: Halted\n'),
          },
        },
      ],
    },
    {
      name: 'both set and agreeing: only the removal is offered',
      code: vm('  runStrategy: "Always"\n  running: true\n'),
      errors: [
        { messageId: 'both', line: 7, column: 3, endLine: 7, endColumn: 16, severity: 'error', preferred: 'keepRunStrategy', fixes: { keepRunStrategy: vm('  runStrategy: "Always"\n') } },
      ],
    },
    {
      name: 'the VM template of a VirtualMachinePool',
      code: pool('      running: true\n'),
      errors: [
        { messageId: 'deprecated', line: 9, column: 7, endLine: 9, endColumn: 20, preferred: 'toRunStrategy', fixes: { toRunStrategy: pool('      runStrategy: Always\n') } },
      ],
    },
    {
      name: 'running from a merge key: reported, the shared text is not edited',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachine
  metadata: {name: a}
  spec:
    <<: &defaults {running: true}
    template: {spec: {}}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachine
  metadata: {name: b}
  spec:
    <<: *defaults
    template: {spec: {}}
`,
      errors: [
        { messageId: 'deprecated', line: 8, column: 20, endLine: 8, endColumn: 33, fixes: {} },
        { messageId: 'deprecated', line: 8, column: 20, endLine: 8, endColumn: 33, fixes: {} },
      ],
    },
  ],
});
