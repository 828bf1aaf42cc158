// Message templates: `{{name}}` placeholders filled from data.

/** Fills `{{name}}` placeholders; unknown names are left as written. */
export function formatMessage(template: string, data?: Record<string, string | number>): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
