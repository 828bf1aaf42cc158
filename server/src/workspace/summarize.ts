// Summarizes the objects of a file for the workspace index: names, namespaces, labels, NADs, policies.
import { asMap, entries, get, getIn, scalarText, seqItems, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { CniPluginSummary, IndexedNad, IndexedObject, LabelSelector, NetworkRef } from './types';

/** The annotation naming the device-plugin resource a NetworkAttachmentDefinition's interfaces come from. */
export const RESOURCE_NAME_ANNOTATION = 'k8s.v1.cni.cncf.io/resourceName';
/** The annotation naming the networks a MultiNetworkPolicy applies to. */
export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';
/** The resource prefix the SR-IOV Network Operator puts before a SriovNetwork's `resourceName` (its default). */
export const SRIOV_OPERATOR_RESOURCE_PREFIX = 'openshift.io';

/** Kinds that live outside namespaces: their objects get namespace ''. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CSIDriver',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'VolumeSnapshotClass',
]);

/**
 * The index entries of a file's objects. An object without `metadata.namespace` is in
 * `defaultNamespace` (the file's `defaultNamespace` setting), as `kubectl apply` would place it.
 */
export function summarizeObjects(uri: string, objects: readonly K8sObject[], defaultNamespace: string): IndexedObject[] {
  return objects.map((o) => summarizeObject(uri, o, defaultNamespace));
}

function summarizeObject(uri: string, o: K8sObject, defaultNamespace: string): IndexedObject {
  const namespace = CLUSTER_SCOPED.has(o.kind) ? '' : (o.namespace ?? defaultNamespace);
  const out: IndexedObject = { uri, kind: o.kind, apiVersion: o.apiVersion, name: o.name, namespace, labels: stringMap(get(o.metadata, 'labels')) };
  if (o.kind === 'NetworkAttachmentDefinition' && o.name) {
    out.nad = {
      uri,
      namespace,
      name: o.name,
      definedBy: 'NetworkAttachmentDefinition',
      resourceName: stringValue(get(o.annotations, RESOURCE_NAME_ANNOTATION)),
      plugins: pluginsOf(parseJson(stringValue(getIn(o.map, ['spec', 'config'])))),
    };
  } else if (o.kind === 'SriovNetwork' && o.name) {
    out.nad = sriovNetworkNad(uri, o, namespace);
  }
  if (o.kind === 'MultiNetworkPolicy') {
    out.policyFor = parseNetworkList(stringValue(get(o.annotations, POLICY_FOR_ANNOTATION)) ?? '', namespace);
  }
  if (o.kind === 'MultiNetworkPolicy' || o.kind === 'NetworkPolicy') {
    const selector = asMap(getIn(o.map, ['spec', 'podSelector']));
    if (selector) out.podSelector = labelSelector(selector);
  }
  return out;
}

/** The NAD the SR-IOV Network Operator renders from a SriovNetwork: sriov, then its meta plugins. */
function sriovNetworkNad(uri: string, o: K8sObject, namespace: string): IndexedNad {
  const spec = get(o.map, 'spec');
  const resource = stringValue(get(spec, 'resourceName'));
  const capabilities = parseJson(stringValue(get(spec, 'capabilities')));
  const plugins: CniPluginSummary[] = [{ type: 'sriov', capabilities: trueKeys(capabilities) }];
  const meta = parseJson(`[${stringValue(get(spec, 'metaPlugins')) ?? ''}]`);
  if (Array.isArray(meta)) plugins.push(...(pluginsOf({ plugins: meta }) ?? []));
  return {
    uri,
    namespace: stringValue(get(spec, 'networkNamespace')) || namespace,
    name: o.name!,
    definedBy: 'SriovNetwork',
    resourceName: resource ? (resource.includes('/') ? resource : `${SRIOV_OPERATOR_RESOURCE_PREFIX}/${resource}`) : undefined,
    plugins,
  };
}

/** The plugins of a parsed CNI config: its `plugins` list, or the config itself; undefined when it is not an object. */
export function pluginsOf(config: unknown): CniPluginSummary[] | undefined {
  if (!isObject(config)) return undefined;
  const list = Array.isArray(config.plugins) ? config.plugins : [config];
  return list.map((p) => (isObject(p) ? { type: typeof p.type === 'string' ? p.type : undefined, capabilities: trueKeys(p.capabilities) } : { capabilities: [] }));
}

/**
 * The networks of a comma list such as `policy-for` (`ns/name, name`): each `ns/name` or `name`,
 * a name without namespace resolved to `namespace`. Empty items are skipped.
 */
export function parseNetworkList(text: string, namespace: string): NetworkRef[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => splitNetworkName(item, namespace));
}

/** `ns/name` -> {ns, name}; `name` -> {namespace, name}. */
export function splitNetworkName(text: string, namespace: string): NetworkRef {
  const slash = text.indexOf('/');
  return slash < 0 ? { namespace, name: text } : { namespace: text.slice(0, slash), name: text.slice(slash + 1) };
}

/** True when a selector selects a set of labels (an absent selector selects everything). */
export function selects(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function labelSelector(selector: unknown): LabelSelector {
  const matchExpressions = seqItems(selector, 'matchExpressions').map((e) => ({
    key: stringValue(get(e, 'key')) ?? '',
    operator: stringValue(get(e, 'operator')) ?? '',
    values: seqItems(e, 'values').map((v) => scalarText(v) ?? ''),
  }));
  return { matchLabels: stringMap(get(selector, 'matchLabels')), matchExpressions };
}

/** A map of scalar values as strings (labels, matchLabels). */
function stringMap(map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries(map)) {
    const v = scalarText(e.value);
    if (v !== undefined) out[e.key] = v;
  }
  return out;
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
