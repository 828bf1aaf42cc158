// Resource names a container requests, and what kind of resource a name is.
import { entries, get, seqItems } from './nodes';
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

/** Words of a device resource's name that say it is a network virtual function. */
const NETWORK_VF = /sriov|netdevice|_vf|vf_/i;
/** Words of an accelerator's resource (QAT, DSA, IAA, DLB, FEC, GPU, FPGA): not a network device, even as a VF. */
const ACCELERATOR = /(?:^|[^a-z])(?:qat|dsa|iaa|dlb|fec|acc\d+|gpu|fpga)(?![a-z])/i;

/**
 * True for a device resource whose name says it is a network VF (`intel.com/intel_sriov_netdevice`,
 * `mellanox.com/cx6_vf_pool`); `vfio` alone says nothing (`dsa.intel.com/vfio`), nor does an accelerator.
 */
export function isNetworkVfResource(name: string): boolean {
  return isDeviceResource(name) && NETWORK_VF.test(name.slice(name.indexOf('/') + 1)) && !ACCELERATOR.test(name);
}

/** True when the pod asks for devices through Dynamic Resource Allocation: `resources.claims` of a container, or `spec.resourceClaims`. */
export function hasResourceClaims(pod: PodSpecView): boolean {
  return seqItems(pod.spec, 'resourceClaims').length > 0 || pod.containers.some((c) => seqItems(get(c.map, 'resources'), 'claims').length > 0);
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
