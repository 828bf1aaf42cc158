// The registry of lint rules, sorted by id. A rule's file name is its id.
import type { Rule } from '../linter/types';
import { rule as hostNamespaceSharing } from './host-namespace-sharing';
import { rule as privilegedContainer } from './privileged-container';
import { rule as userNamespaceHostNamespaceConflict } from './user-namespace-host-namespace-conflict';
import { rule as userNamespaceNotEnabled } from './user-namespace-not-enabled';
import { rule as userNamespaceVolumeIncompatible } from './user-namespace-volume-incompatible';

/** Every lint rule cnf-lint ships, sorted by id. */
export const RULES: readonly Rule[] = [
  hostNamespaceSharing,
  privilegedContainer,
  userNamespaceHostNamespaceConflict,
  userNamespaceNotEnabled,
  userNamespaceVolumeIncompatible,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
