// Index summaries for the tenancy rules (RA2 gap 1): a workload's pods, a ServiceAccount's token, a RuntimeClass's overhead, a policy's types.
import { stringMap } from '../manifest/label-selector';
import { asMap, get, getIn, isFalse, isTrue, seqItems, stringValue } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { podSpecOf } from '../manifest/pod-specs';
import { podsRunning, podTotals, ResourceTotals } from '../manifest/pod-requests';
import { formatQuantity } from '../manifest/quantity';
import { readQuantity } from '../manifest/quantity-node';
import { IndexedObject, PodSummary } from './types';

/** The pods of a workload, or undefined for an object without a pod spec. */
export function summarizePod(o: K8sObject, file: { text: string; kubernetesVersion: string }): PodSummary | undefined {
  const pod = podSpecOf(o);
  if (!pod) return undefined;
  const totals = podTotals(file, pod, file.kubernetesVersion);
  const summary: PodSummary = {
    labels: stringMap(get(pod.templateMetadata, 'labels')),
    replicas: podsRunning(o),
    requests: printed(totals.requests),
    limits: printed(totals.limits),
  };
  const runtimeClassName = stringValue(get(pod.spec, 'runtimeClassName'));
  if (runtimeClassName) summary.runtimeClassName = runtimeClassName;
  return summary;
}

/** Adds what the tenancy rules read of a ServiceAccount, a NetworkAttachmentDefinition or a RuntimeClass to its summary. */
export function summarizeTenancy(o: K8sObject, out: IndexedObject, text: string): void {
  if (o.kind === 'ServiceAccount') {
    const automount = get(o.map, 'automountServiceAccountToken');
    if (isTrue(automount) || isFalse(automount)) out.automountToken = isTrue(automount);
  }
  if (o.kind === 'NetworkAttachmentDefinition') {
    const config = stringValue(getIn(o.map, ['spec', 'config']));
    if (config !== undefined) out.nadConfig = config;
  }
  if (o.kind === 'RuntimeClass') {
    const podFixed = asMap(getIn(o.map, ['overhead', 'podFixed']));
    const overhead: Record<string, string> = {};
    for (const item of podFixed?.items ?? []) {
      const name = stringValue(item.key);
      const read = readQuantity({ text }, item.value ?? undefined);
      if (name && read?.ok) overhead[name] = formatQuantity(read.quantity);
    }
    if (Object.keys(overhead).length > 0) out.overhead = overhead;
  }
}

/**
 * A NetworkPolicy's `policyTypes` as the API server defaults them: as written when it lists any;
 * else `Ingress`, and `Egress` too when the policy has egress rules.
 */
export function policyTypesOf(o: K8sObject): Array<'Ingress' | 'Egress'> {
  const written = seqItems(getIn(o.map, ['spec']), 'policyTypes').map((t) => stringValue(t));
  const types = (['Ingress', 'Egress'] as const).filter((t) => written.includes(t));
  if (written.length > 0) return types;
  return seqItems(getIn(o.map, ['spec']), 'egress').length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Quantities as Kubernetes prints them. */
function printed(totals: ResourceTotals): Record<string, string> {
  return Object.fromEntries([...totals].map(([name, q]) => [name, formatQuantity(q)]));
}
