// Cases for user-namespace-not-enabled.
import { rule } from '../../../server/src/rules/user-namespace-not-enabled';
import { ExpectedFinding, InvalidCase, ruleTester } from '../rule-tester';
import { CONTAINER, crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

const NON_ROOT = 'securityContext:\n  runAsNonRoot: true\n';

/** The finding on a Pod's `spec` key (line 5), with the one fix's output. */
const onPodSpec = (messageId: string, severity: 'info' | 'warning', output: string): ExpectedFinding => ({
  messageId,
  line: 5,
  column: 1,
  endLine: 5,
  endColumn: 5,
  severity,
  fixes: { setHostUsersFalse: output },
});

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: container may run as root, hostUsers inserted in the pod spec`,
  code: workload(k, CONTAINER),
  errors: [
    {
      messageId: 'mayRunAsRoot',
      line: k.specLine,
      column: k.specColumn,
      endLine: k.specLine,
      endColumn: k.specColumn + 4,
      severity: 'warning',
      fixes: { setHostUsersFalse: workload(k, CONTAINER + 'hostUsers: false\n') },
    },
  ],
}));

const list = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a}
  spec:
    template:
      spec: &podspec
        containers:
        - name: a
          image: a:1.0
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b}
  spec:
    template:
      spec: *podspec
`;

const sharedTemplate = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a}
  spec:
    template: &tpl
      spec:
        containers:
        - name: a
          image: a:1.0
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b}
  spec:
    template: *tpl
`;

ruleTester(rule, {
  valid: [
    { name: 'hostUsers: false', code: pod(CONTAINER + 'hostUsers: false\n') },
    { name: 'hostUsers: no (YAML 1.1 false)', code: pod('hostUsers: no\n' + CONTAINER) },
    { name: 'flow style hostUsers: false', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {hostUsers: false, containers: [{name: a, image: a}]}\n' },
    { name: 'kubernetesVersion 1.32 disables the rule', code: pod(CONTAINER), settings: { kubernetesVersion: '1.32' } },
    { name: 'hostNetwork: true', code: pod('hostNetwork: true\n' + CONTAINER) },
    { name: 'hostPID: on', code: pod('hostPID: on\n' + CONTAINER) },
    { name: 'hostIPC: True', code: pod('hostIPC: True\n' + CONTAINER) },
    { name: 'Windows pod (os.name)', code: pod('os: {name: windows}\n' + CONTAINER) },
    { name: 'Windows pod (nodeSelector)', code: pod('nodeSelector:\n  kubernetes.io/os: windows\n' + CONTAINER) },
    {
      name: 'volumeDevices in an init container',
      code: pod(CONTAINER + 'initContainers:\n- name: init\n  image: init:1.0\n  volumeDevices:\n  - {name: raw, devicePath: /dev/xvda}\nvolumes:\n- name: raw\n  persistentVolumeClaim: {claimName: raw}\n'),
    },
    { name: 'document with a parse error', code: pod(CONTAINER + 'bad: [\n') },
    { name: 'unknown kind', code: 'apiVersion: x/v1\nkind: Widget\nspec:\n  containers:\n  - name: a\n' },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'non-root pod: information only',
      code: pod(NON_ROOT + CONTAINER),
      errors: [onPodSpec('notEnabled', 'info', pod(NON_ROOT + CONTAINER + 'hostUsers: false\n'))],
    },
    {
      name: 'runAsUser above 0 at pod level counts as non-root; kubernetesVersion 1.36',
      code: pod('securityContext: {runAsUser: 1000}\n' + CONTAINER),
      settings: { kubernetesVersion: '1.36' },
      errors: [onPodSpec('notEnabled', 'info', pod('securityContext: {runAsUser: 1000}\n' + CONTAINER + 'hostUsers: false\n'))],
    },
    {
      name: 'container runAsNonRoot: false overrides the pod',
      code: pod(NON_ROOT + CONTAINER + '  securityContext: {runAsNonRoot: false}\n'),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod(NON_ROOT + CONTAINER + '  securityContext: {runAsNonRoot: false}\nhostUsers: false\n'))],
    },
    {
      name: 'container runAsUser overrides a pod runAsUser: 0',
      code: pod('securityContext: {runAsUser: 0}\n' + CONTAINER + '  securityContext: {runAsUser: 1000}\n'),
      errors: [onPodSpec('notEnabled', 'info', pod('securityContext: {runAsUser: 0}\n' + CONTAINER + '  securityContext: {runAsUser: 1000}\nhostUsers: false\n'))],
    },
    {
      name: 'an init container that may run as root (the app container does not)',
      code: pod('initContainers:\n- name: init\n  image: init:1.0\n' + CONTAINER + '  securityContext: {runAsNonRoot: true}\n'),
      errors: [
        onPodSpec('mayRunAsRoot', 'warning', pod('initContainers:\n- name: init\n  image: init:1.0\n' + CONTAINER + '  securityContext: {runAsNonRoot: true}\nhostUsers: false\n')),
      ],
    },
    {
      name: 'an ephemeral container that may run as root',
      code: pod(NON_ROOT + CONTAINER + 'ephemeralContainers:\n- name: debug\n  image: busybox\n  securityContext: {runAsUser: 0, runAsNonRoot: false}\n'),
      errors: [
        onPodSpec(
          'mayRunAsRoot',
          'warning',
          pod(NON_ROOT + CONTAINER + 'ephemeralContainers:\n- name: debug\n  image: busybox\n  securityContext: {runAsUser: 0, runAsNonRoot: false}\nhostUsers: false\n'),
        ),
      ],
    },
    {
      name: 'a non-root container that adds capabilities',
      code: pod(NON_ROOT + CONTAINER + '  securityContext:\n    capabilities:\n      add: [NET_ADMIN, NET_RAW]\n'),
      errors: [
        onPodSpec('addsCapabilities', 'warning', pod(NON_ROOT + CONTAINER + '  securityContext:\n    capabilities:\n      add: [NET_ADMIN, NET_RAW]\nhostUsers: false\n')),
      ],
    },
    {
      name: 'hostUsers: true is replaced, its comment kept',
      code: pod('hostUsers: true # set by the chart\n' + CONTAINER),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod('hostUsers: false # set by the chart\n' + CONTAINER))],
    },
    {
      name: 'quoted "false" is a string: replaced by the boolean',
      code: pod('hostUsers: "false"\n' + CONTAINER),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod('hostUsers: false\n' + CONTAINER))],
    },
    {
      name: 'quoted "true" host namespace is a string and does not count',
      code: pod('hostNetwork: "true"\n' + CONTAINER),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod('hostNetwork: "true"\n' + CONTAINER + 'hostUsers: false\n'))],
    },
    {
      name: 'hostNetwork: false and a Linux nodeSelector do not disable the rule',
      code: pod('hostNetwork: false\nnodeSelector: {kubernetes.io/os: linux}\n' + CONTAINER),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod('hostNetwork: false\nnodeSelector: {kubernetes.io/os: linux}\n' + CONTAINER + 'hostUsers: false\n'))],
    },
    {
      name: 'flow style pod spec',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: a}]}\n',
      errors: [
        {
          ...onPodSpec('mayRunAsRoot', 'warning', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: a}], hostUsers: false}\n'),
          line: 4,
          endLine: 4,
        },
      ],
    },
    {
      name: 'CRLF file keeps CRLF, comments kept',
      code: crlf(pod('# the data plane\n' + CONTAINER + '# end of spec\n')),
      errors: [onPodSpec('mayRunAsRoot', 'warning', crlf(pod('# the data plane\n' + CONTAINER + 'hostUsers: false\n# end of spec\n')))],
    },
    {
      name: 'file without a final newline',
      code: pod(CONTAINER).slice(0, -1),
      errors: [onPodSpec('mayRunAsRoot', 'warning', pod(CONTAINER + 'hostUsers: false'))],
    },
    {
      name: 'a document with a parse error is skipped, the next one is linted',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec: {containers: [\n---\n' + pod(CONTAINER),
      errors: [{ ...onPodSpec('mayRunAsRoot', 'warning', 'apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec: {containers: [\n---\n' + pod(CONTAINER + 'hostUsers: false\n')), line: 10, endLine: 10 }],
    },
    {
      name: 'a pod spec shared through an alias: no fix on either object',
      code: list,
      errors: [
        { messageId: 'mayRunAsRoot', line: 9, column: 7, endLine: 9, endColumn: 11, fixes: {} },
        { messageId: 'mayRunAsRoot', line: 18, column: 7, endLine: 18, endColumn: 11, fixes: {} },
      ],
    },
    {
      name: 'a pod template shared through an alias: one finding, on the anchored spec, no fix',
      code: sharedTemplate,
      errors: [{ messageId: 'mayRunAsRoot', line: 9, column: 7, endLine: 9, endColumn: 11, fixes: {} }],
    },
  ],
});
