// Repeated keys of a map, read as Go's decoder reads them: the later value wins, the earlier pair is gone.
import { isMap, isScalar, visit, Document, Pair, YAMLMap } from 'yaml';

/** A key that a map sets again, at file offsets (moved in place when the document moves). */
export interface RepeatedKey {
  key: string;
  /** [start, end) of the repeated (later) key. */
  start: number;
  end: number;
  /** True for a key of the document's root map. */
  root: boolean;
}

/**
 * Removes from every map of `doc` each pair whose scalar key a later pair of the same map sets
 * again, so that the document reads as kubectl's decoder gives it; returns the later keys, in order.
 * Merge keys (`<<`) are not repeats: YAML 1.1 allows several.
 */
export function dropRepeatedKeys(doc: Document): RepeatedKey[] {
  const out: RepeatedKey[] = [];
  const maps: YAMLMap[] = [];
  visit(doc, {
    Map(_key, map) {
      maps.push(map);
    },
  });
  for (const map of maps) {
    const last = new Map<string, Pair>();
    const earlier = new Set<Pair>();
    for (const pair of map.items) {
      const key = pair.key;
      if (!isScalar(key) || key.value === null || typeof key.value === 'object' || key.source === '<<' || !key.range) continue;
      const name = String(key.value);
      const before = last.get(name);
      if (before) {
        earlier.add(before);
        out.push({ key: name, start: key.range[0], end: key.range[1], root: isMap(doc.contents) && map === doc.contents });
      }
      last.set(name, pair);
    }
    if (earlier.size > 0) map.items = map.items.filter((p) => !earlier.has(p));
  }
  return out.sort((a, b) => a.start - b.start);
}
