// Settings the tests answer with: only some rules on, so that findings of other rules do not interfere.
import { RULES } from '../../server/src/rules';

/** `cnfLint` settings with every rule off except the given ones (at their default severity). */
export function only(...ids: string[]): { rules: Record<string, string> } {
  return { rules: Object.fromEntries(RULES.filter((r) => !ids.includes(r.meta.id)).map((r) => [r.meta.id, 'off'])) };
}
