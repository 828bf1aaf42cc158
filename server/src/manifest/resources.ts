// Resource names a container requests, and what kind of resource a name is.
import { entries, get } from './nodes';
import { ContainerView, PodSpecView } from './pod-specs';

/** True for `hugepages-<size>` resources. */
export function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** True for extended (device-plugin) resources: a domain-prefixed name outside `kubernetes.io`. */
export function isDeviceResource(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash <= 0) return false;
  const domain = name.slice(0, slash);
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

/** Names of the resources a container lists in `resources.requests` or `resources.limits`. */
export function resourceNames(container: ContainerView): Set<string> {
  const resources = get(container.map, 'resources');
  const names = new Set<string>();
  for (const part of ['requests', 'limits']) for (const e of entries(get(resources, part))) names.add(e.key);
  return names;
}

/** True when a container requests huge pages or a device resource: the signature of a DPDK/SR-IOV data plane. */
export function usesDataPlaneResources(container: ContainerView): boolean {
  for (const name of resourceNames(container)) if (isHugePages(name) || isDeviceResource(name)) return true;
  return false;
}

/** True when any container of the pod requests huge pages or a device resource. */
export function podUsesDataPlaneResources(pod: PodSpecView): boolean {
  return pod.containers.some(usesDataPlaneResources);
}
