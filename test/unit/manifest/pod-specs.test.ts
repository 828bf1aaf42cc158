// Unit tests of the pod-spec extractor: every workload kind, List items, container lists, aliases, merge keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get, stringValue } from '../../../server/src/manifest/nodes';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { podSpecOf, POD_SPEC_KINDS } from '../../../server/src/manifest/pod-specs';

/** What the extractor finds in a text, in words that a test can compare. */
function podSpecs(text: string) {
  const file = parseFile(text);
  return objectsOf(file).map((object) => {
    const pod = podSpecOf(object);
    if (!pod) return { kind: object.kind, pod: undefined };
    const key = pod.specPair.key.range!;
    const at = file.lines.positionAt(key[0]);
    return {
      kind: object.kind,
      pod: {
        specKey: `${at.line + 1}:${at.character + 1} ${text.slice(key[0], key[1])}`,
        hostname: stringValue(get(pod.spec, 'hostname')),
        templateLabel: stringValue(get(get(pod.templateMetadata, 'labels'), 'app')),
        parentHasSpec: get(pod.parent, 'spec') === pod.spec,
        aliased: pod.aliased,
        containers: pod.containers.map((c) => `${c.list}[${c.index}] ${c.name ?? '-'}${c.namePair ? '' : ' (no name pair)'}${c.aliased ? ' aliased' : ''}`),
      },
    };
  });
}

const POD_SPEC = (indent: string) =>
  [`spec:`, `  hostname: h`, `  containers:`, `  - name: app`].map((l) => indent + l).join('\n') + '\n';
const TEMPLATE_META = (indent: string) => `${indent}metadata:\n${indent}  labels:\n${indent}    app: web\n`;

/** One manifest per kind, with the pod spec where that kind keeps it. */
const KINDS: Record<string, { text: string; specKey: string }> = {
  Pod: { text: `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\n${POD_SPEC('')}`, specKey: '6:1 spec' },
  PodTemplate: { text: `apiVersion: v1\nkind: PodTemplate\ntemplate:\n${TEMPLATE_META('  ')}${POD_SPEC('  ')}`, specKey: '7:3 spec' },
  CronJob: {
    text: `apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n${TEMPLATE_META('        ')}${POD_SPEC('        ')}`,
    specKey: '11:9 spec',
  },
};
for (const [kind, apiVersion] of [
  ['Deployment', 'apps/v1'],
  ['ReplicaSet', 'apps/v1'],
  ['StatefulSet', 'apps/v1'],
  ['DaemonSet', 'apps/v1'],
  ['Job', 'batch/v1'],
  ['ReplicationController', 'v1'],
  ['DeploymentConfig', 'apps.openshift.io/v1'],
  ['Rollout', 'argoproj.io/v1alpha1'],
]) {
  KINDS[kind] = { text: `apiVersion: ${apiVersion}\nkind: ${kind}\nspec:\n  replicas: 1\n  template:\n${TEMPLATE_META('    ')}${POD_SPEC('    ')}`, specKey: '9:5 spec' };
}

describe('podSpecOf: every workload kind', () => {
  it('covers the kinds RULES.md lists', () => {
    assert.deepEqual([...POD_SPEC_KINDS].sort(), Object.keys(KINDS).sort());
  });
  for (const [kind, { text, specKey }] of Object.entries(KINDS)) {
    it(kind, () => {
      assert.deepEqual(podSpecs(text), [
        { kind, pod: { specKey, hostname: 'h', templateLabel: 'web', parentHasSpec: true, aliased: false, containers: ['containers[0] app'] } },
      ]);
    });
  }
  it('DeploymentConfig and Rollout only in their API groups (and the legacy v1 DeploymentConfig of OpenShift 3)', () => {
    const text = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nspec:\n  template:\n${POD_SPEC('    ')}`;
    assert.equal(podSpecs(text('v1', 'DeploymentConfig'))[0].pod?.specKey, '5:5 spec');
    assert.equal(podSpecs(text('example.com/v1', 'DeploymentConfig'))[0].pod, undefined);
    assert.equal(podSpecs(text('flagger.app/v1', 'Rollout'))[0].pod, undefined);
  });
  it('flow style', () => {
    const text = 'kind: Deployment\nspec: {template: {metadata: {labels: {app: web}}, spec: {hostname: h, containers: [{name: app}]}}}\n';
    assert.deepEqual(podSpecs(text), [
      { kind: 'Deployment', pod: { specKey: '2:51 spec', hostname: 'h', templateLabel: 'web', parentHasSpec: true, aliased: false, containers: ['containers[0] app'] } },
    ]);
  });
});

describe('podSpecOf: containers', () => {
  it('all three container lists, in list order, skipping items that are not maps', () => {
    const text =
      'kind: Pod\nspec:\n  ephemeralContainers:\n  - name: debug\n  containers:\n  - name: a\n  - image: no-name\n  - just-a-string\n  initContainers: [{name: init}]\n';
    assert.deepEqual(podSpecs(text)[0].pod?.containers, ['containers[0] a', 'containers[1] - (no name pair)', 'initContainers[0] init', 'ephemeralContainers[0] debug']);
  });
  it('no containers, or containers that are not a list', () => {
    assert.deepEqual(podSpecs('kind: Pod\nspec:\n  hostname: h\n')[0].pod?.containers, []);
    assert.deepEqual(podSpecs('kind: Pod\nspec:\n  containers: {name: a}\n')[0].pod?.containers, []);
  });
});

describe('podSpecOf: List items, aliases, merge keys', () => {
  it('each item of a kind: List', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec:\n    containers: [{name: a}]\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n      spec:\n        containers: [{name: b}]\n- kind: Service\n  spec: {}\n';
    assert.deepEqual(
      podSpecs(text).map((o) => [o.kind, o.pod?.specKey, o.pod?.containers]),
      [
        ['Pod', '6:3 spec', ['containers[0] a']],
        ['Deployment', '12:7 spec', ['containers[0] b']],
        ['Service', undefined, undefined],
      ],
    );
  });
  it('a pod spec written through an alias is flagged aliased; the spec key is the alias user', () => {
    const text =
      'kind: List\napiVersion: v1\nitems:\n- kind: Deployment\n  spec:\n    template:\n      spec: &pod\n        containers: [{name: a}]\n- kind: Deployment\n  spec:\n    template:\n      spec: *pod\n';
    assert.deepEqual(
      podSpecs(text).map((o) => [o.pod?.specKey, o.pod?.aliased, o.pod?.containers]),
      [
        ['7:7 spec', false, ['containers[0] a']],
        ['12:7 spec', true, ['containers[0] a aliased']],
      ],
    );
  });
  it('a template, a container list or a container through an alias', () => {
    const template = 'kind: Job\nx-template: &t\n  spec:\n    containers: [{name: a}]\nspec:\n  template: *t\n';
    assert.deepEqual(podSpecs(template)[0].pod && [podSpecs(template)[0].pod!.aliased, podSpecs(template)[0].pod!.containers], [true, ['containers[0] a aliased']]);
    const list = 'kind: Pod\nx-list: &l [{name: a}]\nspec:\n  containers: *l\n';
    assert.deepEqual([podSpecs(list)[0].pod?.aliased, podSpecs(list)[0].pod?.containers], [false, ['containers[0] a aliased']]);
    const item = 'kind: Pod\nx-c: &c {name: side}\nspec:\n  containers:\n  - name: a\n  - *c\n';
    assert.deepEqual(podSpecs(item)[0].pod?.containers, ['containers[0] a', 'containers[1] side aliased']);
  });
  it('merge keys: the pod spec and a container read through `<<: *base`', () => {
    const text =
      'kind: Pod\nx-base: &base\n  hostname: h\n  containers: [{name: from-base}]\nx-c: &c {name: merged}\nspec:\n  <<: *base\n  initContainers:\n  - <<: *c\n    image: i\n';
    assert.deepEqual(podSpecs(text)[0].pod, {
      specKey: '6:1 spec',
      hostname: 'h',
      templateLabel: undefined,
      parentHasSpec: true,
      aliased: false,
      containers: ['containers[0] from-base aliased', 'initContainers[0] merged'],
    });
  });
  it('a pod spec that a merge key provides is flagged aliased', () => {
    const text = 'kind: Deployment\nx: &tpl\n  spec:\n    containers: [{name: a}]\nspec:\n  template:\n    <<: *tpl\n';
    assert.deepEqual([podSpecs(text)[0].pod?.specKey, podSpecs(text)[0].pod?.aliased, podSpecs(text)[0].pod?.containers], ['3:3 spec', true, ['containers[0] a aliased']]);
  });
  it('a merge key in a list of bases; the key written in the map wins', () => {
    const text = 'kind: Pod\na: &a {hostname: a}\nb: &b {hostname: b, subdomain: s}\nspec:\n  <<: [*a, *b]\n';
    assert.equal(podSpecs(text)[0].pod?.hostname, 'a');
    assert.equal(podSpecs(text.replace('  <<:', '  hostname: own\n  <<:'))[0].pod?.hostname, 'own');
  });
});

describe('podSpecOf: no pod spec', () => {
  it('unknown kinds and kinds without a pod spec', () => {
    assert.deepEqual(podSpecs('kind: Widget\nspec:\n  containers: [{name: a}]\n---\nkind: Service\nspec: {}\n---\nkind: VirtualMachine\nspec:\n  template:\n    spec: {}\n'), [
      { kind: 'Widget', pod: undefined },
      { kind: 'Service', pod: undefined },
      { kind: 'VirtualMachine', pod: undefined },
    ]);
  });
  it('a missing template, a spec that is not a map, a document that does not parse, no kind', () => {
    assert.deepEqual(podSpecs('kind: Deployment\nspec:\n  replicas: 1\n---\nkind: Pod\nspec: [a]\n---\nkind: Pod\nspec:\n'), [
      { kind: 'Deployment', pod: undefined },
      { kind: 'Pod', pod: undefined },
      { kind: 'Pod', pod: undefined },
    ]);
    assert.deepEqual(podSpecs('kind: Pod\nspec: {containers: [\n---\nspec:\n  containers: []\n'), []);
  });
});
