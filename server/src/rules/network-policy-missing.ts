// network-policy-missing: a workload that no NetworkPolicy of its namespace selects: its pods admit any traffic (RA2 gap 1).
import { appendDocument } from '../fixes/append-document';
import { defaultDenyPolicy, podNetworkPolicy } from '../fixes/tenant-stubs';
import type { FixReport, Rule } from '../linter/types';
import { selects, stringMap } from '../manifest/label-selector';
import { get, isTrue } from '../manifest/nodes';
import { tenantNamespace } from '../workspace/namespaces';

export const rule: Rule = {
  meta: {
    id: 'network-policy-missing',
    title: 'Workload without a NetworkPolicy',
    gap: 1,
    requirements: ['sec.ci.008', 'ra2.k8s.014', 'ra2.ntw.014'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo: 'every pod (template) of a workload kind outside the host network and the infrastructure namespaces, against the NetworkPolicies of the workspace in its namespace',
    rationale:
      "A pod that no NetworkPolicy selects is not isolated: it accepts traffic from every pod of every namespace, tenants included, and may send anywhere. RA2 requires tenant network segregation with Network Policies (sec.ci.008, ra2.k8s.014). A NetworkPolicy applies to the pods of its own namespace that its `podSelector` selects (an empty selector selects them all); its `policyTypes`, when not written, are `Ingress`, plus `Egress` when it has egress rules. Pods on the host network are left out: policies do not apply to them. When policies are installed separately from the CNF's manifests, turn this rule off.",
    messages: {
      missing: "No NetworkPolicy in the workspace selects the pods of {{kind}} '{{name}}' in namespace '{{namespace}}': they accept traffic from any pod of the cluster.",
    },
    fixes: {
      addPolicy: "Add a NetworkPolicy for the pods labelled {{labels}} at the end of this file",
      addDefaultDeny: "Add a default-deny NetworkPolicy for namespace '{{namespace}}' at the end of this file",
    },
    links: [
      { title: 'Kubernetes: network policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
      { title: 'Kubernetes: default policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const namespace = tenantNamespace(pod.object, ctx.settings);
      if (namespace === undefined || pod.object.kind === 'PodTemplate' || isTrue(get(pod.spec, 'hostNetwork'))) continue;
      const labels = stringMap(get(pod.templateMetadata, 'labels'));
      const covered = ctx.workspace.objectsIn('NetworkPolicy', namespace).some((p) => selects(p.podSelector, labels));
      if (covered) continue;
      const name = pod.object.name ?? '(unnamed)';
      const policyNamespace = pod.object.namespace;
      const fixes: FixReport[] = [];
      if (Object.keys(labels).length > 0) {
        const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
        fixes.push({ id: 'addPolicy', data: { labels: shown }, edits: (file) => [appendDocument(file, podNetworkPolicy(`${name}-network-policy`, policyNamespace, labels))] });
      }
      fixes.push({ id: 'addDefaultDeny', preferred: false, data: { namespace }, edits: (file) => [appendDocument(file, defaultDenyPolicy(policyNamespace))] });
      ctx.report({ messageId: 'missing', at: pod.specPair.key!, data: { kind: pod.object.kind, name, namespace }, fixes });
    }
  },
};
