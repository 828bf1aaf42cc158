// Cases for kubevirt-vnf-performance-profile.
import { rule } from '../../../server/src/rules/kubevirt-vnf-performance-profile';
import { InvalidCase, ruleTester } from '../rule-tester';
import { crlf, vm, vmi, VM_KINDS } from './kubevirt-fixtures';

const NETWORKS = `networks:
- name: default
  pod: {}
- name: fh
  multus:
    networkName: sriov-fronthaul
`;

/** A VMI spec body: the domain lines given before `devices`, a pod and an SR-IOV interface, extra devices lines. */
const body = (domainHead: string, devicesTail = '') => `domain:
${domainHead}  devices:
    interfaces:
    - name: default
      masquerade: {}
    - name: fh
      sriov: {}
${devicesTail}${NETWORKS}`;

const RESOURCES = '  resources:\n    requests:\n      memory: 8Gi\n';
const TUNED_HEAD = `  ioThreadsPolicy: auto
  cpu:
    cores: 4
    dedicatedCpuPlacement: true
    isolateEmulatorThread: true
    numa:
      guestMappingPassthrough: {}
  memory:
    hugepages:
      pageSize: 1Gi
${RESOURCES}`;
const TUNED = body(TUNED_HEAD, '    networkInterfaceMultiqueue: true\n');

const ALL_ADDED = (pageSize: string) => `    networkInterfaceMultiqueue: true
  cpu:
    dedicatedCpuPlacement: true
    isolateEmulatorThread: true
    numa:
      guestMappingPassthrough: {}
  memory:
    hugepages:
      pageSize: ${pageSize}
  ioThreadsPolicy: auto
`;

const everyKind: InvalidCase[] = VM_KINDS.map((k) => ({
  name: `${k.kind}: an SR-IOV interface and no performance settings: all inserted`,
  code: vm(k, body(RESOURCES)),
  errors: [
    {
      messageId: 'missing',
      line: k.specLine,
      column: k.specColumn,
      endLine: k.specLine,
      endColumn: k.specColumn + 4,
      severity: 'info',
      fixes: { addPerformanceSettings: vm(k, body(RESOURCES, ALL_ADDED('1Gi'))) },
    },
  ],
}));

ruleTester(rule, {
  valid: [
    ...VM_KINDS.map((k) => ({ name: `${k.kind}: fully tuned`, code: vm(k, TUNED) })),
    { name: 'a plain VM on the pod network', code: vmi('domain:\n  devices:\n    interfaces: [{name: default, masquerade: {}}]\nnetworks: [{name: default, pod: {}}]\n') },
    { name: 'one Multus bridge network', code: vmi('domain:\n  devices:\n    interfaces: [{name: b, bridge: {}}]\nnetworks: [{name: b, multus: {networkName: br}}]\n') },
    { name: 'profile basic', code: vmi(body(RESOURCES)), settings: { profile: 'basic' } },
    {
      name: 'a VirtualMachine with an instancetype (the settings may be there)',
      code: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  runStrategy: Always\n  instancetype: {name: cx1.4xlarge1gi}\n  template:\n    spec:\n' + body(RESOURCES).replace(/^/gm, '      '),
    },
    {
      name: 'ioThreadsPolicy written under cpu is reported once, as misplaced by kubevirt-numa-passthrough-incomplete, not also as missing',
      code: vmi(body(TUNED_HEAD.replace('  ioThreadsPolicy: auto\n', '').replace('    cores: 4\n', '    cores: 4\n    ioThreadsPolicy: auto\n'), '    networkInterfaceMultiqueue: true\n')),
    },
    { name: 'ioThreadsPolicy supplementalPool counts', code: vmi(body(TUNED_HEAD.replace('auto', 'supplementalPool'), '    networkInterfaceMultiqueue: true\n')) },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'huge pages and two Multus networks, partly tuned: the rest inserted or set (comments kept)',
      code: vmi(
        body(
          '  cpu:\n    dedicatedCpuPlacement: true # pinned\n    isolateEmulatorThread: false\n  memory:\n    hugepages: {pageSize: 2Mi}\n  ioThreadsPolicy: shared\n',
        ).replace('- name: default\n  pod: {}', '- name: default\n  multus: {networkName: oam}'),
      ),
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
          fixes: {
            addPerformanceSettings: vmi(
              body(
                '  cpu:\n    dedicatedCpuPlacement: true # pinned\n    isolateEmulatorThread: true\n    numa:\n      guestMappingPassthrough: {}\n  memory:\n    hugepages: {pageSize: 2Mi}\n  ioThreadsPolicy: auto\n',
                '    networkInterfaceMultiqueue: true\n',
              ).replace('- name: default\n  pod: {}', '- name: default\n  multus: {networkName: oam}'),
            ),
          },
        },
      ],
    },
    {
      name: 'the network-intensive node label, flow style, 1536Mi: 2Mi pages',
      code: vmi('nodeSelector: {anuket.io/profile/network-intensive: ""}\ndomain: {resources: {requests: {memory: 1536Mi}}, devices: {}}\n'),
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
          fixes: {
            addPerformanceSettings: vmi(
              'nodeSelector: {anuket.io/profile/network-intensive: ""}\ndomain: {resources: {requests: {memory: 1536Mi}}, devices: {networkInterfaceMultiqueue: true}, cpu: {dedicatedCpuPlacement: true, isolateEmulatorThread: true, numa: {guestMappingPassthrough: {}}}, memory: {hugepages: {pageSize: 2Mi}}, ioThreadsPolicy: auto}\n',
            ),
          },
        },
      ],
    },
    {
      name: 'profile high-performance: every VM is checked (CRLF)',
      code: crlf(vmi(`domain:\n${TUNED_HEAD}  devices: {}\n`)),
      settings: { profile: 'high-performance' },
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
          fixes: { addPerformanceSettings: crlf(vmi(`domain:\n${TUNED_HEAD}  devices: {networkInterfaceMultiqueue: true}\n`)) },
        },
      ],
    },
    {
      name: 'memory that no page size divides: reported, no fix',
      code: vmi(body('  resources:\n    requests:\n      memory: 1001Mi\n')),
      errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5, fixes: {} }],
    },
    {
      name: 'a domain shared through an alias: reported on both VMs, not edited',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: a}
  spec:
    domain: &dom {resources: {requests: {memory: "8Gi"}}, devices: {interfaces: [{name: fh, sriov: {}}]}}
    networks: [{name: fh, multus: {networkName: sriov-fh}}]
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: b}
  spec:
    domain: *dom
    networks: [{name: fh, multus: {networkName: sriov-fh}}]
`,
      errors: [
        { messageId: 'missing', line: 7, column: 3, endLine: 7, endColumn: 7, fixes: {} },
        { messageId: 'missing', line: 13, column: 3, endLine: 13, endColumn: 7, fixes: {} },
      ],
    },
  ],
});
