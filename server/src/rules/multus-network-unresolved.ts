// multus-network-unresolved: an attachment names a NetworkAttachmentDefinition no file of the workspace defines (RA2 gap 3).
import { appendDocument } from '../fixes/append-document';
import { nadStub, STUB_PLUGINS } from '../fixes/stubs';
import type { FixReport, Rule } from '../linter/types';
import { podNetworks } from '../manifest/multus-networks';
import { isNetworkVfResource, resourceNames } from '../manifest/resources';
import { attachmentRef, podNamespace } from '../workspace/refs';

export const rule: Rule = {
  meta: {
    id: 'multus-network-unresolved',
    title: 'Multus network defined nowhere in the workspace',
    gap: 3,
    requirements: ['ra2.ntw.004', 'ra2.ntw.016'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo: 'every network a pod (template) attaches with `k8s.v1.cni.cncf.io/networks`, against the NetworkAttachmentDefinitions of the workspace and the operator objects that make one (SriovNetwork, SriovIBNetwork, OVSNetwork, HostDeviceNetwork, MacvlanNetwork, IPoIBNetwork)',
    rationale:
      "Multus looks the NetworkAttachmentDefinition up by name in the pod's namespace (or the namespace the reference names) when the pod starts; if none exists there, the pod stays in ContainerCreating with a `NoNetworkFound` event. A NetworkAttachmentDefinition is usually shipped with the CNF: when no manifest of the workspace defines it (the objects network operators turn into a NAD of their own name count: SriovNetwork, SriovIBNetwork and OVSNetwork of the SR-IOV Network Operator make it in their `networkNamespace`, else their own namespace; HostDeviceNetwork, MacvlanNetwork and IPoIBNetwork of the NVIDIA Network Operator in their `networkNamespace`, else `default`), it is missing, misspelt, or in another namespace. When it is installed separately, turn this rule off.",
    messages: {
      unresolved:
        "No NetworkAttachmentDefinition '{{name}}' in namespace '{{namespace}}' is defined in the workspace{{elsewhere}}: the pod will not start (NoNetworkFound) unless the cluster has it.",
    },
    fixes: {
      stubMacvlan: "Create NetworkAttachmentDefinition '{{name}}' (macvlan) at the end of this file",
      stubIpvlan: "Create NetworkAttachmentDefinition '{{name}}' (ipvlan) at the end of this file",
      stubSriov: "Create NetworkAttachmentDefinition '{{name}}' (SR-IOV) at the end of this file",
      stubHostDevice: "Create NetworkAttachmentDefinition '{{name}}' (host-device) at the end of this file",
      stubBridge: "Create NetworkAttachmentDefinition '{{name}}' (bridge) at the end of this file",
    },
    links: [{ title: 'Multus: creating a NetworkAttachmentDefinition', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' }],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const networks = podNetworks(ctx.file.text, pod);
      if (!networks) continue;
      const namespace = podNamespace(pod, ctx.settings);
      const sriovResource = [...new Set(pod.containers.flatMap((c) => [...resourceNames(c)]))].find(isNetworkVfResource);
      for (const element of networks.elements) {
        if (!element.valid || !element.name || !element.nameSpan) continue;
        const ref = attachmentRef(element, namespace);
        if (ctx.workspace.nad(ref.namespace, ref.name)) continue;
        const others = [...new Set(ctx.workspace.nadsNamed(ref.name).map((n) => n.namespace))];
        const elsewhere = others.length > 0 ? ` (the workspace has one in ${others.map((ns) => `'${ns}'`).join(', ')})` : '';
        // The stub is written in the namespace the pod resolves the name to; left out when both follow the default.
        const stubNamespace = element.namespace !== undefined || pod.object.namespace !== undefined ? ref.namespace : undefined;
        const fixes: FixReport[] = STUB_PLUGINS.map((plugin) => ({
          id: `stub${plugin.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
          data: { name: ref.name },
          edits: (file) => [appendDocument(file, nadStub(plugin, ref.name, stubNamespace, sriovResource))],
        }));
        ctx.report({ messageId: 'unresolved', at: element.nameSpan, data: { name: ref.name, namespace: ref.namespace, elsewhere }, fixes });
      }
    }
  },
};
