// The JSON form of the networks annotation: parsed with positions, validated with ajv against the schema.
import Ajv, { ErrorObject } from 'ajv';
import { isIP } from 'node:net';
import schema from '../../../schemas/multus-networks.schema.json';
import { JsonNode, jsonValue, MAX_JSON_DEPTH, nodeAtPointer, parseJson } from './json-positions';
import { duplicateInterfaces, editDistance, ElementKey, interfaceProblem, NetworkElement, NetworksProblem, Span } from './multus-elements';
import type { DecodedString } from './string-offsets';

/** The keys of a network selection element, as the schema names them. */
const KNOWN_KEYS = Object.keys(schema.items.properties);

/** Keys people write for a known key (case is folded before this lookup; a Map: `constructor` is not an entry). */
const NEAR_MISSES = new Map<string, string>(Object.entries({
  ifname: 'interface',
  iface: 'interface',
  'interface-name': 'interface',
  interfacename: 'interface',
  ip: 'ips',
  ipaddress: 'ips',
  ipaddresses: 'ips',
  macaddress: 'mac',
  'mac-address': 'mac',
  defaultroute: 'default-route',
  default_route: 'default-route',
  gateway: 'default-route',
  cniargs: 'cni-args',
  cni_args: 'cni-args',
  args: 'cni-args',
  'port-mappings': 'portMappings',
  portmapping: 'portMappings',
  ns: 'namespace',
}));

/**
 * The schema, compiled once when this module loads. ajv keeps the errors of the last call on the
 * function: they are read right after each call, never later.
 */
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Reads the JSON form: syntax errors at the failing character, schema errors at the offending element. */
export function readJsonNetworks(decoded: DecodedString): { elements: NetworkElement[]; problems: NetworksProblem[] } {
  const parsed = parseJson(decoded.value);
  const span = (node: { start: number; end: number }): Span => decoded.span(node.start, node.end);
  if (!parsed.ok) {
    const at = parsed.offset;
    const s = at < decoded.value.length ? decoded.span(at, at + 1) : decoded.span(at, at);
    if (parsed.tooDeep) return { elements: [], problems: [{ messageId: 'jsonTooDeep', span: s, severity: 'info', data: { limit: MAX_JSON_DEPTH } }] };
    return { elements: [], problems: [{ messageId: 'jsonSyntax', span: s, data: { message: parsed.message } }] };
  }
  const root = parsed.node;
  if (root.type !== 'array') return { elements: [], problems: [{ messageId: 'notList', span: span(root), data: { what: describe(root) } }] };
  const elements: NetworkElement[] = [];
  const problems: NetworksProblem[] = [];
  const normalized: unknown[] = [];
  root.items.forEach((item, index) => {
    const element: NetworkElement = { index, span: span(item), range: [item.start, item.end], keys: new Map(), valid: true };
    elements.push(element);
    if (item.type !== 'object') {
      problems.push({ messageId: 'elementNotObject', span: span(item), data: { index: index + 1, what: describe(item) } });
      element.valid = false;
      normalized.push(jsonValue(item));
      return;
    }
    const value: Array<[string, unknown]> = [];
    for (const p of item.properties) {
      const canonical = KNOWN_KEYS.find((k) => k === p.key) ?? KNOWN_KEYS.find((k) => k.toLowerCase() === p.key.toLowerCase()) ?? p.key;
      const key: ElementKey = { written: p.key, keyRange: [p.keyStart, p.keyEnd], keySpan: decoded.span(p.keyStart, p.keyEnd), valueSpan: span(p.value), value: jsonValue(p.value), node: p.value };
      element.keys.set(canonical, key);
      value.push([canonical, key.value]);
    }
    // Own properties, whatever the key: `value.__proto__ = x` would set the prototype and hide the key.
    normalized.push(Object.fromEntries(value));
    const text = (k: string) => (typeof element.keys.get(k)?.value === 'string' ? (element.keys.get(k)!.value as string) : undefined);
    element.name = text('name');
    element.nameSpan = element.keys.get('name')?.valueSpan;
    element.namespace = text('namespace') || undefined;
    element.namespaceSpan = element.keys.get('namespace')?.valueSpan;
    const ifKey = element.keys.has('interface') ? 'interface' : 'interfaceRequest';
    element.interface = text(ifKey);
    element.interfaceSpan = element.keys.get(ifKey)?.valueSpan;
  });
  validate(normalized);
  const errors = validate.errors ?? [];
  const reported = new Set<string>();
  for (const error of errors) {
    const problem = fromSchemaError(error, elements, root, decoded);
    if (!problem) continue;
    const id = `${problem.messageId}@${problem.span.join(':')}`;
    if (reported.has(id)) continue;
    reported.add(id);
    problems.push(problem);
    const index = Number(error.instancePath.split('/')[1]);
    if (problem.severity !== 'warning' && elements[index]) elements[index].valid = false;
  }
  for (const p of [semanticProblems(elements, decoded), duplicateInterfaces(elements)].flat()) problems.push(p);
  problems.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return { elements, problems };
}

/** A schema error as a problem on the element, key or value it is about. */
function fromSchemaError(error: ErrorObject, elements: NetworkElement[], root: JsonNode, decoded: DecodedString): NetworksProblem | undefined {
  const [, indexText, key, ...rest] = error.instancePath.split('/');
  const element = elements[Number(indexText)];
  if (!element || root.type !== 'array') return undefined;
  if (key === undefined) {
    if (error.keyword === 'required') return { messageId: 'missingName', span: element.span, data: { index: element.index + 1 } };
    if (error.keyword === 'additionalProperties') {
      const written = String(error.params.additionalProperty);
      const k = element.keys.get(written)!;
      const to = NEAR_MISSES.get(written.toLowerCase()) ?? closeKey(written);
      const usable = to && !element.keys.has(to);
      return {
        messageId: 'unknownKey',
        span: k.keySpan,
        severity: 'warning',
        data: { key: written, hint: to ? ` (did you mean "${to}"?)` : '' },
        rename: usable ? { range: k.keyRange, to } : undefined,
      };
    }
    return undefined;
  }
  const k = element.keys.get(key);
  if (!k) return undefined;
  const value = String(k.value);
  if (rest.length === 0 && (key === 'name' || key === 'namespace') && error.keyword !== 'type') {
    return { messageId: key === 'name' ? 'badName' : 'badNamespace', span: k.valueSpan, data: { value } };
  }
  if (rest.length === 0 && (key === 'interface' || key === 'interfaceRequest') && error.keyword !== 'type') {
    const reason = interfaceProblem(value);
    if (reason === 'eth0') return { messageId: 'interfaceEth0', span: k.valueSpan };
    return { messageId: 'badInterface', span: k.valueSpan, data: { value, reason: reason ?? 'it is not a valid interface name' } };
  }
  if (rest.length === 0 && (key === 'mac' || key === 'infiniband-guid') && error.keyword === 'pattern') {
    return { messageId: 'badMac', span: k.valueSpan, data: { key, value } };
  }
  const path = [key, ...rest].join('.');
  const nested = rest.length === 0 ? k.node : nodeAtPointer(k.node, `/${rest.join('/')}`);
  const span = nested ? decoded.span(nested.start, nested.end) : k.valueSpan;
  if (error.keyword === 'type') return { messageId: 'wrongType', span, data: { path, type: String(error.params.type) } };
  return { messageId: 'schema', span, data: { path, message: error.message ?? 'is invalid' } };
}

/** What the schema cannot say: addresses that do not parse, the deprecated key, a second default route. */
function semanticProblems(elements: NetworkElement[], decoded: DecodedString): NetworksProblem[] {
  const out: NetworksProblem[] = [];
  let defaultRoutes = 0;
  for (const e of elements) {
    const deprecated = e.keys.get('interfaceRequest');
    if (deprecated) {
      out.push({
        messageId: 'deprecatedKey',
        span: deprecated.keySpan,
        data: { key: deprecated.written, to: 'interface' },
        rename: e.keys.has('interface') ? undefined : { range: deprecated.keyRange, to: 'interface' },
      });
      e.valid = false;
    }
    for (const key of ['ips', 'default-route']) {
      const k = e.keys.get(key);
      if (!k || !Array.isArray(k.value)) continue;
      (k.value as unknown[]).forEach((ip, i) => {
        if (typeof ip !== 'string') return;
        const ok = key === 'ips' && ip.includes('/') ? isCidr(ip) : isIP(ip) !== 0;
        const item = k.node.type === 'array' ? k.node.items[i] : undefined;
        if (!ok) {
          out.push({ messageId: 'badIp', span: item ? decoded.span(item.start, item.end) : k.valueSpan, data: { key, value: ip, orCidr: key === 'ips' ? ' or CIDR' : '' } });
          e.valid = false;
        }
      });
    }
    const route = e.keys.get('default-route');
    if (route && Array.isArray(route.value) && route.value.length > 0 && ++defaultRoutes > 1) {
      out.push({ messageId: 'multipleDefaultRoutes', span: route.keySpan });
    }
  }
  return out;
}

function isCidr(text: string): boolean {
  const [ip, bits, ...rest] = text.split('/');
  const family = isIP(ip);
  return rest.length === 0 && family !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** A known key within two edits of a written one, or undefined. */
function closeKey(written: string): string | undefined {
  const w = written.toLowerCase();
  return KNOWN_KEYS.find((k) => k !== 'interfaceRequest' && editDistance(w, k.toLowerCase()) <= 2);
}


/** `an object`, `a string ("x")`, ... for messages. */
function describe(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return `a string ("${node.value}")`;
    case 'null':
      return 'null';
    default:
      return `a ${node.type} (${String(node.value)})`;
  }
}
