// Unit tests of edits inside string scalars: text written in the scalar's own style, refusals where it cannot be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar, Scalar } from 'yaml';
import { applyEdits } from '../../../server/src/fixes/edits';
import { replaceInString, replaceStringValue } from '../../../server/src/fixes/string-edits';
import { get } from '../../../server/src/manifest/nodes';
import { parseFile, ParsedFile } from '../../../server/src/manifest/parse';
import { decodeScalar } from '../../../server/src/manifest/string-offsets';

function scalarOf(text: string): { file: ParsedFile; node: Scalar } {
  const file = parseFile(text);
  const node = get(file.documents[0].doc.contents, 'v');
  assert.ok(isScalar(node));
  return { file, node };
}

/** Replaces the first occurrence of `find` in the decoded value by `by`, or returns undefined when refused. */
function edit(text: string, find: string, by: string): string | undefined {
  const { file, node } = scalarOf(text);
  const decoded = decodeScalar(text, node)!;
  const at = decoded.value.indexOf(find);
  const e = replaceInString(file, node, decoded, at, at + find.length, by);
  return e && applyEdits(text, [e]);
}

describe('replaceInString', () => {
  it('escapes quotes and backslashes in a double-quoted scalar', () => {
    assert.equal(edit('v: "[{\\"ifname\\": \\"n3\\"}]"\n', 'ifname', 'in"ter\\face'), 'v: "[{\\"in\\"ter\\\\face\\": \\"n3\\"}]"\n');
  });
  it("doubles single quotes in a single-quoted scalar", () => {
    assert.equal(edit("v: '[a]'\n", 'a', "it's"), "v: '[it''s]'\n");
  });
  it('refuses characters written through an escape, and a line break in a flow scalar', () => {
    assert.equal(edit('v: "a\\tb"\n', '\tb', 'x'), undefined);
    assert.equal(edit("v: 'ab'\n", 'a', 'x\ny'), undefined);
    assert.equal(edit('v: ab cd\n', 'cd', 'k: v'), undefined, 'plain scalars cannot take ": "');
  });
  it('indents inserted lines as the literal block is indented', () => {
    const text = 'v: |\n  {\n    "a": 1\n  }\n';
    const { file, node } = scalarOf(text);
    const decoded = decodeScalar(text, node)!;
    const at = decoded.value.indexOf('"a"');
    const e = replaceInString(file, node, decoded, at, at, '"b": 2,\n  ')!;
    assert.equal(applyEdits(text, [e]), 'v: |\n  {\n    "b": 2,\n    "a": 1\n  }\n');
  });
});

describe('replaceStringValue', () => {
  it('rewrites a literal block in place, keeping its header and indentation', () => {
    const text = 'v: |  # networks\n    [a]\nw: 1\n';
    const { file, node } = scalarOf(text);
    assert.equal(applyEdits(text, [replaceStringValue(file, node, '[\n  {"name": "a"}\n]')!]), 'v: |  # networks\n    [\n      {"name": "a"}\n    ]\nw: 1\n');
  });
  it('keeps the quotes of a quoted scalar', () => {
    const text = "v: 'x'\n";
    const { file, node } = scalarOf(text);
    assert.equal(applyEdits(text, [replaceStringValue(file, node, 'a, b')!]), "v: 'a, b'\n");
  });
});
