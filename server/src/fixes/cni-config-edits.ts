// Edits of a NetworkAttachmentDefinition's CNI config: inside the JSON string in its own style, else the config rewritten as a | block.
import type { Scalar } from 'yaml';
import type { FixReport } from '../linter/types';
import { configValue, NadConfig, nadConfig } from '../manifest/cni-config';
import type { JsonNode } from '../manifest/json-positions';
import { K8sObject, objectsOf } from '../manifest/objects';
import type { ParsedFile } from '../manifest/parse';
import { columnOf, isShared, TextEdit } from './edits';
import { writeAsBlock } from './networks-edits';
import { replaceInString } from './string-edits';
import { compactJson, prettyJson } from './stubs';

/** An edit of the config's JSON text: the characters [from, to) replaced by `text`. */
export interface JsonEdit {
  from: number;
  to: number;
  text: string;
}

/** A change to a config: JSON edits that make it in place (none: it is only made by a rewrite), and the value it gives. */
export interface ConfigChange {
  json?: JsonEdit[];
  value(before: Record<string, unknown>): unknown;
}

/** What a fix title says when its change rewrites the config (`{{how}}` in the title). */
export const BLOCK_NOTE = ' (rewrites spec.config as a | block, JSON at two spaces)';

/**
 * The text edits of a change: the JSON edits written inside the string in its own style when every
 * one can be; else the whole config as a `|` block with the changed JSON pretty-printed. Undefined
 * when neither can be written (a flow `spec`, a config shared with an alias).
 */
export function changeEdits(file: ParsedFile, config: NadConfig, change: ConfigChange): { edits: TextEdit[]; block: boolean } | undefined {
  const inPlace = change.json?.map((e) => replaceInString(file, config.scalar as Scalar, config.decoded, e.from, e.to, e.text) ?? replaceInLiteral(file, config, e));
  if (inPlace && inPlace.every((e): e is TextEdit => e !== undefined)) return { edits: inPlace, block: false };
  const before = configValue(config);
  const edit = before && writeAsBlock(file, config.spec, config.pair, prettyJson(change.value(before)));
  return edit && { edits: [edit], block: true };
}

/**
 * Replaces characters of a literal block across its lines (which replaceInString does not): every
 * character of a literal block is written as it reads, after the block's indentation, so the file
 * range from the first to the last character is replaced, each line break of `text` followed by
 * that indentation.
 */
function replaceInLiteral(file: ParsedFile, config: NadConfig, e: JsonEdit): TextEdit | undefined {
  const { decoded, scalar } = config;
  if (scalar.type !== 'BLOCK_LITERAL' || !decoded.exact || isShared(file, scalar) || e.to > decoded.value.length) return undefined;
  const start = decoded.offsetAt(e.from);
  const end = e.to > e.from ? decoded.span(e.to - 1, e.to)[1] : start;
  const indent = ' '.repeat(columnOf(file.text, decoded.offsetAt(0)));
  return { start, end, text: e.text.replace(/\n/g, file.eol + indent) };
}

/**
 * A fix that changes the config of `nad`: offered when the change can be written on the file of the
 * check, with `how` in its data saying whether it rewrites the config; its edits are made again on
 * the file the fix is asked for.
 */
export function configFix(
  file: ParsedFile,
  nad: K8sObject,
  fix: { id: string; preferred?: boolean; data?: Record<string, string | number> },
  change: (config: NadConfig) => ConfigChange | undefined,
): FixReport | undefined {
  const made = (f: ParsedFile) => {
    const config = nadConfig(f.text, nad);
    const c = config && change(config);
    return config && c && changeEdits(f, config, c);
  };
  const now = made(file);
  if (!now) return undefined;
  return { ...fix, data: { ...fix.data, how: now.block ? BLOCK_NOTE : '' }, edits: (f) => made(f)?.edits ?? [undefined] };
}

/** True when the scalar holding the config can hold line breaks that stay line breaks (a literal block, double quotes). */
export function holdsLineBreaks(config: NadConfig): boolean {
  return config.scalar.type === 'BLOCK_LITERAL' || config.scalar.type === 'QUOTE_DOUBLE';
}

/** The white space that starts the line of `offset` in `text`, when only white space precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  return lineStart > 0 && /^[ \t]*$/.test(indent) ? indent : undefined;
}

/**
 * Inserts `"key": value` text into an object, first or last: on a line of its own at the indentation
 * of the property it goes next to when that one sits on its own line (and the string can hold line
 * breaks), else inline after a comma.
 */
export function insertProperty(config: NadConfig, object: Extract<JsonNode, { type: 'object' }>, property: string, where: 'first' | 'last'): JsonEdit {
  const text = config.text;
  const list = object.properties;
  if (list.length === 0) return { from: object.start + 1, to: object.start + 1, text: property };
  const next = where === 'first' ? list[0] : list[list.length - 1];
  const indent = holdsLineBreaks(config) ? lineIndent(text, next.keyStart) : undefined;
  if (where === 'first') return { from: next.keyStart, to: next.keyStart, text: indent !== undefined ? `${property},\n${indent}` : `${property}, ` };
  return { from: next.value.end, to: next.value.end, text: indent !== undefined ? `,\n${indent}${property}` : `, ${property}` };
}

/** Appends an item's text to an array, after its last item (on a line of its own when that one is). */
export function appendItem(config: NadConfig, array: Extract<JsonNode, { type: 'array' }>, item: string): JsonEdit {
  const last = array.items[array.items.length - 1];
  if (!last) return { from: array.start + 1, to: array.start + 1, text: item };
  const indent = holdsLineBreaks(config) ? lineIndent(config.text, last.start) : undefined;
  return { from: last.end, to: last.end, text: indent !== undefined ? `,\n${indent}${item}` : `, ${item}` };
}

/** Moves item `from` of an array to just after item `after` (a later one): two edits, the item's text kept as written. */
export function moveItemAfter(config: NadConfig, array: Extract<JsonNode, { type: 'array' }>, from: number, after: number): JsonEdit[] {
  const items = array.items;
  const moved = config.text.slice(items[from].start, items[from].end);
  const target = items[after];
  const indent = holdsLineBreaks(config) ? lineIndent(config.text, target.start) : undefined;
  return [
    { from: items[from].start, to: items[from + 1].start, text: '' },
    { from: target.end, to: target.end, text: indent !== undefined ? `,\n${indent}${moved}` : `, ${moved}` },
  ];
}

/** Replaces a node's text. */
export function replaceNode(node: JsonNode, text: string): JsonEdit {
  return { from: node.start, to: node.end, text };
}

/** Sets a node to a string: the characters between the quotes of a string node (its quotes stay as written), else the whole node. */
export function replaceWithString(node: JsonNode, value: string): JsonEdit {
  const inner = JSON.stringify(value).slice(1, -1);
  return node.type === 'string' ? { from: node.start + 1, to: node.end - 1, text: inner } : { from: node.start, to: node.end, text: `"${inner}"` };
}

/**
 * An object's text in the layout of `node`, which it replaces: one property per line at the
 * indentation of the node's first property when the node spans lines (and the string can hold them),
 * else on one line.
 */
export function objectText(config: NadConfig, node: JsonNode, value: Record<string, unknown>): string {
  const text = config.text;
  const first = node.type === 'object' ? node.properties[0] : undefined;
  const inner = first && holdsLineBreaks(config) && text.slice(node.start, node.end).includes('\n') ? lineIndent(text, first.keyStart) : undefined;
  if (inner === undefined) return compactJson(value);
  const outer = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', node.start - 1) + 1))![0];
  const lines = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v)}`);
  return `{\n${lines.join(',\n')}\n${outer}}`;
}

/** The NetworkAttachmentDefinition `namespace/name` of a file (an object without a namespace is in `defaultNamespace`). */
export function findNad(file: ParsedFile, namespace: string, name: string, defaultNamespace: string): K8sObject | undefined {
  return objectsOf(file).find((o) => o.kind === 'NetworkAttachmentDefinition' && o.name === name && (o.namespace ?? defaultNamespace) === namespace);
}
