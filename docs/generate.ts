// Regenerates the docs from rule metadata: docs/rules/<id>.md, the README rule table, package.json `cnfLint.rules`,
// and the rule ids of the `.cnf-lint.yaml` schema.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_RULES } from '../server/src/linter/engine-rules';
import type { RuleMeta } from '../server/src/linter/types';
import { RULES } from '../server/src/rules/index';
import { readmeTable, replaceBlock, rulePage, rulesSetting } from './render';

/** A file the generator produces: its path relative to the project root, and its full text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** The metadata of every id that has a page: the lint rules, then the engine's own ids. */
export function documentedRules(): RuleMeta[] {
  return [...RULES.map((r) => r.meta), ...ENGINE_RULES];
}

/** The path of a rule's page, relative to the project root. */
export function rulePagePath(id: string): string {
  return `docs/rules/${id}.md`;
}

function read(root: string, path: string): string | undefined {
  const full = join(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/** package.json with `contributes.configuration.properties['cnfLint.rules']` listing every id. */
function packageJson(root: string, metas: readonly RuleMeta[]): GeneratedFile {
  const text = read(root, 'package.json');
  if (text === undefined) throw new Error('package.json not found');
  const pkg = JSON.parse(text);
  const properties = pkg.contributes?.configuration?.properties;
  if (!properties) throw new Error('package.json has no contributes.configuration.properties');
  properties['cnfLint.rules'] = rulesSetting(metas);
  return { path: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n` };
}

/** The `.cnf-lint.yaml` schema with one `rules` property per id (the run of `"<id>": { "$ref": ... }` lines). */
function configSchema(root: string, metas: readonly RuleMeta[]): GeneratedFile {
  const path = 'schemas/cnf-lint-config.schema.json';
  const text = read(root, path);
  const run = /^( +)"[a-z0-9-]+": \{ "\$ref": "#\/definitions\/level" \},?\n(?:\1"[a-z0-9-]+": \{ "\$ref": "#\/definitions\/level" \},?\n)*/m;
  const match = text === undefined ? null : run.exec(text);
  if (text === undefined || !match) throw new Error(`${path}: no rules list to regenerate`);
  const ids = metas.map((m) => m.id).sort();
  const lines = ids.map((id, i) => `${match[1]}"${id}": { "$ref": "#/definitions/level" }${i < ids.length - 1 ? ',' : ''}\n`);
  return { path, content: text.slice(0, match.index) + lines.join('') + text.slice(match.index + match[0].length) };
}

/**
 * Every generated file as it should be, computed from the metadata and the files under `root`
 * (hand-written prose is kept). Pure apart from reading files; writes nothing.
 */
export function generateAll(root: string): GeneratedFile[] {
  const metas = documentedRules();
  const files: GeneratedFile[] = metas.map((m) => ({ path: rulePagePath(m.id), content: rulePage(m, read(root, rulePagePath(m.id))) }));
  const readme = read(root, 'README.md');
  if (readme !== undefined) files.push({ path: 'README.md', content: replaceBlock(readme, readmeTable(RULES.map((r) => r.meta), ENGINE_RULES)) });
  files.push(packageJson(root, metas), configSchema(root, metas));
  return files;
}

/** Pages in docs/rules/ whose id is neither a rule nor an engine id. */
export function orphanPages(root: string): string[] {
  const ids = new Set(documentedRules().map((m) => m.id));
  const dir = join(root, 'docs', 'rules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !ids.has(name.slice(0, -3)))
    .map((name) => `docs/rules/${name}`);
}

/** Writes the files that changed; with `--check`, writes nothing and fails when one would change. */
function main(): void {
  const root = process.cwd();
  const check = process.argv.includes('--check');
  const stale = generateAll(root).filter((f) => read(root, f.path) !== f.content);
  for (const f of stale) {
    if (!check) writeFileSync(join(root, f.path), f.content);
    console.log(`${check ? 'stale' : 'wrote'} ${f.path}`);
  }
  const orphans = orphanPages(root);
  for (const p of orphans) console.error(`${p}: no rule has this id; delete or rename it`);
  if ((check && stale.length > 0) || orphans.length > 0) process.exitCode = 1;
  else if (stale.length === 0) console.log('docs are up to date');
}

// Runs only as the bundled script (out/docs/generate.js), never when a test imports this module.
if (/[\\/]generate\.js$/.test(process.argv[1] ?? '')) main();
