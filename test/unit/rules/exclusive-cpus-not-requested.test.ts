// Cases for exclusive-cpus-not-requested.
import { rule } from '../../../server/src/rules/exclusive-cpus-not-requested';
import { InvalidCase, ruleTester } from '../rule-tester';
import { dpdk, GUARANTEED } from './hugepages-fixtures';
import { crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

const FRACTIONAL = 'requests:\n  cpu: 1500m # DPDK lcores\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: "1.5"\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\n';
const ROUNDED = 'requests:\n  cpu: 2 # DPDK lcores\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: "2"\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\n';
const SIDECAR = '- name: metrics\n  image: metrics:1.0\n  resources: {limits: {cpu: 100m, memory: 64Mi}}\n';

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: 1500m in a DPDK container`,
  code: workload(k, dpdk(FRACTIONAL)),
  errors: [
    {
      messageId: 'fractionalCpu',
      line: k.specLine + 6,
      column: k.indent + 7,
      endLine: k.specLine + 6,
      endColumn: k.indent + 17,
      severity: 'warning',
      fixes: { roundUp: workload(k, dpdk(ROUNDED)) },
    },
  ],
}));

const ALIASED = `containers:
- name: dpdk
  image: dpdk:1.0
  resources:
    limits: {cpu: &cpu 1500m, memory: 1Gi, intel.com/sriov_netdevice: 1}
- name: other
  image: other:1.0
  resources:
    limits: {cpu: *cpu, memory: 1Gi}
`;

ruleTester(rule, {
  valid: [
    { name: 'integer cpu', code: pod(dpdk(GUARANTEED)) },
    { name: 'an integer DPDK container beside a 100m sidecar', code: pod(dpdk(GUARANTEED) + SIDECAR) },
    { name: 'a Burstable pod: no exclusive CPUs anyway (hugepages-not-numa-aligned says so)', code: pod(dpdk('requests:\n  cpu: 1500m\nlimits:\n  cpu: 2\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n')) },
    { name: 'profile basic', code: pod(dpdk(FRACTIONAL)), settings: { profile: 'basic' } },
    { name: 'pod-level resources from Kubernetes 1.34', code: pod('resources:\n  limits: {cpu: 2, memory: 2Gi}\n' + dpdk(FRACTIONAL)), settings: { kubernetesVersion: '1.34' } },
    { name: 'unknown kind', code: 'apiVersion: x/v1\nkind: Widget\nspec:\n' + dpdk(FRACTIONAL).replace(/^/gm, '  ') },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'a limit alone, CRLF, with a device resource: the finding on the limit',
      code: crlf(pod(dpdk('limits:\n  cpu: 2.5\n  memory: 1Gi\n  intel.com/sriov_netdevice: "1"\n'))),
      errors: [{ messageId: 'fractionalCpu', line: 11, column: 9, endLine: 11, endColumn: 17, fixes: { roundUp: crlf(pod(dpdk('limits:\n  cpu: 3\n  memory: 1Gi\n  intel.com/sriov_netdevice: "1"\n'))) } }],
    },
    {
      name: 'an init container with huge pages',
      code: pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources: {limits: {cpu: 500m, memory: 1Gi, hugepages-2Mi: 2Mi}}\n' + dpdk(GUARANTEED)),
      errors: [
        {
          messageId: 'fractionalCpu',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 35,
          fixes: { roundUp: pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources: {limits: {cpu: 1, memory: 1Gi, hugepages-2Mi: 2Mi}}\n' + dpdk(GUARANTEED)) },
        },
      ],
    },
    {
      name: 'an anchored cpu that an alias uses: no fix',
      code: pod(ALIASED),
      errors: [{ messageId: 'fractionalCpu', line: 10, column: 16, endLine: 10, endColumn: 31, fixes: {} }],
    },
  ],
});
