// Chart files read from disk, with an overlay (the editor's open documents) consulted first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ChartFiles } from './chart';

/** Chart files larger than this are not read (a values file is small; a larger one is not values). */
const MAX_CHART_FILE = 8 * 1024 * 1024;

/** Reads chart files from disk; `overlay` answers first for files it knows (open documents). */
export function diskChartFiles(overlay?: (path: string) => string | undefined): ChartFiles {
  return {
    read(path) {
      const open = overlay?.(path);
      if (open !== undefined) return open;
      try {
        const info = statSync(path);
        if (!info.isFile() || info.size > MAX_CHART_FILE) return undefined;
        const text = readFileSync(path, 'utf8');
        return text.startsWith('\ufeff') ? text.slice(1) : text;
      } catch {
        return undefined;
      }
    },
    list(dir) {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .map((e) => ({ name: e.name, dir: e.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return [];
      }
    },
  };
}
