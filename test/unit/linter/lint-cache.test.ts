// The lint cache: findings of unchanged documents are reused after an edit elsewhere, at their new offsets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/fixes/edits';
import { lint } from '../../../server/src/linter/lint';
import { LintCache } from '../../../server/src/linter/lint-cache';
import { parseFile, ParseCache } from '../../../server/src/manifest/parse';
import { defaultSettings, mergeSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { readFileSync } from 'node:fs';
import { objectsOf } from '../../../server/src/manifest/objects';
import { summarizeObjects } from '../../../server/src/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostNetwork: true
  containers:
  - name: ${name}
    securityContext:
      privileged: true
`;

/** Findings with their fixes' outputs, comparable between a cached and a fresh lint. */
function snapshot(text: string, result: ReturnType<typeof lint>) {
  return result.findings.map((f) => ({
    ruleId: f.ruleId,
    messageId: f.messageId,
    start: f.start,
    end: f.end,
    message: f.message,
    fixes: f.fixes.map((x) => {
      const edits = x.edits();
      return { id: x.id, output: edits && applyEdits(text, edits) };
    }),
  }));
}

describe('lint cache', () => {
  it('reuses unchanged documents and matches a fresh lint after edits before, inside and after them', () => {
    const settings = defaultSettings();
    const parseCache = new ParseCache();
    const lintCache = new LintCache();
    let text = [pod('a'), pod('b'), pod('c')].join('---\n');
    lint(parseFile(text, parseCache), settings, RULES, lintCache);
    const edits = [
      (t: string) => t.replace('name: a\n', 'name: aaaa\n'),
      (t: string) => t.replace('  - name: b\n', '  - name: bb\n'),
      (t: string) => '# leading comment\n' + t,
      (t: string) => t + '---\n' + pod('d'),
      (t: string) => t.replace('privileged: true\n---', 'privileged: false\n---'),
    ];
    for (const edit of edits) {
      text = edit(text);
      const cached = lint(parseFile(text, parseCache), settings, RULES, lintCache);
      const fresh = lint(parseFile(text), settings, RULES);
      assert.deepEqual(snapshot(text, cached), snapshot(text, fresh));
    }
  });

  it('is dropped when settings change by value', () => {
    const parseCache = new ParseCache();
    const lintCache = new LintCache();
    const text = pod('a');
    const on = lint(parseFile(text, parseCache), defaultSettings(), RULES, lintCache);
    assert.ok(on.findings.some((f) => f.ruleId === 'privileged-container'));
    const off = lint(parseFile(text, parseCache), mergeSettings(defaultSettings(), { rules: { 'privileged-container': 'off' } }), RULES, lintCache);
    assert.deepEqual(off.findings.filter((f) => f.ruleId === 'privileged-container'), []);
  });

  it('workspace rules: cached findings equal a fresh lint while the file and the index change', () => {
    const settings = defaultSettings();
    const index = new WorkspaceIndex();
    const networks = readFileSync('examples/5gc-networks.yaml', 'utf8');
    const setNetworks = (text: string) => index.setFile('networks.yaml', summarizeObjects('networks.yaml', objectsOf(parseFile(text)), settings.defaultNamespace));
    setNetworks(networks);
    const parseCache = new ParseCache();
    const lintCache = new LintCache();
    let text = readFileSync('examples/5gc-control-plane-multus.yaml', 'utf8');
    const ws = { index, uri: 'cp.yaml' };
    lint(parseFile(text, parseCache), settings, RULES, lintCache, ws);
    const steps: Array<() => void> = [
      () => (text = text.replace('image: registry.example.com/5gc/amf:3.0.2', 'image: registry.example.com/5gc/amf:3.0.3')),
      () => setNetworks(networks.replace('name: n4-macvlan', 'name: n4-macvlan-renamed')),
      () => (text += '---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-macvlan\n  namespace: 5gc-control-plane\nspec:\n  config: \'{"cniVersion": "1.0.0", "type": "macvlan", "capabilities": {"ips": true}}\'\n'),
      () => (text = text.replace('"capabilities": {"ips": true}', '"mode": "bridge"')),
      () => setNetworks(networks),
    ];
    for (const step of steps) {
      step();
      const cached = lint(parseFile(text, parseCache), settings, RULES, lintCache, ws);
      const fresh = lint(parseFile(text), settings, RULES, undefined, ws);
      assert.deepEqual(snapshot(text, cached), snapshot(text, fresh));
    }
  });
});
