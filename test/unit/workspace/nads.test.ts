// Unit tests of the NADs the index sees: written, and made by the SR-IOV and NVIDIA network operators from their objects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { summarizeObjects } from '../../../server/src/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

/** One object of each operator kind, the fields as in sriov-network-operator api/v1 and network-operator api/v1alpha1. */
const SOURCES = `apiVersion: sriovnetwork.openshift.io/v1
kind: SriovIBNetwork
metadata:
  name: ib-net
  namespace: sriov-network-operator
spec:
  resourceName: mlnx_ib
  capabilities: '{"infinibandGUID": true}'
  ipam: '{"type": "whereabouts", "range": "192.0.2.0/24"}'
---
apiVersion: sriovnetwork.openshift.io/v1
kind: OVSNetwork
metadata:
  name: ovs-net
spec:
  networkNamespace: cnf
  resourceName: ovs_vfs
  metaPlugins: '{"type": "tuning", "capabilities": {"mac": true}}, {"type": "vrf", "vrfname": "blue"}'
---
apiVersion: mellanox.com/v1alpha1
kind: HostDeviceNetwork
metadata:
  name: hostdev-net
spec:
  networkNamespace: cnf
  resourceName: hostdev
  ipam: |
    {"type": "nv-ipam", "poolName": "pool1"}
---
apiVersion: mellanox.com/v1alpha1
kind: MacvlanNetwork
metadata:
  name: macvlan-net
spec:
  master: ens2f0
  mode: bridge
  ipam: '{"type": "whereabouts", "range": "198.51.100.0/24"}'
---
apiVersion: mellanox.com/v1alpha1
kind: IPoIBNetwork
metadata:
  name: ipoib-net
spec:
  networkNamespace: hpc
  master: ibs3f1
  resourceName: not-a-field
---
apiVersion: example.com/v1
kind: SriovNetwork
metadata:
  name: not-an-operator-object
spec:
  resourceName: n9
---
apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetwork
metadata:
  name: prefixed
spec:
  resourceName: example.com/n7
`;

describe('NAD sources', () => {
  const objects = summarizeObjects('sources.yaml', objectsOf(parseFile(SOURCES)), 'core');

  it('each operator object makes a NAD of its own name: in networkNamespace, else its own namespace (SR-IOV operator, namespaced) or default (NVIDIA operator, cluster-scoped)', () => {
    assert.deepEqual(
      objects.map((o) => [o.kind, o.namespace, o.nad && `${o.nad.namespace}/${o.nad.name}`, o.nad?.definedBy]),
      [
        ['SriovIBNetwork', 'sriov-network-operator', 'sriov-network-operator/ib-net', 'SriovIBNetwork'],
        ['OVSNetwork', 'core', 'cnf/ovs-net', 'OVSNetwork'],
        ['HostDeviceNetwork', '', 'cnf/hostdev-net', 'HostDeviceNetwork'],
        ['MacvlanNetwork', '', 'default/macvlan-net', 'MacvlanNetwork'],
        ['IPoIBNetwork', '', 'hpc/ipoib-net', 'IPoIBNetwork'],
        ['SriovNetwork', 'core', undefined, undefined],
        ['SriovNetwork', 'core', 'core/prefixed', 'SriovNetwork'],
      ],
    );
  });

  it('the plugin each operator renders, with its ipam, capabilities and meta plugins', () => {
    assert.deepEqual(
      objects.map((o) => o.nad?.plugins),
      [
        [{ type: 'ib-sriov', capabilities: ['infinibandGUID'], ipam: 'whereabouts', subnets: ['192.0.2.0/24'] }],
        [
          { type: 'ovs', capabilities: [] },
          { type: 'tuning', capabilities: ['mac'] },
          { type: 'vrf', capabilities: [], vrfname: 'blue' },
        ],
        [{ type: 'host-device', capabilities: [], ipam: 'nv-ipam' }],
        [{ type: 'macvlan', capabilities: [], ipam: 'whereabouts', subnets: ['198.51.100.0/24'] }],
        [{ type: 'ipoib', capabilities: [] }],
        undefined,
        [{ type: 'sriov', capabilities: [] }],
      ],
    );
  });

  it('resourceName where the kind has one: bare, under any prefix; a prefixed one is exact; MacvlanNetwork and IPoIBNetwork have none', () => {
    assert.deepEqual(
      objects.map((o) => [o.nad?.resourceName, o.nad?.anyPrefix]),
      [
        ['mlnx_ib', true],
        ['ovs_vfs', true],
        ['hostdev', true],
        [undefined, undefined],
        [undefined, undefined],
        [undefined, undefined],
        ['example.com/n7', undefined],
      ],
    );
  });

  it("the SR-IOV Network Operator's NADs get their resource requests from its injector; NVIDIA's and written NADs do not", () => {
    assert.deepEqual(
      objects.map((o) => [o.kind, o.nad?.injected]),
      objects.map((o) => [o.kind, o.apiVersion.startsWith('sriovnetwork.openshift.io/') ? true : undefined]),
    );
    assert.ok(objects.some((o) => o.nad?.injected) && objects.some((o) => o.nad && !o.nad.injected));
  });

  it('the index finds an operator NAD by name and by its resource under any prefix', () => {
    const index = new WorkspaceIndex();
    index.setFile('sources.yaml', objects);
    const view = index.view();
    assert.equal(view.nad('default', 'macvlan-net')?.definedBy, 'MacvlanNetwork');
    assert.equal(view.nad('core', 'macvlan-net'), undefined);
    assert.deepEqual(view.nadsWithResource('nvidia.com/hostdev').map((n) => n.name), ['hostdev-net']);
    assert.deepEqual(view.nadsWithResource('openshift.io/hostdev').map((n) => n.name), ['hostdev-net']);
    assert.deepEqual(view.nadsWithResource('openshift.io/n7'), [], 'a prefixed resourceName is exact');
    assert.deepEqual(view.nadsWithResource('example.com/n7').map((n) => n.name), ['prefixed']);
    assert.deepEqual(view.nadsWithResource('example.com/n9'), [], 'an object of another API group is no NAD source');
  });
});
