// The registry of lint rules, sorted by id. A rule's file name is its id.
import type { Rule } from '../linter/types';
import { rule as exclusiveCpusNotRequested } from './exclusive-cpus-not-requested';
import { rule as helmDefaultMasksFalse } from './helm-default-masks-false';
import { rule as hostNamespaceSharing } from './host-namespace-sharing';
import { rule as hugepagesNotNumaAligned } from './hugepages-not-numa-aligned';
import { rule as hugepagesSpecInvalid } from './hugepages-spec-invalid';
import { rule as hugepagesVolumeMismatch } from './hugepages-volume-mismatch';
import { rule as kubevirtDedicatedCpuInvalid } from './kubevirt-dedicated-cpu-invalid';
import { rule as kubevirtNetworkBindingInvalid } from './kubevirt-network-binding-invalid';
import { rule as kubevirtNumaPassthroughIncomplete } from './kubevirt-numa-passthrough-incomplete';
import { rule as kubevirtRunningDeprecated } from './kubevirt-running-deprecated';
import { rule as kubevirtVnfPerformanceProfile } from './kubevirt-vnf-performance-profile';
import { rule as multusAnnotationMalformed } from './multus-annotation-malformed';
import { rule as multusAnnotationMisplaced } from './multus-annotation-misplaced';
import { rule as multusCrossNamespaceAttachment } from './multus-cross-namespace-attachment';
import { rule as multusIgnoredOnHostNetwork } from './multus-ignored-on-host-network';
import { rule as multusNetworkUnresolved } from './multus-network-unresolved';
import { rule as multusRequestCapabilityMissing } from './multus-request-capability-missing';
import { rule as namespaceTenantGuardrailsMissing } from './namespace-tenant-guardrails-missing';
import { rule as networkPolicyMissing } from './network-policy-missing';
import { rule as nadConfigInvalid } from './nad-config-invalid';
import { rule as nadIpamNotClusterWide } from './nad-ipam-not-cluster-wide';
import { rule as nadVrfPluginMisconfigured } from './nad-vrf-plugin-misconfigured';
import { rule as privilegedContainer } from './privileged-container';
import { rule as secondaryNetworkPolicyMissing } from './secondary-network-policy-missing';
import { rule as serviceAccountTokenAutomounted } from './service-account-token-automounted';
import { rule as singleInterfaceAssumption } from './single-interface-assumption';
import { rule as sriovResourceMismatch } from './sriov-resource-mismatch';
import { rule as userNamespaceHostNamespaceConflict } from './user-namespace-host-namespace-conflict';
import { rule as userNamespaceNotEnabled } from './user-namespace-not-enabled';
import { rule as userNamespaceVolumeIncompatible } from './user-namespace-volume-incompatible';
import { rule as workloadInDefaultNamespace } from './workload-in-default-namespace';
import { rule as vrfSeparationMissing } from './vrf-separation-missing';

/** Every lint rule cnf-lint ships, sorted by id. */
export const RULES: readonly Rule[] = [
  exclusiveCpusNotRequested,
  helmDefaultMasksFalse,
  hostNamespaceSharing,
  hugepagesNotNumaAligned,
  hugepagesSpecInvalid,
  hugepagesVolumeMismatch,
  kubevirtDedicatedCpuInvalid,
  kubevirtNetworkBindingInvalid,
  kubevirtNumaPassthroughIncomplete,
  kubevirtRunningDeprecated,
  kubevirtVnfPerformanceProfile,
  multusAnnotationMalformed,
  multusAnnotationMisplaced,
  multusCrossNamespaceAttachment,
  multusIgnoredOnHostNetwork,
  multusNetworkUnresolved,
  multusRequestCapabilityMissing,
  namespaceTenantGuardrailsMissing,
  networkPolicyMissing,
  nadConfigInvalid,
  nadIpamNotClusterWide,
  nadVrfPluginMisconfigured,
  privilegedContainer,
  secondaryNetworkPolicyMissing,
  serviceAccountTokenAutomounted,
  singleInterfaceAssumption,
  sriovResourceMismatch,
  userNamespaceHostNamespaceConflict,
  userNamespaceNotEnabled,
  userNamespaceVolumeIncompatible,
  workloadInDefaultNamespace,
  vrfSeparationMissing,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
