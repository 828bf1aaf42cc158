// Edits of Multus attachments: add networks to a pod, remove an annotation, rewrite a value as a block, set a device count.
import { isMap, isScalar, Node, Pair, YAMLMap } from 'yaml';
import { parseJson } from '../manifest/json-positions';
import { NETWORKS_ANNOTATION } from '../manifest/multus-networks';
import { asMap, contentEnd, entries, get, getPair } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { PodSpecView } from '../manifest/pod-specs';
import { decodeScalar } from '../manifest/string-offsets';
import { columnOf, fillEmpty, holdsComment, insertPair, insertPairs, isShared, removeKey, replaceScalar, setIn, setPair, TextEdit } from './edits';
import { compactJson } from './stubs';
import { replaceInString } from './string-edits';

/**
 * Attaches networks (`name` or `ns/name`) to a pod: writes the networks annotation into the pod
 * (template) metadata, creating `annotations` when needed, or adds them to the annotation it has
 * (at the end of a comma list, or as `{"name": ...}` elements before the closing `]` of JSON).
 */
export function addPodNetworks(file: ParsedFile, pod: PodSpecView, networks: readonly string[]): TextEdit | undefined {
  const annotations = get(get(pod.parent, 'metadata'), 'annotations');
  const pair = getPair(annotations, NETWORKS_ANNOTATION);
  if (!pair || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) {
    if (pair) return isScalar(pair.value) && pair.value.value === '' ? replaceValue(file, pair, networks.join(', ')) : undefined;
    return setIn(file, pod.parent, ['metadata', 'annotations', NETWORKS_ANNOTATION], networks.join(', '));
  }
  if (!isScalar(pair.value)) return undefined;
  const decoded = decodeScalar(file.text, pair.value);
  if (!decoded) return undefined;
  const value = decoded.value;
  if (!/[[{"]/.test(value)) {
    const end = value.trimEnd().length;
    return replaceInString(file, pair.value, decoded, end, end, networks.map((n) => `, ${n}`).join(''));
  }
  const parsed = parseJson(value);
  if (!parsed.ok || parsed.node.type !== 'array') return undefined;
  const elements = networks.map((n) => {
    const slash = n.indexOf('/');
    return compactJson(slash < 0 ? { name: n } : { name: n.slice(slash + 1), namespace: n.slice(0, slash) });
  });
  const close = parsed.node.end - 1;
  const last = parsed.node.items[parsed.node.items.length - 1];
  if (!last) return replaceInString(file, pair.value, decoded, close, close, elements.join(', '));
  return replaceInString(file, pair.value, decoded, last.end, last.end, elements.map((e) => `, ${e}`).join(''));
}

function replaceValue(file: ParsedFile, pair: Pair, value: string): TextEdit | undefined {
  return replaceScalar(file, pair.value, value);
}

/** Removes an annotation from a metadata map; the whole `annotations` key when it is the only one. */
export function removeAnnotation(file: ParsedFile, metadata: unknown, key: string): TextEdit | undefined {
  const meta = asMap(metadata);
  const annotations = asMap(get(meta, 'annotations'));
  if (!meta || !annotations) return undefined;
  const others = entries(annotations).filter((e) => e.key !== key);
  return others.length === 0 ? removeKey(file, meta, 'annotations') : removeKey(file, annotations, key);
}

/**
 * Writes a pair's value as a literal block (`key: |` and the lines of `body` indented below the key),
 * replacing the value text it had. Only in block maps, never on text shared with aliases, nor over a comment.
 */
export function writeAsBlock(file: ParsedFile, map: YAMLMap, pair: Pair, body: string): TextEdit | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (map.flow || !key?.range || !value?.range || isShared(file, value) || !map.items.includes(pair)) return undefined;
  const colon = file.text.indexOf(':', key.range[1]);
  const end = contentEnd(value) ?? value.range[1];
  if (colon < 0 || colon >= value.range[0] || holdsComment(file.text, colon + 1, end)) return undefined;
  const indent = ' '.repeat(columnOf(file.text, key.range[0]) + 2);
  const lines = body.replace(/\n$/, '').split('\n').map((l) => indent + l);
  return { start: colon + 1, end, text: ` |${file.eol}${lines.join(file.eol)}` };
}

/**
 * Sets a device resource of a container to `count` in both requests and limits: replaces values
 * written there, inserts what is missing (`resources`, `requests`, `limits` included) in one edit per map.
 */
export function setDeviceResource(file: ParsedFile, container: YAMLMap, resource: string, count: number): Array<TextEdit | undefined> {
  const resourcesPair = getPair(container, 'resources');
  if (!resourcesPair) return [insertPair(file, container, 'resources', { requests: { [resource]: count }, limits: { [resource]: count } })];
  if (isScalar(resourcesPair.value) && resourcesPair.value.value === null) {
    return [fillEmpty(file, resourcesPair, { requests: { [resource]: count }, limits: { [resource]: count } })];
  }
  const resources = asMap(resourcesPair.value);
  if (!resources || !isMap(resourcesPair.value)) return [undefined];
  const edits: Array<TextEdit | undefined> = [];
  const missing: Record<string, unknown> = {};
  for (const part of ['requests', 'limits']) {
    const partPair = getPair(resources, part);
    if (!partPair) missing[part] = { [resource]: count };
    else if (isScalar(partPair.value) && partPair.value.value === null) edits.push(fillEmpty(file, partPair, { [resource]: count }));
    else {
      const map = asMap(partPair.value);
      const current = getPair(map, resource);
      if (!map) edits.push(undefined);
      else if (!current || !isScalar(current.value) || String(current.value.value) !== String(count)) {
        // A quoted count stays quoted ("1" -> "2").
        const quoted = isScalar(current?.value) && (current.value.type === 'QUOTE_DOUBLE' || current.value.type === 'QUOTE_SINGLE');
        edits.push(setPair(file, map, resource, quoted ? String(count) : count));
      }
    }
  }
  if (Object.keys(missing).length > 0) edits.push(insertPairs(file, resources, missing));
  return edits;
}
