// The built CLI explains itself: what was linted, why it exits 1, inputs that give nothing to lint, what --fix did.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { version } from '../../package.json';
import { GAP1_OFF, HOST_PORT_ONLY, HOST_PORT_MESSAGE, POD, PRIVILEGED_MESSAGE, runCli, tempDir } from './cli-harness';

/** The tenancy rules and the user-namespace advice off, so that the output shows only what a test is about. */
const ONLY = ['--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF];

describe('cnf-lint CLI: it says what it did', () => {
  it('--max-warnings: the reason for exit 1 on stderr', () => {
    const dir = tempDir({ 'amf.yaml': HOST_PORT_ONLY });
    const r = runCli(dir, ['--max-warnings', '0', ...ONLY, 'amf.yaml']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'cnf-lint: exit 1: 1 warning exceed --max-warnings 0\n');
    assert.match(r.stdout, /\n✖ 1 file, 0 documents skipped, 1 problem \(0 errors, 1 warning, 0 info\)\n$/);
  });

  it('a directory with nothing to lint, a file that is neither YAML nor a chart template, empty standard input: exit 2, one clear line', () => {
    const dir = tempDir({ 'docs/readme.txt': 'nothing here\n', 'notes.txt': 'kind: Pod\n' });
    assert.deepEqual(runCli(dir, ['docs']), { status: 2, stdout: '', stderr: 'cnf-lint: docs: no YAML manifest or Helm chart template in it (nothing to lint)\n' });
    assert.deepEqual(runCli(dir, ['notes.txt']), { status: 2, stdout: '', stderr: 'cnf-lint: notes.txt is not a YAML manifest (*.yaml, *.yml) nor a template of a Helm chart: not linted\n' });
    assert.deepEqual(runCli(dir, ['-'], { input: '' }), { status: 2, stdout: '', stderr: 'cnf-lint: standard input is empty: nothing to lint\n' });
  });

  it('a chart template given by name is linted whatever its extension', () => {
    const dir = tempDir({ 'upf/Chart.yaml': 'apiVersion: v2\nname: upf\nversion: 0.1.0\n', 'upf/templates/pod.tpl': POD });
    const r = runCli(dir, ['--format', 'compact', ...ONLY, 'upf/templates/pod.tpl']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^upf\/templates\/pod\.tpl:12:9: error privileged-container /);
  });

  it('--format compact: one file:line:col: severity rule message line per finding, then what was linted', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const r = runCli(dir, ['--format', 'compact', ...ONLY, 'pod.yaml']);
    assert.equal(
      r.stdout,
      [
        `pod.yaml:12:9: error privileged-container ${PRIVILEGED_MESSAGE}`,
        `pod.yaml:15:11: warning host-namespace-sharing ${HOST_PORT_MESSAGE}`,
        '1 file, 0 documents skipped, 2 problems (1 error, 1 warning, 0 info)',
        '',
      ].join('\n'),
    );
  });

  it('--quiet: errors only, and warnings no longer count for the exit status', () => {
    const dir = tempDir({ 'pod.yaml': POD, 'amf.yaml': HOST_PORT_ONLY });
    const r = runCli(dir, ['--quiet', '--format', 'compact', ...ONLY, 'pod.yaml', 'amf.yaml']);
    assert.equal(r.stdout, `pod.yaml:12:9: error privileged-container ${PRIVILEGED_MESSAGE}\n2 files, 0 documents skipped, 1 problem (1 error, 0 warnings, 0 info)\n`);
    assert.equal(runCli(dir, ['--quiet', '--max-warnings', '0', ...ONLY, 'amf.yaml']).status, 0);
  });

  it('-V prints the version; FORCE_COLOR colors the report off a terminal, NO_COLOR wins over it', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['-V']), { status: 0, stdout: `${version}\n`, stderr: '' });
    assert.match(runCli(dir, [...ONLY, 'pod.yaml'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout, /\u001b\[31merror/);
    assert.doesNotMatch(runCli(dir, [...ONLY, 'pod.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  it('--fix says per file how many fixes it applied, and which new findings its fixes surfaced', () => {
    // Removing hostNetwork gives the pod its own network namespace: a user namespace is then possible, and suggested.
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\n  namespace: cnf\nspec:\n  hostNetwork: true\n  containers:\n    - name: upf\n      image: registry.example/upf:1.0\n      securityContext:\n        runAsNonRoot: true\n';
    const dir = tempDir({ 'pod.yaml': pod });
    const r = runCli(dir, ['--fix', '--rule', 'network-policy-missing=off', '--rule', 'service-account-token-automounted=off', 'pod.yaml']);
    assert.equal(r.stderr, 'cnf-lint: --fix: pod.yaml: 1 fix applied\ncnf-lint: --fix: pod.yaml: the fixes surfaced 1 new finding: user-namespace-not-enabled\n');
    assert.match(r.stdout, /user-namespace-not-enabled\n\n✖ 1 file, 0 documents skipped, 1 problem \(0 errors, 0 warnings, 1 info\)\n$/);
  });
});
