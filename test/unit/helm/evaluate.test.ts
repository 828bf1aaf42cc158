// The template evaluator: rendered text and the source map of every action, construct by construct.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Evaluator, Rendered } from '../../../server/src/helm/evaluate';
import { parseTemplate, TemplateSyntaxError } from '../../../server/src/helm/template-parse';
import { readValues, Unknown, Val } from '../../../server/src/helm/values';

/** Renders `src` with `values` (YAML) as .Values and named templates from `helpers`. */
function render(src: string, values = '', helpers = ''): Rendered {
  const defines = helpers ? parseTemplate(helpers).defines : new Map();
  const parsed = parseTemplate(src);
  const templates = new Map([...[...defines].map(([k, nodes]) => [k, { nodes, src: helpers }] as const), ...[...parsed.defines].map(([k, nodes]) => [k, { nodes, src }] as const)]);
  const root: Val = new Map<string, Val>([
    ['Values', readValues('values.yaml', values).values],
    ['Release', new Map<string, Val>([['Name', 'release-name'], ['Namespace', 'release-namespace']])],
    ['Chart', new Map<string, Val>([['Name', 'upf'], ['AppVersion', '1.2.0']])],
    ['Files', new Unknown('.Files')],
  ]);
  return new Evaluator(templates).render(src, parsed.nodes, root);
}

/** Every action's output, with the template text it maps to: `output <- {{ action }}`. */
function actions(src: string, r: Rendered): string[] {
  return r.segments.filter((s) => s.action).map((s) => `${JSON.stringify(r.text.slice(s.out, s.outEnd))} <- ${src.slice(s.src, s.srcEnd)}`);
}

/** Literal segments map character for character: each rendered literal equals its template text. */
function assertLiteralsExact(src: string, r: Rendered): void {
  for (const s of r.segments.filter((x) => !x.action)) assert.equal(r.text.slice(s.out, s.outEnd), src.slice(s.src, s.srcEnd));
  const covered = r.segments.reduce((n, s) => (assert.equal(s.out, n, 'segments cover the output in order'), s.outEnd), 0);
  assert.equal(covered, r.text.length);
}

describe('evaluate: text, trimming and comments', () => {
  it('trims white space as {{- and -}} do (the Go documentation example)', () => {
    const src = '"{{23 -}} < {{- 45}}"';
    const r = render(src);
    assert.equal(r.text, '"23<45"');
    assert.deepEqual(actions(src, r), ['"23" <- {{23 -}}', '"45" <- {{- 45}}']);
    assertLiteralsExact(src, r);
  });
  it('trims newlines and indentation around control lines; a comment prints nothing', () => {
    const src = 'a:\n  {{- /* a comment with {{ braces }} */}}\n  b: 1\n{{- if true }}\nc: 2\n{{- end }}\n';
    assert.equal(render(src).text, 'a:\n  b: 1\nc: 2\n');
  });
});

describe('evaluate: values and functions', () => {
  const values = 'image:\n  repository: registry.example/upf\n  tag: "1.0"\nreplicas: 2\nprivileged: true\nname: ""\n';
  it('.Values lookups print values, each traced to its values.yaml position', () => {
    const src = 'image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\nreplicas: {{ .Values.replicas }}\n';
    const r = render(src, values);
    assert.equal(r.text, 'image: registry.example/upf:1.0\nreplicas: 2\n');
    assert.deepEqual(actions(src, r), ['"registry.example/upf" <- {{ .Values.image.repository }}', '"1.0" <- {{ .Values.image.tag }}', '"2" <- {{ .Values.replicas }}']);
    assert.deepEqual(
      r.segments.filter((s) => s.origin).map((s) => [s.origin!.path.join('.'), values.slice(s.origin!.start, s.origin!.end)]),
      [
        ['image.repository', 'registry.example/upf'],
        ['image.tag', '"1.0"'],
        ['replicas', '2'],
      ],
    );
  });
  it('default, quote, squote, printf, trunc, trimSuffix, upper, and a missing value', () => {
    const src = '{{ .Values.name | default "upf" }} {{ .Values.missing | default 3 }} {{ quote .Values.image.tag }} {{ .Values.replicas | squote }} {{ printf "%s-%s" .Release.Name .Chart.Name | trunc 10 | trimSuffix "-" }} {{ upper "x" }} {{ .Values.missing }}';
    assert.equal(render(src, values).text, 'upf 3 "1.0" \'2\' release-na X <no value>');
  });
  it('default treats false as empty: `| default true` can never print false', () => {
    assert.equal(render('{{ .Values.off | default true }}', 'off: false\n').text, 'true');
  });
  it('toYaml with nindent and indent; toJson', () => {
    const src = 'sc:{{ toYaml .Values.sc | nindent 2 }}\nj: {{ toJson .Values.sc }}\nl:\n{{ .Values.list | toYaml | indent 2 }}';
    assert.equal(render(src, 'sc:\n  privileged: true\n  runAsUser: 0\nlist: [a, b]\n').text, 'sc:\n  privileged: true\n  runAsUser: 0\nj: {"privileged":true,"runAsUser":0}\nl:\n  - a\n  - b');
  });
  it('eq, ne, and, or, not, empty, hasKey, ternary, dict, list, index, omit, len', () => {
    const src = '{{ eq .Values.replicas 2 }} {{ ne 1 1 }} {{ and true .Values.name }}|{{ or .Values.name "x" }} {{ not .Values.privileged }} {{ empty .Values.name }} {{ hasKey .Values "image" }} {{ ternary "a" "b" false }} {{ (dict "k" "v").k }} {{ index (list 1 2 3) 1 }} {{ len (omit .Values.image "tag") }}';
    assert.equal(render(src, values).text, 'true false |x false true true b v 2 1');
  });
  it('functions it does not know, lookup and tpl are unknown: a scalar mark inline, a comment line where they start a line', () => {
    const src = 'a: {{ lookup "v1" "Secret" "ns" "s" }}\n{{ tpl "x" . }}\nb: {{ .Files.Get "x" }}\n';
    const r = render(src);
    assert.equal(r.text, 'a: x-cnf-lint-unknown-1\n# x-cnf-lint-unknown-2\nb: x-cnf-lint-unknown-3\n');
    assert.deepEqual(
      r.unknowns.map((u) => u.why),
      ['function "lookup"', 'function "tpl"', 'a method call'],
    );
  });
  it('an unknown block printed with nindent is a comment line at that indentation', () => {
    const r = render('metadata:\n  labels:{{ include "nowhere" . | nindent 4 }}\n');
    assert.equal(r.text, 'metadata:\n  labels:\n    # x-cnf-lint-unknown-1\n');
  });
});

describe('evaluate: control structures and variables', () => {
  it('if / else if / else with truthiness as Go defines it', () => {
    const src = '{{ if .Values.a }}A{{ else if .Values.b }}B{{ else }}C{{ end }}';
    assert.equal(render(src, 'a: 0\nb: []\n').text, 'C');
    assert.equal(render(src, 'a: ""\nb: [x]\n').text, 'B');
    assert.equal(render(src, 'a: {k: v}\n').text, 'A');
  });
  it('an if on an unknown condition is unknown where it stands: the indentation of its body', () => {
    const r = render('spec:\n{{- if .Files.Get "x" }}\n  hostNetwork: true\n{{- end }}\n');
    assert.equal(r.text, 'spec:\n  # x-cnf-lint-unknown-1\n');
  });
  it('with rebinds the dot; its else runs on an empty value', () => {
    assert.equal(render('{{ with .Values.sc }}{{ .user }}{{ else }}none{{ end }}', 'sc: {user: 7}\n').text, '7');
    assert.equal(render('{{ with .Values.sc }}{{ .user }}{{ else }}none{{ end }}', 'sc: {}\n').text, 'none');
  });
  it('range over a list and a map (keys sorted), with $i/$k and $v, naming each iteration in the map', () => {
    const src = '{{ range $i, $c := .Values.list }}{{ $i }}={{ $c }};{{ end }}{{ range $k, $v := .Values.map }}{{ $k }}={{ $v }};{{ end }}{{ range .Values.none }}x{{ else }}empty{{ end }}';
    const r = render(src, 'list: [a, b]\nmap: {z: 1, a: 2}\nnone: []\n');
    assert.equal(r.text, '0=a;1=b;a=2;z=1;empty');
    assert.deepEqual(
      r.segments.filter((s) => !s.action && r.text.slice(s.out, s.outEnd) === ';').map((s) => s.iteration),
      ['0', '1', 'a', 'z'],
    );
  });
  it('$ is the root inside range; variables are declared and assigned', () => {
    assert.equal(render('{{ $n := 1 }}{{ range .Values.l }}{{ $.Chart.Name }}{{ $n = 2 }}{{ end }}{{ $n }}', 'l: [x]\n').text, 'upf2');
  });
  it('define and include, template, with the dot passed', () => {
    const helpers = '{{- define "x.name" -}}{{ .Chart.Name }}-{{ .Release.Name }}{{- end }}{{ define "x.arg" }}[{{ . }}]{{ end }}';
    const src = 'name: {{ include "x.name" . }}\n{{ template "x.arg" "v" }}';
    const r = render(src, '', helpers);
    assert.equal(r.text, 'name: upf-release-name\n[v]');
    assert.deepEqual(actions(src, r), ['"upf-release-name" <- {{ include "x.name" . }}', '"[v]" <- {{ template "x.arg" "v" }}']);
  });
  it('break and continue in range', () => {
    assert.equal(render('{{ range .Values.l }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}', 'l: [1, 2, 3, 4, 5]\n').text, '13');
  });
});

describe('parse: templates that cannot be parsed', () => {
  const offsetOf = (src: string) => {
    try {
      parseTemplate(src);
      return undefined;
    } catch (e) {
      return e instanceof TemplateSyntaxError ? [e.message, e.offset] : undefined;
    }
  };
  it('an unclosed action, an if without end, an end without if, a bad pipeline: with where', () => {
    assert.deepEqual(offsetOf('a: {{ .Values.x'), ['unclosed action', 5]);
    assert.deepEqual(offsetOf('{{ if .a }}x'), ['{{ if }} without {{ end }}', 0]);
    assert.deepEqual(offsetOf('x{{ end }}'), ['unexpected {{ end }}', 1]);
    assert.deepEqual(offsetOf('{{ .a | }}'), ['missing command after "|"', 8]);
  });
});
