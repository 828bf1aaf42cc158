// Huge pages of a pod spec: page sizes from resource names and volume media, as the API server and the kubelet read them.
import type { Scalar } from 'yaml';
import { compareKubeVersion } from '../protocol/settings';
import { deref, get, getPair } from './nodes';
import { ContainerView, PodSpecView } from './pod-specs';
import { isInteger, parseQuantity, Quantity, quantitiesEqual, QuantityResult } from './quantity';
import { isHugePages } from './resources';
import { podLevelResources, resourceNamesOf, resourceRequirements, ResourceRequirementsView } from './resource-requirements';
import { POD_LEVEL_RESOURCES_VERSION } from './qos';
import { podVolumes, volumeUses, VolumeView } from './volumes';

/** The prefix of huge page resource names, and of the sized emptyDir medium. */
export const HUGEPAGES_PREFIX = 'hugepages-';
export const HUGEPAGES_MEDIUM = 'HugePages';

/**
 * The page size a `hugepages-<size>` resource names, as the API server reads it; invalid when the
 * size is not a quantity, or not a whole positive number of bytes (every value then fails validation).
 */
export function pageSizeOf(resourceName: string): QuantityResult {
  const r = parseQuantity(resourceName.slice(HUGEPAGES_PREFIX.length));
  if (r.ok && (r.quantity.nanos <= 0n || !isInteger(r.quantity))) {
    return { ok: false, reason: 'format', message: 'a page size is a whole positive number of bytes' };
  }
  return r;
}

/** Something that carries resources in a pod: an app or init container, or the pod level (`spec.resources`). */
export interface ResourceOwner {
  container?: ContainerView;
  resources: ResourceRequirementsView;
}

/**
 * The owners of resources the API server validates in a pod spec: app and init containers (ephemeral
 * containers cannot have resources), and from Kubernetes 1.34 the pod-level `spec.resources`.
 */
export function resourceOwners(file: { text: string }, pod: PodSpecView, kubernetesVersion: string): ResourceOwner[] {
  const owners: ResourceOwner[] = pod.containers
    .filter((c) => c.list !== 'ephemeralContainers')
    .map((c) => ({ container: c, resources: resourceRequirements(file, c.map) }));
  if (compareKubeVersion(kubernetesVersion, POD_LEVEL_RESOURCES_VERSION) >= 0) {
    const podLevel = podLevelResources(file, pod);
    if (podLevel) owners.push({ resources: podLevel });
  }
  return owners;
}

/** The huge page resource names an owner requests or limits (after defaulting, a limit is also a request). */
export function hugePageNames(owner: ResourceOwner): string[] {
  return resourceNamesOf(owner.resources).filter(isHugePages);
}

/** A page size some owner of the pod requests, with who requests it. */
export interface RequestedPageSize {
  size: Quantity;
  resourceNames: string[];
  owners: ResourceOwner[];
}

/** The distinct valid page sizes the pod requests (`hugepages-2Mi` and `hugepages-2048Ki` are one), in order. */
export function requestedPageSizes(owners: ResourceOwner[]): RequestedPageSize[] {
  const out: RequestedPageSize[] = [];
  for (const owner of owners) {
    for (const name of hugePageNames(owner)) {
      const size = pageSizeOf(name);
      if (!size.ok) continue;
      const known = out.find((s) => quantitiesEqual(s.size, size.quantity));
      if (!known) out.push({ size: size.quantity, resourceNames: [name], owners: [owner] });
      else {
        if (!known.resourceNames.includes(name)) known.resourceNames.push(name);
        if (!known.owners.includes(owner)) known.owners.push(owner);
      }
    }
  }
  return out;
}

/** An emptyDir volume with a huge page medium (`HugePages` or `HugePages-<size>`). */
export interface HugePageVolume {
  volume: VolumeView;
  medium: string;
  mediumNode: Scalar;
  /** For `HugePages-<size>`: the size the medium names (invalid when it is not a quantity). */
  size?: QuantityResult;
}

/** The emptyDir volumes of a pod with a huge page medium, as the kubelet recognizes them (case-sensitive). */
export function hugePageVolumes(pod: PodSpecView): HugePageVolume[] {
  const out: HugePageVolume[] = [];
  for (const volume of podVolumes(pod)) {
    const pair = getPair(get(volume.map, 'emptyDir'), 'medium');
    const node = deref(pair?.value) as Scalar | undefined;
    const medium = node && typeof node.value === 'string' ? node.value : undefined;
    if (!node || medium === undefined) continue;
    if (medium === HUGEPAGES_MEDIUM) out.push({ volume, medium, mediumNode: node });
    else if (medium.startsWith(`${HUGEPAGES_MEDIUM}-`)) out.push({ volume, medium, mediumNode: node, size: parseQuantity(medium.slice(HUGEPAGES_MEDIUM.length + 1)) });
  }
  return out;
}

/** The containers that mount a volume by name. */
export function containersMounting(pod: PodSpecView, volumeName: string | undefined): ContainerView[] {
  if (volumeName === undefined) return [];
  return [...new Set(volumeUses(pod, 'volumeMounts').filter((u) => u.name === volumeName).map((u) => u.container))];
}

/** The resource name of a page size in its usual spelling: 2Mi -> `hugepages-2Mi`. */
export function sizeSpelling(size: Quantity): string {
  const units = size.nanos / 1_000_000_000n;
  for (const [suffix, bytes] of [['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]] as const) {
    if (units % bytes === 0n) return `${units / bytes}${suffix}`;
  }
  return `${units}`;
}
