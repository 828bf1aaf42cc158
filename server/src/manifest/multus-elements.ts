// The parts of a Multus networks annotation: elements with file spans, problems, and checks both forms share.
import type { JsonNode } from './json-positions';

/** DNS-1123 label: what Multus accepts for network names and namespaces. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A file span [start, end). */
export type Span = [number, number];

/** One key of a JSON element, as written. */
export interface ElementKey {
  /** The key as written (its case may differ from the canonical key it stands for). */
  written: string;
  /** Decoded offsets of the key text, quotes included. */
  keyRange: [number, number];
  keySpan: Span;
  valueSpan: Span;
  value: unknown;
  /** The value's JSON node (decoded offsets). */
  node: JsonNode;
}

/** One network of the annotation: a comma-list item or a JSON element. */
export interface NetworkElement {
  index: number;
  span: Span;
  /** Decoded offsets of the element in the annotation value. */
  range: [number, number];
  name?: string;
  nameSpan?: Span;
  /** The namespace as written (`ns/name`, or the JSON `namespace` key); undefined when absent. */
  namespace?: string;
  namespaceSpan?: Span;
  interface?: string;
  interfaceSpan?: Span;
  /** JSON form: the element's keys by canonical key (`interface`, `ips`, ...). */
  keys: Map<string, ElementKey>;
  /** False when something in the element is malformed: the rules that resolve networks skip it. */
  valid: boolean;
}

/** A malformed part of the annotation: a `multus-annotation-malformed` message id, data and span. */
export interface NetworksProblem {
  messageId: string;
  span: Span;
  data?: Record<string, string | number>;
  severity?: 'warning' | 'info';
  /** For a key to rename: its decoded offsets (quotes included) and the key to write instead. */
  rename?: { range: [number, number]; to: string };
}

/** Why an interface name is refused (Linux IFNAMSIZ, Multus' checks), `eth0` for the primary interface, or undefined. */
export function interfaceProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name === 'eth0') return 'eth0';
  if (name.length > 15) return `it is ${name.length} characters long, over the 15 that Linux allows`;
  if (/[\s/]/.test(name)) return "it contains '/' or white space";
  return undefined;
}

/** One finding per element whose interface an earlier element already requests. */
export function duplicateInterfaces(elements: readonly NetworkElement[]): NetworksProblem[] {
  const seen = new Set<string>();
  const out: NetworksProblem[] = [];
  for (const e of elements) {
    if (!e.interface || !e.interfaceSpan) continue;
    if (seen.has(e.interface)) {
      out.push({ messageId: 'duplicateInterface', span: e.interfaceSpan, data: { value: e.interface } });
      e.valid = false;
    }
    seen.add(e.interface);
  }
  return out;
}

/** Levenshtein distance between two strings: how near a misspelt key is. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}
