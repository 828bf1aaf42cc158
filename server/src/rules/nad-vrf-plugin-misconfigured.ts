// nad-vrf-plugin-misconfigured: a vrf plugin that fails: first in its chain, without vrfname, a table that is no integer, two tables for one VRF (RA2 gap 6).
import { configFix, findNad, insertProperty, moveItemAfter, replaceNode } from '../fixes/cni-config-edits';
import type { FixReport, Rule, RuleContext } from '../linter/types';
import { CniPlugin, INTERFACE_PLUGINS, MAX_IFNAME, NadConfig, nadConfig, stringProperty, vrfNameFor } from '../manifest/cni-config';
import { propertyOf } from '../manifest/json-positions';
import { podAttachments } from '../manifest/multus-networks';
import type { K8sObject } from '../manifest/objects';
import { attachmentRef, podNamespace } from '../workspace/refs';

export const rule: Rule = {
  meta: {
    id: 'nad-vrf-plugin-misconfigured',
    title: 'vrf CNI plugin that fails or contradicts another',
    gap: 6,
    requirements: ['ra2.plat.038', 'ra2.ntw.016'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    scope: 'workspace',
    appliesTo: 'every `vrf` plugin of a NetworkAttachmentDefinition\'s config, and the VRFs of the networks one pod attaches',
    rationale:
      "RA2 gap 6 asks for secondary networks that interwork with VRF-based networks, and RA2 routes and isolates traffic types in separate VRFs (ra2.plat.038). The CNI `vrf` plugin puts the interface the previous plugin created into a VRF (a Linux routing domain of its own table): it only works chained after that plugin (alone, or first, it fails with \"missing prevResult from earlier plugin\"), it needs a `vrfname` (\"configuration is expected to have a valid vrf name\"), and its `table` is an unsigned integer. Two networks of one pod that name the same VRF share it: when both set a `table` and the tables differ, the second attachment fails (\"VRF already exist with different routing table\"), and the pod with it. The cross-network case is found on the pod's networks annotation, through the NetworkAttachmentDefinitions of the workspace.",
    messages: {
      notChained: 'The vrf plugin runs first here, with no plugin before it to create the interface: it fails with "missing prevResult from earlier plugin". Put it in a plugin list after the plugin that creates the interface.',
      beforeMain: "The vrf plugin comes before '{{main}}', the plugin that creates the interface: it fails with \"missing prevResult from earlier plugin\".",
      noVrfname: 'The vrf plugin has no "vrfname": it fails with "configuration is expected to have a valid vrf name".',
      longVrfname: '"vrfname" \'{{value}}\' is longer than {{max}} characters: a VRF is a Linux device, and the kernel refuses the name.',
      badTable: '"table" must be an unsigned integer (a routing table id), not {{value}}: the vrf plugin cannot decode the config.',
      tableConflict:
        "Network '{{network}}' puts its interface in VRF '{{vrf}}' with table {{table}}, but '{{other}}', attached before it, made that VRF with table {{otherTable}}: the vrf plugin fails the second attachment (VRF already exists with a different routing table).",
    },
    fixes: {
      moveAfterMain: "Move the vrf plugin after '{{main}}'{{how}}",
      addVrfname: 'Add "vrfname": "{{vrf}}"{{how}}',
      tableNumber: 'Write "table" as the number {{table}}{{how}}',
      alignTable: "Set the table of VRF '{{vrf}}' in '{{network}}' to {{table}}{{how}}",
    },
    links: [
      { title: 'CNI vrf plugin', url: 'https://www.cni.dev/plugins/current/meta/vrf/' },
      { title: 'containernetworking/plugins: plugins/meta/vrf', url: 'https://github.com/containernetworking/plugins/tree/main/plugins/meta/vrf' },
    ],
  },
  check(ctx) {
    for (const nad of ctx.objects) if (nad.kind === 'NetworkAttachmentDefinition') checkNad(ctx, nad);
    checkPods(ctx);
  },
};

function checkNad(ctx: RuleContext, nad: K8sObject): void {
  const config = nadConfig(ctx.file.text, nad);
  if (!config) return;
  const span = (node: { start: number; end: number }) => config.decoded.span(node.start, node.end);
  for (const p of config.plugins) {
    if (p.type !== 'vrf') continue;
    const typeNode = p.typeProperty!.value;
    checkPlace(ctx, nad, config, p, span(typeNode));
    const vrfname = propertyOf(p.node, 'vrfname')?.value;
    if (vrfname?.type !== 'string' || vrfname.value === '') {
      const vrf = vrfNameFor(nad.name ?? 'net');
      const fix = vrfname
        ? undefined
        : configFix(ctx.file, nad, { id: 'addVrfname', preferred: true, data: { vrf } }, (c) => {
            const node = c.plugins[p.index]?.node;
            return node?.type === 'object' ? { json: [insertProperty(c, node, `"vrfname": ${JSON.stringify(vrf)}`, 'last')], value: (v) => withPlugin(v, c, p.index, { vrfname: vrf }) } : undefined;
          });
      ctx.report({ messageId: 'noVrfname', at: span(vrfname ?? typeNode), fixes: fix ? [fix] : [] });
    } else if (vrfname.value.length > MAX_IFNAME) {
      ctx.report({ messageId: 'longVrfname', at: span(vrfname), data: { value: vrfname.value, max: MAX_IFNAME } });
    }
    const table = propertyOf(p.node, 'table')?.value;
    if (table && !(table.type === 'number' && Number.isInteger(table.value) && table.value >= 0 && table.value <= 0xffffffff)) {
      const digits = table.type === 'string' && /^\s*\d+\s*$/.test(table.value) ? Number(table.value) : undefined;
      const fix =
        digits !== undefined && digits <= 0xffffffff
          ? configFix(ctx.file, nad, { id: 'tableNumber', preferred: true, data: { table: digits } }, (c) => {
              const node = propertyOf(c.plugins[p.index]?.node, 'table')?.value;
              return node ? { json: [replaceNode(node, String(digits))], value: (v) => withPlugin(v, c, p.index, { table: digits }) } : undefined;
            })
          : undefined;
      ctx.report({ messageId: 'badTable', at: span(table), data: { value: config.text.slice(table.start, table.end) }, fixes: fix ? [fix] : [] });
    }
  }
}

/** The vrf plugin must follow the plugin that creates the interface. */
function checkPlace(ctx: RuleContext, nad: K8sObject, config: NadConfig, p: CniPlugin, at: [number, number]): void {
  const before = config.plugins.slice(0, p.index);
  if (before.some((q) => INTERFACE_PLUGINS.has(q.type ?? '')) || (p.index > 0 && !config.plugins.slice(p.index + 1).some((q) => INTERFACE_PLUGINS.has(q.type ?? '')))) return;
  const main = config.plugins.slice(p.index + 1).find((q) => INTERFACE_PLUGINS.has(q.type ?? ''));
  if (!config.list || !main || !config.pluginsArray) {
    ctx.report({ messageId: 'notChained', at });
    return;
  }
  const fix = configFix(ctx.file, nad, { id: 'moveAfterMain', preferred: true, data: { main: main.type! } }, (c) =>
    c.pluginsArray && c.pluginsArray.items.length > main.index
      ? { json: moveItemAfter(c, c.pluginsArray, p.index, main.index), value: (v) => ({ ...v, plugins: moved(v.plugins as unknown[], p.index, main.index) }) }
      : undefined,
  );
  ctx.report({ messageId: p.index === 0 ? 'notChained' : 'beforeMain', at, data: { main: main.type! }, fixes: fix ? [fix] : [] });
}

/** Two networks of one pod that make one VRF with two tables. */
function checkPods(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    const namespace = podNamespace(pod, ctx.settings);
    const first = new Map<string, { network: string; table: number }>();
    for (const element of podAttachments(ctx.file.text, pod)) {
      const ref = attachmentRef(element, namespace);
      const nad = ctx.workspace.nad(ref.namespace, ref.name);
      const vrfs = (nad?.plugins ?? []).filter((p) => p.type === 'vrf' && p.vrfname);
      for (const vrf of vrfs) {
        const seen = first.get(vrf.vrfname!);
        if (!seen) {
          if (vrf.table) first.set(vrf.vrfname!, { network: ref.name, table: vrf.table });
          continue;
        }
        if (!vrf.table || vrf.table === seen.table) continue;
        const defaultNamespace = ctx.settings.defaultNamespace;
        const data = { network: ref.name, vrf: vrf.vrfname!, table: vrf.table, other: seen.network, otherTable: seen.table };
        const fixes: FixReport[] = [];
        const target = nad && ctx.workspace.inThisFile(nad) ? findNad(ctx.file, ref.namespace, ref.name, defaultNamespace) : undefined;
        const fix = target && alignTable(ctx, target, vrf.vrfname!, seen.table, ref.name);
        if (fix) fixes.push(fix);
        ctx.report({ messageId: 'tableConflict', at: element.nameSpan!, data, fixes });
      }
    }
  }
}

function alignTable(ctx: RuleContext, nad: K8sObject, vrf: string, table: number, network: string): FixReport | undefined {
  const index = nadConfig(ctx.file.text, nad)?.plugins.find((p) => p.type === 'vrf' && stringProperty(p.node, 'vrfname') === vrf)?.index;
  if (index === undefined) return undefined;
  return configFix(ctx.file, nad, { id: 'alignTable', preferred: true, data: { vrf, table, network } }, (c) => {
    const node = propertyOf(c.plugins[index]?.node, 'table')?.value;
    return node ? { json: [replaceNode(node, String(table))], value: (v) => withPlugin(v, c, index, { table }) } : undefined;
  });
}

/** The config value with fields set on plugin `index` (the root itself for a single config). */
function withPlugin(v: Record<string, unknown>, config: NadConfig, index: number, fields: Record<string, unknown>): unknown {
  if (!config.list) return { ...v, ...fields };
  return { ...v, plugins: (v.plugins as unknown[]).map((p, i) => (i === index ? { ...(p as object), ...fields } : p)) };
}

/** A list with item `from` moved after item `after`. */
function moved(list: unknown[], from: number, after: number): unknown[] {
  const out = list.filter((_, i) => i !== from);
  out.splice(after, 0, list[from]);
  return out;
}
