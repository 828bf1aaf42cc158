// The template functions cnf-lint evaluates (Go's built-ins and the Sprig functions charts use most); any other is unknown.
import { stringify } from 'yaml';
import { holdsUnknown, isUnknown, plain, toData, Traced, Unknown, Val, ValMap } from './values';

/** A function of the template language: arguments in, a value out (Unknown when it cannot be known). */
export type TemplateFunction = (args: Val[]) => Val;

/** Go's truthiness: false, 0, nil, and empty strings, lists and maps are false. Undefined for unknown. */
export function truth(v: Val): boolean | undefined {
  const p = plain(v);
  if (isUnknown(p)) return undefined;
  if (p === null || p === undefined || p === false || p === 0 || p === '') return false;
  if (Array.isArray(p)) return p.length > 0;
  if (p instanceof Map) return p.size > 0;
  return true;
}

/** The text Go's template prints for a value (`<no value>` for a missing one, as Helm leaves it). */
export function printed(v: Val): string | Unknown {
  const p = plain(v);
  if (isUnknown(p)) return p;
  if (p === undefined) return '<no value>';
  if (p === null) return '<nil>';
  if (Array.isArray(p)) {
    const parts = p.map(printed);
    const unknown = parts.find(isUnknown);
    return unknown ?? `[${parts.join(' ')}]`;
  }
  if (p instanceof Map) {
    if (holdsUnknown(p)) return new Unknown('a map holding unknown values');
    return `map[${[...p.keys()].sort().map((k) => `${k}:${printed(p.get(k)) as string}`).join(' ')}]`;
  }
  return typeof p === 'number' ? formatNumber(p) : String(p);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 1e21 ? n.toExponential().replace('e+', 'e+') : String(n);
}

/** The string form of a value for string functions; Unknown stays unknown. */
function str(v: Val): string | Unknown {
  const p = plain(v);
  return p === null || p === undefined ? '' : printed(p);
}

/** A string function of one string argument (the last, as pipelines pass it). */
const onString =
  (f: (s: string, args: Val[]) => Val): TemplateFunction =>
  (args) => {
    const s = str(args[args.length - 1]);
    return isUnknown(s) ? s : f(s, args.slice(0, -1));
  };

/** Keeps the trace of `v` on a result equal to its value (so a finding can point at values.yaml). */
const keepTrace = (v: Val, result: string | number | boolean | null): Val => (v instanceof Traced ? new Traced(result, v.origin) : result);

/** Renders data as Helm's toYaml does (block style, no trailing newline); unknown inside makes it unknown. */
export function toYaml(v: Val): string | Unknown {
  if (holdsUnknown(v)) return new Unknown('toYaml of a value holding unknown parts');
  const data = toData(v);
  if (data === null || data === undefined) return 'null';
  return stringify(data, { version: '1.1', lineWidth: 0 }).replace(/\n$/, '');
}

function toJson(v: Val): string | Unknown {
  if (holdsUnknown(v)) return new Unknown('toJson of a value holding unknown parts');
  return JSON.stringify(toData(v) ?? null);
}

function indent(n: Val, s: string): string | Unknown {
  const width = plain(n);
  if (typeof width !== 'number') return new Unknown('indent by a width that is not a number');
  const pad = ' '.repeat(Math.max(0, Math.min(width, 1000)));
  return s
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function sprintf(format: string, args: Val[]): string | Unknown {
  let i = 0;
  let unknown: Unknown | undefined;
  const out = format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([svdqtf%])/g, (_whole, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const arg = plain(args[i++]);
    if (isUnknown(arg)) {
      unknown = arg;
      return '';
    }
    if (verb === 'q') return JSON.stringify(String(printed(arg)));
    if (verb === 'd') return typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${String(printed(arg))})`;
    const text = printed(arg);
    if (isUnknown(text)) {
      unknown = text;
      return '';
    }
    return text;
  });
  return unknown ?? out;
}

function isEmpty(v: Val): boolean | undefined {
  const t = truth(v);
  return t === undefined ? undefined : !t;
}

function equal(a: Val, b: Val): boolean | Unknown {
  const x = plain(a);
  const y = plain(b);
  if (isUnknown(x)) return x;
  if (isUnknown(y)) return y;
  return x === y || (x == null && y == null);
}

/** The value of `args` unless one is unknown: then that unknown. */
function firstUnknown(args: Val[]): Unknown | undefined {
  return args.map(plain).find(isUnknown) as Unknown | undefined;
}

const strict =
  (f: TemplateFunction): TemplateFunction =>
  (args) =>
    firstUnknown(args) ?? f(args);

/** The functions cnf-lint knows, by name (the Sprig extras of functions-sprig.ts are added by the evaluator). */
export const FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['default', (args) => {
    const [fallback, value] = [args[0], args[args.length - 1]];
    const t = args.length < 2 ? false : truth(value);
    if (t === undefined) return new Unknown('default of an unknown value');
    return t ? value : fallback;
  }],
  ['quote', (args) => (args.length === 0 ? '""' : onString((s) => JSON.stringify(s))(args))],
  ['squote', onString((s) => `'${s}'`)],
  ['toYaml', (args) => toYaml(args[0])],
  ['toJson', (args) => toJson(args[0])],
  ['toString', (args) => (args[0] instanceof Traced ? keepTrace(args[0], str(args[0]) as string) : str(args[0]))],
  ['nindent', (args) => {
    const s = str(args[args.length - 1]);
    const width = plain(args[0]);
    if (isUnknown(s)) return new Unknown(s.why, typeof width === 'number' ? width : undefined);
    const body = indent(args[0], s);
    return isUnknown(body) ? body : `\n${body}`;
  }],
  ['indent', (args) => onString((s) => indent(args[0], s))(args)],
  ['trunc', strict((args) => onString((s) => { const n = plain(args[0]) as number; return n >= 0 ? s.slice(0, n) : s.slice(Math.max(0, s.length + n)); })(args))],
  ['trimSuffix', strict((args) => onString((s) => { const x = String(plain(args[0])); return x && s.endsWith(x) ? s.slice(0, -x.length) : s; })(args))],
  ['trimPrefix', strict((args) => onString((s) => { const x = String(plain(args[0])); return x && s.startsWith(x) ? s.slice(x.length) : s; })(args))],
  ['trim', onString((s) => s.trim())],
  ['trimAll', strict((args) => onString((s) => { const cut = String(plain(args[0])); let a = 0; let b = s.length; while (a < b && cut.includes(s[a])) a++; while (b > a && cut.includes(s[b - 1])) b--; return s.slice(a, b); })(args))],
  ['upper', onString((s) => s.toUpperCase())],
  ['lower', onString((s) => s.toLowerCase())],
  ['title', onString((s) => s.replace(/\b\w/g, (c) => c.toUpperCase()))],
  ['replace', strict((args) => onString((s) => s.split(String(plain(args[0]))).join(String(plain(args[1]))))(args))],
  ['contains', strict((args) => onString((s) => s.includes(String(plain(args[0]))))(args))],
  ['hasPrefix', strict((args) => onString((s) => s.startsWith(String(plain(args[0]))))(args))],
  ['hasSuffix', strict((args) => onString((s) => s.endsWith(String(plain(args[0]))))(args))],
  ['printf', strict((args) => sprintf(String(plain(args[0])), args.slice(1)))],
  ['print', strict((args) => args.map((a) => printed(a) as string).join(''))],
  ['println', strict((args) => `${args.map((a) => printed(a) as string).join(' ')}\n`)],
  ['eq', (args) => { for (const b of args.slice(1)) { const e = equal(args[0], b); if (e !== false) return e; } return false; }],
  ['ne', (args) => { const e = equal(args[0], args[1]); return isUnknown(e) ? e : !e; }],
  ['lt', strict((args) => (plain(args[0]) as number) < (plain(args[1]) as number))],
  ['le', strict((args) => (plain(args[0]) as number) <= (plain(args[1]) as number))],
  ['gt', strict((args) => (plain(args[0]) as number) > (plain(args[1]) as number))],
  ['ge', strict((args) => (plain(args[0]) as number) >= (plain(args[1]) as number))],
  ['not', (args) => { const t = truth(args[0]); return t === undefined ? new Unknown('not of an unknown value') : !t; }],
  ['and', (args) => { for (const a of args) { const t = truth(a); if (t === undefined) return new Unknown('and of an unknown value'); if (!t) return a; } return args[args.length - 1]; }],
  ['or', (args) => { for (const a of args) { const t = truth(a); if (t === undefined) return new Unknown('or of an unknown value'); if (t) return a; } return args[args.length - 1]; }],
  ['empty', (args) => isEmpty(args[0]) ?? new Unknown('empty of an unknown value')],
  ['required', (args) => (truth(args[1]) === true ? args[1] : new Unknown('required: the value is not set'))],
  ['ternary', (args) => { const t = truth(args[2]); return t === undefined ? new Unknown('ternary on an unknown value') : t ? args[0] : args[1]; }],
  ['coalesce', (args) => { for (const a of args) { const t = truth(a); if (t === undefined) return new Unknown('coalesce of an unknown value'); if (t) return a; } return null; }],
  ['hasKey', strict((args) => { const m = plain(args[0]); return m instanceof Map && m.has(String(plain(args[1]))); })],
  ['get', strict((args) => { const m = plain(args[0]); return m instanceof Map ? (m.get(String(plain(args[1]))) ?? '') : ''; })],
  ['index', strict((args) => args.slice(1).reduce<Val>((v, k) => { const c = plain(v); const key = plain(k); if (c instanceof Map) return c.get(String(key)); if (Array.isArray(c) && typeof key === 'number') return c[key]; return null; }, args[0]))],
  ['dict', strict((args) => { const m: ValMap = new Map(); for (let i = 0; i + 1 < args.length; i += 2) m.set(String(plain(args[i])), args[i + 1]); return m; })],
  ['list', (args) => [...args]],
  ['omit', strict((args) => { const m = plain(args[0]); if (!(m instanceof Map)) return new Map(); const drop = new Set(args.slice(1).map((a) => String(plain(a)))); return new Map([...m].filter(([k]) => !drop.has(k))); })],
  ['pick', strict((args) => { const m = plain(args[0]); if (!(m instanceof Map)) return new Map(); const keep = new Set(args.slice(1).map((a) => String(plain(a)))); return new Map([...m].filter(([k]) => keep.has(k))); })],
  ['keys', strict((args) => args.flatMap((a) => { const m = plain(a); return m instanceof Map ? [...m.keys()] : []; }))],
  ['len', strict((args) => { const v = plain(args[0]); return v instanceof Map ? v.size : Array.isArray(v) || typeof v === 'string' ? v.length : 0; })],
  ['first', strict((args) => { const v = plain(args[0]); return Array.isArray(v) ? (v[0] ?? null) : null; })],
  ['last', strict((args) => { const v = plain(args[0]); return Array.isArray(v) ? (v[v.length - 1] ?? null) : null; })],
  ['join', strict((args) => { const v = plain(args[1]); return Array.isArray(v) ? v.map((x) => printed(x) as string).join(String(plain(args[0]))) : String(printed(v)); })],
  ['int', strict((args) => { const v = plain(args[0]); const n = typeof v === 'number' ? v : parseInt(String(v ?? 0), 10); return Number.isFinite(n) ? Math.trunc(n) : 0; })],
  ['int64', strict((args) => { const v = plain(args[0]); const n = typeof v === 'number' ? v : parseInt(String(v ?? 0), 10); return Number.isFinite(n) ? Math.trunc(n) : 0; })],
  ['float64', strict((args) => Number(plain(args[0]) ?? 0))],
  ['add', strict((args) => args.reduce<number>((n, a) => n + Number(plain(a)), 0))],
  ['sub', strict((args) => Number(plain(args[0])) - Number(plain(args[1])))],
  ['mul', strict((args) => args.reduce<number>((n, a) => n * Number(plain(a)), 1))],
  ['b64enc', strict((args) => Buffer.from(String(str(args[0])), 'utf8').toString('base64'))],
  ['merge', strict((args) => args.slice(1).reduce<ValMap>((acc, m) => { const x = plain(m); if (x instanceof Map) for (const [k, v] of x) if (!acc.has(k)) acc.set(k, v); return acc; }, new Map(plain(args[0]) instanceof Map ? (plain(args[0]) as ValMap) : [])))],
]);
