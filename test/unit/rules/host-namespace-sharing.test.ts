// Cases for host-namespace-sharing.
import { rule } from '../../../server/src/rules/host-namespace-sharing';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { InvalidCase, lintWith, ruleTester, spanOf } from '../rule-tester';

const NETWORKS = 'k8s.v1.cni.cncf.io/networks: secondary-network';

/** A bare Pod whose spec starts with `lines` (indented two spaces), then one container. */
const pod = (lines: string, metadata = 'metadata:\n  name: upf # the user plane\n') =>
  `apiVersion: v1\nkind: Pod\n${metadata}spec:\n${lines}  containers:\n  - name: upf\n    image: upf:1.0\n`;

/** A Deployment whose template spec starts with `lines` (indented six spaces). */
const deployment = (lines: string, templateMetadata = '    metadata:\n      labels:\n        app: upf\n') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: upf\nspec:\n  template:\n${templateMetadata}    spec:\n${lines}      containers:\n      - name: upf\n`;

/** Where each controller kind keeps its pod template, as YAML lines down to `template:`. */
const TEMPLATE_HEADS: Record<string, string> = {
  ReplicaSet: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: w\nspec:\n  template:\n',
  StatefulSet: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template:\n',
  DaemonSet: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: w\nspec:\n  template:\n',
  Job: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n',
  ReplicationController: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: w\nspec:\n  template:\n',
  CronJob: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  jobTemplate:\n    spec:\n      template:\n',
  PodTemplate: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n',
};

/** hostPID in the pod spec of each controller kind: found on its pair, removed by the fix. */
function everyKind(): InvalidCase[] {
  return Object.entries(TEMPLATE_HEADS).map(([kind, head]) => {
    const indent = ' '.repeat(head.trimEnd().split('\n').pop()!.indexOf('template') + 2);
    const body = (pid: string) => `${head}${indent}spec:\n${pid}${indent}  containers:\n${indent}  - name: a\n`;
    const line = head.split('\n').length + 1;
    const column = indent.length + 3;
    return {
      name: `hostPID in a ${kind}`,
      code: body(`${indent}  hostPID: true\n`),
      errors: [{ messageId: 'hostPID', line, column, endLine: line, endColumn: column + 13, severity: 'error', preferred: 'remove', fixes: { remove: body('') } }],
    };
  });
}

ruleTester(rule, {
  valid: [
    { name: 'host namespaces false, in every spelling', code: pod('  hostNetwork: false\n  hostPID: no\n  hostIPC: off\n') },
    { name: 'quoted "true" is a string, not a boolean', code: pod('  hostNetwork: "true"\n  hostPID: \'yes\'\n') },
    { name: 'ports without hostPort', code: pod('  dnsPolicy: ClusterFirst\n').replace('image: upf:1.0', 'ports:\n    - containerPort: 8080') },
    { name: 'hostPort 0 or empty asks for no host port', code: pod('').replace('image: upf:1.0', 'ports: [{containerPort: 1, hostPort: 0}, {containerPort: 2, hostPort: }]') },
    { name: 'unknown kind', code: 'apiVersion: x/v1\nkind: Widget\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    ports: [{hostPort: 1}]\n' },
    { name: 'hostNetwork outside the pod spec', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n  template:\n    spec:\n      containers: []\n' },
    { name: 'a document that does not parse is not checked', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\nspec:\n  hostPID: true\n' },
  ],
  invalid: [
    {
      name: 'hostNetwork on a Pod: remove, or Multus with dnsPolicy and a new annotations map',
      code: pod('  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet # for host DNS\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 20,
          severity: 'error',
          preferred: 'remove',
          fixes: {
            remove: pod('  dnsPolicy: ClusterFirstWithHostNet # for host DNS\n'),
            useMultus: pod('  dnsPolicy: ClusterFirst # for host DNS\n', `metadata:\n  name: upf # the user plane\n  annotations:\n    ${NETWORKS}\n`),
          },
        },
      ],
    },
    {
      name: 'YAML 1.1 booleans: one finding per field',
      code: pod('  hostNetwork: yes\n  hostPID: on\n  hostIPC: True\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
          fixes: {
            remove: pod('  hostPID: on\n  hostIPC: True\n'),
            useMultus: pod('  hostPID: on\n  hostIPC: True\n', `metadata:\n  name: upf # the user plane\n  annotations:\n    ${NETWORKS}\n`),
          },
        },
        { messageId: 'hostPID', line: 7, column: 3, endLine: 7, endColumn: 14, fixes: { remove: pod('  hostNetwork: yes\n  hostIPC: True\n') } },
        { messageId: 'hostIPC', line: 8, column: 3, endLine: 8, endColumn: 16, fixes: { remove: pod('  hostNetwork: yes\n  hostPID: on\n') } },
      ],
    },
    {
      name: 'Deployment: Multus annotation appended to the template annotations',
      code: deployment('      hostNetwork: true\n', '    metadata:\n      annotations:\n        team: core # owner\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 24,
          fixes: {
            remove: deployment('', '    metadata:\n      annotations:\n        team: core # owner\n'),
            useMultus: deployment('', `    metadata:\n      annotations:\n        team: core # owner\n        ${NETWORKS}\n`),
          },
        },
      ],
    },
    {
      name: 'Deployment: annotations created in the template metadata',
      code: deployment('      dnsPolicy: ClusterFirstWithHostNet\n      hostNetwork: true\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 24,
          fixes: {
            remove: deployment('      dnsPolicy: ClusterFirstWithHostNet\n'),
            useMultus: deployment('      dnsPolicy: ClusterFirst\n', `    metadata:\n      labels:\n        app: upf\n      annotations:\n        ${NETWORKS}\n`),
          },
        },
      ],
    },
    {
      name: 'Deployment without template metadata: metadata created in the template',
      code: deployment('      hostNetwork: true\n', ''),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 24,
          fixes: {
            remove: deployment('', ''),
            useMultus: deployment('', '') + `    metadata:\n      annotations:\n        ${NETWORKS}\n`,
          },
        },
      ],
    },
    {
      name: 'PodTemplate with an empty metadata: filled',
      code: 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata:\n  spec:\n    hostNetwork: on\n    containers: []\n',
      errors: [
        {
          messageId: 'hostNetwork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 20,
          fixes: {
            remove: 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata:\n  spec:\n    containers: []\n',
            useMultus: `apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata:\n    annotations:\n      ${NETWORKS}\n  spec:\n    containers: []\n`,
          },
        },
      ],
    },
    {
      name: 'networks annotation already there: the Multus fix does not add another',
      code: pod('  hostNetwork: true\n', 'metadata:\n  name: upf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: sriov-net\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 20,
          fixes: {
            remove: pod('', 'metadata:\n  name: upf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: sriov-net\n'),
            useMultus: pod('', 'metadata:\n  name: upf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: sriov-net\n'),
          },
        },
      ],
    },
    {
      name: 'flow style pod spec and metadata',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet, hostIPC: true}\n',
      errors: [
        {
          messageId: 'hostNetwork',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 25,
          fixes: {
            remove: 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {dnsPolicy: ClusterFirstWithHostNet, hostIPC: true}\n',
            useMultus: `apiVersion: v1\nkind: Pod\nmetadata: {name: x, annotations: {${NETWORKS}}}\nspec: {dnsPolicy: ClusterFirst, hostIPC: true}\n`,
          },
        },
        {
          messageId: 'hostIPC',
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 76,
          fixes: { remove: 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet}\n' },
        },
      ],
    },
    {
      name: 'CRLF line endings are kept',
      code: pod('  hostNetwork: true\n').replace(/\n/g, '\r\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 20,
          fixes: {
            remove: pod('').replace(/\n/g, '\r\n'),
            useMultus: pod('', `metadata:\n  name: upf # the user plane\n  annotations:\n    ${NETWORKS}\n`).replace(/\n/g, '\r\n'),
          },
        },
      ],
    },
    {
      name: 'a trailing comment on the field: no fix, it would be lost',
      code: pod('  hostPID: true # debug only\n'),
      errors: [{ messageId: 'hostPID', line: 6, column: 3, endLine: 6, endColumn: 16, fixes: {} }],
    },
    ...everyKind(),
    {
      name: 'hostPort in every container list, block and flow',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n  initContainers:\n  - name: init\n    ports:\n    - containerPort: 80 # web\n      hostPort: 8080\n' +
        '  ephemeralContainers:\n  - name: dbg\n    ports:\n    - hostPort: 81\n      containerPort: 81\n  containers:\n  - name: upf\n    ports: [{containerPort: 70, hostPort: 7070, protocol: UDP}]\n',
      errors: [
        {
          messageId: 'hostPort',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 21,
          severity: 'warning',
          preferred: 'removeHostPort',
          fixes: {
            removeHostPort:
              'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n  initContainers:\n  - name: init\n    ports:\n    - containerPort: 80 # web\n' +
              '  ephemeralContainers:\n  - name: dbg\n    ports:\n    - hostPort: 81\n      containerPort: 81\n  containers:\n  - name: upf\n    ports: [{containerPort: 70, hostPort: 7070, protocol: UDP}]\n',
          },
        },
        {
          messageId: 'hostPort',
          line: 14,
          column: 7,
          endLine: 14,
          endColumn: 19,
          severity: 'warning',
          fixes: {
            removeHostPort:
              'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n  initContainers:\n  - name: init\n    ports:\n    - containerPort: 80 # web\n      hostPort: 8080\n' +
              '  ephemeralContainers:\n  - name: dbg\n    ports:\n    - containerPort: 81\n  containers:\n  - name: upf\n    ports: [{containerPort: 70, hostPort: 7070, protocol: UDP}]\n',
          },
        },
        {
          messageId: 'hostPort',
          line: 18,
          column: 33,
          endLine: 18,
          endColumn: 47,
          severity: 'warning',
          fixes: {
            removeHostPort:
              'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n  initContainers:\n  - name: init\n    ports:\n    - containerPort: 80 # web\n      hostPort: 8080\n' +
              '  ephemeralContainers:\n  - name: dbg\n    ports:\n    - hostPort: 81\n      containerPort: 81\n  containers:\n  - name: upf\n    ports: [{containerPort: 70, protocol: UDP}]\n',
          },
        },
      ],
    },
    {
      name: 'an anchored value that an alias uses is not removed; the alias is',
      code: pod('  hostNetwork: &t true\n  hostPID: *t\n'),
      errors: [
        { messageId: 'hostNetwork', line: 6, column: 3, endLine: 6, endColumn: 23, fixes: {} },
        { messageId: 'hostPID', line: 7, column: 3, endLine: 7, endColumn: 14, fixes: { remove: pod('  hostNetwork: &t true\n') } },
      ],
    },
    {
      name: 'a pod spec shared through an alias: one finding on its text, no fix',
      code:
        'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: a}\n  spec:\n    template:\n      spec: &pod\n        hostIPC: true\n        containers:\n        - name: a\n          ports: [{containerPort: 1, hostPort: 2}]\n' +
        '- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: b}\n  spec:\n    template:\n      spec: *pod\n',
      errors: [
        { messageId: 'hostIPC', line: 10, column: 9, endLine: 10, endColumn: 22, fixes: {} },
        { messageId: 'hostPort', line: 13, column: 38, endLine: 13, endColumn: 49, fixes: {} },
      ],
    },
    {
      name: 'a field that comes from a merge key: found on the base, no fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: merged\nspec:\n  <<: {hostPID: true}\n  containers: []\n',
      errors: [{ messageId: 'hostPID', line: 6, column: 8, endLine: 6, endColumn: 21, fixes: {} }],
    },
  ],
});

it('host-namespace-sharing: a document with a parse error does not stop the others', () => {
  const code = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\nspec:\n  hostPID: true\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n';
  const found = lintWith(rule, code).map((f) => ({ messageId: f.messageId, ...spanOf(code, f) }));
  assert.deepEqual(found, [{ messageId: 'hostIPC', line: 10, column: 3, endLine: 10, endColumn: 16 }]);
});
