// The Multus networks annotation of a pod: its elements with file spans, and what is malformed in it.
import { isMap, isScalar, isSeq, Pair, Scalar } from 'yaml';
import { DNS1123_LABEL, duplicateInterfaces, interfaceProblem, NetworkElement, NetworksProblem, Span } from './multus-elements';
import { readJsonNetworks } from './multus-networks-json';
import { contentEnd, get, getPair, stringValue } from './nodes';
import { memoOn } from './memo';
import { PodSpecView } from './pod-specs';
import { decodeScalar, DecodedString } from './string-offsets';

export type { ElementKey, NetworkElement, NetworksProblem, Span } from './multus-elements';

/** The annotation that lists a pod's secondary networks. */
export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/** Annotations through which other meta-plugins attach a pod's secondary interfaces: DANM, ovn4nfv-k8s-plugin. */
export const OTHER_META_PLUGIN_ANNOTATIONS: readonly string[] = ['danm.io/interfaces', 'k8s.plugin.opnfv.org/nfn-network'];

/** A networks annotation as written on a pod or pod template. */
export interface NetworksAnnotation {
  pair: Pair<Scalar, unknown>;
  /** The value with positions; undefined when the value is not a string. */
  decoded?: DecodedString;
  form: 'list' | 'json';
  elements: NetworkElement[];
  problems: NetworksProblem[];
}

/** The networks annotation of a pod (template) metadata, or undefined when it has none or it is empty. */
export function podNetworks(text: string, pod: PodSpecView): NetworksAnnotation | undefined {
  const pair = getPair(get(pod.templateMetadata, 'annotations'), NETWORKS_ANNOTATION);
  return pair ? readNetworks(text, pair) : undefined;
}

/** True when the pod template's metadata has a non-empty annotation of another meta-plugin (DANM, ovn4nfv) that attaches interfaces. */
export function attachesThroughOtherMetaPlugin(pod: PodSpecView): boolean {
  const annotations = get(pod.templateMetadata, 'annotations');
  return OTHER_META_PLUGIN_ANNOTATIONS.some((key) => Boolean(stringValue(get(annotations, key))?.trim()));
}

/** The elements of a pod's networks annotation that name a network well formed: the pod's attachments. */
export function podAttachments(text: string, pod: PodSpecView): NetworkElement[] {
  return podNetworks(text, pod)?.elements.filter((e) => e.valid && e.name) ?? [];
}

/**
 * Reads a networks annotation: Multus takes the value as JSON when it contains `[`, `{` or `"`,
 * else as a comma list of `name`, `namespace/name` and `name@interface`. Undefined for an empty value.
 */
export function readNetworks(text: string, pair: Pair<Scalar, unknown>): NetworksAnnotation | undefined {
  return memoOn(pair, NETWORKS, text, () => decodeNetworks(text, pair));
}

const NETWORKS = Symbol('cnf-lint.networks');

function decodeNetworks(text: string, pair: Pair<Scalar, unknown>): NetworksAnnotation | undefined {
  const node = pair.value as unknown;
  if (isMap(node) || isSeq(node)) {
    const span: Span = [node.range![0], contentEnd(node) ?? node.range![1]];
    const what = isSeq(node) ? 'sequence' : 'mapping';
    return { pair, form: 'json', elements: [], problems: [{ messageId: 'notString', span, data: { what } }] };
  }
  if (!isScalar(node) || node.value === null || node.value === '') return undefined;
  const decoded = typeof node.value === 'string' ? decodeScalar(text, node) : undefined;
  if (!decoded) {
    const span: Span = [node.range![0], node.range![1]];
    return { pair, form: 'list', elements: [], problems: [{ messageId: 'notString', span, data: { what: typeof node.value } }] };
  }
  if (/[[{"]/.test(decoded.value)) return { pair, decoded, form: 'json', ...readJsonNetworks(decoded) };
  return { pair, decoded, form: 'list', ...readList(decoded) };
}

/** The comma-list form, checked as Multus parses it (parsePodNetworkObjectName). */
function readList(decoded: DecodedString): { elements: NetworkElement[]; problems: NetworksProblem[] } {
  const value = decoded.value;
  const elements: NetworkElement[] = [];
  const problems: NetworksProblem[] = [];
  let at = 0;
  for (const raw of value.split(',')) {
    const itemStart = at;
    at += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim();
    const start = itemStart + lead;
    const end = start + item.length;
    const span = (a: number, b: number) => decoded.span(start + a, start + b);
    const element: NetworkElement = { index: elements.length, span: decoded.span(start, end), range: [start, end], keys: new Map(), valid: true };
    elements.push(element);
    const problem = (messageId: string, s: Span, data?: NetworksProblem['data']) => {
      problems.push({ messageId, span: s, data });
      element.valid = false;
    };
    if (!item) {
      // Multus looks up a network named '' and fails: shown on the comma next to the empty item.
      const comma = itemStart > 0 ? itemStart - 1 : itemStart + raw.length;
      problem('emptyItem', decoded.span(comma, Math.min(comma + 1, value.length)));
      continue;
    }
    const slashes = item.split('/').length - 1;
    const ats = item.split('@').length - 1;
    if (slashes > 1 || ats > 1) {
      problem('badListItem', span(0, item.length), { item, char: slashes > 1 ? '/' : '@' });
      continue;
    }
    const slash = item.indexOf('/');
    const atSign = item.indexOf('@');
    if (slash >= 0) {
      // An empty namespace (`/name`) is the pod's own, as Multus reads it.
      const ns = trimmed(item, 0, slash);
      if (ns[1] > ns[0]) {
        element.namespace = item.slice(ns[0], ns[1]);
        element.namespaceSpan = span(ns[0], ns[1]);
        if (!DNS1123_LABEL.test(element.namespace) || element.namespace.length > 63) problem('badNamespace', element.namespaceSpan, { value: element.namespace });
      }
    }
    const nameRange = trimmed(item, slash + 1, atSign >= 0 ? atSign : item.length);
    element.name = item.slice(nameRange[0], nameRange[1]);
    element.nameSpan = span(nameRange[0], nameRange[1]);
    if (!element.name) problem('missingName', element.span, { index: element.index + 1 });
    else if (!DNS1123_LABEL.test(element.name) || element.name.length > 63) problem('badName', element.nameSpan, { value: element.name });
    if (atSign >= 0) {
      const ifRange = trimmed(item, atSign + 1, item.length);
      element.interface = item.slice(ifRange[0], ifRange[1]);
      element.interfaceSpan = ifRange[1] > ifRange[0] ? span(ifRange[0], ifRange[1]) : span(atSign, atSign + 1);
      const reason = interfaceProblem(element.interface);
      if (reason === 'eth0') problem('interfaceEth0', element.interfaceSpan);
      else if (reason && element.interface) problem('badInterface', element.interfaceSpan, { value: element.interface, reason });
    }
  }
  // A loop, not a spread: a list of 100,000 networks is more arguments than a call takes.
  for (const p of duplicateInterfaces(elements)) problems.push(p);
  return { elements, problems };
}

/** [start, end) of `text.slice(from, to)` without surrounding white space. */
function trimmed(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return [a, b];
}
