// Charts linted in place: findings on the template line, values.yaml related and fixed, unknown never read as absent.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/fixes/edits';
import { ChartLoader } from '../../../server/src/helm/chart';
import { diskChartFiles } from '../../../server/src/helm/disk-files';
import { lintSource, readSource } from '../../../server/src/linter/lint-source';
import { Finding } from '../../../server/src/linter/types';
import { LineIndex } from '../../../server/src/manifest/line-index';
import { defaultSettings, mergeSettings, Settings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { updateEntry } from '../../../server/src/workspace/index-entry';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

/** Writes a chart (path -> text) into a new folder and returns the folder. */
function chart(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-chart-'));
  for (const [path, text] of Object.entries({ 'Chart.yaml': 'apiVersion: v2\nname: upf\nversion: 0.1.0\nappVersion: "1.0"\n', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const ONLY = (...ids: string[]): Partial<Settings> => ({ rules: Object.fromEntries(RULES.filter((r) => !ids.includes(r.meta.id)).map((r) => [r.meta.id, 'off'])) });

/** Lints every template of the chart in one workspace, as the CLI does; findings of `file` as `line:col-line:col rule/message`. */
function lintChart(root: string, files: Record<string, string>, file: string, settings: Partial<Settings> = {}, valuesFiles: string[] = []) {
  const charts = new ChartLoader(diskChartFiles());
  const merged = mergeSettings(defaultSettings(), settings);
  const index = new WorkspaceIndex();
  for (const path of Object.keys(files)) {
    const text = files[path];
    const read = () => {
      const s = readSource(text, merged, { path: join(root, path), charts, valuesFiles });
      return { file: s.file, defaultNamespace: s.settings.defaultNamespace };
    };
    updateEntry(index, path, { byteLength: text.length, read }, merged);
  }
  const text = files[file];
  const result = lintSource(text, merged, RULES, { path: join(root, file), charts, valuesFiles }, { index, uri: file });
  assert.deepEqual(result.ruleErrors, []);
  const lines = new LineIndex(text);
  const at = (o: number) => `${lines.positionAt(o).line + 1}:${lines.positionAt(o).character + 1}`;
  return { result, text, summary: result.findings.map((f) => `${at(f.start)}-${at(f.end)} ${f.ruleId}/${f.messageId}`) };
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "upf.fullname" . }}
spec:
  template:
    metadata:
      labels:
        {{- include "upf.labels" . | nindent 8 }}
    spec:
      hostUsers: false
      containers:
      - name: upf
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
        securityContext:
          privileged: {{ .Values.privileged }}
          allowPrivilegeEscalation: false
      {{- if .Values.debug.enabled }}
      - name: debug
        image: busybox
        securityContext:
          privileged: true
      {{- end }}
`;
const HELPERS = `{{- define "upf.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "upf.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
`;
const VALUES = `image:
  repository: registry.example/upf
  tag: ""
# Privileged mode for the data plane.
privileged: true
debug:
  enabled: false
`;

describe('charts: findings on the template line', () => {
  const files = { 'templates/deployment.yaml': DEPLOYMENT, 'templates/_helpers.tpl': HELPERS, 'values.yaml': VALUES };
  const root = chart(files);

  it("a value from values.yaml: the finding sits on the action, relates to values.yaml, and the preferred fix edits values.yaml", () => {
    const { result, summary } = lintChart(root, files, 'templates/deployment.yaml', ONLY('privileged-container'));
    assert.deepEqual(summary, ['16:11-16:47 privileged-container/privileged']);
    const f = result.findings[0];
    assert.deepEqual(f.related, [{ file: join(root, 'values.yaml'), start: { line: 4, character: 12 }, end: { line: 4, character: 16 }, message: 'The value comes from privileged here.' }]);
    const fix = f.fixes.find((x) => x.preferred)!;
    const edits = fix.edits()!;
    assert.deepEqual(edits, [{ file: join(root, 'values.yaml'), start: VALUES.indexOf('true'), end: VALUES.indexOf('true') + 4, text: 'false' }]);
    assert.equal(applyEdits(VALUES, edits), VALUES.replace('privileged: true', 'privileged: false'));
  });

  it('a fix that edits values.yaml and literal template text: both files, re-rendered, parse and the finding is gone', () => {
    const { result, text } = lintChart(root, files, 'templates/deployment.yaml', ONLY('privileged-container'));
    const edits = result.findings[0].fixes.find((x) => x.id === 'leastPrivilege')!.edits()!;
    const values = applyEdits(VALUES, edits.filter((e) => e.file === join(root, 'values.yaml')));
    const template = applyEdits(text, edits.filter((e) => e.file === undefined));
    assert.equal(values, VALUES.replace('privileged: true', 'privileged: false'));
    assert.equal(template, DEPLOYMENT.replace('          allowPrivilegeEscalation: false\n', '          allowPrivilegeEscalation: false\n          capabilities:\n            drop:\n            - ALL\n'));
    const fixed = { ...files, 'templates/deployment.yaml': template, 'values.yaml': values };
    const after = lintChart(chart(fixed), fixed, 'templates/deployment.yaml', ONLY('privileged-container'));
    assert.deepEqual(after.summary, []);
    assert.deepEqual(readSource(template, defaultSettings(), { path: join(chart(fixed), 'templates/deployment.yaml'), charts: new ChartLoader(diskChartFiles()) }).notFollowed, undefined);
  });

  it('an if on a false value hides its block; true, the literal defect inside is found on its own line', () => {
    assert.deepEqual(lintChart(root, files, 'templates/deployment.yaml', ONLY('privileged-container')).summary.length, 1);
    const on = { ...files, 'values.yaml': VALUES.replace('enabled: false', 'enabled: true') };
    const root2 = chart(on);
    const { summary, result, text } = lintChart(root2, on, 'templates/deployment.yaml', ONLY('privileged-container'));
    assert.deepEqual(summary, ['16:11-16:47 privileged-container/privileged', '22:11-22:27 privileged-container/privileged']);
    const literal = result.findings[1].fixes.find((x) => x.preferred)!.edits()!;
    assert.deepEqual(literal, [{ start: text.indexOf('privileged: true') + 12, end: text.indexOf('privileged: true') + 16, text: 'false' }], 'a literal is fixed in the template');
    assert.equal(result.findings[1].related, undefined);
  });

  it('a values.yaml that does not parse says so where it is, with the parser position', () => {
    const broken = { ...files, 'values.yaml': 'privileged: true\nimage: [registry.example/upf\n' };
    assert.deepEqual(lintChart(chart(broken), broken, 'values.yaml').summary, ['3:1-3:1 yaml-syntax/syntax']);
  });

  it('values.yaml, Chart.yaml and helper files have no findings of their own', () => {
    for (const file of ['values.yaml', 'templates/_helpers.tpl', 'Chart.yaml']) {
      const text = file === 'Chart.yaml' ? 'apiVersion: v2\nname: upf\n' : files[file as keyof typeof files];
      assert.deepEqual(lintChart(root, { ...files, [file]: text }, file).summary, []);
    }
  });

  it('cnfLint.helm.valuesFiles: globs relative to the chart override the defaults; a pattern leaving the chart is ignored', () => {
    writeFileSync(join(root, 'values-prod.yaml'), 'privileged: false\n');
    writeFileSync(join(dirname(root), 'outside.yaml'), 'privileged: true\n');
    assert.deepEqual(lintChart(root, files, 'templates/deployment.yaml', { ...ONLY('privileged-container'), helm: { valuesFiles: ['values-*.yaml'] } }).summary, []);
    assert.deepEqual(lintChart(root, files, 'templates/deployment.yaml', { ...ONLY('privileged-container'), helm: { valuesFiles: ['values-*.yaml', '../outside.yaml'] } }).summary, []);
    assert.deepEqual(new ChartLoader(diskChartFiles()).valuesFiles(root, ['*.yaml']), [join(root, 'values-prod.yaml')], 'Chart.yaml and values.yaml are not values overrides');
  });

  it('--values overrides the defaults (later wins)', () => {
    const over = join(root, 'prod.yaml');
    writeFileSync(over, 'privileged: false\n');
    assert.deepEqual(lintChart(root, files, 'templates/deployment.yaml', ONLY('privileged-container'), [over]).summary, []);
  });
});

describe('charts: unknown is never absent', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  {{- include "upf.podSecurity" . | nindent 2 }}
  containers:
  - name: upf
    image: upf
    securityContext:
      privileged: true
`;
  const files = { 'templates/pod.yaml': POD, 'templates/_helpers.tpl': '{{- define "upf.podSecurity" -}}{{ tpl .Values.podSecurity . }}{{- end }}\n', 'values.yaml': 'podSecurity: "hostUsers: false"\n' };
  const root = chart(files);

  it('an include that cannot be evaluated may provide hostUsers: no user-namespace finding; the literal privileged: true beside it still is', () => {
    assert.deepEqual(lintChart(root, files, 'templates/pod.yaml', ONLY('privileged-container', 'user-namespace-not-enabled')).summary, ['11:7-11:23 privileged-container/privileged']);
  });

  it('without the unknown include, the same pod draws the user-namespace finding', () => {
    const known = { ...files, 'templates/pod.yaml': POD.replace('  {{- include "upf.podSecurity" . | nindent 2 }}\n', '') };
    assert.deepEqual(lintChart(chart(known), known, 'templates/pod.yaml', ONLY('user-namespace-not-enabled')).summary, ['5:1-5:5 user-namespace-not-enabled/mayRunAsRoot']);
  });

  it('a template whose rendered text does not parse: one information finding on line 1 naming the construct', () => {
    const broken = { ...files, 'templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n{{ .Files.Get "labels.yaml" }}\n  name: upf\n' };
    const { result, summary } = lintChart(chart(broken), broken, 'templates/pod.yaml');
    assert.deepEqual(summary, []);
    const notFollowed = lintChart(chart({ ...broken, 'templates/pod.yaml': 'kind: Pod\nmetadata: {name: x\n' }), { ...broken, 'templates/pod.yaml': 'kind: Pod\nmetadata: {name: x\n' }, 'templates/pod.yaml');
    assert.deepEqual(notFollowed.summary, ['1:1-1:1 file-not-linted/templateNotFollowed']);
    assert.match(notFollowed.result.findings[0].message, /^This template is not linted: its rendered YAML does not parse near line 2/);
    assert.deepEqual(result.findings, []);
  });
});

describe('charts: the release namespace and range', () => {
  const NADS = `{{- range $name, $net := .Values.networks }}
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: {{ $name }}
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "master": "{{ $net.master }}"}'
{{- end }}
`;
  const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vrouter
  namespace: {{ .Release.Namespace }}
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        devices:
          interfaces:
          - name: n3
            bridge: {}
          - name: n6
            bridge: {}
      networks:
      - name: n3
        multus: {networkName: n3-net}
      - name: n6
        multus: {networkName: n6-net}
`;
  const files = { 'templates/nads.yaml': NADS, 'templates/vm.yaml': VM, 'values.yaml': 'networks:\n  n3-net: {master: ens1}\n' };
  const root = chart(files);

  it('NADs made by range over values resolve a VM in {{ .Release.Namespace }} (and its bridge binding on macvlan is seen); a network values do not define is unresolved', () => {
    const { summary, result } = lintChart(root, files, 'templates/vm.yaml', ONLY('kubevirt-network-binding-invalid'));
    assert.deepEqual(summary, ['14:13-14:23 kubevirt-network-binding-invalid/bridgeOnMacvlanNad', '21:18-21:37 kubevirt-network-binding-invalid/nadUnresolved']);
    assert.match(result.findings[0].message, /n3-net/);
    assert.match(result.findings[1].message, /n6-net/);
  });

  it('a finding on text a range rendered names the iteration', () => {
    const nadFiles = { ...files, 'templates/nads.yaml': NADS.replace('"cniVersion": "1.0.0", ', '') };
    const { result } = lintChart(chart(nadFiles), nadFiles, 'templates/nads.yaml', ONLY('multus-annotation-malformed'));
    assert.deepEqual(result.findings, []);
    const pod = { ...files, 'templates/pod.yaml': '{{- range .Values.pods }}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .name }}\nspec:\n  containers:\n  - name: c\n    securityContext: {privileged: true}\n{{- end }}\n', 'values.yaml': 'pods:\n- name: a\n- name: b\n' };
    const out = lintChart(chart(pod), pod, 'templates/pod.yaml', ONLY('privileged-container'));
    assert.deepEqual(out.summary, ['10:23-10:39 privileged-container/privileged', '10:23-10:39 privileged-container/privileged']);
    assert.deepEqual(out.result.findings.map((f: Finding) => / \(in the range iteration (\d)\)$/.exec(f.message)?.[1]), ['0', '1']);
  });
});
