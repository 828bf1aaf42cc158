// Seeds and mutations for `npm run fuzz`: real manifests of the repository, generated ones, and edits a fuzzer makes to them.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layout, objects } from '../unit/property/manifest-arbitrary';
import { renderFile } from '../unit/property/render-yaml';

/** The YAML files under the given folders (examples, regression fixtures). */
export function seedFiles(roots: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const r of roots) walk(r);
  return out;
}

/** `n` generated manifests (the property tests' generator), from a seed. */
export function generatedSeeds(n: number, seed: number): string[] {
  return fc.sample(fc.tuple(objects, layout), { numRuns: n, seed }).map(([o, l]) => renderFile(o, l).text);
}

/** A small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [':', '- ', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '<<: *a', '---', '...', '\t', '|', '>', '{{ .Values.x }}', '?', '!', '%', '@', '`', ',', '99999999999999999999999', '1e308', '-0', '.inf', 'constructor', '__proto__', 'true', 'yes', 'hostNetwork: true', 'privileged: true', 'hostUsers: false', '<<', '\\', '\u0085', '\u2028', '\ufeff'];

/** One random edit of a text: a token inserted, a range cut, a line repeated, moved, re-indented, or taken from another seed. */
export function mutate(text: string, rnd: () => number, other: string): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = text.split('\n');
  const li = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 10)) {
    case 0:
    case 1:
      return text.slice(0, at) + pick(TOKENS) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 16));
    case 3:
      lines.splice(li, 0, lines[li]);
      return lines.join('\n');
    case 4:
      lines.splice(Math.floor(rnd() * lines.length), 0, ...lines.splice(li, 1));
      return lines.join('\n');
    case 5:
      lines[li] = rnd() < 0.5 ? `  ${lines[li]}` : lines[li].replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 6: {
      const donor = other.split('\n');
      const from = Math.floor(rnd() * donor.length);
      lines.splice(li, 0, ...donor.slice(from, from + 1 + Math.floor(rnd() * 8)));
      return lines.join('\n');
    }
    case 7:
      return rnd() < 0.5 ? text.replace(/\r?\n/g, '\r\n') : `\ufeff${text}`;
    case 8:
      return text.slice(0, at) + pick(TOKENS).repeat(1 + Math.floor(rnd() * 2000)) + text.slice(at);
    default:
      lines[li] = lines[li].replace(/: (.*)$/, (_m, v: string) => `: ${pick(['"' + v + '"', "'" + v + "'", `[${v}]`, `{${v}}`, `|\n  ${v}`, `*a`, `&a ${v}`])}`);
      return lines.join('\n');
  }
}
