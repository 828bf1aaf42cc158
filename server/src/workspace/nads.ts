// The NetworkAttachmentDefinition an object gives Multus: a NAD as written, or the one a network operator renders from its object.
import { get, getIn, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { CniPluginSummary, IndexedNad, NadSourceKind } from './types';

/** The annotation naming the device-plugin resource a NetworkAttachmentDefinition's interfaces come from. */
export const RESOURCE_NAME_ANNOTATION = 'k8s.v1.cni.cncf.io/resourceName';

/** A kind whose objects a network operator turns into a NetworkAttachmentDefinition of the object's name. */
interface NadSource {
  /** The API group (of `apiVersion`) the kind belongs to. */
  group: string;
  /** Cluster-scoped kinds put the NAD in `default` without `spec.networkNamespace`; namespaced ones in their own namespace. */
  clusterScoped: boolean;
  /** The CNI plugin type of the NAD the operator renders. */
  plugin: string;
  /** The spec fields of the kind that the operator renders into the NAD (each a string; `ipam` and `networkNamespace` every kind has). */
  fields: ReadonlyArray<'resourceName' | 'capabilities' | 'metaPlugins'>;
}

const SRIOV_OPERATOR = 'sriovnetwork.openshift.io';
const NVIDIA_OPERATOR = 'mellanox.com';

/** The operators' kinds, with their fields as in sriov-network-operator api/v1 and network-operator api/v1alpha1. */
const NAD_SOURCES: Readonly<Record<Exclude<NadSourceKind, 'NetworkAttachmentDefinition'>, NadSource>> = {
  SriovNetwork: { group: SRIOV_OPERATOR, clusterScoped: false, plugin: 'sriov', fields: ['resourceName', 'capabilities', 'metaPlugins'] },
  SriovIBNetwork: { group: SRIOV_OPERATOR, clusterScoped: false, plugin: 'ib-sriov', fields: ['resourceName', 'capabilities', 'metaPlugins'] },
  OVSNetwork: { group: SRIOV_OPERATOR, clusterScoped: false, plugin: 'ovs', fields: ['resourceName', 'capabilities', 'metaPlugins'] },
  HostDeviceNetwork: { group: NVIDIA_OPERATOR, clusterScoped: true, plugin: 'host-device', fields: ['resourceName', 'metaPlugins'] },
  MacvlanNetwork: { group: NVIDIA_OPERATOR, clusterScoped: true, plugin: 'macvlan', fields: ['metaPlugins'] },
  IPoIBNetwork: { group: NVIDIA_OPERATOR, clusterScoped: true, plugin: 'ipoib', fields: [] },
};

/** The operator kind an object is (kind and API group both match), or undefined. */
function nadSourceOf(o: K8sObject): [Exclude<NadSourceKind, 'NetworkAttachmentDefinition'>, NadSource] | undefined {
  if (!Object.prototype.hasOwnProperty.call(NAD_SOURCES, o.kind)) return undefined;
  const kind = o.kind as keyof typeof NAD_SOURCES;
  const source = NAD_SOURCES[kind];
  return o.apiVersion.split('/')[0] === source.group ? [kind, source] : undefined;
}

/** True for an object of a cluster-scoped operator kind (HostDeviceNetwork, MacvlanNetwork, IPoIBNetwork). */
export function isClusterScopedNadSource(o: K8sObject): boolean {
  return nadSourceOf(o)?.[1].clusterScoped ?? false;
}

/**
 * The NAD an object gives Multus, or undefined: a NetworkAttachmentDefinition in `namespace` (the
 * object's resolved namespace); an operator object's NAD in `spec.networkNamespace`, else in
 * `namespace` (namespaced kinds) or `default` (cluster-scoped kinds).
 */
export function nadOf(uri: string, o: K8sObject, namespace: string): IndexedNad | undefined {
  if (!o.name) return undefined;
  if (o.kind === 'NetworkAttachmentDefinition') {
    const resourceName = stringValue(get(o.annotations, RESOURCE_NAME_ANNOTATION));
    const plugins = pluginsOf(parseJson(stringValue(getIn(o.map, ['spec', 'config']))));
    return { uri, namespace, name: o.name, definedBy: 'NetworkAttachmentDefinition', resourceName, plugins };
  }
  const found = nadSourceOf(o);
  if (!found) return undefined;
  const [kind, source] = found;
  const spec = get(o.map, 'spec');
  const field = (name: string) => stringValue(get(spec, name));
  const has = (name: NadSource['fields'][number]) => source.fields.includes(name);
  const main: CniPluginSummary = { type: source.plugin, capabilities: has('capabilities') ? trueKeys(parseJson(field('capabilities'))) : [] };
  const ipam = ipamType(parseJson(field('ipam')));
  if (ipam) main.ipam = ipam;
  const plugins = [main];
  const meta = has('metaPlugins') ? parseJson(`[${field('metaPlugins') ?? ''}]`) : undefined;
  if (Array.isArray(meta)) plugins.push(...(pluginsOf({ plugins: meta }) ?? []));
  const nad: IndexedNad = {
    uri,
    namespace: field('networkNamespace') || (source.clusterScoped ? 'default' : namespace),
    name: o.name,
    definedBy: kind,
  };
  const resourceName = has('resourceName') ? field('resourceName') : undefined;
  if (resourceName) {
    nad.resourceName = resourceName;
    if (!resourceName.includes('/')) nad.anyPrefix = true;
  }
  if (source.group === SRIOV_OPERATOR) nad.injected = true;
  nad.plugins = plugins;
  return nad;
}

/** The plugins of a parsed CNI config: its `plugins` list, or the config itself; undefined when it is not an object. */
export function pluginsOf(config: unknown): CniPluginSummary[] | undefined {
  if (!isObject(config)) return undefined;
  const list = Array.isArray(config.plugins) ? config.plugins : [config];
  return list.map((p) => {
    if (!isObject(p)) return { capabilities: [] };
    const plugin: CniPluginSummary = { type: typeof p.type === 'string' ? p.type : undefined, capabilities: trueKeys(p.capabilities) };
    const ipam = ipamType(p.ipam);
    if (ipam) plugin.ipam = ipam;
    return plugin;
  });
}

function ipamType(ipam: unknown): string | undefined {
  return isObject(ipam) && typeof ipam.type === 'string' ? ipam.type : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function trueKeys(v: unknown): string[] {
  return isObject(v) ? Object.keys(v).filter((k) => v[k] === true) : [];
}
