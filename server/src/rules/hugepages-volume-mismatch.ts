// hugepages-volume-mismatch: a pod that requests huge pages but mounts no hugetlbfs (emptyDir HugePages*) volume (RA2 gap 7).
import { appendItem, insertPairs, TextEdit } from '../fixes/edits';
import { joinInserts } from '../fixes/resource-edits';
import type { Rule } from '../linter/types';
import { containersMounting, hugePageNames, hugePageVolumes, RequestedPageSize, requestedPageSizes, resourceOwners, sizeSpelling } from '../manifest/hugepages';
import { asSeq, getPair } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { ContainerView, PodSpecView } from '../manifest/pod-specs';
import { quantitiesEqual } from '../manifest/quantity';
import { podVolumes } from '../manifest/volumes';

export const rule: Rule = {
  meta: {
    id: 'hugepages-volume-mismatch',
    title: 'Huge pages requested but no HugePages volume mounted',
    gap: 7,
    requirements: ['infra.com.cfg.004', 'ra2.ch.001'],
    defaultSeverity: 'info',
    confidence: 'heuristic',
    appliesTo: 'every pod spec that requests hugepages-* (unless the profile setting is basic)',
    rationale:
      'A `hugepages-<size>` request reserves huge pages for the pod, but most data planes (DPDK among them) reach them through a hugetlbfs mount, which a pod gets from an emptyDir volume of medium `HugePages` (one page size) or `HugePages-<size>`, mounted in the container, often at `/dev/hugepages`. A pod that requests huge pages and mounts no such volume either maps them another way (shmget, memfd, MAP_HUGETLB) or fails to find them at start. The finding is information: the manifest cannot show how the application maps its memory.',
    messages: {
      noVolume:
        'The pod requests huge pages ({{resources}}) but mounts no emptyDir volume of medium HugePages: a DPDK application finds its huge pages through such a hugetlbfs mount (often /dev/hugepages). Add one, unless the application maps huge pages another way (shmget, memfd).',
    },
    fixes: {
      addVolume: 'Add an emptyDir volume of medium {{medium}} mounted at {{path}}',
    },
  },
  check(ctx) {
    if (ctx.settings.profile === 'basic') return;
    const seen = new Set<object>();
    for (const pod of ctx.pods) {
      if (seen.has(pod.spec)) continue;
      seen.add(pod.spec);
      const owners = resourceOwners(ctx.file, pod, ctx.settings.kubernetesVersion);
      const names = [...new Set(owners.flatMap(hugePageNames))];
      if (names.length === 0) continue;
      const volumes = hugePageVolumes(pod);
      if (volumes.some((v) => containersMounting(pod, v.volume.name).length > 0)) continue;
      const sizes = requestedPageSizes(owners);
      const plan = planOf(pod, sizes);
      const fixes = plan ? [{ id: 'addVolume', data: { medium: plan.map((p) => p.medium).join(', '), path: plan.map((p) => p.path).join(', ') }, edits: (file: ParsedFile) => edits(file, pod, plan) }] : [];
      ctx.report({ messageId: 'noVolume', at: pod.specPair.key, data: { resources: names.join(', ') }, fixes });
    }
  },
};

/** One volume to mount: an existing unmounted one (`existing`) or a new one, and the containers to mount it in. */
interface VolumePlan {
  name: string;
  medium: string;
  path: string;
  existing: boolean;
  containers: ContainerView[];
}

/**
 * What to add: for one page size, a volume of medium HugePages (or the unmounted one the pod has)
 * mounted at /dev/hugepages; for several, one HugePages-<size> volume per size at /dev/hugepages-<size>.
 * Each volume is mounted in the containers that request its size.
 */
function planOf(pod: PodSpecView, sizes: RequestedPageSize[]): VolumePlan[] | undefined {
  if (sizes.length === 0) return undefined;
  const taken = new Set(podVolumes(pod).map((v) => v.name));
  const freeName = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    return name;
  };
  const containersOf = (s: RequestedPageSize) => s.owners.map((o) => o.container).filter((c): c is ContainerView => c !== undefined);
  if (sizes.length === 1) {
    const size = sizes[0];
    const unmounted = hugePageVolumes(pod).find((v) => v.volume.name !== undefined && (v.size === undefined || (v.size.ok && quantitiesEqual(v.size.quantity, size.size))));
    const containers = containersOf(size);
    if (containers.length === 0) return undefined;
    if (unmounted) return [{ name: unmounted.volume.name!, medium: unmounted.medium, path: '/dev/hugepages', existing: true, containers }];
    return [{ name: freeName('hugepages'), medium: 'HugePages', path: '/dev/hugepages', existing: false, containers }];
  }
  const plan = sizes.map((s) => {
    const spelled = sizeSpelling(s.size);
    return { name: freeName(`hugepages-${spelled.toLowerCase()}`), medium: `HugePages-${spelled}`, path: `/dev/hugepages-${spelled}`, existing: false, containers: containersOf(s) };
  });
  return plan.every((p) => p.containers.length > 0) ? plan : undefined;
}

/** The edits of a plan: mounts in each container (one edit per container), then the new volumes (one edit). */
function edits(file: ParsedFile, pod: PodSpecView, plan: VolumePlan[]): Array<TextEdit | undefined> {
  const out: Array<TextEdit | undefined> = [];
  const containers = [...new Set(plan.flatMap((p) => p.containers))];
  for (const c of containers) {
    const mounts = plan.filter((p) => p.containers.includes(c)).map((p) => ({ name: p.name, mountPath: p.path }));
    out.push(...appendAll(file, c.map, 'volumeMounts', mounts));
  }
  const added = plan.filter((p) => !p.existing).map((p) => ({ name: p.name, emptyDir: { medium: p.medium } }));
  if (added.length > 0) out.push(...appendAll(file, pod.spec, 'volumes', added));
  return joinInserts(out);
}

/** Appends items to the sequence under `key` of a map, creating it when absent. */
function appendAll(file: ParsedFile, map: PodSpecView['spec'], key: string, items: object[]): Array<TextEdit | undefined> {
  const pair = getPair(map, key);
  if (!pair) return [insertPairs(file, map, { [key]: items })];
  const seq = asSeq(pair.value);
  if (!seq || !map.items.includes(pair)) return [undefined];
  return items.map((item) => appendItem(file, seq, item));
}
