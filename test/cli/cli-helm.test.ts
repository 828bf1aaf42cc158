// The built CLI on Helm charts: a chart directory, its templates whatever their extension, values.yaml and --values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GAP1_OFF, runCli, tempDir } from './cli-harness';

const CHART = {
  'charts/upf/Chart.yaml': 'apiVersion: v2\nname: upf\nversion: 0.1.0\n',
  'charts/upf/values.yaml': '# data plane\nhostNetwork: true\nimage: registry.example/upf:1.0\n',
  'charts/upf/templates/_helpers.tpl': '{{- define "upf.name" -}}{{ .Chart.Name }}-{{ .Release.Name }}{{- end }}\n',
  'charts/upf/templates/NOTES.txt': 'Installed {{ .Release.Name }}.\n',
  'charts/upf/templates/pod.tpl': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ include "upf.name" . }}\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n  containers:\n  - name: upf\n    image: {{ .Values.image }}\n',
};

const json = (stdout: string) => JSON.parse(stdout) as Array<{ file: string; ruleId: string; line: number; column: number; endColumn: number; related?: unknown }>;

describe('cnf-lint CLI: Helm charts', () => {
  it('lints a chart directory in place: a .tpl template is linted, helpers, NOTES.txt, Chart.yaml and values.yaml give nothing; the finding relates to values.yaml', () => {
    const dir = tempDir(CHART);
    const r = runCli(dir, ['--format', 'json', '--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF, 'charts']);
    const findings = json(r.stdout);
    assert.deepEqual(
      findings.map((f) => [f.file, f.ruleId, f.line, f.column, f.endColumn]),
      [['charts/upf/templates/pod.tpl', 'host-namespace-sharing', 6, 3, 41]],
    );
    assert.deepEqual(findings[0].related, [{ file: 'charts/upf/values.yaml', line: 2, column: 14 }]);
    assert.equal(r.status, 1);
  });

  it('--values overrides the defaults, later files winning, like helm -f', () => {
    const dir = tempDir({ ...CHART, 'prod.yaml': 'hostNetwork: false\n', 'lab.yaml': 'hostNetwork: true\n' });
    assert.deepEqual(json(runCli(dir, ['--format', 'json', '--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF, '--values', 'prod.yaml', 'charts']).stdout), []);
    const both = runCli(dir, ['--format', 'json', '--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF, '--values', 'prod.yaml', '--values', 'lab.yaml', 'charts']);
    assert.deepEqual(json(both.stdout).map((f) => f.ruleId), ['host-namespace-sharing']);
  });

  it('a subchart kept as a .tgz: one information on Chart.yaml naming it (its templates are not read)', () => {
    const dir = tempDir({ ...CHART, 'charts/upf/charts/mongodb-10.7.0.tgz': Buffer.from([0x1f, 0x8b, 0x08, 0x00]) });
    const r = runCli(dir, ['--format', 'json', '--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF, '--rule', 'host-namespace-sharing=off', 'charts']);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string; ruleId: string; message: string; line: number }) => [f.file, f.ruleId, f.line, f.message]), [
      ['charts/upf/Chart.yaml', 'file-not-linted', 1, 'The subchart charts/mongodb-10.7.0.tgz is packaged: cnf-lint does not read inside archives, so its templates are not linted. Unpack it into charts/ to lint them.'],
    ]);
    assert.equal(r.status, 0);
  });

  it('a values file that does not exist is a clear error (exit 2)', () => {
    const r = runCli(tempDir(CHART), ['--values', 'missing.yaml', 'charts']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no such file or directory: .*missing\.yaml/);
  });

  it('--fix leaves the template action alone (the fix of a value belongs in values.yaml, which the editor edits)', () => {
    const dir = tempDir(CHART);
    const r = runCli(dir, ['--fix', '--format', 'json', '--rule', 'user-namespace-not-enabled=off', ...GAP1_OFF, 'charts/upf/templates/pod.tpl']);
    assert.deepEqual(json(r.stdout).map((f) => f.ruleId), ['host-namespace-sharing']);
  });
});
