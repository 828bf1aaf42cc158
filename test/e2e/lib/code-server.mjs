// Starts a throw-away code-server (VS Code 1.100.3) and headless Chromium in fresh folders, and tears both down.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = resolve(E2E_DIR, '..', '..');
export const HARNESS = join(E2E_DIR, 'harness');
export const CODE_SERVER = join(HARNESS, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** playwright-core from the harness folder (it is not a root dependency). */
export function playwright() {
  return createRequire(join(HARNESS, 'package.json'))('playwright-core');
}

/** Fails early, with the command that fixes it, when the harness or Chromium is missing. */
export function checkHarness() {
  if (!existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run `bash test/e2e/install.sh` first');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`bash test/e2e/install.sh\` (apt package chromium) or set CHROMIUM_PATH`);
}

/**
 * A fresh run folder: its own TMPDIR, XDG folders, code-server user data and extensions, browser
 * profile and screenshots. `dispose()` removes all of it.
 */
export function createRunDirs(prefix = 'cnf-lint-e2e-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    tmp: join(root, 'tmp'),
    config: join(root, 'xdg', 'config'),
    data: join(root, 'xdg', 'data'),
    cache: join(root, 'xdg', 'cache'),
    runtime: join(root, 'xdg', 'runtime'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    browser: join(root, 'browser'),
    shots: join(root, 'screenshots'),
    home: join(root, 'home'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'git.enabled': false,
        'security.workspace.trust.enabled': false,
        'files.simpleDialog.enable': true,
        'editor.minimap.enabled': false,
        'editor.fontSize': 14,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.reduceMotion': 'on',
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dirs.root, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return { ...dirs, dispose: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * Copies the built extension (package.json, dist/, snippets/, schemas/, README, CHANGELOG, LICENSE)
 * into `dest`: the editor loads a snapshot that a rebuild during the run cannot change, and that runs
 * without node_modules, as the VSIX does.
 */
export function stageExtension(dest) {
  for (const f of ['dist/client.js', 'dist/server.js', 'package.json']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`node esbuild.mjs\` first`);
  }
  mkdirSync(dest, { recursive: true });
  for (const name of ['package.json', 'dist', 'snippets', 'schemas', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dest, name), { recursive: true });
  }
  return dest;
}

/** The environment every child gets: nothing of it points into $HOME or the shared /tmp. */
export function childEnv(dirs, extra = {}) {
  return {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    TMP: dirs.tmp,
    TEMP: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.runtime,
    ...extra,
  };
}

/** A free TCP port on the loopback address. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Runs a command to completion in the run's environment; resolves with its output, rejects on a non-zero exit. */
export function runCommand(cmd, args, { env, timeoutMs = 120_000 } = {}) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
    child.on('error', rej);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL');
      if (code === 0) res(out);
      else rej(new Error(`${cmd} ${args.join(' ')} exited ${code ?? signal}:\n${out}`));
    });
  });
}

/** Signals a whole process group; ignores a group that is already gone. */
export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server in its own session and process group (setsid, via `detached`) on a free
 * loopback port and waits for /healthz. `stop()` kills the whole group (extension hosts included).
 */
export async function startCodeServer(dirs, { env = {}, log = () => {} } = {}) {
  const port = await freePort();
  const args = [
    '--config', join(dirs.root, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  const child = spawn(CODE_SERVER, args, { env: childEnv(dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d) => {
    output += d;
    for (const line of String(d).split('\n')) if (line.trim()) log(line);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!killGroup(child.pid, 'SIGTERM')) return;
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && groupAlive(child.pid)) await delay(50);
    killGroup(child.pid, 'SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start:\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 30 s:\n${output}`);
    }
    await delay(100);
  }
  return { port, url, pid: child.pid, stop, output: () => output };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits `ms` milliseconds: used only to poll a process or a port, never to wait for the editor. */
export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The workbench URL for a folder, with a development payload: extensionDevelopmentPath (and
 * extensionTestsPath when given) as vscode-remote URIs on this server.
 */
export function workbenchUrl(server, folder, { extensionPath, testsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Headless Chromium with a fresh profile in the run folder, flags that keep it off the network. */
export async function launchBrowser(dirs, { width = 1280, height = 800 } = {}) {
  const { chromium } = playwright();
  return chromium.launchPersistentContext(dirs.browser, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    env: childEnv(dirs),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * What a run left behind since `since` (ms): code-server, Chromium and Playwright folders in $HOME,
 * and their temp entries in the shared temp folder `tmp` (but the folders in `except`).
 */
export function leftovers(since, tmp, except = []) {
  const found = [];
  for (const p of ['.config/code-server', '.local/share/code-server', '.cache/code-server', '.cache/ms-playwright', '.config/chromium', '.pki']) {
    const full = join(homedir(), p);
    if (existsSync(full) && statSync(full).mtimeMs >= since) found.push(full);
  }
  for (const name of readdirSync(tmp)) {
    if (!/^(playwright|vscode|code-server|cnf-lint-e2e|cnf-lint-vsix|\.org\.chromium|puppeteer)/.test(name)) continue;
    try {
      const full = join(tmp, name);
      if (statSync(full).mtimeMs >= since && !except.includes(full)) found.push(full);
    } catch {
      /* removed meanwhile */
    }
  }
  return found;
}
