// A CNI config (a NetworkAttachmentDefinition's spec.config): decoded from any YAML scalar style, parsed with positions, read as plugins.
import { isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import { JsonNode, JsonParse, JsonProperty, jsonValue, parseJson, propertyOf } from './json-positions';
import { memoOn } from './memo';
import { asMap, deref, get, getPair } from './nodes';
import type { K8sObject } from './objects';
import { decodeScalar, DecodedString } from './string-offsets';

/** A JSON object node. */
export type JsonObject = Extract<JsonNode, { type: 'object' }>;

/** The IPAM object of a plugin. */
export interface CniIpam {
  node: JsonObject;
  /** Its `type` when a string (`host-local`, `whereabouts`, `static`, `dhcp`, ...). */
  type?: string;
}

/** One plugin of a config (a single config is a list of one). Offsets are in the config text. */
export interface CniPlugin {
  index: number;
  node: JsonNode;
  /** The `type` property, when the plugin is an object that has one. */
  typeProperty?: JsonProperty;
  /** The `type` when a string. */
  type?: string;
  ipam?: CniIpam;
  /** The capabilities the plugin declares true. */
  capabilities: string[];
}

/** A config text read: the parse, and when it is an object, its typed view. Offsets are in `text`. */
export interface CniConfig {
  text: string;
  parse: JsonParse;
  /** The root when the text parses to an object. */
  root?: JsonObject;
  /** True when the root has a `plugins` key (a config list, as libcni reads it: Multus reads a root with a `type` as a single config). */
  list: boolean;
  cniVersion?: JsonProperty;
  name?: JsonProperty;
  /** The `plugins` array of a list. */
  pluginsArray?: Extract<JsonNode, { type: 'array' }>;
  /** The plugins in order: the list's items, or the root itself. */
  plugins: CniPlugin[];
}

/** A NetworkAttachmentDefinition's config in a file: the text read, with the YAML it is written in. */
export interface NadConfig extends CniConfig {
  /** The `spec` map and its `config` pair. */
  spec: YAMLMap;
  pair: Pair<Scalar, unknown>;
  scalar: Scalar;
  /** The scalar's value with the file span of each character. */
  decoded: DecodedString;
}

/** Reads a config text (JSON). Never throws. */
export function readCniConfig(text: string): CniConfig {
  const parse = parseJson(text);
  const root = parse.ok && parse.node.type === 'object' ? parse.node : undefined;
  const config: CniConfig = { text, parse, root, list: false, plugins: [] };
  if (!root) return config;
  config.cniVersion = propertyOf(root, 'cniVersion');
  config.name = propertyOf(root, 'name');
  const plugins = propertyOf(root, 'plugins');
  const type = propertyOf(root, 'type');
  config.list = plugins !== undefined && type === undefined;
  if (config.list && plugins?.value.type === 'array') config.pluginsArray = plugins.value;
  const nodes = config.list ? (config.pluginsArray?.items ?? []) : [root];
  config.plugins = nodes.map(readPlugin);
  return config;
}

function readPlugin(node: JsonNode, index: number): CniPlugin {
  const typeProperty = propertyOf(node, 'type');
  const plugin: CniPlugin = { index, node, typeProperty, capabilities: [] };
  if (typeProperty?.value.type === 'string') plugin.type = typeProperty.value.value;
  const caps = propertyOf(node, 'capabilities')?.value;
  if (caps?.type === 'object') plugin.capabilities = caps.properties.filter((p) => p.value.type === 'boolean' && p.value.value && propertyOf(caps, p.key) === p).map((p) => p.key);
  const ipam = propertyOf(node, 'ipam')?.value;
  if (ipam?.type === 'object') {
    const t = propertyOf(ipam, 'type')?.value;
    plugin.ipam = { node: ipam, type: t?.type === 'string' ? t.value : undefined };
  }
  return plugin;
}

/** The string value of a plugin's (or any object's) property, when it is a string. */
export function stringProperty(node: JsonNode | undefined, key: string): string | undefined {
  const v = propertyOf(node, key)?.value;
  return v?.type === 'string' ? v.value : undefined;
}

/**
 * The config of a NetworkAttachmentDefinition of this file: its `spec.config` when that is a
 * string scalar (plain, quoted, block, or quoted as only kubectl reads it). Undefined when there is
 * no such string. Read once per file text.
 */
export function nadConfig(text: string, nad: K8sObject): NadConfig | undefined {
  const spec = asMap(get(nad.map, 'spec'));
  const pair = getPair(spec, 'config');
  const scalar = deref(pair?.value);
  if (!spec || !pair || !isScalar(scalar) || typeof scalar.value !== 'string') return undefined;
  return memoOn(scalar, NAD_CONFIG, text, () => {
    const decoded = decodeScalar(text, scalar);
    return decoded && { ...readCniConfig(decoded.value), spec, pair, scalar, decoded };
  });
}

const NAD_CONFIG = Symbol('cnf-lint.nad-config');

/** The plain value of a config's root (undefined when it does not parse to an object). */
export function configValue(config: CniConfig): Record<string, unknown> | undefined {
  return config.root && (jsonValue(config.root) as Record<string, unknown>);
}

/** Linux interface names (a VRF is a device) are at most 15 characters (IFNAMSIZ - 1). */
export const MAX_IFNAME = 15;

/** A VRF name for a network: `vrf-<name>`, cut to an interface name's length. */
export function vrfNameFor(network: string): string {
  return `vrf-${network}`.slice(0, MAX_IFNAME).replace(/[-.]+$/, '');
}

/** Plugin types that create the pod's interface (or take a device into the pod): a chain starts with one. */
export const INTERFACE_PLUGINS: ReadonlySet<string> = new Set([
  'macvlan',
  'ipvlan',
  'vlan',
  'host-device',
  'bridge',
  'sriov',
  'ib-sriov',
  'ipoib',
  'ovs',
  'ptp',
  'tap',
  'dummy',
  'bond',
  'userspace',
  'accelerated-bridge',
  'ovn-k8s-cni-overlay',
]);

/**
 * The subnets an IPAM object allocates from, as written: host-local `subnet` and `ranges[][].subnet`,
 * whereabouts `range` and `ipRanges[].range` (the CIDR of `first-IP/CIDR`), static `addresses[].address`.
 */
export function ipamSubnets(ipam: CniIpam | undefined): string[] {
  if (!ipam) return [];
  const out: string[] = [];
  const add = (node: JsonNode | undefined) => {
    if (node?.type === 'string' && node.value.trim()) out.push(node.value.trim().replace(/^[^/]*-(?=[^-]*\/)/, ''));
  };
  add(propertyOf(ipam.node, 'subnet')?.value);
  add(propertyOf(ipam.node, 'range')?.value);
  for (const set of arrayItems(propertyOf(ipam.node, 'ranges')?.value)) for (const r of arrayItems(set)) add(propertyOf(r, 'subnet')?.value);
  for (const r of arrayItems(propertyOf(ipam.node, 'ipRanges')?.value)) add(propertyOf(r, 'range')?.value);
  for (const a of arrayItems(propertyOf(ipam.node, 'addresses')?.value)) add(propertyOf(a, 'address')?.value);
  return out;
}

/** True when a plugin installs a default route in the pod: an IPAM route to 0.0.0.0/0 or ::/0, or a bridge with `isDefaultGateway`. */
export function installsDefaultRoute(plugin: CniPlugin): boolean {
  const flag = propertyOf(plugin.node, 'isDefaultGateway')?.value;
  if (plugin.type === 'bridge' && flag?.type === 'boolean' && flag.value) return true;
  return arrayItems(propertyOf(plugin.ipam?.node, 'routes')?.value).some((r) => /^(?:0\.0\.0\.0\/0|::\/0)$/.test(stringProperty(r, 'dst')?.trim() ?? ''));
}

function arrayItems(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? node.items : [];
}
