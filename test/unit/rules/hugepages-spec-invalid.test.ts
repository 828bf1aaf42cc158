// Cases for hugepages-spec-invalid.
import { rule } from '../../../server/src/rules/hugepages-spec-invalid';
import { InvalidCase, ruleTester } from '../rule-tester';
import { dpdk, GUARANTEED, MOUNT, VOLUME } from './hugepages-fixtures';
import { crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

const MISMATCH = 'requests:\n  memory: 1Gi\n  hugepages-1Gi: 2Gi # two pages\nlimits:\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n';

/** requestNotLimit in every workload kind: the request pair is on body line 7 (resources line 3). */
const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: request != limit`,
  code: workload(k, dpdk(MISMATCH)),
  errors: [
    {
      messageId: 'requestNotLimit',
      line: k.specLine + 7,
      column: k.indent + 7,
      endLine: k.specLine + 7,
      endColumn: k.indent + 25,
      severity: 'error',
      preferred: 'limitToRequest',
      fixes: {
        limitToRequest: workload(k, dpdk(MISMATCH.replace('2Gi # two', '1Gi # two'))),
        requestToLimit: workload(k, dpdk(MISMATCH.replace('hugepages-1Gi: 1Gi', 'hugepages-1Gi: 2Gi'))),
      },
    },
  ],
}));

const TWO_SIZES = dpdk('limits:\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n  hugepages-2Mi: 4Mi\n', MOUNT);

const ALIASES = `containers:
- name: a
  image: a:1.0
  resources:
    requests: {memory: 1Gi, hugepages-1Gi: 2Gi}
    limits: {memory: 1Gi, hugepages-1Gi: &hp 1Gi}
- name: b
  image: b:1.0
  resources:
    requests: {memory: 1Gi, hugepages-1Gi: *hp}
    limits: {memory: 1Gi, hugepages-1Gi: 2Gi}
`;

ruleTester(rule, {
  valid: [
    { name: 'requests equal limits, with cpu and memory, volume HugePages', code: pod(dpdk(GUARANTEED, MOUNT) + VOLUME()) },
    { name: 'a limit alone: the request defaults to it', code: pod(dpdk('limits:\n  memory: 1Gi\n  hugepages-2Mi: 100Mi\n')) },
    { name: 'equal across spellings: "1Gi" and 1024Mi', code: pod(dpdk('requests:\n  memory: 1Gi\n  hugepages-1Gi: "1Gi"\nlimits:\n  memory: 1Gi\n  hugepages-1Gi: 1024Mi\n')) },
    { name: 'medium HugePages-2048Ki is the size hugepages-2Mi', code: pod(dpdk('limits:\n  memory: 1Gi\n  hugepages-2Mi: 4Mi\n', MOUNT) + VOLUME('HugePages-2048Ki')) },
    {
      name: 'medium HugePages-1Gi requested by an init container only',
      code: pod(`initContainers:\n- name: setup\n  image: setup:1.0\n  resources:\n    limits: {cpu: 1, memory: 1Gi, hugepages-1Gi: 1Gi}\n${dpdk('limits:\n  memory: 1Gi\n')}${VOLUME('HugePages-1Gi')}`),
    },
    { name: 'zero huge pages are a whole number of pages', code: pod(dpdk('limits:\n  memory: 1Gi\n  hugepages-1Gi: 0\n')) },
    {
      name: 'pod-level resources below Kubernetes 1.34 are dropped by the API server',
      code: pod('resources:\n  requests:\n    hugepages-2Mi: 4Mi\n' + dpdk('limits:\n  memory: 1Gi\n')),
    },
    { name: 'unknown kind', code: 'apiVersion: x/v1\nkind: Widget\nspec:\n' + dpdk('requests:\n  hugepages-1Gi: 2Gi\n').replace(/^/gm, '  ') },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'flow style, quoted request: the limit is copied with its spelling',
      code: pod(dpdk('requests: {memory: 1Gi, hugepages-1Gi: "2Gi"}\nlimits: {memory: 1Gi, hugepages-1Gi: 1Gi}\n')),
      errors: [
        {
          messageId: 'requestNotLimit',
          line: 10,
          column: 31,
          endLine: 10,
          endColumn: 51,
          preferred: 'limitToRequest',
          fixes: {
            limitToRequest: pod(dpdk('requests: {memory: 1Gi, hugepages-1Gi: 1Gi}\nlimits: {memory: 1Gi, hugepages-1Gi: 1Gi}\n')),
            requestToLimit: pod(dpdk('requests: {memory: 1Gi, hugepages-1Gi: "2Gi"}\nlimits: {memory: 1Gi, hugepages-1Gi: "2Gi"}\n')),
          },
        },
      ],
    },
    {
      name: 'a request without a limit, CRLF: the limit is inserted into limits',
      code: crlf(pod(dpdk('requests:\n  hugepages-2Mi: "4Mi"\nlimits:\n  memory: 1Gi\n'))),
      errors: [
        {
          messageId: 'limitMissing',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 29,
          preferred: 'requestToLimit',
          fixes: { requestToLimit: crlf(pod(dpdk('requests:\n  hugepages-2Mi: "4Mi"\nlimits:\n  memory: 1Gi\n  hugepages-2Mi: "4Mi"\n'))) },
        },
      ],
    },
    {
      name: 'a request without limits: the limits map is created',
      code: pod(dpdk('requests:\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n', MOUNT) + VOLUME()),
      errors: [
        {
          messageId: 'limitMissing',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 27,
          fixes: { requestToLimit: pod(dpdk('requests:\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\nlimits:\n  hugepages-1Gi: 1Gi\n', MOUNT) + VOLUME()) },
          preferred: 'requestToLimit',
        },
      ],
    },
    {
      name: 'huge pages without cpu or memory: a memory placeholder with a comment',
      code: pod(dpdk('limits:\n  hugepages-1Gi: 1Gi\n')),
      errors: [
        {
          messageId: 'cpuOrMemoryMissing',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          fixes: { addMemory: pod(dpdk('limits:\n  hugepages-1Gi: 1Gi\n  memory: 1Gi # placeholder: the memory this container needs besides its huge pages\n')) },
        },
      ],
    },
    {
      name: 'huge pages without cpu or memory in a flow map: a placeholder needs a comment, so no fix',
      code: pod(dpdk('requests: {hugepages-1Gi: 1Gi}\nlimits: {hugepages-1Gi: 1Gi}\n')),
      errors: [{ messageId: 'cpuOrMemoryMissing', line: 9, column: 5, endLine: 9, endColumn: 14, fixes: {} }],
    },
    {
      name: '1536Mi is not a whole number of 1Gi pages: one finding, both values rounded, quotes kept',
      code: pod(dpdk('requests:\n  memory: 1Gi\n  hugepages-1Gi: "1536Mi"\nlimits:\n  memory: 1Gi\n  hugepages-1Gi: 1536Mi\n')),
      errors: [
        {
          messageId: 'notPageMultiple',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 32,
          fixes: { roundToPages: pod(dpdk('requests:\n  memory: 1Gi\n  hugepages-1Gi: "2Gi"\nlimits:\n  memory: 1Gi\n  hugepages-1Gi: 2Gi\n')) },
        },
      ],
    },
    {
      name: 'a page size that is not a quantity',
      code: pod(dpdk('limits:\n  memory: 1Gi\n  hugepages-1GB: 1Gi\n')),
      errors: [{ messageId: 'pageSizeInvalid', line: 12, column: 9, endLine: 12, endColumn: 22 }],
    },
    {
      name: 'a value that is not a quantity',
      code: pod(dpdk('limits:\n  memory: 1Gi\n  hugepages-2Mi: 2 Mi\n')),
      errors: [{ messageId: 'quantityInvalid', line: 12, column: 24, endLine: 12, endColumn: 28 }],
    },
    {
      name: 'medium HugePages with two page sizes requested',
      code: pod(TWO_SIZES + VOLUME()),
      errors: [
        {
          messageId: 'mediumMultipleSizes',
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 24,
          preferred: 'setMedium',
          fixes: { setMedium: pod(TWO_SIZES + VOLUME('HugePages-1Gi')) },
        },
      ],
    },
    {
      name: 'medium HugePages-2Mi while only 1Gi pages are requested',
      code: pod(dpdk(GUARANTEED, MOUNT) + VOLUME('HugePages-2Mi')),
      errors: [
        {
          messageId: 'mediumNotRequested',
          line: 24,
          column: 15,
          endLine: 24,
          endColumn: 28,
          preferred: 'setMedium',
          fixes: { setMedium: pod(dpdk(GUARANTEED, MOUNT) + VOLUME('HugePages-1Gi')) },
        },
      ],
    },
    {
      name: 'medium HugePages with no huge pages requested at all: no fix',
      code: pod(dpdk('limits:\n  memory: 1Gi\n', MOUNT) + VOLUME()),
      errors: [{ messageId: 'mediumNotRequested', line: 18, column: 15, endLine: 18, endColumn: 24 }],
    },
    {
      name: 'aliases: no fix edits an anchor that an alias uses, nor the alias',
      code: pod(ALIASES),
      errors: [
        {
          messageId: 'requestNotLimit',
          line: 10,
          column: 31,
          endLine: 10,
          endColumn: 49,
          preferred: 'limitToRequest',
          fixes: { limitToRequest: pod(ALIASES.replace('hugepages-1Gi: 2Gi}\n    limits: {memory: 1Gi, hugepages-1Gi: &hp', 'hugepages-1Gi: 1Gi}\n    limits: {memory: 1Gi, hugepages-1Gi: &hp')) },
        },
        {
          messageId: 'requestNotLimit',
          line: 15,
          column: 31,
          endLine: 15,
          endColumn: 49,
          fixes: { requestToLimit: pod(ALIASES.replace('limits: {memory: 1Gi, hugepages-1Gi: 2Gi}', 'limits: {memory: 1Gi, hugepages-1Gi: 1Gi}')) },
        },
      ],
    },
    {
      name: 'an init container is validated too',
      code: pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources:\n    requests: {memory: 1Gi, hugepages-2Mi: 2Mi}\n' + dpdk(GUARANTEED)),
      errors: [{ messageId: 'limitMissing', line: 10, column: 31, endLine: 10, endColumn: 49, preferred: 'requestToLimit', fixes: { requestToLimit: pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources:\n    requests: {memory: 1Gi, hugepages-2Mi: 2Mi}\n    limits:\n      hugepages-2Mi: 2Mi\n' + dpdk(GUARANTEED)) } }],
    },
    {
      name: 'pod-level resources from Kubernetes 1.34',
      settings: { kubernetesVersion: '1.34' },
      code: pod('resources:\n  requests:\n    memory: 1Gi\n    hugepages-2Mi: 4Mi\n' + dpdk('limits:\n  memory: 1Gi\n')),
      errors: [
        {
          messageId: 'limitMissing',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 25,
          preferred: 'requestToLimit',
          fixes: { requestToLimit: pod('resources:\n  requests:\n    memory: 1Gi\n    hugepages-2Mi: 4Mi\n  limits:\n    hugepages-2Mi: 4Mi\n' + dpdk('limits:\n  memory: 1Gi\n')) },
        },
      ],
    },
  ],
});
