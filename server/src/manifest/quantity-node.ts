// Reads a resource quantity from a YAML node as kubectl and the API server read it, with where and how it is written.
import { isAlias, isScalar, Scalar } from 'yaml';
import { deref } from './nodes';
import { fromUnits, parseQuantity, QuantityResult } from './quantity';

/** A quantity read from the manifest: the result, and the text it comes from. */
export type QuantityRead = QuantityResult & {
  /** The scalar holding the value (the anchored scalar when the value is an alias); undefined for a map or sequence. */
  node?: Scalar;
  /** [start, end) of the value where it is used (the alias itself when aliased). */
  span: [number, number];
  /**
   * The scalar as the file writes it, quotes included (`"2"`, `2.0`, `1536Mi`): copy it to keep the
   * user's spelling. For an alias, the anchored scalar's text.
   */
  spelling: string;
  /** True when the value is written through an alias. */
  aliased: boolean;
};

const STR_TAG = 'tag:yaml.org,2002:str';

/** White space as Go's strings.TrimSpace sees it (unicode.IsSpace: no U+FEFF, but U+0085). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

/**
 * The quantity a YAML value stands for, as kubectl sends it to the API server: a string
 * (`"2"`, `2000m`) is trimmed and parsed; a plain number is read with go-yaml's rules (`2`,
 * `2.0`, `1e3`, `0x10`, `1_000`) and sent as a JSON number; `null` or an empty value is the
 * zero quantity; a boolean, map, sequence, `.inf` or `.nan` is not a quantity. Undefined when
 * `node` is absent or has no source range.
 */
export function readQuantity(file: { text: string }, node: unknown): QuantityRead | undefined {
  if (node === undefined || node === null) return undefined;
  const text = file.text;
  const aliased = isAlias(node);
  const where = (node as { range?: number[] }).range;
  const target = deref(node);
  if (!where || target === undefined) return undefined;
  const span: [number, number] = [where[0], where[1]];
  if (!isScalar(target)) {
    return { ok: false, reason: 'notString', message: 'a map or sequence is not a quantity', span, spelling: text.slice(span[0], span[1]), aliased };
  }
  const r = target.range;
  const spelling = r ? text.slice(r[0], r[1]) : '';
  return { ...memoQuantity(target), node: target, span, spelling, aliased };
}

const QUANTITY = Symbol('cnf-lint.quantity');
type MemoScalar = Scalar & { [QUANTITY]?: QuantityResult };

/**
 * The quantity of a scalar, computed once per parsed scalar: several rules read the same
 * resources, and a parsed scalar never changes (an edit re-parses its document into new nodes).
 */
function memoQuantity(s: Scalar): QuantityResult {
  const m = s as MemoScalar;
  return (m[QUANTITY] ??= quantityOfScalar(s));
}

/** The quantity of a YAML scalar, following its tag and style. */
function quantityOfScalar(s: Scalar): QuantityResult {
  const v = s.value;
  if (s.tag === STR_TAG || (!s.tag && s.type !== 'PLAIN' && typeof v === 'string')) {
    return typeof v === 'string' ? parseQuantity(v.replace(GO_TRIM, '')) : unsupported(s);
  }
  if (s.tag || s.type !== 'PLAIN') return unsupported(s);
  const source = typeof s.source === 'string' ? s.source : String(v ?? '');
  return quantityOfPlain(source);
}

function unsupported(s: Scalar): QuantityResult {
  return { ok: false, reason: 'unsupported', message: `a value tagged ${s.tag ?? 'by its style'} is not evaluated by cnf-lint` };
}

const BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const NOT_FINITE = /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * A plain scalar as go-yaml v2 resolves it (kubectl's YAML reader), then as the JSON value the
 * API server decodes: null is the zero quantity, an integer goes as written, a float as its
 * shortest float64 form, anything else as a string.
 */
export function quantityOfPlain(text: string): QuantityResult {
  if (NULLS.has(text)) return { ok: true, quantity: fromUnits(0) };
  if (BOOLEANS.has(text)) return { ok: false, reason: 'notString', message: `the YAML boolean ${text} is not a quantity` };
  if (NOT_FINITE.test(text)) return { ok: false, reason: 'notFinite', message: `${text} is not a finite number` };
  const first = text[0];
  if (first === '.') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return fromFloat(Number(text), text);
  } else if (/[-+0-9]/.test(first)) {
    const plain = text.replace(/_/g, '');
    const int = goParseInt(plain, true) ?? goParseInt(plain, false);
    // kubectl's JSON round trip keeps an integer exactly within int64; beyond, it becomes a float64.
    if (int !== undefined) return int <= (1n << 63n) - 1n ? parseQuantity(int.toString()) : fromFloat(Number(int), text);
    if (YAML_STYLE_FLOAT.test(plain)) return fromFloat(Number(plain), text);
  }
  return parseQuantity(text.replace(GO_TRIM, ''));
}

/** A float64 as encoding/json writes it (the shortest form that reads back the same), parsed as a quantity. */
function fromFloat(n: number, text: string): QuantityResult {
  // strconv.ParseFloat fails on overflow, and go-yaml then keeps the text as a string.
  if (!Number.isFinite(n)) return parseQuantity(text);
  return parseQuantity(String(n));
}

/** Go's strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64): prefixes 0x, 0o, 0b, a leading 0 for octal. */
function goParseInt(s: string, signed: boolean): bigint | undefined {
  let body = s;
  let negative = false;
  if (signed && (body[0] === '+' || body[0] === '-')) {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  let digits: RegExp = /^[0-9]+$/;
  let prefix = '';
  if (/^0[xX]/.test(body)) [digits, prefix, body] = [/^[0-9a-fA-F]+$/, '0x', body.slice(2)];
  else if (/^0[bB]/.test(body)) [digits, prefix, body] = [/^[01]+$/, '0b', body.slice(2)];
  else if (/^0[oO]/.test(body)) [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [digits, prefix, body] = [/^[0-7]+$/, '0o', body.slice(1)];
  if (!digits.test(body)) return undefined;
  // More than 64 significant digits overflow 64 bits in any base: no BigInt of a million digits.
  if (body.replace(/^0+/, '').length > 64) return undefined;
  const value = BigInt(prefix + body) * (negative ? -1n : 1n);
  const [min, max] = signed ? [-(1n << 63n), (1n << 63n) - 1n] : [0n, (1n << 64n) - 1n];
  return value >= min && value <= max ? value : undefined;
}
