// A 200-template chart: linting it in place against the same chart rendered once, and edits on one of its templates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChartLoader } from '../server/src/helm/chart';
import { diskChartFiles } from '../server/src/helm/disk-files';
import { lint } from '../server/src/linter/lint';
import { LintCache } from '../server/src/linter/lint-cache';
import { lintSource, readSource } from '../server/src/linter/lint-source';
import { ParseCache, parseFile } from '../server/src/manifest/parse';
import { defaultSettings } from '../server/src/protocol/settings';
import { RULES } from '../server/src/rules/index';
import { median, ms, p95, Table } from './aims';
import { best } from './growth';

const TEMPLATES = 200;

/** A template of the chart: a Deployment with helpers, values, nindent, with/range over values. */
function template(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "cnf.fullname" . }}-nf${i}
  labels:
    {{- include "cnf.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    metadata:
      labels:
        {{- include "cnf.labels" . | nindent 8 }}
      annotations:
        k8s.v1.cni.cncf.io/networks: {{ .Values.network | quote }}
    spec:
      hostUsers: false
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
      {{- range $c := .Values.containers }}
      - name: {{ $c.name }}-${i}
        image: "{{ $.Values.image.repository }}:{{ $.Values.image.tag | default $.Chart.AppVersion }}"
        securityContext:
          privileged: {{ $c.privileged }}
        resources:
          {{- toYaml $c.resources | nindent 10 }}
      {{- end }}
`;
}

const VALUES = `replicas: 2
network: n3-net
image:
  repository: registry.example.com/5gc/nf
  tag: ""
nodeSelector:
  kubernetes.io/os: linux
containers:
  - name: dp
    privileged: true
    resources:
      requests: {cpu: 1500m, memory: 1Gi, hugepages-1Gi: 2Gi}
      limits: {cpu: 2, memory: 2Gi, hugepages-1Gi: 2Gi}
  - name: ctl
    privileged: false
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {cpu: 100m, memory: 128Mi}
`;

const HELPERS = `{{- define "cnf.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "cnf.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
`;

/** Writes the chart into `dir`; returns the template paths. */
function writeChart(dir: string): string[] {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: cnf\nversion: 0.1.0\nappVersion: "1.0"\n');
  writeFileSync(join(dir, 'values.yaml'), VALUES);
  writeFileSync(join(dir, 'templates', '_helpers.tpl'), HELPERS);
  return Array.from({ length: TEMPLATES }, (_, i) => {
    const path = join(dir, 'templates', `nf${i}.yaml`);
    writeFileSync(path, template(i));
    return path;
  });
}

/** The chart linted in place against its rendered output linted as one file; edits on one template against edits on its rendered text. */
export function chartPart(table: Table, dir: string): void {
  console.log(`\nHelm: a ${TEMPLATES}-template chart, in process`);
  const paths = writeChart(join(dir, 'chart'));
  const settings = defaultSettings();
  const texts = paths.map((p) => template(paths.indexOf(p)));
  const inPlace = best(3, () => {
    const charts = new ChartLoader(diskChartFiles());
    for (const [i, path] of paths.entries()) lintSource(texts[i], settings, RULES, { path, charts });
  });
  const charts = new ChartLoader(diskChartFiles());
  const rendered = paths.map((path, i) => readSource(texts[i], settings, { path, charts }).rendered!.text).join('---\n');
  const once = best(3, () => lint(parseFile(rendered), settings, RULES));
  table.add({ case: `Helm: lint a ${TEMPLATES}-template chart in place, against its rendered output linted as one file`, figure: ms(inPlace), against: ms(once), ratio: inPlace / once, limit: 3 });

  // Edits: the same literal change, 60 times, on one template (with the open document's caches) and on its rendered text.
  const path = paths[0];
  const caches = { parse: new ParseCache(), lint: new LintCache() };
  const plain = { parse: new ParseCache(), lint: new LintCache() };
  const renderedOne = readSource(texts[0], settings, { path, charts }).rendered!.text;
  const onTemplate: number[] = [];
  const onRendered: number[] = [];
  for (let k = 0; k < 60; k++) {
    const t = texts[0].replace('replicas: {{ .Values.replicas }}', `replicas: {{ .Values.replicas }}\n  minReadySeconds: ${k}`);
    let s = performance.now();
    lintSource(t, settings, RULES, { path, charts, caches });
    onTemplate.push(performance.now() - s);
    const r = renderedOne.replace('replicas: 2', `replicas: 2\n  minReadySeconds: ${k}`);
    s = performance.now();
    lint(parseFile(r, plain.parse), settings, RULES, plain.lint);
    onRendered.push(performance.now() - s);
  }
  table.add({ case: 'Helm: edit p95 on a template of the chart, against the same edit on its rendered text as a plain file', figure: `${ms(p95(onTemplate))} (median ${ms(median(onTemplate))})`, against: ms(p95(onRendered)), ratio: p95(onTemplate) / p95(onRendered), limit: 1.5 });
}
