// The volumes of a pod spec, and how its containers use them: filesystem mounts and block devices.
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, asSeq, entries, getPair, stringValue } from './nodes';
import { ContainerView, PodSpecView } from './pod-specs';

/** One entry of `spec.volumes`. */
export interface VolumeView {
  map: YAMLMap;
  name?: string;
  /** The `name` pair: volume findings sit on it. */
  namePair?: Pair<Scalar, unknown>;
  /** The volume source key (`emptyDir`, `nfs`, `persistentVolumeClaim`, ...): the first key other than `name`. */
  source?: string;
  /** The pair of the volume source. */
  sourcePair?: Pair<Scalar, unknown>;
  index: number;
}

/** One `volumeMounts` or `volumeDevices` entry of a container. */
export interface VolumeUseView {
  container: ContainerView;
  map: YAMLMap;
  /** The volume it refers to, by name. */
  name?: string;
  namePair?: Pair<Scalar, unknown>;
  index: number;
}

/** The volumes of a pod spec, in order; entries that are not maps are left out. */
export function podVolumes(pod: PodSpecView): VolumeView[] {
  const seq = asSeq(getPair(pod.spec, 'volumes')?.value);
  const out: VolumeView[] = [];
  seq?.items.forEach((item, index) => {
    const map = asMap(item);
    if (!map) return;
    const namePair = getPair(map, 'name');
    const source = entries(map).find((e) => e.key !== 'name');
    out.push({ map, name: stringValue(namePair?.value), namePair, source: source?.key, sourcePair: source?.pair, index });
  });
  return out;
}

/** The `volumeMounts` (filesystem) or `volumeDevices` (raw block) entries of every container of a pod spec. */
export function volumeUses(pod: PodSpecView, list: 'volumeMounts' | 'volumeDevices'): VolumeUseView[] {
  const out: VolumeUseView[] = [];
  for (const container of pod.containers) {
    const seq = asSeq(getPair(container.map, list)?.value);
    seq?.items.forEach((item, index) => {
      const map = asMap(item);
      if (!map) return;
      const namePair = getPair(map, 'name');
      out.push({ container, map, name: stringValue(namePair?.value), namePair, index });
    });
  }
  return out;
}

