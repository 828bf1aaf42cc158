// Glob patterns as VS Code's `files.exclude` writes them, matched against paths relative to a workspace folder.

/**
 * A matcher for glob patterns: `**` (any number of folders), `*` and `?` (within one path
 * segment), `{a,b}` (alternatives) and `[...]` (a character class). A pattern matches a relative
 * path (`/`-separated) whole, or a folder that contains it.
 */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const regexes = patterns.map(globToRegExp).filter((r): r is RegExp => r !== undefined);
  return (path) => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (regexes.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}

/** The patterns of a `files.exclude` setting that are on (`true`); conditional (`when`) entries are left out. */
export function enabledPatterns(exclude: unknown): string[] {
  if (!exclude || typeof exclude !== 'object') return [];
  return Object.entries(exclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}

/** A glob as an anchored regular expression, or undefined for an unusable pattern. */
export function globToRegExp(glob: string): RegExp | undefined {
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (!pattern) return undefined;
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  let out = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      // `**/` matches zero or more folders; a trailing or inner `**` anything.
      out += slashAfter ? '(?:[^/]*(?:/[^/]*)*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      inGroup++;
      out += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      out += ')';
    } else if (c === ',' && inGroup > 0) out += '|';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  if (inGroup > 0) return undefined;
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return undefined;
  }
}
