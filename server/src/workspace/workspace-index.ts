// The workspace index: per file, the summaries of its objects; lookups by NAD, resource, policy, kind, namespace and name.
import { isUnknownText } from '../manifest/unknown';
import { IndexedNad, IndexedObject, WorkspaceView } from './types';

/** A file of the view that replaces the index's entry for it: the file being linted, at its current text. */
export interface LiveFile {
  uri: string;
  /** Its objects, computed on first use. */
  objects(): readonly IndexedObject[];
}

/** Options of a view. */
export interface ViewOptions {
  live?: LiveFile;
  /** Answers to share between views of one lint (built with `answers(live)`); takes the place of `live`. */
  answers?: Answers;
  /** Receives the key of every lookup made through the view (see `WorkspaceIndex.setFile`). */
  deps?: Set<string>;
  /** Receives, per lookup key, the signature of what it found (see `Answers.signature`). */
  trace?: Map<string, string>;
}

/**
 * What lookup keys find in the index, with a live file's objects first. Built once per lint and
 * shared by its views; `signature(key)` tells whether an answer is still the one a view recorded.
 */
export interface Answers {
  /** The key of the live file (the file being linted), if any. */
  liveUri?: string;
  find(key: string): IndexedObject[];
  /** A string equal for equal answers: a rule that saw the same answers reports the same findings. */
  signature(key: string): string;
}

/** Lookup keys: what a view records and what setFile reports as changed. */
const nadKey = (namespace: string, name: string) => `nad:${namespace}/${name}`;
const nadNameKey = (name: string) => `nad-name:${name}`;
const resourceKey = (resource: string) => `resource:${resource}`;
/** The key of an operator's bare resource name: a request of it under any prefix finds it. */
const anyPrefixResourceKey = (name: string) => `resource:*/${name}`;
const policyKey = (namespace: string, name: string) => `policy:${namespace}/${name}`;
const kindKey = (kind: string) => `kind:${kind}`;
const inNamespaceKey = (kind: string, namespace: string) => `in:${kind}:${namespace}`;
const objectKey = (kind: string, namespace: string, name: string) => `object:${kind}:${namespace}/${name}`;
const workloadsKey = (namespace: string) => `workloads:${namespace}`;

/** Per file: its objects and the signature of what each lookup key finds in it. */
interface FileEntry {
  objects: readonly IndexedObject[];
  signatures: Map<string, string>;
}

/**
 * Summaries of every manifest of the workspace, keyed by file. Owned by whoever builds it (the
 * server for the workspace folders, the CLI for its inputs); rules read it through a view.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  /** key -> uri -> the objects of that file that key finds. */
  private readonly lookups = new Map<string, Map<string, IndexedObject[]>>();

  /** Number of files indexed. */
  get size(): number {
    return this.files.size;
  }

  /** The files indexed, in index order. */
  uris(): string[] {
    return [...this.files.keys()];
  }

  /** True when a file is indexed. */
  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The objects indexed for a file ([] when it is not indexed). */
  objectsOf(uri: string): readonly IndexedObject[] {
    return this.files.get(uri)?.objects ?? [];
  }

  /**
   * Sets (or replaces) the objects of a file. Returns the lookup keys whose answer changed: a view
   * that recorded one of them may now see something else (the file should be linted again).
   */
  setFile(uri: string, objects: readonly IndexedObject[]): Set<string> {
    const old = this.files.get(uri);
    const signatures = signaturesOf(objects);
    const changed = new Set<string>();
    for (const [key, sig] of signatures) if (old?.signatures.get(key) !== sig) changed.add(key);
    for (const key of old?.signatures.keys() ?? []) if (!signatures.has(key)) changed.add(key);
    if (old) this.unlink(uri, old);
    this.files.set(uri, { objects, signatures });
    for (const o of objects) for (const key of keysOf(o)) this.link(key, uri, o);
    return changed;
  }

  /** Removes a file; returns the lookup keys whose answer changed. */
  deleteFile(uri: string): Set<string> {
    const old = this.files.get(uri);
    if (!old) return new Set();
    this.unlink(uri, old);
    this.files.delete(uri);
    return new Set(old.signatures.keys());
  }

  /**
   * A view of the index for rules; with `live`, that file's indexed entry is replaced by its live
   * objects, which come first in every answer (a NAD defined in the file itself wins).
   */
  view(options: ViewOptions = {}): WorkspaceView {
    const { deps, trace } = options;
    const answers = options.answers ?? this.answers(options.live);
    const find = (key: string): IndexedObject[] => {
      deps?.add(key);
      if (trace && !trace.has(key)) trace.set(key, answers.signature(key));
      return answers.find(key);
    };
    const nadsOf = (list: IndexedObject[]) => list.map((o) => o.nad!);
    return {
      nad: (namespace, name) => nadsOf(find(nadKey(namespace, name)))[0] ?? unknownNad(nadsOf([...find(nadKey(namespace, UNKNOWN)), ...find(nadKey(UNKNOWN, UNKNOWN))])[0], namespace, name),
      nadsNamed: (name) => nadsOf(find(nadNameKey(name))),
      nadsWithResource: (resource) => {
        const slash = resource.indexOf('/');
        const exact = nadsOf(find(resourceKey(resource)));
        return slash > 0 ? [...exact, ...nadsOf(find(anyPrefixResourceKey(resource.slice(slash + 1))))] : exact;
      },
      policiesFor: (namespace, name) => [...find(policyKey(namespace, name)), ...find(policyKey(namespace, UNKNOWN)), ...find(policyKey(UNKNOWN, UNKNOWN))],
      objectsOfKind: (kind) => find(kindKey(kind)),
      objectsIn: (kind, namespace) => find(inNamespaceKey(kind, namespace)),
      object: (kind, namespace, name) => find(objectKey(kind, namespace, name))[0],
      workloadsIn: (namespace) => find(workloadsKey(namespace)),
      inThisFile: (object) => answers.liveUri !== undefined && object.uri === answers.liveUri,
    };
  }

  /** Answers to lookups, with `live`'s objects first and its indexed entry left out. */
  answers(live?: LiveFile): Answers {
    /** The live file's objects by lookup key, built on first use. */
    let liveLookups: Map<string, IndexedObject[]> | undefined;
    const signatures = new Map<string, string>();
    const find = (key: string): IndexedObject[] => {
      if (live && !liveLookups) {
        liveLookups = new Map();
        for (const o of live.objects()) for (const k of new Set(keysOf(o))) liveLookups.set(k, [...(liveLookups.get(k) ?? []), o]);
      }
      const out: IndexedObject[] = [...(liveLookups?.get(key) ?? [])];
      for (const [uri, list] of this.lookups.get(key) ?? []) if (uri !== live?.uri) out.push(...list);
      return out;
    };
    const signature = (key: string): string => {
      let sig = signatures.get(key);
      if (sig === undefined) signatures.set(key, (sig = JSON.stringify(find(key))));
      return sig;
    };
    return { liveUri: live?.uri, find, signature };
  }

  private link(key: string, uri: string, o: IndexedObject): void {
    let byUri = this.lookups.get(key);
    if (!byUri) this.lookups.set(key, (byUri = new Map()));
    const list = byUri.get(uri);
    if (!list) byUri.set(uri, [o]);
    else if (!list.includes(o)) list.push(o);
  }

  private unlink(uri: string, entry: FileEntry): void {
    for (const key of entry.signatures.keys()) {
      const byUri = this.lookups.get(key);
      byUri?.delete(uri);
      if (byUri?.size === 0) this.lookups.delete(key);
    }
  }
}

/** The lookup keys that find an object. */
function keysOf(o: IndexedObject): string[] {
  const keys = [kindKey(o.kind), inNamespaceKey(o.kind, o.namespace)];
  if (o.name !== undefined) keys.push(objectKey(o.kind, o.namespace, o.name));
  if (o.pod) keys.push(workloadsKey(o.namespace));
  if (o.nad) {
    // A NAD whose name or namespace a template could not evaluate may be any: it answers lookups that find no other.
    const namespace = isUnknownText(o.nad.namespace) ? UNKNOWN : o.nad.namespace;
    keys.push(nadKey(namespace, isUnknownText(o.nad.name) || namespace === UNKNOWN ? UNKNOWN : o.nad.name), nadNameKey(o.nad.name));
    if (o.nad.resourceName) keys.push(o.nad.anyPrefix ? anyPrefixResourceKey(o.nad.resourceName) : resourceKey(o.nad.resourceName));
  }
  for (const r of o.policyFor ?? []) {
    const namespace = isUnknownText(r.namespace) ? UNKNOWN : r.namespace;
    keys.push(policyKey(namespace, isUnknownText(r.name) || namespace === UNKNOWN ? UNKNOWN : r.name));
  }
  return keys;
}

/** The key part standing for a name or namespace that a template could not evaluate. */
const UNKNOWN = '*';

/**
 * A NAD found only because a template defines one whose name is unknown: it may be the one looked
 * up, but nothing of it is known (no plugins, no resource), so no rule compares against it.
 */
function unknownNad(nad: IndexedNad | undefined, namespace: string, name: string): IndexedNad | undefined {
  return nad && { uri: nad.uri, namespace, name, definedBy: nad.definedBy };
}

/** Per lookup key, a signature of what it finds among these objects: equal signatures, equal answers. */
function signaturesOf(objects: readonly IndexedObject[]): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const o of objects) {
    const json = JSON.stringify(o);
    for (const key of new Set(keysOf(o))) {
      const list = parts.get(key);
      if (list) list.push(json);
      else parts.set(key, [json]);
    }
  }
  return new Map([...parts].map(([k, v]) => [k, v.join('\n')]));
}

/** The NADs among indexed objects. */
export function nadsOf(objects: readonly IndexedObject[]): IndexedNad[] {
  return objects.flatMap((o) => (o.nad ? [o.nad] : []));
}
