// Lints a rendered template and maps its findings back to the template: unknown parts never read as absent.
import type { TextEdit } from '../fixes/edits';
import type { Rendered, UnknownSpan } from '../helm/evaluate';
import { UNKNOWN_MARK } from '../manifest/unknown';
import { SourceMap } from '../helm/source-map';
import type { Origin } from '../helm/values';
import { LineIndex } from '../manifest/line-index';
import { documentAt } from '../manifest/document-at';
import type { ParsedFile } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { FILE_NOT_LINTED } from './engine-rules';
import { engineFinding, lint, LintResult, LintWorkspace } from './lint';
import type { LintCache } from './lint-cache';
import type { Finding, FixOffer, RelatedLocation, Rule } from './types';

/** What linting a template needs besides its text: how to read the values files its values come from. */
export interface TemplateContext {
  /** The text of a values file a value was read from (for related locations), or undefined. */
  valuesText(file: string): string | undefined;
  lintCache?: LintCache;
}

/**
 * Why the parse of a rendered template cannot be linted (it does not parse as YAML), naming the
 * construct that could not be followed; undefined when it can.
 */
export function notFollowedIn(text: string, rendered: Rendered, file: ParsedFile): string | undefined {
  const errors = file.documents.flatMap((d) => d.errors);
  if (!file.skip && errors.length === 0) return undefined;
  if (!errors[0]) return 'its rendered text is not YAML';
  const at = errors[0].pos[0];
  // An unknown part that starts a line (a block whose shape is unknown) on the error's line or the one before is the likely cause.
  const lineStart = rendered.text.lastIndexOf('\n', at - 1) + 1;
  const startsLine = (u: UnknownSpan) => /^[ \t]*(?:# )?$/.test(rendered.text.slice(rendered.text.lastIndexOf('\n', u.start - 1) + 1, u.start));
  const cause = [...rendered.unknowns].reverse().find((u) => u.start <= at && rendered.text.lastIndexOf('\n', lineStart - 2) < u.start && startsLine(u));
  if (cause) return `${cause.why} cannot be evaluated here, and the YAML around it does not parse without it`;
  const mapped = new SourceMap(rendered.segments, text, rendered.text).span(at, at).start;
  const line = new LineIndex(text).positionAt(Math.min(mapped, text.trimEnd().length)).line + 1;
  return `its rendered YAML does not parse near line ${line} (${errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`;
}

/**
 * Lints `file`, the parse of `rendered` (the output of the template `text`), and maps every finding
 * and fix to the template. Findings of a document with unknown parts are kept only when their rule
 * declares them local and they do not touch the unknown text.
 */
export function lintRendered(text: string, rendered: Rendered, file: ParsedFile, settings: Settings, rules: readonly Rule[], context: TemplateContext, workspace?: LintWorkspace): LintResult {
  const map = new SourceMap(rendered.segments, text, rendered.text);
  const result = lint(file, settings, rules, context.lintCache, workspace);
  const metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const unknownDocs = new Set(file.documents.filter((d) => rendered.unknowns.some((u) => u.start >= d.start && u.start < d.end)).map((d) => d.index));
  const findings: Finding[] = [];
  for (const f of result.findings) {
    if (rendered.unknowns.some((u) => u.start < Math.max(f.end, f.start + 1) && f.start < u.end) || f.message.includes(UNKNOWN_MARK)) continue;
    const doc = documentAt(file, f.start);
    const meta = metas.get(f.ruleId);
    // The engine's own findings (YAML as written) are local; a rule's, only the messages it declares so.
    if (doc && unknownDocs.has(doc.index) && meta && meta.local !== true && !meta.local?.includes(f.messageId)) continue;
    findings.push(mapFinding(f, map, context));
  }
  return { ...result, findings };
}

/** The one finding of a template that cannot be followed, on its line 1. */
export function notFollowedFinding(construct: string, settings: Settings): Finding[] {
  const f = engineFinding(FILE_NOT_LINTED, 'templateNotFollowed', 0, 0, settings, { construct });
  return f ? [f] : [];
}

/** A rendered finding in template offsets: related to the values line it comes from, its fixes mapped. */
function mapFinding(f: Finding, map: SourceMap, context: TemplateContext): Finding {
  const span = map.span(f.start, f.end);
  const message = span.iteration !== undefined ? `${f.message} (in the range iteration ${span.iteration})` : f.message;
  const related = span.origin ? relatedTo(span.origin, context) : undefined;
  const fixes: FixOffer[] = f.fixes.map((fix) => ({ ...fix, edits: () => mapEdits(fix.edits(), map) }));
  return { ...f, message, start: span.start, end: span.end, fixes, ...(related ? { related: [related] } : {}) };
}

/** Edits of the rendered text as edits of the template or of a values file; undefined when one would touch an action. */
function mapEdits(edits: TextEdit[] | undefined, map: SourceMap): TextEdit[] | undefined {
  if (!edits) return undefined;
  const out: TextEdit[] = [];
  for (const e of edits) {
    const literal = map.literalEdit(e.start, e.end);
    if (literal) {
      out.push({ ...literal, text: e.text });
      continue;
    }
    const origin = map.valueAt(e.start, e.end);
    if (!origin || origin.end <= origin.start) return undefined;
    out.push({ file: origin.file, start: origin.start, end: origin.end, text: e.text });
  }
  return out;
}

function relatedTo(origin: Origin, context: TemplateContext): RelatedLocation | undefined {
  const text = context.valuesText(origin.file);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  return { file: origin.file, start: lines.positionAt(origin.start), end: lines.positionAt(origin.end), message: `The value comes from ${origin.path.join('.')} here.` };
}
