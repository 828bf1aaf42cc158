// multus-annotation-misplaced: a Multus annotation where Multus never reads it, or under a near-miss key (RA2 gap 3).
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { removeKey, replaceScalar, setIn, TextEdit } from '../fixes/edits';
import { removeAnnotation } from '../fixes/networks-edits';
import type { FixReport, Rule, RuleContext } from '../linter/types';
import { editDistance } from '../manifest/multus-elements';
import { NETWORKS_ANNOTATION } from '../manifest/multus-networks';
import { asMap, entries, get, getPair, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { ParsedFile } from '../manifest/parse';
import { RESOURCE_NAME_ANNOTATION } from '../workspace/summarize';

/** Keys Multus defines next to the networks annotation: never near misses. */
const MULTUS_KEYS = new Set([
  NETWORKS_ANNOTATION,
  RESOURCE_NAME_ANNOTATION,
  'k8s.v1.cni.cncf.io/network-status',
  'k8s.v1.cni.cncf.io/networks-status',
  'k8s.v1.cni.cncf.io/policy-for',
  'v1.multus-cni.io/default-network',
]);

export const rule: Rule = {
  meta: {
    id: 'multus-annotation-misplaced',
    title: 'Multus annotation where Multus does not read it',
    gap: 3,
    requirements: ['ra2.ntw.004', 'ra2.app.006'],
    defaultSeverity: 'error',
    confidence: 'mixed',
    local: true,
    appliesTo: 'the metadata of every workload and its pod template; the metadata and spec of NetworkAttachmentDefinitions',
    rationale:
      "Multus reads `k8s.v1.cni.cncf.io/networks` from the pod's own annotations. On a Deployment, StatefulSet, DaemonSet, Job or CronJob it belongs in the pod template's `metadata.annotations`: on the controller's own metadata it has no effect, and the pods start with their cluster interface alone. Likewise the SR-IOV device plugin's `k8s.v1.cni.cncf.io/resourceName` counts only as an annotation of the NetworkAttachmentDefinition. Keys that almost match (`k8s.cni.cncf.io/networks`, `k8s.v1.cni.cncf.io/network`) are ignored just as silently.",
    messages: {
      onController:
        "The networks annotation is on the {{kind}}'s own metadata, where Multus never reads it: its pods get no secondary network. Move it into the pod template's metadata.annotations.",
      nearMiss: "'{{key}}' is not a Multus annotation and is ignored: did you mean '{{to}}'?",
      resourceNameMisplaced:
        "'{{key}}' is in {{where}}: the SR-IOV device plugin and Multus read it only from metadata.annotations, so no device is bound to this network.",
    },
    fixes: {
      moveToTemplate: 'Move the networks annotation into the pod template metadata',
      renameKey: "Rename to '{{to}}'",
      moveToAnnotations: "Move '{{key}}' into metadata.annotations",
    },
    links: [{ title: 'Multus: attaching networks to a pod (how-to-use)', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' }],
  },
  check(ctx) {
    const seen = new Set<YAMLMap>();
    for (const pod of ctx.pods) {
      const own = pod.object.annotations;
      const template = asMap(get(pod.templateMetadata, 'annotations'));
      if (pod.object.kind !== 'Pod') {
        const pair = getPair(own, NETWORKS_ANNOTATION);
        if (pair && own?.items.includes(pair)) {
          const fixes: FixReport[] = getPair(template, NETWORKS_ANNOTATION) ? [] : [{ id: 'moveToTemplate', preferred: true, edits: (file) => moveToTemplate(file, pod.object, pod.parent, pair) }];
          ctx.report({ messageId: 'onController', at: pair.key as Scalar, data: { kind: pod.object.kind }, fixes });
        }
      }
      for (const map of [own, template]) {
        if (!map || seen.has(map)) continue;
        seen.add(map);
        reportNearMisses(ctx, map, NETWORKS_ANNOTATION, /cni\.cncf\.io\/networks?$/i);
      }
    }
    for (const o of ctx.objects) if (o.kind === 'NetworkAttachmentDefinition') checkNad(ctx, o);
  },
};

/** Near misses of `target` among a map's keys: same key in another case, a suffix match, or within three edits. */
function reportNearMisses(ctx: RuleContext, map: YAMLMap, target: string, suffix: RegExp): void {
  if (getPair(map, target)) return;
  for (const e of entries(map)) {
    if (MULTUS_KEYS.has(e.key) || !isNearMiss(e.key, target, suffix)) continue;
    const key = e.pair.key;
    ctx.report({
      messageId: 'nearMiss',
      at: key,
      severity: 'warning',
      data: { key: e.key, to: target },
      fixes: [{ id: 'renameKey', preferred: true, data: { to: target }, edits: (file) => [replaceScalar(file, key, target)] }],
    });
  }
}

function isNearMiss(key: string, target: string, suffix: RegExp): boolean {
  if (key === target) return false;
  return key.toLowerCase() === target.toLowerCase() || suffix.test(key) || editDistance(key, target) <= 3;
}

/** A NetworkAttachmentDefinition's resourceName written outside metadata.annotations, or under a near-miss key. */
function checkNad(ctx: RuleContext, nad: K8sObject): void {
  const places: Array<[unknown, string]> = [
    [nad.map, 'the object itself'],
    [nad.metadata, 'metadata'],
    [get(nad.metadata, 'labels'), 'metadata.labels'],
    [get(nad.map, 'spec'), 'spec'],
  ];
  for (const [where, name] of places) {
    const map = asMap(where);
    const pair = getPair(map, RESOURCE_NAME_ANNOTATION);
    if (!map || !pair || !map.items.includes(pair)) continue;
    const value = stringValue(pair.value);
    const fixes: FixReport[] = value && !getPair(nad.annotations, RESOURCE_NAME_ANNOTATION) ? [{ id: 'moveToAnnotations', preferred: true, data: { key: RESOURCE_NAME_ANNOTATION }, edits: (file) => moveResourceName(file, nad, map, value) }] : [];
    ctx.report({ messageId: 'resourceNameMisplaced', at: pair.key as Scalar, data: { key: RESOURCE_NAME_ANNOTATION, where: name }, fixes });
  }
  if (nad.annotations) reportNearMisses(ctx, nad.annotations, RESOURCE_NAME_ANNOTATION, /cni\.cncf\.io\/resource-?name$/i);
}

/** Removes the controller's annotation and writes its value into the pod template's metadata.annotations. */
function moveToTemplate(file: ParsedFile, object: K8sObject, template: YAMLMap, pair: Pair<Scalar, unknown>): Array<TextEdit | undefined> {
  const value = stringValue(pair.value);
  if (value === undefined) return [undefined];
  return [removeAnnotation(file, object.metadata, NETWORKS_ANNOTATION), setIn(file, template, ['metadata', 'annotations', NETWORKS_ANNOTATION], value)];
}

function moveResourceName(file: ParsedFile, nad: K8sObject, map: YAMLMap, value: string): Array<TextEdit | undefined> {
  const onlyLabel = map === asMap(get(nad.metadata, 'labels')) && entries(map).length === 1;
  const removal = onlyLabel && nad.metadata ? removeKey(file, nad.metadata, 'labels') : removeKey(file, map, RESOURCE_NAME_ANNOTATION);
  return [removal, setIn(file, nad.map, ['metadata', 'annotations', RESOURCE_NAME_ANNOTATION], value)];
}
