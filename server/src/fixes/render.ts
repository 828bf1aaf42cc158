// Renders new YAML fragments for insertion, in the file's own indentation and line endings.
import { stringify, Scalar } from 'yaml';
import { memoOn } from '../manifest/memo';
import { ParsedFile } from '../manifest/parse';

const BASE = { compat: 'yaml-1.1', lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * YAML source written as it is in place of a scalar value: a value copied from the file with its
 * spelling (`"2"`, `1536Mi`), or a placeholder with a trailing comment (block style only).
 */
export class RawYaml {
  constructor(
    readonly text: string,
    readonly comment?: string,
  ) {}
}

/** True when a value holds a RawYaml that cannot be written: more than one line, or a comment where `flow` allows none. */
export function rawUnwritable(value: unknown, flow: boolean): boolean {
  if (value instanceof RawYaml) return /[\r\n]/.test(value.text + (value.comment ?? '')) || (flow && value.comment !== undefined);
  if (Array.isArray(value)) return value.some((v) => rawUnwritable(v, flow));
  return containsRaw(value) && Object.values(value as object).some((v) => rawUnwritable(v, flow));
}

function containsRaw(value: unknown): boolean {
  if (value instanceof RawYaml) return true;
  if (Array.isArray(value)) return value.some(containsRaw);
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).some(containsRaw);
}

/** Replaces RawYaml values by plain tokens that stringify leaves alone, and puts the raw text back afterwards. */
function withRaw(value: unknown, render: (data: unknown) => string): string {
  if (!containsRaw(value)) return render(value);
  const raws: RawYaml[] = [];
  const swap = (v: unknown): unknown => {
    if (v instanceof RawYaml) return `__cnf_lint_raw_${raws.push(v) - 1}__`;
    if (Array.isArray(v)) return v.map(swap);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  return render(swap(value)).replace(/__cnf_lint_raw_(\d+)__/g, (_, i: string) => raws[Number(i)].text + (raws[Number(i)].comment ? ` # ${raws[Number(i)].comment}` : ''));
}

/** A scalar as YAML text, quoted where YAML 1.1 would read it as something else; keeps a quote style. */
export function renderScalar(value: string | number | boolean | null, style?: Scalar.Type | string, file?: ParsedFile): string {
  if (typeof value === 'string' && style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (typeof value === 'string' && style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return toYaml(value, 'scalar', file);
}

/** A value as one flow-style fragment: `{drop: [ALL]}`. */
export function renderFlow(value: unknown, file?: ParsedFile): string {
  return withRaw(value, (data) => toYaml(data, 'flow', file));
}

/**
 * `key: value` as block YAML starting at `column`, without a trailing line break. Continuation
 * lines are indented relative to it; sequences follow the file's style (indented or not).
 */
export function renderBlock(key: string, value: unknown, column: number, file: ParsedFile): string {
  return indented(withRaw({ [key]: value }, (data) => toYaml(data, blockStyle(file), file)), column, file);
}

/** A sequence item (`- name: a` and its further keys) as block YAML starting at `column`, without a trailing line break. */
export function renderItem(value: unknown, column: number, file: ParsedFile): string {
  return indented(withRaw([value], (data) => toYaml(data, blockStyle(file), file)), column, file);
}

function indented(body: string, column: number, file: ParsedFile): string {
  const pad = ' '.repeat(column);
  return body
    .split('\n')
    .map((line) => pad + line)
    .join(file.eol);
}

/** The stringify options of each style of fragment. */
const STYLES = {
  scalar: BASE,
  // One line, always: no `|` block (it cannot stand inside `{ }`), strings with line breaks as JSON escapes.
  flow: { ...BASE, collectionStyle: 'flow', blockQuote: false, doubleQuotedAsJSON: true },
  block: { ...BASE, indentSeq: true },
  blockFlatSequences: { ...BASE, indentSeq: false },
} as const;
type Style = keyof typeof STYLES;

const blockStyle = (file: ParsedFile): Style => (sequencesIndented(file) ? 'block' : 'blockFlatSequences');

const RENDERED = Symbol('rendered');

/**
 * `stringify` of plain data in a style, without its final line break. With a file, each distinct
 * fragment is stringified once per file text: a file of thousands of documents offers the same
 * fix thousands of times, and stringify builds a whole YAML document each time.
 */
function toYaml(data: unknown, style: Style, file?: ParsedFile): string {
  const key = file && dataKey(data);
  if (key === undefined) return stringify(data, STYLES[style]).replace(/\r?\n$/, '');
  const memo = memoOn(file!, RENDERED, file!.text, () => new Map<string, string>());
  const k = `${style} ${key}`;
  let out = memo.get(k);
  if (out === undefined) memo.set(k, (out = stringify(data, STYLES[style]).replace(/\r?\n$/, '')));
  return out;
}

/** A string that tells plain data apart (scalars, arrays, plain objects), or undefined for anything else. */
function dataKey(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Object.is(v, -0) ? 'n-0' : `n${v}`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'object': {
      const open = Array.isArray(v) ? '[' : Object.getPrototypeOf(v) === Object.prototype ? '{' : undefined;
      if (!open) return undefined;
      const parts: string[] = [];
      for (const [k, x] of Object.entries(v as object)) {
        const inner = dataKey(x);
        if (inner === undefined) return undefined;
        parts.push(open === '[' ? inner : `${JSON.stringify(k)}:${inner}`);
      }
      return `${open}${parts.join(',')}`;
    }
    default:
      return undefined;
  }
}

const SEQUENCES_INDENTED = Symbol('sequencesIndented');

/** True unless the file writes block sequences at their parent key's indentation (`key:\n- a`); read once per file text. */
export function sequencesIndented(file: ParsedFile): boolean {
  return memoOn(file, SEQUENCES_INDENTED, file.text, () => firstSequenceIndented(file.text));
}

/**
 * Whether the first block sequence written right under its key (`key:` or `key: # comment`, then a
 * line `- ...`) is indented deeper than the key; true when there is none. One pass over the lines:
 * each line is read at most twice, whatever its length.
 */
export function firstSequenceIndented(text: string): boolean {
  let keyIndent = -1;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const itemIndent = sequenceItemIndent(text, start, end);
    if (keyIndent >= 0 && itemIndent >= 0) return itemIndent > keyIndent;
    keyIndent = nl < 0 ? -1 : emptyKeyIndent(text, start, end);
    start = end + 1;
  }
  return true;
}

/** The indentation of a line `<spaces>- ...`, or -1. */
function sequenceItemIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return text[i] === '-' && text[i + 1] === ' ' ? i - start : -1;
}

/** The indentation of a line that ends in a key with no value on it (`<spaces>key:`, a comment may follow), or -1. */
function emptyKeyIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i >= end || /[\s#-]/.test(text[i])) return -1;
  let last = end;
  while (last > i + 1 && /[ \t\r]/.test(text[last - 1])) last--;
  if (text[last - 1] === ':' && last - 1 > i) return i - start;
  const line = text.slice(i + 1, end);
  return /:[ \t]+#/.test(line) ? i - start : -1;
}
