// multus-annotation-malformed: a networks annotation Multus cannot read, or reads otherwise than written (RA2 gap 3).
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { TextEdit } from '../fixes/edits';
import { writeAsBlock } from '../fixes/networks-edits';
import { replaceInString, replaceStringValue } from '../fixes/string-edits';
import { compactJson } from '../fixes/stubs';
import type { FixReport, Rule } from '../linter/types';
import { parseJson } from '../manifest/json-positions';
import { NETWORKS_ANNOTATION, NetworksProblem, readNetworks } from '../manifest/multus-networks';
import { asMap, asSeq, containsAlias, deref, get, getPair, stringValue } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { decodeNode } from '../manifest/string-offsets';

/** A comma-list item: `name`, `ns/name`, `name@interface`. */
const LIST_ITEM = /^(?:[a-z0-9-]+\/)?[a-z0-9-]+(?:@[^\s,@/]+)?$/;

export const rule: Rule = {
  meta: {
    id: 'multus-annotation-malformed',
    title: 'Malformed Multus networks annotation',
    gap: 3,
    requirements: ['ra2.ntw.004', 'ra2.ntw.016'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    local: true,
    appliesTo: 'the `k8s.v1.cni.cncf.io/networks` annotation of every pod and pod template (and of a controller, where it is misplaced)',
    rationale:
      'Multus reads `k8s.v1.cni.cncf.io/networks` as JSON when it contains `[`, `{` or `"`, and as a comma list of `name`, `namespace/name` and `name@interface` otherwise. A value it cannot parse, a name that is not a DNS-1123 label, an interface name Linux refuses, or two networks on one interface make the pod fail to start with a CNI error that only the node log shows; an unknown key is silently ignored. The finding points at the offending character inside the string.',
    messages: {
      notString: 'The networks annotation is written as a YAML {{what}}: annotations are strings, so the API server rejects it. Write the value as a string (a comma list, or JSON in a `|` block).',
      jsonSyntax: 'The networks annotation is not valid JSON: {{message}}. Multus fails the pod.',
      jsonTooDeep: 'The networks annotation nests objects and arrays more than {{limit}} levels deep here: cnf-lint does not read it, so nothing in it is checked.',
      notList: 'The networks annotation in JSON must be a list of objects (`[{"name": ...}]`), not {{what}}.',
      elementNotObject: 'Network {{index}} must be an object with a "name" (`{"name": "..."}`), not {{what}}.',
      missingName: 'Network {{index}} has no "name": Multus cannot tell which NetworkAttachmentDefinition to attach.',
      emptyItem: 'The networks list has an empty item: Multus looks for a network named "" and fails the pod.',
      badListItem: "'{{item}}' has more than one '{{char}}': a list item is `name`, `namespace/name` or `name@interface`.",
      badName: "'{{value}}' is not a valid network name: a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit).",
      badNamespace: "'{{value}}' is not a valid namespace: a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters).",
      badInterface: "Interface name '{{value}}' is invalid: {{reason}}.",
      interfaceEth0: "Interface 'eth0' is the pod's cluster network interface: a secondary network cannot take it.",
      duplicateInterface: "Interface '{{value}}' is requested by two networks: each needs its own interface name.",
      multipleDefaultRoutes: 'A second network sets "default-route": a pod has one default route, so Multus fails it.',
      badMac: "'{{value}}' is not a MAC address (\"{{key}}\"), e.g. 02:00:00:00:00:01.",
      badIp: "'{{value}}' in \"{{key}}\" is not an IP address{{orCidr}}: Multus fails the pod.",
      wrongType: '"{{path}}" must be of type {{type}}: Multus cannot decode the annotation and fails the pod.',
      schema: '"{{path}}" {{message}}.',
      unknownKey: 'Multus ignores the unknown key "{{key}}"{{hint}}.',
      deprecatedKey: '"{{key}}" is deprecated: write "{{to}}".',
    },
    fixes: {
      renameKey: 'Rename "{{from}}" to "{{to}}"',
      toList: 'Write as a comma list: {{value}}',
      toJson: 'Write as JSON: {{value}}',
      toBlock: 'Write the value as JSON in a | block',
    },
    links: [
      { title: 'Multus: attaching networks to a pod (how-to-use)', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' },
      { title: 'Kubernetes Network Plumbing WG: multi-net-spec (network selection annotation)', url: 'https://github.com/k8snetworkplumbingwg/multi-net-spec' },
    ],
  },
  check(ctx) {
    const seen = new Set<Pair>();
    for (const pod of ctx.pods) {
      const places = [get(pod.templateMetadata, 'annotations'), pod.object.kind === 'Pod' ? undefined : pod.object.annotations];
      for (const annotations of places) {
        const pair = getPair(annotations, NETWORKS_ANNOTATION);
        const map = asMap(annotations);
        if (!pair || !map || seen.has(pair)) continue;
        seen.add(pair);
        const read = readNetworks(ctx.file.text, pair);
        const whole = read && wholeValueFixes(map, pair, read.problems);
        for (const p of read?.problems ?? []) {
          const fixes: FixReport[] = [];
          if (p.rename) fixes.push(renameFix(pair, String(p.data?.key ?? ''), p.rename));
          if (['notString', 'jsonSyntax', 'elementNotObject'].includes(p.messageId)) fixes.push(...(whole ?? []));
          ctx.report({ messageId: p.messageId, at: p.span, data: p.data, severity: p.severity, fixes });
        }
      }
    }
  },
};

/** Renames a JSON key inside the annotation string (the key's text, without its quotes). */
function renameFix(pair: Pair<Scalar, unknown>, written: string, rename: NonNullable<NetworksProblem['rename']>): FixReport {
  const [from, to] = rename.range;
  return {
    id: 'renameKey',
    preferred: true,
    data: { from: written, to: rename.to },
    edits: (file) => {
      const decoded = decodeNode(file.text, pair.value);
      return [decoded && replaceInString(file, pair.value as Scalar, decoded, from + 1, to - 1, rename.to)];
    },
  };
}

/**
 * Rewrites of the whole value when it lists networks in the wrong shape: a YAML sequence or map,
 * a JSON list of strings, or a bracketed list of bare names (`[a, b]`). Offers the comma list and
 * JSON (in the value's own style, or a `|` block for YAML collections) when every item is a name.
 */
function wholeValueFixes(map: YAMLMap, pair: Pair<Scalar, unknown>, problems: NetworksProblem[]): FixReport[] | undefined {
  if (!problems.some((p) => ['notString', 'jsonSyntax', 'elementNotObject'].includes(p.messageId))) return undefined;
  const value = deref(pair.value);
  // Aliases inside would be written as {"source": ...}, or expanded without bound: no rewrite.
  if ((asSeq(value) || asMap(value)) && containsAlias(value)) return undefined;
  if (asSeq(value) || asMap(value)) {
    const parsed = JSON.parse(JSON.stringify((value as { toJSON(): unknown }).toJSON())) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const names = list.every((x) => typeof x === 'string' && LIST_ITEM.test(x)) ? (list as string[]) : undefined;
    const body = names ? jsonBody(names.map(nameToElement)) : jsonBody(list);
    const out: FixReport[] = [];
    if (names) out.push({ id: 'toList', preferred: true, data: { value: names.join(', ') }, edits: (file) => [writeList(file, map, pair, names.join(', '))] });
    out.push({ id: 'toBlock', preferred: !names, edits: (file) => [writeAsBlock(file, map, pair, body)] });
    return out;
  }
  const text = stringValue(value);
  if (text === undefined) return undefined;
  const names = bareNames(text);
  if (!names) return undefined;
  const list = names.join(', ');
  const json = compactJson(names.map(nameToElement));
  return [
    { id: 'toJson', preferred: true, data: { value: json }, edits: (file) => [replaceStringValue(file, pair.value, json)] },
    { id: 'toList', data: { value: list }, edits: (file) => [replaceStringValue(file, pair.value, list)] },
  ];
}

/** The names of `["a", "b"]` or `[a, b]` when every item is a comma-list item, else undefined. */
function bareNames(text: string): string[] | undefined {
  const parsed = parseJson(text);
  let items: string[];
  if (parsed.ok) {
    if (parsed.node.type !== 'array' || !parsed.node.items.every((i) => i.type === 'string')) return undefined;
    items = parsed.node.items.map((i) => (i as { value: string }).value.trim());
  } else {
    const m = /^\s*\[([^[\]{}"]*)\]\s*$/.exec(text);
    if (!m) return undefined;
    items = m[1].split(',').map((s) => s.trim());
  }
  return items.length > 0 && items.every((i) => LIST_ITEM.test(i)) ? items : undefined;
}

/** `ns/name@if` as a JSON element. */
function nameToElement(item: string): Record<string, string> {
  const [nsName, iface] = item.split('@');
  const slash = nsName.indexOf('/');
  const out: Record<string, string> = { name: slash < 0 ? nsName : nsName.slice(slash + 1) };
  if (slash >= 0) out.namespace = nsName.slice(0, slash);
  if (iface) out.interface = iface;
  return out;
}

/** One element per line: `[`, `  {...},`, `]`. */
function jsonBody(elements: unknown[]): string {
  return ['[', ...elements.map((e, i) => `  ${compactJson(e)}${i < elements.length - 1 ? ',' : ''}`), ']'].join('\n');
}

/** Replaces a YAML collection value by a plain comma list on the key's line. */
function writeList(file: ParsedFile, map: YAMLMap, pair: Pair, list: string): TextEdit | undefined {
  const edit = writeAsBlock(file, map, pair, list);
  return edit && { start: edit.start, end: edit.end, text: ` ${list}` };
}
