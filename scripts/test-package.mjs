// The npm package as a user installs it: packed, installed globally into a temporary prefix, and run on examples/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fail = (message) => {
  console.error(`test:package: ${message}`);
  process.exit(1);
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-package-'));
try {
  // npm pack runs prepack (a production build) and lists what the tarball holds.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }))[0];
  const files = packed.files.map((f) => f.path).sort();
  const expected = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/client.js', 'dist/index-worker.js', 'dist/server.js', 'package.json'];
  const unexpected = files.filter((f) => !expected.includes(f) && !/^(schemas|snippets)\//.test(f));
  if (unexpected.length > 0) fail(`the package holds files it should not: ${unexpected.join(', ')}`);
  for (const f of expected) if (!files.includes(f)) fail(`the package lacks ${f}`);
  if (files.some((f) => f.endsWith('.map'))) fail('the package holds source maps');
  const prefix = join(dir, 'prefix');
  execFileSync(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], { stdio: 'inherit' });
  const bin = process.platform === 'win32' ? join(prefix, 'cnf-lint.cmd') : join(prefix, 'bin', 'cnf-lint');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || version.stdout.trim() !== packed.version) fail(`cnf-lint --version printed "${version.stdout.trim()}" (exit ${version.status}), not ${packed.version}`);
  const run = spawnSync(bin, ['--format', 'json', resolve('examples')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 1) fail(`cnf-lint on examples/ exited ${run.status} (1 expected: the examples break rules on purpose)\n${run.stderr}`);
  const rules = new Set(JSON.parse(run.stdout).map((f) => f.ruleId));
  if (!rules.has('privileged-container') || !rules.has('helm-default-masks-false')) fail(`the installed cnf-lint did not report the examples' findings: ${[...rules].join(', ')}`);
  console.log(`test:package: ${packed.filename} (${files.length} files, ${Math.round(packed.size / 1024)} KB) installs globally and runs: ${rules.size} rules found in examples/`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
