// hugepages-not-numa-aligned: a pod with huge pages that the Memory and Topology Managers will not align to a NUMA node (RA2 gap 7).
import { removePair } from '../fixes/edits';
import { placeholder, ResourceValues, setResources, spellingOf } from '../fixes/resource-edits';
import type { FixReport, Rule } from '../linter/types';
import { hugePageNames, resourceOwners } from '../manifest/hugepages';
import { ParsedFile } from '../manifest/parse';
import { PodSpecView } from '../manifest/pod-specs';
import { podQos, QosGap } from '../manifest/qos';
import { isPositive, quantityOf } from '../manifest/resource-requirements';

/** Placeholders where a container has neither a request nor a limit: to be sized by the user. */
const PLACEHOLDERS = { cpu: placeholder('1', 'set the CPUs this container needs'), memory: placeholder('1Gi', 'set the memory this container needs') };

const NODE =
  'The node must run the Memory Manager with policy Static and the Topology Manager with policy single-numa-node (scope pod when the pod has several containers) for that; cnf-lint cannot see the node.';

export const rule: Rule = {
  meta: {
    id: 'hugepages-not-numa-aligned',
    title: 'Huge pages without NUMA alignment (pod not Guaranteed)',
    gap: 7,
    requirements: ['infra.com.cfg.002', 'infra.com.cfg.004', 'ra2.k8s.006'],
    defaultSeverity: 'warning',
    confidence: 'mixed',
    appliesTo: 'every pod spec that requests hugepages-* (unless the profile setting is basic)',
    rationale:
      "A data plane that uses huge pages wants them on the NUMA node of its CPUs and NICs: memory from a remote node costs every packet a cross-socket access. The kubelet's Memory Manager (policy `Static`) pins memory and huge pages to a NUMA node, and the Topology Manager (`single-numa-node`, RA2 ra2.k8s.006) aligns them with the CPUs and devices, only for pods of QoS class Guaranteed: every app and init container with cpu and memory limits, and requests equal to the limits (a missing request defaults to the limit). Huge pages and device resources do not count toward the class. From Kubernetes 1.34 a pod that sets pod-level `spec.resources` gets no exclusive CPUs and no NUMA pinning from these managers, whatever its class (below 1.34 the API server drops the field). The QoS class is computed exactly; whether the node runs these managers is not visible in the manifest.",
    messages: {
      notGuaranteed: `The pod requests huge pages ({{resources}}) but its QoS class is {{qos}}, not Guaranteed: {{reason}}. The Memory Manager pins huge pages to a NUMA node, and the Topology Manager aligns them with CPUs and devices, only for Guaranteed pods, so these pages may come from a remote NUMA node. ${NODE}`,
      podLevelResources: `The pod requests huge pages ({{resources}}) and sets pod-level spec.resources: from Kubernetes 1.34 the static CPU and Memory Managers give such a pod no exclusive CPUs and no NUMA pinning, whatever its QoS class. Set resources per container instead. ${NODE}`,
    },
    fixes: {
      limitsToRequests: 'Make the pod Guaranteed: set requests to limits in every container',
      requestsToLimits: 'Make the pod Guaranteed: set limits to requests in every container',
      removePodResources: 'Remove the pod-level spec.resources (the containers are Guaranteed on their own)',
    },
  },
  check(ctx) {
    if (ctx.settings.profile === 'basic') return;
    const seen = new Set<object>();
    for (const pod of ctx.pods) {
      if (seen.has(pod.spec)) continue;
      seen.add(pod.spec);
      const version = ctx.settings.kubernetesVersion;
      const huge = [...new Set(resourceOwners(ctx.file, pod, version).flatMap(hugePageNames))];
      if (huge.length === 0) continue;
      const qos = podQos(ctx.file, pod, version);
      const resources = huge.join(', ');
      if (qos.podLevel) {
        const own = podQos(ctx.file, pod, version, { containersOnly: true });
        const pair = qos.podLevel.pair!;
        const fixes: FixReport[] = own.qosClass === 'Guaranteed' ? [{ id: 'removePodResources', edits: (file) => [removePair(file, pod.spec, pair)] }] : [];
        ctx.report({ messageId: 'podLevelResources', at: pod.specPair.key, data: { resources }, fixes });
        continue;
      }
      if (qos.qosClass === undefined || qos.qosClass === 'Guaranteed') continue;
      const fixes: FixReport[] = [
        { id: 'limitsToRequests', edits: (file) => guaranteedEdits(file, qos.gaps, 'limits') },
        { id: 'requestsToLimits', edits: (file) => guaranteedEdits(file, qos.gaps, 'requests') },
      ];
      ctx.report({ messageId: 'notGuaranteed', at: pod.specPair.key, data: { resources, qos: qos.qosClass, reason: reasonOf(pod, qos.gaps) }, fixes });
    }
  },
};

/** Why the pod is not Guaranteed, in words: the first container that keeps it from it, and how many more do. */
function reasonOf(pod: PodSpecView, gaps: QosGap[]): string {
  const first = gaps[0];
  if (!first?.container) return 'its summed requests differ from its summed limits';
  const c = first.container;
  const name = `${c.list === 'initContainers' ? 'init container' : 'container'} '${c.name ?? `#${c.index}`}'`;
  const parts: string[] = [];
  if (first.missingLimits.length > 0) parts.push(`has no ${first.missingLimits.join(' or ')} limit`);
  if (first.differing.length > 0) parts.push(`requests ${first.differing.join(' and ')} below ${first.differing.length > 1 ? 'their limits' : 'its limit'}`);
  const more = gaps.length > 1 ? ` (and ${gaps.length - 1} more of its ${pod.containers.length} containers)` : '';
  return `${name} ${parts.join(' and ')}${more}`;
}

/**
 * Edits that make every container Guaranteed: for cpu and memory, the value of one side (`from`:
 * limits or requests) is copied with its spelling to the other; where only the other side has a
 * value above zero, that one is used; where neither does, placeholders with a comment.
 */
function guaranteedEdits(file: ParsedFile, gaps: QosGap[], from: 'limits' | 'requests') {
  return gaps.flatMap((gap) => {
    const rr = gap.resources;
    const values: Required<ResourceValues> = { requests: {}, limits: {} };
    for (const name of ['cpu', 'memory'] as const) {
      if (!gap.missingLimits.includes(name) && !gap.differing.includes(name)) continue;
      const limit = rr.limits.entries.get(name);
      const request = rr.requests.entries.get(name);
      const usable = (e: typeof limit) => (isPositive(quantityOf(e)) ? e : undefined);
      const source = from === 'limits' ? (usable(limit) ?? usable(request)) : (usable(request) ?? usable(limit));
      const value = source ? spellingOf(source) : PLACEHOLDERS[name];
      if (!value) return [undefined];
      if (!source || source !== limit) values.limits[name] = value;
      if (!source || (request && source !== request)) values.requests[name] = value;
    }
    return setResources(file, rr, values);
  });
}
