// Templates of other engines (Jinja, Go templates outside a chart): every `{{ }}` and `{% %}` is unknown, the rest literal.
import { Rendered, UNKNOWN_MARK } from './evaluate';

/**
 * Offset of the first `{{` or `{%` outside comments and outside the spans given (block scalars, whose
 * text is data such as an alerting template), or -1. Linear in the text: each line is examined once.
 */
export function templateMarkerAt(text: string, skip: ReadonlyArray<readonly [number, number]> = []): number {
  let lineEnd = -1;
  let commentAt = -1;
  let k = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    const next = text[i + 1];
    if (next !== '{' && next !== '%') continue;
    while (k < skip.length && skip[k][1] <= i) k++;
    if (k < skip.length && skip[k][0] <= i) continue;
    if (i > lineEnd) {
      const lineStart = text.lastIndexOf('\n', i) + 1;
      const nl = text.indexOf('\n', i);
      lineEnd = nl < 0 ? text.length : nl;
      const m = /(?:^|[ \t])#/.exec(text.slice(lineStart, lineEnd));
      commentAt = m ? lineStart + m.index + m[0].length - 1 : -1;
    }
    if (commentAt < 0 || i < commentAt) return i;
  }
  return -1;
}

/**
 * Renders a template of another engine: literal text as it is, each `{{ ... }}` or `{% ... %}` as
 * an unknown scalar, or as an unknown comment line when it stands alone on its line.
 */
export function renderGeneric(src: string): Rendered {
  const rendered: Rendered = { text: '', segments: [], unknowns: [] };
  const parts: string[] = [];
  let length = 0;
  let at = 0;
  const push = (text: string, srcStart: number, srcEnd: number, action: boolean) => {
    if (text.length === 0) return;
    rendered.segments.push({ out: length, outEnd: length + text.length, src: srcStart, srcEnd, action });
    parts.push(text);
    length += text.length;
  };
  const open = /\{\{|\{%/g;
  for (let m = open.exec(src); m; m = open.exec(src)) {
    const close = src.indexOf(m[0] === '{{' ? '}}' : '%}', m.index + 2);
    if (close < 0) break;
    push(src.slice(at, m.index), at, m.index, false);
    const mark = `${UNKNOWN_MARK}-${rendered.unknowns.length + 1}`;
    const lineStart = src.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = src.indexOf('\n', close);
    const alone = /^[ \t]*$/.test(src.slice(lineStart, m.index)) && /^[ \t\r]*$/.test(src.slice(close + 2, lineEnd < 0 ? src.length : lineEnd));
    const text = alone ? `# ${mark}` : mark;
    rendered.unknowns.push({ start: length, end: length + text.length, why: `the ${m[0] === '{{' ? 'expression' : 'tag'} ${src.slice(m.index, Math.min(close + 2, m.index + 40))}` });
    push(text, m.index, close + 2, true);
    at = close + 2;
    open.lastIndex = at;
  }
  push(src.slice(at), at, src.length, false);
  rendered.text = parts.join('');
  return rendered;
}
