// kubectl-compatible reading of quoted scalars whose continuation lines sit at or below their key's
// indentation: Go's YAML parser (kubectl, Helm, client-go) reads them, the YAML spec and `yaml` do not.
import { CST, Parser } from 'yaml';
import { decodeQuoted } from './string-offsets';

/** A quoted scalar that only Go's YAML parser reads, at file offsets, with the value Go gives it. */
export interface NonPortableScalar {
  /** [start, end) of the scalar, quotes included (file offsets; moved in place when the document moves). */
  start: number;
  end: number;
  value: string;
}

/** A chunk of text as the lenient reading hands it to the parser. */
export interface LenientText {
  /**
   * The text with each non-portable scalar's content blanked to spaces (line breaks included): one
   * line of the same length, so that every offset of the text stays where it was.
   */
  text: string;
  scalars: NonPortableScalar[];
}

/** Passes over a chunk at most: each pass finds the scalars that the previous ones hid. */
const MAX_PASSES = 32;

/**
 * Finds the quoted scalars of `text` (a document's source at file offset `base`) that `yaml` cuts
 * short at an under-indented line but Go's parser reads to their closing quote. A scalar counts
 * only when it closes before the next document and is followed by what may follow a value (end of
 * line, a comment, or `,` `]` `}` in a flow collection): an unterminated quote stays an error.
 */
export function readLeniently(text: string, base: number): LenientText {
  const scalars: NonPortableScalar[] = [];
  const tried = new Set<number>();
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    let coveredTo = -1;
    for (const at of truncatedQuotes(current)) {
      if (at < coveredTo || tried.has(at)) continue;
      tried.add(at);
      const end = goQuotedEnd(current, at);
      if (end < 0 || !endsValue(current, end)) continue;
      const value = decodeQuoted(text, at, end);
      if (value === undefined) continue;
      scalars.push({ start: base + at, end: base + end, value });
      current = current.slice(0, at + 1) + ' '.repeat(end - at - 2) + current.slice(end - 1);
      coveredTo = end;
      changed = true;
    }
    if (!changed) break;
  }
  scalars.sort((a, b) => a.start - b.start);
  return { text: current, scalars };
}

/** Offsets of the quoted-scalar tokens that `yaml`'s lexer ended before their closing quote. */
function truncatedQuotes(text: string): number[] {
  const out: number[] = [];
  const stack: unknown[] = Array.from(new Parser().parse(text));
  while (stack.length > 0) {
    const t = stack.pop() as Partial<CST.Token> & { items?: CST.CollectionItem[]; key?: unknown };
    if (!t || typeof t !== 'object') continue;
    if ((t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar') && !closed(t.source ?? '')) out.push(t.offset ?? 0);
    if ('value' in t) stack.push(t.value);
    if (t.items) for (const item of t.items) stack.push(item.key, item.value);
  }
  return out.sort((a, b) => a - b);
}

/** True when a quoted scalar's source ends with its closing quote. */
function closed(source: string): boolean {
  if (source.length < 2) return false;
  return source[0] === "'" ? /^'(?:[^']|'')*'$/.test(source) : /^"(?:[^"\\]|\\[^])*"$/.test(source);
}

/**
 * The offset after the closing quote of the quoted scalar opening at `at`, scanning as Go's parser
 * does (no indentation check), or -1 when it does not close before the text ends or a document marker.
 */
function goQuotedEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(i + 1, i + 5))) return -1;
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** True when what follows a scalar ending at `end` may follow a value (not a `:` that makes it a key). */
function endsValue(text: string, end: number): boolean {
  const nl = text.indexOf('\n', end);
  return /^(?:[ \t]*\r?$|[ \t]+#|[ \t]*[,\]}])/.test(text.slice(end, nl < 0 ? text.length : nl));
}
