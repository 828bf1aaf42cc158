// The engine's guard: a rule or document that fails, and a document over the findings limit, each give one `internal-error` finding.
import { spanOf } from '../manifest/nodes';
import type { K8sObject } from '../manifest/objects';
import { documentAt } from '../manifest/document-at';
import { ManifestDocument, MAX_DOCUMENTS, ParsedFile } from '../manifest/parse';
import type { Settings } from '../protocol/settings';
import { INTERNAL_ERROR } from './engine-rules';
import type { StoredFinding } from './lint-cache';
import { engineStored } from './yaml-findings';

/** At most this many findings are reported per document; one more finding says the rest are not. */
export const MAX_FINDINGS_PER_DOCUMENT = 10_000;

/** What an error says, short enough for a message. */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The span a finding about whole objects sits on: the first object's `kind` pair, else `fallback`. */
function anchorOf(objects: readonly K8sObject[], fallback: number): [number, number] {
  return (objects[0] && spanOf(objects[0].kindPair)) ?? [fallback, fallback];
}

/** The finding for a rule that threw while checking `objects`; undefined when `internal-error` is off. */
export function ruleFailed(ruleId: string, error: unknown, objects: readonly K8sObject[], settings: Settings): StoredFinding | undefined {
  const [start, end] = anchorOf(objects, objects[0]?.document.start ?? 0);
  return engineStored(INTERNAL_ERROR, 'ruleFailed', start, end, settings, { rule: ruleId, error: describe(error) });
}

/** The finding for a document the engine itself failed on (outside any rule). */
export function documentFailed(error: unknown, at: number, settings: Settings): StoredFinding | undefined {
  return engineStored(INTERNAL_ERROR, 'documentFailed', at, at, settings, { error: describe(error) });
}

/** The finding at the first document of a file that is not parsed (more than MAX_DOCUMENTS). */
export function tooManyDocuments(at: number, settings: Settings): StoredFinding | undefined {
  return engineStored(INTERNAL_ERROR, 'tooManyDocuments', at, at, settings, { limit: MAX_DOCUMENTS });
}

/**
 * At most MAX_FINDINGS_PER_DOCUMENT findings of each document (the first ones in file order),
 * and for each document over it one `tooManyFindings` finding at its start.
 */
export function capFindings(stored: StoredFinding[], file: ParsedFile, settings: Settings): StoredFinding[] {
  if (stored.length <= MAX_FINDINGS_PER_DOCUMENT) return stored;
  const sorted = [...stored].sort((a, b) => a.start - b.start || a.end - b.end);
  const counts = new Map<ManifestDocument | undefined, number>();
  const out: StoredFinding[] = [];
  for (const f of sorted) {
    const doc = documentAt(file, f.start);
    const n = (counts.get(doc) ?? 0) + 1;
    counts.set(doc, n);
    if (n <= MAX_FINDINGS_PER_DOCUMENT || f.ruleId === INTERNAL_ERROR.id) out.push(f);
  }
  for (const [doc, n] of counts) {
    if (n <= MAX_FINDINGS_PER_DOCUMENT) continue;
    const at = doc?.start ?? 0;
    const f = engineStored(INTERNAL_ERROR, 'tooManyFindings', at, at, settings, { limit: MAX_FINDINGS_PER_DOCUMENT });
    if (f) out.push(f);
  }
  return out;
}
