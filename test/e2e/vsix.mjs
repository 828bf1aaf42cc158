// Packaging smoke test: the VSIX holds only the allowlisted files, installs into a fresh code-server, and lints there.
//
// Usage: npm run package && node test/e2e/vsix.mjs [--vsix cnf-lint.vsix] [--keep]
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkHarness,
  childEnv,
  CODE_SERVER,
  createRunDirs,
  E2E_DIR,
  killGroup,
  launchBrowser,
  leftovers,
  ROOT,
  runCommand,
  startCodeServer,
  workbenchUrl,
} from './lib/code-server.mjs';
import { listZip } from './lib/zip.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string', default: join(ROOT, 'cnf-lint.vsix') },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '180' },
  },
});

/** What a VSIX may hold: the bundles, schemas, snippets, the icon, README, CHANGELOG, LICENSE, package.json. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/dist\/(client|server|index-worker|cli)\.js$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.code-snippets$/,
  /^extension\/images\/icon\.png$/,
];
/** What it must hold. */
const REQUIRED = [/^extension\/package\.json$/, /^extension\/dist\/client\.js$/, /^extension\/dist\/server\.js$/, /^extension\/dist\/index-worker\.js$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/license(\.txt|\.md)?$/i];
/** A budget that catches a bundle that swallowed something it should not (sources, maps, node_modules). */
const MAX_BYTES = 5 * 1024 * 1024;
const FIXTURE = 'privileged-container.yaml';

const started = Date.now();
const realTmp = tmpdir();
const results = { passed: 0, failed: 0, skipped: 0 };
let broken;
let dirs;
let server;
let context;
/** Set when the hard timeout took over: the normal path then leaves the exit to it. */
let aborting = false;

async function step(title, fn) {
  if (broken) {
    results.skipped++;
    console.log(`vsix: skip ${title} (after: ${broken})`);
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`vsix:   ok   ${title} (${Date.now() - t0} ms)`);
  } catch (err) {
    results.failed++;
    broken = title;
    console.log(`vsix:   FAIL ${title}\n       ${String(err?.stack ?? err).split('\n').slice(0, 15).join('\n       ')}`);
  }
}

const hardTimeout = setTimeout(async () => {
  console.log(`vsix: hard timeout of ${opts.timeout} s reached`);
  aborting = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  if (server) killGroup(server.pid, 'SIGKILL');
  await Promise.race([context?.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
  try {
    if (dirs && !opts.keep) rmSync(dirs.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (err) {
    console.log(`vsix: could not remove ${dirs.root}: ${err.message}`);
  }
  console.log(`${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
}, Number(opts.timeout) * 1000);

const vsix = resolve(opts.vsix);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

try {
  await step('the VSIX exists (npm run package)', () => {
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  });

  await step('the VSIX holds only allowlisted files: bundles, schemas, snippets, README, CHANGELOG, LICENSE, package.json', () => {
    const entries = listZip(vsix);
    const size = statSync(vsix).size;
    const unpacked = entries.reduce((n, e) => n + e.size, 0);
    console.log(`vsix: ${vsix}: ${(size / 1024).toFixed(1)} KiB (${(unpacked / 1024).toFixed(1)} KiB unpacked), ${entries.length} files:`);
    for (const e of entries) console.log(`vsix:   ${String(e.size).padStart(9)}  ${e.name}`);
    const stray = entries.map((e) => e.name).filter((n) => !ALLOWED.some((re) => re.test(n)));
    if (stray.length) throw new Error(`files outside the allowlist (sources, maps, tests, node_modules?): ${stray.join(', ')}`);
    const missing = REQUIRED.filter((re) => !entries.some((e) => re.test(e.name)));
    for (const s of pkg.contributes?.snippets ?? []) {
      const want = `extension/${s.path.replace(/^\.\//, '')}`;
      if (!entries.some((e) => e.name === want)) missing.push(want);
    }
    if (missing.length) throw new Error(`missing from the VSIX: ${missing.join(', ')}`);
    if (size > MAX_BYTES) throw new Error(`the VSIX is ${size} bytes, over the ${MAX_BYTES}-byte budget`);
  });

  await step('code-server --install-extension installs it into a fresh extensions folder', async () => {
    checkHarness();
    dirs = createRunDirs('cnf-lint-vsix-');
    process.env.TMPDIR = dirs.tmp;
    const out = await runCommand(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData], {
      env: childEnv(dirs, { EXTENSIONS_GALLERY: '{}' }),
    });
    const installed = join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    if (!existsSync(join(installed, 'dist', 'server.js'))) throw new Error(`not installed at ${installed}:\n${out}`);
  });

  await step(`the installed extension (no development path) lints ${FIXTURE}: squiggle and Problems entry`, async () => {
    const workspace = join(dirs.root, 'workspace');
    cpSync(join(E2E_DIR, 'fixtures'), workspace, { recursive: true });
    server = await startCodeServer(dirs, { env: { EXTENSIONS_GALLERY: '{}' } });
    context = await launchBrowser(dirs);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(workbenchUrl(server, workspace));
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).click();
    const editor = page.locator(`.monaco-editor[data-uri$="${FIXTURE}"]`).first();
    await editor.locator('.squiggly-error').first().waitFor({ state: 'visible' });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row[aria-label*="generated by cnf-lint"]', { hasText: "Container 'dataplane' runs privileged" });
    await row.first().waitFor();
  });
} finally {
  if (aborting) await new Promise(() => {}); // the timeout handler exits
  try {
    await Promise.race([context?.close(), new Promise((r) => setTimeout(r, 5000))]);
  } catch {
    /* gone */
  }
  if (server) await server.stop();
  if (dirs && !opts.keep) dirs.dispose();
  const left = leftovers(started, realTmp, opts.keep && dirs ? [dirs.root] : []);
  if (left.length) {
    console.log(`vsix: left behind: ${left.join(', ')}`);
    results.failed++;
  }
  clearTimeout(hardTimeout);
  console.log(`vsix: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
}
process.exit(results.failed > 0 ? 1 : 0);
