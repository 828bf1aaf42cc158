// The built CLI's --fix: files rewritten with minimal edits, stdin fixed to stdout, what remains reported.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN, GAP1_OFF, POD, runCli, tempDir } from './cli-harness';

/** POD with CRLF line ends, comments and a second container that stays as it is. */
const CRLF_POD = [
  '# UPF: user plane',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: upf # the user plane function',
  '  namespace: cnf',
  'spec:',
  '  hostUsers: false',
  '  containers:',
  '    - name: upf',
  '      securityContext:',
  '        privileged: yes   # needed for DPDK? no',
  '      ports:',
  '        - containerPort: 8805',
  '          hostPort: 8805',
  '          protocol: UDP',
  '    - name: sidecar',
  '      image: registry.example/sidecar:1.0',
  '',
].join('\r\n');

const lines = (text: string) => text.split('\r\n');

describe('cnf-lint CLI: --fix', () => {
  it('applies the preferred fixes, keeps every other line byte-identical, and exits 0 when nothing remains', () => {
    const dir = tempDir({ 'upf.yaml': CRLF_POD });
    const r = runCli(dir, ['--fix', 'upf.yaml', ...GAP1_OFF]);
    assert.deepEqual(r, { status: 0, stdout: '✔ 1 file, 0 documents skipped, 0 problems\n', stderr: 'cnf-lint: --fix: upf.yaml: 2 fixes applied\n' });
    const after = readFileSync(join(dir, 'upf.yaml'), 'utf8');
    const expected = lines(CRLF_POD);
    expected[11] = '        privileged: false   # needed for DPDK? no';
    expected.splice(14, 1);
    assert.equal(after, expected.join('\r\n'));
    const before = lines(CRLF_POD);
    const kept = before.filter((_l, i) => i !== 11 && i !== 14);
    assert.deepEqual(lines(after).filter((_l, i) => i !== 11), kept);
  });

  it('reports what remains and exits 1 when an error cannot be fixed', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: [a\nspec: {}\n';
    const dir = tempDir({ 'two.yaml': POD + '---\n' + broken });
    const r = runCli(dir, ['--fix', '--format', 'json', 'two.yaml']);
    assert.equal(r.status, 1);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Array<Record<string, unknown>>).map((f) => [f.ruleId, f.line, f.column]),
      [['yaml-syntax', 30, 1]],
    );
    const expected = POD.replace('privileged: true', 'privileged: false').replace('          hostPort: 8805\n', '') + '---\n' + broken;
    assert.equal(readFileSync(join(dir, 'two.yaml'), 'utf8'), expected);
  });

  it('leaves a file with nothing to fix untouched, byte for byte and unwritten', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN)]);
    const dir = tempDir({ 'clean.yaml': withBom });
    const mtime = statSync(join(dir, 'clean.yaml')).mtimeMs;
    assert.deepEqual(runCli(dir, ['--fix', 'clean.yaml']), { status: 0, stdout: '✔ 1 file, 0 documents skipped, 0 problems\n', stderr: '' });
    assert.deepEqual(readFileSync(join(dir, 'clean.yaml')), withBom);
    assert.equal(statSync(join(dir, 'clean.yaml')).mtimeMs, mtime);
  });

  it('keeps a byte-order mark when it rewrites a file', () => {
    const dir = tempDir({ 'pod.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD)]) });
    assert.equal(runCli(dir, ['--fix', 'pod.yaml']).status, 0);
    const expected = POD.replace('privileged: true', 'privileged: false').replace('          hostPort: 8805\n', '');
    assert.deepEqual(readFileSync(join(dir, 'pod.yaml')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected)]));
  });

  it('with - prints the fixed text instead of a report; the status reflects what remains', () => {
    const dir = tempDir();
    const r = runCli(dir, ['--fix', '-'], { input: POD });
    assert.deepEqual(r, { status: 0, stdout: POD.replace('privileged: true', 'privileged: false').replace('          hostPort: 8805\n', ''), stderr: 'cnf-lint: --fix: <stdin>: 2 fixes applied\n' });
    const broken = 'kind: Pod\nspec: [\n';
    assert.deepEqual(runCli(dir, ['--fix', '-'], { input: broken }), { status: 1, stdout: broken, stderr: '' });
    assert.deepEqual(runCli(dir, ['--fix', '-', 'pod.yaml']), {
      status: 2,
      stdout: '',
      stderr: 'cnf-lint: --fix with - (standard input) takes no other paths: the fixed text is printed\n',
    });
  });

  it('does not fix a rule turned off', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const r = runCli(dir, ['--fix', '--rule', 'host-namespace-sharing=off', 'pod.yaml']);
    assert.equal(r.status, 0);
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), POD.replace('privileged: true', 'privileged: false'));
  });

  it('a document nested 10,000 levels deep is a syntax error, and the file is parsed again for --fix without a crash', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000) + '\n';
    const dir = tempDir({ 'deep.yaml': deep, 'pod.yaml': POD });
    const r = runCli(dir, ['--fix', '--format', 'json', 'deep.yaml', 'pod.yaml']);
    assert.equal(r.stderr, 'cnf-lint: --fix: pod.yaml: 2 fixes applied\ncnf-lint: 2 files, 1 document skipped, 1 problem (1 error, 0 warnings, 0 info)\n');
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string; ruleId: string; message: string; column: number }) => [f.file, f.ruleId, f.message, f.column]), [
      ['deep.yaml', 'yaml-syntax', 'Collections nest more than 256 levels deep: the document is not read', 257],
    ]);
    assert.equal(r.status, 1);
    assert.equal(readFileSync(join(dir, 'deep.yaml'), 'utf8'), deep);
  });
});
