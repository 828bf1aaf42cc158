// Adds a new object to a file as a new YAML document at its end; the other documents are not touched.
import { ParsedFile } from '../manifest/parse';
import { TextEdit } from './edits';
import { renderBlock } from './render';

/**
 * The edit that appends `object` as a new document (`---`, then its keys in order as block YAML,
 * in the file's line ending and sequence style) after the last document of the file.
 */
export function appendDocument(file: ParsedFile, object: Record<string, unknown>, comment?: string): TextEdit {
  const text = file.text;
  const eol = file.eol;
  const lead = text.length === 0 ? '' : text.endsWith('\n') ? '---' + eol : eol + '---' + eol;
  const head = comment ? comment.split('\n').map((l) => `# ${l}`.trimEnd() + eol).join('') : '';
  const body = Object.entries(object)
    .map(([key, value]) => renderBlock(key, value, 0, file))
    .join(eol);
  return { start: text.length, end: text.length, text: lead + head + body + eol };
}
