// Cases for kubevirt-network-binding-invalid.
import { rule } from '../../../server/src/rules/kubevirt-network-binding-invalid';
import { InvalidCase, ruleTester } from '../rule-tester';
import { bodyLine, crlf, nad, vm, vmi, VM_KINDS } from './kubevirt-fixtures';

/** The NetworkAttachmentDefinitions the cases attach, appended as further documents (findings above keep their lines). */
const NADS = [nad('telco', 'data-net', 'bridge'), nad('default', 'ext-net', 'bridge'), nad('default', 'n1', 'bridge'), nad('default', 'n2', 'bridge'), nad('default', 'ovn-primary', 'ovn-k8s-cni-overlay'), nad('telco', 'sriov-net', 'sriov')].join('');
const ws = (code: string) => `${code}${NADS}`;
const vmw = (k: (typeof VM_KINDS)[number], b: string) => ws(vm(k, b));
const vmiw = (b: string) => ws(vmi(b));

/** A VMI spec body with a pod interface and one secondary interface (binding and network source given). */
const body = (binding: string, secondary = 'multus:\n    networkName: telco/data-net\n') => `domain:
  devices:
    interfaces:
    - name: default
      masquerade: {}
    - name: data
      ${binding}
networks:
- name: default
  pod: {}
- name: data
  ${secondary}`;

const GOOD = body('bridge: {}');

const everyKind: InvalidCase[] = VM_KINDS.map((k) => ({
  name: `${k.kind}: masquerade on a Multus network -> bridge`,
  code: vmw(k, body('masquerade: {} # copied from default')),
  errors: [
    {
      messageId: 'masqueradeNotPod',
      line: bodyLine(k, 7),
      column: k.indent + 7,
      endLine: bodyLine(k, 7),
      endColumn: k.indent + 21,
      severity: 'error',
      preferred: 'toBridge',
      fixes: { toBridge: vmw(k, body('bridge: {} # copied from default')) },
    },
  ],
}));

ruleTester(rule, {
  valid: [
    ...VM_KINDS.map((k) => ({ name: `${k.kind}: masquerade on pod, bridge on Multus`, code: vmw(k, GOOD) })),
    { name: 'sriov on an SR-IOV network', code: vmiw(body('sriov: {}', 'multus:\n    networkName: telco/sriov-net\n')) },
    { name: 'a binding plugin', code: vmiw(body('binding: {name: macvtap}')) },
    { name: 'no interfaces and no networks (KubeVirt adds the default pod interface)', code: vmiw('domain:\n  devices: {}\n') },
    { name: 'a Multus default network and no pod network', code: vmiw('domain:\n  devices:\n    interfaces: [{name: primary, bridge: {}}]\nnetworks:\n- name: primary\n  multus: {networkName: ovn-primary, default: true}\n') },
    { name: 'a name without namespace resolves in the VM namespace', code: vmiw(body('bridge: {}', 'multus:\n    networkName: data-net\n')).replace('  name: vrouter\n', '  name: vrouter\n  namespace: telco\n') },
    {
      name: 'an SR-IOV network rendered from a SriovNetwork into its networkNamespace',
      code: vmi(body('sriov: {}', 'multus:\n    networkName: telco/sriov-fh\n')) + '---\napiVersion: sriovnetwork.openshift.io/v1\nkind: SriovNetwork\nmetadata:\n  name: sriov-fh\n  namespace: openshift-sriov-network-operator\nspec:\n  networkNamespace: telco\n  resourceName: fh_vfs\n',
    },
    {
      name: 'a HostDeviceNetwork of the NVIDIA operator makes its NAD in default: the network resolves',
      code: vmi(body('bridge: {}', 'multus:\n    networkName: default/hostdev-net\n')) + '---\napiVersion: mellanox.com/v1alpha1\nkind: HostDeviceNetwork\nmetadata:\n  name: hostdev-net\nspec:\n  resourceName: hostdev\n',
    },
    { name: 'another API group', code: 'apiVersion: example.com/v1\nkind: VirtualMachine\nspec:\n  template:\n    spec:\n      networks: [{name: x, pod: {}}]\n' },
  ],
  invalid: [
    ...everyKind,
    {
      name: 'one interface and one network without partner: rename either to match',
      code: vmiw(body('bridge: {}').replace('- name: data\n  multus', '- name: data-net\n  multus')),
      errors: [
        {
          messageId: 'interfaceWithoutNetwork',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 19,
          preferred: 'renameInterface',
          fixes: { renameInterface: vmiw(body('bridge: {}').replace(/name: data\b/g, 'name: data-net')) },
        },
        {
          messageId: 'networkWithoutInterface',
          line: 16,
          column: 5,
          endLine: 16,
          endColumn: 19,
          fixes: { renameNetwork: vmiw(GOOD) },
        },
      ],
    },
    {
      name: 'two interfaces without a network: no guess',
      code: vmiw('domain:\n  devices:\n    interfaces:\n    - {name: a, bridge: {}}\n    - {bridge: {}}\nnetworks: []\n'),
      errors: [
        { messageId: 'interfaceWithoutNetwork', line: 9, column: 10, endLine: 9, endColumn: 17, fixes: {} },
        { messageId: 'interfaceWithoutNetwork', line: 10, column: 10, endLine: 10, endColumn: 20, fixes: {} },
      ],
    },
    {
      name: 'masquerade on a Multus network, flow style, CRLF',
      code: crlf(vmiw('domain: {devices: {interfaces: [{name: ext, masquerade: {}}]}}\nnetworks: [{name: ext, multus: {networkName: ext-net}}]\n')),
      errors: [
        {
          messageId: 'masqueradeNotPod',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 61,
          preferred: 'toBridge',
          fixes: { toBridge: crlf(vmiw('domain: {devices: {interfaces: [{name: ext, bridge: {}}]}}\nnetworks: [{name: ext, multus: {networkName: ext-net}}]\n')) },
        },
      ],
    },
    {
      name: 'slirp on the pod network -> masquerade',
      code: vmiw(body('bridge: {}').replace('masquerade: {}', 'slirp: {}')),
      errors: [
        { messageId: 'removedBinding', line: 10, column: 9, endLine: 10, endColumn: 18, preferred: 'toMasquerade', fixes: { toMasquerade: vmiw(GOOD) } },
      ],
    },
    {
      name: 'passt on the pod network -> masquerade or passtBinding',
      code: vmiw(body('bridge: {}').replace('masquerade: {}', 'passt: {}')),
      errors: [
        {
          messageId: 'removedBinding',
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 18,
          preferred: 'toMasquerade',
          fixes: { toMasquerade: vmiw(GOOD), toPasstBinding: vmiw(body('bridge: {}').replace('masquerade: {}', 'passtBinding: {}')) },
        },
      ],
    },
    {
      name: 'macvtap on a Multus network -> bridge; a non-empty value is not renamed',
      code: ws(vmi(body('macvtap: {}')) + '---\n' + vmi(body('macvtap:\n        mode: passthrough'))),
      errors: [
        { messageId: 'removedBinding', line: 12, column: 9, endLine: 12, endColumn: 20, preferred: 'toBridge', fixes: { toBridge: ws(vmi(GOOD) + '---\n' + vmi(body('macvtap:\n        mode: passthrough'))) } },
        { messageId: 'removedBinding', line: 31, column: 9, endLine: 32, endColumn: 28, fixes: {} },
      ],
    },
    {
      name: 'two pod networks, and a Multus default beside a pod network, and two Multus defaults',
      code: vmiw(`domain:
  devices:
    interfaces:
    - {name: a, masquerade: {}}
    - {name: b, masquerade: {}}
    - {name: c, bridge: {}}
    - {name: d, bridge: {}}
networks:
- {name: a, pod: {}}
- {name: b, pod: {}}
- name: c
  multus: {networkName: n1, default: true}
- name: d
  multus: {networkName: n2, default: true}
`),
      errors: [
        { messageId: 'secondPodNetwork', line: 15, column: 15, endLine: 15, endColumn: 22 },
        { messageId: 'podNetworkAndMultusDefault', line: 17, column: 31, endLine: 17, endColumn: 44 },
        { messageId: 'secondMultusDefault', line: 19, column: 31, endLine: 19, endColumn: 44 },
      ],
    },
    {
      name: 'an interface list shared through an alias: reported, not edited',
      code: ws(`apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: a}
  spec:
    domain:
      devices:
        interfaces: &ifaces
        - {name: ext, masquerade: {}}
    networks: [{name: ext, pod: {}}]
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: b}
  spec:
    domain: {devices: {interfaces: *ifaces}}
    networks: [{name: ext, multus: {networkName: ext-net}}]
`),
      errors: [{ messageId: 'masqueradeNotPod', line: 11, column: 23, endLine: 11, endColumn: 37, fixes: {} }],
    },
    {
      name: 'a NetworkAttachmentDefinition no file defines: a warning on networkName',
      code: vmiw(body('bridge: {}', 'multus:\n    networkName: missing-net\n')),
      errors: [{ messageId: 'nadUnresolved', line: 18, column: 7, endLine: 18, endColumn: 31, severity: 'warning' }],
    },
    {
      name: 'sriov binding on a bridge NetworkAttachmentDefinition: a warning',
      code: vmiw(body('sriov: {}')),
      errors: [{ messageId: 'sriovOnNonSriovNad', line: 12, column: 9, endLine: 12, endColumn: 18, severity: 'warning' }],
    },
    {
      name: 'bridge binding on the macvlan NAD of a MacvlanNetwork: a warning',
      code: vmi(body('bridge: {}', 'multus:\n    networkName: macvlan-net\n')) + '---\napiVersion: mellanox.com/v1alpha1\nkind: MacvlanNetwork\nmetadata:\n  name: macvlan-net\nspec:\n  master: ens2f0\n',
      errors: [{ messageId: 'bridgeOnMacvlanNad', line: 12, column: 9, endLine: 12, endColumn: 19, severity: 'warning' }],
    },
    {
      name: 'bridge binding on macvlan and ipvlan NetworkAttachmentDefinitions: warnings',
      code: ws(vmi(body('bridge: {}', 'multus:\n    networkName: mv\n')) + nad('default', 'mv', 'macvlan') + vmi(body('bridge: {}', 'multus: {networkName: default/iv}\n')).replace(/^/, '---\n') + nad('default', 'iv', 'ipvlan')),
      errors: [
        { messageId: 'bridgeOnMacvlanNad', line: 12, column: 9, endLine: 12, endColumn: 19, severity: 'warning' },
        { messageId: 'bridgeOnMacvlanNad', line: 39, column: 9, endLine: 39, endColumn: 19, severity: 'warning' },
      ],
    },
  ],
});
