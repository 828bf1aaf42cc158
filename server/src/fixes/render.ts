// Renders new YAML fragments for insertion, in the file's own indentation and line endings.
import { stringify, Scalar } from 'yaml';
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
export function renderScalar(value: string | number | boolean | null, style?: Scalar.Type | string): string {
  if (typeof value === 'string' && style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (typeof value === 'string' && style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, BASE).replace(/\r?\n$/, '');
}

/** A value as one flow-style fragment: `{drop: [ALL]}`. */
export function renderFlow(value: unknown): string {
  return withRaw(value, (data) => stringify(data, { ...BASE, collectionStyle: 'flow' }).replace(/\r?\n$/, ''));
}

/**
 * `key: value` as block YAML starting at `column`, without a trailing line break. Continuation
 * lines are indented relative to it; sequences follow the file's style (indented or not).
 */
export function renderBlock(key: string, value: unknown, column: number, file: ParsedFile): string {
  const pad = ' '.repeat(column);
  const body = withRaw({ [key]: value }, (data) => stringify(data, { ...BASE, indentSeq: sequencesIndented(file.text) }).replace(/\r?\n$/, ''));
  return body
    .split('\n')
    .map((line) => pad + line)
    .join(file.eol);
}

/** A sequence item (`- name: a` and its further keys) as block YAML starting at `column`, without a trailing line break. */
export function renderItem(value: unknown, column: number, file: ParsedFile): string {
  const pad = ' '.repeat(column);
  const body = withRaw([value], (data) => stringify(data, { ...BASE, indentSeq: sequencesIndented(file.text) }).replace(/\r?\n$/, ''));
  return body
    .split('\n')
    .map((line) => pad + line)
    .join(file.eol);
}

/** True unless the file writes block sequences at their parent key's indentation (`key:\n- a`). */
export function sequencesIndented(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const m = /^( *)[^\s#-][^\n]*:(?:[ \t]+#[^\n]*)?[ \t]*\r?\n( *)- /m.exec(sample);
  return !m || m[2].length > m[1].length;
}
