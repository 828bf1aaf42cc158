// The built CLI's SARIF: valid against the SARIF 2.1.0 schema, rules with help, results with fixes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { version } from '../../package.json';
// The SARIF 2.1.0 schema (rtm.5, draft-04), as @microsoft/jest-sarif ships it.
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { ENGINE_RULES } from '../../server/src/linter/engine-rules';
import { ruleDocUrl } from '../../server/src/protocol/constants';
import { RULES } from '../../server/src/rules/index';
import { GAP1_OFF, HOST_PORT_MESSAGE, POD, PRIVILEGED_MESSAGE, runCli, tempDir } from './cli-harness';

// unicodeRegExp off: the schema's language-tag pattern has a lone ']' that the 'u' flag rejects.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);

/** Asserts a SARIF log matches the schema and returns it. */
function validSarif(stdout: string) {
  const log = JSON.parse(stdout);
  const ok = validate(log);
  assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
  return log;
}

const at = (uri: string) => ({ uri, uriBaseId: '%SRCROOT%' });

describe('cnf-lint CLI: --format sarif', () => {
  it('a chart finding from values.yaml: a related location in values.yaml, and a fix that changes values.yaml', () => {
    const dir = tempDir({
      'upf/Chart.yaml': 'apiVersion: v2\nname: upf\nversion: 0.1.0\n',
      'upf/values.yaml': 'privileged: true\n',
      'upf/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n  hostUsers: false\n  containers:\n  - name: upf\n    securityContext:\n      privileged: {{ .Values.privileged }}\n',
    });
    const r = runCli(dir, ['--format', 'sarif', '--rule', 'user-namespace-volume-incompatible=off', ...GAP1_OFF, 'upf']);
    const results = validSarif(r.stdout).runs[0].results;
    assert.deepEqual(
      results.map((x: { ruleId: string }) => x.ruleId),
      ['privileged-container'],
    );
    assert.deepEqual(results[0].relatedLocations, [
      { id: 0, physicalLocation: { artifactLocation: at('upf/values.yaml'), region: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 17 } }, message: { text: 'The value comes from privileged here.' } },
    ]);
    assert.deepEqual(results[0].fixes[0].artifactChanges, [
      { artifactLocation: at('upf/values.yaml'), replacements: [{ deletedRegion: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 17 }, insertedContent: { text: 'false' } }] },
    ]);
  });

  it('writes a valid SARIF 2.1.0 log: one run, the tool and its rules, results with locations and preferred fixes', () => {
    const dir = tempDir({ 'deploy/pod.yaml': POD });
    const r = runCli(dir, ['--format', 'sarif', 'deploy']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'cnf-lint: 1 file, 0 documents skipped, 2 problems (1 error, 1 warning, 0 info)\n', 'what was linted, on stderr: stdout is the log');
    const log = validSarif(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
    const driver = run.tool.driver;
    assert.equal(driver.name, 'cnf-lint');
    assert.equal(driver.version, version);
    const expectedIds = [...RULES.map((x) => x.meta.id), ...ENGINE_RULES.map((m) => m.id)];
    assert.deepEqual(driver.rules.map((x: { id: string }) => x.id), expectedIds);
    const privileged = driver.rules.find((x: { id: string }) => x.id === 'privileged-container');
    const meta = RULES.find((x) => x.meta.id === 'privileged-container')!.meta;
    assert.deepEqual(privileged, {
      id: 'privileged-container',
      name: 'PrivilegedContainer',
      shortDescription: { text: 'Privileged container' },
      fullDescription: { text: meta.rationale },
      help: { text: `${meta.rationale}\n\n${ruleDocUrl(meta.id)}`, markdown: `${meta.rationale}\n\n[privileged-container](${ruleDocUrl(meta.id)})` },
      helpUri: 'https://github.com/cnf-lint/cnf-lint/blob/main/docs/rules/privileged-container.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['ra2-gap-8', 'ra2.app.041', 'sec.sys.021'], precision: 'very-high' },
    });
    const fileNotLinted = driver.rules.find((x: { id: string }) => x.id === 'file-not-linted');
    assert.equal(fileNotLinted.defaultConfiguration.level, 'note');
    assert.deepEqual(fileNotLinted.properties.tags, []);

    for (const result of run.results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    const loc = (startLine: number, startColumn: number, endLine: number, endColumn: number) => [
      { physicalLocation: { artifactLocation: at('deploy/pod.yaml'), region: { startLine, startColumn, endLine, endColumn } } },
    ];
    const fix = (text: string, deletedRegion: object, inserted: string) => [
      { description: { text }, artifactChanges: [{ artifactLocation: at('deploy/pod.yaml'), replacements: [{ deletedRegion, insertedContent: { text: inserted } }] }] },
    ];
    assert.deepEqual(
      run.results.map((x: { ruleIndex?: number }) => ({ ...x, ruleIndex: undefined })),
      [
        {
          ruleId: 'privileged-container',
          ruleIndex: undefined,
          level: 'error',
          message: { text: PRIVILEGED_MESSAGE },
          locations: loc(12, 9, 12, 25),
          fixes: fix('Set privileged: false', { startLine: 12, startColumn: 21, endLine: 12, endColumn: 25 }, 'false'),
        },
        {
          ruleId: 'host-namespace-sharing',
          ruleIndex: undefined,
          level: 'warning',
          message: { text: HOST_PORT_MESSAGE },
          locations: loc(15, 11, 15, 25),
          fixes: fix('Remove hostPort 8805', { startLine: 15, startColumn: 1, endLine: 16, endColumn: 1 }, ''),
        },
      ],
    );
  });

  it('maps info to note, and writes a valid log for a clean run and for standard input', () => {
    const dir = tempDir({ 'chart.yaml': 'metadata:\n  name: "{{ .Values.name }}\n' });
    const r = runCli(dir, ['--format', 'sarif', '--rule', 'host-namespace-sharing=info', 'chart.yaml', '-'], { input: POD });
    assert.equal(r.status, 1);
    const results = validSarif(r.stdout).runs[0].results;
    assert.deepEqual(
      results.map((x: { ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: object } }> }) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation]),
      [
        ['file-not-linted', 'note', at('chart.yaml')],
        ['privileged-container', 'error', { uri: '%3Cstdin%3E' }],
        ['host-namespace-sharing', 'note', { uri: '%3Cstdin%3E' }],
      ],
    );
    const clean = runCli(dir, ['--format', 'sarif', '--rule', 'file-not-linted=off', 'chart.yaml']);
    assert.equal(clean.status, 0);
    assert.deepEqual(validSarif(clean.stdout).runs[0].results, []);
  });

  it('gives a file outside the working folder an absolute file URI', () => {
    const dir = tempDir({ 'pod.yaml': POD, 'sub/keep': '' });
    const r = runCli(join(dir, 'sub'), ['--format', 'sarif', '../pod.yaml']);
    const results = validSarif(r.stdout).runs[0].results;
    assert.deepEqual(results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(dir, 'pod.yaml')).href });
  });

  it('the schema check can fail: a log without a version is rejected', () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const log = JSON.parse(runCli(dir, ['--format', 'sarif', 'pod.yaml']).stdout);
    delete log.version;
    assert.equal(validate(log), false);
  });
});
