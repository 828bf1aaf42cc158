// Maps every character of a decoded YAML string scalar back to the source text it comes from.
import { isScalar, Scalar } from 'yaml';
import { deref } from './nodes';

/** A string scalar's value with the file span of each of its characters. */
export interface DecodedString {
  value: string;
  /**
   * True when every character maps to the source text it was decoded from. False when the decoding
   * could not be retraced (then every character maps to the whole scalar): positions stay on real
   * source, only less precise.
   */
  exact: boolean;
  /** The file span [start, end) of the decoded characters [from, to); an empty range gives a zero-width span at `from`. */
  span(from: number, to: number): [number, number];
  /** The file offset before decoded character `i` (`i == value.length`: just after the last character). */
  offsetAt(i: number): number;
}

/** A character being decoded and its source span (file offsets). */
interface Piece {
  ch: string;
  start: number;
  end: number;
  /** A space or tab taken as written (folding trims those at the end of a line). */
  blank: boolean;
}

/**
 * Decodes a string scalar (plain, single- or double-quoted, literal or folded block) of `text`
 * and maps each character of its value to the file. Undefined when the node is not a string scalar.
 */
export function decodeScalar(text: string, node: Scalar): DecodedString | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  let pieces: Piece[] | undefined;
  switch (node.type) {
    case 'PLAIN':
      pieces = decodeFlow(text, start, end, false);
      break;
    case 'QUOTE_SINGLE':
      pieces = decodeFlow(text, start + 1, end - 1, 'single');
      break;
    case 'QUOTE_DOUBLE':
      pieces = decodeFlow(text, start + 1, end - 1, 'double');
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      pieces = decodeBlock(text, start, end, node.value);
      break;
  }
  const exact = pieces !== undefined && pieces.map((p) => p.ch).join('') === node.value;
  return mapped(node.value, exact ? pieces! : node.value.split('').map(() => ({ ch: '', start, end, blank: false })), exact, end);
}

/** decodeScalar for any node (aliases followed): undefined unless it is a string scalar. */
export function decodeNode(text: string, node: unknown): DecodedString | undefined {
  const n = deref(node);
  return isScalar(n) ? decodeScalar(text, n) : undefined;
}

/**
 * The value of a quoted scalar written at [start, end) of `text` (quotes included), folded as Go's
 * YAML parser folds it: whatever the indentation of its continuation lines. Undefined for a bad escape.
 */
export function decodeQuoted(text: string, start: number, end: number): string | undefined {
  const pieces = decodeFlow(text, start + 1, end - 1, text[start] === '"' ? 'double' : 'single');
  return pieces?.map((p) => p.ch).join('');
}

function mapped(value: string, pieces: Piece[], exact: boolean, scalarEnd: number): DecodedString {
  // One piece per UTF-16 unit: a piece that decodes to two units (an escaped astral character) is split.
  const units: Piece[] = [];
  for (const p of pieces) for (let i = 0; i < Math.max(1, p.ch.length); i++) units.push(p);
  const after = units.length > 0 ? units[units.length - 1].end : scalarEnd;
  const offsetAt = (i: number) => (i < units.length ? units[Math.max(0, i)].start : after);
  return {
    value,
    exact,
    offsetAt,
    span: (from, to) => (to <= from ? [offsetAt(from), offsetAt(from)] : [units[from].start, units[Math.min(to, units.length) - 1].end]),
  };
}

/** Escapes of double-quoted scalars that stand for one character. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Decodes a flow scalar's content [from, to): line folding (a single break is a space, each empty
 * line a newline, white space around breaks trimmed), and for quoted styles their escapes.
 */
function decodeFlow(text: string, from: number, to: number, quote: false | 'single' | 'double'): Piece[] | undefined {
  const out: Piece[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      while (out.length > 0 && out[out.length - 1].blank) out.pop();
      const breakStart = i;
      i += c === '\r' ? 2 : 1;
      let empties = 0;
      let lineEnd = i;
      for (;;) {
        let j = i;
        while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j < to && (text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n'))) {
          empties++;
          lineEnd = j + (text[j] === '\r' ? 2 : 1);
          i = lineEnd;
          continue;
        }
        i = j;
        break;
      }
      if (empties === 0) out.push({ ch: ' ', start: breakStart, end: lineEnd, blank: false });
      else for (let k = 0; k < empties; k++) out.push({ ch: '\n', start: breakStart, end: lineEnd, blank: false });
      continue;
    }
    if (quote === 'single' && c === "'" && text[i + 1] === "'") {
      out.push({ ch: "'", start: i, end: i + 2, blank: false });
      i += 2;
      continue;
    }
    if (quote === 'double' && c === '\\') {
      const e = text[i + 1];
      if (e === '\n' || (e === '\r' && text[i + 2] === '\n')) {
        // An escaped line break joins the lines: the break and the next line's indentation vanish.
        i += e === '\r' ? 3 : 2;
        while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
        continue;
      }
      if (Object.hasOwn(ESCAPES, e)) {
        out.push({ ch: ESCAPES[e], start: i, end: i + 2, blank: false });
        i += 2;
        continue;
      }
      const n = HEX_LENGTH[e];
      const hex = n ? text.slice(i + 2, i + 2 + n) : '';
      if (!n || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return undefined;
      out.push({ ch: String.fromCodePoint(parseInt(hex, 16)), start: i, end: i + 2 + n, blank: false });
      i += 2 + n;
      continue;
    }
    out.push({ ch: c, start: i, end: i + 1, blank: c === ' ' || c === '\t' });
    i++;
  }
  return out;
}

/** One line of a block scalar's body. */
interface BodyLine {
  start: number;
  /** End of the line's text (before its break). */
  end: number;
  /** End of its break (== end when the text ends without one). */
  breakEnd: number;
}

/**
 * Decodes a literal or folded block scalar whose header starts at `from`. The content indentation
 * is the first non-empty line's, or header indicator + the parent's, tried until the decoding
 * matches `expected` (the parent's indentation is not in the node).
 */
function decodeBlock(text: string, from: number, to: number, expected: string): Piece[] | undefined {
  const header = /^([|>])([1-9]?)([+-]?)([1-9]?)[^\n]*(\r?\n|$)/.exec(text.slice(from, to));
  if (!header) return undefined;
  const folded = header[1] === '>';
  const chomp = header[3] as '' | '+' | '-';
  const explicit = header[2] || header[4];
  const lines: BodyLine[] = [];
  for (let at = from + header[0].length; at < to; ) {
    const nl = text.indexOf('\n', at);
    const breakEnd = nl < 0 || nl >= to ? to : nl + 1;
    const end = nl < 0 || nl >= to ? to : text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ start: at, end, breakEnd });
    at = breakEnd;
  }
  const firstText = lines.find((l) => /[^ ]/.test(text.slice(l.start, l.end)));
  const auto = firstText ? /^ */.exec(text.slice(firstText.start, firstText.end))![0].length : 0;
  const candidates = explicit ? Array.from({ length: auto }, (_, k) => auto - k) : [auto];
  for (const indent of candidates) {
    const pieces = blockPieces(text, lines, indent, folded, chomp);
    if (pieces.map((p) => p.ch).join('') === expected) return pieces;
  }
  return undefined;
}

function blockPieces(text: string, lines: BodyLine[], indent: number, folded: boolean, chomp: '' | '+' | '-'): Piece[] {
  const out: Piece[] = [];
  const isEmpty = (l: BodyLine) => l.end - l.start <= indent && /^ *$/.test(text.slice(l.start, l.end));
  const newline = (l: BodyLine): Piece => ({ ch: '\n', start: l.end, end: l.breakEnd, blank: false });
  let last = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    if (!isEmpty(lines[k])) {
      last = k;
      break;
    }
  }
  let prev: { line: BodyLine; spaced: boolean } | undefined;
  const empties: BodyLine[] = [];
  for (let k = 0; k <= last; k++) {
    const l = lines[k];
    if (isEmpty(l)) {
      empties.push(l);
      continue;
    }
    const spaced = /^[ \t]/.test(text.slice(l.start + indent, l.end));
    // Loops, not spreads: a scalar can hold more blank lines than a call takes arguments.
    if (prev && (!folded || prev.spaced || spaced)) out.push(newline(prev.line));
    if (prev && folded && !prev.spaced && !spaced && empties.length === 0) out.push({ ch: ' ', start: prev.line.end, end: prev.line.breakEnd, blank: false });
    for (const e of empties) out.push(newline(e));
    empties.length = 0;
    for (let i = l.start + indent; i < l.end; i++) out.push({ ch: text[i], start: i, end: i + 1, blank: false });
    prev = { line: l, spaced };
  }
  if (!prev) return chomp === '+' ? lines.filter((l) => l.breakEnd > l.end).map(newline) : [];
  if (chomp === '-' || prev.line.breakEnd === prev.line.end) return out;
  out.push(newline(prev.line));
  if (chomp === '+') for (const l of lines.slice(last + 1)) if (l.breakEnd > l.end) out.push(newline(l));
  return out;
}
