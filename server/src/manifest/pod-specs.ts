// The one pod-spec extractor: finds the pod spec of every workload kind, and its containers.
import { isAlias, Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, get, getPair, asSeq, stringValue } from './nodes';
import { K8sObject } from './objects';

/** Where each workload kind keeps its pod template (the pod spec is `spec` inside it). */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
  DeploymentConfig: ['spec', 'template'],
  Rollout: ['spec', 'template'],
};

/** The API groups of the kinds above that are not Kubernetes' own (OpenShift 3 also served DeploymentConfig as `v1`). */
const KIND_GROUPS: Record<string, RegExp> = {
  DeploymentConfig: /^(?:apps\.openshift\.io\/|v1$)/,
  Rollout: /^argoproj\.io\//,
};

/** The kinds whose pod spec cnf-lint finds. */
export const POD_SPEC_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)];

/** The container lists of a pod spec. */
export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** A pod spec inside an object, with what rules and fixes need around it. */
export interface PodSpecView {
  object: K8sObject;
  spec: YAMLMap;
  /** The `spec` pair holding the pod spec: pod-level findings sit on its key. */
  specPair: Pair<Scalar, unknown>;
  /** The map holding `spec` (the object for a Pod, the pod template otherwise). */
  parent: YAMLMap;
  /** The pod template's metadata (the object's metadata for a Pod). */
  templateMetadata?: YAMLMap;
  /** True when the pod spec or its template is written through an alias or a merge key (shared text). */
  aliased: boolean;
  containers: ContainerView[];
}

/** One container of a pod spec. */
export interface ContainerView {
  pod: PodSpecView;
  map: YAMLMap;
  list: ContainerList;
  index: number;
  name?: string;
  /** The `name` pair: findings about a missing field sit on its key. */
  namePair?: Pair<Scalar, unknown>;
  /** True when the container map or its list is written through an alias or a merge key. */
  aliased: boolean;
}

/** The pod spec of an object, or undefined for kinds without one or a spec that is not a map. */
export function podSpecOf(object: K8sObject): PodSpecView | undefined {
  let parent: YAMLMap | undefined = object.map;
  let aliased = false;
  if (object.kind !== 'Pod') {
    // Own properties only: a kind named `constructor` is not a table entry.
    const path = Object.hasOwn(TEMPLATE_PATHS, object.kind) ? TEMPLATE_PATHS[object.kind] : undefined;
    if (!path || (Object.hasOwn(KIND_GROUPS, object.kind) && !KIND_GROUPS[object.kind].test(object.apiVersion))) return undefined;
    for (const key of path) {
      const pair = getPair(parent, key);
      if (!pair) return undefined;
      aliased ||= viaAlias(parent, pair);
      parent = asMap(pair.value && get(parent, key));
      if (!parent) return undefined;
    }
  }
  const specPair = getPair(parent, 'spec');
  const spec = asMap(get(parent, 'spec'));
  if (!specPair || !spec || !specPair.key?.range) return undefined;
  aliased ||= viaAlias(parent, specPair);
  const templateMetadata = object.kind === 'Pod' ? object.metadata : asMap(get(parent, 'metadata'));
  const view: PodSpecView = { object, spec, specPair, parent, templateMetadata, aliased, containers: [] };
  for (const list of CONTAINER_LISTS) {
    const listPair = getPair(spec, list);
    const seq = asSeq(listPair?.value);
    if (!seq) continue;
    const listAliased = aliased || viaAlias(spec, listPair!);
    seq.items.forEach((item, index) => {
      const map = asMap(item);
      if (!map) return;
      const namePair = getPair(map, 'name');
      view.containers.push({
        pod: view,
        map,
        list,
        index,
        name: stringValue(namePair?.value),
        namePair,
        aliased: listAliased || isAlias(item),
      });
    });
  }
  return view;
}

/** True when a pair's value is an alias, or the pair comes from a merge key (`<<: *base`): its text is shared. */
function viaAlias(map: YAMLMap, pair: Pair): boolean {
  return isAlias(pair.value) || !map.items.includes(pair);
}
