// The `sarif` format: SARIF 2.1.0 for GitHub code scanning, with rule metadata and preferred fixes.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ENGINE_RULES } from '../linter/engine-rules';
import { RuleMeta, Severity } from '../linter/types';
import { LineIndex } from '../manifest/line-index';
import { ruleDocUrl, SOURCE } from '../protocol/constants';
import { RULES } from '../rules/index';
import { FileResult } from './lint-files';
import { rangeOf, readyFixes } from './report';

/** The base that artifact URIs are relative to: the folder cnf-lint ran in. */
export const SRCROOT = '%SRCROOT%';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cnf-lint/cnf-lint';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const PRECISION: Record<RuleMeta['confidence'], string> = { 'clear-cut': 'very-high', mixed: 'high', heuristic: 'medium' };

/** Every rule a result can refer to: the lint rules (sorted by id), then the engine's own. */
export function sarifRuleMetas(): RuleMeta[] {
  return [...RULES.map((r) => r.meta), ...ENGINE_RULES];
}

/** `privileged-container` -> `PrivilegedContainer`. */
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

/** The SARIF descriptor of a rule. */
export function sarifRule(meta: RuleMeta): Sarif.ReportingDescriptor {
  const url = ruleDocUrl(meta.id);
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: { text: `${meta.rationale}\n\n${url}`, markdown: `${meta.rationale}\n\n[${meta.id}](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: [...(meta.gap > 0 ? [`ra2-gap-${meta.gap}`] : []), ...meta.requirements], precision: PRECISION[meta.confidence] },
  };
}

/** Where a result's file is: relative to %SRCROOT% when inside the working folder, else an absolute file URI. */
export function artifactLocation(name: string, stdin: boolean, cwd: string): Sarif.ArtifactLocation {
  if (stdin) return { uri: encodeURIComponent(name) };
  const abs = resolve(cwd, name);
  const rel = relative(cwd, abs);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(lines: LineIndex, start: number, end: number): Sarif.Region {
  const r = rangeOf(lines, start, end);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** Formats results as a SARIF 2.1.0 log with one run. */
/** The lines of another file a fix edits (a chart's values.yaml), read from disk. */
function linesOf(file: string): LineIndex {
  try {
    return new LineIndex(readFileSync(file, 'utf8'));
  } catch {
    return new LineIndex('');
  }
}

export function formatSarif(results: readonly FileResult[], opts: { cwd: string; version: string; stdinName: string }): string {
  const metas = sarifRuleMetas();
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const r of results) {
    const location = artifactLocation(r.name, r.name === opts.stdinName, opts.cwd);
    for (const f of r.findings) {
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(r.lines, f.start, f.end) } }],
      };
      if (f.related) {
        result.relatedLocations = f.related.map((rel, id) => ({
          id,
          physicalLocation: {
            artifactLocation: artifactLocation(rel.file, false, opts.cwd),
            region: { startLine: rel.start.line + 1, startColumn: rel.start.character + 1, endLine: rel.end.line + 1, endColumn: rel.end.character + 1 },
          },
          message: { text: rel.message },
        }));
      }
      const preferred = readyFixes(f).filter((x) => x.offer.preferred);
      if (preferred.length > 0) {
        result.fixes = preferred.map(({ offer, edits }) => ({
          description: { text: offer.title },
          artifactChanges: [...new Set(edits.map((e) => e.file))].map((file) => {
            const lines = file === undefined ? r.lines : linesOf(file);
            return {
              artifactLocation: file === undefined ? location : artifactLocation(file, false, opts.cwd),
              replacements: edits
                .filter((e) => e.file === file)
                .sort((a, b) => a.start - b.start || a.end - b.end)
                .map((e) => ({ deletedRegion: region(lines, e.start, e.end), insertedContent: { text: e.text } })),
            };
          }),
        }));
      }
      sarifResults.push(result);
    }
  }
  const log: Sarif.Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: SOURCE, version: opts.version, informationUri: INFORMATION_URI, rules: metas.map(sarifRule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
