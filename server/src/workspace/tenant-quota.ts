// The ResourceQuota a namespace's workloads fit in: what they request and limit, summed over their pods as the quota admission counts it.
import { addInto, addOverhead, PodTotals, ResourceTotals, timesPods } from '../manifest/pod-requests';
import { formatQuantity, parseQuantity } from '../manifest/quantity';
import { isDeviceResource, isHugePages } from '../manifest/resources';
import type { WorkspaceView } from './types';

/** A pre-filled quota: its `hard` entries (as Kubernetes prints quantities) and a note on what was summed. */
export interface QuotaProposal {
  hard: Record<string, string>;
  note: string;
}

/** Resources a quota bounds in both requests and limits; huge pages and devices are bounded by requests only (no overcommit). */
const LIMITED = ['cpu', 'memory', 'ephemeral-storage'];

/** The values a quota gets when no workload of the namespace is in the workspace: placeholders to set. */
const PLACEHOLDER: Record<string, string> = { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '4', 'limits.memory': '8Gi' };

/**
 * The quota for `namespace`: per pod, requests and limits as the scheduler counts them plus the
 * overhead its RuntimeClass (in the workspace) declares, times the pods the workload runs; summed
 * over the workloads. `requests.<r>` for cpu, memory, ephemeral storage, huge pages and device
 * resources; `limits.<r>` for cpu, memory and ephemeral storage when every pod sets that limit
 * (a quota on a limit rejects pods without one).
 */
export function proposeQuota(workspace: WorkspaceView, namespace: string): QuotaProposal {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  const limitedBy = new Map<string, number>();
  let pods = 0;
  let workloads = 0;
  for (const w of workspace.workloadsIn(namespace)) {
    const pod = w.pod!;
    if (pod.replicas === 0) continue;
    workloads++;
    pods += pod.replicas;
    let totals: PodTotals = { requests: parsed(pod.requests), limits: parsed(pod.limits) };
    const runtimeClass = pod.runtimeClassName ? workspace.object('RuntimeClass', '', pod.runtimeClassName) : undefined;
    if (runtimeClass?.overhead) totals = addOverhead(totals, parsed(runtimeClass.overhead));
    addInto(requests, times(totals.requests, pod.replicas));
    addInto(limits, times(totals.limits, pod.replicas));
    for (const name of totals.limits.keys()) limitedBy.set(name, (limitedBy.get(name) ?? 0) + 1);
  }
  const hard: Record<string, string> = {};
  const names = [...requests.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of names) if (LIMITED.includes(name) || isHugePages(name) || isDeviceResource(name)) hard[`requests.${name}`] = formatQuantity(requests.get(name)!);
  for (const name of LIMITED) if (limits.has(name) && limitedBy.get(name) === workloads) hard[`limits.${name}`] = formatQuantity(limits.get(name)!);
  if (Object.keys(hard).length === 0) {
    return { hard: { ...PLACEHOLDER }, note: `No workload of namespace '${namespace}' in the workspace requests resources: placeholder values, set them.` };
  }
  const counted = `${workloads} workload${workloads === 1 ? '' : 's'} (${pods} pod${pods === 1 ? '' : 's'})`;
  return { hard, note: `Pre-filled by cnf-lint: the requests and limits of the ${counted} of namespace '${namespace}' in the workspace, replicas and pod overhead counted (a DaemonSet once: multiply by its nodes).` };
}

function rank(name: string): number {
  const i = LIMITED.indexOf(name);
  return i >= 0 ? i : isHugePages(name) ? 3 : 4;
}

function parsed(list: Readonly<Record<string, string>>): ResourceTotals {
  const out: ResourceTotals = new Map();
  for (const [name, text] of Object.entries(list)) {
    const r = parseQuantity(text);
    if (r.ok) out.set(name, r.quantity);
  }
  return out;
}

function times(totals: ResourceTotals, pods: number): ResourceTotals {
  return new Map([...totals].map(([name, q]) => [name, timesPods(q, pods)]));
}
