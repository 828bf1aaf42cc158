// Unit tests of documentAt and documentsTouching: the document around an offset, found by binary search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentAt, documentsTouching } from '../../../server/src/manifest/document-at';
import { parseFile } from '../../../server/src/manifest/parse';

describe('documentAt, documentsTouching', () => {
  const text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
  const file = parseFile(text);
  const indexOf = (offset: number) => documentAt(file, offset)?.index;

  it('finds the document whose source holds an offset, at its first and last offsets', () => {
    assert.deepEqual(file.documents.map((d) => [d.start, d.end]), [[0, 5], [5, 14], [14, 23]]);
    assert.equal(indexOf(0), 0);
    assert.equal(indexOf(4), 0);
    assert.equal(indexOf(5), 1);
    assert.equal(indexOf(13), 1);
    assert.equal(indexOf(22), 2);
    assert.equal(indexOf(23), undefined);
  });
  it('gives both documents at a boundary, and every document a span crosses', () => {
    assert.deepEqual(documentsTouching(file, 5).map((d) => d.index), [0, 1]);
    assert.deepEqual(documentsTouching(file, 7).map((d) => d.index), [1]);
    assert.deepEqual(documentsTouching(file, 2, 20).map((d) => d.index), [0, 1, 2]);
    assert.deepEqual(documentsTouching(file, 40).map((d) => d.index), []);
  });
  it('agrees with a scan on a file of many documents', () => {
    const many = parseFile(Array.from({ length: 200 }, (_, i) => `k${i}: ${'x'.repeat(i % 7)}\n`).join('---\n'));
    for (let offset = 0; offset <= many.text.length; offset += 3) {
      assert.equal(documentAt(many, offset), many.documents.find((d) => offset >= d.start && offset < d.end));
    }
  });
  it('finds nothing in a file without documents', () => {
    assert.equal(documentAt(parseFile('\u0000'), 0), undefined);
  });
});
