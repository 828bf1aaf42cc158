// The registry of lint rules, sorted by id. A rule's file name is its id.
import type { Rule } from '../linter/types';
import { rule as privilegedContainer } from './privileged-container';

/** Every lint rule cnf-lint ships, sorted by id. */
export const RULES: readonly Rule[] = [privilegedContainer].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
