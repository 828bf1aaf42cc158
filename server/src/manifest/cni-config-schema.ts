// A CNI config checked against schemas/cni-config.schema.json with ajv: each problem at the offending key or value of the text.
import Ajv, { ErrorObject } from 'ajv';
import schema from '../../../schemas/cni-config.schema.json';
import type { CniConfig } from './cni-config';
import { JsonNode, JsonProperty } from './json-positions';

/** The schema, compiled once when this module loads; its errors are read right after each call. */
const validate = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, verbose: true }).compile(schema);

/** Every property name the schema knows, by its lower-case spelling: Go's decoder matches keys without case. */
const KNOWN_KEYS: ReadonlyMap<string, string> = new Map(collectKeys(schema).map((k) => [k.toLowerCase(), k]));

/** A schema problem: the message parts and the span (offsets in the config text) it sits on. */
export interface SchemaProblem {
  kind: 'type' | 'enum' | 'range' | 'required' | 'oneOf' | 'dependency' | 'pattern' | 'exclusive' | 'other';
  /** The JSON path of the field, `plugins[1].vlan`. */
  path: string;
  /** The plugin (or IPAM) type whose field it is, when known. */
  plugin?: string;
  /** What was expected, in words. */
  expected: string;
  span: [number, number];
}

/** The schema problems of a config that parses to an object; one per offending field, in text order. */
export function schemaProblems(config: CniConfig): SchemaProblem[] {
  if (!config.root) return [];
  const located = new Map<JsonNode, Map<string, JsonNode>>();
  const value = folded(config.root, located);
  validate(value);
  const all = validate.errors ?? [];
  // Wrappers say nothing of their own; an anyOf that stands for one rule hides its branches' errors.
  const anyOfs = all.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const errors = all.filter((e) => !['if', 'then', 'allOf'].includes(e.keyword) && !anyOfs.some((a) => e.schemaPath.startsWith(a)));
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const problem = describe(e, config.root, located);
    const key = `${problem.span[0]}:${problem.span[1]}:${problem.kind}:${problem.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** The plain value of a node with keys folded to the schema's spelling; records, per object node, its value's keys -> nodes. */
function folded(node: JsonNode, located: Map<JsonNode, Map<string, JsonNode>>): unknown {
  if (node.type === 'array') return node.items.map((n) => folded(n, located));
  if (node.type !== 'object') return node.value;
  const keys = new Map<string, JsonNode>();
  const entries: Array<[string, unknown]> = [];
  for (const p of node.properties) {
    const key = KNOWN_KEYS.get(p.key.toLowerCase()) ?? p.key;
    keys.set(key, p.value);
    keys.set(`key:${key}`, keyNode(p));
    entries.push([key, folded(p.value, located)]);
  }
  located.set(node, keys);
  return Object.fromEntries(entries);
}

/** A node standing for a property's key (its span). */
function keyNode(p: JsonProperty): JsonNode {
  return { type: 'string', start: p.keyStart, end: p.keyEnd, value: p.key };
}

function describe(e: ErrorObject, root: JsonNode, located: Map<JsonNode, Map<string, JsonNode>>): SchemaProblem {
  const parts = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const chain: JsonNode[] = [root];
  for (const part of parts) {
    const at = chain[chain.length - 1];
    const next = at.type === 'array' ? at.items[Number(part)] : located.get(at)?.get(part);
    if (!next) break;
    chain.push(next);
  }
  const node = chain[chain.length - 1];
  const path = parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(the config)';
  const plugin = pluginOf(chain, parts);
  const brace = (n: JsonNode): [number, number] => [n.start, n.start + 1];
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return { kind: 'type', path, plugin, expected: article(String(params.type)), span: [node.start, node.end] };
    case 'enum':
      return { kind: 'enum', path, plugin, expected: `one of ${(params.allowedValues as unknown[]).filter((v) => v !== '').map((v) => JSON.stringify(v)).join(', ')}`, span: [node.start, node.end] };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return { kind: 'range', path, plugin, expected: rangeOf(e), span: [node.start, node.end] };
    case 'minItems':
      return { kind: 'range', path, plugin, expected: 'a list of at least one item', span: [node.start, node.end] };
    case 'minLength':
      return { kind: 'range', path, plugin, expected: 'a non-empty string', span: [node.start, node.end] };
    case 'pattern':
      return { kind: 'pattern', path, plugin, expected: patternWords(path), span: [node.start, node.end] };
    case 'required':
      return { kind: 'required', path: joinPath(path, String(params.missingProperty)), plugin, expected: 'set', span: brace(node) };
    case 'dependencies': {
      const key = located.get(node)?.get(`key:${String(params.property)}`);
      return { kind: 'dependency', path: joinPath(path, String(params.property)), plugin, expected: `"${String(params.missingProperty)}"`, span: key ? [key.start, key.end] : brace(node) };
    }
    case 'not':
      return { kind: 'exclusive', path, plugin, expected: '"markMasqBit" and "externalSetMarkChain" together', span: brace(node) };
    case 'anyOf':
      if (e.schemaPath.includes('listBool')) return { kind: 'other', path, plugin, expected: 'a boolean (or the string "true" or "false")', span: [node.start, node.end] };
      return { kind: 'oneOf', path, plugin, expected: '"subnet" or "ranges"', span: brace(node) };
    default:
      return { kind: 'other', path, plugin, expected: e.message ?? 'valid', span: [node.start, node.end] };
  }
}

/** The type of the plugin or IPAM whose field the error is about (the innermost object on the path with a `type`). */
function pluginOf(chain: JsonNode[], parts: string[]): string | undefined {
  for (let i = Math.min(chain.length - 1, parts.length); i >= 0; i--) {
    const n = chain[i];
    if (i === chain.length - 1 && parts[i - 1] === 'type') continue;
    const t = n.type === 'object' ? n.properties.find((p) => p.key.toLowerCase() === 'type')?.value : undefined;
    if (t?.type === 'string') return t.value;
  }
  return undefined;
}

function rangeOf(e: ErrorObject): string {
  const s = e.parentSchema as { minimum?: number; maximum?: number; exclusiveMinimum?: number };
  if (s.exclusiveMinimum !== undefined) return `greater than ${s.exclusiveMinimum}`;
  if (s.maximum !== undefined) return `between ${s.minimum ?? 0} and ${s.maximum}`;
  return `at least ${s.minimum}`;
}

function patternWords(path: string): string {
  return path.endsWith('vlanProto') ? '"802.1q" or "802.1ad"' : 'a valid value';
}

function article(type: string): string {
  return type === 'integer' ? 'an integer' : type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

function joinPath(path: string, key: string): string {
  return path === '(the config)' ? key : `${path}.${key}`;
}

/** Every property name of a schema (at any depth). */
function collectKeys(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v && typeof v === 'object') out.push(...Object.keys(v));
    out.push(...collectKeys(v));
  }
  return [...new Set(out)];
}
