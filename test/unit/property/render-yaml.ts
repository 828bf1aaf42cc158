// Renders generated manifests as YAML in a random but valid layout: block and flow, comments everywhere, CRLF, tabs, anchors, repeated keys.
import type { Y } from './manifest-arbitrary';

/** File-wide layout choices (see `layout` in manifest-arbitrary). */
export interface Layout {
  seed: number;
  crlf: boolean;
  comments: number;
  flow: number;
  duplicates: number;
  indentSeq: boolean;
  tabs: boolean;
}

/** The text, and the comment markers written in it (each `# cN` once). */
export interface Rendered {
  text: string;
  comments: string[];
}

/** A small seeded PRNG (mulberry32): the same layout for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renders objects as a multi-document file. */
export function renderFile(objects: readonly Y[], layout: Layout): Rendered {
  const rnd = random(layout.seed);
  const comments: string[] = [];
  const comment = () => {
    if (rnd() >= layout.comments) return '';
    const marker = `# c${comments.length}`;
    comments.push(marker);
    return `${layout.tabs && rnd() < 0.5 ? '\t' : ' '}${marker}`;
  };
  const canFlow = (y: Y, depth = 0): boolean =>
    depth < 3 && (y.t === 'scalar' || y.t === 'alias' || (y.t === 'map' && y.pairs.every(([, v]) => canFlow(v, depth + 1))) || (y.t === 'seq' && y.items.every((v) => canFlow(v, depth + 1))));
  const flow = (y: Y): string => {
    const anchor = 'anchor' in y && y.anchor ? `&${y.anchor} ` : '';
    if (y.t === 'scalar') return y.text;
    if (y.t === 'alias') return `*${y.name}`;
    if (y.t === 'map') return `${anchor}{${y.pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
    if (y.t === 'seq') return `${anchor}[${y.items.map(flow).join(', ')}]`;
    throw new Error('not flow content');
  };
  const lines: string[] = [];
  /** The pairs of a map at indentation `ind`; `lead` replaces the indentation of the first line (`- ` of a sequence item). */
  const block = (y: Extract<Y, { t: 'map' }>, ind: string, lead?: string) => {
    y.pairs.forEach(([k, v], i) => {
      const first = i === 0 && lead !== undefined;
      if (!first && rnd() < layout.comments / 3) {
        const c = comment();
        if (c) lines.push(`${ind}${c.trimStart()}`);
      }
      const pad = first ? lead! : ind;
      pair(k, v, ind, pad);
      if (v.t === 'scalar' && rnd() < layout.duplicates) pair(k, v, ind, ind);
    });
  };
  const pair = (k: string, v: Y, ind: string, pad: string) => {
    const head = `${pad}${k}:`;
    const anchor = 'anchor' in v && v.anchor ? ` &${v.anchor}` : '';
    if (v.t === 'scalar' || v.t === 'alias') lines.push(`${head} ${flow(v)}${comment()}`);
    else if (v.t === 'block') {
      lines.push(`${head} |${comment()}`);
      for (const l of v.lines) lines.push(`${ind}  ${l}`);
    } else if (v.t === 'lenient') {
      lines.push(`${head} '${v.lines[0]}`);
      v.lines.slice(1).forEach((l, i) => lines.push(`${l}${i === v.lines.length - 2 ? "'" : ''}`));
      if (v.lines.length === 1) lines[lines.length - 1] += "'";
    } else if ((v.t === 'map' && v.pairs.length === 0) || (v.t === 'seq' && v.items.length === 0)) lines.push(`${head}${anchor} ${v.t === 'map' ? '{}' : '[]'}${comment()}`);
    else if (canFlow(v) && rnd() < layout.flow) lines.push(`${head} ${flow(v)}${comment()}`);
    else if (v.t === 'map') {
      lines.push(`${head}${anchor}${comment()}`);
      block(v, `${ind}  `);
    } else if (v.t === 'seq') {
      lines.push(`${head}${anchor}${comment()}`);
      const sind = layout.indentSeq ? `${ind}  ` : ind;
      for (const item of v.items) {
        if (item.t === 'map' && item.pairs.length > 0 && !item.anchor) block(item, `${sind}  `, `${sind}- `);
        else if (item.t === 'map' && item.anchor) {
          lines.push(`${sind}- &${item.anchor}${comment()}`);
          block({ ...item, anchor: undefined }, `${sind}  `);
        } else lines.push(`${sind}- ${flow(item)}${comment()}`);
      }
    }
  };
  objects.forEach((o, i) => {
    if (i > 0 || rnd() < 0.3) lines.push(`---${rnd() < 0.3 ? comment() : ''}`);
    if (o.t === 'map') block(o, '');
  });
  const eol = layout.crlf ? '\r\n' : '\n';
  return { text: lines.join(eol) + eol, comments };
}
