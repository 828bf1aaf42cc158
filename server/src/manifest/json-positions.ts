// A JSON parser that keeps the offset of every value and key, and the offset where parsing failed.

/** A JSON value with its [start, end) offsets in the parsed text. */
export type JsonNode =
  | { type: 'object'; start: number; end: number; properties: JsonProperty[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; value: number }
  | { type: 'boolean'; start: number; end: number; value: boolean }
  | { type: 'null'; start: number; end: number; value: null };

/** A property of a JSON object: the key's span (quotes included) and the value. */
export interface JsonProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

/** The outcome of parsing: the tree, or where and why parsing failed. */
export type JsonParse = { ok: true; node: JsonNode } | { ok: false; offset: number; message: string; tooDeep?: true };

/** A parse failure at an offset. */
class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Objects and arrays nested deeper than this are not read: the parse fails there, with a message that says so. */
export const MAX_JSON_DEPTH = 1000;

/** An object or array being read, with the key its next value goes under. */
interface OpenContainer {
  node: Extract<JsonNode, { type: 'object' | 'array' }>;
  key?: { key: string; keyStart: number; keyEnd: number };
}

/**
 * Parses JSON text (RFC 8259, as Go's encoding/json reads it). Never throws. Iterative, with an
 * explicit stack: nesting is bounded by MAX_JSON_DEPTH, never by the call stack.
 */
export function parseJson(text: string): JsonParse {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(at >= text.length ? 'unexpected end of JSON' : message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of JSON' : `'${text[at]}'`);

  /** A scalar value at `i`. */
  function scalar(): JsonNode {
    const start = i;
    const c = text[i];
    if (c === '"') return { type: 'string', start, value: string(), end: i };
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v === null ? { type: 'null', start, end: i, value: null } : { type: 'boolean', start, end: i, value: v };
      }
    }
    return fail(`unexpected ${describe(i)}: a value (object, array, string, number, true, false or null) was expected`);
  }

  /** Reads `"key":` into the open object. */
  function key(open: OpenContainer): void {
    ws();
    if (text[i] !== '"') fail(`unexpected ${describe(i)}: a key in double quotes was expected`);
    const keyStart = i;
    const k = string();
    open.key = { key: k, keyStart, keyEnd: i };
    ws();
    if (text[i] !== ':') fail(`unexpected ${describe(i)}: ':' was expected after the key`);
    i++;
  }

  function string(): string {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (Object.hasOwn(SIMPLE_ESCAPES, e ?? '')) {
          out += SIMPLE_ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`invalid escape '\\${e ?? ''}' in a string`);
        }
        continue;
      }
      if (c < ' ') fail('a control character (a line break or tab) inside a string: escape it');
      out += c;
      i++;
    }
  }

  function number(): JsonNode {
    const start = i;
    const re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return fail(`unexpected ${describe(i + 1)}: a digit was expected`, i + 1);
    i += m[0].length;
    return { type: 'number', start, end: i, value: Number(m[0]) };
  }

  /** Reads one value, containers included; returns the root when the text is one JSON value. */
  function root(): JsonNode {
    const stack: OpenContainer[] = [];
    for (;;) {
      ws();
      let done: JsonNode;
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= MAX_JSON_DEPTH) throw new JsonSyntaxError(`objects and arrays nest more than ${MAX_JSON_DEPTH} levels deep`, i, true);
        const start = i++;
        const node: OpenContainer['node'] = c === '{' ? { type: 'object', start, end: start, properties: [] } : { type: 'array', start, end: start, items: [] };
        ws();
        if (text[i] !== (c === '{' ? '}' : ']')) {
          const open: OpenContainer = { node };
          stack.push(open);
          if (c === '{') key(open);
          continue;
        }
        node.end = ++i;
        done = node;
      } else done = scalar();
      // Attach the finished value to its container; close containers that end here.
      for (;;) {
        const open = stack[stack.length - 1];
        if (!open) return done;
        if (open.node.type === 'array') open.node.items.push(done);
        else open.node.properties.push({ ...open.key!, value: done });
        ws();
        const close = open.node.type === 'object' ? '}' : ']';
        if (text[i] === ',') {
          i++;
          if (open.node.type === 'object') key(open);
          break;
        }
        if (text[i] !== close) fail(`unexpected ${describe(i)}: ',' or '${close}' was expected`);
        open.node.end = ++i;
        stack.pop();
        done = open.node;
      }
    }
  }

  try {
    const node = root();
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return { ok: true, node };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, offset: Math.min(e.offset, text.length), message: e.message, ...(e.tooDeep ? { tooDeep: true } : {}) };
    throw e;
  }
}

/** The plain JavaScript value of a node. */
export function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(node.properties.map((p) => [p.key, jsonValue(p.value)]));
    case 'array':
      return node.items.map(jsonValue);
    default:
      return node.value;
  }
}

/** The node at a JSON pointer (`/0/name`, as ajv's `instancePath`), or undefined. The last property of a key wins. */
export function nodeAtPointer(root: JsonNode, pointer: string): JsonNode | undefined {
  if (pointer === '') return root;
  let node: JsonNode | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'array') node = node.items[Number(part)];
    else if (node?.type === 'object') node = propertyOf(node, part)?.value;
    else return undefined;
  }
  return node;
}

/** The property `key` of an object node (the last one when the key repeats, as Go reads JSON). */
export function propertyOf(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (node?.type !== 'object') return undefined;
  for (let k = node.properties.length - 1; k >= 0; k--) if (node.properties[k].key === key) return node.properties[k];
  return undefined;
}
