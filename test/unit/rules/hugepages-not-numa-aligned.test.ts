// Cases for hugepages-not-numa-aligned.
import { rule } from '../../../server/src/rules/hugepages-not-numa-aligned';
import { ExpectedFinding, InvalidCase, ruleTester } from '../rule-tester';
import { dpdk, GUARANTEED } from './hugepages-fixtures';
import { crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

/** Requests below limits: 1500m of 2 CPUs, memory written in requests only. */
const BURSTABLE = 'requests:\n  cpu: 1500m\n  memory: "2Gi"\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: "2"\n  hugepages-1Gi: 2Gi\n';
const AS_LIMITS = 'requests:\n  cpu: "2"\n  memory: "2Gi"\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: "2"\n  hugepages-1Gi: 2Gi\n  memory: "2Gi"\n';
const AS_REQUESTS = 'requests:\n  cpu: 1500m\n  memory: "2Gi"\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: 1500m\n  hugepages-1Gi: 2Gi\n  memory: "2Gi"\n';

/** The finding on the pod spec key of a workload kind. */
function onSpec(k: (typeof WORKLOAD_KINDS)[number], fixes: ExpectedFinding['fixes'], messageId = 'notGuaranteed'): ExpectedFinding {
  return { messageId, line: k.specLine, column: k.specColumn, endLine: k.specLine, endColumn: k.specColumn + 4, severity: 'warning', fixes };
}

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: requests below limits`,
  code: workload(k, dpdk(BURSTABLE)),
  errors: [onSpec(k, { limitsToRequests: workload(k, dpdk(AS_LIMITS)), requestsToLimits: workload(k, dpdk(AS_REQUESTS)) })],
}));

const INIT = 'initContainers:\n- name: setup\n  image: setup:1.0\n';
const PLACEHOLDERS =
  '  resources:\n    requests:\n      cpu: 1 # placeholder: set the CPUs this container needs\n      memory: 1Gi # placeholder: set the memory this container needs\n    limits:\n      cpu: 1 # placeholder: set the CPUs this container needs\n      memory: 1Gi # placeholder: set the memory this container needs\n';

const ALIASED = `containers:
- name: dpdk
  image: dpdk:1.0
  resources:
    requests: {cpu: 1, memory: 1Gi, hugepages-2Mi: 2Mi}
    limits: {cpu: &cpu 2, memory: 1Gi, hugepages-2Mi: 2Mi}
- name: agent
  image: agent:1.0
  resources:
    limits: {cpu: *cpu, memory: 1Gi}
`;

const BEST_EFFORT_FIXED = [
  'limits:',
  '  hugepages-2Mi: 4Mi',
  '  cpu: 1 # placeholder: set the CPUs this container needs',
  '  memory: 1Gi # placeholder: set the memory this container needs',
  'requests:',
  '  cpu: 1 # placeholder: set the CPUs this container needs',
  '  memory: 1Gi # placeholder: set the memory this container needs',
  '',
].join('\n');

const POD_LEVEL = 'resources:\n  limits: {cpu: 2, memory: 2Gi}\n';

ruleTester(rule, {
  valid: [
    { name: 'Guaranteed: requests equal limits', code: pod(dpdk(GUARANTEED)) },
    { name: 'Guaranteed: limits alone (requests default to them)', code: pod(dpdk('limits:\n  cpu: 2\n  memory: 2Gi\n  hugepages-2Mi: 1Gi\n')) },
    { name: 'Guaranteed across spellings: "2", 2000m and 2.0', code: pod(dpdk('requests:\n  cpu: "2"\n  memory: 2048Mi\nlimits:\n  cpu: 2000m\n  memory: 2Gi\n  hugepages-1Gi: 1Gi\n')) },
    { name: 'Burstable without huge pages', code: pod(dpdk('requests:\n  cpu: 1\n  intel.com/sriov_netdevice: 1\nlimits:\n  intel.com/sriov_netdevice: 1\n')) },
    { name: 'profile basic', code: pod(dpdk(BURSTABLE)), settings: { profile: 'basic' } },
    { name: 'an invalid cpu quantity: the class is not guessed', code: pod(dpdk('requests:\n  cpu: 2 CPUs\nlimits:\n  cpu: 2\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n')) },
    { name: 'Guaranteed by the summed requests, as Kubernetes computes it', code: pod(`containers:\n- name: a\n  image: a:1\n  resources: {requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 2, memory: 1Gi, hugepages-2Mi: 2Mi}}\n- name: b\n  image: b:1\n  resources: {requests: {cpu: 2, memory: 1Gi}, limits: {cpu: 1, memory: 1Gi}}\n`) },
    { name: 'pod-level resources below Kubernetes 1.34 are dropped by the API server', code: pod(POD_LEVEL + dpdk(GUARANTEED)) },
    { name: 'an ephemeral container has no resources and does not count', code: pod(dpdk(GUARANTEED) + 'ephemeralContainers:\n- name: debug\n  image: busybox\n') },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'an init container without resources gets placeholders with a comment',
      code: pod(INIT + dpdk(GUARANTEED)),
      errors: [
        {
          ...onSpec(WORKLOAD_KINDS[0], {}),
          fixes: { limitsToRequests: pod(INIT + PLACEHOLDERS + dpdk(GUARANTEED)), requestsToLimits: pod(INIT + PLACEHOLDERS + dpdk(GUARANTEED)) },
        },
      ],
    },
    {
      name: 'BestEffort, CRLF: placeholders in the resources map',
      code: crlf(pod(dpdk('limits:\n  hugepages-2Mi: 4Mi\n'))),
      errors: [
        {
          ...onSpec(WORKLOAD_KINDS[0], {}),
          fixes: { limitsToRequests: crlf(pod(dpdk(BEST_EFFORT_FIXED))), requestsToLimits: crlf(pod(dpdk(BEST_EFFORT_FIXED))) },
        },
      ],
    },
    {
      name: 'flow style: a sidecar without a memory limit',
      code: pod(dpdk(GUARANTEED) + '- name: sidecar\n  image: sidecar:1.0\n  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m}}\n'),
      errors: [
        {
          ...onSpec(WORKLOAD_KINDS[0], {}),
          fixes: {
            limitsToRequests: pod(dpdk(GUARANTEED) + '- name: sidecar\n  image: sidecar:1.0\n  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}\n'),
            requestsToLimits: pod(dpdk(GUARANTEED) + '- name: sidecar\n  image: sidecar:1.0\n  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}\n'),
          },
        },
      ],
    },
    {
      name: 'aliases: the anchored limit is copied, never edited',
      code: pod(ALIASED),
      errors: [{ ...onSpec(WORKLOAD_KINDS[0], {}), fixes: { limitsToRequests: pod(ALIASED.replace('requests: {cpu: 1,', 'requests: {cpu: 2,')) } }],
    },
    {
      name: 'pod-level resources from Kubernetes 1.34, the containers Guaranteed on their own',
      settings: { kubernetesVersion: '1.34' },
      code: pod(POD_LEVEL + dpdk(GUARANTEED)),
      errors: [{ ...onSpec(WORKLOAD_KINDS[0], { removePodResources: pod(dpdk(GUARANTEED)) }, 'podLevelResources') }],
    },
    {
      name: 'pod-level resources from Kubernetes 1.34, the containers not Guaranteed: no fix',
      settings: { kubernetesVersion: '1.34' },
      code: pod(POD_LEVEL + dpdk(BURSTABLE)),
      errors: [{ ...onSpec(WORKLOAD_KINDS[0], {}, 'podLevelResources') }],
    },
  ],
});
