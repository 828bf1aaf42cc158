// Resource quantities exactly as Kubernetes parses them (apimachinery resource.Quantity), in exact integer arithmetic.

/** The suffix family a quantity is written in; Kubernetes formats it back in the same family. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/**
 * An exact quantity: an integer count of nano units (10^-9), the finest precision Kubernetes
 * keeps (a finer value is rounded away from zero when parsed). Never a floating-point number.
 */
export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

/**
 * Why a value is not a quantity: `empty`, `format`, `numeric` and `suffix` are the API server's
 * own parse errors; `notString` a YAML boolean, map or sequence; `notFinite` a YAML `.inf` or
 * `.nan`; `unsupported` a value cnf-lint does not evaluate (an exponent beyond 10^±1000, a tag).
 */
export type QuantityError = 'empty' | 'format' | 'numeric' | 'suffix' | 'notString' | 'notFinite' | 'unsupported';

/** A parse result: the quantity, or why the text is not one (never a guess). */
export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; reason: QuantityError; message: string };

const NANO = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** The API server's messages (apimachinery ErrFormatWrong, ErrNumeric, ErrSuffix). */
const MESSAGES: Record<'empty' | 'format' | 'numeric' | 'suffix', string> = {
  empty: `quantities must match the regular expression '${SPLIT_RE}'`,
  format: `quantities must match the regular expression '${SPLIT_RE}'`,
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
};

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Exponents beyond this (in either direction) are not evaluated: `unsupported`. */
const MAX_EXPONENT = 1000;

/** Numbers with more digits than this are not evaluated (`unsupported`): exact arithmetic on them would cost more than any manifest is worth. */
export const MAX_QUANTITY_DIGITS = 1000;

const fail = (reason: QuantityError, message?: string): QuantityResult => ({
  ok: false,
  reason,
  message: message ?? MESSAGES[reason as keyof typeof MESSAGES] ?? reason,
});

/** Parses a quantity string exactly as `resource.ParseQuantity` does (no trimming: see readQuantity). */
export function parseQuantity(str: string): QuantityResult {
  if (str.length === 0) return fail('empty');
  if (str === '0') return { ok: true, quantity: { nanos: 0n, format: 'DecimalSI' } };
  const m = /^([+-]?)(0*)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*)([-+]?[0-9]*)(.*)$/s.exec(str)!;
  const [, sign, zeros, digits, denomRaw, letters, exponentPart, rest] = m;
  // A sign or zeros alone (`-`, `+`, `00`) end the scan early in Kubernetes: the value is 0.
  if (digits === '' && denomRaw === undefined && letters === '' && exponentPart === '' && rest === '') {
    return { ok: true, quantity: { nanos: 0n, format: 'DecimalSI' } };
  }
  if (rest !== '') return fail('format');
  const suffix = letters + exponentPart;
  const num = digits === '' ? '0' : digits;
  const denom = denomRaw ?? '';
  if (num.length + denom.length > MAX_QUANTITY_DIGITS) return fail('unsupported', `a number of more than ${MAX_QUANTITY_DIGITS} digits is not evaluated by cnf-lint`);
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) return fail('suffix');
  if (interpreted === 'unsupported') return fail('unsupported', `the exponent of ${str} is too large for cnf-lint to evaluate`);
  const { base, exponent, format } = interpreted;
  // Kubernetes takes a fast int64 path or an inf.Dec path; the latter needs a digit in the number.
  if (!fastPath(base, exponent, num, denom) && !/[0-9]/.test(zeros + digits + denom)) return fail('numeric');
  const mantissa = BigInt(num + denom) * (sign === '-' ? -1n : 1n);
  let nanos: bigint;
  if (base === 2) nanos = scaleToNanos(mantissa << BigInt(exponent), -denom.length);
  else {
    const scale = exponent - denom.length;
    if (scale > MAX_EXPONENT) return fail('unsupported', `exponent ${exponent} is too large for cnf-lint to evaluate`);
    nanos = scaleToNanos(mantissa, scale);
  }
  // A binary-suffixed quantity is capped, silently, at 2^63-1.
  const cap = MAX_INT64 * NANO;
  if (format === 'BinarySI' && (nanos > cap || nanos < -cap)) nanos = nanos > 0n ? cap : -cap;
  return { ok: true, quantity: { nanos, format: format === 'BinarySI' && abs(nanos) < NANO && nanos !== 0n ? 'DecimalSI' : format } };
}

/** Parses a quantity known to be valid (constants); throws otherwise. */
export function mustParseQuantity(str: string): Quantity {
  const r = parseQuantity(str);
  if (!r.ok) throw new Error(`cannot parse '${str}': ${r.message}`);
  return r.quantity;
}

/** A quantity of whole units: `fromUnits(2)` is 2 (two CPUs, two bytes). */
export function fromUnits(units: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: BigInt(units) * NANO, format };
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | 'unsupported' | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, s)) return { base: 10, exponent: DECIMAL_SUFFIXES[s], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, s)) return { base: 2, exponent: BINARY_SUFFIXES[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const parsed = BigInt(s.slice(1));
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined; // strconv.ParseInt fails
    // Kubernetes keeps int32(parsed), and beyond that overflows its scale arithmetic: not evaluated here.
    if (parsed > BigInt(MAX_EXPONENT * 2) || parsed < -(2n ** 31n) + 64n) return 'unsupported';
    return { base: 10, exponent: Number(parsed), format: 'DecimalExponent' };
  }
  return undefined;
}

/** True when Kubernetes parses the number on its int64 path (which needs no digit in it). */
function fastPath(base: 2 | 10, exponent: number, num: string, denom: string): boolean {
  let precision: number;
  let scale = 0;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else precision = -1;
  return precision >= 0 && scale - denom.length >= -9;
}

/** mantissa x 10^scale in nano units, rounded away from zero (as Kubernetes rounds below nano). */
function scaleToNanos(mantissa: bigint, scale: number): bigint {
  const shift = scale + 9;
  if (shift >= 0) return mantissa * 10n ** BigInt(shift);
  if (mantissa === 0n) return 0n;
  // Fewer digits than places to drop: a non-zero value below one nano, which rounds to one.
  if (abs(mantissa).toString().length < -shift) return mantissa > 0n ? 1n : -1n;
  const d = 10n ** BigInt(-shift);
  const q = abs(mantissa) / d;
  const r = abs(mantissa) % d;
  const rounded = r === 0n ? q : q + 1n;
  return mantissa < 0n ? -rounded : rounded;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** True when two quantities are equal in value (`1Gi` equals `1024Mi`, `2` equals `2000m`). */
export function quantitiesEqual(a: Quantity, b: Quantity): boolean {
  return a.nanos === b.nanos;
}

/** The sign of a quantity: -1, 0 or 1. */
export function signOf(q: Quantity): number {
  return q.nanos < 0n ? -1 : q.nanos > 0n ? 1 : 0;
}

/** True when a quantity is a whole number of units (`2`, `2000m`; not `1500m`). */
export function isInteger(q: Quantity): boolean {
  return q.nanos % NANO === 0n;
}

/** True when `q` is an integer multiple of `unit` (`2Gi` of `1Gi`; not `1536Mi`). A zero unit divides nothing. */
export function isMultipleOf(q: Quantity, unit: Quantity): boolean {
  return unit.nanos !== 0n && q.nanos % unit.nanos === 0n;
}

/** The sum of two quantities, in the first one's format (the second's when the first is zero, as Kubernetes does). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** The smallest integer quantity >= q (`1500m` -> `2`), in the same format. */
export function ceilToInteger(q: Quantity): Quantity {
  return roundUpToMultiple(q, fromUnits(1));
}

/** The smallest multiple of `unit` >= q (`1536Mi` of `1Gi` -> `2Gi`), in q's format. */
export function roundUpToMultiple(q: Quantity, unit: Quantity): Quantity {
  const u = abs(unit.nanos);
  if (u === 0n) return q;
  const r = ((q.nanos % u) + u) % u;
  return { nanos: r === 0n ? q.nanos : q.nanos - r + u, format: q.format };
}

/** The value in whole units rounded away from zero, as Kubernetes' `Quantity.Value()`. */
export function integerValue(q: Quantity): bigint {
  const whole = q.nanos / NANO;
  return q.nanos % NANO === 0n ? whole : whole + (q.nanos > 0n ? 1n : -1n);
}

/**
 * The canonical form Kubernetes prints (`Quantity.String()`): `1.5` -> `1500m`, `1.5Gi` -> `1536Mi`,
 * `2048Ki` -> `2Mi`; a binary quantity that is below 1024 or not whole prints as decimal.
 */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const units = q.nanos / NANO;
  if (q.format === 'BinarySI' && q.nanos % NANO === 0n && abs(units) >= 1024n) {
    let amount = units;
    let step = 0;
    while (step < 6 && amount % 1024n === 0n) {
      amount /= 1024n;
      step++;
    }
    return `${amount}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][step]}`;
  }
  // String arithmetic: linear in the number of digits (a division loop would be quadratic).
  const digits = abs(q.nanos).toString();
  let zeros = 0;
  while (digits.charCodeAt(digits.length - 1 - zeros) === 48) zeros++;
  let exponent = -9 + zeros;
  const down = ((exponent % 3) + 3) % 3;
  const amount = `${q.nanos < 0n ? '-' : ''}${digits.slice(0, digits.length - zeros)}${'0'.repeat(down)}`;
  exponent -= down;
  if (q.format === 'DecimalExponent' || exponent > 18) return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((k) => DECIMAL_SUFFIXES[k] === exponent) ?? '';
  return `${amount}${suffix}`;
}
