// Cases for user-namespace-volume-incompatible.
import { rule } from '../../../server/src/rules/user-namespace-volume-incompatible';
import { ExpectedFinding, InvalidCase, ruleTester } from '../rule-tester';
import { crlf, pod, workload, WORKLOAD_KINDS } from './userns-fixtures';

const BLOCK_BODY =
  'containers:\n- name: upf\n  image: upf:1.0\n  volumeDevices:\n  - name: raw\n    devicePath: /dev/xvda\nvolumes:\n- name: raw\n  persistentVolumeClaim: {claimName: raw}\n';

const everyKind: InvalidCase[] = WORKLOAD_KINDS.map((k) => ({
  name: `${k.kind}: a claim used only as a block device draws the error alone`,
  code: workload(k, 'hostUsers: false\n' + BLOCK_BODY),
  errors: [
    {
      messageId: 'blockDevice',
      line: k.specLine + 6,
      column: k.indent + 5,
      endLine: k.specLine + 6,
      endColumn: k.indent + 14,
      severity: 'error',
      fixes: { removeHostUsers: workload(k, BLOCK_BODY) },
    },
  ],
}));

const MOUNTS = `containers:
- name: upf
  image: upf:1.0
  volumeMounts:
  - {name: shared, mountPath: /shared}
  - {name: hp, mountPath: /dev/hugepages}
  - {name: hp1g, mountPath: /dev/hugepages-1Gi}
  - {name: data, mountPath: /data}
  - {name: scratch, mountPath: /scratch}
  - {name: secrets, mountPath: /secrets}
  - {name: cache, mountPath: /cache}
  - {name: config, mountPath: /config}
volumes:
- name: shared
  nfs: {server: nfs.example.com, path: /exports}
- name: hp
  emptyDir: {medium: HugePages}
- name: hp1g
  emptyDir:
    medium: HugePages-1Gi
- name: data
  persistentVolumeClaim: {claimName: data}
- name: scratch
  ephemeral:
    volumeClaimTemplate:
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
- name: secrets
  csi: {driver: secrets-store.csi.k8s.io, readOnly: true}
- name: cache
  emptyDir: {medium: Memory}
- name: config
  configMap: {name: config}
- name: unused
  persistentVolumeClaim: {claimName: unused}
`;

/** A finding on a Pod's volume `name` pair (column 5), whose one fix removes `hostUsers: false`. */
const onVolume = (messageId: string, severity: 'warning' | 'info', line: number, name: string, output: string): ExpectedFinding => ({
  messageId,
  line,
  column: 5,
  endLine: line,
  endColumn: 11 + name.length,
  severity,
  fixes: { removeHostUsers: output },
});

const NFS_BODY = 'containers:\n- name: upf\n  volumeMounts: [{name: shared, mountPath: /shared}]\nvolumes:\n- name: shared\n  nfs: {server: nfs, path: /}\n';

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
const A = '    containers: [{name: a, volumeMounts: [{name: shared, mountPath: /s}]}]\n    volumes: &vols\n    - name: shared\n      nfs: {server: nfs, path: /}\n';
const B = '    containers: [{name: b, volumeMounts: [{name: shared, mountPath: /s}]}]\n    volumes: *vols\n';

ruleTester(rule, {
  valid: [
    { name: 'no hostUsers', code: pod(BLOCK_BODY + '- name: shared\n  nfs: {server: nfs, path: /}\n') },
    { name: 'hostUsers: true', code: pod('hostUsers: true\n' + BLOCK_BODY) },
    { name: 'quoted "false" is a string', code: pod('hostUsers: "false"\n' + BLOCK_BODY) },
    {
      name: 'volumes that idmap mounts support, and claims not mounted',
      code: pod(
        'hostUsers: false\ncontainers:\n- name: upf\n  volumeMounts: [{name: cache, mountPath: /c}, {name: config, mountPath: /cfg}]\nvolumes:\n- {name: cache, emptyDir: {medium: Memory}}\n- {name: config, configMap: {name: config}}\n- {name: unused, persistentVolumeClaim: {claimName: unused}}\n',
      ),
    },
    { name: 'document with a parse error', code: pod('hostUsers: false\n' + BLOCK_BODY + 'bad: [\n') },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'one finding per offending volume: NFS and HugePages warn, claims and CSI inform',
      code: pod('hostUsers: false\n' + MOUNTS),
      errors: [
        onVolume('nfs', 'warning', 20, 'shared', pod(MOUNTS)),
        onVolume('hugePages', 'warning', 22, 'hp', pod(MOUNTS)),
        onVolume('hugePages', 'warning', 24, 'hp1g', pod(MOUNTS)),
        onVolume('filesystem', 'info', 27, 'data', pod(MOUNTS)),
        onVolume('filesystem', 'info', 29, 'scratch', pod(MOUNTS)),
        onVolume('filesystem', 'info', 33, 'secrets', pod(MOUNTS)),
      ],
    },
    {
      name: 'block devices in init and ephemeral containers; a claim also mounted as a filesystem draws both',
      code: pod(
        'hostUsers: false\ninitContainers:\n- name: init\n  volumeDevices: [{name: data, devicePath: /dev/xvda}]\ncontainers:\n- name: upf\n  volumeMounts: [{name: data, mountPath: /data}]\nephemeralContainers:\n- name: debug\n  volumeDevices: [{name: data, devicePath: /dev/xvdb}]\nvolumes:\n- name: data\n  persistentVolumeClaim: {claimName: data}\n',
      ),
      errors: [
        {
          messageId: 'blockDevice',
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 32,
          severity: 'error',
          fixes: {
            removeHostUsers: pod(
              'initContainers:\n- name: init\n  volumeDevices: [{name: data, devicePath: /dev/xvda}]\ncontainers:\n- name: upf\n  volumeMounts: [{name: data, mountPath: /data}]\nephemeralContainers:\n- name: debug\n  volumeDevices: [{name: data, devicePath: /dev/xvdb}]\nvolumes:\n- name: data\n  persistentVolumeClaim: {claimName: data}\n',
            ),
          },
        },
        {
          messageId: 'blockDevice',
          line: 15,
          column: 22,
          endLine: 15,
          endColumn: 32,
          severity: 'error',
          fixes: {
            removeHostUsers: pod(
              'initContainers:\n- name: init\n  volumeDevices: [{name: data, devicePath: /dev/xvda}]\ncontainers:\n- name: upf\n  volumeMounts: [{name: data, mountPath: /data}]\nephemeralContainers:\n- name: debug\n  volumeDevices: [{name: data, devicePath: /dev/xvdb}]\nvolumes:\n- name: data\n  persistentVolumeClaim: {claimName: data}\n',
            ),
          },
        },
        onVolume(
          'filesystem',
          'info',
          17,
          'data',
          pod(
            'initContainers:\n- name: init\n  volumeDevices: [{name: data, devicePath: /dev/xvda}]\ncontainers:\n- name: upf\n  volumeMounts: [{name: data, mountPath: /data}]\nephemeralContainers:\n- name: debug\n  volumeDevices: [{name: data, devicePath: /dev/xvdb}]\nvolumes:\n- name: data\n  persistentVolumeClaim: {claimName: data}\n',
          ),
        ),
      ],
    },
    {
      name: 'CRLF file, YAML 1.1 hostUsers: off, comment line kept',
      code: crlf(pod('# user namespace\nhostUsers: off\n' + NFS_BODY)),
      errors: [{ ...onVolume('nfs', 'warning', 12, 'shared', crlf(pod('# user namespace\n' + NFS_BODY))) }],
    },
    {
      name: 'a trailing comment on the hostUsers line: no fix',
      code: pod('hostUsers: false # isolation\n' + NFS_BODY),
      errors: [{ ...onVolume('nfs', 'warning', 11, 'shared', ''), fixes: {} }],
    },
    {
      name: 'flow style',
      code: flow('{hostUsers: false, containers: [{name: a, image: a, volumeMounts: [{name: d, mountPath: /d}]}], volumes: [{name: d, nfs: {server: s, path: /}}]}'),
      errors: [
        {
          messageId: 'nfs',
          line: 4,
          column: 114,
          endLine: 4,
          endColumn: 121,
          severity: 'warning',
          fixes: { removeHostUsers: flow('{containers: [{name: a, image: a, volumeMounts: [{name: d, mountPath: /d}]}], volumes: [{name: d, nfs: {server: s, path: /}}]}') },
        },
      ],
    },
    {
      name: 'volumes shared by two pod specs through an alias: one finding per pod spec, each fixing its own pod',
      code: list('    hostUsers: false\n' + A, '    hostUsers: false\n' + B),
      errors: [
        { messageId: 'nfs', line: 11, column: 7, endLine: 11, endColumn: 19, fixes: { removeHostUsers: list(A, '    hostUsers: false\n' + B) } },
        { messageId: 'nfs', line: 11, column: 7, endLine: 11, endColumn: 19, fixes: { removeHostUsers: list('    hostUsers: false\n' + A, B) } },
      ],
    },
  ],
});
