// multus-ignored-on-host-network: a pod on the host network with a networks annotation: CNI is never called for it (RA2 gap 3).
import { removePair, replaceScalar, TextEdit } from '../fixes/edits';
import { removeAnnotation } from '../fixes/networks-edits';
import type { Rule } from '../linter/types';
import { NETWORKS_ANNOTATION, readNetworks } from '../manifest/multus-networks';
import { get, getPair, isTrue, stringValue } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { PodSpecView } from '../manifest/pod-specs';

export const rule: Rule = {
  meta: {
    id: 'multus-ignored-on-host-network',
    title: 'Multus networks on a host-network pod',
    gap: 3,
    requirements: ['ra2.app.030', 'ra2.ntw.004'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    local: true,
    appliesTo: 'every pod spec with `hostNetwork: true` whose pod (template) has a `k8s.v1.cni.cncf.io/networks` annotation',
    rationale:
      "The kubelet calls no CNI plugin for a pod in the node's network namespace, so Multus never runs and the networks the annotation asks for are never attached: the pod silently uses the host's interfaces instead. RA2 forbids host networking (ra2.app.030); the secondary networks are the way to give a CNF its extra interfaces.",
    messages: {
      ignored:
        "The pod runs on the host network (hostNetwork: true), so no CNI plugin is called and Multus ignores the networks annotation: none of its networks is attached. Remove hostNetwork to use them.",
    },
    fixes: {
      removeHostNetwork: 'Remove hostNetwork (the pod gets its own network namespace and the Multus networks)',
      removeAnnotation: 'Remove the networks annotation',
    },
    links: [{ title: 'Multus: attaching networks to a pod (how-to-use)', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' }],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const hostNetwork = getPair(pod.spec, 'hostNetwork');
      const pair = getPair(get(pod.templateMetadata, 'annotations'), NETWORKS_ANNOTATION);
      if (!hostNetwork || !isTrue(hostNetwork.value) || !pair || !readNetworks(ctx.file.text, pair)) continue;
      ctx.report({
        messageId: 'ignored',
        at: pair.key!,
        fixes: [
          { id: 'removeHostNetwork', preferred: true, edits: (file) => removeHostNetwork(file, pod) },
          { id: 'removeAnnotation', edits: (file) => [removeAnnotation(file, pod.templateMetadata, NETWORKS_ANNOTATION)] },
        ],
      });
    }
  },
};

/** Removes `hostNetwork` and turns `dnsPolicy: ClusterFirstWithHostNet` into `ClusterFirst`. */
function removeHostNetwork(file: ParsedFile, pod: PodSpecView): Array<TextEdit | undefined> {
  const pair = getPair(pod.spec, 'hostNetwork');
  const edits: Array<TextEdit | undefined> = [pair && removePair(file, pod.spec, pair)];
  const dnsPolicy = getPair(pod.spec, 'dnsPolicy');
  if (dnsPolicy && stringValue(dnsPolicy.value) === 'ClusterFirstWithHostNet') edits.push(replaceScalar(file, dnsPolicy.value, 'ClusterFirst'));
  return edits;
}
