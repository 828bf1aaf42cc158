// Shrinks a failing input for `npm run fuzz`: whole lines first, then runs of characters, while it still fails the same way.

/**
 * The smallest text found that `fails` still holds for: lines are removed in halving chunks, then
 * characters. At most `budget` checks (each may take a while).
 */
export async function minimize(text: string, fails: (candidate: string) => Promise<boolean>, budget = 200): Promise<string> {
  let best = text;
  let checks = 0;
  const tryRemove = async (units: string[], join: string): Promise<string[] | undefined> => {
    for (let size = Math.ceil(units.length / 2); size >= 1; size = Math.floor(size / 2)) {
      for (let i = 0; i + size <= units.length; i += size) {
        if (checks++ >= budget) return undefined;
        const candidate = [...units.slice(0, i), ...units.slice(i + size)];
        if (await fails(candidate.join(join))) return candidate;
      }
    }
    return undefined;
  };
  for (const join of ['\n', '']) {
    let units = join ? best.split('\n') : [...best];
    if (!join && units.length > 2000) break;
    for (let next = await tryRemove(units, join); next; next = await tryRemove(units, join)) {
      units = next;
      best = units.join(join);
    }
  }
  return best;
}
