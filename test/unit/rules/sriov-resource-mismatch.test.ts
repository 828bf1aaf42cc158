// RuleTester cases of sriov-resource-mismatch: attachments, device requests and SR-IOV NADs that do not match.
import { rule } from '../../../server/src/rules/sriov-resource-mismatch';
import { ruleTester } from '../rule-tester';
import { OPERATOR_WORKSPACE, SRIOV_WORKSPACE } from './sriov-fixtures';

const WORKSPACE = SRIOV_WORKSPACE;

const NO_REQUEST = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-sriov, n3-sriov@n3b
spec:
  containers:
  - name: upf
    image: registry.example.com/upf:1.0
`;
const TOO_FEW = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-sriov, n3-sriov@n3b
spec:
  containers:
  - name: upf
    resources:
      requests:
        intel.com/n3: "1"
      limits:
        intel.com/n3: "1"
        intel.com/n6: 1
`;
const SMF = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: smf
  namespace: cnf
spec:
  template:
    spec:
      containers:
      - name: smf
        resources:
          requests: {intel.com/n6: 500m, nvidia.com/gpu: 1}
          limits: {intel.com/n6: 1, nvidia.com/gpu: 2}
      initContainers:
      - name: init
        resources:
          requests:
            example.com/fpga: 1
`;
const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n9-sriov
  namespace: cnf
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n9-sriov",
      "type": "sriov",
      "vlan": 9
    }
`;

/** A pod that attaches operator networks (fh-net, ul-net: bare resources fh_vfs, ul_vfs) and requests `devices`. */
const du = (networks: string, devices: string) => `apiVersion: v1
kind: Pod
metadata:
  name: du
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: ${networks}
spec:
  containers:
  - name: du
    resources:
      requests:
${devices}      limits:
${devices}`;

/** A pod that gets its devices through a DRA claim, and attaches an SR-IOV network with no device-plugin request. */
const CLAIMS = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-sriov, n3-sriov@n3b
spec:
  resourceClaims:
  - name: vfs
    resourceClaimTemplateName: n3-vfs
  containers:
  - name: upf
    resources:
      claims:
      - name: vfs
`;

ruleTester(rule, {
  valid: [
    {
      name: "a SriovNetwork's resource not requested: the SR-IOV Network Operator's resources injector adds the request",
      code: du('fh-net', '        cpu: 1\n'),
      workspace: OPERATOR_WORKSPACE,
    },
    {
      name: 'two attachments of a resource and two devices requested, equal and whole',
      code: TOO_FEW.replace(/"1"/g, '"2"').replace('        intel.com/n6: 1\n', ''),
      workspace: WORKSPACE,
    },
    { name: 'the Network Resources Injector adds the requests', code: NO_REQUEST, workspace: WORKSPACE, settings: { networkResourcesInjector: true } },
    { name: 'a network without a resourceName needs no device', code: NO_REQUEST.replace(/n3-sriov/g, 'macvlan-net'), workspace: WORKSPACE },
    { name: 'an SR-IOV NAD with a deviceID', code: NAD.replace('"vlan": 9', '"deviceID": "0000:03:02.3"') },
    {
      name: 'a device next to a network whose NAD is not in the workspace: that network may be the device\'s',
      code: TOO_FEW.replace(/"1"/g, '"2"').replace('n3-sriov, n3-sriov@n3b', 'n3-sriov, n3-sriov@n3b, n6-vendor'),
      workspace: WORKSPACE,
    },
    {
      name: "an operator network's bare resource requested under the cluster's prefix",
      code: du('fh-net, fh-net@fh2', '        nvidia.com/fh_vfs: 2\n'),
      workspace: OPERATOR_WORKSPACE,
    },
    { name: 'a DRA claim may hold the devices: no "requests no device", no "too few"', code: CLAIMS, workspace: WORKSPACE },
    { name: 'a pod-level DRA claim alone', code: CLAIMS.replace('    resources:\n      claims:\n      - name: vfs\n', ''), workspace: WORKSPACE },
    { name: 'a container DRA claim alone', code: CLAIMS.replace('  resourceClaims:\n  - name: vfs\n    resourceClaimTemplateName: n3-vfs\n', ''), workspace: WORKSPACE },
  ],
  invalid: [
    {
      name: "an operator network's resource not requested, and the pod shows no prefix: no prefix is guessed, no fix",
      code: du('default/hostdev-net', '        cpu: 1\n'),
      workspace: OPERATOR_WORKSPACE,
      errors: [{ messageId: 'notRequested', line: 7, column: 42, endLine: 7, endColumn: 53 }],
    },
    {
      name: "an operator network's resource not requested: the fix takes the prefix of the pod's request for another operator network",
      code: du('fh-net, default/hostdev-net', '        nvidia.com/fh_vfs: 1\n'),
      workspace: OPERATOR_WORKSPACE,
      errors: [
        {
          messageId: 'notRequested',
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 61,
          preferred: 'setResource',
          fixes: { setResource: du('fh-net, default/hostdev-net', '        nvidia.com/fh_vfs: 1\n        nvidia.com/hostdev: 1\n') },
        },
      ],
    },
    {
      name: "an operator network's resource not requested: else the prefix of a network VF the pod requests",
      code: du('default/hostdev-net', '        intel.com/intel_sriov_netdevice: 1\n'),
      workspace: OPERATOR_WORKSPACE,
      errors: [
        {
          messageId: 'notRequested',
          line: 7,
          column: 42,
          endLine: 7,
          endColumn: 53,
          preferred: 'setResource',
          fixes: { setResource: du('default/hostdev-net', '        intel.com/intel_sriov_netdevice: 1\n        intel.com/hostdev: 1\n') },
        },
      ],
    },
    {
      name: "an operator network's resource requested under the cluster's prefix, its network not attached: the fix attaches it",
      code: du('ul-net', '        openshift.io/ul_vfs: 1\n        openshift.io/fh_vfs: 1\n'),
      workspace: OPERATOR_WORKSPACE,
      errors: [
        {
          messageId: 'noAttachment',
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 28,
          preferred: 'addNetwork',
          fixes: { addNetwork: du('ul-net, fh-net', '        openshift.io/ul_vfs: 1\n        openshift.io/fh_vfs: 1\n') },
        },
      ],
    },
    {
      name: "two attachments of an operator network, one device under the cluster's prefix: the fix keeps that prefix",
      code: du('fh-net, fh-net@fh2', '        nvidia.com/fh_vfs: 1\n'),
      workspace: OPERATOR_WORKSPACE,
      errors: [
        {
          messageId: 'tooFewDevices',
          line: 15,
          column: 28,
          endLine: 15,
          endColumn: 29,
          preferred: 'setResource',
          fixes: { setResource: du('fh-net, fh-net@fh2', '        nvidia.com/fh_vfs: 2\n') },
        },
      ],
    },
    {
      name: 'two attachments, no device requested: one finding per attachment, the fix requests both',
      code: NO_REQUEST,
      workspace: WORKSPACE,
      errors: [
        { messageId: 'notRequested', line: 7, column: 34, endLine: 7, endColumn: 42, severity: 'warning', preferred: 'setResource', fixes: { setResource: `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-sriov, n3-sriov@n3b
spec:
  containers:
  - name: upf
    image: registry.example.com/upf:1.0
    resources:
      requests:
        intel.com/n3: 2
      limits:
        intel.com/n3: 2
` } },
        { messageId: 'notRequested', line: 7, column: 44, endLine: 7, endColumn: 52, preferred: 'setResource', fixes: { setResource: `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-sriov, n3-sriov@n3b
spec:
  containers:
  - name: upf
    image: registry.example.com/upf:1.0
    resources:
      requests:
        intel.com/n3: 2
      limits:
        intel.com/n3: 2
` } },
      ],
    },
    {
      name: 'two attachments and one device (quotes kept); a device of another NAD requested but not attached',
      code: TOO_FEW,
      workspace: WORKSPACE,
      errors: [
        {
          messageId: 'tooFewDevices',
          line: 15,
          column: 23,
          endLine: 15,
          endColumn: 26,
          preferred: 'setResource',
          fixes: { setResource: TOO_FEW.replace(/"1"/g, '"2"') },
        },
        {
          messageId: 'noAttachment',
          line: 16,
          column: 9,
          endLine: 16,
          endColumn: 21,
          preferred: 'addNetwork',
          fixes: { addNetwork: TOO_FEW.replace('n3-sriov, n3-sriov@n3b', 'n3-sriov, n3-sriov@n3b, n6-sriov') },
        },
      ],
    },
    {
      name: 'the API server checks of extended resources: not whole, request != limit, no limit (a pod without networks: the device is left to single-interface-assumption)',
      code: SMF,
      workspace: WORKSPACE,
      errors: [
        {
          messageId: 'notInteger',
          line: 12,
          column: 36,
          endLine: 12,
          endColumn: 40,
          severity: 'error',
          preferred: 'setResource',
          fixes: { setResource: SMF.replace('intel.com/n6: 500m', 'intel.com/n6: 1') },
        },
        {
          messageId: 'requestNotLimit',
          line: 12,
          column: 58,
          endLine: 12,
          endColumn: 59,
          severity: 'error',
          preferred: 'setResource',
          fixes: { setResource: SMF.replace('nvidia.com/gpu: 1}', 'nvidia.com/gpu: 2}') },
        },
        {
          messageId: 'noLimit',
          line: 18,
          column: 13,
          endLine: 18,
          endColumn: 29,
          severity: 'error',
          preferred: 'setResource',
          fixes: { setResource: SMF + '          limits:\n            example.com/fpga: 1\n' },
        },
      ],
    },
    {
      name: 'an SR-IOV NAD without resourceName nor deviceID: underlined at its type inside the config',
      code: NAD,
      errors: [
        {
          messageId: 'nadWithoutResource',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 22,
          severity: 'error',
          fixes: { addResourceName: NAD.replace('  namespace: cnf\n', '  namespace: cnf\n  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/intel_sriov_netdevice\n') },
        },
      ],
    },
  ],
});
