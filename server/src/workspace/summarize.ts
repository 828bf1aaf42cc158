// Summarizes the objects of a file for the workspace index: names, namespaces, labels, NADs, policies.
import { asMap, entries, get, getIn, scalarText, seqItems, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { isClusterScopedNadSource, nadOf } from './nads';
import { IndexedObject, LabelSelector, NetworkRef } from './types';

export { RESOURCE_NAME_ANNOTATION } from './nads';
/** The annotation naming the networks a MultiNetworkPolicy applies to. */
export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';

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
  const namespace = CLUSTER_SCOPED.has(o.kind) || isClusterScopedNadSource(o) ? '' : (o.namespace ?? defaultNamespace);
  const out: IndexedObject = { uri, kind: o.kind, apiVersion: o.apiVersion, name: o.name, namespace, labels: stringMap(get(o.metadata, 'labels')) };
  const nad = nadOf(uri, o, namespace);
  if (nad) out.nad = nad;
  if (o.kind === 'MultiNetworkPolicy') {
    out.policyFor = parseNetworkList(stringValue(get(o.annotations, POLICY_FOR_ANNOTATION)) ?? '', namespace);
  }
  if (o.kind === 'MultiNetworkPolicy' || o.kind === 'NetworkPolicy') {
    const selector = asMap(getIn(o.map, ['spec', 'podSelector']));
    if (selector) out.podSelector = labelSelector(selector);
  }
  return out;
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
  for (const [k, v] of Object.entries(selector.matchLabels)) if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
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

/** A map of scalar values as strings (labels, matchLabels), every key an own property (`__proto__` included). */
export function stringMap(map: unknown): Record<string, string> {
  const out: Array<[string, string]> = [];
  for (const e of entries(map)) {
    const v = scalarText(e.value);
    if (v !== undefined) out.push([e.key, v]);
  }
  return Object.fromEntries(out);
}
