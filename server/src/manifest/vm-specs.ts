// The one VMI-spec extractor: finds the VirtualMachineInstance spec of every KubeVirt VM kind.
import { isAlias, Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, asSeq, get, getPair, isTrue, stringValue } from './nodes';
import { K8sObject } from './objects';

/** Where each VM kind keeps the map that holds its VMI `spec`, and the API group it belongs to. */
const VM_KINDS: Record<string, { group: string; path: readonly string[]; vmSpecPath?: readonly string[] }> = {
  VirtualMachine: { group: 'kubevirt.io', path: ['spec', 'template'], vmSpecPath: ['spec'] },
  VirtualMachineInstance: { group: 'kubevirt.io', path: [] },
  VirtualMachineInstanceReplicaSet: { group: 'kubevirt.io', path: ['spec', 'template'] },
  VirtualMachinePool: {
    group: 'pool.kubevirt.io',
    path: ['spec', 'virtualMachineTemplate', 'spec', 'template'],
    vmSpecPath: ['spec', 'virtualMachineTemplate', 'spec'],
  },
};

/** The KubeVirt kinds whose VMI spec cnf-lint finds. */
export const VM_SPEC_KINDS: readonly string[] = Object.keys(VM_KINDS);

/** The interface binding methods KubeVirt knows (core bindings, discontinued ones, and plugins). */
export const BINDING_METHODS = ['bridge', 'masquerade', 'sriov', 'passtBinding', 'slirp', 'macvtap', 'passt', 'binding'] as const;
export type BindingMethod = (typeof BINDING_METHODS)[number];

/** The network sources of `spec.networks[]`. */
export const NETWORK_SOURCES = ['pod', 'multus', 'resourceClaim'] as const;
export type NetworkSource = (typeof NETWORK_SOURCES)[number];

/** A VMI spec inside an object, with the parts of it the rules read. */
export interface VmSpecView {
  object: K8sObject;
  /** The VMI spec: `spec.template.spec` of a VirtualMachine, `spec` of a VirtualMachineInstance. */
  spec: YAMLMap;
  /** The `spec` pair holding the VMI spec: object-level findings sit on its key. */
  specPair: Pair<Scalar, unknown>;
  /** The map holding `spec` (the object for a VirtualMachineInstance, the template otherwise). */
  parent: YAMLMap;
  /** The VMI template's metadata (the object's metadata for a VirtualMachineInstance). */
  templateMetadata?: YAMLMap;
  /** The VirtualMachine spec (where `running` and `runStrategy` live): VirtualMachine and VirtualMachinePool only. */
  vmSpec?: YAMLMap;
  /** The pair holding `vmSpec`. */
  vmSpecPair?: Pair<Scalar, unknown>;
  /** True when the VMI spec or a map on the way to it is written through an alias or a merge key (shared text). */
  aliased: boolean;
  /** `spec.domain`, `spec.domain.cpu`, `.memory`, `.resources`, `.devices` when they are maps. */
  domain?: YAMLMap;
  cpu?: YAMLMap;
  memory?: YAMLMap;
  resources?: YAMLMap;
  devices?: YAMLMap;
  /** `spec.domain.devices.interfaces[]`, in order. */
  interfaces: VmInterfaceView[];
  /** `spec.networks[]`, in order. */
  networks: VmNetworkView[];
}

/** One `spec.domain.devices.interfaces[]` item. */
export interface VmInterfaceView {
  map: YAMLMap;
  index: number;
  name?: string;
  namePair?: Pair<Scalar, unknown>;
  /** The binding methods written on it, in the order written (KubeVirt wants exactly one). */
  bindings: Array<{ method: BindingMethod; pair: Pair<Scalar, unknown> }>;
  /** True when the item or its list is written through an alias or a merge key. */
  aliased: boolean;
}

/** One `spec.networks[]` item. */
export interface VmNetworkView {
  map: YAMLMap;
  index: number;
  name?: string;
  namePair?: Pair<Scalar, unknown>;
  /** The network sources written on it (KubeVirt wants exactly one). */
  sources: Array<{ source: NetworkSource; pair: Pair<Scalar, unknown> }>;
  /** `multus.networkName` as written (`name` or `namespace/name`), and its pair. */
  multusName?: string;
  multusNamePair?: Pair<Scalar, unknown>;
  /** `multus.default: true`. */
  multusDefault: boolean;
  aliased: boolean;
}

/** True when an object is one of the KubeVirt VM kinds, in its own API group (any version). */
export function isVmKind(object: K8sObject): boolean {
  return vmKindOf(object) !== undefined;
}

/** The table entry of a VM kind in its own API group (own properties only: a kind `constructor` is none). */
function vmKindOf(object: K8sObject): (typeof VM_KINDS)[string] | undefined {
  const entry = Object.hasOwn(VM_KINDS, object.kind) ? VM_KINDS[object.kind] : undefined;
  return entry && object.apiVersion.startsWith(`${entry.group}/`) ? entry : undefined;
}

/** The VMI spec of an object, or undefined for other kinds, other API groups, or a spec that is not a map. */
export function vmSpecOf(object: K8sObject): VmSpecView | undefined {
  const entry = vmKindOf(object);
  if (!entry) return undefined;
  const walked = walk(object.map, entry.path);
  if (!walked) return undefined;
  const { map: parent } = walked;
  let aliased = walked.aliased;
  const specPair = getPair(parent, 'spec');
  const spec = asMap(get(parent, 'spec'));
  if (!specPair || !spec || !specPair.key?.range) return undefined;
  aliased ||= viaAlias(parent, specPair);
  const templateMetadata = entry.path.length === 0 ? object.metadata : asMap(get(parent, 'metadata'));
  const view: VmSpecView = { object, spec, specPair, parent, templateMetadata, aliased, interfaces: [], networks: [] };
  if (entry.vmSpecPath) {
    const holder = walk(object.map, entry.vmSpecPath.slice(0, -1));
    const key = entry.vmSpecPath[entry.vmSpecPath.length - 1];
    view.vmSpecPair = holder && getPair(holder.map, key);
    view.vmSpec = holder && asMap(get(holder.map, key));
  }
  view.domain = asMap(get(spec, 'domain'));
  view.cpu = asMap(get(view.domain, 'cpu'));
  view.memory = asMap(get(view.domain, 'memory'));
  view.resources = asMap(get(view.domain, 'resources'));
  view.devices = asMap(get(view.domain, 'devices'));
  view.interfaces = items(view.devices, 'interfaces', aliased).map(({ map, index, aliased: a }) => ({
    ...named(map),
    map,
    index,
    aliased: a,
    bindings: BINDING_METHODS.flatMap((method) => {
      const pair = getPair(map, method);
      return pair ? [{ method, pair }] : [];
    }),
  }));
  view.networks = items(spec, 'networks', aliased).map(({ map, index, aliased: a }) => {
    const multus = asMap(get(map, 'multus'));
    const multusNamePair = getPair(multus, 'networkName');
    return {
      ...named(map),
      map,
      index,
      aliased: a,
      sources: NETWORK_SOURCES.flatMap((source) => {
        const pair = getPair(map, source);
        return pair ? [{ source, pair }] : [];
      }),
      multusName: stringValue(multusNamePair?.value),
      multusNamePair,
      multusDefault: isTrue(get(multus, 'default')),
    };
  });
  return view;
}

/** The network an interface is bound to (same name), or undefined. */
export function networkOf(vm: VmSpecView, iface: VmInterfaceView): VmNetworkView | undefined {
  return iface.name === undefined ? undefined : vm.networks.find((n) => n.name === iface.name);
}

/** The interface bound to a network (same name), or undefined. */
export function interfaceOf(vm: VmSpecView, network: VmNetworkView): VmInterfaceView | undefined {
  return network.name === undefined ? undefined : vm.interfaces.find((i) => i.name === network.name);
}

/** The one source of a network when exactly one is written. */
export function sourceOf(network: VmNetworkView): NetworkSource | undefined {
  return network.sources.length === 1 ? network.sources[0].source : undefined;
}

/** Follows a path of keys through maps, noting whether any step is shared text. */
function walk(root: YAMLMap, path: readonly string[]): { map: YAMLMap; aliased: boolean } | undefined {
  let map: YAMLMap | undefined = root;
  let aliased = false;
  for (const key of path) {
    const pair: Pair | undefined = getPair(map, key);
    if (!pair) return undefined;
    aliased ||= viaAlias(map!, pair);
    map = asMap(get(map, key));
    if (!map) return undefined;
  }
  return { map: map!, aliased };
}

/** The map items of a sequence under `key`, with their index and whether their text is shared. */
function items(map: YAMLMap | undefined, key: string, aliased: boolean): Array<{ map: YAMLMap; index: number; aliased: boolean }> {
  const pair = getPair(map, key);
  const seq = asSeq(pair?.value);
  if (!map || !pair || !seq) return [];
  const listAliased = aliased || viaAlias(map, pair);
  const out: Array<{ map: YAMLMap; index: number; aliased: boolean }> = [];
  seq.items.forEach((item, index) => {
    const m = asMap(item);
    if (m) out.push({ map: m, index, aliased: listAliased || isAlias(item) });
  });
  return out;
}

function named(map: YAMLMap): { name?: string; namePair?: Pair<Scalar, unknown> } {
  const namePair = getPair(map, 'name');
  return { name: stringValue(namePair?.value), namePair };
}

/** True when a pair's value is an alias, or the pair comes from a merge key (`<<: *base`): its text is shared. */
function viaAlias(map: YAMLMap, pair: Pair): boolean {
  return isAlias(pair.value) || !map.items.includes(pair);
}
