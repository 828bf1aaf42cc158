// Runs the same extension-host API suite in desktop VS Code via @vscode/test-electron (npm run test:vscode).
//
// Needs either a VS Code that @vscode/test-electron may download (from Microsoft's update servers) or
// VSCODE_EXECUTABLE pointing at an installed `code` binary. The offline CI machines have neither: CI runs
// the same suite in code-server (test/e2e/run.mjs) instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_DIR, ROOT } from './lib/code-server.mjs';
import { writeRegistry } from './lib/registry.mjs';

const desktop = join(E2E_DIR, 'desktop');
if (!existsSync(join(desktop, 'node_modules', '@vscode', 'test-electron'))) {
  console.log('test:vscode: installing @vscode/test-electron and mocha in test/e2e/desktop');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: desktop, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { runTests } = createRequire(join(desktop, 'package.json'))('@vscode/test-electron');

const root = mkdtempSync(join(tmpdir(), 'cnf-lint-desktop-'));
let code = 1;
try {
  const rulesFile = join(root, 'rules.json');
  const resultsFile = join(root, 'api-results.json');
  await writeRegistry(rulesFile);
  const workspace = join(root, 'workspace');
  cpSync(join(E2E_DIR, 'fixtures'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(E2E_DIR, 'suite', 'index.js'),
    extensionTestsEnv: { CNF_E2E_RULES: rulesFile, CNF_E2E_RESULTS: resultsFile, CNF_E2E_GREP: process.env.CNF_E2E_GREP ?? '' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(root, 'user-data')],
  });
  code = 0;
} catch (err) {
  console.error(`test:vscode: ${err?.message ?? err}`);
} finally {
  let results = { passed: 0, failed: code === 0 ? 0 : 1 };
  try {
    results = JSON.parse(readFileSync(join(root, 'api-results.json'), 'utf8'));
  } catch {
    /* the suite never ran */
  }
  rmSync(root, { recursive: true, force: true });
  console.log(`${results.passed} passed, ${Math.max(results.failed, code)} failed`);
}
process.exit(code);
