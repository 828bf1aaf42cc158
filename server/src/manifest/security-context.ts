// Effective securityContext values of a container: the container's own value overrides the pod's.
import { isScalar } from 'yaml';
import { asMap, deref, get, getPair, seqItems, stringValue } from './nodes';
import { ContainerView } from './pod-specs';

/**
 * The value node of a securityContext field as Kubernetes applies it: the container's when written
 * (and not null), else the pod's `spec.securityContext` value. Only fields that exist at both levels
 * (runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, ...) make sense here.
 */
export function effectiveSecurityValue(container: ContainerView, field: string): unknown {
  const own = deref(getPair(get(container.map, 'securityContext'), field)?.value);
  if (own !== undefined && !(isScalar(own) && own.value === null)) return own;
  return get(get(container.pod.spec, 'securityContext'), field);
}

/**
 * True when the container may run as UID 0: neither `runAsNonRoot: true` nor a `runAsUser` above 0
 * applies to it (container level overriding pod level). The image's own USER is not known here.
 */
export function mayRunAsRoot(container: ContainerView): boolean {
  const nonRoot = effectiveSecurityValue(container, 'runAsNonRoot');
  if (isScalar(nonRoot) && nonRoot.value === true) return false;
  const uid = effectiveSecurityValue(container, 'runAsUser');
  return !(isScalar(uid) && typeof uid.value === 'number' && uid.value > 0);
}

/** The capabilities a container adds (`securityContext.capabilities.add`), as written. */
export function addedCapabilities(container: ContainerView): string[] {
  const caps = asMap(get(get(container.map, 'securityContext'), 'capabilities'));
  return seqItems(caps, 'add')
    .map((item) => stringValue(item))
    .filter((cap): cap is string => cap !== undefined);
}
