// Edits that make a kubectl-only quoted scalar portable: indent its lines, or write its JSON as a block.
import { isMap, visit, Pair, YAMLMap } from 'yaml';
import type { NonPortableScalar } from '../manifest/lenient-quotes';
import { documentAt } from '../manifest/document-at';
import type { ParsedFile } from '../manifest/parse';
import { writeAsBlock } from './networks-edits';
import { lineStartOf, TextEdit } from './edits';

/**
 * Indents the continuation lines of the scalar, all by the same amount, so that the least indented
 * sits two columns right of the first key (or item) of the scalar's first line; blank lines stay as
 * they are. Leading white space is not part of a folded line, so the value does not change.
 */
export function indentContinuation(file: ParsedFile, scalar: NonPortableScalar): TextEdit | undefined {
  const text = file.text;
  const lineStart = lineStartOf(text, scalar.start);
  const before = text.slice(lineStart, scalar.start);
  // Only the value of a `key:` or a `- ` item: a scalar that starts a line continues something else.
  if (!/^[ ]*(?:-[ ]+)*(?:[^\s#'"][^#]*:[ \t]+)?$/.test(before) || before.trim() === '') return undefined;
  const lead = /^[ ]*(?:-[ ]+)*/.exec(before)![0].length;
  const [first, ...rest] = text.slice(scalar.start, scalar.end).split('\n');
  const indents = rest.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const shift = Math.max(0, lead + 2 - indents.reduce((m, n) => Math.min(m, n), Infinity));
  if (indents.length === 0 || shift === 0) return undefined;
  const pad = ' '.repeat(shift);
  const lines = rest.map((l) => (l.trim() === '' ? l : pad + l));
  return { start: scalar.start, end: scalar.end, text: [first, ...lines].join('\n') };
}

/**
 * Rewrites the scalar as a `|` block holding its JSON line by line as written (relative indentation
 * kept), when it is the value of a block-map pair and the block reads as the same JSON.
 */
export function jsonAsBlock(file: ParsedFile, scalar: NonPortableScalar): TextEdit | undefined {
  const body = blockBody(file.text, scalar);
  if (body === undefined || !sameJson(body, scalar.value)) return undefined;
  const place = pairOfValue(file, scalar.start);
  return place && writeAsBlock(file, place.map, place.pair, body);
}

/** The scalar's lines unquoted, trimmed at the end and dedented together; undefined when a line ends in an escape. */
function blockBody(text: string, scalar: NonPortableScalar): string | undefined {
  const double = text[scalar.start] === '"';
  const raw = text.slice(scalar.start + 1, scalar.end - 1).split(/\r?\n/);
  if (double && raw.some((l) => /\\$/.test(l.replace(/\\\\/g, '')))) return undefined;
  const lines = raw.map((l) => (double ? unescapeDouble(l) : l.replace(/''/g, "'")).trimEnd());
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const dedent = indents.reduce((m, n) => Math.min(m, n), Infinity);
  const body = [lines[0].trim(), ...lines.slice(1).map((l) => (l.trim() === '' ? '' : l.slice(Number.isFinite(dedent) ? dedent : 0)))];
  while (body.length > 0 && body[0] === '') body.shift();
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return body.join('\n');
}

/** A double-quoted line's escapes decoded: JSON in YAML double quotes only escapes `"` and `\`. */
function unescapeDouble(line: string): string {
  return line.replace(/\\(["\\/])/g, '$1');
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** The block-map pair whose value starts at `offset`, with its map. */
function pairOfValue(file: ParsedFile, offset: number): { map: YAMLMap; pair: Pair } | undefined {
  const d = documentAt(file, offset);
  let found: { map: YAMLMap; pair: Pair } | undefined;
  if (d)
    visit(d.doc, {
      Pair(_key, pair, path) {
        const parent = path[path.length - 1];
        const range = (pair.value as { range?: number[] } | null)?.range;
        if (range?.[0] !== offset) return undefined;
        if (isMap(parent) && !parent.flow) found = { map: parent, pair };
        return visit.BREAK;
      },
    });
  return found;
}
