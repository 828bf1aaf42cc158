// nad-config-invalid: a NetworkAttachmentDefinition whose CNI config the plugins cannot read, or read otherwise than written (RA2 gaps 4 and 6).
import type { Node } from 'yaml';
import { configFix, insertProperty, replaceWithString } from '../fixes/cni-config-edits';
import { writeAsBlock } from '../fixes/networks-edits';
import { prettyJson } from '../fixes/stubs';
import type { FixReport, Rule, RuleContext } from '../linter/types';
import { CniPlugin, NadConfig, nadConfig } from '../manifest/cni-config';
import { schemaProblems, SchemaProblem } from '../manifest/cni-config-schema';
import { MAX_JSON_DEPTH, propertyOf } from '../manifest/json-positions';
import { DNS1123_LABEL } from '../manifest/multus-elements';
import { asMap, asSeq, deref, getPair } from '../manifest/nodes';
import type { K8sObject } from '../manifest/objects';

/** The CNI spec versions libcni knows (containernetworking/cni pkg/version: All). */
export const CNI_VERSIONS: readonly string[] = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];

/** The version a fix writes: the one every maintained plugin supports. */
const FIX_VERSION = '1.0.0';

export const rule: Rule = {
  meta: {
    id: 'nad-config-invalid',
    title: 'NetworkAttachmentDefinition config the CNI plugins cannot read',
    gap: 4,
    requirements: ['inf.ntw.03', 'ra2.ntw.016'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    appliesTo: 'the `spec.config` of every NetworkAttachmentDefinition: the CNI config or config list written as JSON in a YAML string, and the NAD\'s name',
    rationale:
      "RA2 gap 4 asks for secondary networks managed like the primary one, and in a manifest a secondary network is a NetworkAttachmentDefinition whose `spec.config` is a CNI config written as JSON inside a YAML string. Nothing checks that string when it is applied: a trailing comma, a `mode` macvlan does not know, a VLAN id past 4094 or a number written as a string surface only when a pod starts, as a CNI error in the node's log. cnf-lint parses the JSON (in any YAML scalar style) and checks every field of the plugins it names (macvlan, ipvlan, vlan, host-device, bridge, sriov, ovs, vrf, tuning, bandwidth, portmap, sbr; IPAM host-local, whereabouts, static, dhcp) against what their source code decodes and accepts; an unknown plugin is checked for the common fields only. Without `spec.config`, Multus reads a config file of the NAD's name from each node's CNI directory; without `cniVersion`, libcni reads the config as 0.1.0, which the vrf plugin (0.3.1 and later) and bandwidth (0.3.0 and later) refuse. The finding points at the character inside the JSON.",
    messages: {
      noConfig: "This NetworkAttachmentDefinition has no spec.config: Multus then reads a CNI config file named '{{name}}' from each node's CNI directory, and the pod fails on any node without it.",
      notString: 'spec.config is written as a YAML {{what}}: it must be a string that holds the CNI config as JSON; the API server rejects the object.',
      jsonSyntax: 'spec.config is not valid JSON: {{message}}. Multus fails every pod that attaches this network.',
      jsonTooDeep: 'spec.config nests objects and arrays more than {{limit}} levels deep here: cnf-lint does not read it, so nothing in it is checked.',
      notObject: 'spec.config must be a JSON object (a CNI config or config list), not {{what}}.',
      noCniVersion: 'The config has no "cniVersion": libcni reads it as 0.1.0, a version the vrf (0.3.1 and later) and bandwidth (0.3.0 and later) plugins refuse, and results come back in the 0.1.0 format.',
      badCniVersion: '"cniVersion" {{value}} is not a CNI spec version ({{versions}}): libcni refuses the config.',
      noType: 'The config has neither "type" nor "plugins": Multus cannot tell which plugin to run and fails the pod.',
      noPlugins: '"plugins" must be a list of at least one plugin config: libcni refuses {{what}}.',
      typeAndPlugins: 'The config has both "type" and "plugins": Multus runs it as a single "{{type}}" config and silently ignores the plugin list.',
      pluginNoType: 'Plugin {{index}} of the list has no "type": libcni cannot tell which binary to run.',
      schemaType: '"{{path}}" must be {{expected}}{{plugin}}: the plugin cannot decode the config and fails the pod.',
      schemaValue: '"{{path}}" must be {{expected}}{{plugin}}: the plugin refuses the config.',
      schemaMissing: '"{{path}}" is required{{plugin}}: the plugin refuses the config.',
      schemaOneOf: '"{{path}}" needs {{expected}}{{plugin}}: the plugin refuses the config.',
      schemaDependency: '"{{path}}" needs {{expected}} to be set{{plugin}}: the plugin refuses the config.',
      txRate: '"min_tx_rate" ({{min}}) is above "max_tx_rate" ({{max}}): the VF rate cannot be set and the sriov plugin fails.',
      badName: "'{{name}}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters): a networks annotation cannot name this NetworkAttachmentDefinition.",
      nameMismatch: 'The CNI "name" \'{{cniName}}\' differs from metadata.name \'{{name}}\': the network is attached as \'{{name}}\' but reported, cached and garbage-collected by the CNI runtime as \'{{cniName}}\'.',
    },
    fixes: {
      addCniVersion: 'Add "cniVersion": "1.0.0"{{how}}',
      setCniVersion: 'Set "cniVersion" to "1.0.0"{{how}}',
      setName: 'Set the CNI "name" to \'{{name}}\'{{how}}',
      toBlock: 'Write spec.config as JSON in a | block',
    },
    links: [
      { title: 'CNI specification: network configuration format', url: 'https://github.com/containernetworking/cni/blob/main/SPEC.md#section-1-network-configuration-format' },
      { title: 'CNI reference plugins (macvlan, ipvlan, vlan, host-device, bridge, vrf, tuning, ...)', url: 'https://www.cni.dev/plugins/current/' },
      { title: 'SR-IOV CNI: configuration reference', url: 'https://github.com/k8snetworkplumbingwg/sriov-cni/blob/master/docs/configuration-reference.md' },
      { title: 'Whereabouts IPAM: configuration', url: 'https://github.com/k8snetworkplumbingwg/whereabouts#usage' },
    ],
  },
  check(ctx) {
    for (const nad of ctx.objects) if (nad.kind === 'NetworkAttachmentDefinition') checkNad(ctx, nad);
  },
};

function checkNad(ctx: RuleContext, nad: K8sObject): void {
  const namePair = getPair(nad.metadata, 'name');
  if (nad.name && !(DNS1123_LABEL.test(nad.name) && nad.name.length <= 63)) ctx.report({ messageId: 'badName', at: namePair!.value as Node, data: { name: nad.name } });
  const specPair = getPair(nad.map, 'spec');
  const configPair = getPair(asMap(specPair?.value), 'config');
  const value = deref(configPair?.value);
  if (!configPair || value === null || value === undefined || (deref(value) as { value?: unknown }).value === '') {
    ctx.report({ messageId: 'noConfig', severity: 'warning', at: (specPair?.key ?? nad.kindPair.key) as Node, data: { name: nad.name ?? '' } });
    return;
  }
  const collection = asMap(value) ?? asSeq(value);
  if (collection) {
    const body = prettyJson(collection.toJSON());
    const spec = asMap(specPair!.value)!;
    const fixes: FixReport[] = [{ id: 'toBlock', preferred: true, edits: (file) => [writeAsBlock(file, spec, configPair, body)] }];
    ctx.report({ messageId: 'notString', at: collection, data: { what: asMap(value) ? 'mapping' : 'sequence' }, fixes });
    return;
  }
  const config = nadConfig(ctx.file.text, nad);
  if (!config) return;
  const span = (from: number, to: number) => config.decoded.span(from, to);
  const brace = (node: { start: number }) => span(node.start, node.start + 1);
  if (!config.parse.ok) {
    const at = config.parse.offset;
    const where = at < config.text.length ? span(at, at + 1) : span(at, at);
    if (config.parse.tooDeep) ctx.report({ messageId: 'jsonTooDeep', severity: 'info', at: where, data: { limit: MAX_JSON_DEPTH } });
    else ctx.report({ messageId: 'jsonSyntax', at: where, data: { message: config.parse.message } });
    return;
  }
  const root = config.root;
  if (!root) {
    const node = config.parse.node;
    ctx.report({ messageId: 'notObject', at: span(node.start, node.end), data: { what: node.type === 'array' ? 'a list' : `a ${node.type}` } });
    return;
  }
  checkVersion(ctx, nad, config);
  const type = propertyOf(root, 'type');
  const plugins = propertyOf(root, 'plugins');
  if (!type && !plugins) ctx.report({ messageId: 'noType', at: brace(root) });
  if (type && plugins) ctx.report({ messageId: 'typeAndPlugins', at: span(plugins.keyStart, plugins.keyEnd), data: { type: config.plugins[0]?.type ?? '' } });
  if (config.list && (plugins?.value.type !== 'array' || plugins.value.items.length === 0)) {
    const v = plugins!.value;
    ctx.report({ messageId: 'noPlugins', at: span(v.start, v.end), data: { what: v.type === 'array' ? 'an empty list' : `a ${v.type}` } });
  }
  if (config.list) for (const p of config.plugins) if (!p.typeProperty && p.node.type === 'object') ctx.report({ messageId: 'pluginNoType', at: brace(p.node), data: { index: p.index + 1 } });
  const schemaOk = !(config.list && !config.pluginsArray);
  for (const problem of schemaOk ? schemaProblems(config) : []) {
    // A plugin without type has its own finding; the plugin list of a config with a type is never read.
    if (problem.kind === 'required' && problem.path.endsWith('.type') && problem.path.startsWith('plugins[')) continue;
    if (!config.list && problem.path.startsWith('plugins')) continue;
    report(ctx, problem, span);
  }
  for (const p of config.plugins) checkTxRate(ctx, p, span);
  checkName(ctx, nad, config);
}

function checkVersion(ctx: RuleContext, nad: K8sObject, config: NadConfig): void {
  const root = config.root!;
  const version = config.cniVersion?.value;
  if (!version) {
    const fix = configFix(ctx.file, nad, { id: 'addCniVersion', preferred: true }, (c) => ({
      json: [insertProperty(c, c.root!, `"cniVersion": "${FIX_VERSION}"`, 'first')],
      value: (v) => ({ cniVersion: FIX_VERSION, ...v }),
    }));
    ctx.report({ messageId: 'noCniVersion', severity: 'warning', at: config.decoded.span(root.start, root.start + 1), fixes: fix ? [fix] : [] });
    return;
  }
  if (version.type === 'string' && CNI_VERSIONS.includes(version.value)) return;
  const fix = configFix(ctx.file, nad, { id: 'setCniVersion', preferred: true }, (c) => ({
    json: c.cniVersion ? [replaceWithString(c.cniVersion.value, FIX_VERSION)] : undefined,
    value: (v) => ({ ...v, cniVersion: FIX_VERSION }),
  }));
  const data = { value: config.text.slice(version.start, version.end), versions: CNI_VERSIONS.join(', ') };
  ctx.report({ messageId: 'badCniVersion', at: config.decoded.span(version.start, version.end), data, fixes: fix ? [fix] : [] });
}

function report(ctx: RuleContext, p: SchemaProblem, span: (a: number, b: number) => [number, number]): void {
  const plugin = p.plugin ? ` (${p.plugin})` : '';
  const at = span(p.span[0], p.span[1]);
  if (p.kind === 'type') ctx.report({ messageId: 'schemaType', at, data: { path: p.path, expected: p.expected, plugin } });
  else if (p.kind === 'required') ctx.report({ messageId: 'schemaMissing', at, data: { path: p.path, plugin } });
  else if (p.kind === 'oneOf') ctx.report({ messageId: 'schemaOneOf', at, data: { path: p.path, expected: p.expected, plugin } });
  else if (p.kind === 'dependency') ctx.report({ messageId: 'schemaDependency', at, data: { path: p.path, expected: p.expected, plugin } });
  else if (p.kind === 'exclusive') ctx.report({ messageId: 'schemaValue', at, data: { path: p.path, expected: `free of ${p.expected}`, plugin } });
  else ctx.report({ messageId: 'schemaValue', at, data: { path: p.path, expected: p.expected, plugin } });
}

/** sriov: a minimum rate above a maximum that limits (0 means no limit). */
function checkTxRate(ctx: RuleContext, p: CniPlugin, span: (a: number, b: number) => [number, number]): void {
  if (p.type !== 'sriov') return;
  const min = propertyOf(p.node, 'min_tx_rate')?.value;
  const max = propertyOf(p.node, 'max_tx_rate')?.value;
  if (min?.type !== 'number' || max?.type !== 'number' || max.value <= 0 || min.value <= max.value) return;
  ctx.report({ messageId: 'txRate', at: span(min.start, min.end), data: { min: min.value, max: max.value } });
}

/** The CNI name against metadata.name (an absent or empty name is filled with metadata.name by the NAD client). */
function checkName(ctx: RuleContext, nad: K8sObject, config: NadConfig): void {
  const name = config.name?.value;
  if (!nad.name || name?.type !== 'string' || name.value === '' || name.value === nad.name) return;
  const target = nad.name;
  const fix = configFix(ctx.file, nad, { id: 'setName', preferred: true, data: { name: target } }, (c) => ({
    json: c.name ? [replaceWithString(c.name.value, target)] : undefined,
    value: (v) => ({ ...v, name: target }),
  }));
  ctx.report({ messageId: 'nameMismatch', severity: 'info', at: config.decoded.span(name.start, name.end), data: { cniName: name.value, name: nad.name }, fixes: fix ? [fix] : [] });
}
