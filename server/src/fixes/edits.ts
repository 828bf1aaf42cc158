// Minimal text edits on YAML source: replace a value, set or insert a pair, remove a pair.
// Edits never re-serialize a document; they refuse (return undefined) where an edit could damage it.
import { isMap, isPair, isScalar, isAlias, Lexer, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { documentsTouching } from '../manifest/document-at';
import { contentEnd, getPair } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { RawYaml, rawUnwritable, renderBlock, renderFlow, renderItem, renderScalar } from './render';

/** Replace [start, end) of the file text with `text`. Offsets are UTF-16 code units. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** The file the edit applies to when it is not the file being linted (a chart's values.yaml), as a path. */
  file?: string;
}

/** True when a node's text is shared with aliases (it lies inside a referenced anchor). */
export function isShared(file: ParsedFile, node: Node | null | undefined): boolean {
  if (!node?.range || isAlias(node)) return true;
  const [s, e] = [node.range[0], node.range[1]];
  return documentsTouching(file, s, e).some((d) => d.sharedSpans.some(([a, b]) => s >= a && e <= b));
}

/**
 * Replaces a scalar's text, keeping anchors, tags, comments and its quoting style; a RawYaml value
 * (without a comment) is written as it is.
 */
export function replaceScalar(file: ParsedFile, node: unknown, value: string | number | boolean | RawYaml): TextEdit | undefined {
  // A key set twice is not renamed: the earlier pair would come back.
  if (!isScalar(node) || isShared(file, node) || !node.range || isRepeatedKeyAt(file, node.range[0])) return undefined;
  if (value instanceof RawYaml) return value.comment === undefined && !rawUnwritable(value, true) ? { start: node.range[0], end: node.range[1], text: value.text } : undefined;
  return { start: node.range[0], end: node.range[1], text: renderScalar(value, node.type, file) };
}

/** Sets `key` in a map: replaces a scalar value in place, or inserts the pair. */
export function setPair(file: ParsedFile, map: YAMLMap, key: string, value: unknown): TextEdit | undefined {
  const pair = getPair(map, key);
  if (pair && map.items.includes(pair)) {
    if (isScalar(pair.value) && pair.value.value !== null && (value === null || typeof value !== 'object' || value instanceof RawYaml)) {
      return replaceScalar(file, pair.value, value as string | number | boolean | RawYaml);
    }
    return undefined;
  }
  return insertPair(file, map, key, value);
}

/**
 * Sets several keys of one map in one go: scalars written there are replaced, missing keys are
 * inserted together in one edit (two inserts at one point would overlap). Keys whose value is
 * already equal are left alone.
 */
export function setPairs(file: ParsedFile, map: YAMLMap, values: Record<string, unknown>): Array<TextEdit | undefined> {
  const edits: Array<TextEdit | undefined> = [];
  const missing: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const pair = getPair(map, key);
    if (!pair) missing[key] = value;
    else if (!(isScalar(pair.value) && pair.value.value === value)) edits.push(setPair(file, map, key, value));
  }
  if (Object.keys(missing).length > 0) edits.push(insertPairs(file, map, missing));
  return edits;
}

/**
 * Sets a nested path in a map, creating the maps along it that do not exist; the one edit is made
 * at the deepest map that exists.
 */
export function setIn(file: ParsedFile, map: YAMLMap, path: readonly string[], value: unknown): TextEdit | undefined {
  let current = map;
  for (let i = 0; i < path.length - 1; i++) {
    const pair = getPair(current, path[i]);
    if (!pair) return insertPair(file, current, path[i], nest(path.slice(i + 1), value));
    if (!current.items.includes(pair)) return undefined;
    if (isScalar(pair.value) && pair.value.value === null) return fillEmpty(file, pair, nest(path.slice(i + 1), value));
    if (!isMap(pair.value)) return undefined;
    current = pair.value;
  }
  return setPair(file, current, path[path.length - 1], value);
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight((acc, key) => ({ [key]: acc }), value);
}

/** Inserts `key: value` into a map: after its last pair at the first key's indentation (block), or before `}` (flow). */
export function insertPair(file: ParsedFile, map: YAMLMap, key: string, value: unknown): TextEdit | undefined {
  return insertPairs(file, map, { [key]: value });
}

/** Inserts several pairs into a map in one edit, in the order given. */
export function insertPairs(file: ParsedFile, map: YAMLMap, values: Record<string, unknown>): TextEdit | undefined {
  if (isShared(file, map) || !map.range || rawUnwritable(values, map.flow === true)) return undefined;
  const text = file.text;
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range[1] - 1);
    if (close < map.range[0]) return undefined;
    const body = Object.entries(values).map(([k, v]) => `${renderScalar(k, undefined, file)}: ${renderFlow(v, file)}`).join(', ');
    const lastPair = map.items[map.items.length - 1] as Pair | undefined;
    if (!lastPair) return { start: close, end: close, text: body };
    // Right after the last pair, so that `{ a: 1 }` becomes `{ a: 1, b: 2 }`.
    const at = contentEnd(lastPair.value as Node) ?? (lastPair.key as Node | null)?.range?.[1];
    return at === undefined ? undefined : { start: at, end: at, text: `, ${body}` };
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  if (!isPair(first) || !isPair(last)) return undefined;
  const firstKey = first.key as Node | null;
  if (!firstKey?.range) return undefined;
  const column = mapColumn(text, firstKey.range[0]);
  const end = contentEnd(last.value as Node) ?? (last.key as Node).range?.[1];
  if (end === undefined) return undefined;
  const at = lineEndAfter(text, Math.max(end, (last.key as Node).range?.[1] ?? end));
  const lead = at === text.length && !text.endsWith('\n') ? file.eol : '';
  const block = Object.entries(values).map(([k, v]) => renderBlock(k, v, column, file)).join(file.eol);
  return { start: at, end: at, text: lead + block + (lead ? '' : file.eol) };
}

/**
 * Appends an item (a scalar, a RawYaml, or a map of them) to a sequence: after its last item at
 * the same indentation (block), or before `]` (flow).
 */
export function appendItem(file: ParsedFile, seq: YAMLSeq, value: unknown): TextEdit | undefined {
  if (isShared(file, seq) || !seq.range || rawUnwritable(value, seq.flow === true)) return undefined;
  const render = (v: unknown) => (v !== null && typeof v === 'object' ? renderFlow(v, file) : renderScalar(v as string | number | boolean, undefined, file));
  const text = file.text;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range[1] - 1);
    if (close < seq.range[0]) return undefined;
    const lastItem = seq.items[seq.items.length - 1] as Node | undefined;
    if (!lastItem) return { start: close, end: close, text: render(value) };
    const at = contentEnd(lastItem);
    return at === undefined ? undefined : { start: at, end: at, text: `, ${render(value)}` };
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const column = columnOf(text, seq.range[0]);
  const end = contentEnd(last) ?? last.range[1];
  const at = lineEndAfter(text, end);
  const lead = at === text.length && !text.endsWith('\n') ? file.eol : '';
  return { start: at, end: at, text: `${lead}${renderItem(value, column, file)}${lead ? '' : file.eol}` };
}

/**
 * Gives an empty value (`key:` with nothing after it, or a null written `null` or `~`) of a block
 * map a block map value, at the end of the key's line (after a comment). Refuses in a flow map.
 */
export function fillEmpty(file: ParsedFile, pair: Pair, value: unknown): TextEdit | undefined {
  const key = pair.key as Node | null;
  if (!key?.range || !isScalar(pair.value) || pair.value.value !== null || !pair.value.range || isShared(file, key) || rawUnwritable(value, false)) return undefined;
  const text = file.text;
  const column = key.range[0] - lineStartOf(text, key.range[0]);
  const nl = text.indexOf('\n', key.range[1]);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const [valueStart, valueEnd] = pair.value.range;
  // In a flow map (`{a: null, b: 1}`, or its last pair before `}` on a later line) no block can go.
  if (/^(?:\s|#[^\n]*)*[,}\]]/.test(text.slice(valueEnd))) return undefined;
  const lines = Object.entries(value as Record<string, unknown>).map(([k, v]) => renderBlock(k, v, column + 2, file));
  if (valueStart === valueEnd) return { start: lineEnd, end: lineEnd, text: file.eol + lines.join(file.eol) };
  // A written null (`key: null # c`) is replaced, its comment kept at the end of the key's line; not a tagged one.
  const colon = text.slice(key.range[1], valueStart).match(/^[ \t]*:[ \t]+$/);
  if (!colon || valueEnd > lineEnd) return undefined;
  const at = key.range[1] + colon[0].indexOf(':') + 1;
  return { start: at, end: lineEnd, text: text.slice(valueEnd, lineEnd) + file.eol + lines.join(file.eol) };
}

/**
 * Removes a pair with the lines it fills. Refuses when another pair shares its lines in a way that
 * cannot be kept, or when comments would be lost.
 */
export function removePair(file: ParsedFile, map: YAMLMap, pair: Pair): TextEdit | undefined {
  if (isShared(file, map) || !map.items.includes(pair) || isRepeated(file, pair)) return undefined;
  const edit = removalOf(file, map, pair);
  // Removing an anchor that aliases refer to would leave them unresolved.
  return edit && !removesShared(file, edit) && !holdsComment(file.text, edit.start, edit.end) ? edit : undefined;
}

/** True when [start, end) of a text holds a YAML comment (a `#` in a scalar is not one); the text is read from its column on. */
export function holdsComment(text: string, start: number, end: number): boolean {
  const fragment = text.slice(start, end);
  if (!fragment.includes('#')) return false;
  for (const token of new Lexer().lex(' '.repeat(columnOf(text, start)) + fragment)) if (token.startsWith('#')) return true;
  return false;
}

/**
 * The column of a block map whose first key starts at `keyStart`: the key's column, or, when an
 * anchor or tag stands before the key on its line (`&a  requests:`), the column where it starts.
 */
function mapColumn(text: string, keyStart: number): number {
  const lineStart = lineStartOf(text, keyStart);
  const props = /^([ ]*(?:-[ ]+)*)(?:[&!]\S*[ \t]+)+$/.exec(text.slice(lineStart, keyStart));
  return props ? props[1].length : keyStart - lineStart;
}

/** True when the pair's key is set earlier in its map too: removing this one would bring the earlier value back. */
function isRepeated(file: ParsedFile, pair: Pair): boolean {
  const at = (pair.key as Node | null)?.range?.[0];
  return at !== undefined && isRepeatedKeyAt(file, at);
}

/** True when a repeated key (one its map sets earlier too) starts at `at`. */
function isRepeatedKeyAt(file: ParsedFile, at: number): boolean {
  return documentsTouching(file, at).some((d) => d.repeatedKeys.some((k) => k.start === at));
}

function removesShared(file: ParsedFile, edit: TextEdit): boolean {
  return documentsTouching(file, edit.start, edit.end).some((d) => d.sharedSpans.some(([a, b]) => a < edit.end && b > edit.start));
}

function removalOf(file: ParsedFile, map: YAMLMap, pair: Pair): TextEdit | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const text = file.text;
  const start = key.range[0];
  const end = Math.max(contentEnd(pair.value as Node) ?? key.range[1], key.range[1]);
  const i = map.items.indexOf(pair);
  if (map.flow) {
    const next = map.items[i + 1] as Pair | undefined;
    const prev = map.items[i - 1] as Pair | undefined;
    const nextKey = next?.key as Node | undefined;
    const prevEnd = prev ? contentEnd(prev.value as Node) ?? (prev.key as Node).range?.[1] : undefined;
    const edit = nextKey?.range ? { start, end: nextKey.range[0], text: '' } : prevEnd !== undefined ? { start: prevEnd, end, text: '' } : { start, end, text: '' };
    // A comment between the pair and its neighbour would be removed with the separator.
    const separator = nextKey?.range ? text.slice(end, nextKey.range[0]) : text.slice(edit.start, start);
    return /(^|\s)#/.test(separator) ? undefined : edit;
  }
  const lineStart = lineStartOf(text, start);
  const before = text.slice(lineStart, start);
  const after = lineEndAfter(text, end);
  const rest = text.slice(end, after);
  if (!/^\s*(#.*)?(\r?\n)?$/.test(rest)) return undefined;
  if (/^[ \t]*$/.test(before)) {
    const tail = rest.match(/(\s*#.*?)?(\r?\n)?$/);
    if (tail?.[1]) return undefined; // a trailing comment on the line would be lost
    return { start: lineStart, end: after, text: '' };
  }
  // The key follows `- ` on its line: the next pair of the same map moves up into its place.
  const next = map.items[i + 1] as Pair | undefined;
  const nextKey = next?.key as Node | undefined;
  if (!/^[ \t]*-[ \t]+$/.test(before) || !nextKey?.range) return undefined;
  if (!/^\s*$/.test(text.slice(end, nextKey.range[0]))) return undefined;
  return { start, end: nextKey.range[0], text: '' };
}

/** Removes the pair `key` from a map when it is written there. */
export function removeKey(file: ParsedFile, map: YAMLMap, key: string): TextEdit | undefined {
  const pair = getPair(map, key);
  return pair ? removePair(file, map, pair) : undefined;
}

/** Applies non-overlapping edits to a text. Throws on overlapping edits (a programming error). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** True when two sets of edits touch or abut the same text (conservative: adjacent edits count). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.start <= y.end && y.start <= x.end));
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the end of line of the line holding `offset` (a text end without newline: its length). */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Column (UTF-16 units from the line start) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}
