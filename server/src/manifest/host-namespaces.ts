// The host namespaces a pod spec shares with its node.
import { getPair, isFalse, isTrue } from './nodes';
import { PodSpecView } from './pod-specs';
import type { Pair, Scalar } from 'yaml';

/** The pod-spec fields that put a pod into a host namespace. */
export const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
export type HostNamespaceField = (typeof HOST_NAMESPACE_FIELDS)[number];

/** The host-namespace fields set to true, with their pairs, in field order. */
export function hostNamespacesSet(pod: PodSpecView): Array<{ field: HostNamespaceField; pair: Pair<Scalar, unknown> }> {
  const out: Array<{ field: HostNamespaceField; pair: Pair<Scalar, unknown> }> = [];
  for (const field of HOST_NAMESPACE_FIELDS) {
    const pair = getPair(pod.spec, field);
    if (pair && isTrue(pair.value)) out.push({ field, pair });
  }
  return out;
}

/** The `hostUsers` pair when it is false (the pod runs in a user namespace). */
export function hostUsersFalse(pod: PodSpecView): Pair<Scalar, unknown> | undefined {
  const pair = getPair(pod.spec, 'hostUsers');
  return pair && isFalse(pair.value) ? pair : undefined;
}
