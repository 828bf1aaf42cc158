// Unit tests of decodeScalar: every character of a decoded YAML string maps back to the source it comes from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar, Scalar } from 'yaml';
import { get } from '../../../server/src/manifest/nodes';
import { parseFile } from '../../../server/src/manifest/parse';
import { decodeScalar, DecodedString } from '../../../server/src/manifest/string-offsets';

/** The scalar under `v` of a one-document text, decoded. */
function decode(text: string): { decoded: DecodedString; node: Scalar } {
  const file = parseFile(text);
  const node = get(file.documents[0].doc.contents, 'v');
  assert.ok(isScalar(node), 'v is a scalar');
  const decoded = decodeScalar(text, node);
  assert.ok(decoded, 'a string scalar decodes');
  return { decoded, node };
}

/** The source text each decoded character maps to, in order. */
function sources(text: string, d: DecodedString): string[] {
  return d.value.split('').map((_, i) => text.slice(...d.span(i, i + 1)));
}

/** Every decoded character maps to itself, except those listed (index -> source text). */
function assertMapping(text: string, d: DecodedString, special: Record<number, string> = {}): void {
  assert.equal(d.exact, true, 'the decoding is retraced exactly');
  const expected = d.value.split('').map((ch, i) => special[i] ?? ch);
  assert.deepEqual(sources(text, d), expected);
}

describe('decodeScalar: flow scalars', () => {
  it('plain, one line: each character maps to itself; spans cover ranges and end at the scalar end', () => {
    const text = 'v: hello world\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'hello world');
    assertMapping(text, decoded);
    assert.equal(text.slice(...decoded.span(6, 11)), 'world');
    assert.deepEqual(decoded.span(11, 11), [14, 14], 'a zero-width span at the end sits after the last character');
    assert.equal(decoded.offsetAt(0), 3);
  });

  it('plain, folded over lines: a single break is a space, an empty line a newline, indentation dropped', () => {
    const text = 'v: plain  \n  two\n\n  three\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'plain two\nthree');
    assertMapping(text, decoded, { 5: '\n', 9: '\n\n' });
  });

  it("single-quoted: '' is one quote mapped to both, line folding as plain", () => {
    const text = "v: 'it''s\n   ok'\n";
    const { decoded } = decode(text);
    assert.equal(decoded.value, "it's ok");
    assertMapping(text, decoded, { 2: "''", 4: '\n' });
  });

  it('double-quoted: every escape maps to its whole escape sequence', () => {
    const text = 'v: "a\\tb\\u00e9\\x41\\"q\\\\ \\/"\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'a\tbéA"q\\ /');
    assertMapping(text, decoded, { 1: '\\t', 3: '\\u00e9', 4: '\\x41', 5: '\\"', 7: '\\\\', 9: '\\/' });
  });

  it('double-quoted: an escaped line break joins lines; a plain break folds; an astral escape maps both UTF-16 units', () => {
    const text = 'v: "ab\\\n    cd\n  ef \\U0001F600"\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'abcd ef \u{1F600}');
    assertMapping(text, decoded, { 4: '\n', 8: '\\U0001F600', 9: '\\U0001F600' });
  });

  it('JSON inside a double-quoted scalar: an element maps to its escaped source', () => {
    const text = 'v: "[{\\"name\\": \\"Bad_Name\\"}]"\n';
    const { decoded } = decode(text);
    const at = decoded.value.indexOf('"Bad_Name"');
    assert.equal(text.slice(...decoded.span(at, at + '"Bad_Name"'.length)), '\\"Bad_Name\\"');
  });

  it('CRLF line breaks fold like LF and map to the whole break', () => {
    const text = 'v: "a\r\n  b"\r\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'a b');
    assertMapping(text, decoded, { 1: '\r\n' });
  });
});

describe('decodeScalar: block scalars', () => {
  it('literal, clip: lines keep their breaks, the last break maps to the newline after the content', () => {
    const text = 'v: |\n  [\n    {"name": "a"}\n  ]\nw: 1\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, '[\n  {"name": "a"}\n]\n');
    assertMapping(text, decoded);
    const at = decoded.value.indexOf('"a"');
    assert.equal(text.slice(...decoded.span(at, at + 3)), '"a"');
    assert.equal(decoded.offsetAt(at), text.indexOf('"a"'));
  });

  it('literal with an indentation indicator and strip chomping (|2-): leading spaces beyond the indicator are content', () => {
    const text = 'v: |2-\n    x\n   y\n\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, '  x\n y');
    assertMapping(text, decoded);
  });

  it('literal with the indicator after the chomping (|-2) inside a sequence item (the parent indentation is not in the node)', () => {
    const text = 'v:\n  - k: |-2\n        x\n       y\n';
    const file = parseFile(text);
    const item = (get(file.documents[0].doc.contents, 'v') as { items: unknown[] }).items[0];
    const node = get(item, 'k') as Scalar;
    const decoded = decodeScalar(text, node)!;
    assert.equal(decoded.value, '  x\n y');
    assertMapping(text, decoded);
  });

  it('literal, keep (|+): trailing empty lines are kept, each mapped to its line break', () => {
    const text = 'v: |+\n  a\n\n\nw: 1\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'a\n\n\n');
    assertMapping(text, decoded);
    assert.deepEqual(decoded.span(2, 4), [text.indexOf('\n\n\nw') + 1, text.indexOf('w: 1')]);
  });

  it('folded (>): single breaks become spaces, empty lines newlines, more-indented lines keep their breaks', () => {
    const text = 'v: >\n  f1\n  f2\n\n   more\n  g\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'f1 f2\n\n more\ng\n');
    // The space between f1 and f2 is the folded break after f1; the break before " more" stays a newline.
    assertMapping(text, decoded, { 2: '\n' });
    assert.equal(decoded.offsetAt(decoded.value.indexOf('more')), text.indexOf('more'));
  });

  it('folded, strip and keep chomping (>- and >+)', () => {
    const strip = 'v: >-\n  a\n  b\n\n';
    assert.equal(decode(strip).decoded.value, 'a b');
    assertMapping(strip, decode(strip).decoded, { 1: '\n' });
    const keep = 'v: >+\n  a\n\n';
    assert.equal(decode(keep).decoded.value, 'a\n\n');
    assertMapping(keep, decode(keep).decoded);
  });

  it('a comment after the header is not content', () => {
    const text = 'v: | # the networks\n  net1\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'net1\n');
    assertMapping(text, decoded);
  });

  it('CRLF in a literal block: each newline maps to its CRLF', () => {
    const text = 'v: |\r\n  a\r\n  b\r\n';
    const { decoded } = decode(text);
    assert.equal(decoded.value, 'a\nb\n');
    assertMapping(text, decoded, { 1: '\r\n', 3: '\r\n' });
  });
});

describe('decodeScalar: when the decoding cannot be retraced', () => {
  it('every character maps to the whole scalar: positions stay on real source, only less precise', () => {
    const text = 'v: "abc"\n';
    const { node } = decode(text);
    node.value = 'xyz'; // a value the source does not spell (as if decoded by rules this module does not know)
    const decoded = decodeScalar(text, node)!;
    assert.equal(decoded.exact, false);
    assert.deepEqual(decoded.span(1, 2), [3, 8]);
    assert.deepEqual(decoded.span(3, 3), [8, 8]);
  });
});

describe('decodeScalar: not a string', () => {
  it('a number or a boolean is undefined; a scalar through an alias uses the anchored text', () => {
    const file = parseFile('n: 5\nb: true\n');
    assert.equal(decodeScalar(file.text, get(file.documents[0].doc.contents, 'n') as Scalar), undefined);
    assert.equal(decodeScalar(file.text, get(file.documents[0].doc.contents, 'b') as Scalar), undefined);
  });
});
