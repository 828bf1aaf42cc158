// Evaluates a parsed template with values: the rendered text and a source map back to the template, unknown parts marked.
import { FUNCTIONS as CORE, printed, TemplateFunction, truth } from './functions';
import { SPRIG_FUNCTIONS } from './functions-sprig';
import { Command, Operand, Pipeline } from './pipeline-parse';
import { ControlNode, TemplateNode } from './template-parse';
import { UNKNOWN_MARK } from '../manifest/unknown';
import { Origin, plain, Traced, Unknown, Val, ValMap } from './values';

/** A rendered span and where it comes from: literal text maps character by character, an action's output to the action. */
export interface Segment {
  /** [out, outEnd) of the rendered text. */
  out: number;
  outEnd: number;
  /** [src, srcEnd) of the template. */
  src: number;
  srcEnd: number;
  action: boolean;
  /** For an action that printed one value of a values file: where it is written. */
  origin?: Origin;
  /** The `range` iteration (key or index) the text was rendered in, innermost last. */
  iteration?: string;
}

/** Rendered text that stands for content the evaluator cannot know. */
export interface UnknownSpan {
  start: number;
  end: number;
  why: string;
}

/** A rendered template. */
export interface Rendered {
  text: string;
  segments: Segment[];
  unknowns: UnknownSpan[];
}

/** A named template (`define`) and the text it was parsed from. */
export interface NamedTemplate {
  nodes: TemplateNode[];
  src: string;
}

/** Every function the evaluator knows. */
const FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map([...CORE, ...SPRIG_FUNCTIONS]);

export { UNKNOWN_MARK };

/** Evaluation steps a template may take (a bound on loops and recursion). */
const MAX_STEPS = 2_000_000;
/** Nesting of `include`/`template` calls. */
const MAX_CALLS = 100;

/** Thrown when a template takes more than MAX_STEPS steps or nests calls more than MAX_CALLS deep. */
export class EvaluationLimit extends Error {}

class Loop {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** Collects rendered text; the main template's emitter also keeps the source map. */
class Emitter {
  private parts: string[] = [];
  length = 0;
  private lineTail = '';
  readonly segments: Segment[] = [];
  readonly unknowns: UnknownSpan[] = [];
  iteration?: string;
  unknown?: Unknown;

  constructor(readonly mapped: boolean) {}

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    const nl = text.lastIndexOf('\n');
    this.lineTail = nl < 0 ? this.lineTail + text : text.slice(nl + 1);
  }

  literal(src: string, start: number, end: number): void {
    if (end <= start) return;
    const at = this.length;
    this.push(src.slice(start, end));
    if (this.mapped) this.segments.push({ out: at, outEnd: this.length, src: start, srcEnd: end, action: false, iteration: this.iteration });
  }

  /** Prints a value as an action's output mapped to the action [start, end); `endsLine`: nothing follows it on its line. */
  value(v: Val, start: number, end: number, blockIndent?: number, endsLine = true): void {
    const text = printed(v);
    if (text instanceof Unknown) return this.unknownAt(text, start, end, blockIndent, endsLine);
    const at = this.length;
    this.push(text);
    const origin = v instanceof Traced ? v.origin : undefined;
    if (this.mapped && text.length > 0) this.segments.push({ out: at, outEnd: this.length, src: start, srcEnd: end, action: true, origin, iteration: this.iteration });
  }

  /**
   * Marks unknown output: a comment line where the output starts a line or is a block (`nindent`, a
   * multi-line region at `blockIndent`), else a plain scalar word. Either parses wherever it lands.
   */
  unknownAt(u: Unknown, start: number, end: number, blockIndent?: number, endsLine = true): void {
    this.unknown ??= u;
    const mark = `${UNKNOWN_MARK}-${this.unknowns.length + 1}`;
    const at = this.length;
    if (endsLine && /^[ \t]*$/.test(this.lineTail)) this.push(`# ${mark}`);
    else if (blockIndent !== undefined) this.push(`\n${' '.repeat(blockIndent)}# ${mark}`);
    else this.push(mark);
    this.unknowns.push({ start: at, end: this.length, why: u.why });
    if (this.mapped) this.segments.push({ out: at, outEnd: this.length, src: start, srcEnd: end, action: true, iteration: this.iteration });
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Variables of the running template: a stack of scopes. */
class Scope {
  private frames: Array<Map<string, Val>> = [];
  constructor(root: Val) {
    this.frames.push(new Map([['$', root]]));
  }
  push(): void {
    this.frames.push(new Map());
  }
  pop(): void {
    this.frames.pop();
  }
  declare(name: string, v: Val): void {
    this.frames[this.frames.length - 1].set(name, v);
  }
  assign(name: string, v: Val): void {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].has(name)) return void this.frames[i].set(name, v);
  }
  get(name: string): Val {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].has(name)) return this.frames[i].get(name);
    return new Unknown(`undefined variable ${name}`);
  }
}

/** Evaluates templates of one chart: the named templates it defines, and the steps taken so far. */
export class Evaluator {
  private steps = 0;
  private calls = 0;

  /**
   * `templates`: the named templates (`define`) in reach; `fileTemplate`: a template file named by
   * its path (`<chart>/templates/configmap.yaml`, as checksum annotations include it), if any.
   */
  constructor(
    private readonly templates: ReadonlyMap<string, NamedTemplate>,
    private readonly fileTemplate?: (name: string) => NamedTemplate | undefined,
  ) {}

  /** Renders a template's nodes with `root` as `.` and `$`. Throws EvaluationLimit on a runaway template. */
  render(src: string, nodes: TemplateNode[], root: Val): Rendered {
    const out = new Emitter(true);
    this.nodes(src, nodes, root, new Scope(root), out);
    return { text: out.text(), segments: out.segments, unknowns: out.unknowns };
  }

  /** Renders a named template to a string (`include`), or Unknown when any part of it is. */
  private include(name: string, dot: Val): Val {
    const t = this.templates.get(name) ?? this.fileTemplate?.(name);
    if (!t) return new Unknown(`no template named "${name}"`);
    if (++this.calls > MAX_CALLS) throw new EvaluationLimit(`templates include each other more than ${MAX_CALLS} deep`);
    try {
      const out = new Emitter(false);
      this.nodes(t.src, t.nodes, dot, new Scope(dot), out);
      return out.unknown ?? out.text();
    } finally {
      this.calls--;
    }
  }

  private step(): void {
    if (++this.steps > MAX_STEPS) throw new EvaluationLimit(`the template takes more than ${MAX_STEPS} steps`);
  }

  private nodes(src: string, nodes: TemplateNode[], dot: Val, scope: Scope, out: Emitter): void {
    nodes.forEach((node, i) => {
      this.step();
      switch (node.t) {
        case 'text':
          out.literal(src, node.start, node.end);
          break;
        case 'action': {
          const v = this.pipeline(node.pipe, dot, scope);
          const next = nodes[i + 1];
          const endsLine = next?.t !== 'text' || /^[ \t\r]*(?:\n|$)/.test(src.slice(next.start, next.end));
          if (!node.pipe.decl) out.value(v, node.start, node.end, blockIndentOf(v), endsLine);
          break;
        }
        case 'template': {
          const arg = node.pipe ? this.pipeline(node.pipe, dot, scope) : null;
          out.value(this.include(node.name, arg), node.start, node.end);
          break;
        }
        case 'break':
        case 'continue':
          throw new Loop(node.t);
        default:
          this.control(src, node, dot, scope, out);
      }
    });
  }

  private control(src: string, node: ControlNode, dot: Val, scope: Scope, out: Emitter): void {
    scope.push();
    try {
      if (node.t === 'range') return this.range(src, node, dot, scope, out);
      for (const branch of node.branches) {
        const v = this.pipeline(branch.pipe, dot, scope);
        const t = truth(v);
        if (t === undefined) return out.unknownAt(v as Unknown, node.start, node.end, bodyIndent(src, branch.body));
        if (t) return this.nodes(src, branch.body, node.t === 'with' ? v : dot, scope, out);
      }
      if (node.elseBody) this.nodes(src, node.elseBody, dot, scope, out);
    } finally {
      scope.pop();
    }
  }

  private range(src: string, node: ControlNode, dot: Val, scope: Scope, out: Emitter): void {
    const { pipe, body } = node.branches[0];
    const over = plain(this.pipeline({ ...pipe, decl: undefined }, dot, scope));
    if (over instanceof Unknown) return out.unknownAt(over, node.start, node.end, bodyIndent(src, body));
    const items: Array<[Val, Val]> =
      over instanceof Map
        ? [...over.keys()].sort().map((k) => [k, over.get(k)])
        : Array.isArray(over)
          ? over.map((v, i) => [i, v])
          : typeof over === 'number'
            ? Array.from({ length: Math.max(0, Math.min(over, MAX_STEPS)) }, (_, i) => [i, i])
            : [];
    if (items.length === 0) {
      if (node.elseBody) this.nodes(src, node.elseBody, dot, scope, out);
      return;
    }
    const outer = out.iteration;
    try {
      for (const [key, value] of items) {
        const vars = pipe.decl?.vars ?? [];
        if (vars.length === 1) scope.declare(vars[0], value);
        if (vars.length === 2) {
          scope.declare(vars[0], key);
          scope.declare(vars[1], value);
        }
        out.iteration = outer ? `${outer} > ${String(key)}` : String(key);
        try {
          this.nodes(src, body, value, scope, out);
        } catch (e) {
          if (!(e instanceof Loop)) throw e;
          if (e.kind === 'break') break;
        }
      }
    } finally {
      out.iteration = outer;
    }
  }

  private pipeline(p: Pipeline, dot: Val, scope: Scope): Val {
    let v: Val = undefined;
    p.cmds.forEach((cmd, i) => {
      v = this.command(cmd, dot, scope, i > 0 ? [v] : []);
    });
    if (p.decl) {
      const name = p.decl.vars[p.decl.vars.length - 1];
      if (p.decl.assign) scope.assign(name, v);
      else scope.declare(name, v);
    }
    return v;
  }

  private command(cmd: Command, dot: Val, scope: Scope, piped: Val[]): Val {
    this.step();
    const [head, ...rest] = cmd;
    if (head.t !== 'ident') {
      if (rest.length > 0 || piped.length > 0) return new Unknown('a method call');
      return this.operand(head, dot, scope);
    }
    const args = [...rest.map((a) => this.operand(a, dot, scope)), ...piped];
    if (head.name === 'include') {
      const name = plain(args[0]);
      return typeof name === 'string' ? this.include(name, args[1] ?? null) : new Unknown('include of a name not known');
    }
    const f = FUNCTIONS.get(head.name);
    return f ? f(args) : new Unknown(`function "${head.name}"`);
  }

  private operand(op: Operand, dot: Val, scope: Scope): Val {
    if (op.t === 'literal') return op.value;
    if (op.t === 'ident') {
      const f = FUNCTIONS.get(op.name);
      return f ? f([]) : new Unknown(`function "${op.name}"`);
    }
    let v: Val = op.base === 'dot' ? dot : op.base === 'var' ? scope.get(op.name!) : this.pipeline(op.pipe!, dot, scope);
    for (const field of op.fields) v = fieldOf(v, field);
    return v;
  }
}

/** A field of a value: a map's key (missing: undefined, as Go's map lookup); of anything else, unknown. */
function fieldOf(v: Val, field: string): Val {
  const p = plain(v);
  if (p instanceof Map) return (p as ValMap).get(field);
  if (p instanceof Unknown) return p;
  return new Unknown(`.${field} of a value that is not a map`);
}

/** The indentation `nindent` would have given an unknown block, from the why of the Unknown. */
function blockIndentOf(v: Val): number | undefined {
  return v instanceof Unknown && v.blockIndent !== undefined ? v.blockIndent : undefined;
}

/** The indentation of the first text line of a body spanning lines (where an unknown region's content would start), or undefined. */
function bodyIndent(src: string, body: TemplateNode[]): number | undefined {
  for (const n of body) {
    if (n.t !== 'text') continue;
    const m = /\n([ \t]*)\S/.exec(src.slice(n.start, n.end));
    if (m) return m[1].length;
  }
  return undefined;
}
