// Kubernetes objects of a parsed file: one per document (or per item of a `kind: List`).
import { Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, get, getPair, seqItems, stringValue } from './nodes';
import { ManifestDocument, ParsedFile } from './parse';

/** A Kubernetes object with the parts every rule reads. */
export interface K8sObject {
  document: ManifestDocument;
  map: YAMLMap;
  kind: string;
  apiVersion: string;
  /** The `kind` pair, where object-level findings without a better place sit. */
  kindPair: Pair<Scalar, unknown>;
  metadata?: YAMLMap;
  name?: string;
  /** `metadata.namespace` as written; undefined when absent. */
  namespace?: string;
  annotations?: YAMLMap;
}

/** The objects of a file. Documents with parser errors, or without `kind`, yield none. */
export function objectsOf(file: ParsedFile): K8sObject[] {
  return file.documents.flatMap(objectsOfDocument);
}

/** The objects of one document: none with parser errors or without `kind`; the items of a `kind: List`. */
export function objectsOfDocument(document: ManifestDocument): K8sObject[] {
  if (document.errors.length > 0) return [];
  const root = asMap(document.doc.contents);
  const obj = root && toObject(document, root);
  if (!root || !obj) return [];
  if (!(obj.kind.endsWith('List') && obj.apiVersion === 'v1')) return [obj];
  const out: K8sObject[] = [];
  for (const item of seqItems(root, 'items')) {
    const m = asMap(item);
    const child = m && toObject(document, m);
    if (child) out.push(child);
  }
  return out;
}

function toObject(document: ManifestDocument, map: YAMLMap): K8sObject | undefined {
  const kindPair = getPair(map, 'kind');
  const kind = stringValue(kindPair?.value);
  if (!kindPair || !kind) return undefined;
  const metadata = asMap(get(map, 'metadata'));
  return {
    document,
    map,
    kind,
    apiVersion: stringValue(get(map, 'apiVersion')) ?? '',
    kindPair,
    metadata,
    name: stringValue(get(metadata, 'name')),
    namespace: stringValue(get(metadata, 'namespace')),
    annotations: asMap(get(metadata, 'annotations')),
  };
}

/** The value of an annotation on a metadata map, when it is a string. */
export function annotation(metadata: YAMLMap | undefined, key: string): string | undefined {
  return stringValue(get(get(metadata, 'annotations'), key));
}
