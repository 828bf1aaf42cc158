// The spans of a file's block scalars (`|`, `>`): text there is data, whatever it looks like.
import { visit, Scalar } from 'yaml';
import type { ParsedFile } from './parse';

/** [start, end) of every literal or folded block scalar of the file, in file order. */
export function blockScalarSpans(file: ParsedFile): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const d of file.documents) {
    visit(d.doc, {
      Scalar(_key, node: Scalar) {
        if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) spans.push([node.range[0], node.range[1]]);
      },
    });
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
