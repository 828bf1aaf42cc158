// Parses the pipeline inside a Go template action: commands, arguments, variables, fields, literals.
import { TemplateSyntaxError } from './template-error';

/** An operand of a command. */
export type Operand =
  /** `.`, `.A.B`, `$`, `$x.A`, or `(pipeline).A`: a base and the fields looked up on it. */
  | { t: 'field'; base: 'dot' | 'var' | 'pipe'; name?: string; pipe?: Pipeline; fields: string[] }
  /** A function name (or `and`, `or`, `not`, ... which are functions too). */
  | { t: 'ident'; name: string }
  | { t: 'literal'; value: string | number | boolean | null };

/** One command: a function call (`ident args...`) or a single operand. */
export type Command = Operand[];

/** A pipeline: commands joined by `|`, optionally declaring (`:=`) or assigning (`=`) variables. */
export interface Pipeline {
  /** [start, end) of the pipeline text in the template. */
  start: number;
  end: number;
  decl?: { vars: string[]; assign: boolean };
  cmds: Command[];
}

interface Token {
  kind: 'ident' | 'field' | 'var' | 'string' | 'number' | 'char' | 'punct';
  text: string;
  at: number;
}

const TOKEN = /\s*(?:(\.\.\.)|("(?:[^"\\]|\\.)*"|`[^`]*`)|('(?:[^'\\]|\\.)+')|(:=|[|(),=])|(\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|((?:\.[A-Za-z0-9_]+)+|\.)|([-+]?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?))|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(text: string, offset: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new TemplateSyntaxError(`cannot read "${text.slice(at).trim().slice(0, 20)}"`, offset + at);
    const start = offset + m.index + m[0].length - m[0].trimStart().length;
    const [, dots, str, chr, punct, variable, field, num, ident] = m;
    if (dots) throw new TemplateSyntaxError('unexpected "..."', start);
    if (str !== undefined) out.push({ kind: 'string', text: str, at: start });
    else if (chr !== undefined) out.push({ kind: 'char', text: chr, at: start });
    else if (punct !== undefined) out.push({ kind: 'punct', text: punct, at: start });
    else if (variable !== undefined) out.push({ kind: 'var', text: variable, at: start });
    else if (field !== undefined) out.push({ kind: 'field', text: field, at: start });
    else if (num !== undefined) out.push({ kind: 'number', text: num, at: start });
    else out.push({ kind: 'ident', text: ident, at: start });
    at = TOKEN.lastIndex;
  }
  return out;
}

/** Parses a pipeline's text found at `offset` of the template. Throws TemplateSyntaxError. */
export function parsePipeline(text: string, offset: number): Pipeline {
  const tokens = tokenize(text, offset);
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateSyntaxError(message, tokens[i]?.at ?? offset + text.length);
  };
  const pipeline = (stopAtParen: boolean): Pipeline => {
    const start = tokens[i]?.at ?? offset;
    const p: Pipeline = { start, end: start, cmds: [] };
    // `$a := ...`, `$a, $b := ...` (range), `$a = ...`.
    const declEnd = findDecl(tokens, i);
    if (declEnd >= 0) {
      const vars = tokens.slice(i, declEnd).filter((t) => t.kind === 'var').map((t) => t.text);
      p.decl = { vars, assign: tokens[declEnd].text === '=' };
      i = declEnd + 1;
    }
    let cmd: Command = [];
    while (i < tokens.length) {
      const tok = tokens[i];
      if (tok.kind === 'punct' && tok.text === ')') {
        if (!stopAtParen) fail('unexpected ")"');
        break;
      }
      if (tok.kind === 'punct' && tok.text === '|') {
        if (cmd.length === 0) fail('missing command before "|"');
        p.cmds.push(cmd);
        cmd = [];
        i++;
        continue;
      }
      cmd.push(operand());
    }
    if (cmd.length > 0) p.cmds.push(cmd);
    else if (p.cmds.length > 0) fail('missing command after "|"');
    const last = tokens[i - 1];
    p.end = last ? last.at + last.text.length : start;
    return p;
  };
  const operand = (): Operand => {
    const tok = tokens[i++];
    switch (tok.kind) {
      case 'string':
        return { t: 'literal', value: tok.text.startsWith('`') ? tok.text.slice(1, -1) : unquote(tok.text, tok.at) };
      case 'char':
        return { t: 'literal', value: unquote(`"${tok.text.slice(1, -1)}"`, tok.at).codePointAt(0) ?? 0 };
      case 'number':
        return { t: 'literal', value: Number(tok.text) };
      case 'field':
        return { t: 'field', base: 'dot', fields: tok.text === '.' ? [] : tok.text.slice(1).split('.') };
      case 'var': {
        const [name, ...fields] = tok.text.split('.');
        return { t: 'field', base: 'var', name, fields };
      }
      case 'ident':
        if (tok.text === 'true' || tok.text === 'false') return { t: 'literal', value: tok.text === 'true' };
        if (tok.text === 'nil') return { t: 'literal', value: null };
        return { t: 'ident', name: tok.text };
      case 'punct':
        if (tok.text === '(') {
          const inner = pipeline(true);
          if (tokens[i]?.text !== ')') fail('unclosed "("');
          i++;
          const next = tokens[i];
          const fields = next?.kind === 'field' && next.at === tokens[i - 1].at + 1 && next.text !== '.' ? (i++, next.text.slice(1).split('.')) : [];
          return { t: 'field', base: 'pipe', pipe: inner, fields };
        }
    }
    i--;
    return fail(`unexpected "${tok.text}"`);
  };
  const p = pipeline(false);
  if (i < tokens.length) fail(`unexpected "${tokens[i].text}"`);
  return p;
}

/** Index of the `:=` or `=` of a variable declaration starting at `i` (`$a :=`, `$a, $b :=`), or -1. */
function findDecl(tokens: Token[], i: number): number {
  let j = i;
  if (tokens[j]?.kind !== 'var') return -1;
  j++;
  if (tokens[j]?.text === ',' && tokens[j + 1]?.kind === 'var') j += 2;
  return tokens[j]?.kind === 'punct' && (tokens[j].text === ':=' || tokens[j].text === '=') ? j : -1;
}

/** A Go double-quoted string literal's value. */
function unquote(literal: string, at: number): string {
  try {
    return JSON.parse(literal.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\([abfv'])/g, (_m, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b', "'": "'" })[c]!)) as string;
  } catch {
    throw new TemplateSyntaxError(`bad string literal ${literal}`, at);
  }
}
