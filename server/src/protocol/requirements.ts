// The Anuket requirement ids and RA2 gaps that rules cite, with their meaning (for hovers and docs).

/** Where a requirement is defined: Anuket RA2 (Kubernetes reference architecture) or the Reference Model. */
export type RequirementSource = 'RA2' | 'RM';

/** One requirement: what it asks for, in a line, and which Anuket document defines it. */
export interface Requirement {
  id: string;
  meaning: string;
  source: RequirementSource;
}

/** The attribution a text quoting or paraphrasing the Anuket documents carries (CC BY 4.0). */
export const REQUIREMENTS_ATTRIBUTION =
  'Anuket Reference Architecture 2 (Kubernetes) and Reference Model, anuket-project/RA2 and anuket-project/RM, CC BY 4.0';

const ra2 = (id: string, meaning: string): Requirement => ({ id, meaning, source: 'RA2' });
const rm = (id: string, meaning: string): Requirement => ({ id, meaning, source: 'RM' });

/** Every requirement id a rule may cite, sorted by id. */
export const REQUIREMENTS: readonly Requirement[] = [
  rm('e.man.004', 'isolate resources between tenants (RA2 implements it with Namespaces, ra2.k8s.021)'),
  ra2('inf.ntw.03', 'the networking solution should be centrally administered and configured'),
  rm('infra.com.cfg.002', 'NUMA alignment (must for the high-performance profile; implemented by ra2.k8s.006)'),
  rm('infra.com.cfg.004', 'huge pages (must for the high-performance profile; implemented by ra2.ch.001)'),
  ra2('ra2.app.006', 'extra connection points are requested through annotations or resource requests'),
  ra2('ra2.app.007', 'no hostPath volumes'),
  ra2('ra2.app.009', 'SR-IOV and accelerators are consumed through device plugins'),
  ra2('ra2.app.029', '`automountServiceAccountToken: false` in all pods'),
  ra2('ra2.app.030', 'no hostNetwork'),
  ra2('ra2.app.031', 'no hostPID or hostIPC'),
  ra2('ra2.app.032', 'containers and namespaces have CPU and memory limits'),
  ra2('ra2.app.037', 'ConfigMaps are immutable'),
  ra2('ra2.app.041', 'no privileged mode'),
  ra2('ra2.app.042', 'containers do not run as root'),
  ra2('ra2.app.043', 'no privilege escalation'),
  ra2('ra2.app.044', 'runAsUser and runAsGroup are greater than 999'),
  ra2('ra2.app.047', 'hostPorts should not be used'),
  ra2('ra2.ch.001', 'high-performance nodes expose `hugepages-2Mi` and `hugepages-1Gi`'),
  ra2('ra2.k8s.006', 'Topology Manager `single-numa-node` with CPU Manager `static` on high-performance nodes'),
  ra2('ra2.k8s.009', 'CPU pinning through the static CPU Manager (Guaranteed pods, integer CPUs)'),
  ra2('ra2.k8s.011', 'node labels `anuket.io/profile/basic` and `anuket.io/profile/network-intensive`'),
  ra2('ra2.k8s.014', 'NetworkPolicy must be supported'),
  ra2('ra2.k8s.021', 'resource isolation between tenants with Namespaces'),
  ra2('ra2.ntw.003', 'at least 5 extra connection points per pod'),
  ra2('ra2.ntw.004', 'extra connection points are requested through annotations or resource requests'),
  ra2('ra2.ntw.008', 'SR-IOV and accelerators are consumed through device plugins'),
  ra2('ra2.ntw.012', 'SR-IOV and accelerators are consumed through device plugins'),
  ra2('ra2.ntw.014', 'NetworkPolicy must be supported'),
  ra2('ra2.ntw.015', 'with a CNI multiplexer, secondary interfaces use an IPAM that allocates across all nodes'),
  ra2('ra2.ntw.016', 'the CNI multiplexer implements the multi-net-spec v1.2'),
  ra2('ra2.plat.038', 'an egress controller routes and isolates traffic types, for example into separate VRFs'),
  rm('sec.ci.008', 'the infrastructure must support tenant network segregation (Network Policies)'),
  rm('sec.sys.021', "the platform must support user namespaces, isolating pod users from the node's users"),
  rm('sec.wl.005', 'production and non-production workloads must be separable'),
  rm('sec.wl.006', 'workloads must be separable by categorisation (payment data, health data, ...)'),
];

/** A requirement by id, or undefined for an id the table does not know. */
export function requirementById(id: string): Requirement | undefined {
  return REQUIREMENTS.find((r) => r.id === id);
}

/** The titles of the gaps of the RA2 chapter "Gaps, Innovation, and Development", by the number rules use. */
export const GAP_TITLES: Readonly<Record<number, string>> = {
  0: 'none: a finding of cnf-lint itself',
  1: 'Multitenancy and workload isolation',
  2: 'Kubernetes as a VM-based VNF orchestrator',
  3: 'Native multiple network interfaces on Pods',
  4: 'Dynamic network management',
  5: 'Control plane efficiency',
  6: 'Interoperability with VRF-based networking',
  7: 'Hardware topology-aware huge pages',
  8: 'User namespaces in Kubernetes',
};
