// What the workspace index knows about each object, and the read-only view rules query.
import type { LabelSelector } from '../manifest/label-selector';

export type { LabelSelector } from '../manifest/label-selector';

/** A NetworkAttachmentDefinition reference: its namespace and name. */
export interface NetworkRef {
  namespace: string;
  name: string;
}

/** One CNI plugin of a NetworkAttachmentDefinition's config. */
export interface CniPluginSummary {
  /** The plugin `type`, when it is a string. */
  type?: string;
  /** The capabilities the plugin declares `true` (`ips`, `mac`, `portMappings`, `bandwidth`, ...). */
  capabilities: readonly string[];
  /** The `type` of its `ipam` object (`whereabouts`, `host-local`, ...), when it has one. */
  ipam?: string;
  /** The subnets its IPAM allocates from, as written (CIDRs). */
  subnets?: readonly string[];
  /** True when it installs a default route in the pod (an IPAM route to 0.0.0.0/0 or ::/0, a bridge's isDefaultGateway). */
  defaultRoute?: true;
  /** For a `vrf` plugin: its `vrfname` when a string. */
  vrfname?: string;
  /** For a `vrf` plugin: its `table` when a non-negative integer (0: unset, the plugin picks one). */
  table?: number;
}

/**
 * The kinds whose objects give Multus a NetworkAttachmentDefinition: the NAD itself, and the objects
 * network operators turn into a NAD of their own name (SR-IOV Network Operator, NVIDIA Network Operator).
 */
export type NadSourceKind = 'NetworkAttachmentDefinition' | 'SriovNetwork' | 'SriovIBNetwork' | 'OVSNetwork' | 'HostDeviceNetwork' | 'MacvlanNetwork' | 'IPoIBNetwork';

/**
 * A NetworkAttachmentDefinition as Multus resolves it: written as such, or rendered by a network
 * operator from one of its objects (in `spec.networkNamespace`, named like the object).
 */
export interface IndexedNad {
  /** The file that defines it. */
  uri: string;
  namespace: string;
  name: string;
  /** The kind of the object that defines it. */
  definedBy: NadSourceKind;
  /**
   * The device-plugin resource its interfaces come from: the `k8s.v1.cni.cncf.io/resourceName`
   * annotation of a NAD (`intel.com/n3`), or an operator object's `spec.resourceName` as written
   * (`n3`, see `anyPrefix`).
   */
  resourceName?: string;
  /**
   * True when `resourceName` is an operator's bare name: the operator publishes it under the
   * prefix it is configured with (`openshift.io`, `nvidia.com`, ...), so `<any-prefix>/<resourceName>` is it.
   */
  anyPrefix?: true;
  /**
   * True when the operator that renders it also deploys the SR-IOV Network Resources Injector
   * (`enableInjector`, on by default), which adds the resource request to every pod that attaches it.
   */
  injected?: true;
  /** The plugins of its CNI config in order (one for a single config); undefined when the config is missing or not JSON. */
  plugins?: readonly CniPluginSummary[];
}

/** The summary of one Kubernetes object of the workspace. */
export interface IndexedObject {
  /** The file it is in (a URI in the server, the path as given in the CLI). */
  uri: string;
  kind: string;
  apiVersion: string;
  name?: string;
  /** `metadata.namespace`, or the file's default namespace when absent; '' for cluster-scoped kinds. */
  namespace: string;
  labels: Readonly<Record<string, string>>;
  /** For a NetworkAttachmentDefinition or an operator object that makes one: the NAD Multus sees. */
  nad?: IndexedNad;
  /** For a MultiNetworkPolicy: the networks its `k8s.v1.cni.cncf.io/policy-for` annotation names. */
  policyFor?: readonly NetworkRef[];
  /** For a NetworkPolicy or MultiNetworkPolicy: its `spec.podSelector` (absent or null: the empty selector, every pod). */
  podSelector?: LabelSelector;
  /** For a NetworkPolicy: its `policyTypes` as the API server defaults them (Ingress, plus Egress when it has egress rules). */
  policyTypes?: ReadonlyArray<'Ingress' | 'Egress'>;
  /** For a workload (any kind with a pod spec): what tenancy rules need of its pods. */
  pod?: PodSummary;
  /** For a ServiceAccount: its `automountServiceAccountToken` when it is a boolean. */
  automountToken?: boolean;
  /** For a NetworkAttachmentDefinition: `spec.config` as written (what a copy of it in another namespace takes). */
  nadConfig?: string;
  /** For a RuntimeClass: `overhead.podFixed`, each quantity as Kubernetes prints it. */
  overhead?: Readonly<Record<string, string>>;
}

/** The pods of a workload, as the tenancy rules (RA2 gap 1) see them. */
export interface PodSummary {
  /** The pod template's labels (the pod's own for a Pod). */
  labels: Readonly<Record<string, string>>;
  /** How many pods run at once (`replicas`, `parallelism`; 1 for a DaemonSet, 0 for a PodTemplate). */
  replicas: number;
  /** `spec.runtimeClassName`, whose RuntimeClass may add pod overhead. */
  runtimeClassName?: string;
  /** One pod's requests and limits as the scheduler counts them (no overhead), as Kubernetes prints each quantity. */
  requests: Readonly<Record<string, string>>;
  limits: Readonly<Record<string, string>>;
}

/**
 * What rules of scope `workspace` see of the workspace: every manifest of the workspace folders
 * (editor) or of the paths given (CLI), with the file being linted at its current text. Lookups are
 * exact: names and namespaces as Kubernetes resolves them. Read-only; every lookup is recorded, so
 * that the file is linted again when what it looked up changes.
 */
export interface WorkspaceView {
  /** The NetworkAttachmentDefinition `namespace/name` (written, or rendered from an operator's object), or undefined. */
  nad(namespace: string, name: string): IndexedNad | undefined;
  /** Every NetworkAttachmentDefinition named `name`, in any namespace. */
  nadsNamed(name: string): IndexedNad[];
  /**
   * Every NetworkAttachmentDefinition whose device resource a container request `resource` is: its
   * resourceName is `resource`, or it has `anyPrefix` and `resource` is `<any-prefix>/<resourceName>`.
   */
  nadsWithResource(resource: string): IndexedNad[];
  /** The MultiNetworkPolicies whose `policy-for` names the NetworkAttachmentDefinition `namespace/name`. */
  policiesFor(namespace: string, name: string): IndexedObject[];
  /** Every object of a kind (any apiVersion), in index order. */
  objectsOfKind(kind: string): IndexedObject[];
  /** The objects of a kind in a namespace ('' for cluster-scoped kinds), in index order. */
  objectsIn(kind: string, namespace: string): IndexedObject[];
  /** The object of a kind, namespace ('' for cluster-scoped kinds) and name, or undefined (the first one found). */
  object(kind: string, namespace: string, name: string): IndexedObject | undefined;
  /** Every workload (object with a pod summary) of a namespace, in index order. */
  workloadsIn(namespace: string): IndexedObject[];
  /** True when an object of an answer is defined in the file being linted (at its current text). */
  inThisFile(object: { uri: string }): boolean;
}
