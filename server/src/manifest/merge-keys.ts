// Chains of YAML merge keys (`<<: *base`): how long they are, and the first one longer than the getters follow.
import { isPair, visit, Document, YAMLMap } from 'yaml';
import { isMergeKey, keySpan, MAX_MERGE_DEPTH, mergeSources } from './nodes';

/**
 * The length of the longest chain of merge keys from `map` (0 without merge keys), counted up
 * to `limit + 1`. Iterative: a chain of any length costs no stack. `depthOf` may be shared by the
 * calls on one document: each map is then read once.
 */
export function mergeChainLength(map: YAMLMap, limit = MAX_MERGE_DEPTH, depthOf = new Map<YAMLMap, number>()): number {
  const known = depthOf.get(map);
  if (known !== undefined) return known;
  const stack: Array<{ map: YAMLMap; sources: YAMLMap[]; next: number; depth: number }> = [];
  const open = (m: YAMLMap) => {
    const sources: YAMLMap[] = [];
    for (const item of m.items) if (isPair(item) && isMergeKey(item.key)) for (const s of mergeSources(item.value)) sources.push(s);
    depthOf.set(m, 0);
    stack.push({ map: m, sources, next: 0, depth: 0 });
  };
  open(map);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.depth > limit) return limit + 1;
    if (top.next < top.sources.length) {
      const s = top.sources[top.next++];
      const known = depthOf.get(s);
      if (known === undefined) open(s);
      else top.depth = Math.max(top.depth, known + 1);
      continue;
    }
    stack.pop();
    depthOf.set(top.map, top.depth);
    const parent = stack[stack.length - 1];
    if (parent) parent.depth = Math.max(parent.depth, top.depth + 1);
    if (stack.length > limit) return limit + 1;
  }
  return depthOf.get(map) ?? 0;
}

/**
 * The span of the first merge key of a document whose chain of merges is longer than
 * MAX_MERGE_DEPTH (the getters stop there), or undefined. Linear: each map is measured once.
 */
export function mergeChainTooLong(doc: Document): [number, number] | undefined {
  const depthOf = new Map<YAMLMap, number>();
  let at: [number, number] | undefined;
  visit(doc, {
    Map(_key, map) {
      const merge = map.items.find((item) => isMergeKey(item.key));
      if (!merge || mergeChainLength(map, MAX_MERGE_DEPTH, depthOf) <= MAX_MERGE_DEPTH) return undefined;
      at = keySpan(merge);
      return visit.BREAK;
    },
  });
  return at;
}
