// namespace-tenant-guardrails-missing: a tenant Namespace without a Pod Security level, a ResourceQuota or a LimitRange (RA2 gap 1).
import { appendDocuments } from '../fixes/append-document';
import { insertPair, setPairs } from '../fixes/edits';
import { limitRange, podSecurityLabels, PSA_ENFORCE, resourceQuota } from '../fixes/tenant-stubs';
import type { FixReport, Rule } from '../linter/types';
import { asMap, get, getPair, stringValue } from '../manifest/nodes';
import type { ParsedFile } from '../manifest/parse';
import { isUnknownText } from '../manifest/unknown';
import { isInfrastructureNamespace } from '../workspace/namespaces';
import { proposeQuota } from '../workspace/tenant-quota';

export const rule: Rule = {
  meta: {
    id: 'namespace-tenant-guardrails-missing',
    title: 'Tenant namespace without guardrails',
    gap: 1,
    requirements: ['ra2.app.032', 'e.man.004', 'ra2.k8s.021'],
    defaultSeverity: 'info',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo: 'every Namespace object outside the infrastructure namespaces, against the ResourceQuotas and LimitRanges of the workspace',
    rationale:
      "A namespace separates tenants only as far as its guardrails go. Without a ResourceQuota one tenant can take the cluster's CPU, memory, huge pages and devices from the others; without a LimitRange a container that sets no limits runs unbounded, and RA2 asks that containers and namespaces have CPU and memory limits (ra2.app.032); without a Pod Security `enforce` level (or with `privileged`) any pod may run privileged or on the host network. One finding per Namespace lists what is missing.",
    messages: {
      missing: "Namespace '{{name}}' has no {{missing}}: its tenant is not held to its share of the cluster.",
    },
    fixes: {
      addGuardrails: "Add what namespace '{{name}}' misses: {{missing}} (the documents at the end of this file)",
      addPodSecurity: "Label namespace '{{name}}' Pod Security 'restricted' (enforce, warn, audit)",
      addResourceQuota: "Add a ResourceQuota for '{{name}}' pre-filled from its workloads at the end of this file",
      addLimitRange: "Add a LimitRange for '{{name}}' at the end of this file",
    },
    links: [
      { title: 'Kubernetes: resource quotas', url: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/' },
      { title: 'Kubernetes: limit ranges', url: 'https://kubernetes.io/docs/concepts/policy/limit-range/' },
      { title: 'Kubernetes: Pod Security Admission labels', url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/' },
    ],
  },
  check(ctx) {
    for (const o of ctx.objects) {
      const name = o.name;
      const metadataPair = getPair(o.map, 'metadata');
      const metadata = o.metadata;
      if (o.kind !== 'Namespace' || !name || isUnknownText(name) || !metadata || !metadataPair?.key) continue;
      if (isInfrastructureNamespace(name, ctx.settings)) continue;
      const labels = asMap(get(metadata, 'labels'));
      const enforce = stringValue(get(labels, PSA_ENFORCE));
      if (isUnknownText(enforce)) continue;
      const missing: string[] = [];
      /** What each missing guardrail adds: edits of the Namespace, documents after it. */
      const parts: Array<{ id: string; labels?: true; document?: { object: Record<string, unknown>; comment?: string } }> = [];
      if (enforce === undefined || enforce === 'privileged') {
        missing.push(enforce === undefined ? 'Pod Security enforce label' : "Pod Security enforce level other than 'privileged'");
        parts.push({ id: 'addPodSecurity', labels: true });
      }
      if (ctx.workspace.objectsIn('ResourceQuota', name).length === 0) {
        missing.push('ResourceQuota');
        const quota = proposeQuota(ctx.workspace, name);
        parts.push({ id: 'addResourceQuota', document: { object: resourceQuota(name, quota.hard), comment: quota.note } });
      }
      if (ctx.workspace.objectsIn('LimitRange', name).length === 0) {
        missing.push('LimitRange');
        parts.push({ id: 'addLimitRange', document: { object: limitRange(name) } });
      }
      if (missing.length === 0) continue;
      const psa = podSecurityLabels(ctx.settings.kubernetesVersion);
      // One finding lists everything missing: its fix adds all of it (one part alone would leave the finding).
      const edits = (file: ParsedFile) => {
        const documents = parts.flatMap((p) => (p.document ? [p.document] : []));
        const labelEdits = parts.some((p) => p.labels) ? (labels ? setPairs(file, labels, psa) : [insertPair(file, metadata, 'labels', psa)]) : [];
        return [...labelEdits, ...(documents.length > 0 ? [appendDocuments(file, documents)] : [])];
      };
      const fixes: FixReport[] = [{ id: parts.length === 1 ? parts[0].id : 'addGuardrails', data: { name, missing: listed(missing) }, edits }];
      ctx.report({ messageId: 'missing', at: metadataPair.key, data: { name, missing: listed(missing) }, fixes });
    }
  },
};

/** `a`, `a and b`, `a, b and c`. */
function listed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
