// user-namespace-not-enabled: a pod spec that could run in a user namespace but lacks `hostUsers: false` (RA2 gap 8, sec.sys.021).
import { setPairs } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { hostNamespacesSet, hostUsersFalse } from '../manifest/host-namespaces';
import { PodSpecView } from '../manifest/pod-specs';
import { isWindowsPod } from '../manifest/pod-os';
import { addedCapabilities, mayRunAsRoot } from '../manifest/security-context';
import { volumeUses } from '../manifest/volumes';
import { compareKubeVersion } from '../protocol/settings';

/** The first Kubernetes version where user namespaces are on by default (beta). */
const USERNS_DEFAULT_VERSION = '1.33';

const WHY =
  'In a user namespace (RA2 sec.sys.021) the pod\'s UIDs, UID 0 included, map to unprivileged UIDs of the node. User namespaces are beta and on by default since Kubernetes 1.33 and GA in 1.36; the node\'s kernel and container runtime must support idmap mounts.';

export const rule: Rule = {
  meta: {
    id: 'user-namespace-not-enabled',
    title: 'Pod does not run in a user namespace',
    gap: 8,
    requirements: ['sec.sys.021'],
    defaultSeverity: 'info',
    confidence: 'heuristic',
    appliesTo:
      'the pod spec of every workload kind, when kubernetesVersion is 1.33 or later, the pod shares no host namespace, is not a Windows pod and uses no volumeDevices',
    rationale:
      "Without `hostUsers: false` a pod's users are the node's users: a process that runs as root in the container and escapes it is root on the node, and the capabilities a container adds are held in the node's user namespace, not confined to the pod. RA2 requires the platform to support user namespaces (sec.sys.021) and its gaps chapter recommends adopting them now that Kubernetes 1.33 turns them on by default (beta; GA in 1.36). Whether a pod can use one depends on the node: Linux with idmap mount support in the kernel (6.3 or later, which idmaps the tmpfs of secrets and configMaps) and a container runtime that supports user namespaces (containerd 2.0+, CRI-O 1.25+). The rule is a warning when a container may run as UID 0 or adds capabilities, where the gain is largest.",
    messages: {
      notEnabled: `The pod does not set hostUsers: false, so its users are the node's users. ${WHY}`,
      mayRunAsRoot: `The pod does not set hostUsers: false and container '{{name}}' may run as UID 0, which is root on the node if it escapes. ${WHY}`,
      addsCapabilities: `The pod does not set hostUsers: false and container '{{name}}' adds capabilities ({{capabilities}}), which it then holds in the node's user namespace rather than only in the pod's. ${WHY}`,
    },
    fixes: {
      setHostUsersFalse: 'Run the pod in a user namespace (hostUsers: false)',
    },
  },
  check(ctx) {
    if (compareKubeVersion(ctx.settings.kubernetesVersion, USERNS_DEFAULT_VERSION) < 0) return;
    const seen = new Set<object>();
    for (const pod of ctx.pods) {
      if (seen.has(pod.specPair) || !applies(pod)) continue;
      seen.add(pod.specPair);
      const root = pod.containers.find(mayRunAsRoot);
      const capped = pod.containers.find((c) => addedCapabilities(c).length > 0);
      const name = (c: { name?: string; index: number }) => c.name ?? `#${c.index}`;
      // Not preferred: a node without user-namespace support fails the pod, so fix-all must not apply it blindly.
      const fixes: FixReport[] = [{ id: 'setHostUsersFalse', edits: (file) => setPairs(file, pod.spec, { hostUsers: false }) }];
      if (root) ctx.report({ messageId: 'mayRunAsRoot', at: pod.specPair.key, severity: 'warning', data: { name: name(root) }, fixes });
      else if (capped) {
        const data = { name: name(capped), capabilities: addedCapabilities(capped).join(', ') };
        ctx.report({ messageId: 'addsCapabilities', at: pod.specPair.key, severity: 'warning', data, fixes });
      } else ctx.report({ messageId: 'notEnabled', at: pod.specPair.key, fixes });
    }
  },
};

/** True for a pod that could run in a user namespace and does not. */
function applies(pod: PodSpecView): boolean {
  return !hostUsersFalse(pod) && hostNamespacesSet(pod).length === 0 && !isWindowsPod(pod) && volumeUses(pod, 'volumeDevices').length === 0;
}
