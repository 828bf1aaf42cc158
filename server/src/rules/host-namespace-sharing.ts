// host-namespace-sharing: hostNetwork, hostPID or hostIPC true, or a hostPort written (RA2 gap 8, ra2.app.030/.031/.047).
import { removePair, replaceScalar, setIn, TextEdit } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { hostNamespacesSet } from '../manifest/host-namespaces';
import { asMap, deref, get, getPair, scalarText, seqItems, stringValue } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { PodSpecView } from '../manifest/pod-specs';
import type { Pair, Scalar } from 'yaml';

/** The Multus annotation that lists a pod's secondary networks. */
const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
/** The placeholder network name the Multus fix writes; the user replaces it with a real NetworkAttachmentDefinition. */
const PLACEHOLDER_NETWORK = 'secondary-network';

export const rule: Rule = {
  meta: {
    id: 'host-namespace-sharing',
    title: 'Pod shares a host namespace or a host port',
    gap: 8,
    requirements: ['ra2.app.030', 'ra2.app.031', 'ra2.app.047'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    local: true,
    appliesTo: 'the pod spec of every workload kind (hostNetwork, hostPID, hostIPC) and the ports of every container (hostPort)',
    rationale:
      "A pod in the node's network, PID or IPC namespace sees and can disturb the node and every other pod on it, and it cannot run in a user namespace (`hostUsers: false`). RA2 forbids host namespaces (ra2.app.030, ra2.app.031) and discourages host ports (ra2.app.047), which tie a pod to a node port and bypass network policy. A CNF that needs extra interfaces should attach them with Multus secondary networks rather than take over the host network.",
    messages: {
      hostNetwork:
        "The pod shares the node's network namespace (hostNetwork: true): it sees every host interface and skips the cluster network. Use Multus secondary networks instead (RA2 ra2.app.030).",
      hostPID: "The pod shares the node's PID namespace (hostPID: true): it can see and signal every process on the node (RA2 ra2.app.031).",
      hostIPC: "The pod shares the node's IPC namespace (hostIPC: true): it can reach the shared memory of every process on the node (RA2 ra2.app.031).",
      hostPort:
        "Container '{{name}}' binds host port {{port}}: the pod is tied to a port of its node and bypasses network policy. Expose it through a Service instead (RA2 ra2.app.047).",
    },
    fixes: {
      remove: 'Remove {{field}}',
      useMultus: `Use a Multus secondary network instead: remove hostNetwork and annotate the pod with networks '${PLACEHOLDER_NETWORK}' (a placeholder: name your NetworkAttachmentDefinition)`,
      removeHostPort: 'Remove hostPort {{port}}',
    },
    links: [
      { title: 'Pod Security Standards: host namespaces and host ports (Baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/' },
      { title: 'Multus CNI: attaching secondary networks to a pod', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' },
    ],
  },
  check(ctx) {
    const seen = new Set<Pair>();
    for (const pod of ctx.pods) {
      for (const { field, pair } of hostNamespacesSet(pod)) {
        if (seen.has(pair)) continue;
        seen.add(pair);
        const fixes: FixReport[] = [{ id: 'remove', preferred: true, data: { field }, edits: (file) => [removePair(file, pod.spec, pair)] }];
        if (field === 'hostNetwork') fixes.push({ id: 'useMultus', edits: (file) => useMultus(file, pod, pair) });
        ctx.report({ messageId: field, at: pair, fixes });
      }
      for (const c of pod.containers) {
        for (const item of seqItems(c.map, 'ports')) {
          const port = asMap(item);
          const pair = getPair(port, 'hostPort');
          if (!port || !pair || seen.has(pair) || !isWritten(pair)) continue;
          seen.add(pair);
          const value = scalarText(pair.value) ?? '?';
          ctx.report({
            messageId: 'hostPort',
            at: pair,
            severity: 'warning',
            data: { name: c.name ?? `#${c.index}`, port: value },
            fixes: [{ id: 'removeHostPort', preferred: true, data: { port: value }, edits: (file) => [removePair(file, port, pair)] }],
          });
        }
      }
    }
  },
};

/** True when a hostPort holds a value: an empty value (`hostPort:`) or 0 asks for no host port. */
function isWritten(pair: Pair): boolean {
  const value = (deref(pair.value) as Scalar | undefined)?.value;
  return value !== null && value !== undefined && value !== 0;
}

/**
 * Edits that replace the host network by a Multus secondary network: remove `hostNetwork`, turn
 * `dnsPolicy: ClusterFirstWithHostNet` into `ClusterFirst`, and add the networks annotation with a
 * placeholder to the pod template's metadata (the Pod's own metadata for a bare Pod).
 */
function useMultus(file: ParsedFile, pod: PodSpecView, pair: Pair): Array<TextEdit | undefined> {
  const edits: Array<TextEdit | undefined> = [removePair(file, pod.spec, pair)];
  const dnsPolicy = getPair(pod.spec, 'dnsPolicy');
  if (dnsPolicy && stringValue(dnsPolicy.value) === 'ClusterFirstWithHostNet') edits.push(replaceScalar(file, dnsPolicy.value, 'ClusterFirst'));
  const annotations = get(get(pod.parent, 'metadata'), 'annotations');
  if (!getPair(annotations, NETWORKS_ANNOTATION)) edits.push(setIn(file, pod.parent, ['metadata', 'annotations', NETWORKS_ANNOTATION], PLACEHOLDER_NETWORK));
  return edits;
}
