// Renders new YAML fragments for insertion, in the file's own indentation and line endings.
import { stringify, Scalar } from 'yaml';
import { ParsedFile } from '../manifest/parse';

const BASE = { compat: 'yaml-1.1', lineWidth: 0, flowCollectionPadding: false } as const;

/** A scalar as YAML text, quoted where YAML 1.1 would read it as something else; keeps a quote style. */
export function renderScalar(value: string | number | boolean | null, style?: Scalar.Type | string): string {
  if (typeof value === 'string' && style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (typeof value === 'string' && style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, BASE).replace(/\r?\n$/, '');
}

/** A value as one flow-style fragment: `{drop: [ALL]}`. */
export function renderFlow(value: unknown): string {
  return stringify(value, { ...BASE, collectionStyle: 'flow' }).replace(/\r?\n$/, '');
}

/**
 * `key: value` as block YAML starting at `column`, without a trailing line break. Continuation
 * lines are indented relative to it; sequences follow the file's style (indented or not).
 */
export function renderBlock(key: string, value: unknown, column: number, file: ParsedFile): string {
  const pad = ' '.repeat(column);
  const body = stringify({ [key]: value }, { ...BASE, indentSeq: sequencesIndented(file.text) }).replace(/\r?\n$/, '');
  return body
    .split('\n')
    .map((line) => pad + line)
    .join(file.eol);
}

/** True unless the file writes block sequences at their parent key's indentation (`key:\n- a`). */
export function sequencesIndented(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(sample);
  return !m || m[2].length > m[1].length;
}
