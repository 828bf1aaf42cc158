// The check before a fix is written: the edited text is parsed again, and edits that break the YAML are held back or dropped.
import { applyEdits, TextEdit } from '../fixes/edits';
import { parseFile, ParseCache } from '../manifest/parse';

/** How broken a text is: its parser errors and repeated keys (each one a `yaml-syntax` finding), without positions. */
type Damage = string[];

/** A preferred fix chosen in a pass of fix-all, with its edits on the pass's text. */
export interface CandidateFix {
  /** The finding and fix it is, across passes. */
  key: string;
  ruleId: string;
  fixId: string;
  title: string;
  /** The offset of the finding it fixes, in the pass's text. */
  start: number;
  edits: TextEdit[];
}

/** A fix that was not applied because it would add a YAML error, and the error it would add. */
export type DroppedFix = Omit<CandidateFix, 'edits'> & { reason: string };

/** Parses texts that differ by a few edits: unchanged documents are not parsed again. */
export class DamageMeter {
  private readonly cache = new ParseCache();

  /** The parser errors and repeated keys of a text. */
  measure(text: string): Damage {
    const out: Damage = [];
    for (const d of parseFile(text, this.cache).documents) {
      for (const e of d.errors) out.push(e.message.split(' at line ')[0].split('\n')[0]);
      for (const k of d.repeatedKeys) out.push(`${k.key} would be set twice in one map`);
    }
    return out;
  }
}

/** The first item of `after` that `before` does not have (counted: two of a kind where there was one is new), or undefined. */
function added(before: Damage, after: Damage): string | undefined {
  const left = new Map<string, number>();
  for (const m of before) left.set(m, (left.get(m) ?? 0) + 1);
  for (const m of after) {
    const n = left.get(m) ?? 0;
    if (n === 0) return m;
    left.set(m, n - 1);
  }
  return undefined;
}

/**
 * Applies the candidates of one pass, checked: when their edits together add a parser error or a
 * repeated key (two fixes that each write the same key into one map), they are applied one at a
 * time in file order, each kept only if it adds no YAML error or repeated key. A fix that breaks the
 * YAML on its own is dropped (reported); one that only conflicts with an earlier fix waits for the
 * next pass, recomputed on the new text. Returns the new text and how many fixes it holds.
 */
export function applyChecked(text: string, candidates: readonly CandidateFix[], meter: DamageMeter): { text: string; applied: number; kept: CandidateFix[]; dropped: DroppedFix[] } {
  const before = meter.measure(text);
  // A text is kept only when it has no YAML error or repeated key that the text before it did not have.
  const sound = (edits: readonly TextEdit[]) => added(before, meter.measure(applyEdits(text, edits)));
  const all = candidates.flatMap((c) => c.edits);
  if (sound(all) === undefined) return { text: applyEdits(text, all), applied: candidates.length, kept: [...candidates], dropped: [] };
  let kept: TextEdit[] = [];
  const keptFixes: CandidateFix[] = [];
  let applied = 0;
  const dropped: DroppedFix[] = [];
  for (const c of candidates) {
    const together = [...kept, ...c.edits];
    if (sound(together) === undefined) {
      kept = together;
      keptFixes.push(c);
      applied++;
      continue;
    }
    const alone = sound(c.edits);
    if (alone !== undefined) {
      const { edits: _edits, ...fix } = c;
      dropped.push({ ...fix, reason: alone });
    }
  }
  return { text: applyEdits(text, kept), applied, kept: keptFixes, dropped };
}
