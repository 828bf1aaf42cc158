// vrf-separation-missing: two secondary networks of a pod that collide in one routing table, with no VRF between them (RA2 gap 6).
import { appendItem, configFix, findNad } from '../fixes/cni-config-edits';
import { compactJson } from '../fixes/stubs';
import type { FixReport, Rule, RuleContext } from '../linter/types';
import { overlaps, parsePrefix, Prefix } from '../manifest/cidr';
import { vrfNameFor } from '../manifest/cni-config';
import { NetworkElement, podAttachments } from '../manifest/multus-networks';
import type { PodSpecView } from '../manifest/pod-specs';
import { attachmentRef, podNamespace } from '../workspace/refs';
import type { IndexedNad } from '../workspace/types';

/** An attachment of a pod with what decides its routing: the VRF it lands in ('' for the main table), its subnets, its default route. */
interface Routed {
  element: NetworkElement;
  nad: IndexedNad;
  key: string;
  vrf: string;
  prefixes: Array<{ text: string; prefix: Prefix }>;
  defaultRoute: boolean;
}

export const rule: Rule = {
  meta: {
    id: 'vrf-separation-missing',
    title: 'Secondary networks sharing one routing table',
    gap: 6,
    requirements: ['ra2.plat.038'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    scope: 'workspace',
    appliesTo: 'pods (templates) with two or more secondary networks, through the IPAM, routes and vrf plugins of the NetworkAttachmentDefinitions of the workspace',
    rationale:
      "RA2 gap 6 is about CNFs that interwork with VRF-based networks: a data plane whose networks belong to different tenants or traffic classes (N3 and N6, signalling and media) keeps each in a routing domain of its own, and RA2 routes and isolates traffic types into separate VRFs (ra2.plat.038). Without a `vrf` plugin every secondary interface of a pod lands in the pod's main routing table: two networks whose subnets overlap route to one of them only, and two networks whose IPAM each installs a default route fight over the one default route, so replies leave by the wrong interface (unless an attachment asks for `default-route`: Multus then deletes the default gateway of every other interface). The CNI `vrf` plugin, chained after the plugin that creates the interface, puts each in a VRF of its own. Heuristic: the networks may be meant to share the table, and routes written inside the pod are not seen.",
    messages: {
      overlap:
        "Network '{{network}}' ({{subnet}}) overlaps '{{other}}' ({{otherSubnet}}), attached before it, and no vrf plugin separates them: both land in one routing table{{vrf}}, so traffic for the shared range leaves by one interface only.",
      defaultRoutes:
        "Network '{{network}}' installs a default route, and so does '{{other}}', attached before it, with no vrf plugin between them: both land in one routing table{{vrf}}, and only one default route wins.",
    },
    fixes: { appendVrf: "Chain a vrf plugin (\"vrfname\": \"{{vrf}}\") into '{{network}}'{{how}}" },
    links: [
      { title: 'CNI vrf plugin', url: 'https://www.cni.dev/plugins/current/meta/vrf/' },
      { title: 'Anuket RA2: gaps (interoperability with VRF-based networking)', url: 'https://github.com/anuket-project/RA2/blob/main/doc/ref_arch/kubernetes/chapters/chapter08.rst' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) checkPod(ctx, pod);
  },
};

function checkPod(ctx: RuleContext, pod: PodSpecView): void {
  const namespace = podNamespace(pod, ctx.settings);
  const routed: Routed[] = [];
  const attachments = podAttachments(ctx.file.text, pod);
  // An attachment that asks for the default route makes Multus delete every other interface's default gateway.
  const gatewayRequested = attachments.some((e) => e.keys.has('default-route'));
  for (const element of attachments) {
    const ref = attachmentRef(element, namespace);
    const nad = ctx.workspace.nad(ref.namespace, ref.name);
    if (!nad?.plugins) continue;
    const prefixes = nad.plugins.flatMap((p) => (p.subnets ?? []).flatMap((text) => {
      const prefix = parsePrefix(text);
      return prefix ? [{ text, prefix }] : [];
    }));
    const vrf = nad.plugins.find((p) => p.type === 'vrf' && p.vrfname)?.vrfname ?? '';
    const defaultRoute = !gatewayRequested && nad.plugins.some((p) => p.defaultRoute);
    routed.push({ element, nad, key: `${nad.namespace}/${nad.name}`, vrf, prefixes, defaultRoute });
  }
  for (let j = 1; j < routed.length; j++) {
    const b = routed[j];
    for (const a of routed.slice(0, j)) {
      if (a.key === b.key || a.vrf !== b.vrf) continue;
      const pair = a.prefixes.flatMap((x) => b.prefixes.filter((y) => overlaps(x.prefix, y.prefix)).map((y) => [x, y] as const))[0];
      if (!pair && !(a.defaultRoute && b.defaultRoute)) continue;
      const common = { network: b.nad.name, other: a.nad.name, vrf: b.vrf ? ` (VRF '${b.vrf}')` : '' };
      const fixes = b.vrf ? [] : appendVrf(ctx, b);
      if (pair) ctx.report({ messageId: 'overlap', at: b.element.nameSpan!, data: { ...common, subnet: pair[1].text, otherSubnet: pair[0].text }, fixes });
      else ctx.report({ messageId: 'defaultRoutes', at: b.element.nameSpan!, data: common, fixes });
      break;
    }
  }
}

/** Chains a vrf plugin into the NAD of an attachment, when it is in this file: appended to its plugin list, or its config turned into a list. */
function appendVrf(ctx: RuleContext, r: Routed): FixReport[] {
  const nad = ctx.workspace.inThisFile(r.nad) ? findNad(ctx.file, r.nad.namespace, r.nad.name, ctx.settings.defaultNamespace) : undefined;
  if (!nad) return [];
  const vrf = vrfNameFor(r.nad.name);
  const plugin = { type: 'vrf', vrfname: vrf };
  const fix = configFix(ctx.file, nad, { id: 'appendVrf', data: { vrf, network: r.nad.name } }, (c) => ({
    json: c.list && c.pluginsArray ? [appendItem(c, c.pluginsArray, compactJson(plugin))] : undefined,
    value: (v) => {
      if (c.list) return { ...v, plugins: [...(v.plugins as unknown[]), plugin] };
      const { cniVersion, name, ...main } = v;
      return { ...(cniVersion === undefined ? {} : { cniVersion }), ...(name === undefined ? {} : { name }), plugins: [main, plugin] };
    },
  }));
  return fix ? [fix] : [];
}
