// The built CLI's configuration: --config, the nearest .cnf-lint.yaml upward, layering, broken files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { POD, runCli, tempDir } from './cli-harness';

const ruleIds = (stdout: string) => (JSON.parse(stdout) as Array<{ ruleId: string; severity: string }>).map((f) => `${f.ruleId}:${f.severity}`);

describe('cnf-lint CLI: configuration', () => {
  it('a .cnf-lint.yaml found upward from each file turns a rule off there only', () => {
    const dir = tempDir({
      'team/.cnf-lint.yaml': '# the team lints privileged containers elsewhere\nrules:\n  privileged-container: off\n',
      'team/apps/upf/pod.yaml': POD,
      'other/pod.yaml': POD,
    });
    const r = runCli(dir, ['--format', 'json', 'team', 'other']);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Array<{ file: string; ruleId: string }>).map((f) => `${f.file} ${f.ruleId}`),
      ['team/apps/upf/pod.yaml host-namespace-sharing', 'other/pod.yaml privileged-container', 'other/pod.yaml host-namespace-sharing'],
    );
    assert.equal(r.status, 1);
  });

  it('the configuration is found upward from the working folder for standard input', () => {
    const dir = tempDir({ '.cnf-lint.yaml': 'rules:\n  privileged-container: warning\n' });
    const r = runCli(dir, ['--format', 'json', '-'], { input: POD });
    assert.deepEqual(ruleIds(r.stdout), ['privileged-container:warning', 'host-namespace-sharing:warning']);
    assert.equal(r.status, 0);
  });

  it('layers defaults < configuration file < --rule flags', () => {
    const dir = tempDir({ '.cnf-lint.yaml': 'rules:\n  privileged-container: off\n  host-namespace-sharing: error\n', 'pod.yaml': POD });
    const r = runCli(dir, ['--format', 'json', '--rule', 'privileged-container=info', 'pod.yaml']);
    assert.deepEqual(ruleIds(r.stdout), ['privileged-container:info', 'host-namespace-sharing:error']);
    assert.equal(r.status, 1);
  });

  it('--config replaces the lookup', () => {
    const dir = tempDir({
      '.cnf-lint.yaml': 'rules:\n  privileged-container: off\n',
      'ci/strict.yaml': 'rules:\n  host-namespace-sharing: "off"\n',
      'pod.yaml': POD,
    });
    const r = runCli(dir, ['--format', 'json', '--config', 'ci/strict.yaml', 'pod.yaml']);
    assert.deepEqual(ruleIds(r.stdout), ['privileged-container:error']);
    assert.equal(r.status, 1);
  });

  it('a broken configuration file exits 2 with its first problem at path:line:col', () => {
    const dir = tempDir({ 'site/.cnf-lint.yaml': 'kubernetesVersion: "1.33"\nrules:\n  privileged-container: loud\n  no-such-rule: off\n', 'site/pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['site/pod.yaml']), {
      status: 2,
      stdout: '',
      stderr: 'cnf-lint: site/.cnf-lint.yaml:3:25: "rules.privileged-container" must be one of: off, error, warning, info\n',
    });
    const syntax = tempDir({ 'bad.yaml': 'rules: [\n', 'pod.yaml': POD });
    const r = runCli(syntax, ['--config', 'bad.yaml', 'pod.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^cnf-lint: bad\.yaml:\d+:\d+: YAML syntax: .+\n$/);
  });

  it('a broken configuration stops the run before any file is fixed', () => {
    const dir = tempDir({ 'a/pod.yaml': POD, 'b/.cnf-lint.yaml': 'enabled: true\n', 'b/pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['--fix', 'a', 'b']), { status: 2, stdout: '', stderr: 'cnf-lint: b/.cnf-lint.yaml:1:1: unknown key "enabled"\n' });
    assert.equal(readFileSync(join(dir, 'a/pod.yaml'), 'utf8'), POD);
  });

  it('a missing --config file exits 2', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['--config', 'nope.yaml', 'pod.yaml']), { status: 2, stdout: '', stderr: 'cnf-lint: no such configuration file: nope.yaml\n' });
  });
});
