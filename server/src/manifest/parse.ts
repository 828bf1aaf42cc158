// Parses a multi-document YAML file into documents with file offsets; classifies files not to lint.
// Each document is parsed on its own and cached by its text, so an edit re-parses only what changed.
import { Composer, Parser, visit, CST, Document, YAMLError } from 'yaml';
import { dropRepeatedKeys, RepeatedKey } from './duplicate-keys';
import { NonPortableScalar, readLeniently } from './lenient-quotes';
import { LineIndex } from './line-index';
import { linkAliases } from './nodes';

/** One YAML document of a file, with its offsets in the file text. */
export interface ManifestDocument {
  index: number;
  doc: Document.Parsed;
  /** Offsets of the document's source in the file: from its start marker or first line to its end. */
  start: number;
  end: number;
  /** Parser errors, with offsets in the file text. */
  errors: YAMLError[];
  /** Keys a map sets twice: only the later pair is in `doc` (not parser errors: the document is linted). */
  repeatedKeys: RepeatedKey[];
  /** Quoted scalars read as kubectl reads them (not parser errors: the document is linted). */
  nonPortable: NonPortableScalar[];
  /** Spans of anchored nodes that aliases refer to: editing them would change every alias too. */
  sharedSpans: Array<[number, number]>;
}

/** Why a file is not linted at all. */
export type SkipReason = 'binary';

/** A parsed file: the text, its documents, and how to turn offsets into positions. */
export interface ParsedFile {
  text: string;
  eol: '\n' | '\r\n';
  documents: ManifestDocument[];
  /** Set when the file is not YAML to lint (binary data); documents is empty. */
  skip?: { reason: SkipReason; offset: number };
  lines: LineIndex;
  /** Set when the file has more than MAX_DOCUMENTS documents: the offset where the text that is not parsed starts. */
  unparsedFrom?: number;
}

/** At most this many documents of one file are parsed (a million `---` lines would take gigabytes). */
export const MAX_DOCUMENTS = 10_000;

/**
 * Options that match how Kubernetes reads YAML (YAML 1.1 booleans); repeated keys are kept for
 * dropRepeatedKeys, which reports them and keeps the later value as Go's decoder does.
 */
const COMPOSE_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false } as const;

/** A parsed chunk of text (one document's source), kept for reuse by a later parse. */
interface Chunk {
  text: string;
  start: number;
  docs: Array<Omit<ManifestDocument, 'index'>>;
}

/**
 * Remembers the documents of the last parse of a file, by their source text, so that the next parse
 * re-parses only documents whose text changed (others are moved to their new offsets). Owned by
 * whoever parses one file repeatedly (the server, per open document).
 */
export class ParseCache {
  private chunks = new Map<string, Chunk[]>();

  /** Takes a cached chunk with this text, if any; each cached chunk is used once. */
  take(text: string): Chunk | undefined {
    const list = this.chunks.get(text);
    return list?.pop();
  }

  /** Replaces the cache content with the chunks of the latest parse. */
  reset(chunks: Chunk[]): void {
    this.chunks = new Map();
    for (const c of chunks) {
      const list = this.chunks.get(c.text);
      if (list) list.push(c);
      else this.chunks.set(c.text, [c]);
    }
  }
}

/** The line ending a text is written with (its first 64 KB decide). */
function eolOf(text: string): '\n' | '\r\n' {
  return /\r\n/.test(text.slice(0, 65536)) ? '\r\n' : '\n';
}

/** A text that is not parsed (a template as written): its line ending and lines, no documents. */
export function textFile(text: string, lines = new LineIndex(text)): ParsedFile {
  return { text, eol: eolOf(text), documents: [], lines };
}

/** Parses a file. Never throws: parser problems are in each document's `errors`. */
export function parseFile(text: string, cache?: ParseCache): ParsedFile {
  const lines = new LineIndex(text);
  const eol = eolOf(text);
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) return { text, eol, documents: [], skip: { reason: 'binary', offset: binaryAt }, lines };
  const chunks: Chunk[] = [];
  let unparsedFrom: number | undefined;
  for (const [start, end] of splitDocuments(text)) {
    if (chunks.length >= MAX_DOCUMENTS) {
      unparsedFrom = start;
      break;
    }
    const chunkText = text.slice(start, end);
    const cached = cache?.take(chunkText);
    if (cached) {
      if (cached.start !== start) moveChunk(cached, start - cached.start);
      chunks.push(cached);
    } else {
      chunks.push({ text: chunkText, start, docs: parseChunk(chunkText, start) });
    }
  }
  cache?.reset(chunks);
  const documents = chunks.flatMap((c) => c.docs).map((d, index) => ({ ...d, index }));
  return unparsedFrom === undefined ? { text, eol, documents, lines } : { text, eol, documents, lines, unparsedFrom };
}

/**
 * [start, end) of each document's source. A line that starts with `---` or `...` ends a document
 * wherever it stands (the YAML spec forbids such lines inside any scalar), so splitting there is exact.
 */
function splitDocuments(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m[0] === '---') {
      // `%TAG` directives belong to the document their `---` starts: keep them in its chunk. (A lone
      // `%YAML` directive stays apart, so that YAML 1.1 is read as Kubernetes reads it.)
      if (m.index > start && !tagDirectivesOnly(text.slice(start, m.index))) {
        spans.push([start, m.index]);
        start = m.index;
      }
    } else {
      const nl = text.indexOf('\n', m.index);
      const end = nl < 0 ? text.length : nl + 1;
      spans.push([start, end]);
      start = end;
    }
  }
  if (start < text.length || spans.length === 0) spans.push([start, text.length]);
  return spans;
}

/** True for text of directive, comment and blank lines only, with a `%TAG` directive among them. */
function tagDirectivesOnly(text: string): boolean {
  return /^%TAG[ \t]/m.test(text) && text.split('\n').every((line) => /^(?:%|[ \t]*#|[ \t]*\r?$)/.test(line));
}

/**
 * Parses one document's source at its offset in the file, so that every range is a file offset. When
 * it does not parse, quoted scalars that only Go's parser reads are read as it reads them.
 */
function parseChunk(chunkText: string, start: number): Chunk['docs'] {
  try {
    let docs = compose(chunkText, start);
    let nonPortable: NonPortableScalar[] = [];
    if (docs.some((doc) => doc.errors.length > 0) && /['"]/.test(chunkText)) {
      const lenient = readLeniently(chunkText, start);
      if (lenient.scalars.length > 0) {
        docs = compose(lenient.text, start);
        nonPortable = lenient.scalars;
        for (const doc of docs) restoreValues(doc, nonPortable);
      }
    }
    return docs.map((doc) => {
      const sharedSpans = chunkText.includes('*') ? linkAliases(doc) : [];
      const repeatedKeys = dropRepeatedKeys(doc);
      const range = doc.range;
      const inDoc = nonPortable.filter((s) => s.start >= range[0] && s.start < range[2]);
      return { doc, start, end: start + chunkText.length, errors: doc.errors, repeatedKeys, nonPortable: inDoc, sharedSpans };
    });
  } catch {
    return [];
  }
}

function compose(chunkText: string, start: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = start;
  const composer = new Composer(COMPOSE_OPTIONS);
  const tokens = Array.from(parser.parse(chunkText), (token) => withoutDeepNesting(token, chunkText, start));
  return Array.from(composer.compose(tokens, false, start + chunkText.length)) as Document.Parsed[];
}

/** Gives each blanked non-portable scalar of `doc` the value Go's parser reads. */
function restoreValues(doc: Document.Parsed, scalars: readonly NonPortableScalar[]): void {
  const byStart = new Map(scalars.map((s) => [s.start, s.value]));
  visit(doc, {
    Scalar(_key, node) {
      const value = node.range ? byStart.get(node.range[0]) : undefined;
      if (value !== undefined) node.value = node.source = value;
    },
  });
}

/** Collections nested deeper than this are not composed: the composer recurses (and Node's stack overflows near 800). */
const MAX_DEPTH = 256;

/**
 * A document token whose collections nest deeper than MAX_DEPTH gets an error token as its value
 * (the whole document is dropped, so that no rule reads or edits a partial tree): a stack overflow
 * in the composer can leave V8's regular expressions broken, which crashes the next parse.
 */
function withoutDeepNesting(token: CST.Token, chunkText: string, start: number): CST.Token {
  if (token.type !== 'document' || !token.value) return token;
  const stack: Array<[CST.Token, number]> = [[token.value, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [t, depth] = entry;
    if (!('items' in t)) continue;
    if (depth > MAX_DEPTH) {
      const source = chunkText.charAt(t.offset - start);
      const error: CST.ErrorToken = { type: 'error', offset: t.offset, source, message: `Collections nest more than ${MAX_DEPTH} levels deep: the document is not read` };
      return { ...token, value: error };
    }
    for (const item of t.items) {
      if (item.value) stack.push([item.value, depth + 1]);
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
    }
  }
  return token;
}

/** Moves a cached chunk to a new offset: every range in it shifts by `delta`. */
function moveChunk(chunk: Chunk, delta: number): void {
  chunk.start += delta;
  for (const d of chunk.docs) {
    d.start += delta;
    d.end += delta;
    shiftRange(d.doc.range, delta);
    for (const e of d.errors) shiftRange(e.pos, delta);
    for (const s of [...d.repeatedKeys, ...d.nonPortable]) {
      s.start += delta;
      s.end += delta;
    }
    d.sharedSpans = d.sharedSpans.map(([a, b]) => [a + delta, b + delta]);
    visit(d.doc, (_key, node) => {
      const r = (node as { range?: number[] } | null)?.range;
      if (r) shiftRange(r, delta);
    });
  }
}

function shiftRange(r: number[] | undefined | null, delta: number): void {
  if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
}

/** Offset of a NUL or an undecodable character (U+FFFD from a non-UTF-8 read), or -1. */
function findBinary(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
  if (nul < 0) return bad;
  return bad < 0 ? nul : Math.min(nul, bad);
}
