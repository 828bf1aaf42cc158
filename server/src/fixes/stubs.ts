// The objects Multus fixes create: NetworkAttachmentDefinition stubs and a MultiNetworkPolicy skeleton.
import { RESOURCE_NAME_ANNOTATION, POLICY_FOR_ANNOTATION } from '../workspace/summarize';

/** The CNI plugins a NetworkAttachmentDefinition stub can use. */
export type StubPlugin = 'macvlan' | 'ipvlan' | 'sriov' | 'host-device' | 'bridge';

/** The stub plugins, in the order fixes offer them. */
export const STUB_PLUGINS: readonly StubPlugin[] = ['macvlan', 'ipvlan', 'sriov', 'host-device', 'bridge'];

/** The SR-IOV device-plugin resource a stub names when the pod requests none (a placeholder to replace). */
export const PLACEHOLDER_SRIOV_RESOURCE = 'intel.com/intel_sriov_netdevice';

/** Cluster-wide IPAM on a documentation range (RFC 5737): replace the range with the network's. */
const WHEREABOUTS = { type: 'whereabouts', range: '192.0.2.0/24' };

/** The plugin part of each stub's CNI config (macvlan and ipvlan leave `master` out: the node's default-route interface). */
const PLUGIN_CONFIG: Record<StubPlugin, Record<string, unknown>> = {
  macvlan: { type: 'macvlan', mode: 'bridge', ipam: WHEREABOUTS },
  ipvlan: { type: 'ipvlan', mode: 'l2', ipam: WHEREABOUTS },
  sriov: { type: 'sriov', ipam: WHEREABOUTS },
  'host-device': { type: 'host-device', device: 'eth1', ipam: WHEREABOUTS },
  bridge: { type: 'bridge', bridge: 'br1', ipam: WHEREABOUTS },
};

/**
 * A NetworkAttachmentDefinition named `name` (in `namespace` when given) with a CNI config for
 * `plugin`; an sriov stub carries the resourceName annotation of `resourceName`.
 */
export function nadStub(plugin: StubPlugin, name: string, namespace: string | undefined, resourceName?: string): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name };
  if (namespace !== undefined) metadata.namespace = namespace;
  if (plugin === 'sriov') metadata.annotations = { [RESOURCE_NAME_ANNOTATION]: resourceName ?? PLACEHOLDER_SRIOV_RESOURCE };
  const config = { cniVersion: '1.0.0', name, ...PLUGIN_CONFIG[plugin] };
  return { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata, spec: { config: prettyJson(config) } };
}

/**
 * A MultiNetworkPolicy for the network `policyFor` (`name` or `ns/name`) that selects pods with
 * `labels` (every pod of the namespace when there are none) and admits traffic from, and to, pods
 * of its namespace on that network only: a starting point to narrow.
 */
export function multiNetworkPolicySkeleton(name: string, namespace: string | undefined, policyFor: string, labels: Record<string, string>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name };
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.annotations = { [POLICY_FOR_ANNOTATION]: policyFor };
  const podSelector = Object.keys(labels).length > 0 ? { matchLabels: labels } : {};
  return {
    apiVersion: 'k8s.cni.cncf.io/v1beta1',
    kind: 'MultiNetworkPolicy',
    metadata,
    spec: {
      podSelector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    },
  };
}

/** JSON with two-space indentation and a space after each colon, one value per line, ending with a line break. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Compact JSON with a space after colons and commas: `{"name": "a", "interface": "net1"}`. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}
