// Edits inside a YAML string scalar (a JSON annotation, a CNI config), written in the scalar's own style.
import { isScalar, Scalar } from 'yaml';
import type { DecodedString } from '../manifest/string-offsets';
import { ParsedFile } from '../manifest/parse';
import { columnOf, isShared, replaceScalar, TextEdit } from './edits';

/**
 * Replaces the decoded characters [from, to) of a string scalar with `text` (an insertion when
 * from == to). Undefined when those characters are not written one to one in the source (an escape
 * or a folded line break among them) or when `text` cannot be written in the scalar's style
 * (a line break in a flow scalar, `: ` or ` #` in a plain one). In a literal block, each line
 * break of `text` is followed by the block's indentation.
 */
export function replaceInString(file: ParsedFile, scalar: Scalar, decoded: DecodedString, from: number, to: number, text: string): TextEdit | undefined {
  if (!decoded.exact || isShared(file, scalar) || from > to || to > decoded.value.length) return undefined;
  let start = decoded.offsetAt(from);
  for (let k = from; k < to; k++) {
    const [s, e] = decoded.span(k, k + 1);
    if (s !== start || e !== s + 1 || file.text[s] !== decoded.value[k]) return undefined;
    start = e;
  }
  const at = decoded.offsetAt(from);
  const encoded = encode(file, scalar, decoded, from, text);
  return encoded === undefined ? undefined : { start: at, end: at + (to - from), text: encoded };
}

/**
 * Replaces a whole string value, keeping the scalar's style: quoted and plain scalars as
 * `replaceScalar` does; a literal block keeps its header and indentation.
 */
export function replaceStringValue(file: ParsedFile, scalar: unknown, value: string): TextEdit | undefined {
  if (!isScalar(scalar) || isShared(file, scalar) || !scalar.range) return undefined;
  if (scalar.type !== 'BLOCK_LITERAL' && scalar.type !== 'BLOCK_FOLDED') {
    return value.includes('\n') && scalar.type !== 'QUOTE_DOUBLE' ? undefined : replaceScalar(file, scalar, value);
  }
  const text = file.text;
  const headerEnd = text.indexOf('\n', scalar.range[0]);
  if (headerEnd < 0 || headerEnd >= scalar.range[1]) return undefined;
  const firstLine = text.slice(headerEnd + 1, scalar.range[1]).split('\n').find((l) => l.trim() !== '');
  if (firstLine === undefined) return undefined;
  const indent = /^ */.exec(firstLine)![0];
  const body = value.replace(/\n$/, '').split('\n').map((l) => (l ? indent + l : '')).join(file.eol);
  // The content ends at its last character; trailing line breaks stay as they were (the header's chomping).
  let end = scalar.range[1];
  while (end > headerEnd + 1 && /\s/.test(text[end - 1])) end--;
  if (scalar.type === 'BLOCK_FOLDED' && value.includes('\n')) return undefined;
  return { start: headerEnd + 1, end, text: body };
}

function encode(file: ParsedFile, scalar: Scalar, decoded: DecodedString, at: number, text: string): string | undefined {
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(text).slice(1, -1);
    case 'QUOTE_SINGLE':
      return text.includes('\n') ? undefined : text.replace(/'/g, "''");
    case 'PLAIN':
      return /\n|: |:$| #|^#/.test(text) ? undefined : text;
    case 'BLOCK_FOLDED':
      return text.includes('\n') ? undefined : text;
    case 'BLOCK_LITERAL': {
      if (!text.includes('\n')) return text;
      // The block's indentation: the column where the decoded line holding `at` starts.
      const lineStart = decoded.value.lastIndexOf('\n', at - 1) + 1;
      if (lineStart >= decoded.value.length || decoded.value[lineStart] === '\n') return undefined;
      const indent = ' '.repeat(columnOf(file.text, decoded.offsetAt(lineStart)));
      return text.replace(/\n/g, file.eol + indent);
    }
    default:
      return undefined;
  }
}
