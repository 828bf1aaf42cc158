// What a pod asks of a node, as the scheduler and ResourceQuota count it (component-helpers PodRequests, PodLimits), and how many pods a workload runs.
import { compareKubeVersion } from '../protocol/settings';
import { get, getIn, scalarText, stringValue } from './nodes';
import { K8sObject } from './objects';
import { PodSpecView } from './pod-specs';
import { POD_LEVEL_RESOURCES_VERSION } from './qos';
import { addQuantities, compareQuantities, Quantity } from './quantity';
import { effectiveRequest, podLevelResources, quantityOf, ResourceRequirementsView, resourceNamesOf, resourceRequirements } from './resource-requirements';

/** Quantities by resource name. */
export type ResourceTotals = Map<string, Quantity>;

/** A pod's requests and limits as the scheduler counts them, pod overhead left out (a RuntimeClass adds it). */
export interface PodTotals {
  requests: ResourceTotals;
  limits: ResourceTotals;
}

/**
 * The requests and limits of a pod spec, as Kubernetes aggregates them: the app containers summed
 * with the sidecars (init containers with `restartPolicy: Always`); each regular init container,
 * with the sidecars started before it, is a lower bound (the largest wins); requests default to
 * limits. From Kubernetes 1.34 pod-level `spec.resources` replaces the aggregate for the
 * resources it sets. Ephemeral containers and values that are not quantities do not count.
 */
export function podTotals(file: { text: string }, pod: PodSpecView, kubernetesVersion: string): PodTotals {
  const totals: PodTotals = { requests: new Map(), limits: new Map() };
  for (const part of ['requests', 'limits'] as const) {
    const of = (rr: ResourceRequirementsView): ResourceTotals => (part === 'requests' ? requestsOf(rr) : limitsOf(rr));
    const sum = totals[part];
    const sidecars: ResourceTotals = new Map();
    const initFloor: ResourceTotals = new Map();
    for (const c of pod.containers) {
      const own = of(resourceRequirements(file, c.map));
      if (c.list === 'containers') addInto(sum, own);
      else if (c.list === 'initContainers') {
        if (stringValue(get(c.map, 'restartPolicy')) === 'Always') {
          addInto(sum, own);
          addInto(sidecars, own);
          maxInto(initFloor, sidecars);
        } else {
          const during: ResourceTotals = new Map(sidecars);
          addInto(during, own);
          maxInto(initFloor, during);
        }
      }
    }
    maxInto(sum, initFloor);
  }
  const podLevel = compareKubeVersion(kubernetesVersion, POD_LEVEL_RESOURCES_VERSION) >= 0 ? podLevelResources(file, pod) : undefined;
  if (podLevel) {
    const supported = (n: string) => n === 'cpu' || n === 'memory' || n.startsWith('hugepages-');
    for (const [name, q] of requestsOf(podLevel)) if (supported(name)) totals.requests.set(name, q);
    for (const [name, q] of limitsOf(podLevel)) if (supported(name)) totals.limits.set(name, q);
  }
  return totals;
}

/** Adds a RuntimeClass's pod overhead: to every request, and to the limits the pod sets (as PodLimits does). */
export function addOverhead(totals: PodTotals, overhead: ResourceTotals): PodTotals {
  const requests = new Map(totals.requests);
  addInto(requests, overhead);
  const limits = new Map(totals.limits);
  for (const [name, q] of overhead) if (limits.has(name)) limits.set(name, addQuantities(limits.get(name)!, q));
  return { requests, limits };
}

/** The requests of a container after defaulting: each resource's request, else its limit. */
function requestsOf(rr: ResourceRequirementsView): ResourceTotals {
  const out: ResourceTotals = new Map();
  for (const name of resourceNamesOf(rr)) {
    const q = quantityOf(effectiveRequest(rr, name));
    if (q) out.set(name, q);
  }
  return out;
}

function limitsOf(rr: ResourceRequirementsView): ResourceTotals {
  const out: ResourceTotals = new Map();
  for (const [name, entry] of rr.limits.entries) {
    const q = quantityOf(entry);
    if (q) out.set(name, q);
  }
  return out;
}

/** Adds `more` into `into`, resource by resource. */
export function addInto(into: ResourceTotals, more: ResourceTotals): void {
  for (const [name, q] of more) into.set(name, into.has(name) ? addQuantities(into.get(name)!, q) : q);
}

function maxInto(into: ResourceTotals, other: ResourceTotals): void {
  for (const [name, q] of other) if (!into.has(name) || compareQuantities(q, into.get(name)!) > 0) into.set(name, q);
}

/** A quantity times a whole number of pods. */
export function timesPods(q: Quantity, pods: number): Quantity {
  return { nanos: q.nanos * BigInt(pods), format: q.format };
}

/**
 * How many pods of a workload run at once, as its spec says: `replicas` (default 1) for the
 * replicated kinds, `parallelism` (default 1, at most `completions`) for a Job or a CronJob's job,
 * 1 for a Pod and for a DaemonSet (one per node: the node count is not in the manifests), 0 for a
 * PodTemplate. A value that is not a non-negative integer counts as 1.
 */
export function podsRunning(object: K8sObject): number {
  const count = (path: string[]) => {
    const text = scalarText(getIn(object.map, path));
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  switch (object.kind) {
    case 'PodTemplate':
      return 0;
    case 'Pod':
    case 'DaemonSet':
      return 1;
    case 'Job':
    case 'CronJob': {
      const spec = object.kind === 'Job' ? ['spec'] : ['spec', 'jobTemplate', 'spec'];
      const parallelism = count([...spec, 'parallelism']) ?? 1;
      const completions = count([...spec, 'completions']);
      return completions === undefined ? parallelism : Math.min(parallelism, completions);
    }
    default:
      return count(['spec', 'replicas']) ?? 1;
  }
}
