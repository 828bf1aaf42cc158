// Glob patterns as VS Code's `files.exclude` writes them, matched against paths relative to a workspace folder, without backtracking.

/** A pattern whose braces expand to more alternatives than this is not used (as a pattern that does not parse). */
export const MAX_GLOB_ALTERNATIVES = 256;

/** One character test of a path segment pattern, or a `*`. */
type Token = { star: true } | { star: false; test: (c: string) => boolean };
/** A path segment pattern, or `**` (any number of folders). */
type Segment = 'globstar' | Token[];

/** Counts the steps of matching, for tests that bound the work by the size of the input. */
export interface GlobWork {
  steps: number;
}

/**
 * A matcher for glob patterns: `**` (any number of folders, as a whole segment), `*` and `?`
 * (within one path segment), `{a,b}` (alternatives) and `[...]` (a character class). A pattern
 * matches a relative path (`/`-separated) whole, or a folder that contains it. The path is read
 * once, left to right, with the set of pattern positions it can be at (no backtracking): the work
 * is at most path length x pattern length, whatever the pattern.
 */
export function globMatcher(patterns: readonly string[], work: GlobWork = { steps: 0 }): (relativePath: string) => boolean {
  const compiled = patterns.flatMap((p) => compileGlob(p) ?? []);
  return (path) => {
    const parts = path.split('/');
    return compiled.some((segments) => matchesPathOrFolder(segments, parts, work));
  };
}

/** The patterns of a `files.exclude` setting that are on (`true`); conditional (`when`) entries are left out. */
export function enabledPatterns(exclude: unknown): string[] {
  if (!exclude || typeof exclude !== 'object') return [];
  return Object.entries(exclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}

/** A glob as the segment lists of its brace alternatives, or undefined for an unusable pattern. */
function compileGlob(glob: string): Segment[][] | undefined {
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\//, '');
  if (!pattern) return undefined;
  const alternatives = expandBraces(pattern);
  if (!alternatives) return undefined;
  const out: Segment[][] = [];
  for (const alternative of alternatives) {
    const segments = alternative.split('/').map(compileSegment);
    if (segments.some((s) => s === undefined)) return undefined;
    out.push(segments as Segment[]);
  }
  return out;
}

/** `a{b,c}d` -> [abd, acd], nested braces included; undefined when unbalanced or over MAX_GLOB_ALTERNATIVES. */
function expandBraces(pattern: string): string[] | undefined {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const options: string[] = [];
  let depth = 0;
  let from = open + 1;
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    if ((c === ',' && depth === 1) || close === i) {
      options.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  if (close < 0) return undefined;
  const rest = expandBraces(pattern.slice(close + 1));
  if (!rest) return undefined;
  const out: string[] = [];
  for (const option of options) {
    const inner = expandBraces(option);
    if (!inner) return undefined;
    for (const a of inner) {
      for (const b of rest) {
        out.push(pattern.slice(0, open) + a + b);
        if (out.length > MAX_GLOB_ALTERNATIVES) return undefined;
      }
    }
  }
  return out;
}

/** One path segment of a pattern: `**`, or its tokens; undefined for a character class that does not parse. */
function compileSegment(text: string): Segment | undefined {
  if (text === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '*') {
      // `**` inside a segment is a `*`: consecutive stars are one.
      if (!tokens[tokens.length - 1]?.star) tokens.push({ star: true });
    } else if (c === '?') tokens.push({ star: false, test: () => true });
    else if (c === '[' && text.indexOf(']', i + 2) > i) {
      const close = text.indexOf(']', i + 2);
      const body = text.slice(i + 1, close).replace(/^!/, '^');
      let re: RegExp;
      try {
        re = new RegExp(`^[${body}]$`, 'u');
      } catch {
        return undefined;
      }
      tokens.push({ star: false, test: (ch) => re.test(ch) });
      i = close;
    } else tokens.push({ star: false, test: (ch) => ch === c });
  }
  return tokens;
}

/** True when the path, or a folder on its way, matches the segments: a set of positions, one pass. */
function matchesPathOrFolder(segments: readonly Segment[], parts: readonly string[], work: GlobWork): boolean {
  const closure = (states: Set<number>) => {
    for (const i of states) if (segments[i] === 'globstar') states.add(i + 1);
    return states;
  };
  let states = closure(new Set([0]));
  for (const part of parts) {
    const next = new Set<number>();
    for (const i of states) {
      work.steps++;
      const segment = segments[i];
      if (segment === 'globstar') next.add(i);
      else if (segment && matchesSegment(segment, part, work)) next.add(i + 1);
    }
    states = closure(next);
    if (states.has(segments.length)) return true;
    if (states.size === 0) return false;
  }
  return false;
}

/** Wildcard matching of one segment, resuming at the last `*` on a mismatch: at most length x tokens steps. */
function matchesSegment(tokens: readonly Token[], text: string, work: GlobWork): boolean {
  let t = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < text.length) {
    work.steps++;
    const token = tokens[t];
    if (token && !token.star && token.test(text[i])) {
      t++;
      i++;
    } else if (token?.star) {
      starAt = t++;
      resumeAt = i;
    } else if (starAt >= 0) {
      t = starAt + 1;
      i = ++resumeAt;
    } else return false;
  }
  while (tokens[t]?.star) t++;
  return t === tokens.length;
}
