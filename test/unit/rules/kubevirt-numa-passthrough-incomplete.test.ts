// Cases for kubevirt-numa-passthrough-incomplete.
import { rule } from '../../../server/src/rules/kubevirt-numa-passthrough-incomplete';
import { InvalidCase, ruleTester } from '../rule-tester';
import { bodyLine, crlf, vm, vmi, VM_KINDS } from './kubevirt-fixtures';

const CPU = '  cpu:\n    cores: 4\n    dedicatedCpuPlacement: true\n    numa:\n      guestMappingPassthrough: {}\n';
const HUGEPAGES = '  memory:\n    hugepages:\n      pageSize: 1Gi\n';

/** A VMI spec body: the cpu and memory blocks given, then resources with the memory given. */
const body = (cpu: string, memory: string, resources = '  resources:\n    requests:\n      memory: 8Gi\n') => `domain:\n${cpu}${memory}${resources}  devices: {}\n`;

const GOOD = body(CPU, HUGEPAGES);

const everyKind: InvalidCase[] = VM_KINDS.map((k) => ({
  name: `${k.kind}: passthrough without dedicated CPUs`,
  code: vm(k, body(CPU.replace('    dedicatedCpuPlacement: true\n', ''), HUGEPAGES)),
  errors: [
    {
      messageId: 'passthroughWithoutDedicated',
      line: bodyLine(k, 5),
      column: k.indent + 7,
      endLine: bodyLine(k, 5),
      endColumn: k.indent + 34,
      severity: 'error',
      preferred: 'addDedicated',
      fixes: { addDedicated: vm(k, body(CPU.replace('    dedicatedCpuPlacement: true\n', '') + '    dedicatedCpuPlacement: true\n', HUGEPAGES)) },
    },
  ],
}));

ruleTester(rule, {
  valid: [
    ...VM_KINDS.map((k) => ({ name: `${k.kind}: passthrough, dedicated CPUs, 1Gi pages, 8Gi`, code: vm(k, GOOD) })),
    { name: 'memory from the limit, a multiple of 2Mi', code: vmi(body(CPU, HUGEPAGES.replace('1Gi', '2Mi'), '  resources: {limits: {memory: 4100Mi}}\n')) },
    { name: 'no memory written: KubeVirt requests one page', code: vmi(body(CPU, HUGEPAGES, '')) },
    { name: 'ioThreadsPolicy on the domain', code: vmi('domain:\n  ioThreadsPolicy: auto\n  cpu: {dedicatedCpuPlacement: true}\n  devices: {}\n') },
    { name: 'another API group', code: 'apiVersion: example.com/v1\nkind: VirtualMachineInstance\nspec:\n  domain:\n    cpu: {ioThreadsPolicy: auto}\n' },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'passthrough without huge pages: 1Gi (preferred) or 2Mi pages for 8Gi',
      code: vmi(body(CPU, '')),
      errors: [
        {
          messageId: 'passthroughWithoutHugepages',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 36,
          preferred: 'addHugepages1Gi',
          fixes: {
            addHugepages1Gi: vmi(body(CPU, '')) + '    memory:\n      hugepages:\n        pageSize: 1Gi\n',
            addHugepages2Mi: vmi(body(CPU, '')) + '    memory:\n      hugepages:\n        pageSize: 2Mi\n',
          },
        },
      ],
    },
    {
      name: 'passthrough without huge pages, 1536Mi: only 2Mi pages fit; memory map kept',
      code: vmi(body(CPU, '  memory:\n    guest: 1536Mi\n', '')),
      errors: [
        {
          messageId: 'passthroughWithoutHugepages',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 36,
          preferred: 'addHugepages2Mi',
          fixes: { addHugepages2Mi: vmi(body(CPU, '  memory:\n    guest: 1536Mi\n    hugepages:\n      pageSize: 2Mi\n', '')) },
        },
      ],
    },
    {
      name: '1536Mi in requests and limits with 1Gi pages -> 2Gi both (comment kept)',
      code: vmi(body(CPU, HUGEPAGES, '  resources:\n    requests:\n      memory: 1536Mi # sized for 1.5G\n    limits:\n      memory: "1536Mi"\n')),
      errors: [
        {
          messageId: 'memoryNotPageMultiple',
          line: 17,
          column: 9,
          endLine: 17,
          endColumn: 23,
          preferred: 'roundMemory',
          fixes: { roundMemory: vmi(body(CPU, HUGEPAGES, '  resources:\n    requests:\n      memory: 2Gi # sized for 1.5G\n    limits:\n      memory: "2Gi"\n')) },
        },
      ],
    },
    {
      name: 'memory.guest 512Mi below the 1Gi page (CRLF)',
      code: crlf(vmi(body(CPU, '  memory:\n    guest: 512Mi\n    hugepages: {pageSize: 1Gi}\n', ''))),
      errors: [
        {
          messageId: 'memoryBelowPageSize',
          line: 13,
          column: 7,
          endLine: 13,
          endColumn: 19,
          preferred: 'roundMemory',
          fixes: { roundMemory: crlf(vmi(body(CPU, '  memory:\n    guest: 1Gi\n    hugepages: {pageSize: 1Gi}\n', ''))) },
        },
      ],
    },
    {
      name: 'ioThreadsPolicy under cpu, as in the realtime example of the user guide -> moved to the domain',
      code: vmi(body('  cpu:\n    dedicatedCpuPlacement: true\n    ioThreadsPolicy: auto\n', HUGEPAGES)),
      errors: [
        {
          messageId: 'ioThreadsPolicyOnCpu',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          preferred: 'moveIoThreadsPolicy',
          fixes: { moveIoThreadsPolicy: vmi(body('  cpu:\n    dedicatedCpuPlacement: true\n', HUGEPAGES) + '  ioThreadsPolicy: auto\n') },
        },
      ],
    },
    {
      name: 'ioThreadsPolicy under cpu, flow style',
      code: vmi('domain: {cpu: {cores: 2, ioThreadsPolicy: shared}, devices: {}}\n'),
      errors: [
        {
          messageId: 'ioThreadsPolicyOnCpu',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 51,
          preferred: 'moveIoThreadsPolicy',
          fixes: { moveIoThreadsPolicy: vmi('domain: {cpu: {cores: 2}, devices: {}, ioThreadsPolicy: shared}\n') },
        },
      ],
    },
    {
      name: 'ioThreadsPolicy under cpu with a comment on its line: reported, not moved (the comment would be lost)',
      code: vmi(body('  cpu:\n    ioThreadsPolicy: auto # tuned\n', '')),
      errors: [{ messageId: 'ioThreadsPolicyOnCpu', line: 8, column: 7, endLine: 8, endColumn: 28, fixes: {} }],
    },
    {
      name: 'memory shared through an alias: reported on both VMs, not edited',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: a}
  spec:
    domain: {memory: &mem {guest: 1536Mi, hugepages: {pageSize: 1Gi}}, devices: {}}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: b}
  spec:
    domain: {memory: *mem, devices: {}}
`,
      errors: [
        { messageId: 'memoryNotPageMultiple', line: 8, column: 28, endLine: 8, endColumn: 41, fixes: {} },
        { messageId: 'memoryNotPageMultiple', line: 8, column: 28, endLine: 8, endColumn: 41, fixes: {} },
      ],
    },
  ],
});
