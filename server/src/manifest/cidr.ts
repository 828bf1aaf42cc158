// IP prefixes as written in CNI IPAM configs (`10.1.0.0/24`, `2001:db8::/64`): parsed to address ranges, compared for overlap.
import { isIPv4, isIPv6 } from 'node:net';

/** A prefix: its family and the first and last address it covers. */
export interface Prefix {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

/** The prefix of `address/length` (host bits ignored: `10.1.0.5/24` is `10.1.0.0/24`), or undefined when it is not one. */
export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const length = /^\d{1,3}$/.test(text.slice(slash + 1)) ? Number(text.slice(slash + 1)) : NaN;
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
  const bits = family === 4 ? 32 : 128;
  if (!family || !(length >= 0 && length <= bits)) return undefined;
  const value = family === 4 ? ipv4Value(address) : ipv6Value(address);
  const host = (1n << BigInt(bits - length)) - 1n;
  return { family, first: value & ~host, last: (value & ~host) | host };
}

/** True when two prefixes share an address. */
export function overlaps(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(address: string): bigint {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4Value(v4[1]);
    text = `${text.slice(0, v4.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}
