// Adds a new object to a file as a new YAML document at its end; the other documents are not touched.
import { stringify } from 'yaml';
import { ParsedFile } from '../manifest/parse';
import { TextEdit } from './edits';
import { renderBlock, sequencesIndented } from './render';

/**
 * The edit that appends `object` as a new document (`---`, then its keys in order as block YAML,
 * in the file's line ending, indentation width and sequence style) after the last document of the file.
 */
export function appendDocument(file: ParsedFile, object: Record<string, unknown>, comment?: string): TextEdit {
  return appendDocuments(file, [{ object, comment }]);
}

/** One edit that appends several documents, in order (two edits at one offset would overlap). */
export function appendDocuments(file: ParsedFile, documents: ReadonlyArray<{ object: Record<string, unknown>; comment?: string }>): TextEdit {
  const text = file.text;
  const eol = file.eol;
  const lead = text.length === 0 ? '' : text.endsWith('\n') ? '' : eol;
  const width = indentWidth(text);
  const rendered = documents.map(({ object, comment }, i) => {
    const marker = i === 0 && text.length === 0 ? '' : '---' + eol;
    const head = comment ? comment.split('\n').map((l) => `# ${l}`.trimEnd() + eol).join('') : '';
    return marker + head + renderObject(file, object, width) + eol;
  });
  return { start: text.length, end: text.length, text: lead + rendered.join('') };
}

/** An object as block YAML at column 0, without a final line break. */
function renderObject(file: ParsedFile, object: Record<string, unknown>, width: number): string {
  if (width === 2) {
    return Object.entries(object)
      .map(([key, value]) => renderBlock(key, value, 0, file))
      .join(file.eol);
  }
  const options = { compat: 'yaml-1.1', lineWidth: 0, flowCollectionPadding: false, indent: width, indentSeq: sequencesIndented(file) } as const;
  return stringify(object, options).replace(/\r?\n$/, '').split('\n').join(file.eol);
}

/**
 * How many columns the file indents a block map under its key: the first line below a `key:` line
 * that is indented deeper (sequence items and block scalars aside); 2 when there is none.
 */
export function indentWidth(text: string): number {
  const lines = text.split('\n', 400);
  for (let i = 0; i + 1 < lines.length; i++) {
    const key = /^( *)[^\s#-][^#]*:[ \t]*\r?$/.exec(lines[i]);
    const child = /^( *)[^\s#-]/.exec(lines[i + 1]);
    if (!key || !child) continue;
    const width = child[1].length - key[1].length;
    if (width > 0) return Math.min(width, 8);
  }
  return 2;
}
