// exclusive-cpus-not-requested: a data-plane container of a Guaranteed pod with a fractional cpu gets no exclusive CPUs (RA2 gap 7).
import { replaceScalar } from '../fixes/edits';
import { quantityText } from '../fixes/resource-edits';
import type { FixReport, Rule } from '../linter/types';
import { ParsedFile } from '../manifest/parse';
import { ceilToInteger, formatQuantity, isInteger } from '../manifest/quantity';
import { podQos } from '../manifest/qos';
import { effectiveRequest, quantityOf, ResourceEntry, resourceRequirements } from '../manifest/resource-requirements';
import { usesDataPlaneResources } from '../manifest/resources';

export const rule: Rule = {
  meta: {
    id: 'exclusive-cpus-not-requested',
    title: 'Data-plane container without exclusive CPUs (fractional cpu)',
    gap: 7,
    requirements: ['ra2.k8s.009', 'ra2.k8s.006'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    appliesTo: 'every app and init container of a Guaranteed pod that requests huge pages or a device resource (unless the profile setting is basic)',
    rationale:
      "With the CPU Manager policy `static` (RA2 ra2.k8s.009), the kubelet gives a container exclusive CPUs only when its pod is Guaranteed and its own cpu request is a whole number. A DPDK or SR-IOV container with `1500m` shares its CPUs with every other pod on the node, so its poll-mode threads get preempted, and the CPU Manager gives the Topology Manager no hint to put its CPUs on the NUMA node of its huge pages and NICs. Containers without huge pages or devices (a `100m` metrics sidecar) may well stay fractional. Whether the node runs the static CPU Manager is not visible in the manifest.",
    messages: {
      fractionalCpu:
        "Container '{{name}}' uses huge pages or a device resource but requests cpu {{cpu}}, not a whole number: the static CPU Manager gives exclusive CPUs, and a NUMA hint to the Topology Manager, only to containers of Guaranteed pods whose cpu request is an integer, so it shares its CPUs with other pods (RA2 ra2.k8s.009). The node must also run CPU Manager policy static; cnf-lint cannot see the node.",
    },
    fixes: {
      roundUp: 'Round cpu up to {{cpu}} in requests and limits',
    },
  },
  check(ctx) {
    if (ctx.settings.profile === 'basic') return;
    const seen = new Set<object>();
    for (const pod of ctx.pods) {
      if (seen.has(pod.spec)) continue;
      seen.add(pod.spec);
      const qos = podQos(ctx.file, pod, ctx.settings.kubernetesVersion);
      // Pod-level resources: no exclusive CPUs at all (hugepages-not-numa-aligned says so).
      if (qos.qosClass !== 'Guaranteed' || qos.podLevel) continue;
      for (const c of pod.containers) {
        if (c.list === 'ephemeralContainers' || !usesDataPlaneResources(c)) continue;
        const rr = resourceRequirements(ctx.file, c.map);
        const request = effectiveRequest(rr, 'cpu');
        const cpu = quantityOf(request);
        if (!request || !cpu || isInteger(cpu)) continue;
        const rounded = ceilToInteger(cpu);
        const entries = [rr.requests.entries.get('cpu'), rr.limits.entries.get('cpu')].filter((e): e is ResourceEntry => e !== undefined);
        // Not preferred: it changes what the container reserves, a choice fix-all must not make.
        const fix: FixReport = {
          id: 'roundUp',
          data: { cpu: formatQuantity(rounded) },
          edits: (file: ParsedFile) => entries.map((e) => replaceScalar(file, e.read?.node, quantityText(ceilToInteger(quantityOf(e) ?? rounded), e))),
        };
        ctx.report({ messageId: 'fractionalCpu', at: request.pair, data: { name: c.name ?? `#${c.index}`, cpu: request.read!.spelling }, fixes: [fix] });
      }
    }
  },
};
