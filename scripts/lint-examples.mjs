// Lints examples/ with the built CLI. The examples break rules on purpose: findings (exit 1) are success; exit 2 is not.
import { spawnSync } from 'node:child_process';

const run = spawnSync(process.execPath, ['dist/cli.js', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) {
  console.error(`cnf-lint: cannot run dist/cli.js: ${run.error.message}`);
  process.exit(2);
}
if (run.status === 0 || run.status === 1) {
  console.log('\nThe manifests in examples/ are non-compliant on purpose: every rule shows at least one finding above.');
  process.exit(0);
}
process.exit(run.status ?? 2);
