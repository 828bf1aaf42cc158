// Fix all: applies the preferred fix of every finding, in passes, never two overlapping edits in a pass.
import { editsOverlap, TextEdit } from '../fixes/edits';
import { parseFile } from '../manifest/parse';
import { Settings } from '../protocol/settings';
import { lint, LintWorkspace } from './lint';
import { applyChecked, CandidateFix, DamageMeter, DroppedFix } from './fix-check';
import { Finding, Rule } from './types';

/** The outcome of fixing one text. */
export interface FixAllResult {
  output: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
  passes: number;
  /** Fixes not applied because the edited text would not parse (or would set a key twice). */
  dropped: DroppedFix[];
}

/** Upper bound on passes: each pass must apply a fix, so a loop between two fixes stops here. */
const MAX_PASSES = 10;

/**
 * Applies preferred fixes until none applies. In each pass, findings are taken in file order and a
 * fix whose edits overlap an already chosen one waits for the next pass, computed on the new text.
 * The edited text is parsed again before it is kept: a fix that would add a YAML error or write a
 * key twice is held back, or dropped and listed in `dropped` (applyChecked); the output never has
 * more YAML errors than the input.
 * Rules of scope `workspace` see `workspace` (the text being fixed replaces the file's entry).
 * `lintText` lints a text as the file is linted (a chart template: rendered); by default, as a
 * manifest. A fix that edits another file (a chart's values.yaml) is left to the editor.
 */
export function fixAll(text: string, settings: Settings, rules: readonly Rule[], workspace?: LintWorkspace, lintText?: (text: string) => Finding[]): FixAllResult {
  let output = text;
  let applied = 0;
  let passes = 0;
  const dropped: DroppedFix[] = [];
  /** Fixes dropped once, by finding and fix: not tried again in a later pass. */
  const refused = new Set<string>();
  const meter = new DamageMeter();
  const lintOf = lintText ?? ((t: string) => lint(parseFile(t), settings, rules, undefined, workspace && { index: workspace.index, uri: workspace.uri }).findings);
  /** The last pass: its text before, what it applied, and how many findings of each applied fix's kind there were. */
  let last: { before: string; applied: number; fixes: Map<string, { fix: CandidateFix; findings: number }> } | undefined;
  /** After a pass was undone: one fix per pass, so that a fix that does not converge is told apart from one that met another. */
  let oneByOne = false;
  while (passes < (oneByOne ? MAX_PASSES * 4 : MAX_PASSES)) {
    let findings = lintOf(output);
    let counts = countByKey(findings);
    // A fix applied whose findings did not become fewer may not converge (it would be applied in
    // every pass, and by every run): the pass is undone and the fixes applied one by one; a fix
    // that, applied alone, leaves its findings as many is dropped.
    const stuck = [...(last?.fixes ?? [])].filter(([key, l]) => (counts.get(key) ?? 0) >= l.findings && !refused.has(key));
    if (last && stuck.length > 0) {
      for (const [key, l] of oneByOne ? stuck : []) {
        refused.add(key);
        const { edits: _edits, ...fix } = l.fix;
        dropped.push({ ...fix, reason: 'its finding is still there after it was applied' });
      }
      output = last.before;
      applied -= last.applied;
      oneByOne = true;
      findings = lintOf(output);
      counts = countByKey(findings);
      last = undefined;
    }
    const chosen: TextEdit[] = [];
    const candidates: CandidateFix[] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.preferred);
      const key = keyOf(f);
      if (!fix || refused.has(key)) continue;
      const edits = fix.edits();
      if (!edits || edits.length === 0 || edits.some((e) => e.file !== undefined) || editsOverlap(chosen, edits)) continue;
      for (const e of edits) chosen.push(e);
      candidates.push({ key, ruleId: f.ruleId, fixId: fix.id, title: fix.title, start: f.start, edits });
      if (oneByOne) break;
    }
    if (candidates.length === 0) break;
    const pass = applyChecked(output, candidates, meter);
    for (const d of pass.dropped) {
      refused.add(d.key);
      dropped.push(d);
    }
    last = { before: output, applied: pass.applied, fixes: new Map(pass.kept.map((c) => [c.key, { fix: c, findings: counts.get(c.key) ?? 0 }])) };
    passes++;
    if (pass.text === output) {
      if (pass.applied > 0) break;
      continue;
    }
    output = pass.text;
    applied += pass.applied;
  }
  return { output, applied, passes, dropped };
}

/** A finding and the fix fix-all would apply, across passes. */
const keyOf = (f: Finding) => `${f.ruleId}/${f.messageId}/${f.fixes.find((x) => x.preferred)?.id}/${f.message}`;

function countByKey(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return counts;
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}
