// The QoS class of a pod, computed as Kubernetes computes it (pkg/apis/core/helper/qos ComputePodQOS).
import { compareKubeVersion } from '../protocol/settings';
import { ContainerView, PodSpecView } from './pod-specs';
import { addQuantities, Quantity, quantitiesEqual } from './quantity';
import { effectiveRequest, isPositive, podLevelResources, quantityOf, ResourceEntry, ResourceRequirementsView, resourceRequirements } from './resource-requirements';

/** A pod's QoS class. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** The only resources that count for QoS: huge pages and extended resources do not. */
export const QOS_RESOURCES = ['cpu', 'memory'] as const;
export type QosResource = (typeof QOS_RESOURCES)[number];

/** The first Kubernetes version whose API server keeps pod-level `spec.resources` (PodLevelResources beta, on by default). */
export const POD_LEVEL_RESOURCES_VERSION = '1.34';

/** What keeps one container (or the pod level) from counting as Guaranteed. */
export interface QosGap {
  /** The container; undefined for the pod-level `spec.resources`. */
  container?: ContainerView;
  resources: ResourceRequirementsView;
  /** cpu or memory without a limit above zero. */
  missingLimits: QosResource[];
  /** cpu or memory whose request (after defaulting) is not equal to its limit. */
  differing: QosResource[];
}

/** The QoS of a pod, with what it was computed from. */
export interface PodQos {
  /** The class; undefined when a cpu or memory quantity is invalid (the API server would reject the pod). */
  qosClass?: QosClass;
  /** The pod-level `spec.resources` that decided the class (Kubernetes 1.34 and later), if any. */
  podLevel?: ResourceRequirementsView;
  /** Containers (or the pod level) that are not Guaranteed on their own, in order: what a fix must change. */
  gaps: QosGap[];
  /** cpu and memory entries whose value is not a quantity. */
  invalid: ResourceEntry[];
}

/**
 * The QoS class of a pod spec. Below Kubernetes 1.34 pod-level `spec.resources` is dropped by the
 * API server and ignored here; from 1.34, when it sets cpu or memory (or huge pages), it alone
 * decides the class. Otherwise every app and init container counts (ephemeral containers cannot
 * have resources): requests default to limits, only cpu and memory above zero count, and the pod is
 * Guaranteed when every container has cpu and memory limits and the summed requests equal the
 * summed limits. With `containersOnly`, the class the containers alone make (pod level ignored).
 */
export function podQos(file: { text: string }, pod: PodSpecView, kubernetesVersion: string, options: { containersOnly?: boolean } = {}): PodQos {
  const podLevel = !options.containersOnly && compareKubeVersion(kubernetesVersion, POD_LEVEL_RESOURCES_VERSION) >= 0 ? podLevelResources(file, pod) : undefined;
  const owners: Array<{ container?: ContainerView; rr: ResourceRequirementsView }> = podLevel
    ? [{ rr: podLevel }]
    : pod.containers.filter((c) => c.list !== 'ephemeralContainers').map((c) => ({ container: c, rr: resourceRequirements(file, c.map) }));
  const requests = new Map<QosResource, Quantity>();
  const limits = new Map<QosResource, Quantity>();
  const result: PodQos = { podLevel, gaps: [], invalid: [] };
  let guaranteed = true;
  for (const { container, rr } of owners) {
    const gap: QosGap = { container, resources: rr, missingLimits: [], differing: [] };
    for (const name of QOS_RESOURCES) {
      const request = effectiveRequest(rr, name);
      const limit = rr.limits.entries.get(name);
      for (const e of [rr.requests.entries.get(name), limit]) if (e && e.read && !e.read.ok) result.invalid.push(e);
      const rq = quantityOf(request);
      const lq = quantityOf(limit);
      if (isPositive(rq)) requests.set(name, requests.has(name) ? addQuantities(rq!, requests.get(name)!) : rq!);
      if (isPositive(lq)) limits.set(name, limits.has(name) ? addQuantities(lq!, limits.get(name)!) : lq!);
      else gap.missingLimits.push(name);
      if (isPositive(lq) && !(rq && quantitiesEqual(rq, lq!))) gap.differing.push(name);
    }
    if (gap.missingLimits.length > 0) guaranteed = false;
    if (gap.missingLimits.length > 0 || gap.differing.length > 0) result.gaps.push(gap);
  }
  if (result.invalid.length > 0) return result;
  if (requests.size === 0 && limits.size === 0) result.qosClass = 'BestEffort';
  else {
    const equal = [...requests].every(([name, q]) => limits.has(name) && quantitiesEqual(limits.get(name)!, q));
    result.qosClass = guaranteed && equal && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
  }
  return result;
}
