// The end-to-end case table: one row per shipped rule, one row per snippet, read by the suite in the editor.
//
// A rule row names a fixture in test/e2e/fixtures/ and states:
// - `at`: the one diagnostic of the rule in that file, 1-based `line:column-line:column` (end exclusive),
//   as the CLI's JSON and the editor's status bar count;
// - `severity` and `messageId` (the message must be that template of the rule's metadata);
// - `fixes`: the titles of every quick-fix offered for it, in order ("Disable <id> for this line" excluded);
// - `apply` and `preferred`: the fix the test applies and whether it is the (one) preferred fix; a rule
//   whose fixes are all unsafe for fix-all has `preferred: false`;
// - `fixed`: the whole document after that fix, as edits to the fixture's lines: `N: 'text'` replaces
//   line N, `N: null` deletes it, `'N+': ['a', 'b']` inserts lines after line N. Every other line must
//   come out byte-identical.
// Adding an e2e case for a new rule is one fixture and one row here; a rule of the registry without a
// row fails the suite.

/** @type {Array<{rule: string, fixture: string, at: string, severity: 'error'|'warning'|'info', messageId: string, fixes: string[], apply: string, preferred: boolean, fixed: Record<string, string|null|string[]>}>} */
const rules = [
  {
    rule: 'exclusive-cpus-not-requested',
    fixture: 'exclusive-cpus-not-requested.yaml',
    at: '13:9-13:19',
    severity: 'warning',
    messageId: 'fractionalCpu',
    fixes: ['Round cpu up to 2 in requests and limits'],
    apply: 'Round cpu up to 2 in requests and limits',
    preferred: false,
    fixed: { 13: '        cpu: 2' },
  },
  {
    rule: 'helm-default-masks-false',
    fixture: 'upf-chart/templates/helm-default-masks-false.yaml',
    at: '7:16-7:64',
    severity: 'warning',
    messageId: 'masksFalse',
    fixes: ['Use the value when values set it: {{ if hasKey .Values.network "hostNetwork" }}…{{ else }}true{{ end }}', 'Drop the default (values.yaml sets network.hostNetwork: false)'],
    apply: 'Use the value when values set it: {{ if hasKey .Values.network "hostNetwork" }}…{{ else }}true{{ end }}',
    preferred: true,
    fixed: { 7: '  hostNetwork: {{ if hasKey .Values.network "hostNetwork" }}{{ .Values.network.hostNetwork }}{{ else }}true{{ end }}' },
  },
  {
    rule: 'host-namespace-sharing',
    fixture: 'host-namespace-sharing.yaml',
    at: '16:7-16:24',
    severity: 'error',
    messageId: 'hostNetwork',
    fixes: [
      'Remove hostNetwork',
      "Use a Multus secondary network instead: remove hostNetwork and annotate the pod with networks 'secondary-network' (a placeholder: name your NetworkAttachmentDefinition)",
    ],
    apply: 'Remove hostNetwork',
    preferred: true,
    fixed: { 16: null },
  },
  {
    rule: 'hugepages-not-numa-aligned',
    fixture: 'hugepages-not-numa-aligned.yaml',
    at: '15:5-15:9',
    severity: 'warning',
    messageId: 'notGuaranteed',
    fixes: ['Make the pod Guaranteed: set requests to limits in every container', 'Make the pod Guaranteed: set limits to requests in every container'],
    apply: 'Make the pod Guaranteed: set requests to limits in every container',
    preferred: false,
    fixed: { 21: '            cpu: "4"' },
  },
  {
    rule: 'hugepages-spec-invalid',
    fixture: 'hugepages-spec-invalid.yaml',
    at: '14:9-14:29',
    severity: 'error',
    messageId: 'limitMissing',
    fixes: ['Set the hugepages-2Mi limit to its request (256Mi)'],
    apply: 'Set the hugepages-2Mi limit to its request (256Mi)',
    preferred: true,
    fixed: { '16+': ['        hugepages-2Mi: 256Mi'] },
  },
  {
    rule: 'hugepages-volume-mismatch',
    fixture: 'hugepages-volume-mismatch.yaml',
    at: '7:1-7:5',
    severity: 'info',
    messageId: 'noVolume',
    fixes: ['Add an emptyDir volume of medium HugePages mounted at /dev/hugepages'],
    apply: 'Add an emptyDir volume of medium HugePages mounted at /dev/hugepages',
    preferred: false,
    fixed: {
      '15+': ['    volumeMounts:', '    - name: hugepages', '      mountPath: /dev/hugepages', '  volumes:', '  - name: hugepages', '    emptyDir:', '      medium: HugePages'],
    },
  },
  {
    rule: 'kubevirt-dedicated-cpu-invalid',
    fixture: 'kubevirt-dedicated-cpu-invalid.yaml',
    at: '16:13-16:23',
    severity: 'error',
    messageId: 'nonIntegerCpu',
    fixes: ['Set cpu to 2 whole CPUs, in requests and limits alike'],
    apply: 'Set cpu to 2 whole CPUs, in requests and limits alike',
    preferred: true,
    fixed: { 16: '            cpu: 2' },
  },
  {
    rule: 'kubevirt-network-binding-invalid',
    fixture: 'kubevirt-network-binding-invalid.yaml',
    at: '17:13-17:27',
    severity: 'error',
    messageId: 'masqueradeNotPod',
    fixes: ["Use the bridge binding instead of 'masquerade' on Multus network 'peering'"],
    apply: "Use the bridge binding instead of 'masquerade' on Multus network 'peering'",
    preferred: true,
    fixed: { 17: '            bridge: {}' },
  },
  {
    rule: 'kubevirt-numa-passthrough-incomplete',
    fixture: 'kubevirt-numa-passthrough-incomplete.yaml',
    at: '15:11-15:32',
    severity: 'error',
    messageId: 'ioThreadsPolicyOnCpu',
    fixes: ['Move ioThreadsPolicy: auto to spec.domain'],
    apply: 'Move ioThreadsPolicy: auto to spec.domain',
    preferred: true,
    fixed: { 15: null, '19+': ['        ioThreadsPolicy: auto'] },
  },
  {
    rule: 'kubevirt-running-deprecated',
    fixture: 'kubevirt-running-deprecated.yaml',
    at: '8:3-8:16',
    severity: 'warning',
    messageId: 'deprecated',
    fixes: ["Replace 'running: true' with 'runStrategy: Always'"],
    apply: "Replace 'running: true' with 'runStrategy: Always'",
    preferred: true,
    fixed: { 8: '  runStrategy: Always' },
  },
  {
    rule: 'kubevirt-vnf-performance-profile',
    fixture: 'kubevirt-vnf-performance-profile.yaml',
    at: '10:5-10:9',
    severity: 'info',
    messageId: 'missing',
    fixes: ['Add devices.networkInterfaceMultiqueue: true'],
    apply: 'Add devices.networkInterfaceMultiqueue: true',
    preferred: false,
    fixed: { '28+': ['          networkInterfaceMultiqueue: true'] },
  },
  {
    rule: 'multus-annotation-malformed',
    fixture: 'multus-annotation-malformed.yaml',
    at: '10:39-10:47',
    severity: 'warning',
    messageId: 'unknownKey',
    fixes: ['Rename "ifname" to "interface"'],
    apply: 'Rename "ifname" to "interface"',
    preferred: true,
    fixed: { 10: '        {"name": "e2e-malformed-net", "interface": "sig0"}' },
  },
  {
    rule: 'multus-annotation-misplaced',
    fixture: 'multus-annotation-misplaced.yaml',
    at: '8:5-8:32',
    severity: 'error',
    messageId: 'onController',
    fixes: ['Move the networks annotation into the pod template metadata'],
    apply: 'Move the networks annotation into the pod template metadata',
    preferred: true,
    fixed: { 7: null, 8: null, '16+': ['      annotations:', '        k8s.v1.cni.cncf.io/networks: e2e-misplaced-net'] },
  },
  {
    rule: 'multus-ignored-on-host-network',
    fixture: 'multus-ignored-on-host-network.yaml',
    at: '8:5-8:32',
    severity: 'error',
    messageId: 'ignored',
    fixes: [
      'Remove hostNetwork (the pod gets its own network namespace and the Multus networks)',
      'Remove the networks annotation',
    ],
    apply: 'Remove hostNetwork (the pod gets its own network namespace and the Multus networks)',
    preferred: true,
    fixed: { 10: null },
  },
  {
    rule: 'multus-network-unresolved',
    fixture: 'multus-network-unresolved.yaml',
    at: '8:34-8:49',
    severity: 'warning',
    messageId: 'unresolved',
    fixes: [
      "Create NetworkAttachmentDefinition 'e2e-missing-net' (macvlan) at the end of this file",
      "Create NetworkAttachmentDefinition 'e2e-missing-net' (ipvlan) at the end of this file",
      "Create NetworkAttachmentDefinition 'e2e-missing-net' (SR-IOV) at the end of this file",
      "Create NetworkAttachmentDefinition 'e2e-missing-net' (host-device) at the end of this file",
      "Create NetworkAttachmentDefinition 'e2e-missing-net' (bridge) at the end of this file",
    ],
    apply: "Create NetworkAttachmentDefinition 'e2e-missing-net' (macvlan) at the end of this file",
    preferred: false,
    fixed: { '12+': ['---', 'apiVersion: k8s.cni.cncf.io/v1', 'kind: NetworkAttachmentDefinition', 'metadata:', '  name: e2e-missing-net', '  namespace: e2e-multus', 'spec:', '  config: |', '    {', '      "cniVersion": "1.0.0",', '      "name": "e2e-missing-net",', '      "type": "macvlan",', '      "mode": "bridge",', '      "ipam": {', '        "type": "whereabouts",', '        "range": "192.0.2.0/24"', '      }', '    }'] },
  },
  {
    rule: 'multus-request-capability-missing',
    fixture: 'multus-request-capability-missing.yaml',
    at: '8:63-8:68',
    severity: 'error',
    messageId: 'missing',
    fixes: ["Declare \"capabilities\": {\"ips\": true} on the first plugin of 'e2e-static-net'"],
    apply: "Declare \"capabilities\": {\"ips\": true} on the first plugin of 'e2e-static-net'",
    preferred: true,
    fixed: { '21+': ['      "capabilities": {"ips": true},'] },
  },
  // Gaps 4 and 6: NAD configs and VRFs.
  {
    rule: 'nad-config-invalid',
    fixture: 'nad-config-invalid.yaml',
    at: '9:5-9:6',
    severity: 'warning',
    messageId: 'noCniVersion',
    fixes: ['Add "cniVersion": "1.0.0"'],
    apply: 'Add "cniVersion": "1.0.0"',
    preferred: true,
    fixed: { '9+': ['      "cniVersion": "1.0.0",'] },
  },
  {
    rule: 'nad-ipam-not-cluster-wide',
    fixture: 'nad-ipam-not-cluster-wide.yaml',
    at: '13:24-13:36',
    severity: 'warning',
    messageId: 'hostLocal',
    fixes: ['Switch the IPAM to whereabouts (192.0.2.0/24)'],
    apply: 'Switch the IPAM to whereabouts (192.0.2.0/24)',
    preferred: true,
    fixed: { 13: '      "ipam": {"type": "whereabouts", "range": "192.0.2.0/24"}' },
  },
  {
    rule: 'nad-vrf-plugin-misconfigured',
    fixture: 'nad-vrf-plugin-misconfigured.yaml',
    at: '13:18-13:23',
    severity: 'error',
    messageId: 'notChained',
    fixes: ["Move the vrf plugin after 'macvlan'"],
    apply: "Move the vrf plugin after 'macvlan'",
    preferred: true,
    fixed: { 13: '        {"type": "macvlan", "ipam": {"type": "whereabouts", "range": "198.51.100.0/24"}},', 14: '        {"type": "vrf", "vrfname": "e2e-blue"}' },
  },
  {
    rule: 'vrf-separation-missing',
    fixture: 'vrf-separation-missing.yaml',
    at: '8:45-8:54',
    severity: 'warning',
    messageId: 'defaultRoutes',
    fixes: ["Chain a vrf plugin (\"vrfname\": \"vrf-e2e-sep-b\") into 'e2e-sep-b'"],
    apply: "Chain a vrf plugin (\"vrfname\": \"vrf-e2e-sep-b\") into 'e2e-sep-b'",
    preferred: false,
    fixed: { 33: '        {"type": "macvlan", "ipam": {"type": "whereabouts", "range": "198.51.100.0/24", "routes": [{"dst": "0.0.0.0/0"}]}},', '33+': ['        {"type": "vrf", "vrfname": "vrf-e2e-sep-b"}'] },
  },  {
    rule: 'privileged-container',
    fixture: 'privileged-container.yaml',
    at: '22:11-22:27',
    severity: 'error',
    messageId: 'privileged',
    fixes: [
      'Set privileged: false',
      'Least privilege: privileged false, no privilege escalation, drop ALL capabilities',
      'Least privilege with NET_ADMIN (the pod already runs in a user namespace)',
    ],
    apply: 'Set privileged: false',
    preferred: true,
    fixed: { 22: '          privileged: false' },
  },
  {
    rule: 'secondary-network-policy-missing',
    fixture: 'secondary-network-policy-missing.yaml',
    at: '10:34-10:48',
    severity: 'info',
    messageId: 'missing',
    fixes: ["Add a MultiNetworkPolicy for 'e2e-policy-net' at the end of this file"],
    apply: "Add a MultiNetworkPolicy for 'e2e-policy-net' at the end of this file",
    preferred: false,
    fixed: { '14+': ['---', 'apiVersion: k8s.cni.cncf.io/v1beta1', 'kind: MultiNetworkPolicy', 'metadata:', '  name: e2e-policy-net-policy', '  namespace: e2e-multus', '  annotations:', '    k8s.v1.cni.cncf.io/policy-for: e2e-policy-net', 'spec:', '  podSelector:', '    matchLabels:', '      app: e2e-policy', '  policyTypes:', '  - Ingress', '  - Egress', '  ingress:', '  - from:', '    - podSelector: {}', '  egress:', '  - to:', '    - podSelector: {}'] },
  },
  {
    rule: 'single-interface-assumption',
    fixture: 'single-interface-assumption.yaml',
    at: '11:30-11:34',
    severity: 'warning',
    messageId: 'interfaceName',
    fixes: ["Attach 'secondary-network' (a placeholder: name your NetworkAttachmentDefinition) (networks annotation on the pod template)"],
    apply: "Attach 'secondary-network' (a placeholder: name your NetworkAttachmentDefinition) (networks annotation on the pod template)",
    preferred: false,
    fixed: { '6+': ['  annotations:', '    k8s.v1.cni.cncf.io/networks: secondary-network'] },
  },
  {
    rule: 'sriov-resource-mismatch',
    fixture: 'sriov-resource-mismatch.yaml',
    at: '8:34-8:47',
    severity: 'warning',
    messageId: 'notRequested',
    fixes: ["Request intel.com/e2e_sriov: 1 in container 'dataplane' (requests and limits)"],
    apply: "Request intel.com/e2e_sriov: 1 in container 'dataplane' (requests and limits)",
    preferred: true,
    fixed: { '12+': ['    resources:', '      requests:', '        intel.com/e2e_sriov: 1', '      limits:', '        intel.com/e2e_sriov: 1'] },
  },
  {
    rule: 'user-namespace-host-namespace-conflict',
    fixture: 'user-namespace-host-namespace-conflict.yaml',
    at: '9:3-9:16',
    severity: 'error',
    messageId: 'hostNamespace',
    fixes: ['Remove hostPID', "Remove hostUsers: false (the pod shares the node's user namespace)"],
    apply: 'Remove hostPID',
    preferred: true,
    fixed: { 9: null },
  },
  {
    rule: 'user-namespace-not-enabled',
    fixture: 'user-namespace-not-enabled.yaml',
    at: '17:5-17:9',
    severity: 'info',
    messageId: 'notEnabled',
    fixes: ['Run the pod in a user namespace (hostUsers: false)'],
    apply: 'Run the pod in a user namespace (hostUsers: false)',
    preferred: false,
    fixed: { '24+': ['      hostUsers: false'] },
  },
  {
    rule: 'user-namespace-volume-incompatible',
    fixture: 'user-namespace-volume-incompatible.yaml',
    at: '24:9-24:22',
    severity: 'warning',
    messageId: 'nfs',
    fixes: ["Remove hostUsers: false (the pod shares the node's user namespace)"],
    apply: "Remove hostUsers: false (the pod shares the node's user namespace)",
    preferred: false,
    fixed: { 16: null },
  },
];

// A snippet row: the rules whose findings the inserted snippet must not draw (`'*'`: no cnf-lint
// finding at all), and optionally a `host` text in which the snippet replaces the part between « and »
// (default: it replaces a whole document that draws one finding, so that the test sees the re-lint).
// Every snippet that package.json contributes needs a row.

/** The rules of RA2 gap 3 (Multus, SR-IOV), which the gap-3 snippets must not draw. */
const GAP3_RULES = [
  'multus-annotation-malformed',
  'multus-annotation-misplaced',
  'multus-ignored-on-host-network',
  'multus-network-unresolved',
  'multus-request-capability-missing',
  'secondary-network-policy-missing',
  'single-interface-assumption',
  'sriov-resource-mismatch',
];

/** @type {Record<string, {rules: '*' | string[], host?: string}>} */
const snippets = {
  'cnf-securitycontext-least-privilege': {
    rules: ['privileged-container', 'user-namespace-not-enabled'],
    host: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: snippet-host',
      '  namespace: cnf',
      'spec:',
      '  hostUsers: false',
      '  containers:',
      '  - name: app',
      '    image: registry.example.com/cnf/app:1.0.0',
      '    «securityContext: {privileged: true}»',
      '',
    ].join('\n'),
  },
  // A chart template's part (values-driven); outside a chart its action is unknown, so the literal defect it replaces is what goes.
  'cnf-helm-securitycontext': {
    rules: ['privileged-container', 'user-namespace-not-enabled'],
    host: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: snippet-host',
      '  namespace: cnf',
      'spec:',
      '  hostUsers: false',
      '  containers:',
      '  - name: app',
      '    image: registry.example.com/cnf/app:1.0.0',
      '    «securityContext: {privileged: true}»',
      '',
    ].join('\n'),
  },
  'cnf-pod-userns': { rules: '*' },
  'cnf-pod-numa-guaranteed': {
    rules: [
      'exclusive-cpus-not-requested',
      'hugepages-not-numa-aligned',
      'hugepages-spec-invalid',
      'hugepages-volume-mismatch',
      'host-namespace-sharing',
      'privileged-container',
      'user-namespace-host-namespace-conflict',
      'user-namespace-not-enabled',
      'user-namespace-volume-incompatible',
    ],
  },
  'cnf-kubevirt-vm-vnf': {
    rules: ['kubevirt-dedicated-cpu-invalid', 'kubevirt-network-binding-invalid', 'kubevirt-numa-passthrough-incomplete', 'kubevirt-running-deprecated', 'kubevirt-vnf-performance-profile'],
  },
  // Gap 3: linted in the workspace of the fixtures, where multus-snippet-networks.yaml holds the network
  // and policy that cnf-deployment-multus names at its defaults.
  'cnf-deployment-multus': {
    rules: [...GAP3_RULES, 'host-namespace-sharing', 'privileged-container', 'user-namespace-not-enabled'],
  },
  'cnf-nad-sriov': { rules: GAP3_RULES },
  'cnf-nad-macvlan-whereabouts': { rules: GAP3_RULES },
  'cnf-nad-ipvlan': { rules: GAP3_RULES },
  'cnf-nad-host-device': { rules: GAP3_RULES },
  'cnf-nad-bridge': { rules: GAP3_RULES },
  // Gaps 4 and 6: the macvlan network in a VRF of its own.
  'cnf-nad-macvlan-vrf': { rules: [...GAP3_RULES, 'nad-config-invalid', 'nad-ipam-not-cluster-wide', 'nad-vrf-plugin-misconfigured', 'vrf-separation-missing'] },
  'cnf-multinetworkpolicy': { rules: GAP3_RULES },
};

/** Builds the expected text of a fixed fixture from its line edits. */
function applyLineEdits(text, edits) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const out = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (Object.prototype.hasOwnProperty.call(edits, n)) {
      if (edits[n] !== null) out.push(edits[n]);
    } else {
      out.push(line);
    }
    if (edits[`${n}+`]) out.push(...edits[`${n}+`]);
  });
  return out.join(eol);
}

module.exports = { rules, snippets, applyLineEdits };
