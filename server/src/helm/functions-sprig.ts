// More Sprig functions that real CNF charts use (measured on the charts of test/fixtures/charts): lists, maps, types, hashes, versions.
import { createHash } from 'node:crypto';
import { printed } from './functions';
import { isUnknown, plain, Unknown, Val, ValMap } from './values';

type Fn = (args: Val[]) => Val;

const strict =
  (f: Fn): Fn =>
  (args) =>
    (args.map(plain).find(isUnknown) as Unknown | undefined) ?? f(args);

/** The kind Sprig's kindOf names for a value. */
function kindOf(v: Val): string {
  const p = plain(v);
  if (p instanceof Map) return 'map';
  if (Array.isArray(p)) return 'slice';
  if (typeof p === 'string') return 'string';
  if (typeof p === 'boolean') return 'bool';
  if (typeof p === 'number') return Number.isInteger(p) ? 'int' : 'float64';
  return 'invalid';
}

/** A version as numbers [major, minor, patch], or undefined. */
function version(text: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Sprig's semverCompare for the constraints charts write (`>=1.16-0`, `<1.25`, `^1.2`, `~1.2`, ranges joined by `,` or space, `||`). */
function semverCompare(constraint: string, given: string): boolean | Unknown {
  const v = version(given);
  if (!v) return new Unknown(`semverCompare of "${given}"`);
  return constraint.split('||').some((alt) =>
    alt
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .every((c) => {
        const m = /^(>=|<=|!=|>|<|=|\^|~)?\s*(.+)$/.exec(c);
        const w = m && version(m[2].replace(/-0$/, ''));
        if (!m || !w) return false;
        const d = compare(v, w);
        switch (m[1]) {
          case '>=':
            return d >= 0;
          case '<=':
            return d <= 0;
          case '>':
            return d > 0;
          case '<':
            return d < 0;
          case '!=':
            return d !== 0;
          case '^':
            return d >= 0 && v[0] === w[0];
          case '~':
            return d >= 0 && v[0] === w[0] && v[1] === w[1];
          default:
            return d === 0;
        }
      }),
  );
}

/** Sprig functions beyond the core set, by name. */
export const SPRIG_FUNCTIONS: ReadonlyArray<[string, Fn]> = [
  ['sha256sum', strict((args) => createHash('sha256').update(String(printed(args[0]))).digest('hex'))],
  ['sha1sum', strict((args) => createHash('sha1').update(String(printed(args[0]))).digest('hex'))],
  ['kindOf', strict((args) => kindOf(args[0]))],
  ['kindIs', strict((args) => kindOf(args[1]) === String(plain(args[0])))],
  ['typeIs', strict((args) => kindOf(args[1]) === String(plain(args[0])))],
  ['has', strict((args) => { const list = plain(args[1]); const x = plain(args[0]); return Array.isArray(list) && list.some((e) => plain(e) === x); })],
  ['set', strict((args) => { const m = plain(args[0]); if (m instanceof Map) (m as ValMap).set(String(plain(args[1])), args[2]); return m; })],
  ['unset', strict((args) => { const m = plain(args[0]); if (m instanceof Map) (m as ValMap).delete(String(plain(args[1]))); return m; })],
  ['append', strict((args) => { const l = plain(args[0]); return Array.isArray(l) ? [...l, args[1]] : [args[1]]; })],
  ['mustAppend', strict((args) => { const l = plain(args[0]); return Array.isArray(l) ? [...l, args[1]] : [args[1]]; })],
  ['prepend', strict((args) => { const l = plain(args[0]); return Array.isArray(l) ? [args[1], ...l] : [args[1]]; })],
  ['uniq', strict((args) => { const l = plain(args[0]); if (!Array.isArray(l)) return []; const seen = new Set(); return l.filter((e) => { const k = plain(e); if (seen.has(k)) return false; seen.add(k); return true; }); })],
  ['compact', strict((args) => { const l = plain(args[0]); return Array.isArray(l) ? l.filter((e) => { const p = plain(e); return p !== '' && p !== null && p !== undefined && p !== false && p !== 0; }) : []; })],
  ['splitList', strict((args) => String(printed(args[1])).split(String(plain(args[0]))))],
  ['toStrings', strict((args) => { const l = plain(args[0]); return Array.isArray(l) ? l.map((e) => String(printed(e))) : []; })],
  ['deepCopy', (args) => args[0]],
  ['b64dec', strict((args) => Buffer.from(String(printed(args[0])), 'base64').toString('utf8'))],
  ['regexMatch', strict((args) => { try { return new RegExp(String(plain(args[0]))).test(String(printed(args[1]))); } catch { return new Unknown('regexMatch'); } })],
  ['max', strict((args) => Math.max(...args.map((a) => Number(plain(a)))))],
  ['min', strict((args) => Math.min(...args.map((a) => Number(plain(a)))))],
  ['div', strict((args) => Math.trunc(Number(plain(args[0])) / Number(plain(args[1]))))],
  ['mod', strict((args) => Number(plain(args[0])) % Number(plain(args[1])))],
  ['until', strict((args) => Array.from({ length: Math.max(0, Math.min(Number(plain(args[0])), 100000)) }, (_, i) => i))],
  ['semverCompare', strict((args) => semverCompare(String(plain(args[0])), String(printed(args[1]))))],
  ['nospace', strict((args) => String(printed(args[0])).replace(/\s+/g, ''))],
  ['cat', strict((args) => args.map((a) => String(printed(a))).filter(Boolean).join(' '))],
];
