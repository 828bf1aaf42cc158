// The CNI config schema: one bad value per constrained field of every plugin and IPAM it knows, and a valid config of each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCniConfig } from '../../../server/src/manifest/cni-config';
import { schemaProblems } from '../../../server/src/manifest/cni-config-schema';

/** A plugin config in a config list; `ipam` puts the fields in the IPAM of a macvlan plugin. */
const plugin = (fields: Record<string, unknown>) => JSON.stringify({ cniVersion: '1.0.0', name: 'n', plugins: [fields] });
const ipam = (fields: Record<string, unknown>) => plugin({ type: 'macvlan', ipam: fields });

/** [config, kind, path] of the one problem expected. */
const BAD: Array<[string, string, string]> = [
  [plugin({ type: 'macvlan', mode: 'bridged' }), 'enum', 'plugins[0].mode'],
  [plugin({ type: 'macvlan', mtu: -1 }), 'range', 'plugins[0].mtu'],
  [plugin({ type: 'macvlan', bcqueuelen: 4294967296 }), 'range', 'plugins[0].bcqueuelen'],
  [plugin({ type: 'macvlan', linkInContainer: 'yes' }), 'type', 'plugins[0].linkInContainer'],
  [plugin({ type: 'ipvlan', mode: 'l4' }), 'enum', 'plugins[0].mode'],
  [plugin({ type: 'ipvlan', mtu: 1.5 }), 'type', 'plugins[0].mtu'],
  [plugin({ type: 'vlan', vlanId: 10 }), 'required', 'plugins[0].master'],
  [plugin({ type: 'vlan', master: '', vlanId: 10 }), 'range', 'plugins[0].master'],
  [plugin({ type: 'vlan', master: 'eth1', vlanId: 4095 }), 'range', 'plugins[0].vlanId'],
  [plugin({ type: 'host-device', device: 3 }), 'type', 'plugins[0].device'],
  [plugin({ type: 'host-device', pciBusID: true }), 'type', 'plugins[0].pciBusID'],
  [plugin({ type: 'bridge', vlan: 4095 }), 'range', 'plugins[0].vlan'],
  [plugin({ type: 'bridge', ipMasqBackend: 'ebtables' }), 'enum', 'plugins[0].ipMasqBackend'],
  [plugin({ type: 'bridge', isGateway: 'true' }), 'type', 'plugins[0].isGateway'],
  [plugin({ type: 'bridge', vlanTrunk: [{ id: 0 }] }), 'range', 'plugins[0].vlanTrunk[0].id'],
  [plugin({ type: 'bridge', vlanTrunk: [{ minID: 10 }] }), 'dependency', 'plugins[0].vlanTrunk[0].minID'],
  [plugin({ type: 'bridge', mtu: -5 }), 'range', 'plugins[0].mtu'],
  [plugin({ type: 'sriov', vlan: 4095 }), 'range', 'plugins[0].vlan'],
  [plugin({ type: 'sriov', vlan: 10, vlanQoS: 8 }), 'range', 'plugins[0].vlanQoS'],
  [plugin({ type: 'sriov', vlanQoS: 1 }), 'dependency', 'plugins[0].vlanQoS'],
  [plugin({ type: 'sriov', vlanProto: '802.1ad' }), 'dependency', 'plugins[0].vlanProto'],
  [plugin({ type: 'sriov', vlan: 10, vlanProto: '802.1x' }), 'pattern', 'plugins[0].vlanProto'],
  [plugin({ type: 'sriov', spoofchk: 'yes' }), 'enum', 'plugins[0].spoofchk'],
  [plugin({ type: 'sriov', trust: true }), 'enum', 'plugins[0].trust'],
  [plugin({ type: 'sriov', link_state: 'up' }), 'enum', 'plugins[0].link_state'],
  [plugin({ type: 'sriov', logLevel: 'trace' }), 'enum', 'plugins[0].logLevel'],
  [plugin({ type: 'sriov', min_tx_rate: -1 }), 'range', 'plugins[0].min_tx_rate'],
  [plugin({ type: 'sriov', max_tx_rate: '100' }), 'type', 'plugins[0].max_tx_rate'],
  [plugin({ type: 'sriov', deviceID: 3 }), 'type', 'plugins[0].deviceID'],
  [plugin({ type: 'ovs', vlan: 4096 }), 'range', 'plugins[0].vlan'],
  [plugin({ type: 'ovs', ofport_request: 65280 }), 'range', 'plugins[0].ofport_request'],
  [plugin({ type: 'ovs', trunk: [{ maxID: 5000 }] }), 'range', 'plugins[0].trunk[0].maxID'],
  [plugin({ type: 'ovs', mtu: -1 }), 'range', 'plugins[0].mtu'],
  [plugin({ type: 'tuning', sysctl: { 'net.ipv4.conf.all.forwarding': 1 } }), 'type', 'plugins[0].sysctl.net.ipv4.conf.all.forwarding'],
  [plugin({ type: 'tuning', txQLen: -1 }), 'range', 'plugins[0].txQLen'],
  [plugin({ type: 'tuning', promisc: 1 }), 'type', 'plugins[0].promisc'],
  [plugin({ type: 'bandwidth', ingressRate: 100 }), 'required', 'plugins[0].ingressBurst'],
  [plugin({ type: 'bandwidth', egressBurst: 100 }), 'required', 'plugins[0].egressRate'],
  [plugin({ type: 'bandwidth', ingressRate: -1, ingressBurst: 0 }), 'range', 'plugins[0].ingressRate'],
  [plugin({ type: 'portmap', markMasqBit: 32 }), 'range', 'plugins[0].markMasqBit'],
  [plugin({ type: 'portmap', backend: 'ipvs' }), 'enum', 'plugins[0].backend'],
  [plugin({ type: 'portmap', markMasqBit: 1, externalSetMarkChain: 'KUBE-MARK-MASQ' }), 'exclusive', 'plugins[0]'],
  [plugin({ type: 'sbr', table: '100' }), 'type', 'plugins[0].table'],
  [plugin({ type: 'vrf', vrfname: 'blue', capabilities: { ips: 'yes' } }), 'type', 'plugins[0].capabilities.ips'],
  [ipam({ type: 'host-local' }), 'oneOf', 'plugins[0].ipam'],
  [ipam({ type: 'host-local', ranges: [] }), 'range', 'plugins[0].ipam.ranges'],
  [ipam({ type: 'host-local', ranges: [[{ rangeStart: '10.0.0.5' }]] }), 'required', 'plugins[0].ipam.ranges[0][0].subnet'],
  [ipam({ type: 'host-local', subnet: '10.0.0.0/24', routes: [{ dst: '0.0.0.0/0', mtu: '1500' }] }), 'type', 'plugins[0].ipam.routes[0].mtu'],
  [ipam({ type: 'whereabouts', ipRanges: [{ exclude: ['10.0.0.1/32'] }] }), 'required', 'plugins[0].ipam.ipRanges[0].range'],
  [ipam({ type: 'whereabouts', range: '10.0.0.0/24', enable_overlapping_ranges: 'true' }), 'type', 'plugins[0].ipam.enable_overlapping_ranges'],
  [ipam({ type: 'static', addresses: [{ gateway: '10.0.0.1' }] }), 'required', 'plugins[0].ipam.addresses[0].address'],
  [ipam({ type: 'dhcp', priority: 'high' }), 'type', 'plugins[0].ipam.priority'],
  [JSON.stringify({ cniVersion: '1.0.0', type: 'macvlan', dns: { nameservers: '10.0.0.53' } }), 'type', 'dns.nameservers'],
  [JSON.stringify({ cniVersion: '1.0.0', name: 'n', disableCheck: 'yes', plugins: [{ type: 'macvlan' }] }), 'other', 'disableCheck'],
  [JSON.stringify({ cniVersion: '1.0.0', name: 'n', plugins: [] }), 'range', 'plugins'],
];

const GOOD: string[] = [
  plugin({ type: 'macvlan', master: 'ens1f0', mode: 'passthru', mtu: 9000, mac: '02:00:00:00:00:01', linkInContainer: false, bcqueuelen: 1000 }),
  plugin({ type: 'ipvlan', master: 'ens1f0', mode: 'l3s', mtu: 1500 }),
  plugin({ type: 'vlan', master: 'ens1f0', vlanId: 4094, mtu: 1500, linkInContainer: true }),
  plugin({ type: 'host-device', device: 'ens2f1', hwaddr: '02:00:00:00:00:02' }),
  plugin({ type: 'bridge', bridge: 'br0', isGateway: true, ipMasqBackend: 'nftables', vlan: 100, vlanTrunk: [{ minID: 10, maxID: 20 }, { id: 4094 }], macspoofchk: true }),
  plugin({ type: 'sriov', deviceID: '0000:03:02.0', vlan: 1000, vlanQoS: 4, vlanProto: '802.1AD', spoofchk: 'off', trust: 'on', link_state: 'enable', min_tx_rate: 100, max_tx_rate: 200, logLevel: 'debug' }),
  plugin({ type: 'ovs', bridge: 'br1', vlan: 4095, trunk: [{ minID: 0, maxID: 4095 }], ofport_request: 65279 }),
  plugin({ type: 'tuning', sysctl: { 'net.core.somaxconn': '500' }, promisc: true, txQLen: 2000, allmulti: false }),
  plugin({ type: 'bandwidth', ingressRate: 1000, ingressBurst: 100, egressRate: 0, egressBurst: 0 }),
  plugin({ type: 'portmap', snat: true, backend: 'iptables', markMasqBit: 0, conditionsV4: ['-s', '1.2.3.4'] }),
  plugin({ type: 'sbr', table: 500, gateways: ['10.0.0.1'], addSourceHints: true }),
  plugin({ type: 'vrf', vrfname: 'blue', table: 'checked elsewhere' }),
  ipam({ type: 'host-local', ranges: [[{ subnet: '10.0.0.0/24', rangeStart: '10.0.0.10', gateway: '10.0.0.1' }], [{ subnet: '2001:db8::/64' }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: '/run/ipam' }),
  ipam({ type: 'whereabouts', range: '10.0.0.5-10.0.0.0/24', exclude: ['10.0.0.8/29'], ipRanges: [{ range: '2001:db8::/64' }], gateway: '10.0.0.1', leader_lease_duration: 1500 }),
  ipam({ type: 'static', addresses: [{ address: '10.0.0.5/24', gateway: '10.0.0.1' }], routes: [{ dst: '0.0.0.0/0', gw: '10.0.0.1' }], dns: { nameservers: ['10.0.0.53'] } }),
  ipam({ type: 'dhcp', daemonSocketPath: '/run/cni/dhcp.sock', request: [{ skipDefault: false, option: 'classless-static-routes' }], provide: [{ option: 'host-name', fromArg: 'K8S_POD_NAME' }] }),
  JSON.stringify({ cniVersion: '1.1.0', cniVersions: ['1.0.0', '1.1.0'], name: 'n', disableCheck: 'TRUE', disableGC: false, plugins: [{ type: 'unknown-plugin', mode: 7 }] }),
];

describe('schemas/cni-config.schema.json', () => {
  for (const [config, kind, path] of BAD) {
    it(`${kind} at ${path}: ${config}`, () => {
      const found = schemaProblems(readCniConfig(config)).map((p) => [p.kind, p.path]);
      assert.deepEqual(found, [[kind, path]]);
    });
  }
  for (const config of GOOD) it(`accepts ${config}`, () => assert.deepEqual(schemaProblems(readCniConfig(config)), []));

  it('points at the value, or at the opening brace of the object that misses a key', () => {
    const text = '{"type": "vlan", "vlanId": 5000}';
    const spans = schemaProblems(readCniConfig(text)).map((p) => text.slice(p.span[0], p.span[1]));
    assert.deepEqual(spans, ['{', '5000']);
  });
});
