// Total getters over yaml nodes: they never throw, follow aliases and merge keys, and return undefined.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const ALIAS_TARGET = Symbol('cnf-lint.aliasTarget');
type LinkedAlias = Alias & { [ALIAS_TARGET]?: Node };

/**
 * Resolves every alias of a document once, so that reads never search the document again.
 * Returns the [start, end) spans of anchored nodes that some alias refers to: text there is shared.
 */
export function linkAliases(doc: Document): Array<[number, number]> {
  const anchors = new Map<string, Node>();
  const shared = new Set<Node>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) {
        (node as LinkedAlias)[ALIAS_TARGET] = target;
        shared.add(target);
      }
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof (node as Node).anchor === 'string') {
      anchors.set((node as Node).anchor as string, node as Node);
    }
  });
  return [...shared].filter((n) => n.range).map((n) => [n.range![0], n.range![2]] as [number, number]);
}

/** Follows an alias to its anchored node (a bounded number of hops); other values pass through. */
export function deref(node: unknown): unknown {
  let n = node;
  for (let hops = 0; hops < 8 && isAlias(n); hops++) n = (n as LinkedAlias)[ALIAS_TARGET];
  return isAlias(n) ? undefined : n;
}

/** The string form of a scalar key or value, or undefined. */
export function scalarText(node: unknown): string | undefined {
  const n = deref(node);
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(n.source ?? v);
  return undefined;
}

/** The string value of a scalar only when it is a string (not a number or boolean). */
export function stringValue(node: unknown): string | undefined {
  const n = deref(node);
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

/** True when the node is the boolean true (YAML 1.1: `true`, `True`, `yes`, `on`); a quoted "true" is not. */
export function isTrue(node: unknown): boolean {
  const n = deref(node);
  return isScalar(n) && n.value === true;
}

/** True when the node is the boolean false (YAML 1.1 spellings included). */
export function isFalse(node: unknown): boolean {
  const n = deref(node);
  return isScalar(n) && n.value === false;
}

/** The map a node is (following aliases), or undefined. */
export function asMap(node: unknown): YAMLMap | undefined {
  const n = deref(node);
  return isMap(n) ? n : undefined;
}

/** The sequence a node is (following aliases), or undefined. */
export function asSeq(node: unknown): YAMLSeq | undefined {
  const n = deref(node);
  return isSeq(n) ? n : undefined;
}

/**
 * The pair of a map whose key is `key`. The last pair wins, as in Kubernetes; a key not written
 * in the map is looked up in its YAML merge keys (`<<: *base`).
 */
export function getPair(map: unknown, key: string): Pair<Scalar, unknown> | undefined {
  return findPair(map, key);
}

/**
 * At most this many maps are read for one lookup through YAML merge keys (`<<: *base`), the map
 * itself included: a chain of merges longer than that is not followed further (yaml-findings
 * reports it once per document).
 */
export const MAX_MERGE_DEPTH = 1000;

/** At most this many merge keys of one map are followed. */
const MAX_MERGES_PER_MAP = 16;

/**
 * getPair, iteratively: the maps of the merge graph are searched depth first, in the order their
 * merge keys are written, each map once, at most MAX_MERGE_DEPTH maps.
 */
function findPair(map: unknown, key: string): Pair<Scalar, unknown> | undefined {
  const root = asMap(map);
  if (!root) return undefined;
  const visited = new Set<YAMLMap>([root]);
  const stack: YAMLMap[] = [root];
  for (let read = 0; stack.length > 0 && read < MAX_MERGE_DEPTH; read++) {
    const m = stack.pop()!;
    let found: Pair | undefined;
    const sources: YAMLMap[] = [];
    for (const item of m.items) {
      if (!isPair(item)) continue;
      if (scalarText(item.key) === key) found = item;
      else if (isMergeKey(item.key) && sources.length < MAX_MERGES_PER_MAP) for (const s of mergeSources(item.value)) sources.push(s);
    }
    if (found) return found as Pair<Scalar, unknown>;
    for (let i = sources.length - 1; i >= 0; i--) {
      if (visited.has(sources[i])) continue;
      visited.add(sources[i]);
      stack.push(sources[i]);
    }
  }
  return undefined;
}

/** The maps a merge key's value names: one alias or map, or a sequence of them. */
export function mergeSources(value: unknown): YAMLMap[] {
  const src = deref(value);
  const out: YAMLMap[] = [];
  for (const s of isSeq(src) ? src.items : [src]) {
    const target = deref(s);
    if (isMap(target)) out.push(target);
  }
  return out;
}

/** True for a plain `<<` key (with `merge: true`, yaml gives it a symbol value, not the string '<<'). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.source === '<<';
}

/** The value node under `key` (aliases followed), or undefined. */
export function get(map: unknown, key: string): unknown {
  return deref(getPair(map, key)?.value);
}

/** Follows a path of keys through maps. */
export function getIn(map: unknown, path: readonly string[]): unknown {
  let n: unknown = map;
  for (const key of path) {
    n = get(n, key);
    if (n === undefined) return undefined;
  }
  return n;
}

/** The items of a sequence under `key`, aliases followed; [] when absent or not a sequence. */
export function seqItems(map: unknown, key: string): unknown[] {
  const s = asSeq(get(map, key));
  return s ? s.items.map(deref) : [];
}

/** The pairs of a map with scalar keys, aliases followed for values. */
export function entries(map: unknown): Array<{ key: string; pair: Pair<Scalar, unknown>; value: unknown }> {
  const m = asMap(map);
  if (!m) return [];
  const out: Array<{ key: string; pair: Pair<Scalar, unknown>; value: unknown }> = [];
  for (const item of m.items) {
    if (!isPair(item)) continue;
    const key = scalarText(item.key);
    if (key !== undefined && key !== '<<') out.push({ key, pair: item as Pair<Scalar, unknown>, value: deref(item.value) });
  }
  return out;
}

/**
 * Every key of a map, in order, those its YAML merge keys (`<<: *base`) bring in included, each
 * once: look a key's pair up with getPair, which applies the precedence of merges.
 */
export function keysOf(map: unknown): string[] {
  const keys = new Set<string>();
  const root = asMap(map);
  if (!root) return [];
  // Depth first, a merge key's maps expanded where it stands; each map once, at most MAX_MERGE_DEPTH maps.
  const visited = new Set<YAMLMap>([root]);
  const stack: Array<{ items: unknown[]; next: number }> = [{ items: root.items, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (!isPair(item)) continue;
    if (!isMergeKey(item.key)) {
      const key = scalarText(item.key);
      if (key !== undefined) keys.add(key);
      continue;
    }
    const sources = mergeSources(item.value)
      .filter((s) => !visited.has(s))
      .slice(0, Math.max(0, MAX_MERGE_DEPTH - visited.size));
    for (let i = sources.length - 1; i >= 0; i--) {
      visited.add(sources[i]);
      stack.push({ items: sources[i].items, next: 0 });
    }
  }
  return [...keys];
}

/** [start, end) of a node's value text (without anchors' trailing comments), or undefined. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const n = node as Node | undefined;
  return n && Array.isArray(n.range) ? [n.range[0], n.range[1]] : undefined;
}

/** [start, end) of a pair's key. */
export function keySpan(pair: Pair): [number, number] | undefined {
  return nodeSpan(pair.key);
}

/**
 * [start, end) of a pair from its key's start to its value's end; for an empty value (`key:`) the
 * key alone. Undefined when the key has no range.
 */
export function pairSpan(pair: Pair): [number, number] | undefined {
  const k = keySpan(pair);
  if (!k) return undefined;
  const v = nodeSpan(pair.value);
  if (!v || v[1] <= k[1]) return k;
  return [k[0], contentEnd(pair.value as Node) ?? v[1]];
}

/**
 * End offset of the last character of content in a node: for a block collection, the end of its
 * last item (the collection's own range also covers trailing comments and blank lines).
 */
export function contentEnd(node: Node | null | undefined): number | undefined {
  if (!node || !node.range) return undefined;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1] as unknown;
    if (isPair(last)) {
      const v = last.value as Node | null;
      const ve = v && v.range && (v.range[1] > v.range[0] || isMap(v) || isSeq(v)) ? contentEnd(v) : undefined;
      return ve ?? (last.key as Node | null)?.range?.[1] ?? node.range[1];
    }
    if (last) return contentEnd(last as Node) ?? node.range[1];
  }
  return node.range[1];
}

/** [start, end) of a node's value, or of a pair from its key to its value's content end. */
export function spanOf(at: unknown): [number, number] | undefined {
  if (isPair(at)) return pairSpan(at);
  if (isMap(at) || isSeq(at)) {
    const n = at as Node;
    return n.range ? [n.range[0], contentEnd(n) ?? n.range[1]] : undefined;
  }
  return nodeSpan(at);
}

/** True when an alias is written anywhere inside a node (its keys and values, at any depth). Iterative. */
export function containsAlias(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) return true;
    if (isPair(n)) stack.push(n.key, n.value);
    else if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
  return false;
}

/** True when a value node is written through an alias (fixes must not edit it). */
export function isAliasNode(node: unknown): boolean {
  return isAlias(node);
}
