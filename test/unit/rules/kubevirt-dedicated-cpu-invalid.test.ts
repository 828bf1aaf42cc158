// Cases for kubevirt-dedicated-cpu-invalid.
import { rule } from '../../../server/src/rules/kubevirt-dedicated-cpu-invalid';
import { InvalidCase, ruleTester } from '../rule-tester';
import { bodyLine, crlf, vm, vmi, VM_KINDS } from './kubevirt-fixtures';

/** A VMI spec body with dedicated CPUs (extra cpu lines after it) and the given cpu and memory resources. */
const body = (o: { cpu?: string; reqCpu?: string; limCpu?: string; reqMem?: string; limMem?: string }) => {
  const res = (part: string, cpu?: string, mem?: string) =>
    cpu === undefined && mem === undefined ? '' : `    ${part}:\n${cpu !== undefined ? `      cpu: ${cpu}\n` : ''}${mem !== undefined ? `      memory: ${mem}\n` : ''}`;
  const resources = res('requests', o.reqCpu, o.reqMem) + res('limits', o.limCpu, o.limMem);
  return `domain:\n  cpu:\n    dedicatedCpuPlacement: true\n${o.cpu ?? ''}${resources ? `  resources:\n${resources}` : ''}  devices: {}\n`;
};

const HALF = body({ reqCpu: '1500m', limCpu: '1500m', reqMem: '4Gi', limMem: '4Gi' });
const TWO = body({ reqCpu: '2', limCpu: '2', reqMem: '4Gi', limMem: '4Gi' });

const everyKind: InvalidCase[] = VM_KINDS.map((k) => ({
  name: `${k.kind}: 1500m in requests and limits -> 2`,
  code: vm(k, HALF),
  errors: [6, 9].map((n) => ({
    messageId: 'nonIntegerCpu',
    line: bodyLine(k, n),
    column: k.indent + 7,
    endLine: bodyLine(k, n),
    endColumn: k.indent + 17,
    severity: 'error' as const,
    preferred: 'equalCpu',
    fixes: { equalCpu: vm(k, TWO) },
  })),
}));

ruleTester(rule, {
  valid: [
    ...VM_KINDS.map((k) => ({ name: `${k.kind}: 2 CPUs, 4Gi, requests equal limits`, code: vm(k, TWO) })),
    { name: '2000m is two whole CPUs', code: vmi(body({ reqCpu: '2000m', limCpu: '"2"', limMem: '4Gi' })) },
    { name: 'topology only, memory in memory.guest', code: vmi('domain:\n  cpu: {sockets: 2, cores: 1, threads: 1, dedicatedCpuPlacement: true}\n  memory: {guest: 4Gi}\n') },
    { name: 'huge pages give KubeVirt a memory request', code: vmi('domain:\n  cpu: {cores: 2, dedicatedCpuPlacement: true}\n  memory:\n    hugepages: {pageSize: 1Gi}\n') },
    { name: 'cpu limits equal to the topology, requests left to KubeVirt', code: vmi(body({ cpu: '    cores: 4\n', limCpu: '4', limMem: '8Gi' })) },
    { name: 'no dedicated CPUs: 1500m is fine', code: vmi(HALF.replace('dedicatedCpuPlacement: true', 'dedicatedCpuPlacement: false')) },
    {
      name: 'a VirtualMachine with an instancetype gets its memory there',
      code: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  runStrategy: Always\n  instancetype: {name: cx1.2xlarge}\n  template:\n    spec:\n      domain:\n        cpu: {dedicatedCpuPlacement: true}\n        devices: {}\n',
    },
  ],
  invalid: [
    ...everyKind,
    {
      name: '3500m counts as 4: equal to a limit of 4, yet not whole (quoted values stay quoted, comments kept)',
      code: vmi(body({ reqCpu: '"3500m" # from sizing sheet', limCpu: '4', reqMem: '8Gi', limMem: '8Gi' })),
      errors: [
        {
          messageId: 'nonIntegerCpu',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 21,
          preferred: 'equalCpu',
          fixes: { equalCpu: vmi(body({ reqCpu: '"4" # from sizing sheet', limCpu: '4', reqMem: '8Gi', limMem: '8Gi' })) },
        },
      ],
    },
    {
      name: 'cpu 2 and 4 differ -> both 4',
      code: vmi(body({ reqCpu: '2', limCpu: '4', reqMem: '8Gi', limMem: '8Gi' })),
      errors: [
        { messageId: 'cpuMismatch', line: 11, column: 9, endLine: 11, endColumn: 15, preferred: 'equalCpu', fixes: { equalCpu: vmi(body({ reqCpu: '4', limCpu: '4', reqMem: '8Gi', limMem: '8Gi' })) } },
      ],
    },
    {
      name: 'memory 4Gi and 8Gi differ: copy either way; 4096Mi equals 4Gi',
      code: vmi(body({ reqCpu: '2', limCpu: '2', reqMem: '4Gi', limMem: '"8Gi"' })) + '---\n' + vmi(body({ reqCpu: '2', reqMem: '4096Mi', limMem: '4Gi' })),
      errors: [
        {
          messageId: 'memoryMismatch',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 20,
          preferred: 'memoryToLimit',
          fixes: {
            memoryToLimit: vmi(body({ reqCpu: '2', limCpu: '2', reqMem: '8Gi', limMem: '"8Gi"' })) + '---\n' + vmi(body({ reqCpu: '2', reqMem: '4096Mi', limMem: '4Gi' })),
            limitToRequest: vmi(body({ reqCpu: '2', limCpu: '2', reqMem: '4Gi', limMem: '"4Gi"' })) + '---\n' + vmi(body({ reqCpu: '2', reqMem: '4096Mi', limMem: '4Gi' })),
          },
        },
      ],
    },
    {
      name: 'no memory anywhere',
      code: vmi(body({ reqCpu: '2', limCpu: '2' })),
      errors: [{ messageId: 'noMemory', line: 8, column: 7, endLine: 8, endColumn: 34, fixes: {} }],
    },
    {
      name: 'four threads per core',
      code: vmi(body({ cpu: '    sockets: 1\n    cores: 2\n    threads: 4\n', limMem: '4Gi' })),
      errors: [{ messageId: 'tooManyThreads', line: 11, column: 7, endLine: 11, endColumn: 17 }],
    },
    {
      name: 'topology of 4 vCPUs, cpu resources of 2 -> 4 (CRLF)',
      code: crlf(vmi(body({ cpu: '    cores: 4\n', reqCpu: '2', limCpu: '2', limMem: '4Gi' }))),
      errors: [
        {
          messageId: 'topologyMismatch',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 15,
          preferred: 'equalCpu',
          fixes: { equalCpu: crlf(vmi(body({ cpu: '    cores: 4\n', reqCpu: '4', limCpu: '4', limMem: '4Gi' }))) },
        },
      ],
    },
    {
      name: 'isolateEmulatorThread without dedicated CPUs, flow style',
      code: vmi('domain:\n  cpu: {cores: 2, isolateEmulatorThread: true}\n  resources: {limits: {memory: 4Gi}}\n'),
      errors: [
        {
          messageId: 'isolateWithoutDedicated',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 48,
          preferred: 'addDedicated',
          fixes: { addDedicated: vmi('domain:\n  cpu: {cores: 2, isolateEmulatorThread: true, dedicatedCpuPlacement: true}\n  resources: {limits: {memory: 4Gi}}\n') },
        },
      ],
    },
    {
      name: 'isolateEmulatorThread with dedicatedCpuPlacement: false, block style',
      code: vmi(HALF.replace('dedicatedCpuPlacement: true', 'dedicatedCpuPlacement: false\n    isolateEmulatorThread: true')),
      errors: [
        {
          messageId: 'isolateWithoutDedicated',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 34,
          preferred: 'addDedicated',
          fixes: { addDedicated: vmi(HALF.replace('dedicatedCpuPlacement: true', 'dedicatedCpuPlacement: true\n    isolateEmulatorThread: true')) },
        },
      ],
    },
    {
      name: 'resources shared through an alias: reported on both VMs, not edited',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: a}
  spec:
    domain:
      cpu: {dedicatedCpuPlacement: true}
      resources: &res {requests: {cpu: 1.5, memory: 4Gi}}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: b}
  spec:
    domain:
      cpu: {dedicatedCpuPlacement: true}
      resources: *res
`,
      errors: [
        { messageId: 'nonIntegerCpu', line: 10, column: 35, endLine: 10, endColumn: 43, fixes: {} },
        { messageId: 'nonIntegerCpu', line: 10, column: 35, endLine: 10, endColumn: 43, fixes: {} },
      ],
    },
  ],
});
