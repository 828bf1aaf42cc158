// Unit tests of what a resource name says (network VF or not), DRA claims, and other meta-plugins' attachments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachesThroughOtherMetaPlugin } from '../../../server/src/manifest/multus-networks';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { podSpecOf, PodSpecView } from '../../../server/src/manifest/pod-specs';
import { hasResourceClaims, isNetworkVfResource } from '../../../server/src/manifest/resources';

const pod = (text: string): PodSpecView => podSpecOf(objectsOf(parseFile(text))[0])!;

describe('isNetworkVfResource', () => {
  it('a name that says sriov, netdevice, _vf or vf_ is a network VF', () => {
    for (const name of ['intel.com/intel_sriov_netdevice', 'intel.com/intel_sriov_dpdk', 'openshift.io/sriovnic', 'mellanox.com/cx6_vf_pool', 'nvidia.com/fh_vf', 'example.com/NETDEVICE1']) {
      assert.ok(isNetworkVfResource(name), name);
    }
  });

  it('vfio alone, accelerators (even as VFs), other devices and unprefixed names are not', () => {
    for (const name of ['dsa.intel.com/vfio', 'intel.com/vfio_pool', 'qat.intel.com/generic', 'intel.com/qat_vf', 'intel.com/intel_fec_acc100_vf', 'nvidia.com/gpu_vf', 'nvidia.com/rdma_shared_device_a', 'nvidia.com/gpu', 'sriov_vf', 'kubernetes.io/sriov_vf']) {
      assert.ok(!isNetworkVfResource(name), name);
    }
  });
});

describe('hasResourceClaims', () => {
  const base = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n';
  it('a container claim or a pod-level claim; an empty list is none', () => {
    assert.ok(hasResourceClaims(pod(`${base}    resources:\n      claims:\n      - name: vf\n`)));
    assert.ok(hasResourceClaims(pod(`${base}  resourceClaims:\n  - name: vf\n    resourceClaimTemplateName: vf\n`)));
    assert.ok(hasResourceClaims(pod(base.replace('containers:\n  - name: a\n', 'initContainers:\n  - name: i\n    resources: {claims: [{name: vf}]}\n  containers:\n  - name: a\n'))));
    assert.ok(!hasResourceClaims(pod(`${base}    resources:\n      claims: []\n`)));
    assert.ok(!hasResourceClaims(pod(base)));
  });
});

describe('attachesThroughOtherMetaPlugin', () => {
  /** A Deployment whose pod template has the annotation `key: value`. */
  const deployment = (key: string, value: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        ${key}: ${value}\n    spec:\n      containers: [{name: a}]\n`;
  it("DANM's and ovn4nfv's annotations in the pod template's metadata, not empty", () => {
    assert.ok(attachesThroughOtherMetaPlugin(pod(deployment('danm.io/interfaces', '\'[{"network": "n3"}]\''))));
    assert.ok(attachesThroughOtherMetaPlugin(pod(deployment('k8s.plugin.opnfv.org/nfn-network', '\'{"type": "ovn4nfv"}\''))));
    assert.ok(!attachesThroughOtherMetaPlugin(pod(deployment('danm.io/interfaces', '""'))));
    assert.ok(!attachesThroughOtherMetaPlugin(pod(deployment('example.com/interfaces', 'x'))));
  });

  it("on a controller, only the pod template's metadata counts", () => {
    const onObject = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n    danm.io/interfaces: x\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n';
    assert.ok(!attachesThroughOtherMetaPlugin(pod(onObject)));
  });
});
