// The values a template sees: plain data, scalars traced to where a values file writes them, and unknown.
import { isAlias, isMap, isScalar, isSeq, parseDocument, Node } from 'yaml';

/** Where a values file writes a value: the file, the node's [start, end), and its key path. */
export interface Origin {
  file: string;
  start: number;
  end: number;
  path: readonly string[];
}

/** A value the evaluator cannot know (`lookup`, `tpl`, `.Files`, an unknown function), and why. */
export class Unknown {
  constructor(
    readonly why: string,
    /** The indentation of the block it stands for, when `nindent` was to print it on lines of its own. */
    readonly blockIndent?: number,
  ) {}
}

/** A scalar read from a values file, with where it is written. */
export class Traced {
  constructor(
    readonly value: string | number | boolean | null,
    readonly origin: Origin,
  ) {}
}

/** A template value: scalars (maybe traced), lists, maps (Go maps: keys iterate sorted), or unknown. */
export type Val = string | number | boolean | null | undefined | Traced | Unknown | Val[] | ValMap;
export type ValMap = Map<string, Val>;

/** True for an unknown value. */
export function isUnknown(v: Val): v is Unknown {
  return v instanceof Unknown;
}

/** The value without its trace (lists and maps keep traced members). */
export function plain(v: Val): Val {
  return v instanceof Traced ? v.value : v;
}

/** True when a value or anything inside it is unknown. */
export function holdsUnknown(v: Val, depth = 0): boolean {
  if (v instanceof Unknown) return true;
  if (depth > 200) return true;
  if (Array.isArray(v)) return v.some((x) => holdsUnknown(x, depth + 1));
  if (v instanceof Map) return [...v.values()].some((x) => holdsUnknown(x, depth + 1));
  return false;
}

/** Plain JavaScript data of a value (traces dropped, maps as objects without prototype); undefined when unknown. */
export function toData(v: Val, depth = 0): unknown {
  if (depth > 200 || v instanceof Unknown) return undefined;
  if (v instanceof Traced) return v.value;
  if (Array.isArray(v)) return v.map((x) => toData(x, depth + 1));
  if (v instanceof Map) {
    const o: Record<string, unknown> = Object.create(null);
    for (const [k, x] of v) o[k] = toData(x, depth + 1);
    return o;
  }
  return v;
}

/** A value made from plain data (from a function's result): objects become maps. */
export function fromData(d: unknown, depth = 0): Val {
  if (depth > 200) return new Unknown('data nested too deep');
  if (Array.isArray(d)) return d.map((x) => fromData(x, depth + 1));
  if (d instanceof Map || d instanceof Unknown || d instanceof Traced) return d as Val;
  if (d && typeof d === 'object') return new Map(Object.entries(d).map(([k, x]) => [k, fromData(x, depth + 1)]));
  return d as Val;
}

/** Nesting and alias limits of a values file: beyond them the value is unknown. */
const MAX_DEPTH = 200;

/** Reads a values file (YAML) into traced values; an unreadable file gives an empty map and its problem. */
export function readValues(file: string, text: string): { values: ValMap; problem?: string } {
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false });
  if (doc.errors.length > 0) return { values: new Map(), problem: doc.errors[0].message.split('\n')[0] };
  const anchors = new Map<string, Node>();
  const convert = (node: unknown, path: string[], depth: number): Val => {
    if (depth > MAX_DEPTH) return new Unknown('values nested too deep');
    if (node && typeof node === 'object' && 'anchor' in node && typeof (node as Node).anchor === 'string') anchors.set((node as Node).anchor!, node as Node);
    if (isAlias(node)) return depth > MAX_DEPTH / 2 ? new Unknown('alias') : convert(anchors.get(node.source), path, depth + 1);
    if (isScalar(node)) {
      const value = node.value;
      const scalar = typeof value === 'bigint' ? Number(value) : value instanceof Date ? node.source ?? String(value) : value;
      if (scalar !== null && typeof scalar === 'object') return new Unknown('a value of an unsupported type');
      return new Traced(scalar as string | number | boolean | null, { file, start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0, path });
    }
    if (isSeq(node)) return node.items.map((item, i) => convert(item, [...path, String(i)], depth + 1));
    if (isMap(node)) {
      const map: ValMap = new Map();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        if (key === '<<' && (isMap(pair.value) || isAlias(pair.value))) {
          const merged = convert(pair.value, path, depth + 1);
          if (merged instanceof Map) for (const [k, v] of merged) if (!map.has(k)) map.set(k, v);
          continue;
        }
        map.set(key, convert(pair.value, [...path, key], depth + 1));
      }
      return map;
    }
    return null;
  };
  const root = convert(doc.contents, [], 0);
  return { values: root instanceof Map ? root : new Map() };
}

/**
 * Helm's coalescing of values: `over` wins key by key, maps merge deeply, and a null in `over`
 * deletes the key. Neither input is changed.
 */
export function mergeValues(base: ValMap, over: ValMap, depth = 0): ValMap {
  const out: ValMap = new Map(base);
  for (const [k, v] of over) {
    const b = out.get(k);
    if (plain(v) === null) out.delete(k);
    else if (b instanceof Map && v instanceof Map && depth < MAX_DEPTH) out.set(k, mergeValues(b, v, depth + 1));
    else out.set(k, v);
  }
  return out;
}
