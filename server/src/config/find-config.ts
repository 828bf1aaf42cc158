// Finds the `.cnf-lint.yaml` that applies to a file: the nearest one in its folder or above.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../protocol/constants';

/** The path of the nearest configuration file at or above `fromDir`, or undefined. */
export function findConfigFile(fromDir: string, stopAt?: string): string | undefined {
  let dir = resolve(fromDir);
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}
