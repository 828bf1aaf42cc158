// The properties every lint and fix must have, checked on one text: shared by the seeded property tests and `npm run fuzz`.
import { applyEdits, TextEdit } from '../../../server/src/fixes/edits';
import { fixAll } from '../../../server/src/linter/fix-all';
import { lint } from '../../../server/src/linter/lint';
import { Finding } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings, Settings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';
import { assertUntouchedLines } from '../rule-tester';

const settings: Settings = defaultSettings();

/** Lints with every rule in a workspace of this file alone; a rule that fails is a property failure. */
export function lintChecked(text: string): Finding[] {
  const result = lint(parseFile(text), settings, RULES, undefined, { index: new WorkspaceIndex(), uri: 'fuzz.yaml' });
  if (result.ruleErrors.length > 0) throw new Error(`rule failed: ${result.ruleErrors.map((e) => `${e.ruleId}: ${String(e.error)}`).join('; ')}`);
  return result.findings;
}

/** Parser errors and repeated keys of a text, without positions: what a fix must not add to. */
export function yamlDamage(text: string): string[] {
  return parseFile(text).documents.flatMap((d) => [...d.errors.map((e) => e.message.split(' at line ')[0]), ...d.repeatedKeys.map((k) => `repeated ${k.key}`)]);
}

/** The items of `after` that `before` does not have (as often as it has them). */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((e) => {
    const i = left.indexOf(e);
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
}

/**
 * Every preferred fix of every finding, applied alone: its output has no YAML error the input did
 * not have, the finding is gone (one fewer of its rule and message), every line it does not touch
 * and every comment marker outside its edits are byte-identical. Throws on the first violation.
 */
export function checkPreferredFixes(text: string, findings: Finding[], markers: readonly string[] = []): number {
  const damage = yamlDamage(text);
  const count = (fs: Finding[], f: Finding) => fs.filter((x) => x.ruleId === f.ruleId && x.messageId === f.messageId).length;
  let checked = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    const edits = fix?.edits();
    if (!fix || !edits || edits.some((e) => e.file !== undefined)) continue;
    const output = applyEdits(text, edits);
    const where = `fix ${fix.id} of ${f.ruleId}/${f.messageId} at ${f.start}`;
    const broken = added(damage, yamlDamage(output));
    if (broken.length > 0) throw new Error(`${where} adds YAML errors: ${broken.join('; ')}`);
    if (count(lintChecked(output), f) >= count(findings, f)) throw new Error(`${where} leaves the finding`);
    assertUntouchedLines(text, output, edits);
    for (const m of commentsOutside(text, markers, edits)) if (!output.includes(m)) throw new Error(`${where} loses comment ${m}`);
    checked++;
  }
  return checked;
}

/** Comment markers whose text lies outside every edit. */
function commentsOutside(text: string, markers: readonly string[], edits: readonly TextEdit[]): string[] {
  return markers.filter((m) => {
    const at = text.indexOf(m);
    return at >= 0 && !edits.some((e) => e.start < at + m.length && e.end > at);
  });
}

/** Fix all: the output has no YAML error the input did not have, and fixing it again changes nothing. */
export function checkFixAll(text: string): string {
  const once = fixAll(text, settings, RULES).output;
  const broken = added(yamlDamage(text), yamlDamage(once));
  if (broken.length > 0) throw new Error(`fix-all adds YAML errors: ${broken.join('; ')}`);
  const twice = fixAll(once, settings, RULES).output;
  if (twice !== once) throw new Error('fix-all is not idempotent: a second run changes the text');
  return once;
}
