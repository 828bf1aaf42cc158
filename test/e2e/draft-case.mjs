// Prints a draft row of test/e2e/cases.js for a fixture, from the CLI's findings: review it before you paste it.
//
// Usage: node esbuild.mjs && node test/e2e/draft-case.mjs test/e2e/fixtures/<rule-id>.yaml [rule-id]
// The row's rule (default: the file name) is linted alone. `fixed` is drafted from `--fix`, which applies
// preferred fixes only: for a rule without one, write the lines the fix you choose should produce.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ROOT } from './lib/code-server.mjs';
import { loadRegistry } from './lib/registry.mjs';

const [fixtureArg, ruleArg] = process.argv.slice(2);
if (!fixtureArg) {
  console.error('usage: node test/e2e/draft-case.mjs <fixture.yaml> [rule-id]');
  process.exit(2);
}
const fixture = resolve(fixtureArg);
const rule = ruleArg ?? basename(fixture).replace(/\.ya?ml$/, '');
const registry = await loadRegistry();
const meta = registry.find((r) => r.id === rule);
if (!meta) {
  console.error(`no rule '${rule}' in the registry: ${registry.map((r) => r.id).join(', ')}`);
  process.exit(2);
}
const only = registry.filter((r) => r.id !== rule).flatMap((r) => ['--rule', `${r.id}=off`]);
const cli = (args) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...only, ...args], { encoding: 'utf8' });

const findings = JSON.parse(cli(['--format', 'json', fixture]).stdout).filter((f) => f.ruleId === rule);
if (findings.length !== 1) {
  console.error(`the fixture should draw exactly one ${rule} finding; it draws ${findings.length}`);
  process.exit(1);
}
const f = findings[0];
const templateRegex = (t) => new RegExp(`^${t.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
const messageId = Object.keys(meta.messages).find((id) => templateRegex(meta.messages[id]).test(f.message)) ?? 'TODO';
const preferred = f.fixes.find((x) => x.preferred);

let fixed = '{} /* TODO: no preferred fix; write the lines the applied fix produces */';
if (preferred) {
  const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-draft-'));
  try {
    const copy = join(dir, basename(fixture));
    copyFileSync(fixture, copy);
    cli(['--fix', '--format', 'json', copy]);
    fixed = lineEdits(readFileSync(fixture, 'utf8'), readFileSync(copy, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The line edits (cases.js notation) that turn `before` into `after`: one hunk between the common head and tail. */
function lineEdits(before, after) {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  const out = [];
  const common = Math.min(removed.length, added.length);
  for (let i = 0; i < common; i++) out.push(`${head + i + 1}: ${JSON.stringify(added[i])}`);
  for (let i = common; i < removed.length; i++) out.push(`${head + i + 1}: null`);
  if (added.length > common) out.push(`'${head + common}+': ${JSON.stringify(added.slice(common))}`);
  return `{ ${out.join(', ')} }`;
}

// The editor lists preferred fixes first, the others in the server's order.
const shown = [...f.fixes.filter((x) => x.preferred), ...f.fixes.filter((x) => !x.preferred)].map((x) => x.title);
const apply = preferred?.title ?? f.fixes[0]?.title ?? 'TODO';
console.log(`  {
    rule: ${JSON.stringify(rule)},
    fixture: ${JSON.stringify(basename(fixture))},
    at: '${f.line}:${f.column}-${f.endLine}:${f.endColumn}',
    severity: ${JSON.stringify(f.severity)},
    messageId: ${JSON.stringify(messageId)},
    fixes: ${JSON.stringify(shown, null, 6).replace(/\n\]$/, '\n    ]')},
    apply: ${JSON.stringify(apply)},
    preferred: ${Boolean(preferred)},
    fixed: ${fixed},
  },`);
