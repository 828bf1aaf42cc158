// The configuration reader: valid files give settings; invalid ones give problems at the offending key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigReader } from '../../../server/src/config/config-file';
import { spanOf } from '../rule-tester';

const read = (text: string) => {
  const r = new ConfigReader().read(text);
  return { settings: r.settings, problems: r.problems.map((p) => ({ message: p.message, ruleId: p.ruleId, severity: p.severity, ...spanOf(text, p) })) };
};

describe('config file', () => {
  it('reads valid keys', () => {
    const r = read('kubernetesVersion: "1.34"\nrules:\n  privileged-container: warning\nmultus:\n  globalNamespaces: [infra]\n');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.settings, { kubernetesVersion: '1.34', rules: { 'privileged-container': 'warning' }, multus: { globalNamespaces: ['infra'] } });
  });
  it('an empty file sets nothing', () => {
    assert.deepEqual(read('# nothing yet\n'), { settings: {}, problems: [] });
  });
  it('reports an unknown rule id on its key, keeps the other rules', () => {
    const text = 'rules:\n  privileged-container: off\n  privileged-containers: error\n';
    const r = read(text);
    assert.deepEqual(r.problems, [{ message: 'unknown rule id "privileged-containers" in "rules"', ruleId: 'config-invalid', severity: 'error', line: 3, column: 3, endLine: 3, endColumn: 24 }]);
    assert.deepEqual(r.settings, { rules: { 'privileged-container': 'off' } });
  });
  it('reports a bad level on the value', () => {
    const r = read('rules:\n  privileged-container: loud\n');
    assert.deepEqual(r.problems, [{ message: '"rules.privileged-container" must be one of: off, error, warning, info', ruleId: 'config-invalid', severity: 'error', line: 2, column: 25, endLine: 2, endColumn: 29 }]);
    assert.deepEqual(r.settings, { rules: {} });
  });
  it('reports an unknown top-level key and a wrong type', () => {
    const r = read('kubernetesVersion: 1.33\nenabled: true\n');
    assert.deepEqual(r.problems, [
      { message: '"kubernetesVersion" must be a string', ruleId: 'config-invalid', severity: 'error', line: 1, column: 20, endLine: 1, endColumn: 24 },
      { message: 'unknown key "enabled"', ruleId: 'config-invalid', severity: 'error', line: 2, column: 1, endLine: 2, endColumn: 8 },
    ]);
    assert.deepEqual(r.settings, {});
  });
  it('reports YAML syntax errors and sets nothing', () => {
    const r = read('rules: [\n');
    assert.equal(r.problems.length > 0, true);
    assert.match(r.problems[0].message, /^YAML syntax: /);
    assert.deepEqual(r.settings, {});
  });
  it('reports a key set twice, on the repeated key, and sets nothing', () => {
    const r = read('profile: basic\nprofile: high-performance\n');
    assert.deepEqual(r.problems, [{ message: 'profile is set twice in this map', ruleId: 'config-invalid', severity: 'error', line: 2, column: 1, endLine: 2, endColumn: 8 }]);
    assert.deepEqual(r.settings, {});
  });
  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) bomb.push(`${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill('*' + 'abcdefghij'[i]).join(', ')}]`);
    const r = read(bomb.join('\n') + '\n');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /cannot read the configuration|unknown key/);
  });
});
