// The NetworkAttachmentDefinition an object gives Multus: a NAD as written, or the one a network operator renders from its object.
import { CniConfig, installsDefaultRoute, ipamSubnets, readCniConfig, stringProperty } from '../manifest/cni-config';
import { propertyOf } from '../manifest/json-positions';
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
    const config = stringValue(getIn(o.map, ['spec', 'config']));
    const plugins = config === undefined ? undefined : pluginsOf(readCniConfig(config));
    return { uri, namespace, name: o.name, definedBy: 'NetworkAttachmentDefinition', resourceName, plugins };
  }
  const found = nadSourceOf(o);
  if (!found) return undefined;
  const [kind, source] = found;
  const spec = get(o.map, 'spec');
  const field = (name: string) => stringValue(get(spec, name));
  const has = (name: NadSource['fields'][number]) => source.fields.includes(name);
  const main: CniPluginSummary = { type: source.plugin, capabilities: has('capabilities') ? trueKeys(readCniConfig(field('capabilities') ?? '')) : [] };
  const ipam = readCniConfig(`{"type": "", "ipam": ${field('ipam') ?? '{}'}}`).plugins[0];
  if (ipam?.ipam?.type) main.ipam = ipam.ipam.type;
  const subnets = ipamSubnets(ipam?.ipam);
  if (subnets.length > 0) main.subnets = subnets;
  const plugins = [main];
  const meta = has('metaPlugins') ? pluginsOf(readCniConfig(`{"plugins": [${field('metaPlugins') ?? ''}]}`)) : undefined;
  if (meta) plugins.push(...meta);
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

/** The plugins of a CNI config as the index keeps them; undefined when the config does not parse to an object. */
export function pluginsOf(config: CniConfig): CniPluginSummary[] | undefined {
  if (!config.root) return undefined;
  return config.plugins.map((p) => {
    const plugin: CniPluginSummary = { type: p.type, capabilities: p.capabilities };
    if (p.ipam?.type) plugin.ipam = p.ipam.type;
    const subnets = ipamSubnets(p.ipam);
    if (subnets.length > 0) plugin.subnets = subnets;
    if (installsDefaultRoute(p)) plugin.defaultRoute = true;
    if (p.type === 'vrf') {
      const vrfname = stringProperty(p.node, 'vrfname');
      const table = propertyOf(p.node, 'table')?.value;
      if (vrfname !== undefined) plugin.vrfname = vrfname;
      if (table?.type === 'number' && Number.isInteger(table.value) && table.value >= 0) plugin.table = table.value;
    }
    return plugin;
  });
}

/** The keys of a config's root object that are true (an operator's capabilities string). */
function trueKeys(config: CniConfig): string[] {
  return config.root?.properties.filter((p) => p.value.type === 'boolean' && p.value.value).map((p) => p.key) ?? [];
}
