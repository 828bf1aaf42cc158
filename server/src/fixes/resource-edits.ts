// Edits to the requests and limits of a container or pod: set quantities, copying the user's spelling.
import { isScalar } from 'yaml';
import { ParsedFile } from '../manifest/parse';
import { formatQuantity, Quantity } from '../manifest/quantity';
import { ResourceEntry, ResourceRequirementsView } from '../manifest/resource-requirements';
import { fillEmpty, insertPairs, setPairs, TextEdit } from './edits';
import { RawYaml } from './render';

/** Quantities to write, by list and resource name. */
export interface ResourceValues {
  requests?: Record<string, RawYaml>;
  limits?: Record<string, RawYaml>;
}

/**
 * The text of an entry's value as written (`"2"`, `2.0`, `1536Mi`), to copy it elsewhere with the
 * user's spelling; undefined for a value that spans lines or is not a scalar.
 */
export function spellingOf(entry: ResourceEntry | undefined): RawYaml | undefined {
  const read = entry?.read;
  if (!read || !read.node || read.spelling === '' || /[\r\n]/.test(read.spelling)) return undefined;
  if (read.node.type === 'BLOCK_LITERAL' || read.node.type === 'BLOCK_FOLDED') return undefined;
  return new RawYaml(read.spelling);
}

/** A quantity in the canonical form, written in the style of the entry it replaces: quoted when that was quoted, else plain. */
export function quantityText(q: Quantity, entry: ResourceEntry): RawYaml {
  const text = formatQuantity(q);
  const type = entry.read?.node?.type;
  if (type === 'QUOTE_DOUBLE') return new RawYaml(`"${text}"`);
  if (type === 'QUOTE_SINGLE') return new RawYaml(`'${text}'`);
  return new RawYaml(text);
}

/** A placeholder value with a comment that says so (block style only: the edit refuses in a flow map). */
export function placeholder(text: string, what: string): RawYaml {
  return new RawYaml(text, `placeholder: ${what}`);
}

/**
 * Sets quantities in `resources.requests` and `resources.limits`: replaces values written there,
 * inserts the missing ones, and creates the `requests`, `limits` and `resources` maps that do not
 * exist, in as few edits as can be made without two of them at one point.
 */
export function setResources(file: ParsedFile, rr: ResourceRequirementsView, values: ResourceValues): Array<TextEdit | undefined> {
  const lists = (['requests', 'limits'] as const).filter((l) => values[l] && Object.keys(values[l]!).length > 0);
  if (lists.length === 0) return [];
  if (!rr.pair) return [insertPairs(file, rr.owner, { resources: pick(values, lists) })];
  if (isScalar(rr.pair.value) && rr.pair.value.value === null) return [fillEmpty(file, rr.pair, pick(values, lists))];
  if (!rr.map || !rr.owner.items.includes(rr.pair)) return [undefined];
  const edits: Array<TextEdit | undefined> = [];
  const missing: ResourceValues = {};
  for (const list of lists) {
    const view = rr[list];
    if (view.map && view.pair && rr.map.items.includes(view.pair)) edits.push(...setPairs(file, view.map, values[list]!));
    else if (view.pair && isScalar(view.pair.value) && view.pair.value.value === null) edits.push(fillEmpty(file, view.pair, values[list]!));
    else if (view.pair) return [undefined];
    else missing[list] = values[list];
  }
  const toInsert = lists.filter((l) => missing[l]);
  if (toInsert.length > 0) edits.push(insertPairs(file, rr.map, pick(missing, toInsert)));
  return joinInserts(edits);
}

/** Joins insertions at one offset into one edit, in order (`requests` gains a key where `limits` starts). */
export function joinInserts(edits: Array<TextEdit | undefined>): Array<TextEdit | undefined> {
  const out: Array<TextEdit | undefined> = [];
  for (const e of edits) {
    const same = e && e.start === e.end ? out.find((o) => o && o.start === o.end && o.start === e.start) : undefined;
    if (same && e) same.text += e.text;
    else out.push(e ? { ...e } : e);
  }
  return out;
}

function pick(values: ResourceValues, lists: ReadonlyArray<'requests' | 'limits'>): Record<string, unknown> {
  return Object.fromEntries(lists.map((l) => [l, values[l]]));
}
