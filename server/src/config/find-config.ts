// Finds the `.cnf-lint.yaml` that applies to a file: the nearest one in its folder or above.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../protocol/constants';

/**
 * The path of the nearest configuration file at or above `fromDir`, or undefined. Anything there
 * but a folder counts (a FIFO or a device too: reading it then says why it is not read, rather
 * than the file being silently passed over).
 */
export function findConfigFile(fromDir: string, stopAt?: string): string | undefined {
  let dir = resolve(fromDir);
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isThere(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** True when something other than a folder is at `path` (a link to nothing is nothing). */
function isThere(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
