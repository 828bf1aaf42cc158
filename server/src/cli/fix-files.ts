// --fix over all the inputs of a run, to a fixed point: a fix in one file can change what another file's rules see.
import { lstatSync, writeFileSync } from 'node:fs';
import { fixAll } from '../linter/fix-all';
import type { DroppedFix } from '../linter/fix-check';
import { LintWorkspace } from '../linter/lint';
import { lintSource } from '../linter/lint-source';
import { LineIndex } from '../manifest/line-index';
import { RULES } from '../rules/index';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { CliError } from './args';
import { ChartOptions, decodedInput, encode, indexInput, LoadedInput, sourceOptions } from './lint-files';

/** At most this many passes over the files: each pass fixes every file whose workspace answers changed. */
export const MAX_FIX_PASSES = 5;

/** What --fix did, for the lines it prints on standard error. */
export interface FixRun {
  /** Passes that changed some file. */
  passes: number;
  /** False when files still changed in the last pass allowed. */
  converged: boolean;
  /** Lines for standard error: fixes dropped, files not written, passes needed (nothing when one pass did it all). */
  notes: string[];
  /** Fixes applied, by input name (over all passes). */
  applied: Map<string, number>;
}

/**
 * Applies the preferred fixes of every input, then again on the inputs whose workspace lookups
 * another file's fixes changed, until no file changes (at most MAX_FIX_PASSES passes); then writes
 * the files that changed. The index and each input's bytes end at the fixed text, so the lint that
 * follows reports what remains. A symbolic link is linted but never fixed: --fix does not write
 * through it. Standard input is fixed in memory only (the caller prints it).
 */
export function fixInputs(inputs: readonly LoadedInput[], index: WorkspaceIndex, charts?: ChartOptions): FixRun {
  const notes: string[] = [];
  const applied = new Map<string, number>();
  const original = new Map(inputs.map((i) => [i, i.bytes]));
  const fixable = inputs.filter((input) => {
    if (!input.settings.enable || input.bytes.length > input.settings.maxFileSize || decodedInput(input).binary) return false;
    if (!input.stdin && isSymbolicLink(input.name)) {
      notes.push(`cnf-lint: --fix: ${input.name} is a symbolic link: not fixed (--fix never writes through a link)\n`);
      return false;
    }
    return true;
  });
  const lookups = new Map<LoadedInput, Set<string>>();
  let pending = new Set(fixable);
  let passes = 0;
  for (; passes < MAX_FIX_PASSES && pending.size > 0; passes++) {
    /** Index keys whose answer changed, and the inputs whose new text changed them. */
    const changed = new Map<string, Set<LoadedInput>>();
    for (const input of fixable) {
      if (!pending.has(input)) continue;
      const deps = new Set<string>();
      const { text, bom } = decodedInput(input);
      const workspace: LintWorkspace = { index, uri: input.name, deps };
      const options = sourceOptions(input, charts);
      let fixed: ReturnType<typeof fixAll>;
      try {
        fixed = fixAll(text, input.settings, RULES, workspace, (t) => lintSource(t, input.settings, RULES, options, workspace).findings);
      } catch (error) {
        notes.push(`cnf-lint: --fix: ${input.name} not fixed: cnf-lint failed on it (${error instanceof Error ? error.message : String(error)})\n`);
        continue;
      }
      const { output, dropped } = fixed;
      applied.set(input.name, (applied.get(input.name) ?? 0) + fixed.applied);
      lookups.set(input, deps);
      for (const d of dropped) notes.push(droppedNote(input.name, text, d));
      if (output === text) continue;
      input.bytes = encode(output, bom);
      for (const key of indexInput(index, input, charts)) changed.set(key, (changed.get(key) ?? new Set()).add(input));
    }
    // Fixed again: the inputs that looked up something another input's fixes changed.
    const byOthers = (input: LoadedInput, key: string) => [...(changed.get(key) ?? [])].some((by) => by !== input);
    pending = new Set(fixable.filter((input) => [...(lookups.get(input) ?? [])].some((key) => byOthers(input, key))));
  }
  const converged = pending.size === 0;
  if (!converged) notes.push(`cnf-lint: --fix: files still changed after ${MAX_FIX_PASSES} passes (fixes in one file change what another's rules see): run it again\n`);
  else if (passes > 1) notes.push(`cnf-lint: --fix: ${passes} passes (fixes in one file changed what another's rules see)\n`);
  for (const input of fixable) if (!input.stdin && input.bytes !== original.get(input)) writeOrThrow(input.name, input.bytes);
  return { passes, converged, notes, applied };
}

/** A fix not applied, as `name:line:col: ...`. */
function droppedNote(name: string, text: string, d: DroppedFix): string {
  const p = new LineIndex(text).positionAt(d.start);
  return `cnf-lint: ${name}:${p.line + 1}:${p.character + 1}: fix "${d.title}" of ${d.ruleId} not applied: ${d.reason}\n`;
}

function isSymbolicLink(name: string): boolean {
  try {
    return lstatSync(name).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeOrThrow(name: string, bytes: Uint8Array): void {
  try {
    writeFileSync(name, bytes);
  } catch (e) {
    throw new CliError(`cannot write ${name}: ${(e as Error).message}`);
  }
}
