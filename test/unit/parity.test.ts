// Parity: the registry, rule files, tests, docs, package.json, the config schema and the layering rules stay in step.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../client/src/command-ids';
import { ENGINE_RULES } from '../../server/src/linter/engine-rules';
import { requirementById } from '../../server/src/protocol/requirements';
import { DEFAULT_SETTINGS } from '../../server/src/protocol/settings';
import { RULES } from '../../server/src/rules/index';

const RULES_DIR = 'server/src/rules';
const SCHEMA = 'schemas/cnf-lint-config.schema.json';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const properties: Record<string, { default?: unknown; scope?: string; properties?: Record<string, unknown> }> = pkg.contributes.configuration.properties;

const ruleIds = RULES.map((r) => r.meta.id);
const allIds = [...ruleIds, ...ENGINE_RULES.map((m) => m.id)].sort();

/** Settings flattened to the dotted keys of package.json: `multus.namespaceIsolation` etc.; `rules` stays whole. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const isGroup = v !== null && typeof v === 'object' && !Array.isArray(v) && key !== 'rules';
    if (isGroup) Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

/** The TypeScript files under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules a source file loads at run time: imports that are not type-only, re-exports, require() and import(). */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, , typeOnly, clause, module] = m;
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allTypes = names !== null && names[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    if (!typeOnly && !allTypes) out.push(module);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

describe('parity', () => {
  it('the registry is sorted by id and ids are unique', () => {
    assert.deepEqual(ruleIds, [...ruleIds].sort());
    assert.equal(new Set(allIds).size, allIds.length, 'rule and engine ids are unique');
    for (const id of allIds) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${id} is kebab-case`);
  });

  it('every rule file is registered, and its file name is the id it declares', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    assert.deepEqual(files.map((f) => f.slice(0, -3)).sort(), [...ruleIds].sort(), `the files of ${RULES_DIR} are the registered rules`);
    for (const f of files) {
      const id = f.slice(0, -3);
      assert.match(readFileSync(join(RULES_DIR, f), 'utf8'), new RegExp(`\\bid: '${id}'`), `${f} declares id '${id}'`);
    }
  });

  it('every rule has a test file and a doc page; every id has a doc page', () => {
    for (const id of ruleIds) assert.ok(existsSync(`test/unit/rules/${id}.test.ts`), `test/unit/rules/${id}.test.ts exists`);
    for (const id of allIds) assert.ok(existsSync(`docs/rules/${id}.md`), `docs/rules/${id}.md exists (npm run docs)`);
  });

  it('every cited requirement is in the requirement table; every gap is an RA2 gap', () => {
    for (const m of [...RULES.map((r) => r.meta), ...ENGINE_RULES]) {
      for (const id of m.requirements) assert.ok(requirementById(id), `${m.id} cites ${id}, missing from protocol/requirements.ts`);
      assert.ok(Number.isInteger(m.gap) && m.gap >= 0 && m.gap <= 8, `${m.id}: gap ${m.gap}`);
    }
  });

  it('package.json cnfLint.rules lists exactly the rule and engine ids', () => {
    const rules = properties['cnfLint.rules'];
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), allIds, 'run npm run docs');
    assert.equal((rules as { additionalProperties?: unknown }).additionalProperties, false);
  });

  it('package.json settings are the keys of Settings, with the same defaults, all of scope resource', () => {
    const expected = Object.fromEntries(Object.entries(flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>)).map(([k, v]) => [`cnfLint.${k}`, v]));
    const actual = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, p.default]));
    assert.deepEqual(actual, expected);
    for (const [key, p] of Object.entries(properties)) assert.equal(p.scope, 'resource', `${key} has scope resource`);
  });

  it('the README documents every setting', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const key of Object.keys(properties)) assert.ok(readme.includes(`\`${key}\``), `README.md mentions ${key}`);
  });

  it('package.json contributes the client commands, the snippets and the entry points', () => {
    const commands = (pkg.contributes.commands as Array<{ command: string; title: string; category?: string }>).map((c) => c.command).sort();
    assert.deepEqual(commands, Object.values(COMMANDS).sort());
    for (const s of pkg.contributes.snippets as Array<{ path: string }>) assert.ok(existsSync(s.path), `${s.path} exists`);
    assert.equal(pkg.main, './dist/client.js');
    assert.deepEqual(pkg.activationEvents, ['onLanguage:yaml']);
    assert.equal(pkg.engines.vscode, '^1.100.0');
  });

  it('.vscodeignore is an allowlist that ships the bundles, schemas, snippets and docs', () => {
    const lines = readFileSync('.vscodeignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'everything is excluded first');
    for (const entry of ['!dist/client.js', '!dist/server.js', '!dist/cli.js', '!schemas/**', '!snippets/**', '!README.md', '!CHANGELOG.md', '!LICENSE', '!package.json']) {
      assert.ok(lines.includes(entry), `.vscodeignore has ${entry}`);
    }
  });

  it(`${SCHEMA} lists the same rule ids`, (t) => {
    if (!existsSync(SCHEMA)) {
      t.skip(`${SCHEMA} is missing: the lead writes it; its rule ids are not checked`);
      return;
    }
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allIds);
    const settingsKeys = Object.keys(DEFAULT_SETTINGS).sort();
    assert.deepEqual(Object.keys(schema.properties).sort(), settingsKeys, 'the schema has the keys of Settings');
  });

  it('rules/ and linter/ load no yaml or vscode-languageserver at run time; manifest/ and fixes/ no LSP; the server no vscode', () => {
    const bad: string[] = [];
    const check = (dir: string, forbidden: RegExp) => {
      for (const file of sources(dir)) for (const m of runtimeImports(readFileSync(file, 'utf8'))) if (forbidden.test(m)) bad.push(`${file}: ${m}`);
    };
    check('server/src/rules', /^(yaml|vscode-languageserver.*)$/);
    check('server/src/linter', /^(yaml|vscode-languageserver.*)$/);
    check('server/src/manifest', /^vscode-languageserver.*$/);
    check('server/src/fixes', /^vscode-languageserver.*$/);
    check('server/src', /^vscode(-languageclient.*)?$/);
    assert.deepEqual(bad, []);
  });

  it('the import scanner sees runtime imports and lets type-only ones pass', () => {
    const text = "import type { Node } from 'yaml';\nimport { type Pair, type Scalar } from 'yaml';\nimport {\n  isMap,\n} from 'yaml';\n// import { x } from 'vscode'\nconst y = require('vscode-languageserver/node');\nexport { z } from './z';\n";
    assert.deepEqual(runtimeImports(text), ['yaml', './z', 'vscode-languageserver/node']);
  });
});
