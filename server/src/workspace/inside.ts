// Whether a path, its links followed, lies inside a folder: a repository's links never lead the walks out of it.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** True when `path`, symbolic links resolved, is inside `root` (links resolved too); false when either cannot be resolved. */
export function resolvesInside(path: string, root: string): boolean {
  try {
    const rel = relative(realpathSync(root), realpathSync(path));
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  } catch {
    return false;
  }
}
