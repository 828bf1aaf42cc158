// Which kinds live in namespaces, and which namespaces are the platform's own infrastructure rather than a tenant's.
import { isUnknownText } from '../manifest/unknown';
import type { Settings } from '../protocol/settings';
import { globMatcher } from './glob';

/** Kinds that live outside namespaces: their objects get namespace ''. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CSIDriver',
  'CSINode',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'VolumeSnapshotClass',
]);

/** True for a kind whose objects live outside namespaces. */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/**
 * Kinds known to be namespaced: Kubernetes' own, and the CNF kinds cnf-lint reads (Multus,
 * KubeVirt, OpenShift, Argo). A kind not listed (a custom resource cnf-lint cannot place) is
 * never reported for where it lives. The SR-IOV operator's SriovNetwork, SriovIBNetwork and
 * OVSNetwork are not listed: they belong in the operator's namespace (the platform's), and the
 * NetworkAttachmentDefinition they make lands in their `networkNamespace`.
 */
const NAMESPACED = new Set([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'Ingress',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'Role',
  'RoleBinding',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Lease',
  'NetworkAttachmentDefinition',
  'MultiNetworkPolicy',
  'VirtualMachine',
  'VirtualMachineInstance',
  'VirtualMachineInstanceReplicaSet',
  'VirtualMachinePool',
  'DataVolume',
  'DeploymentConfig',
  'Rollout',
]);

/** True for a kind known to live in a namespace. */
export function isNamespacedKind(kind: string): boolean {
  return NAMESPACED.has(kind);
}

/**
 * True when `namespace` is the platform's own (a glob of `infrastructureNamespaces` matches it):
 * not a tenant, so no gap-1 rule reports its objects.
 */
export function isInfrastructureNamespace(namespace: string, settings: Settings): boolean {
  return namespace !== '' && !namespace.includes('/') && globMatcher(settings.infrastructureNamespaces)(namespace);
}

/**
 * The namespace a namespaced object lives in when it is a tenant's: `metadata.namespace`, else the
 * default namespace (a chart's release namespace); undefined for the platform's infrastructure and
 * for a namespace a template could not evaluate.
 */
export function tenantNamespace(object: { namespace?: string }, settings: Settings): string | undefined {
  const namespace = object.namespace ?? settings.defaultNamespace;
  return isUnknownText(namespace) || isInfrastructureNamespace(namespace, settings) ? undefined : namespace;
}
