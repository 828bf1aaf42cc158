// Unit tests of the JSON parser with positions: spans of values and keys, and the offset where parsing fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonValue, MAX_JSON_DEPTH, nodeAtPointer, parseJson, propertyOf } from '../../../server/src/manifest/json-positions';

describe('parseJson', () => {
  it('keeps the span of every value and key, and gives the same value as JSON.parse', () => {
    const text = ' [{"name": "a", "ips": ["10.0.0.1/24"], "n": -1.5e2, "t": true, "z": null}] ';
    const r = parseJson(text);
    assert.ok(r.ok);
    assert.deepEqual(jsonValue(r.node), JSON.parse(text));
    assert.deepEqual([r.node.start, r.node.end], [1, text.length - 1]);
    const element = nodeAtPointer(r.node, '/0')!;
    const name = propertyOf(element, 'name')!;
    assert.equal(text.slice(name.keyStart, name.keyEnd), '"name"');
    assert.equal(text.slice(name.value.start, name.value.end), '"a"');
    const ip = nodeAtPointer(r.node, '/0/ips/0')!;
    assert.equal(text.slice(ip.start, ip.end), '"10.0.0.1/24"');
    assert.equal(text.slice(nodeAtPointer(r.node, '/0/n')!.start, nodeAtPointer(r.node, '/0/n')!.end), '-1.5e2');
  });

  it('decodes string escapes as JSON.parse does', () => {
    const text = '"a\\"b\\\\c\\/d\\n\\u00e9"';
    const r = parseJson(text);
    assert.ok(r.ok && r.node.type === 'string');
    assert.equal(r.node.type === 'string' && r.node.value, JSON.parse(text));
  });

  it('a repeated key: the last one wins, as Go reads JSON', () => {
    const r = parseJson('{"name": "a", "name": "b"}');
    assert.ok(r.ok);
    assert.deepEqual(propertyOf(r.node, 'name')!.value, { type: 'string', start: 22, end: 25, value: 'b' });
  });

  const failures: Array<[string, string, number, RegExp]> = [
    ['a missing comma', '[{"name": "a"} {"name": "b"}]', 15, /',' or ']'/],
    ['a trailing comma', '[{"name": "a"},]', 15, /a value/],
    ['an unquoted key', '[{name: "a"}]', 2, /key in double quotes/],
    ['a bare word', '[sriov-net]', 1, /a value/],
    ['an unterminated string', '[{"name": "a}]', 14, /end of JSON/],
    ['a raw line break in a string', '["a\nb"]', 3, /control character/],
    ['text after the value', '[] x', 3, /after the end/],
    ['a missing colon', '{"a" 1}', 5, /':'/],
    ['an invalid escape', '["\\q"]', 2, /invalid escape/],
    ['empty text', '', 0, /end of JSON/],
  ];
  for (const [name, text, offset, message] of failures) {
    it(`fails at the offending character: ${name}`, () => {
      const r = parseJson(text);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.offset, offset);
      assert.match(r.message, message);
    });
  }

  it(`reads ${MAX_JSON_DEPTH} levels of nesting, in objects and arrays alike, with every span`, () => {
    const arrays = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    const r = parseJson(arrays);
    assert.ok(r.ok);
    assert.deepEqual(jsonValue(r.node), JSON.parse(arrays));
    const objects = `${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`;
    const o = parseJson(objects);
    assert.ok(o.ok);
    const leaf = nodeAtPointer(o.node, '/a'.repeat(MAX_JSON_DEPTH))!;
    assert.deepEqual([leaf.type, leaf.start, leaf.end], ['number', 5 * MAX_JSON_DEPTH, 5 * MAX_JSON_DEPTH + 1]);
  });

  it('fails at the first container past the limit, saying so, however deep the text goes (no stack overflow)', () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 3_000, 1_000_000]) {
      const r = parseJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      assert.deepEqual(r, { ok: false, offset: MAX_JSON_DEPTH, message: `objects and arrays nest more than ${MAX_JSON_DEPTH} levels deep`, tooDeep: true });
    }
  });
});
