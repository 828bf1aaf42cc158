// `npm test`: every suite in turn, its output in .tmp/test-logs/<suite>.log (shown when it fails), one line per suite and the totals last.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The suites, in order; `counts` reads "passed/failed" out of a suite's log. */
const SUITES = [
  { name: 'build and typecheck', command: 'node esbuild.mjs --tests && npx tsc -p . --noEmit', counts: () => undefined },
  { name: 'unit, server and CLI', command: 'node --test --test-timeout=120000 --test-reporter=tap out/test/unit out/test/server out/test/cli', counts: tapCounts },
  // Timings on a shared machine are noisy: a missed growth aim is measured once more; a real regression misses twice.
  { name: 'growth benchmark', command: 'node esbuild.mjs && node dist/bench.js --growth', counts: aimCounts, retries: 1 },
  { name: 'npm package', command: 'node scripts/test-package.mjs', counts: () => undefined },
  { name: 'editor (e2e, VSIX)', command: 'npm run build && bash test/e2e/install.sh && node test/e2e/run.mjs && npm run package && node test/e2e/vsix.mjs', counts: passedLines },
];

const LOGS = join('.tmp', 'test-logs');

/** TAP totals: `# pass N` and `# fail N`. */
function tapCounts(log) {
  const pass = /^# pass (\d+)$/m.exec(log);
  const fail = /^# fail (\d+)$/m.exec(log);
  return pass ? { passed: Number(pass[1]), failed: fail ? Number(fail[1]) : 0 } : undefined;
}

/** The benchmark's aims: one per row with a limit. */
function aimCounts(log) {
  const met = (log.match(/\) met$/gm) ?? []).length;
  const missed = (log.match(/\) MISSED$/gm) ?? []).length;
  return met + missed > 0 ? { passed: met, failed: missed } : undefined;
}

/** `N passed, N failed` lines of the e2e runner and the VSIX smoke test, added up. */
function passedLines(log) {
  let passed = 0;
  let failed = 0;
  let seen = false;
  for (const m of log.matchAll(/^(\d+) passed, (\d+) failed/gm)) {
    seen = true;
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return seen ? { passed, failed } : undefined;
}

/** Runs a shell command with its output in `logFile`; resolves with its exit code. */
function run(command, logFile) {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** The part of a failed suite's log worth showing: each failure with the lines after it, then the log's last lines. */
function failureExcerpt(log) {
  const lines = log.split('\n');
  const shown = new Set();
  lines.forEach((line, i) => {
    if (/^\s*not ok |\bFAIL\b|MISSED|\bERROR\b/.test(line)) for (let k = i; k < Math.min(lines.length, i + 12); k++) shown.add(k);
  });
  for (let k = Math.max(0, lines.length - 30); k < lines.length; k++) shown.add(k);
  const out = [];
  let last = -1;
  for (const k of [...shown].sort((a, b) => a - b).slice(-300)) {
    if (last >= 0 && k !== last + 1) out.push('  ...');
    out.push(lines[k]);
    last = k;
  }
  return out.join('\n');
}

mkdirSync(LOGS, { recursive: true });
const totals = { passed: 0, failed: 0 };
let broken = false;
for (const suite of SUITES) {
  if (broken) {
    console.log(`-  ${suite.name}: not run (an earlier suite failed)`);
    continue;
  }
  const logFile = join(LOGS, `${suite.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.log`);
  const started = Date.now();
  let code = await run(suite.command, logFile);
  let log = readFileSync(logFile, 'utf8');
  let counts = suite.counts(log);
  for (let retry = 0; retry < (suite.retries ?? 0) && (code !== 0 || (counts?.failed ?? 0) > 0); retry++) {
    console.log(`   ${suite.name}: ${counts ? `${counts.failed} failed` : `exit ${code}`}, measured again (${logFile})`);
    code = await run(suite.command, logFile);
    log = readFileSync(logFile, 'utf8');
    counts = suite.counts(log);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const failed = code !== 0 || (counts?.failed ?? 0) > 0;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  } else if (failed) totals.failed++;
  else totals.passed++;
  const what = counts ? `${counts.passed} passed, ${counts.failed} failed` : failed ? `exit ${code}` : 'ok';
  if (failed) {
    console.log(`\n--- ${suite.name}: ${logFile} (excerpt) ---\n${failureExcerpt(log)}\n---`);
    broken = true;
  }
  console.log(`${failed ? '✖' : '✔'}  ${suite.name}: ${what} (${seconds} s, log: ${logFile})`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 || broken ? 1 : 0;
