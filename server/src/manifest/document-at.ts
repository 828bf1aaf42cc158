// Finds the documents of a parsed file around an offset by binary search over their spans, not a scan.
import type { ManifestDocument, ParsedFile } from './parse';

/**
 * The documents whose source span `[start, end]` touches `[from, to]` (both ends inclusive), in file
 * order: usually one, two at a boundary, more when one chunk of text holds several documents.
 * Documents are in file order and their spans never overlap, so this is a binary search.
 */
export function documentsTouching(file: ParsedFile, from: number, to = from): ManifestDocument[] {
  const docs = file.documents;
  let lo = 0;
  let hi = docs.length;
  // The first document that ends at or after `from` (ends never decrease).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ManifestDocument[] = [];
  for (let i = lo; i < docs.length && docs[i].start <= to; i++) out.push(docs[i]);
  return out;
}

/** The first document whose source `[start, end)` holds `offset`, or undefined. */
export function documentAt(file: ParsedFile, offset: number): ManifestDocument | undefined {
  return documentsTouching(file, offset).find((d) => offset >= d.start && offset < d.end);
}
