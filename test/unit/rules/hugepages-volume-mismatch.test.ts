// Cases for hugepages-volume-mismatch.
import { rule } from '../../../server/src/rules/hugepages-volume-mismatch';
import { InvalidCase, ruleTester } from '../rule-tester';
import { dpdk, GUARANTEED, MOUNT, VOLUME } from './hugepages-fixtures';
import { crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

/** The finding on a workload's pod spec key, with the one fix's output. */
function onSpec(k: (typeof WORKLOAD_KINDS)[number], output: string) {
  return { messageId: 'noVolume', line: k.specLine, column: k.specColumn, endLine: k.specLine, endColumn: k.specColumn + 4, severity: 'info' as const, fixes: { addVolume: output } };
}

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: no volume, no mount`,
  code: workload(k, dpdk(GUARANTEED)),
  errors: [onSpec(k, workload(k, dpdk(GUARANTEED, MOUNT) + VOLUME()))],
}));

const SHARED_TEMPLATE = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a}
  spec:
    template: &tpl
      spec:
        containers:
        - name: dpdk
          image: dpdk:1.0
          resources: {limits: {cpu: 1, memory: 1Gi, hugepages-2Mi: 2Mi}}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b}
  spec:
    template: *tpl
`;

const CONFIG_MOUNT = '  volumeMounts:\n  - name: config # read-only\n    mountPath: /etc/upf\n';
const CONFIG_VOLUME = 'volumes:\n- name: config\n  configMap: {name: upf}\n';
const TWO_SIZES = 'limits:\n  cpu: 2\n  memory: 1Gi\n  hugepages-1Gi: 1Gi\n  hugepages-2Mi: 4Mi\n';

ruleTester(rule, {
  valid: [
    { name: 'a HugePages volume mounted', code: pod(dpdk(GUARANTEED, MOUNT) + VOLUME()) },
    { name: 'a HugePages-1Gi volume mounted', code: pod(dpdk(GUARANTEED, MOUNT) + VOLUME('HugePages-1Gi')) },
    { name: 'no huge pages', code: pod(dpdk('limits:\n  cpu: 1\n  memory: 1Gi\n')) },
    { name: 'profile basic', code: pod(dpdk(GUARANTEED)), settings: { profile: 'basic' } },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'volumes and mounts exist: items are appended, comments kept',
      code: pod(dpdk(GUARANTEED, CONFIG_MOUNT) + CONFIG_VOLUME),
      errors: [
        onSpec(
          WORKLOAD_KINDS[0],
          pod(dpdk(GUARANTEED, CONFIG_MOUNT + '  - name: hugepages\n    mountPath: /dev/hugepages\n') + CONFIG_VOLUME + '- name: hugepages\n  emptyDir:\n    medium: HugePages\n'),
        ),
      ],
    },
    {
      name: 'an unmounted HugePages volume: only the mount is added',
      code: pod(dpdk(GUARANTEED) + VOLUME()),
      errors: [onSpec(WORKLOAD_KINDS[0], pod(dpdk(GUARANTEED, MOUNT) + VOLUME()))],
    },
    {
      name: 'two page sizes, CRLF: one volume per size, and a name already taken',
      code: crlf(pod(dpdk(TWO_SIZES) + 'volumes:\n- name: hugepages-1gi\n  configMap: {name: x}\n')),
      errors: [
        {
          ...onSpec(
            WORKLOAD_KINDS[0],
            crlf(
              pod(
                dpdk(TWO_SIZES, '  volumeMounts:\n  - name: hugepages-1gi-2\n    mountPath: /dev/hugepages-1Gi\n  - name: hugepages-2mi\n    mountPath: /dev/hugepages-2Mi\n') +
                  'volumes:\n- name: hugepages-1gi\n  configMap: {name: x}\n- name: hugepages-1gi-2\n  emptyDir:\n    medium: HugePages-1Gi\n- name: hugepages-2mi\n  emptyDir:\n    medium: HugePages-2Mi\n',
              ),
            ),
          ),
        },
      ],
    },
    {
      name: 'an init container that requests huge pages gets the mount too',
      code: pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources: {limits: {cpu: 1, memory: 1Gi, hugepages-1Gi: 1Gi}}\n' + dpdk(GUARANTEED)),
      errors: [
        onSpec(
          WORKLOAD_KINDS[0],
          pod('initContainers:\n- name: setup\n  image: setup:1.0\n  resources: {limits: {cpu: 1, memory: 1Gi, hugepages-1Gi: 1Gi}}\n' + MOUNT + dpdk(GUARANTEED, MOUNT) + VOLUME()),
        ),
      ],
    },
    {
      name: 'a pod template shared through an alias: one finding, no fix through the shared text',
      code: SHARED_TEMPLATE,
      errors: [{ messageId: 'noVolume', line: 9, column: 7, endLine: 9, endColumn: 11, fixes: {} }],
    },
    {
      name: 'flow style container and volumes',
      code: pod('containers:\n- {name: dpdk, image: dpdk, resources: {limits: {memory: 1Gi, hugepages-2Mi: 2Mi}}}\nvolumes: []\n'),
      errors: [
        onSpec(
          WORKLOAD_KINDS[0],
          pod('containers:\n- {name: dpdk, image: dpdk, resources: {limits: {memory: 1Gi, hugepages-2Mi: 2Mi}}, volumeMounts: [{name: hugepages, mountPath: /dev/hugepages}]}\nvolumes: [{name: hugepages, emptyDir: {medium: HugePages}}]\n'),
        ),
      ],
    },
  ],
});
