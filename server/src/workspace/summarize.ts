// Summarizes the objects of a file for the workspace index: names, namespaces, labels, NADs, policies.
import { EMPTY_SELECTOR, readLabelSelector, stringMap } from '../manifest/label-selector';
import { get, getIn, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { isClusterScopedNadSource, nadOf } from './nads';
import { isClusterScopedKind } from './namespaces';
import { policyTypesOf, summarizePod, summarizeTenancy } from './summarize-tenancy';
import { IndexedObject, NetworkRef } from './types';

export { RESOURCE_NAME_ANNOTATION } from './nads';
/** The annotation naming the networks a MultiNetworkPolicy applies to. */
export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';

export { stringMap };

/**
 * The index entries of a file's objects. An object without `metadata.namespace` is in
 * `defaultNamespace` (the file's `defaultNamespace` setting), as `kubectl apply` would place it.
 * Pod resources are read from the file's `text` for `kubernetesVersion` (pod-level resources from 1.34).
 */
export function summarizeObjects(uri: string, objects: readonly K8sObject[], defaultNamespace: string, file: SummaryContext = {}): IndexedObject[] {
  const context = { text: file.text ?? '', kubernetesVersion: file.kubernetesVersion ?? DEFAULT_SETTINGS.kubernetesVersion };
  return objects.map((o) => summarizeObject(uri, o, defaultNamespace, context));
}

/** What summaries of pods read besides the objects: the file's text and the Kubernetes version. */
export interface SummaryContext {
  text?: string;
  kubernetesVersion?: string;
}

function summarizeObject(uri: string, o: K8sObject, defaultNamespace: string, context: Required<SummaryContext>): IndexedObject {
  const namespace = isClusterScopedKind(o.kind) || isClusterScopedNadSource(o) ? '' : (o.namespace ?? defaultNamespace);
  const out: IndexedObject = { uri, kind: o.kind, apiVersion: o.apiVersion, name: o.name, namespace, labels: stringMap(get(o.metadata, 'labels')) };
  const nad = nadOf(uri, o, namespace);
  if (nad) out.nad = nad;
  if (o.kind === 'MultiNetworkPolicy') {
    out.policyFor = parseNetworkList(stringValue(get(o.annotations, POLICY_FOR_ANNOTATION)) ?? '', namespace);
  }
  if (o.kind === 'MultiNetworkPolicy' || o.kind === 'NetworkPolicy') {
    // podSelector is not a pointer in the API: absent or null, it is the empty selector (every pod).
    out.podSelector = readLabelSelector(getIn(o.map, ['spec', 'podSelector'])) ?? EMPTY_SELECTOR;
    if (o.kind === 'NetworkPolicy') out.policyTypes = policyTypesOf(o);
  }
  const pod = summarizePod(o, context);
  summarizeTenancy(o, out, context.text);
  if (pod) out.pod = pod;
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
