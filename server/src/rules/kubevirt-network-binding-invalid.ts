// kubevirt-network-binding-invalid: VM interfaces and networks that KubeVirt's network admitter rejects (RA2 gap 2).
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { replaceScalar } from '../fixes/edits';
import type { FixReport, Report, Rule } from '../linter/types';
import { asMap, getPair, isTrue } from '../manifest/nodes';
import { interfaceOf, networkOf, sourceOf, vmSpecOf, VmNetworkView, VmSpecView } from '../manifest/vm-specs';
import { splitNetworkName } from '../workspace/summarize';
import type { WorkspaceView } from '../workspace/types';

/** Bindings KubeVirt discontinued in v1.3, and what to write instead, in words. */
const REMOVED: Record<string, string> = {
  slirp: 'masquerade on the pod network',
  passt: "masquerade, or the passtBinding core binding (KubeVirt v1.8, 'PasstBinding' feature gate)",
  macvtap: 'bridge on a Multus network, or the macvtap network binding plugin (binding: {name: macvtap})',
};

export const rule: Rule = {
  meta: {
    id: 'kubevirt-network-binding-invalid',
    title: 'KubeVirt VM interfaces and networks that do not fit',
    gap: 2,
    requirements: [],
    defaultSeverity: 'error',
    confidence: 'mixed',
    appliesTo: 'spec.domain.devices.interfaces and spec.networks of every KubeVirt VM kind, with the NetworkAttachmentDefinitions of the workspace (written, or made by a network operator from a SriovNetwork, HostDeviceNetwork and the like)',
    scope: 'workspace',
    rationale:
      "A VNF VM reaches its networks through pairs: each interface in `domain.devices.interfaces` is backed by the network of the same name in `networks`, and its binding must suit that network. KubeVirt's network admitter rejects an interface or network without its partner, masquerade anywhere but the pod network, more than one pod network, a pod network beside a Multus default network, two Multus default networks, and the bindings discontinued in v1.3 (slirp, passt, macvtap). A VNF learns of these only when the apply fails; cnf-lint shows them while the manifest is written. With the NetworkAttachmentDefinitions of the workspace (a SriovNetwork, SriovIBNetwork, OVSNetwork, HostDeviceNetwork, MacvlanNetwork or IPoIBNetwork counts as the NAD its operator makes) it also warns where the VM would start and then fail: a `multus.networkName` that no NAD defines (the virt-launcher pod stays in ContainerCreating), an `sriov` binding on a NAD whose plugin is not sriov (no VF to pass through), and a `bridge` binding on a macvlan or ipvlan NAD (bridge moves the pod interface's MAC address into the guest, which those plugins do not allow).",
    messages: {
      interfaceWithoutNetwork:
        "Interface '{{name}}' has no network named '{{name}}' in spec.networks: KubeVirt rejects the VM (\"interfaces[{{index}}].name '{{name}}' not found\"). Every interface needs the network of the same name.",
      networkWithoutInterface:
        "Network '{{name}}' has no interface named '{{name}}' in spec.domain.devices.interfaces: KubeVirt rejects the VM (\"networks[{{index}}].name '{{name}}' not found\"). Add the interface, or remove the network.",
      masqueradeNotPod:
        "Interface '{{name}}' uses masquerade on a {{source}} network: KubeVirt implements masquerade only on the pod network (\"Masquerade interface only implemented with pod network\"). Use bridge on a secondary network (sriov on an SR-IOV network).",
      podNetworkAndMultusDefault:
        "Network '{{name}}' is a Multus default network while the VM also has a pod network: KubeVirt rejects it (\"Pod network cannot be defined when Multus default network is defined\"). Remove the pod network or 'default: true'.",
      secondMultusDefault:
        "Network '{{name}}' is a second Multus default network: KubeVirt rejects it (\"Multus CNI should only have one default network\"). Keep 'default: true' on one network.",
      secondPodNetwork:
        "Network '{{name}}' is a second pod network: KubeVirt connects one interface to the pod network (\"more than one interface is connected to a pod network\"). Attach the other interfaces through Multus networks.",
      removedBinding:
        "Interface '{{name}}' uses the '{{binding}}' binding, which KubeVirt discontinued in v1.3 and rejects. Use {{replacement}}.",
      nadUnresolved:
        "Network '{{name}}' attaches NetworkAttachmentDefinition '{{nad}}', which no file of the workspace defines: the VM's virt-launcher pod cannot start until it exists. Check the name and namespace, or add the NAD.",
      sriovOnNonSriovNad:
        "Interface '{{name}}' uses the sriov binding, but NetworkAttachmentDefinition '{{nad}}' uses the '{{plugin}}' plugin, not sriov: there is no VF to pass through to the VM. Attach an SR-IOV network, or use the bridge binding.",
      bridgeOnMacvlanNad:
        "Interface '{{name}}' uses the bridge binding on NetworkAttachmentDefinition '{{nad}}' of type {{plugin}}: bridge hands the pod interface's MAC address to the guest, which {{plugin}} does not allow, so the VM gets no traffic. Use a bridge or SR-IOV NAD for a VM.",
    },
    fixes: {
      renameInterface: "Rename interface '{{from}}' to '{{to}}' (the network without an interface)",
      renameNetwork: "Rename network '{{from}}' to '{{to}}' (the interface without a network)",
      toBridge: "Use the bridge binding instead of '{{from}}' on Multus network '{{name}}'",
      toMasquerade: "Use the masquerade binding instead of '{{from}}' on the pod network",
      toPasstBinding: "Use the passtBinding core binding instead of 'passt'",
    },
    links: [
      { title: 'KubeVirt user guide: interfaces and networks', url: 'https://kubevirt.io/user-guide/network/interfaces_and_networks/' },
      { title: 'KubeVirt user guide: network binding plugins', url: 'https://kubevirt.io/user-guide/network/network_binding_plugins/' },
    ],
  },
  check(ctx) {
    for (const object of ctx.objects) {
      const vm = vmSpecOf(object);
      if (!vm) continue;
      const namespace = object.namespace ?? ctx.settings.defaultNamespace;
      for (const r of [...pairing(vm), ...bindings(vm), ...networkSources(vm), ...attachments(vm, namespace, ctx.workspace)]) ctx.report(r);
    }
  },
};

/** Interfaces without their network and networks without their interface, with renames when one of each is left over. */
function pairing(vm: VmSpecView): Report[] {
  const lonelyInterfaces = vm.interfaces.filter((i) => !networkOf(vm, i));
  const lonelyNetworks = vm.networks.filter((n) => !interfaceOf(vm, n));
  const oneEach = lonelyInterfaces.length === 1 && lonelyNetworks.length === 1;
  const out: Report[] = [];
  for (const iface of lonelyInterfaces) {
    const fixes: FixReport[] = [];
    const target = lonelyNetworks[0]?.name;
    if (oneEach && target !== undefined && iface.namePair) fixes.push(rename('renameInterface', iface.namePair, iface.name ?? '', target, true));
    out.push({ messageId: 'interfaceWithoutNetwork', at: iface.namePair ?? firstPair(iface.map), data: { name: iface.name ?? '', index: iface.index }, fixes });
  }
  for (const network of lonelyNetworks) {
    const fixes: FixReport[] = [];
    const target = lonelyInterfaces[0]?.name;
    if (oneEach && target !== undefined && network.namePair) fixes.push(rename('renameNetwork', network.namePair, network.name ?? '', target, false));
    out.push({ messageId: 'networkWithoutInterface', at: network.namePair ?? firstPair(network.map), data: { name: network.name ?? '', index: network.index }, fixes });
  }
  return out;
}

/** Bindings that do not suit their network, and discontinued bindings. */
function bindings(vm: VmSpecView): Report[] {
  const out: Report[] = [];
  for (const iface of vm.interfaces) {
    const network = networkOf(vm, iface);
    const source = network && sourceOf(network);
    const name = iface.name ?? '';
    for (const { method, pair } of iface.bindings) {
      if (method === 'masquerade' && source && source !== 'pod') {
        const fixes = source === 'multus' ? [toBinding('toBridge', pair, 'bridge', { from: method, name }, true)] : [];
        out.push({ messageId: 'masqueradeNotPod', at: pair, data: { name, source: source === 'multus' ? 'Multus' : source }, fixes });
      }
      if (Object.hasOwn(REMOVED, method)) {
        const fixes: FixReport[] = [];
        if (source === 'pod' && method !== 'macvtap') fixes.push(toBinding('toMasquerade', pair, 'masquerade', { from: method }, true));
        if (source === 'pod' && method === 'passt') fixes.push(toBinding('toPasstBinding', pair, 'passtBinding', {}, false));
        if (source === 'multus') fixes.push(toBinding('toBridge', pair, 'bridge', { from: method, name }, true));
        out.push({ messageId: 'removedBinding', at: pair, data: { name, binding: method, replacement: REMOVED[method] }, fixes });
      }
    }
  }
  return out;
}

/** Multus networks checked against the NetworkAttachmentDefinitions of the workspace (warnings). */
function attachments(vm: VmSpecView, namespace: string, workspace: WorkspaceView): Report[] {
  const out: Report[] = [];
  for (const network of vm.networks) {
    if (sourceOf(network) !== 'multus' || !network.multusName || !network.multusNamePair) continue;
    const ref = splitNetworkName(network.multusName, namespace);
    const nadName = `${ref.namespace}/${ref.name}`;
    const nad = workspace.nad(ref.namespace, ref.name);
    const data = { name: network.name ?? '', nad: nadName };
    if (!nad) {
      out.push({ messageId: 'nadUnresolved', at: network.multusNamePair, severity: 'warning', data });
      continue;
    }
    const plugin = nad.plugins?.[0]?.type;
    const iface = interfaceOf(vm, network);
    if (!plugin || !iface) continue;
    for (const { method, pair } of iface.bindings) {
      if (method === 'sriov' && plugin !== 'sriov') out.push({ messageId: 'sriovOnNonSriovNad', at: pair, severity: 'warning', data: { ...data, plugin } });
      if (method === 'bridge' && (plugin === 'macvlan' || plugin === 'ipvlan')) out.push({ messageId: 'bridgeOnMacvlanNad', at: pair, severity: 'warning', data: { ...data, plugin } });
    }
  }
  return out;
}

/** More than one pod network, more than one Multus default, or both kinds of primary network. */
function networkSources(vm: VmSpecView): Report[] {
  const out: Report[] = [];
  const pods = vm.networks.filter((n) => n.sources.some((s) => s.source === 'pod'));
  for (const n of pods.slice(1)) out.push({ messageId: 'secondPodNetwork', at: sourcePair(n, 'pod'), data: { name: n.name ?? '' } });
  const defaults = vm.networks.filter((n) => n.multusDefault);
  defaults.forEach((n, i) => {
    const at = defaultPair(n);
    if (i > 0) out.push({ messageId: 'secondMultusDefault', at, data: { name: n.name ?? '' } });
    else if (pods.length > 0) out.push({ messageId: 'podNetworkAndMultusDefault', at, data: { name: n.name ?? '' } });
  });
  return out;
}

/** A fix that renames an interface or a network (its `name` value). */
function rename(id: string, namePair: Pair<Scalar, unknown>, from: string, to: string, preferred: boolean): FixReport {
  return { id, preferred, data: { from, to }, edits: (file) => [replaceScalar(file, namePair.value, to)] };
}

/** A fix that replaces a binding key by another, keeping its empty value (`masquerade: {}` -> `bridge: {}`). */
function toBinding(id: string, pair: Pair<Scalar, unknown>, method: string, data: Record<string, string>, preferred: boolean): FixReport {
  const value = asMap(pair.value);
  const empty = value !== undefined && value.items.length === 0;
  return { id, preferred, data, edits: (file) => (empty ? [replaceScalar(file, pair.key, method)] : [undefined]) };
}

function sourcePair(n: VmNetworkView, source: string): Pair<Scalar, unknown> | YAMLMap {
  return n.sources.find((s) => s.source === source)?.pair ?? n.namePair ?? firstPair(n.map);
}

/** The `default: true` pair of a Multus network. */
function defaultPair(n: VmNetworkView): Pair<Scalar, unknown> | YAMLMap {
  const multus = sourcePair(n, 'multus');
  const pair = getPair('value' in multus ? multus.value : undefined, 'default');
  return pair && isTrue(pair.value) ? pair : multus;
}

/** Where a finding about an item without a name sits: its first pair, or the (empty) item itself. */
function firstPair(map: YAMLMap): Pair<Scalar, unknown> | YAMLMap {
  return (map.items[0] as Pair<Scalar, unknown> | undefined) ?? map;
}
