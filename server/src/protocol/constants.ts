// Constants shared by the client, the server and the CLI.

/** The `source` of every diagnostic. */
export const SOURCE = 'cnf-lint';

/** Base URL of the rule documentation pages; a rule's page is `${DOCS_BASE}/<id>.md`. */
export const DOCS_BASE = 'https://github.com/cnf-lint/cnf-lint/blob/main/docs/rules';

/** The code action kind of "Fix all cnf-lint problems". */
export const FIX_ALL_KIND = 'source.fixAll.cnf-lint';

/** The workspace configuration file read by the editor and the CLI. */
export const CONFIG_FILE_NAME = '.cnf-lint.yaml';

/** Link to a rule's documentation page. */
export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}
