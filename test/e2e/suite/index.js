// The extension-host test entry (extensionTestsPath): runs every *.test.js here with mocha and reports through the console.
const fs = require('node:fs');
const path = require('node:path');

/** mocha from the e2e harness (code-server runs) or the desktop runner's folder, else from the project. */
function loadMocha() {
  const candidates = [path.join(__dirname, '..', 'harness', 'node_modules', 'mocha'), path.join(__dirname, '..', 'desktop', 'node_modules', 'mocha')];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'package.json'))) return require(dir);
  return require('mocha');
}

/**
 * A reporter whose every line starts with `[e2e]` (the runner prints only those among the workbench's
 * logs) and that writes the counts and measurements to CNF_E2E_RESULTS for the runner to add up.
 */
function reporterClass(Mocha) {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN, EVENT_RUN_END } = Mocha.Runner.constants;
  return class E2eReporter extends Mocha.reporters.Base {
    constructor(runner, options) {
      super(runner, options);
      const results = { passed: 0, failed: 0, skipped: 0, failures: [], metrics: globalThis.__cnfE2eMetrics };
      const log = (line) => console.log(`[e2e] ${line}`);
      runner.on(EVENT_SUITE_BEGIN, (suite) => suite.title && log(suite.fullTitle()));
      runner.on(EVENT_TEST_PASS, (test) => {
        results.passed++;
        log(`  ok   ${test.title} (${test.duration} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        results.skipped++;
        log(`  skip ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test, err) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
        log(`  FAIL ${test.title}`);
        for (const line of String(err?.stack ?? err).split('\n').slice(0, 30)) log(`       ${line}`);
      });
      runner.once(EVENT_RUN_END, () => {
        log(`api suite: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
        if (process.env.CNF_E2E_RESULTS) fs.writeFileSync(process.env.CNF_E2E_RESULTS, JSON.stringify(results, null, 2));
      });
    }
  };
}

/** Called by the extension host; rejects when a test failed (the host then exits with code 1). */
exports.run = function run() {
  globalThis.__cnfE2eMetrics = { firstDiagnosticsMs: {} };
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, reporter: reporterClass(Mocha), grep: process.env.CNF_E2E_GREP || undefined });
  for (const name of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end tests failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
};
