// Snippets: each expands (placeholders at their defaults, every choice tried) to YAML that parses and draws no finding of its rules.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ChartLoader } from '../../server/src/helm/chart';
import { diskChartFiles } from '../../server/src/helm/disk-files';
import { lint } from '../../server/src/linter/lint';
import { lintSource, readSource } from '../../server/src/linter/lint-source';
import { objectsOf } from '../../server/src/manifest/objects';
import { parseFile } from '../../server/src/manifest/parse';
import { defaultSettings } from '../../server/src/protocol/settings';
import { RULES } from '../../server/src/rules/index';
import { summarizeObjects } from '../../server/src/workspace/summarize';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** The snippets RULES.md promises, by the gap whose rules they serve; required once a rule of the gap ships. */
const SNIPPETS_BY_GAP: Record<number, string[]> = {
  8: ['cnf-securitycontext-least-privilege', 'cnf-pod-userns', 'cnf-helm-securitycontext'],
  7: ['cnf-pod-numa-guaranteed'],
  // Issue 5 (gap 3) ships the NAD snippets with its rules; gap 4's rules check them again once they ship.
  3: ['cnf-deployment-multus', 'cnf-multinetworkpolicy', 'cnf-nad-macvlan-whereabouts', 'cnf-nad-ipvlan', 'cnf-nad-sriov', 'cnf-nad-host-device', 'cnf-nad-bridge'],
  4: ['cnf-nad-macvlan-whereabouts', 'cnf-nad-ipvlan', 'cnf-nad-sriov', 'cnf-nad-host-device', 'cnf-nad-bridge', 'cnf-nad-macvlan-vrf'],
  6: ['cnf-nad-macvlan-vrf'],
  1: ['cnf-networkpolicy-default-deny', 'cnf-namespace-tenant'],
  2: ['cnf-kubevirt-vm-vnf'],
};

/** The gap whose rules a snippet must satisfy besides gap 8 (every snippet is checked against gap 8). */
function gapsOf(prefix: string): number[] {
  const own = Object.entries(SNIPPETS_BY_GAP).filter(([, list]) => list.includes(prefix)).map(([gap]) => Number(gap));
  return [...new Set([8, ...own])];
}

/**
 * Expands a snippet body as VS Code would with every placeholder left at its default: `${1:x}` -> x,
 * `${1|a,b|}` -> the choice picked in `choices` (the first by default), `$1` / `${1}` -> the value of
 * tab stop 1, variables -> their default or nothing, `\$` `\}` `\\` unescaped.
 */
function expandSnippet(body: string | string[], choices: Record<number, number> = {}): string {
  let text = Array.isArray(body) ? body.join('\n') : body;
  const values = new Map<string, string>();
  const inner = /\$\{(\d+|[A-Za-z_]+)(?::((?:\\.|[^$}\\])*)|\|((?:\\.|[^|\\])*)\|)?\}/;
  for (let m = inner.exec(text); m; m = inner.exec(text)) {
    const [whole, name, placeholder, choice] = m;
    let value = placeholder ?? '';
    if (choice !== undefined) value = choice.split(',')[choices[Number(name)] ?? 0] ?? '';
    if (!values.has(name) && (placeholder !== undefined || choice !== undefined)) values.set(name, value);
    text = text.slice(0, m.index) + (values.get(name) ?? value) + text.slice(m.index + whole.length);
  }
  text = text.replace(/(?<!\\)\$(\d+|[A-Za-z_]+)/g, (_, name: string) => values.get(name) ?? '');
  return text.replace(/\\([$}\\])/g, '$1');
}

/** Every choice of a body: tab stop -> its options. */
function choicesOf(body: string | string[]): Map<number, string[]> {
  const text = Array.isArray(body) ? body.join('\n') : body;
  return new Map([...text.matchAll(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g)].map((m) => [Number(m[1]), m[2].split(',')]));
}

/** A Pod in a user namespace around a container-level fragment (inserted at the container's keys). */
function inPod(fragment: string): string {
  const indented = fragment
    .split('\n')
    .map((l) => (l.trim() ? `    ${l}` : l))
    .join('\n');
  return `apiVersion: v1
kind: Pod
metadata:
  name: snippet-host
  namespace: cnf
spec:
  hostUsers: false
  automountServiceAccountToken: false
  containers:
  - name: app
    image: registry.example.com/cnf/app:1.0.0
${indented}
`;
}

/**
 * The Helm snippet, as a chart: its template part in a Deployment's container, its values part
 * (the comment) as values.yaml. It renders a least-privilege securityContext and draws no finding of gap 8.
 */
function checkHelmSnippet(expanded: string): void {
  const [template, values] = expanded.split('# In values.yaml:\n');
  const indented = template.trimEnd().split('\n').map((l) => `          ${l}`).join('\n');
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: upf\n  namespace: cnf\nspec:\n  template:\n    spec:\n      hostUsers: false\n      automountServiceAccountToken: false\n      containers:\n        - name: upf\n          image: registry.example.com/cnf/upf:1.0.0\n${indented}\n`;
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-snippet-'));
  mkdirSync(join(root, 'templates'));
  writeFileSync(join(root, 'Chart.yaml'), 'apiVersion: v2\nname: upf\nversion: 0.1.0\n');
  writeFileSync(join(root, 'values.yaml'), values.replace(/^# ?/gm, ''));
  const charts = new ChartLoader(diskChartFiles());
  const path = join(root, 'templates', 'deployment.yaml');
  const source = readSource(deployment, defaultSettings(), { path, charts });
  assert.match(source.rendered?.text ?? '', /securityContext:\n {12}privileged: false\n {12}allowPrivilegeEscalation: false\n/, 'renders the values at the container');
  assert.deepEqual(source.rendered?.unknowns, [], 'nothing unknown');
  const rules = RULES.filter((r) => r.meta.gap === 8);
  const result = lintSource(deployment, defaultSettings(), rules, { path, charts });
  assert.deepEqual(result.findings.map((f) => `${f.ruleId}: ${f.message}`), [], source.rendered?.text);
}

/** The snippet files package.json contributes, read as JSON. */
function loadSnippets(): Array<{ file: string; name: string; snippet: Snippet }> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const out: Array<{ file: string; name: string; snippet: Snippet }> = [];
  for (const entry of pkg.contributes.snippets as Array<{ language: string; path: string }>) {
    assert.equal(entry.language, 'yaml', `${entry.path}: snippets are for the yaml language`);
    const data = JSON.parse(readFileSync(join('.', entry.path), 'utf8')) as Record<string, Snippet>;
    for (const [name, snippet] of Object.entries(data)) out.push({ file: entry.path, name, snippet });
  }
  return out;
}

const snippets = loadSnippets();
const prefixes = snippets.flatMap((s) => (Array.isArray(s.snippet.prefix) ? s.snippet.prefix : [s.snippet.prefix]));

/**
 * The workspace a snippet is linted in: every snippet expanded at its defaults, as a user who
 * inserts them together has them (a Deployment's network resolves to the NAD snippet's default name,
 * the MultiNetworkPolicy snippet covers it).
 */
const snippetWorkspace = new WorkspaceIndex();
for (const { name, snippet } of snippets) {
  const expanded = expandSnippet(snippet.body);
  snippetWorkspace.setFile(`snippet:${name}`, summarizeObjects(`snippet:${name}`, objectsOf(parseFile(expanded)), defaultSettings().defaultNamespace));
}

describe('snippet expansion', () => {
  it('fills placeholders, choices, mirrors and escapes', () => {
    assert.equal(expandSnippet(['a: ${1:x}', 'b: $1', 'c: ${2|p,q|}', 'd: ${3:${4:in}ner}', 'e: \\$HOME', '$0']), 'a: x\nb: x\nc: p\nd: inner\ne: $HOME\n');
    assert.equal(expandSnippet('c: ${2|p,q|}', { 2: 1 }), 'c: q');
  });
});

describe('snippets', () => {
  it('are contributed', () => assert.ok(snippets.length > 0));
  it('have unique prefixes that start with cnf- and equal their names (insertSnippet finds them by name)', () => {
    for (const { name, snippet } of snippets) {
      const list = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      for (const p of list) assert.match(p, /^cnf-[a-z0-9-]+$/, `prefix of ${name}`);
      assert.deepEqual(list, [name], `snippet ${name}: one prefix, equal to its name`);
      assert.ok(snippet.description, `snippet ${name} has a description`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });
  it('include those RULES.md lists for every gap that has a rule', () => {
    const gaps = new Set(RULES.map((r) => r.meta.gap));
    for (const gap of gaps) for (const p of SNIPPETS_BY_GAP[gap] ?? []) assert.ok(prefixes.includes(p), `snippet ${p} (gap ${gap}) is missing`);
  });
  for (const { name, snippet } of snippets) {
    const choices = choicesOf(snippet.body);
    const variants: Array<Record<number, number>> = [{}];
    for (const [stop, options] of choices) for (let i = 1; i < options.length; i++) variants.push({ [stop]: i });
    for (const variant of variants) {
      const label = Object.entries(variant).map(([stop, i]) => `choice $${stop} = ${choices.get(Number(stop))![i]}`)[0] ?? 'defaults';
      it(`${name} (${label}) parses and draws no finding of its rules`, () => {
        const expanded = expandSnippet(snippet.body, variant);
        if (name === 'cnf-helm-securitycontext') return checkHelmSnippet(expanded);
        const isObject = /^kind:/m.test(expanded) && /^apiVersion:/m.test(expanded);
        const text = isObject ? expanded : inPod(expanded);
        const file = parseFile(text);
        assert.deepEqual(file.documents.flatMap((d) => d.errors.map((e) => e.message)), [], 'parses');
        const gaps = gapsOf(name);
        const rules = RULES.filter((r) => gaps.includes(r.meta.gap));
        const result = lint(file, defaultSettings(), rules, undefined, { index: snippetWorkspace, uri: `snippet:${name}` });
        assert.deepEqual(result.ruleErrors, []);
        assert.deepEqual(result.findings.map((f) => `${f.ruleId}: ${f.message}`), [], text);
      });
    }
  }
});
