// single-interface-assumption: a pod that needs a secondary interface but attaches no Multus network (RA2 gap 3).
import { addPodNetworks } from '../fixes/networks-edits';
import type { FixReport, Report, Rule } from '../linter/types';
import { attachesThroughOtherMetaPlugin, podNetworks } from '../manifest/multus-networks';
import { asMap, entries, get, getPair, isTrue, seqItems } from '../manifest/nodes';
import { PodSpecView } from '../manifest/pod-specs';
import { isDeviceResource, isNetworkVfResource } from '../manifest/resources';
import { decodeNode } from '../manifest/string-offsets';
import { nadForResource, podNamespace, refText } from '../workspace/refs';

/** A secondary interface name in a command, an argument or an environment value. */
const SECONDARY_INTERFACE = /\b(?:net[1-9]\d*|eth[1-9]\d*)\b/;
/** The network the fix names when no NetworkAttachmentDefinition of the workspace matches: a placeholder. */
const PLACEHOLDER_NETWORK = 'secondary-network';

export const rule: Rule = {
  meta: {
    id: 'single-interface-assumption',
    title: 'Pod needs a secondary interface but attaches none',
    gap: 3,
    requirements: ['ra2.ntw.003', 'ra2.ntw.004', 'ra2.app.006'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo:
      'every pod spec not on the host network without a `k8s.v1.cni.cncf.io/networks` annotation nor one of another meta-plugin (DANM `danm.io/interfaces`, ovn4nfv `k8s.plugin.opnfv.org/nfn-network`) in its template metadata: container resources, commands, arguments and environment values',
    rationale:
      "Kubernetes gives a pod one interface, `eth0`. A CNF that requests a device resource that a NetworkAttachmentDefinition of the workspace uses (written, or made by a network operator from a SriovNetwork, HostDeviceNetwork and the like), or whose command line names `net1` or `eth1`, expects a secondary interface that only a network attachment creates: Multus hands the device to the NAD's CNI, which sets its VLAN, MAC and address and, for a kernel VF, moves the interface into the pod. Without the attachment the device is allocated but left unconfigured. A VF from a pool that no NetworkAttachmentDefinition names (a resource named `sriov`, `netdevice`, `_vf` or `vf_`) may be meant for the pod to drive itself, as a DPDK application drives a vfio-bound VF: the finding then says that no CNI configures it. `vfio` alone and accelerators (QAT, DSA, FEC, GPU) are not network devices. RA2 asks for secondary interfaces to be requested through the annotation (ra2.ntw.004).",
    messages: {
      resource:
        "Container '{{container}}' requests device resource '{{resource}}', which NetworkAttachmentDefinition '{{network}}' uses, but the pod attaches no network: the device is allocated, and no CNI configures it (VLAN, MAC, address; for a kernel VF, the interface in the pod) until the pod attaches '{{network}}'. Add the networks annotation.",
      poolResource:
        "Container '{{container}}' requests '{{resource}}', which looks like a network VF from a pool that no NetworkAttachmentDefinition of the workspace names, and the pod attaches no network: the pod configures the VF itself (as a DPDK application does with a vfio-bound VF); no CNI sets its VLAN, MAC or address. If a CNI should, attach the network that uses this resource.",
      interfaceName:
        "Container '{{container}}' refers to interface '{{name}}' in its {{where}}, but the pod attaches no Multus network: it only has eth0. Add the networks annotation.",
    },
    fixes: { annotate: 'Attach {{networks}} (networks annotation on the pod template)' },
    links: [{ title: 'Multus: attaching networks to a pod (how-to-use)', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' }],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      if (podNetworks(ctx.file.text, pod) || attachesThroughOtherMetaPlugin(pod) || isTrue(get(pod.spec, 'hostNetwork'))) continue;
      const namespace = podNamespace(pod, ctx.settings);
      const reports: Report[] = [];
      const networks: string[] = [];
      for (const c of pod.containers) {
        const container = c.name ?? `#${c.index}`;
        const resources = asMap(get(c.map, 'resources'));
        const seen = new Set<string>();
        for (const part of ['requests', 'limits']) {
          for (const e of entries(get(resources, part))) {
            if (seen.has(e.key) || !isDeviceResource(e.key)) continue;
            seen.add(e.key);
            const nad = nadForResource(ctx.workspace, e.key, namespace);
            if (!nad) {
              if (isNetworkVfResource(e.key)) reports.push({ messageId: 'poolResource', at: e.pair.key!, data: { container, resource: e.key } });
              continue;
            }
            const network = refText(nad, namespace);
            if (!networks.includes(network)) networks.push(network);
            reports.push({ messageId: 'resource', at: e.pair.key!, data: { container, resource: e.key, network } });
          }
        }
        const places: Array<[string, unknown[]]> = [
          ['command', seqItems(c.map, 'command')],
          ['args', seqItems(c.map, 'args')],
          ['environment', seqItems(c.map, 'env').map((env) => getPair(env, 'value')?.value)],
        ];
        for (const [where, items] of places) {
          for (const item of items) {
            const decoded = decodeNode(ctx.file.text, item);
            const m = decoded && SECONDARY_INTERFACE.exec(decoded.value);
            if (!decoded || !m) continue;
            reports.push({ messageId: 'interfaceName', at: decoded.span(m.index, m.index + m[0].length), data: { container, name: m[0], where } });
          }
        }
      }
      const names = networks.length > 0 ? networks : [PLACEHOLDER_NETWORK];
      const label = names.map((n) => `'${n}'`).join(', ') + (networks.length > 0 ? '' : ' (a placeholder: name your NetworkAttachmentDefinition)');
      const fix = (p: PodSpecView): FixReport => ({ id: 'annotate', data: { networks: label }, edits: (file) => [addPodNetworks(file, p, names)] });
      for (const r of reports) ctx.report({ ...r, fixes: [fix(pod)] });
    }
  },
};
