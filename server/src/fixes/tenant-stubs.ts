// The objects the tenancy fixes (RA2 gap 1) add: NetworkPolicies, a ResourceQuota, a LimitRange, Pod Security labels.

/** The Pod Security Admission label keys. */
export const PSA_ENFORCE = 'pod-security.kubernetes.io/enforce';
const PSA_PREFIX = 'pod-security.kubernetes.io/';

/** `metadata` with a name and, when given, a namespace. */
function metadata(name: string, namespace: string | undefined): Record<string, unknown> {
  return namespace === undefined ? { name } : { name, namespace };
}

/**
 * A NetworkPolicy for the pods with `labels`: ingress from the pods of its namespace, egress to them
 * and to the cluster DNS; a starting point to narrow to the peers the pods really talk to.
 */
export function podNetworkPolicy(name: string, namespace: string | undefined, labels: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(name, namespace),
    spec: {
      podSelector: { matchLabels: labels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [
        { to: [{ podSelector: {} }] },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  };
}

/** A NetworkPolicy that selects every pod of its namespace and admits nothing, in or out. */
export function defaultDenyPolicy(namespace: string | undefined): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata('default-deny', namespace),
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

/** A ResourceQuota of `hard` limits (quantities already as Kubernetes prints them). */
export function resourceQuota(namespace: string, hard: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: metadata(`${namespace}-quota`, namespace), spec: { hard } };
}

/**
 * A LimitRange that gives every container without its own a cpu and memory request and limit
 * (so that a ResourceQuota on limits admits it); values to tune.
 */
export function limitRange(namespace: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: metadata(`${namespace}-limits`, namespace),
    spec: {
      limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }],
    },
  };
}

/**
 * The Pod Security labels of a tenant namespace: `restricted` enforced, warned and audited,
 * pinned to the Kubernetes version the manifests target (`v1.33`).
 */
export function podSecurityLabels(kubernetesVersion: string): Record<string, string> {
  const version = `v${kubernetesVersion.replace(/^v/, '')}`;
  return {
    [PSA_ENFORCE]: 'restricted',
    [`${PSA_PREFIX}enforce-version`]: version,
    [`${PSA_PREFIX}warn`]: 'restricted',
    [`${PSA_PREFIX}audit`]: 'restricted',
  };
}
