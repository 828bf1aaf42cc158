// The mark of template content cnf-lint cannot evaluate: it stands in the rendered text for what is unknown.

/** Word in a rendered template that marks unknown content (a plain scalar, or inside a comment line). */
export const UNKNOWN_MARK = 'x-cnf-lint-unknown';

/** True when a rendered string holds unknown content (a name built from an unknown value, say). */
export function isUnknownText(text: string | undefined): boolean {
  return text !== undefined && text.includes(UNKNOWN_MARK);
}
