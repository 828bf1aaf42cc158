// The `resources` of a container or a pod spec: requests and limits, each quantity read as Kubernetes reads it.
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { memoOn } from './memo';
import { asMap, get, getPair, keysOf } from './nodes';
import { QuantityRead, readQuantity } from './quantity-node';
import { Quantity } from './quantity';
import { PodSpecView } from './pod-specs';

/** One entry of a resource list: `cpu: "2"`. */
export interface ResourceEntry {
  name: string;
  pair: Pair<Scalar, unknown>;
  /** The quantity; undefined when the value has no source text (never in a parsed file). */
  read?: QuantityRead;
}

/** A `requests` or `limits` map. */
export interface ResourceList {
  pair?: Pair<Scalar, unknown>;
  map?: YAMLMap;
  entries: Map<string, ResourceEntry>;
}

/** The `resources` of a container (or the pod-level `spec.resources`). */
export interface ResourceRequirementsView {
  /** The map holding `resources`: the container, or the pod spec. */
  owner: YAMLMap;
  pair?: Pair<Scalar, unknown>;
  map?: YAMLMap;
  requests: ResourceList;
  limits: ResourceList;
}

const RESOURCES = Symbol('cnf-lint.resources');

/** The resources written in a container map or pod spec (empty lists when absent); read once per text. */
export function resourceRequirements(file: { text: string }, owner: YAMLMap): ResourceRequirementsView {
  return memoOn(owner, RESOURCES, file.text, () => readRequirements(file, owner));
}

function readRequirements(file: { text: string }, owner: YAMLMap): ResourceRequirementsView {
  const pair = getPair(owner, 'resources');
  const map = asMap(get(owner, 'resources'));
  return { owner, pair, map, requests: resourceList(file, map, 'requests'), limits: resourceList(file, map, 'limits') };
}

function resourceList(file: { text: string }, resources: YAMLMap | undefined, key: 'requests' | 'limits'): ResourceList {
  const pair = getPair(resources, key);
  const map = asMap(get(resources, key));
  const entries = new Map<string, ResourceEntry>();
  for (const name of keysOf(map)) {
    const p = getPair(map, name);
    if (p) entries.set(name, { name, pair: p, read: readQuantity(file, p.value ?? undefined) });
  }
  return { pair, map, entries };
}

/** The valid quantity of an entry, or undefined (absent, or not a quantity). */
export function quantityOf(entry: ResourceEntry | undefined): Quantity | undefined {
  return entry?.read?.ok ? entry.read.quantity : undefined;
}

/**
 * The request of a resource as the API server sees it after defaulting: the request when written,
 * else the limit (a missing request defaults to the limit).
 */
export function effectiveRequest(rr: ResourceRequirementsView, name: string): ResourceEntry | undefined {
  return rr.requests.entries.get(name) ?? rr.limits.entries.get(name);
}

/** Every resource name a container requests or limits, requests first, each once. */
export function resourceNamesOf(rr: ResourceRequirementsView): string[] {
  return [...new Set([...rr.requests.entries.keys(), ...rr.limits.entries.keys()])];
}

/** True when a valid quantity is greater than zero. */
export function isPositive(q: Quantity | undefined): boolean {
  return q !== undefined && q.nanos > 0n;
}

/** The pod-level `spec.resources`, when it sets cpu, memory or huge pages (Kubernetes' IsPodLevelResourcesSet). */
export function podLevelResources(file: { text: string }, pod: PodSpecView): ResourceRequirementsView | undefined {
  if (!getPair(pod.spec, 'resources')) return undefined;
  const rr = resourceRequirements(file, pod.spec);
  const supported = (n: string) => n === 'cpu' || n === 'memory' || n.startsWith('hugepages-');
  return resourceNamesOf(rr).some(supported) ? rr : undefined;
}
