// Runs cnf-lint in a real VS Code (code-server 4.100.3 in headless Chromium): the API suite in the extension host, then the UI tests.
//
// Usage: node test/e2e/run.mjs [--grep TEXT (API tests)] [--skip-api] [--skip-ui] [--keep] [--screenshots DIR]
//        [--docs-images (copy the README screenshots to docs/images)] [--timeout SECONDS] [--verbose]
// Needs `node esbuild.mjs` (dist/client.js, dist/server.js) and `bash test/e2e/install.sh`.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkHarness, createRunDirs, E2E_DIR, killGroup, launchBrowser, leftovers, ROOT, stageExtension, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { writeRegistry } from './lib/registry.mjs';
import { runUiTests } from './ui/ui-tests.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    'skip-api': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    'docs-images': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    verbose: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const realTmp = tmpdir();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[e2e ${elapsed()}] ${line}`);

/** What ran, added up for the closing line. */
const totals = { passed: 0, failed: 0, skipped: 0 };
let dirs;
let server;
let context;
/** Everything the workbench logged (the API suite's page and the UI tests' page errors). */
const workbenchLog = [];
/** Set when the hard timeout or a signal took over: the normal path then leaves the exit to it. */
let aborting = false;

/** Tears everything down: the browser, code-server's process group, the run folder (unless --keep). */
async function teardown() {
  if (server) killGroup(server.pid, 'SIGTERM');
  try {
    await Promise.race([context?.close(), new Promise((r) => setTimeout(r, 5000))]);
  } catch {
    /* the browser is gone already */
  }
  if (server) await server.stop();
  if (dirs && !opts.keep) dirs.dispose();
  else if (dirs) say(`kept the run folder ${dirs.root}`);
}

function closingLine() {
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
}

/** Kills code-server's group, closes the browser (bounded) and removes the run folder, retrying while processes die. */
async function emergencyCleanup() {
  aborting = true;
  if (server) killGroup(server.pid, 'SIGKILL');
  await Promise.race([context?.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
  if (dirs && !opts.keep) {
    try {
      rmSync(dirs.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (err) {
      say(`could not remove ${dirs.root}: ${err.message}`);
    }
  }
}

/** The hard limit: CI never hangs on a stuck editor. */
const hardTimeout = setTimeout(async () => {
  say(`hard timeout of ${opts.timeout} s reached: killing code-server and the browser`);
  setTimeout(() => process.exit(1), 10_000).unref();
  await emergencyCleanup();
  totals.failed++;
  closingLine();
  process.exit(1);
}, Number(opts.timeout) * 1000);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    say(`${signal}: cleaning up`);
    setTimeout(() => process.exit(130), 10_000).unref();
    await emergencyCleanup();
    process.exit(130);
  });
}

/** Saves what helps to debug a failure where CI keeps it (.tmp/ in the work tree is ignored by git). */
function keepFailureArtifacts() {
  const out = join(ROOT, '.tmp', 'e2e-failure');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'workbench.log'), workbenchLog.join('\n'));
  if (server) writeFileSync(join(out, 'code-server.log'), server.output());
  if (dirs && existsSync(dirs.shots)) cpSync(dirs.shots, join(out, 'screenshots'), { recursive: true });
  // The extension host's logs, the language client's output channel among them.
  if (dirs && existsSync(join(dirs.userData, 'logs'))) cpSync(join(dirs.userData, 'logs'), join(out, 'editor-logs'), { recursive: true });
  say(`logs and screenshots of the failed run: ${out}`);
}

/** Runs the mocha suite in the extension host; resolves with its counts. */
async function runApiSuite(extension, workspace, resultsFile) {
  const page = await context.newPage();
  let exit;
  const exited = new Promise((r) => (exit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    workbenchLog.push(`[${type}] ${text}`);
    for (const line of text.split('\n')) {
      if (line.startsWith('[e2e] ')) console.log(line.slice(6));
      else if (opts.verbose) console.log(`  [workbench ${type}] ${line}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  page.on('pageerror', (err) => workbenchLog.push(`[pageerror] ${err.stack ?? err}`));
  const url = workbenchUrl(server, workspace, { extensionPath: extension, testsPath: join(E2E_DIR, 'suite', 'index.js') });
  await page.goto(url);
  const limit = 180_000;
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), limit))]);
  await page.close().catch(() => {});
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    results = { passed: 0, failed: 0, skipped: 0 };
  }
  if (code === 'timeout') say(`the API suite did not finish within ${limit / 1000} s`);
  if (code !== 0 && results.failed === 0) results.failed = 1; // the host failed without a test failing: count it
  if (code === 0 && results.passed === 0) {
    say('the API suite ran no test');
    results.failed++;
  }
  say(`API suite: exit ${code}, ${results.passed} passed, ${results.failed} failed`);
  const m = results.metrics;
  const warm = Object.values(m?.firstDiagnosticsMs ?? {}).sort((a, b) => a - b);
  if (m?.coldFirstDiagnosticsMs !== undefined || warm.length) {
    say(`open to first diagnostics: first file ${m.coldFirstDiagnosticsMs ?? '?'} ms (server start included); then median ${warm[Math.floor(warm.length / 2)] ?? '?'} ms, max ${warm[warm.length - 1] ?? '?'} ms over ${warm.length} files`);
  }
  return results;
}

async function main() {
  checkHarness();
  dirs = createRunDirs();
  const extension = stageExtension(join(dirs.root, 'extension'));
  // Everything this process creates from here on (Playwright's temp files) goes into the run folder.
  process.env.TMPDIR = dirs.tmp;
  const rulesFile = join(dirs.root, 'rules.json');
  const resultsFile = join(dirs.root, 'api-results.json');
  const rules = await writeRegistry(rulesFile);
  say(`registry: ${rules.length} rules (${rules.map((r) => r.id).join(', ')})`);
  const wsApi = join(dirs.root, 'workspace-api');
  const wsUi = join(dirs.root, 'workspace-ui');
  cpSync(join(E2E_DIR, 'fixtures'), wsApi, { recursive: true });
  cpSync(join(E2E_DIR, 'fixtures'), wsUi, { recursive: true });

  server = await startCodeServer(dirs, {
    env: { CNF_E2E_RULES: rulesFile, CNF_E2E_RESULTS: resultsFile, CNF_E2E_GREP: opts.grep ?? '', EXTENSIONS_GALLERY: '{}' },
    log: opts.verbose ? (l) => console.log(`  [code-server] ${l}`) : () => {},
  });
  say(`code-server ${server.url} (process group ${server.pid})`);
  context = await launchBrowser(dirs);
  let failed = false;

  if (!opts['skip-api']) {
    const r = await runApiSuite(extension, wsApi, resultsFile);
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped ?? 0;
    failed ||= r.failed > 0;
  }
  if (!opts['skip-ui']) {
    const r = await runUiTests({ context, server, extension, workspace: wsUi, shots: dirs.shots, log: say, workbenchLog });
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    failed ||= r.failed > 0;
  }
  if (opts.screenshots) {
    mkdirSync(opts.screenshots, { recursive: true });
    cpSync(dirs.shots, opts.screenshots, { recursive: true });
    say(`screenshots copied to ${opts.screenshots}`);
  }
  if (opts['docs-images'] && !failed) {
    const images = join(ROOT, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    for (const name of readdirSync(dirs.shots).filter((n) => n.startsWith('docs-'))) cpSync(join(dirs.shots, name), join(images, name.slice(5)));
    say(`README screenshots updated in ${images}`);
  }
  if (failed) keepFailureArtifacts();
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  if (!aborting) {
    say(`run failed: ${err?.stack ?? err}`);
    totals.failed++;
    keepFailureArtifacts();
  }
} finally {
  if (aborting) await new Promise(() => {}); // the timeout or signal handler exits
  await teardown();
  // Counted as a test: a run must not leave files in $HOME or the shared TMPDIR.
  const left = leftovers(started, realTmp, opts.keep && dirs ? [dirs.root] : []);
  if (left.length) {
    say(`left behind: ${left.join(', ')}`);
    totals.failed++;
  } else {
    totals.passed++;
    say('nothing left behind in $HOME or TMPDIR');
  }
  clearTimeout(hardTimeout);
  say(`done in ${elapsed()}`);
  closingLine();
  exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}
process.exit(exitCode);
