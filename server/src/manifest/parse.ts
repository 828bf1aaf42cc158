// Parses a multi-document YAML file once into documents with offsets; classifies files not to lint.
import { parseAllDocuments, visit, Document, Scalar, YAMLError } from 'yaml';
import { LineIndex } from './line-index';
import { linkAliases } from './nodes';

/** One YAML document of a file, with its offsets in the file text. */
export interface ManifestDocument {
  index: number;
  doc: Document.Parsed;
  /** Offset where the document's content starts, and where it ends. */
  start: number;
  end: number;
  /** Parser errors, with offsets in the file text. */
  errors: YAMLError[];
  /** Spans of anchored nodes that aliases refer to: editing them would change every alias too. */
  sharedSpans: Array<[number, number]>;
}

/** Why a file is not linted at all. */
export type SkipReason = 'template' | 'binary';

/** A parsed file: the text, its documents, and how to turn offsets into positions. */
export interface ParsedFile {
  text: string;
  eol: '\n' | '\r\n';
  documents: ManifestDocument[];
  /** Set when the file is not YAML to lint (a Helm/Go template, binary data); documents is empty. */
  skip?: { reason: SkipReason; offset: number };
  lines: LineIndex;
}

/** Options that keep the parser safe and match how Kubernetes reads YAML (YAML 1.1 booleans). */
const PARSE_OPTIONS = { version: '1.1', merge: true, prettyErrors: false, keepSourceTokens: false } as const;

/** Parses a file. Never throws: parser problems are in each document's `errors`. */
export function parseFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text.slice(0, 65536)) ? '\r\n' : '\n';
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) return { text, eol, documents: [], skip: { reason: 'binary', offset: binaryAt }, lines };
  let docs: Array<Document.Parsed>;
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS) as unknown as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch {
    docs = [];
  }
  const documents = docs.map((doc, index) => {
    const [start, , end] = doc.range;
    const sharedSpans = text.slice(start, end).includes('*') ? linkAliases(doc) : [];
    return { index, doc, start, end, errors: doc.errors, sharedSpans };
  });
  if (text.includes('{{')) {
    const templateAt = findTemplateMarker(text, documents);
    if (templateAt >= 0) return { text, eol, documents: [], skip: { reason: 'template', offset: templateAt }, lines };
  }
  return { text, eol, documents, lines };
}

/** Offset of a NUL or an undecodable character (U+FFFD from a non-UTF-8 read), or -1. */
function findBinary(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
  if (nul < 0) return bad;
  return bad < 0 ? nul : Math.min(nul, bad);
}

/**
 * Offset of a `{{` template marker in YAML structure (not inside a comment or a block scalar, where
 * it is data such as an alerting template), or -1.
 */
function findTemplateMarker(text: string, documents: ManifestDocument[]): number {
  const blocks: Array<[number, number]> = [];
  for (const d of documents) {
    visit(d.doc, {
      Scalar(_key, node: Scalar) {
        if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) blocks.push([node.range[0], node.range[1]]);
      },
    });
  }
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (blocks.some(([s, e]) => at >= s && at < e)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (/(^|\s)#/.test(text.slice(lineStart, at))) continue;
    return at;
  }
  return -1;
}
