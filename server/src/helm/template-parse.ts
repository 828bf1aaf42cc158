// Parses Go template text (Helm's template language) into a tree: text, actions and control structures, with offsets.
import { parsePipeline, Pipeline } from './pipeline-parse';
import { TemplateSyntaxError } from './template-error';

export { TemplateSyntaxError };

/** Text copied to the output: [start, end) of the template after `{{-` / `-}}` trimming. */
export interface TextNode {
  t: 'text';
  start: number;
  end: number;
}

/** An action `{{ pipeline }}`: [start, end) is the whole action, delimiters included. */
export interface ActionNode {
  t: 'action';
  start: number;
  end: number;
  pipe: Pipeline;
}

/** One `if`/`with` condition and the body it guards. */
export interface Branch {
  pipe: Pipeline;
  body: TemplateNode[];
}

/** `if`/`else if`/`else`, `with`/`else with`/`else`, or `range`/`else`: [start, end) from the opening action to `{{ end }}`. */
export interface ControlNode {
  t: 'if' | 'with' | 'range';
  start: number;
  end: number;
  branches: Branch[];
  elseBody?: TemplateNode[];
}

/** `{{ template "name" pipeline }}` (and the call half of `block`). */
export interface TemplateCallNode {
  t: 'template';
  start: number;
  end: number;
  name: string;
  pipe?: Pipeline;
}

/** `{{ break }}` and `{{ continue }}` in a range. */
export interface LoopControlNode {
  t: 'break' | 'continue';
  start: number;
  end: number;
}

export type TemplateNode = TextNode | ActionNode | ControlNode | TemplateCallNode | LoopControlNode;

/** A parsed template: its top-level nodes and the templates it defines (`define`, `block`). */
export interface ParsedTemplate {
  nodes: TemplateNode[];
  defines: Map<string, TemplateNode[]>;
}

/** A raw `{{ ... }}` of the source: [start, end) whole, [innerStart, innerEnd) its content without delimiters and trim marks. */
interface RawAction {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  comment: boolean;
}

const SPACE = /[ \t\r\n]/;

/** Splits a template into text spans and raw actions, applying `{{-` and `-}}` trimming to the text. */
function lex(src: string): Array<TextNode | RawAction> {
  const out: Array<TextNode | RawAction> = [];
  let at = 0;
  let trimNext = false;
  for (;;) {
    const open = src.indexOf('{{', at);
    let textEnd = open < 0 ? src.length : open;
    let textStart = at;
    if (trimNext) while (textStart < textEnd && SPACE.test(src[textStart])) textStart++;
    const trimLeft = open >= 0 && src[open + 2] === '-' && SPACE.test(src[open + 3] ?? '');
    if (trimLeft) while (textEnd > textStart && SPACE.test(src[textEnd - 1])) textEnd--;
    if (textEnd > textStart) out.push({ t: 'text', start: textStart, end: textEnd });
    if (open < 0) return out;
    const innerStart = open + (trimLeft ? 4 : 2);
    const comment = src.startsWith('/*', innerStart);
    const close = comment ? commentEnd(src, innerStart) : actionEnd(src, innerStart);
    const trimRight = src[close - 1] === '-' && SPACE.test(src[close - 2] ?? '');
    out.push({ start: open, end: close + 2, innerStart, innerEnd: trimRight ? close - 2 : close, comment } as RawAction);
    trimNext = trimRight;
    at = close + 2;
  }
}

/** Offset of the `}}` closing a comment action whose content starts at `from`. */
function commentEnd(src: string, from: number): number {
  const end = src.indexOf('*/', from + 2);
  if (end < 0) throw new TemplateSyntaxError('unclosed comment', from);
  const close = src.indexOf('}}', end + 2);
  if (close < 0 || src.slice(end + 2, close).trim().replace(/^-$/, '') !== '') throw new TemplateSyntaxError('comment ends before the closing delimiter', end);
  return close;
}

/** Offset of the `}}` closing an action whose content starts at `from`, skipping quoted strings. */
function actionEnd(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '}' && src[i + 1] === '}') return i;
    if (c === '"' || c === '`' || c === "'") {
      const end = c === '`' ? src.indexOf('`', i + 1) : quotedEnd(src, i);
      if (end < 0) throw new TemplateSyntaxError('unterminated quoted string', i);
      i = end;
    }
  }
  throw new TemplateSyntaxError('unclosed action', from);
}

/** Offset of the closing quote of a "..." or '...' literal opening at `at` (backslash escapes), or -1. */
function quotedEnd(src: string, at: number): number {
  for (let i = at + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === src[at]) return i;
    else if (src[i] === '\n') return -1;
  }
  return -1;
}

/** Parses a template. Throws TemplateSyntaxError with the offset of what cannot be parsed. */
export function parseTemplate(src: string): ParsedTemplate {
  const tokens = lex(src);
  const defines = new Map<string, TemplateNode[]>();
  let i = 0;
  /** Parses nodes until an `end`/`else` keyword action at this level; returns them and the stopping action. */
  const parseList = (): { nodes: TemplateNode[]; stop?: { word: string; rest: string; raw: RawAction } } => {
    const nodes: TemplateNode[] = [];
    while (i < tokens.length) {
      const tok = tokens[i++];
      if ('t' in tok) {
        nodes.push(tok);
        continue;
      }
      if (tok.comment) continue;
      const inner = src.slice(tok.innerStart, tok.innerEnd);
      const m = /^\s*(if|else|end|range|with|define|template|block|break|continue)\b\s*([\s\S]*?)\s*$/.exec(inner);
      const word = m?.[1];
      const rest = m?.[2] ?? '';
      const restOffset = tok.innerStart + (m ? inner.indexOf(rest, inner.indexOf(word!) + word!.length) : 0);
      const pipe = (text: string) => parsePipeline(text, restOffset);
      switch (word) {
        case undefined:
          nodes.push({ t: 'action', start: tok.start, end: tok.end, pipe: parsePipeline(inner, tok.innerStart) });
          break;
        case 'end':
        case 'else':
          return { nodes, stop: { word, rest, raw: tok } };
        case 'if':
        case 'with':
        case 'range':
          nodes.push(parseControl(word, pipe(rest), tok));
          break;
        case 'define':
        case 'block': {
          const [name, after] = templateName(rest, restOffset);
          const body = parseList();
          if (body.stop?.word !== 'end') throw new TemplateSyntaxError(`${word} "${name}" without {{ end }}`, tok.start);
          if (!defines.has(name)) defines.set(name, body.nodes);
          if (word === 'block') nodes.push({ t: 'template', start: tok.start, end: body.stop.raw.end, name, pipe: after.trim() ? parsePipeline(after, restOffset) : undefined });
          break;
        }
        case 'template': {
          const [name, after] = templateName(rest, restOffset);
          nodes.push({ t: 'template', start: tok.start, end: tok.end, name, pipe: after.trim() ? parsePipeline(after, restOffset) : undefined });
          break;
        }
        case 'break':
        case 'continue':
          nodes.push({ t: word, start: tok.start, end: tok.end });
          break;
      }
    }
    return { nodes };
  };
  const parseControl = (word: 'if' | 'with' | 'range', first: Pipeline, open: RawAction): ControlNode => {
    const node: ControlNode = { t: word, start: open.start, end: open.end, branches: [] };
    let cond = first;
    for (;;) {
      const part = parseList();
      if (!part.stop) throw new TemplateSyntaxError(`{{ ${word} }} without {{ end }}`, open.start);
      if (node.elseBody) throw new TemplateSyntaxError('{{ else }} after {{ else }}', part.stop.raw.start);
      node.branches.push({ pipe: cond, body: part.nodes });
      if (part.stop.word === 'end') {
        node.end = part.stop.raw.end;
        return node;
      }
      const chained = /^(if|with)\b\s*([\s\S]*)$/.exec(part.stop.rest);
      if (chained && word !== 'range') {
        const restOffset = part.stop.raw.innerStart + src.slice(part.stop.raw.innerStart, part.stop.raw.innerEnd).indexOf(chained[2]);
        cond = parsePipeline(chained[2], restOffset);
        continue;
      }
      if (part.stop.rest.trim()) throw new TemplateSyntaxError(`unexpected "${part.stop.rest}" after else`, part.stop.raw.start);
      const last = parseList();
      if (last.stop?.word !== 'end') throw new TemplateSyntaxError(`{{ ${word} }} without {{ end }}`, open.start);
      node.elseBody = last.nodes;
      node.end = last.stop.raw.end;
      return node;
    }
  };
  const top = parseList();
  if (top.stop) throw new TemplateSyntaxError(`unexpected {{ ${top.stop.word} }}`, top.stop.raw.start);
  return { nodes: top.nodes, defines };
}

/** The quoted name of `define`/`template`/`block` and the text after it. */
function templateName(rest: string, offset: number): [string, string] {
  const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)([\s\S]*)$/.exec(rest);
  if (!m) throw new TemplateSyntaxError('a template name must be a quoted string', offset);
  return [m[1].startsWith('`') ? m[1].slice(1, -1) : (JSON.parse(m[1]) as string), m[2]];
}
