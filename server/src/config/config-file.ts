// Reads a `.cnf-lint.yaml`: parses it, validates it against its JSON schema, and reports problems at keys.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/cnf-lint-config.schema.json';
import { CONFIG_INVALID } from '../linter/engine-rules';
import { formatMessage } from '../linter/messages';
import { Finding } from '../linter/types';
import { asMap, asSeq, entries, getPair, nodeSpan, spanOf } from '../manifest/nodes';
import { parseFile, ParsedFile } from '../manifest/parse';
import { Settings } from '../protocol/settings';

/** A read configuration: the settings it sets (only valid keys), and its problems with offsets. */
export interface ConfigResult {
  settings: Partial<Settings>;
  problems: Finding[];
  file: ParsedFile;
}

/** At most this many problems of one configuration file are reported (then one that says how many more). */
export const MAX_CONFIG_PROBLEMS = 100;

/** Validates configuration files; compiles the schema once per instance. */
export class ConfigReader {
  private validator?: ValidateFunction;

  /** The result for a configuration file that cannot be read at all: one problem, at its start, and no settings. */
  unreadable(reason: string): ConfigResult {
    const file = parseFile('');
    const message = formatMessage(CONFIG_INVALID.messages.invalid, { message: `cannot read the configuration file: ${reason}` });
    return { settings: {}, problems: [{ ruleId: CONFIG_INVALID.id, messageId: 'invalid', message, severity: 'error', start: 0, end: 0, fixes: [] }], file };
  }

  /** Reads the text of a configuration file. Never throws; at most MAX_CONFIG_PROBLEMS problems (and one that counts the rest). */
  read(text: string): ConfigResult {
    const result = this.readAll(text);
    const { problems } = result;
    if (problems.length <= MAX_CONFIG_PROBLEMS) return result;
    const rest = problems.length - MAX_CONFIG_PROBLEMS;
    const message = formatMessage(CONFIG_INVALID.messages.invalid, { message: `${rest} more problem${rest === 1 ? '' : 's'} in this file are not listed` });
    const more = { ...problems[MAX_CONFIG_PROBLEMS], message, start: 0, end: 0 };
    return { ...result, problems: [...problems.slice(0, MAX_CONFIG_PROBLEMS), more] };
  }

  private readAll(text: string): ConfigResult {
    const file = parseFile(text);
    const problems: Finding[] = [];
    const report = (message: string, span: [number, number]) =>
      problems.push({ ruleId: CONFIG_INVALID.id, messageId: 'invalid', message: formatMessage(CONFIG_INVALID.messages.invalid, { message }), severity: 'error', start: span[0], end: span[1], fixes: [] });
    if (file.skip) {
      report(file.skip.reason === 'binary' ? 'the configuration file is not valid UTF-8 text' : 'the configuration file must not be a template', [file.skip.offset, file.skip.offset]);
      return { settings: {}, problems, file };
    }
    const docs = file.documents.filter((d) => d.doc.contents !== null || d.errors.length > 0);
    for (const d of file.documents) for (const e of d.errors) report(`YAML syntax: ${e.message.split('\n')[0]}`, [e.pos[0], e.pos[1]]);
    for (const d of file.documents) for (const k of d.repeatedKeys) report(`${k.key} is set twice in this map`, [k.start, k.end]);
    if (problems.length > 0) return { settings: {}, problems, file };
    if (docs.length === 0) return { settings: {}, problems, file };
    if (docs.length > 1) {
      report('the configuration file must hold one YAML document', [docs[1].start, docs[1].start]);
      return { settings: {}, problems, file };
    }
    const doc = docs[0].doc;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      report(`cannot read the configuration: ${(e as Error).message}`, [docs[0].start, docs[0].start]);
      return { settings: {}, problems, file };
    }
    normalizeOff(value);
    const validate = (this.validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
    if (validate(value)) return { settings: value as Partial<Settings>, problems, file };
    const lookup = pairLookup();
    for (const err of validate.errors ?? []) report(describe(err), locate(doc.contents, err, [docs[0].start, docs[0].start], lookup));
    problems.sort((a, b) => a.start - b.start);
    return { settings: validOnly(value, validate.errors ?? []), problems, file };
  }
}

/** YAML 1.1 reads an unquoted `off` as false: in `rules`, false means `off`, as the user wrote it. */
function normalizeOff(value: unknown): void {
  const rules = (value as { rules?: unknown } | null)?.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
  for (const [id, level] of Object.entries(rules)) if (level === false) (rules as Record<string, unknown>)[id] = 'off';
}

/** A message for one schema error, naming the key path. */
function describe(err: ErrorObject): string {
  const path = err.instancePath.split('/').slice(1).map(unescape).join('.');
  const where = path ? `"${path}"` : 'the configuration';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      return path === 'rules' ? `unknown rule id "${key}" in "rules"` : `unknown key "${path ? path + '.' : ''}${key}"`;
    }
    case 'enum':
      return `${where} must be one of: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'type':
      return `${where} must be ${article((err.params as { type: string }).type)}`;
    case 'pattern':
      return `${where} must match ${(err.params as { pattern: string }).pattern}`;
    default:
      return `${where} ${err.message ?? 'is invalid'}`;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The span of the node a schema error is about: the unknown key itself, or the offending value. */
function locate(root: unknown, err: ErrorObject, fallback: [number, number], getPair: PairLookup): [number, number] {
  let node: unknown = root;
  let pair: ReturnType<typeof getPair>;
  for (const seg of err.instancePath.split('/').slice(1).map(unescape)) {
    const seq = asSeq(node);
    if (seq && /^\d+$/.test(seg)) {
      node = seq.items[Number(seg)];
      pair = undefined;
    } else {
      pair = getPair(node, seg);
      node = pair?.value;
    }
    if (node === undefined) return fallback;
  }
  if (err.keyword === 'additionalProperties') {
    const key = getPair(node, String((err.params as { additionalProperty: string }).additionalProperty));
    return (key && nodeSpan(key.key)) ?? fallback;
  }
  return spanOf(node) ?? (pair && spanOf(pair)) ?? fallback;
}

type PairLookup = (map: unknown, key: string) => ReturnType<typeof getPair>;

/**
 * getPair with each map's own keys indexed once: locating 20,000 errors in one map is then linear,
 * not 20,000 scans of it. Keys only a merge key brings in are looked up as getPair does.
 */
function pairLookup(): PairLookup {
  const indexes = new WeakMap<object, Map<string, ReturnType<typeof getPair>>>();
  return (map, key) => {
    const m = asMap(map);
    if (!m) return undefined;
    let index = indexes.get(m);
    if (!index) indexes.set(m, (index = new Map(entries(m).map((e) => [e.key, e.pair]))));
    return index.get(key) ?? getPair(m, key);
  };
}

/**
 * The configuration without the keys that have errors (they are reported, not guessed): a bad
 * top-level key is dropped; inside `rules` and `multus`, only the bad entry.
 */
function validOnly(value: unknown, errors: ErrorObject[]): Partial<Settings> {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(value)) return {};
  const pathOf = (e: ErrorObject) => {
    const segs = e.instancePath.split('/').slice(1).map(unescape);
    if (e.keyword === 'additionalProperties') segs.push(String((e.params as { additionalProperty: string }).additionalProperty));
    return segs.slice(0, 2).join('/');
  };
  const bad = new Set(errors.map(pathOf));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (bad.has(k)) continue;
    if ((k === 'rules' || k === 'multus') && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).filter(([sub]) => !bad.has(`${k}/${sub}`)));
    } else {
      out[k] = v;
    }
  }
  return out as Partial<Settings>;
}
