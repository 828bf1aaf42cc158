// The built CLI as a user runs it: formats, exit statuses, options, stdin, directories, odd inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { version } from '../../package.json';
import { useColor } from '../../server/src/cli/format-stylish';
import { CLEAN, HOST_PORT_MESSAGE, HOST_PORT_ONLY, POD, podFindings, PRIVILEGED_MESSAGE, runCli, tempDir } from './cli-harness';

const json = (stdout: string) => JSON.parse(stdout) as Array<Record<string, unknown>>;

describe('cnf-lint CLI: formats', () => {
  it('json: one array, one exact object per finding, in file order', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const r = runCli(dir, ['--format', 'json', 'pod.yaml']);
    assert.equal(r.stderr, 'cnf-lint: 1 file, 0 documents skipped, 2 problems (1 error, 1 warning, 0 info)\n', 'what was linted, on stderr: stdout is the data');
    assert.deepEqual(JSON.parse(r.stdout), podFindings('pod.yaml'));
    assert.equal(r.status, 1);
  });

  it('json: an empty array when nothing is found, exit 0', () => {
    const dir = tempDir({ 'clean.yaml': CLEAN });
    const r = runCli(dir, ['--format=json', 'clean.yaml']);
    assert.deepEqual({ status: r.status, stdout: r.stdout, stderr: r.stderr }, { status: 0, stdout: '[]\n', stderr: 'cnf-lint: 1 file, 0 documents skipped, 0 problems\n' });
  });

  it('stylish: grouped by file, aligned columns, a summary, no colors with NO_COLOR', () => {
    const dir = tempDir({ 'pod.yaml': POD, 'clean.yaml': CLEAN, 'amf.yaml': HOST_PORT_ONLY });
    const r = runCli(dir, ['pod.yaml', 'clean.yaml', 'amf.yaml']);
    const amfMessage = HOST_PORT_MESSAGE.replace("'upf'", "'amf'").replace('8805', '38412');
    assert.equal(
      r.stdout,
      [
        'pod.yaml',
        `  12:9   error    ${PRIVILEGED_MESSAGE}  privileged-container`,
        `  15:11  warning  ${HOST_PORT_MESSAGE}  host-namespace-sharing`,
        '',
        'amf.yaml',
        `  11:11  warning  ${amfMessage}  host-namespace-sharing`,
        '',
        '2 problems fixable with --fix',
        '✖ 3 files, 0 documents skipped, 3 problems (1 error, 2 warnings, 0 info)',
        '',
      ].join('\n'),
    );
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
  });

  it('stylish: for clean files, only the line that says what was linted', () => {
    const dir = tempDir({ 'clean.yaml': CLEAN });
    assert.deepEqual(runCli(dir, ['clean.yaml']), { status: 0, stdout: '✔ 1 file, 0 documents skipped, 0 problems\n', stderr: '' });
  });

  it('colors only on a terminal and never with NO_COLOR', () => {
    assert.equal(useColor(true, {}), true);
    assert.equal(useColor(true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(true, { NO_COLOR: '' }), true);
    assert.equal(useColor(false, {}), false);
    assert.equal(useColor(undefined, {}), false);
  });
});

describe('cnf-lint CLI: exit statuses and options', () => {
  it('--max-warnings: more warnings than allowed exit 1, as many exit 0', () => {
    const dir = tempDir({ 'amf.yaml': HOST_PORT_ONLY });
    assert.equal(runCli(dir, ['amf.yaml']).status, 0);
    assert.equal(runCli(dir, ['--max-warnings', '1', 'amf.yaml']).status, 0);
    const over = runCli(dir, ['--max-warnings', '0', '--format', 'json', 'amf.yaml']);
    assert.equal(over.status, 1);
    assert.deepEqual(json(over.stdout).map((f) => f.ruleId), ['host-namespace-sharing']);
    const bad = runCli(dir, ['--max-warnings', 'many', 'amf.yaml']);
    assert.deepEqual(bad, { status: 2, stdout: '', stderr: 'cnf-lint: --max-warnings takes a whole number, got "many"\n' });
  });

  it('--rule privileged-container=off leaves the warning, exit 0; a later flag wins', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const r = runCli(dir, ['--rule', 'privileged-container=off', '--format', 'json', 'pod.yaml']);
    assert.deepEqual(JSON.parse(r.stdout), [podFindings('pod.yaml')[1]]);
    assert.equal(r.status, 0);
    const both = runCli(dir, ['--rule', 'privileged-container=off', '--rule=privileged-container=warning', '--format', 'json', 'pod.yaml']);
    assert.deepEqual(json(both.stdout).map((f) => [f.ruleId, f.severity]), [['privileged-container', 'warning'], ['host-namespace-sharing', 'warning']]);
    assert.equal(both.status, 0);
  });

  it('a bad --rule is a usage error: unknown id, bad severity, missing severity', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['--rule', 'privileged=off', 'pod.yaml']), { status: 2, stdout: '', stderr: 'cnf-lint: unknown rule id "privileged" in --rule\n' });
    assert.deepEqual(runCli(dir, ['--rule', 'privileged-container=loud', 'pod.yaml']), {
      status: 2,
      stdout: '',
      stderr: 'cnf-lint: bad severity "loud" for privileged-container in --rule: use off, error, warning, info\n',
    });
    assert.deepEqual(runCli(dir, ['pod.yaml', '--rule']), { status: 2, stdout: '', stderr: 'cnf-lint: option --rule needs a value\n' });
  });

  it('usage errors exit 2 with one line on stderr', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['--bogus', 'pod.yaml']), { status: 2, stdout: '', stderr: 'cnf-lint: unknown option --bogus (see --help)\n' });
    assert.deepEqual(runCli(dir, ['--format', 'xml', 'pod.yaml']), { status: 2, stdout: '', stderr: 'cnf-lint: unknown format "xml": use stylish, compact, json, sarif\n' });
    assert.deepEqual(runCli(dir, []), { status: 2, stdout: '', stderr: 'cnf-lint: no input: give files, directories, or - for standard input (see --help)\n' });
  });

  it('--help and --version', () => {
    const dir = tempDir();
    const help = runCli(dir, ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cnf-lint \[options\] \[file \| directory \| -\]\.\.\./);
    assert.match(help.stdout, /--max-warnings N/);
    assert.deepEqual(runCli(dir, ['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('a missing file exits 2 with its name, and nothing else is reported', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    assert.deepEqual(runCli(dir, ['pod.yaml', 'missing.yaml']), { status: 2, stdout: '', stderr: 'cnf-lint: no such file or directory: missing.yaml\n' });
  });
});

describe('cnf-lint CLI: inputs', () => {
  it('- reads standard input, reported as <stdin>', () => {
    const dir = tempDir();
    const r = runCli(dir, ['--format', 'json', '-'], { input: POD });
    assert.deepEqual(JSON.parse(r.stdout), podFindings('<stdin>'));
    assert.equal(r.status, 1);
  });

  it('walks directories for *.yaml and *.yml in name order, skipping node_modules, .git and other files', () => {
    const dir = tempDir({
      'manifests/b.yml': POD,
      'manifests/a.yaml': POD,
      'manifests/z/c.yaml': POD,
      'manifests/Z.YAML': POD,
      'manifests/notes.txt': POD,
      'manifests/node_modules/dep/x.yaml': POD,
      'manifests/.git/y.yaml': POD,
    });
    const r = runCli(dir, ['--format', 'json', 'manifests', './manifests/a.yaml']);
    const files = [...new Set(json(r.stdout).map((f) => f.file))];
    assert.deepEqual(files, ['manifests/Z.YAML', 'manifests/a.yaml', 'manifests/b.yml', 'manifests/z/c.yaml']);
    assert.equal(json(r.stdout).length, 8);
    assert.equal(r.status, 1);
  });

  it('a template outside a chart is linted with its expressions unknown: a literal defect is found, nothing the unknown part could decide', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers:\n  - name: upf\n    image: {{ .Values.image }}\n    securityContext:\n      privileged: true\n';
    const dir = tempDir({ 'pod.yaml': pod });
    const r = runCli(dir, ['--format', 'json', 'pod.yaml']);
    assert.deepEqual(
      JSON.parse(r.stdout).map((f: { ruleId: string; line: number; column: number; endColumn: number }) => [f.ruleId, f.line, f.column, f.endColumn]),
      [['privileged-container', 10, 7, 23]],
    );
    assert.equal(r.status, 1);
  });

  it('a template that cannot be followed gets one information finding on line 1 and exit 0', () => {
    const dir = tempDir({ 'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Values.name }}\n' });
    const r = runCli(dir, ['--format', 'json', 'broken.yaml']);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'broken.yaml',
        ruleId: 'file-not-linted',
        severity: 'info',
        message: 'This template is not linted: its rendered YAML does not parse near line 4 (Missing closing "quote).',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        fixes: [],
      },
    ]);
    assert.equal(r.status, 0);
  });

  it('a file that is not UTF-8 is skipped with a clear message at the first bad byte', () => {
    const dir = tempDir({ 'blob.yaml': Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x0a, 0x20, 0xff, 0xfe, 0x00, 0x01]) });
    const r = runCli(dir, ['blob.yaml']);
    assert.equal(r.stdout, 'blob.yaml\n  2:2  info     This file is binary or not valid UTF-8: not linted.  file-not-linted\n\n✖ 1 file, 1 document skipped, 1 problem (0 errors, 0 warnings, 1 info)\n');
    assert.equal(r.status, 0);
  });

  it('a file over maxFileSize gets one information finding and is not parsed', () => {
    const dir = tempDir({ '.cnf-lint.yaml': 'maxFileSize: 100\n', 'pod.yaml': POD + '# ' + '['.repeat(200) + '\n' });
    const r = runCli(dir, ['--format', 'json', 'pod.yaml']);
    const size = Buffer.byteLength(POD) + 203;
    assert.deepEqual(json(r.stdout).map((f) => [f.ruleId, f.message, f.line, f.column]), [
      ['file-not-linted', `This file is ${size} bytes, over the cnfLint.maxFileSize limit of 100 bytes: not linted.`, 1, 1],
    ]);
    assert.equal(r.status, 0);
  });

  it('a syntax error in one document is reported there; the other documents are still linted', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: [a\nspec: {}\n';
    const dir = tempDir({ 'two.yaml': POD + '---\n' + broken });
    const r = runCli(dir, ['--format', 'json', 'two.yaml']);
    const found = json(r.stdout).map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn]);
    assert.deepEqual(found, [
      ['privileged-container', 'error', 12, 9, 12, 25],
      ['host-namespace-sharing', 'warning', 15, 11, 15, 25],
      ['yaml-syntax', 'error', 31, 1, 31, 2],
    ]);
    assert.equal(r.status, 1);
  });
});
