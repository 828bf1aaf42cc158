// Unit tests of the workspace index: summaries, exact namespaces, lookups, changed keys, the live file, globs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/linter/lint';
import { LintCache } from '../../../server/src/linter/lint-cache';
import type { Rule } from '../../../server/src/linter/types';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile, ParseCache } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { enabledPatterns, globMatcher } from '../../../server/src/workspace/glob';
import { selects } from '../../../server/src/manifest/label-selector';
import { summarizeObjects } from '../../../server/src/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

const NADS = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-sriov
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/resourceName: intel.com/n3
spec:
  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "sriov", "capabilities": {"mac": true, "ips": false}}, {"type": "tuning"}]}'
---
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n4-net
spec:
  config: not json
---
apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetwork
metadata:
  name: n6-sriov
  namespace: sriov-network-operator
spec:
  resourceName: n6
  networkNamespace: cnf
  capabilities: '{"ips": true}'
  metaPlugins: '{"type": "tuning"}'
---
apiVersion: k8s.cni.cncf.io/v1beta1
kind: MultiNetworkPolicy
metadata:
  name: p
  namespace: cnf
  labels: {team: core}
  annotations:
    k8s.v1.cni.cncf.io/policy-for: n3-sriov, lab/n9
spec:
  podSelector:
    matchLabels: {app: upf}
---
apiVersion: v1
kind: Namespace
metadata:
  name: cnf
`;

const summarize = (uri: string, text: string, ns = 'default') => summarizeObjects(uri, objectsOf(parseFile(text)), ns);

describe('summarizeObjects', () => {
  const objects = summarize('nads.yaml', NADS, 'core');

  it('keeps kind, name, resolved namespace and labels of every object; cluster-scoped kinds get no namespace', () => {
    assert.deepEqual(
      objects.map((o) => [o.kind, o.name, o.namespace]),
      [
        ['NetworkAttachmentDefinition', 'n3-sriov', 'cnf'],
        ['NetworkAttachmentDefinition', 'n4-net', 'core'],
        ['SriovNetwork', 'n6-sriov', 'sriov-network-operator'],
        ['MultiNetworkPolicy', 'p', 'cnf'],
        ['Namespace', 'cnf', ''],
      ],
    );
    assert.deepEqual(objects[3].labels, { team: 'core' });
  });

  it('summarizes a NAD: resourceName, the plugins of its config and the capabilities they declare true', () => {
    assert.deepEqual(objects[0].nad, {
      uri: 'nads.yaml',
      namespace: 'cnf',
      name: 'n3-sriov',
      definedBy: 'NetworkAttachmentDefinition',
      resourceName: 'intel.com/n3',
      plugins: [
        { type: 'sriov', capabilities: ['mac'] },
        { type: 'tuning', capabilities: [] },
      ],
    });
    assert.equal(objects[1].nad?.plugins, undefined, 'a config that is not JSON has no plugins to judge');
  });

  it('a SriovNetwork is the NAD the operator renders: in networkNamespace, its bare resource under any prefix, sriov plus meta plugins', () => {
    assert.deepEqual(objects[2].nad, {
      uri: 'nads.yaml',
      namespace: 'cnf',
      name: 'n6-sriov',
      definedBy: 'SriovNetwork',
      resourceName: 'n6',
      anyPrefix: true,
      injected: true,
      plugins: [
        { type: 'sriov', capabilities: ['ips'] },
        { type: 'tuning', capabilities: [] },
      ],
    });
  });

  it('a MultiNetworkPolicy: the networks of policy-for resolved against its namespace, and its pod selector', () => {
    assert.deepEqual(objects[3].policyFor, [
      { namespace: 'cnf', name: 'n3-sriov' },
      { namespace: 'lab', name: 'n9' },
    ]);
    assert.ok(selects(objects[3].podSelector, { app: 'upf', tier: 'x' }));
    assert.ok(!selects(objects[3].podSelector, { app: 'smf' }));
  });

  it('label selectors: matchExpressions In, NotIn, Exists, DoesNotExist; a null selector selects nothing', () => {
    const sel = { matchLabels: {}, matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }, { key: 'b', operator: 'DoesNotExist', values: [] }] };
    assert.ok(selects(sel, { a: '2' }));
    assert.ok(!selects(sel, { a: '3' }));
    assert.ok(!selects(sel, { a: '1', b: '' }));
    assert.ok(selects({ matchLabels: {}, matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }, { key: 'c', operator: 'Exists', values: [] }] }, { c: 'x' }));
    assert.ok(!selects(undefined, {}));
    assert.ok(!selects(null, {}));
  });
});

describe('WorkspaceIndex', () => {
  it('looks NADs up by namespace and name, by resource, policies by the network they name, objects by kind', () => {
    const index = new WorkspaceIndex();
    index.setFile('nads.yaml', summarize('nads.yaml', NADS, 'core'));
    const view = index.view();
    assert.equal(view.nad('cnf', 'n3-sriov')?.resourceName, 'intel.com/n3');
    assert.equal(view.nad('core', 'n3-sriov'), undefined, 'namespaces are exact');
    assert.equal(view.nad('cnf', 'n6-sriov')?.definedBy, 'SriovNetwork');
    assert.deepEqual(view.nadsNamed('n4-net').map((n) => n.namespace), ['core']);
    assert.deepEqual(view.nadsWithResource('openshift.io/n6').map((n) => n.name), ['n6-sriov']);
    assert.deepEqual(view.nadsWithResource('nvidia.com/n6').map((n) => n.name), ['n6-sriov'], "an operator's bare resource: any prefix");
    assert.deepEqual(view.nadsWithResource('n6'), [], 'a request has a prefix');
    assert.deepEqual(view.nadsWithResource('example.com/n3'), [], "a NAD's annotation names the prefix: exact");
    assert.deepEqual(view.policiesFor('lab', 'n9').map((p) => p.name), ['p']);
    assert.deepEqual(view.objectsOfKind('Namespace').map((o) => o.name), ['cnf']);
  });

  it('setFile reports the lookups whose answer changed; deleteFile every lookup the file answered', () => {
    const index = new WorkspaceIndex();
    const first = index.setFile('nads.yaml', summarize('nads.yaml', NADS));
    assert.ok(first.has('nad:cnf/n3-sriov') && first.has('resource:intel.com/n3') && first.has('policy:lab/n9') && first.has('kind:Namespace'));
    assert.deepEqual([...index.setFile('nads.yaml', summarize('nads.yaml', NADS))], [], 'the same objects again: nothing changed');
    const edited = index.setFile('nads.yaml', summarize('nads.yaml', NADS.replace('intel.com/n3', 'intel.com/n3x')));
    assert.deepEqual([...edited].sort(), ['in:NetworkAttachmentDefinition:cnf', 'kind:NetworkAttachmentDefinition', 'nad-name:n3-sriov', 'nad:cnf/n3-sriov', 'object:NetworkAttachmentDefinition:cnf/n3-sriov', 'resource:intel.com/n3', 'resource:intel.com/n3x']);
    const gone = index.deleteFile('nads.yaml');
    assert.ok(gone.has('nad:cnf/n6-sriov') && gone.has('kind:MultiNetworkPolicy'));
    assert.equal(index.view().nad('cnf', 'n3-sriov'), undefined);
    assert.equal(index.size, 0);
  });

  it("a view's live file replaces its indexed entry and comes first; every lookup is recorded", () => {
    const index = new WorkspaceIndex();
    index.setFile('a.yaml', summarize('a.yaml', NADS));
    index.setFile('b.yaml', summarize('b.yaml', NADS.replace('intel.com/n3', 'intel.com/other')));
    const deps = new Set<string>();
    let computed = 0;
    const live = { uri: 'a.yaml', objects: () => (computed++, summarize('a.yaml', NADS.replace('intel.com/n3', 'intel.com/live'))) };
    const view = index.view({ live, deps });
    assert.equal(computed, 0, 'the live objects are computed on first use only');
    assert.equal(view.nad('cnf', 'n3-sriov')?.resourceName, 'intel.com/live', 'the live file wins over the other file');
    assert.deepEqual(view.nadsWithResource('intel.com/n3'), [], "the indexed (disk) entry of the live file is not seen");
    assert.deepEqual(view.objectsOfKind('Namespace').map((o) => o.uri), ['a.yaml', 'b.yaml']);
    assert.equal(computed, 1);
    assert.deepEqual([...deps], ['nad:cnf/n3-sriov', 'resource:intel.com/n3', 'resource:*/n3', 'kind:Namespace']);
  });
});

describe('lint in a workspace', () => {
  const probe = (scope: 'document' | 'workspace', calls: string[]): Rule => ({
    meta: {
      id: `probe-${scope}`,
      title: 'probe',
      gap: 3,
      requirements: [],
      defaultSeverity: 'info',
      confidence: 'heuristic',
      appliesTo: 'tests',
      rationale: 'tests',
      messages: { found: 'found {{name}}' },
      fixes: {},
      scope,
    },
    check(ctx) {
      calls.push(scope);
      const nad = ctx.workspace.nad('default', 'n4-net');
      for (const o of ctx.objects) if (o.kind === 'Pod' && nad) ctx.report({ messageId: 'found', at: o.kindPair, data: { name: nad.uri } });
    },
  });
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

  it('workspace rules run per document, again only when an answer they got changed; the file itself counts', () => {
    const calls: string[] = [];
    const rule = probe('workspace', calls);
    const index = new WorkspaceIndex();
    const cache = new LintCache();
    const parse = new ParseCache();
    const settings = defaultSettings();
    const run = (text: string) => lint(parseFile(text, parse), settings, [rule], cache, { index, uri: 'pod.yaml' });
    assert.deepEqual(run(POD).findings, []);
    assert.deepEqual(run(POD).findings, []);
    assert.deepEqual(calls, ['workspace'], 'same document, same answers: the findings are reused');
    index.setFile('nad.yaml', summarize('nad.yaml', 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n'));
    assert.deepEqual(run(POD).findings.map((f) => f.message), ['found nad.yaml'], 'the same text is linted again against the new index');
    const own = `${POD}---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n`;
    assert.deepEqual(run(own).findings.map((f) => f.message), ['found pod.yaml']);
    // The pod's document is unchanged but its answer is (the NAD is now in its own file); the NAD's document is new.
    assert.deepEqual(calls, ['workspace', 'workspace', 'workspace', 'workspace']);
  });

  it('a rule of another scope that reads the workspace fails (its findings are cached), and the others still run', () => {
    const calls: string[] = [];
    const result = lint(parseFile(POD), defaultSettings(), [probe('document', calls), probe('workspace', calls)]);
    assert.deepEqual(result.ruleErrors.map((e) => [e.ruleId, String(e.error)]), [['probe-document', "Error: probe-document reads ctx.workspace but is not of scope 'workspace'"]]);
    assert.deepEqual(calls, ['document', 'workspace']);
  });
});

describe('glob patterns of files.exclude', () => {
  it('match relative paths and the folders that hold them', () => {
    const excluded = globMatcher(enabledPatterns({ '**/charts': true, 'build/*.yaml': true, '**/*.{tmp,bak}.yaml': true, 'vendor': true, off: false, when: { when: '$(basename).ts' } }));
    assert.ok(excluded('charts/upf/values.yaml'));
    assert.ok(excluded('a/b/charts/x.yaml'));
    assert.ok(excluded('build/out.yaml'));
    assert.ok(!excluded('build/sub/out.yaml'));
    assert.ok(excluded('deep/x.tmp.yaml'));
    assert.ok(excluded('vendor/lib/x.yaml'));
    assert.ok(!excluded('src/vendor/x.yaml'), 'a pattern without **/ is anchored at the folder root');
    assert.ok(!excluded('off/x.yaml'));
    assert.ok(!excluded('manifests/upf.yaml'));
  });
});
