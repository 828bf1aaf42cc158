// The ids of the commands the extension contributes (package.json `contributes.commands` lists the same).

/** Command ids, as package.json declares them. */
export const COMMANDS = {
  /** Applies the `source.fixAll.cnf-lint` code action to the active editor. */
  fixAll: 'cnfLint.fixAll',
  /** Restarts the language server. */
  restart: 'cnfLint.restart',
} as const;
