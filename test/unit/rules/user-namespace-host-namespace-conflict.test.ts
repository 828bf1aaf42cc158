// Cases for user-namespace-host-namespace-conflict.
import { rule } from '../../../server/src/rules/user-namespace-host-namespace-conflict';
import { InvalidCase, ruleTester } from '../rule-tester';
import { CONTAINER, crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: hostUsers false with hostNetwork true`,
  code: workload(k, 'hostUsers: false\nhostNetwork: true\n' + CONTAINER),
  errors: [
    {
      messageId: 'hostNamespace',
      line: k.specLine + 2,
      column: k.indent + 1,
      endLine: k.specLine + 2,
      endColumn: k.indent + 18,
      severity: 'error',
      preferred: 'removeHostNamespace',
      fixes: {
        removeHostNamespace: workload(k, 'hostUsers: false\n' + CONTAINER),
        removeHostUsers: workload(k, 'hostNetwork: true\n' + CONTAINER),
      },
    },
  ],
}));

/** A Pod whose one container `upf` has the given securityContext (flow map). */
const withSc = (before: string, sc: string) => pod(before + CONTAINER + `  securityContext: ${sc}\n`);

const flow = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: ${spec}\n`;

const list = (a: string, b: string) => `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
  spec:
${a}- apiVersion: v1
  kind: Pod
  metadata: {name: b}
  spec:
${b}`;

const sharedSpec = list('    &podspec\n    hostUsers: false\n    hostPID: true\n    containers: [{name: a, image: a}]\n', '    *podspec\n');
const sharedSc = list(
  '    containers:\n    - name: a\n      securityContext: &sc {procMount: Unmasked}\n',
  '    containers:\n    - name: b\n      securityContext: *sc\n',
);

ruleTester(rule, {
  valid: [
    { name: 'hostUsers false alone', code: pod('hostUsers: false\n' + CONTAINER) },
    { name: 'hostNetwork without hostUsers (host-namespace-sharing reports it)', code: pod('hostNetwork: true\n' + CONTAINER) },
    { name: 'hostUsers true with hostPID', code: pod('hostUsers: true\nhostPID: true\n' + CONTAINER) },
    { name: 'quoted "true" host namespace is a string', code: pod('hostUsers: false\nhostIPC: "true"\n' + CONTAINER) },
    { name: 'quoted "false" hostUsers is a string', code: pod('hostUsers: "false"\nhostIPC: true\n' + CONTAINER) },
    { name: 'host namespaces false', code: pod('hostUsers: false\nhostNetwork: false\nhostPID: no\nhostIPC: off\n' + CONTAINER) },
    { name: 'procMount Unmasked with hostUsers: no', code: withSc('hostUsers: no\n', '{procMount: Unmasked}') },
    { name: 'procMount Default', code: withSc('', '{procMount: Default}') },
    { name: 'flow style without conflict', code: flow('{hostUsers: false, containers: [{name: a, image: a, securityContext: {procMount: Unmasked}}]}') },
    { name: 'document with a parse error', code: pod('hostUsers: false\nhostNetwork: true\n' + CONTAINER + 'bad: [\n') },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'every host namespace, YAML 1.1 booleans, comment lines kept',
      code: pod('# isolation\nhostUsers: false\nhostNetwork: yes\n# legacy\nhostPID: on\nhostIPC: True\n' + CONTAINER),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 19,
          fixes: {
            removeHostNamespace: pod('# isolation\nhostUsers: false\n# legacy\nhostPID: on\nhostIPC: True\n' + CONTAINER),
            removeHostUsers: pod('# isolation\nhostNetwork: yes\n# legacy\nhostPID: on\nhostIPC: True\n' + CONTAINER),
          },
          preferred: 'removeHostNamespace',
        },
        {
          messageId: 'hostNamespace',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 14,
          fixes: {
            removeHostNamespace: pod('# isolation\nhostUsers: false\nhostNetwork: yes\n# legacy\nhostIPC: True\n' + CONTAINER),
            removeHostUsers: pod('# isolation\nhostNetwork: yes\n# legacy\nhostPID: on\nhostIPC: True\n' + CONTAINER),
          },
          preferred: 'removeHostNamespace',
        },
        {
          messageId: 'hostNamespace',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 16,
          fixes: {
            removeHostNamespace: pod('# isolation\nhostUsers: false\nhostNetwork: yes\n# legacy\nhostPID: on\n' + CONTAINER),
            removeHostUsers: pod('# isolation\nhostNetwork: yes\n# legacy\nhostPID: on\nhostIPC: True\n' + CONTAINER),
          },
          preferred: 'removeHostNamespace',
        },
      ],
    },
    {
      name: 'a trailing comment on the host-namespace line: that removal is not offered',
      code: pod('hostUsers: false\nhostPID: true # debug only\n' + CONTAINER),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 16,
          fixes: { removeHostUsers: pod('hostPID: true # debug only\n' + CONTAINER) },
        },
      ],
    },
    {
      name: 'flow style: one finding per field',
      code: flow('{hostUsers: false, hostNetwork: true, hostIPC: yes, containers: [{name: a, image: a}]}'),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 43,
          preferred: 'removeHostNamespace',
          fixes: {
            removeHostNamespace: flow('{hostUsers: false, hostIPC: yes, containers: [{name: a, image: a}]}'),
            removeHostUsers: flow('{hostNetwork: true, hostIPC: yes, containers: [{name: a, image: a}]}'),
          },
        },
        {
          messageId: 'hostNamespace',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 57,
          preferred: 'removeHostNamespace',
          fixes: {
            removeHostNamespace: flow('{hostUsers: false, hostNetwork: true, containers: [{name: a, image: a}]}'),
            removeHostUsers: flow('{hostNetwork: true, hostIPC: yes, containers: [{name: a, image: a}]}'),
          },
        },
      ],
    },
    {
      name: 'flow style: the last pair is removed with its comma',
      code: flow('{containers: [{name: a, image: a}], hostNetwork: true, hostUsers: false}'),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 60,
          preferred: 'removeHostNamespace',
          fixes: {
            removeHostNamespace: flow('{containers: [{name: a, image: a}], hostUsers: false}'),
            removeHostUsers: flow('{containers: [{name: a, image: a}], hostNetwork: true}'),
          },
        },
      ],
    },
    {
      name: 'CRLF file keeps CRLF',
      code: crlf(pod('hostUsers: false # userns\nhostNetwork: true\n' + CONTAINER)),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 20,
          preferred: 'removeHostNamespace',
          // removeHostUsers is not offered: its line carries a comment.
          fixes: { removeHostNamespace: crlf(pod('hostUsers: false # userns\n' + CONTAINER)) },
        },
      ],
    },
    {
      name: 'an anchored value that an alias shares: its pair is not removed',
      code: pod('hostUsers: false\nhostNetwork: &on true\nhostPID: *on\n' + CONTAINER),
      errors: [
        {
          messageId: 'hostNamespace',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 24,
          fixes: { removeHostUsers: pod('hostNetwork: &on true\nhostPID: *on\n' + CONTAINER) },
        },
        {
          messageId: 'hostNamespace',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 15,
          preferred: 'removeHostNamespace',
          fixes: {
            removeHostNamespace: pod('hostUsers: false\nhostNetwork: &on true\n' + CONTAINER),
            removeHostUsers: pod('hostNetwork: &on true\nhostPID: *on\n' + CONTAINER),
          },
        },
      ],
    },
    {
      name: 'procMount Unmasked without hostUsers: set Default, or run in a user namespace',
      code: withSc('', '{procMount: Unmasked}'),
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 9,
          column: 23,
          endLine: 9,
          endColumn: 42,
          severity: 'error',
          preferred: 'setProcMountDefault',
          fixes: {
            setProcMountDefault: withSc('', '{procMount: Default}'),
            setHostUsersFalse: withSc('', '{procMount: Unmasked}') + '  hostUsers: false\n',
          },
        },
      ],
    },
    {
      name: 'procMount Unmasked with hostUsers: true (quoted value keeps its quotes)',
      code: withSc('hostUsers: true\n', "{procMount: 'Unmasked'}"),
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 10,
          column: 23,
          endLine: 10,
          endColumn: 44,
          preferred: 'setProcMountDefault',
          fixes: {
            setProcMountDefault: withSc('hostUsers: true\n', "{procMount: 'Default'}"),
            setHostUsersFalse: withSc('hostUsers: false\n', "{procMount: 'Unmasked'}"),
          },
        },
      ],
    },
    {
      name: 'procMount Unmasked in a pod with hostNetwork: only procMount Default',
      code: withSc('hostNetwork: true\n', '{procMount: Unmasked}'),
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 10,
          column: 23,
          endLine: 10,
          endColumn: 42,
          preferred: 'setProcMountDefault',
          fixes: { setProcMountDefault: withSc('hostNetwork: true\n', '{procMount: Default}') },
        },
      ],
    },
    {
      name: 'procMount Unmasked in init and ephemeral containers (block style, comment kept)',
      code: pod(
        'initContainers:\n- name: init\n  securityContext:\n    procMount: Unmasked # nested runtime\n' +
          CONTAINER +
          'ephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: Unmasked\n',
      ),
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 26,
          preferred: 'setProcMountDefault',
          fixes: {
            setProcMountDefault: pod(
              'initContainers:\n- name: init\n  securityContext:\n    procMount: Default # nested runtime\n' +
                CONTAINER +
                'ephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: Unmasked\n',
            ),
            setHostUsersFalse: pod(
              'initContainers:\n- name: init\n  securityContext:\n    procMount: Unmasked # nested runtime\n' +
                CONTAINER +
                'ephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: Unmasked\nhostUsers: false\n',
            ),
          },
        },
        {
          messageId: 'unmaskedProcMount',
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 26,
          preferred: 'setProcMountDefault',
          fixes: {
            setProcMountDefault: pod(
              'initContainers:\n- name: init\n  securityContext:\n    procMount: Unmasked # nested runtime\n' +
                CONTAINER +
                'ephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: Default\n',
            ),
            setHostUsersFalse: pod(
              'initContainers:\n- name: init\n  securityContext:\n    procMount: Unmasked # nested runtime\n' +
                CONTAINER +
                'ephemeralContainers:\n- name: debug\n  securityContext:\n    procMount: Unmasked\nhostUsers: false\n',
            ),
          },
        },
      ],
    },
    {
      name: 'a securityContext shared through an alias: one finding, procMount not edited',
      code: pod('containers:\n- name: a\n  securityContext: &sc\n    procMount: Unmasked\n- name: b\n  securityContext: *sc\n'),
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 26,
          fixes: { setHostUsersFalse: pod('containers:\n- name: a\n  securityContext: &sc\n    procMount: Unmasked\n- name: b\n  securityContext: *sc\nhostUsers: false\n') },
        },
      ],
    },
    {
      name: 'a pod spec aliased by two objects: one finding, nothing removable',
      code: sharedSpec,
      errors: [{ messageId: 'hostNamespace', line: 10, column: 5, endLine: 10, endColumn: 18, fixes: {} }],
    },
    {
      name: 'a securityContext shared by two pod specs: one finding per pod spec, each fixing its own pod',
      code: sharedSc,
      errors: [
        {
          messageId: 'unmaskedProcMount',
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 48,
          fixes: {
            setHostUsersFalse: list(
              '    containers:\n    - name: a\n      securityContext: &sc {procMount: Unmasked}\n    hostUsers: false\n',
              '    containers:\n    - name: b\n      securityContext: *sc\n',
            ),
          },
        },
        {
          messageId: 'unmaskedProcMount',
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 48,
          fixes: {
            setHostUsersFalse: list(
              '    containers:\n    - name: a\n      securityContext: &sc {procMount: Unmasked}\n',
              '    containers:\n    - name: b\n      securityContext: *sc\n    hostUsers: false\n',
            ),
          },
        },
      ],
    },
  ],
});
