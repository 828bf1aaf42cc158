// Fixes the property tests and the fuzzer found damaging a file: each input is checked with the properties every preferred fix must have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFixAll, checkPreferredFixes, lintChecked } from '../property/fix-properties';

/** The preferred fixes of a text: all keep the YAML as sound, remove their finding, keep other lines; fix-all is idempotent. */
function holds(text: string): number {
  const checked = checkPreferredFixes(text, lintChecked(text));
  checkFixAll(text);
  return checked;
}

describe('fix regressions found by property tests and fuzzing', () => {
  it('moving a networks annotation in a | block into a flow-style template metadata writes one line, not a block inside { }', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  annotations:
    k8s.v1.cni.cncf.io/networks: |
      [
        {"name": "n3-net", "interface": "net1"}
      ]
spec:
  template:
    metadata: {name: upf}
    spec:
      containers: [{name: upf, image: registry.example/cnf:1.0}]
`;
    assert.ok(holds(text) > 0);
  });
  it('a hostPort set twice in one map is not removed (the earlier one would come back)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    ports:\n    - containerPort: 80\n      hostPort: 80\n      hostPort: 80\n';
    const hostPort = lintChecked(text).filter((f) => f.ruleId === 'host-namespace-sharing');
    assert.deepEqual(
      hostPort.map((f) => f.fixes.find((x) => x.preferred)?.edits()),
      [undefined],
    );
    holds(text);
  });
  it('a --- glued to a tag is not moved onto its own line (the tag left behind would not parse)', () => {
    holds('apiVersion: !!---\napiVersion: v1\nkind: ConfigMap\n');
  });
  it('a binding key set twice in one interface is not renamed (the earlier one would come back)', () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
spec:
  template:
    spec:
      domain:
        devices:
          interfaces:
          - name: default
            slirp: {}
            slirp: {}
      networks:
      - name: default
        pod: {}
`;
    holds(text);
  });
  it('a quoted scalar that starts its line (it continues something else) is not re-indented', () => {
    holds(`: f # \n '\n"'\n`);
  });
  it('a pair inserted into a map whose first key has an anchor before it goes at the anchor\'s column', () => {
    holds('kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - &base     resources:\n         &a  requests:\n            hugepages-1Gi: 1\n');
  });
  it('a huge-page request written as an alias to no anchor is unknown: no rule fails', () => {
    holds('kind: Pod\nspec:\n  containers:\n  - name: c\n    resources:\n      requests:\n        hugepages-1Gi: *a\n');
  });
  it('a fix that attaches a network whose finding stays (a document setting kind twice) is applied by no run of fix-all', () => {
    // The fuzzer's input, minimized (CRLF kept): sriov-resource-mismatch's addNetwork appended an attachment in every pass.
    holds("kind: NetworkAttachmentDefinition\nmetadata:\n  name: sriov__proto__-n3\n  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_n3\nkind: Pod\nmetadata:\n  annotations:\n    k8s.cni.cncf.io/networks: '[{\"namespace\": \"net1\"}\n]'\nspec:\n  hostPID: true\n  hostUsers: no\n  containers:\n    - &base\n      name: upf\n      image: registry.example/cnf:1.0\n      resources:\n        limits:\n          cpu: 3500m\n          intel.com/sriov_n3: \"1\"\n");
  });
  it('fixes that meet in one pass (their findings do not become fewer together) are applied one by one, not dropped: fix-all twice equals once', () => {
    // The fuzzer's input, minimized: host-namespace-sharing's remove was dropped in one run and applied by the next.
    holds("kind: Pod\nspec:\n  hostNetwork: y #5\nkind: Pod\nspec:\n  hostNetwork: True");
  });
});
