// nad-ipam-not-cluster-wide: a secondary network whose IPAM allocates per node, so two nodes hand out one address (RA2 gap 4, ra2.ntw.015).
import { configFix, objectText, replaceNode } from '../fixes/cni-config-edits';
import type { Rule } from '../linter/types';
import { nadConfig } from '../manifest/cni-config';
import { jsonValue } from '../manifest/json-positions';

/** Plugins whose secondary interfaces share one L2 segment across nodes: per-node IPAM hands out duplicates there. */
const SHARED_SEGMENT_PLUGINS = new Set(['macvlan', 'ipvlan', 'bridge', 'host-device']);

export const rule: Rule = {
  meta: {
    id: 'nad-ipam-not-cluster-wide',
    title: 'Secondary network with per-node IPAM (host-local)',
    gap: 4,
    requirements: ['ra2.ntw.015', 'inf.ntw.03'],
    defaultSeverity: 'warning',
    confidence: 'heuristic',
    appliesTo: 'the IPAM of every macvlan, ipvlan, bridge and host-device plugin in a NetworkAttachmentDefinition\'s config',
    rationale:
      "RA2 requires, when a CNI multiplexer such as Multus is used, an IPAM for secondary interfaces that allocates addresses across all nodes (ra2.ntw.015), and gap 4 asks for secondary networks managed centrally like the primary one. `host-local` keeps its allocations in a file on each node: two pods on two nodes attached to the same macvlan, ipvlan, bridge or host-device network get the same first address of the range, and traffic between them breaks without an error anywhere. Whereabouts allocates from one pool for the whole cluster. The finding is heuristic: a network that lives on one node only, or ranges split by hand per node, is fine with host-local.",
    messages: {
      hostLocal: "The {{plugin}} network uses host-local IPAM, which allocates per node: pods on two nodes get the same address from {{range}}. Use a cluster-wide IPAM such as whereabouts.",
    },
    fixes: { toWhereabouts: 'Switch the IPAM to whereabouts ({{range}}){{how}}' },
    links: [
      { title: 'Whereabouts: an IP address management plugin that assigns addresses cluster-wide', url: 'https://github.com/k8snetworkplumbingwg/whereabouts' },
      { title: 'CNI host-local IPAM', url: 'https://www.cni.dev/plugins/current/ipam/host-local/' },
    ],
  },
  check(ctx) {
    for (const nad of ctx.objects) {
      if (nad.kind !== 'NetworkAttachmentDefinition') continue;
      const config = nadConfig(ctx.file.text, nad);
      for (const plugin of config?.plugins ?? []) {
        const ipam = plugin.ipam;
        if (!config || !ipam || ipam.type !== 'host-local' || !SHARED_SEGMENT_PLUGINS.has(plugin.type ?? '')) continue;
        const typeNode = ipam.node.properties.find((p) => p.key === 'type' && p.value.type === 'string' && p.value.value === 'host-local')!.value;
        const target = whereabouts(jsonValue(ipam.node) as Record<string, unknown>);
        const range = describeRange(target);
        const index = plugin.index;
        const fix = configFix(ctx.file, nad, { id: 'toWhereabouts', preferred: true, data: { range } }, (c) => {
          const node = c.plugins[index]?.ipam?.node;
          if (!node) return undefined;
          const value = whereabouts(jsonValue(node) as Record<string, unknown>);
          return { json: [replaceNode(node, objectText(c, node, value))], value: (v) => withIpam(v, c.list, index, value) };
        });
        ctx.report({ messageId: 'hostLocal', at: config.decoded.span(typeNode.start, typeNode.end), data: { plugin: plugin.type!, range }, fixes: fix ? [fix] : [] });
      }
    }
  },
};

/**
 * The whereabouts IPAM for a host-local one: `subnet`, `rangeStart`, `rangeEnd`, `gateway` become
 * `range`, `range_start`, `range_end`, `gateway`; several ranges become `ipRanges`; `routes` and
 * `dns` stay; `dataDir` and `resolvConf` (host-local's own files) go.
 */
export function whereabouts(hostLocal: Record<string, unknown>): Record<string, unknown> {
  const ranges: Array<Record<string, unknown>> = [];
  if (typeof hostLocal.subnet === 'string') ranges.push(hostLocal);
  if (Array.isArray(hostLocal.ranges)) for (const set of hostLocal.ranges) if (Array.isArray(set)) for (const r of set) if (r && typeof r === 'object') ranges.push(r as Record<string, unknown>);
  const one = (r: Record<string, unknown>) => {
    const out: Record<string, unknown> = { range: r.subnet };
    if (r.rangeStart !== undefined) out.range_start = r.rangeStart;
    if (r.rangeEnd !== undefined) out.range_end = r.rangeEnd;
    return out;
  };
  const out: Record<string, unknown> = { type: 'whereabouts' };
  if (ranges.length === 1) Object.assign(out, one(ranges[0]), ranges[0].gateway !== undefined ? { gateway: ranges[0].gateway } : {});
  else if (ranges.length > 1) out.ipRanges = ranges.map(one);
  for (const [k, v] of Object.entries(hostLocal)) if (!['type', 'subnet', 'rangeStart', 'rangeEnd', 'gateway', 'ranges', 'dataDir', 'resolvConf'].includes(k)) out[k] = v;
  return out;
}

/** The range(s) of a whereabouts IPAM in words. */
function describeRange(ipam: Record<string, unknown>): string {
  if (typeof ipam.range === 'string') return ipam.range;
  const list = Array.isArray(ipam.ipRanges) ? ipam.ipRanges.map((r) => String((r as Record<string, unknown>).range)) : [];
  return list.length > 0 ? list.join(', ') : 'its range';
}

/** The config value with the IPAM of plugin `index` replaced. */
function withIpam(v: Record<string, unknown>, list: boolean, index: number, ipam: unknown): unknown {
  if (!list) return { ...v, ipam };
  const plugins = (v.plugins as unknown[]).map((p, i) => (i === index ? { ...(p as object), ipam } : p));
  return { ...v, plugins };
}
