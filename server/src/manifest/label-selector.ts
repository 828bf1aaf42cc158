// Label selectors exactly as Kubernetes evaluates them (apimachinery LabelSelectorAsSelector): the one implementation.
import { asMap, deref, entries, get, scalarText, seqItems, stringValue } from './nodes';
import { isUnknownText } from './unknown';

/** A requirement of `matchExpressions`. */
export interface SelectorRequirement {
  key: string;
  operator: string;
  values: readonly string[];
}

/** A label selector as Kubernetes writes it (`matchLabels` and `matchExpressions`); plain data. */
export interface LabelSelector {
  matchLabels: Readonly<Record<string, string>>;
  matchExpressions: readonly SelectorRequirement[];
}

/** The empty selector: it selects every set of labels. */
export const EMPTY_SELECTOR: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** Labels as a map of strings. */
export type Labels = Readonly<Record<string, string>>;

/**
 * The selector a node holds: null when the node is absent or YAML null (a nil selector, which
 * selects nothing), else its `matchLabels` and `matchExpressions` (`{}` selects everything). A
 * field whose Go type is not a pointer (a NetworkPolicy's `podSelector`) is never nil: callers
 * take `?? EMPTY_SELECTOR` there.
 */
export function readLabelSelector(node: unknown): LabelSelector | null {
  const map = asMap(node);
  if (!map) return null;
  const matchExpressions = seqItems(map, 'matchExpressions').map((e) => ({
    key: stringValue(get(e, 'key')) ?? '',
    operator: stringValue(get(e, 'operator')) ?? '',
    values: seqItems(e, 'values').map((v) => scalarText(v) ?? ''),
  }));
  return { matchLabels: stringMap(get(map, 'matchLabels')), matchExpressions };
}

/**
 * True when `selector` selects `labels`, as Kubernetes decides it: a null selector selects
 * nothing, an empty one everything; every `matchLabels` pair and every requirement must hold
 * (`In`: the key is set to one of the values; `NotIn`: it is not set, or set to none of them;
 * `Exists`; `DoesNotExist`). A selector the API server rejects (an unknown operator, `In` or
 * `NotIn` without values, `Exists` or `DoesNotExist` with values) selects nothing. A template
 * value cnf-lint could not evaluate may be anything: a requirement on it holds.
 */
export function selects(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (!selector) return false;
  if (!isValidSelector(selector)) return false;
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!holds({ key, operator: 'In', values: [value] }, labels)) return false;
  }
  return selector.matchExpressions.every((r) => holds(r, labels));
}

/** True when the API server accepts the selector's operators and values. */
export function isValidSelector(selector: LabelSelector): boolean {
  return selector.matchExpressions.every((r) => {
    if (r.operator === 'In' || r.operator === 'NotIn') return r.values.length > 0;
    if (r.operator === 'Exists' || r.operator === 'DoesNotExist') return r.values.length === 0;
    return false;
  });
}

/** True when the selector is empty: it selects every pod of its namespace. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

function holds(r: SelectorRequirement, labels: Labels): boolean {
  if (isUnknownText(r.key) || r.values.some(isUnknownText) || Object.keys(labels).some(isUnknownText)) return true;
  const has = Object.hasOwn(labels, r.key);
  if (has && isUnknownText(labels[r.key])) return true;
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** A map of scalar values as strings (labels, matchLabels), every key an own property (`__proto__` included). */
export function stringMap(map: unknown): Record<string, string> {
  const out: Array<[string, string]> = [];
  for (const e of entries(deref(map))) {
    const v = scalarText(e.value);
    if (v !== undefined) out.push([e.key, v]);
  }
  return Object.fromEntries(out);
}
