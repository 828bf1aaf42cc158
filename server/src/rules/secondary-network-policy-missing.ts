// secondary-network-policy-missing: a pod's secondary network that no MultiNetworkPolicy of the workspace covers (RA2 gap 3).
import { appendDocument } from '../fixes/append-document';
import { multiNetworkPolicySkeleton } from '../fixes/stubs';
import type { Rule } from '../linter/types';
import { selects, stringMap } from '../manifest/label-selector';
import { podNetworks } from '../manifest/multus-networks';
import { get } from '../manifest/nodes';
import { attachmentRef, podNamespace, refText } from '../workspace/refs';

export const rule: Rule = {
  meta: {
    id: 'secondary-network-policy-missing',
    title: 'Secondary network without a MultiNetworkPolicy',
    gap: 3,
    requirements: ['ra2.k8s.014', 'ra2.ntw.014', 'sec.ci.008'],
    defaultSeverity: 'info',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo: 'every network a pod (template) attaches, against the MultiNetworkPolicies of the workspace',
    rationale:
      "A NetworkPolicy filters the pod's cluster interface only: traffic on Multus secondary interfaces bypasses it. The multi-network policy controller enforces MultiNetworkPolicy objects on the networks their `k8s.v1.cni.cncf.io/policy-for` annotation names, for the pods their `podSelector` selects in their namespace. A secondary network no such policy covers is open to everything else attached to it.",
    messages: {
      missing:
        "No MultiNetworkPolicy in the workspace covers network '{{network}}' for this pod (policy-for naming it, in namespace '{{namespace}}', selecting the pod): NetworkPolicy does not filter secondary interfaces.",
    },
    fixes: { addPolicy: "Add a MultiNetworkPolicy for '{{network}}' at the end of this file" },
    links: [
      { title: 'multi-networkpolicy: MultiNetworkPolicy and policy-for', url: 'https://github.com/k8snetworkplumbingwg/multi-networkpolicy' },
      { title: 'Kubernetes network policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const networks = podNetworks(ctx.file.text, pod);
      if (!networks) continue;
      const namespace = podNamespace(pod, ctx.settings);
      const labels = stringMap(get(pod.templateMetadata, 'labels'));
      const seen = new Set<string>();
      for (const element of networks.elements) {
        if (!element.valid || !element.name || !element.nameSpan) continue;
        const ref = attachmentRef(element, namespace);
        const covered = ctx.workspace.policiesFor(ref.namespace, ref.name).some((p) => p.namespace === namespace && selects(p.podSelector, labels));
        const id = `${ref.namespace}/${ref.name}`;
        if (covered || seen.has(id)) continue;
        seen.add(id);
        const network = refText(ref, namespace);
        const policyNamespace = pod.object.namespace;
        ctx.report({
          messageId: 'missing',
          at: element.nameSpan,
          data: { network, namespace },
          fixes: [
            {
              id: 'addPolicy',
              data: { network },
              edits: (file) => [appendDocument(file, multiNetworkPolicySkeleton(`${ref.name}-policy`, policyNamespace, network, labels))],
            },
          ],
        });
      }
    }
  },
};
