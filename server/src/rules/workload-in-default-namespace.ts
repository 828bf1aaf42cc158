// workload-in-default-namespace: a namespaced object in `default`, written or by omission (RA2 gap 1).
import { insertPair, replaceScalar } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { getPair } from '../manifest/nodes';
import { isInfrastructureNamespace, isNamespacedKind, tenantNamespace } from '../workspace/namespaces';

/** The namespace every tenant shares when it names none. */
const DEFAULT_NAMESPACE = 'default';

export const rule: Rule = {
  meta: {
    id: 'workload-in-default-namespace',
    title: "Object in the 'default' namespace",
    gap: 1,
    requirements: ['e.man.004', 'sec.wl.005', 'sec.wl.006', 'ra2.k8s.021'],
    defaultSeverity: 'warning',
    confidence: 'mixed',
    scope: 'workspace',
    appliesTo: 'every object of a namespaced kind (workloads, Services, ConfigMaps, NetworkAttachmentDefinitions, ...), outside the infrastructure namespaces',
    rationale:
      "RA2 separates tenants with namespaces (ra2.k8s.021): quotas, Pod Security levels, network policies, RBAC and Multus attachments are all scoped by namespace. An object in `default` shares that namespace with everything else put there by omission, so none of those guardrails can be set for the CNF alone, and production and non-production workloads (sec.wl.005) or workloads of different categories (sec.wl.006) cannot be told apart. An object without `metadata.namespace` lands in the namespace `kubectl apply` is given (in a Helm chart, the release namespace, which is not reported); without `-n` that is `default`.",
    messages: {
      explicitDefault: "{{kind}} '{{name}}' is in namespace 'default': give the CNF a namespace of its own, where its quota, Pod Security level and network policies apply to it alone.",
      absent: "{{kind}} '{{name}}' has no metadata.namespace: applied without -n it lands in 'default', shared by everything else applied that way.",
    },
    fixes: { setNamespace: "Set namespace to '{{namespace}}' (a Namespace of the workspace)" },
    links: [
      { title: 'Kubernetes: namespaces', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/' },
      { title: 'Kubernetes: multi-tenancy', url: 'https://kubernetes.io/docs/concepts/security/multi-tenancy/' },
    ],
  },
  check(ctx) {
    for (const o of ctx.objects) {
      if (!isNamespacedKind(o.kind) || tenantNamespace(o, ctx.settings) !== DEFAULT_NAMESPACE) continue;
      const targets = ctx.workspace
        .objectsOfKind('Namespace')
        .map((n) => n.name)
        .filter((n): n is string => !!n && n !== DEFAULT_NAMESPACE && !isInfrastructureNamespace(n, ctx.settings));
      const metadata = o.metadata;
      const pair = getPair(metadata, 'namespace');
      const data = { kind: o.kind, name: o.name ?? '(unnamed)' };
      const fixes: FixReport[] = metadata
        ? [...new Set(targets)].sort().map((namespace) => ({
            id: 'setNamespace',
            data: { namespace },
            edits: (file) => [pair ? replaceScalar(file, pair.value, namespace) : insertPair(file, metadata, 'namespace', namespace)],
          }))
        : [];
      if (pair) ctx.report({ messageId: 'explicitDefault', at: pair, data, fixes });
      else {
        const metadataPair = getPair(o.map, 'metadata');
        ctx.report({ messageId: 'absent', at: metadataPair?.key ? [metadataPair.key.range![0], metadataPair.key.range![1]] : o.kindPair, severity: 'info', data, fixes });
      }
    }
  },
};
