// Unit tests of the edit helpers: exact output text for every way of editing a map or a sequence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { appendItem, applyEdits, fillEmpty, insertPairs, removeKey, removePair, replaceScalar, setIn, setPair, setPairs, TextEdit } from '../../../server/src/fixes/edits';
import { asMap, asSeq, getIn, getPair } from '../../../server/src/manifest/nodes';
import { parseFile, ParsedFile } from '../../../server/src/manifest/parse';

/** The root map of the first document. */
function rootOf(file: ParsedFile): YAMLMap {
  const m = asMap(file.documents[0].doc.contents);
  assert.ok(m, 'the document is a map');
  return m;
}

/** The map at a path of keys (numbers index sequences). */
function mapAt(file: ParsedFile, path: Array<string | number>): YAMLMap {
  const m = asMap(walk(file, path));
  assert.ok(m, `a map at ${path.join('.')}`);
  return m;
}

function seqAt(file: ParsedFile, path: Array<string | number>): YAMLSeq {
  const s = asSeq(walk(file, path));
  assert.ok(s, `a sequence at ${path.join('.')}`);
  return s;
}

function walk(file: ParsedFile, path: Array<string | number>): unknown {
  let n: unknown = rootOf(file);
  for (const step of path) n = typeof step === 'number' ? asSeq(n)?.items[step] : getIn(n, [step]);
  return n;
}

/** Parses `text`, makes the edits `make` returns, and gives the resulting text (or undefined when an edit refuses). */
function edit(text: string, make: (file: ParsedFile) => TextEdit | undefined | Array<TextEdit | undefined>): string | undefined {
  const file = parseFile(text);
  const made = make(file);
  const edits = Array.isArray(made) ? made : [made];
  if (edits.some((e) => e === undefined)) return undefined;
  return applyEdits(text, edits as TextEdit[]);
}

describe('replaceScalar', () => {
  it('keeps double quotes and the trailing comment', () => {
    assert.equal(edit('a: "x" # note\n', (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, 'y')), 'a: "y" # note\n');
  });
  it('keeps single quotes, doubling a quote inside', () => {
    assert.equal(edit("a: 'x'\n", (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, "it's")), "a: 'it''s'\n");
  });
  it('keeps an anchor no alias uses', () => {
    assert.equal(edit('a: &x old # c\n', (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, 'new')), 'a: &x new # c\n');
  });
  it('quotes a plain string that YAML 1.1 would read as a boolean', () => {
    assert.equal(edit('a: old\n', (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, 'yes')), 'a: "yes"\n');
  });
  it('writes a boolean over a boolean', () => {
    assert.equal(edit('a: true\n', (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, false)), 'a: false\n');
  });
  it('refuses an alias and an anchor that an alias uses', () => {
    assert.equal(edit('a: &x old\nb: *x\n', (f) => replaceScalar(f, getPair(rootOf(f), 'b')!.value, 'new')), undefined);
    assert.equal(edit('a: &x old\nb: *x\n', (f) => replaceScalar(f, getPair(rootOf(f), 'a')!.value, 'new')), undefined);
  });
});

describe('setPair, setPairs, insertPairs into a block map', () => {
  it('replaces a scalar in place', () => {
    assert.equal(edit('spec:\n  a: 1 # c\n', (f) => setPair(f, mapAt(f, ['spec']), 'a', 2)), 'spec:\n  a: 2 # c\n');
  });
  it('inserts after the last pair at the first key indentation', () => {
    assert.equal(edit('spec:\n    a: 1\n    b: 2\nnext: 0\n', (f) => setPair(f, mapAt(f, ['spec']), 'c', 'v')), 'spec:\n    a: 1\n    b: 2\n    c: v\nnext: 0\n');
  });
  it('inserts after a last pair that holds a nested block map', () => {
    assert.equal(edit('spec:\n  a: 1\n  b:\n    c: 2\nother: x\n', (f) => insertPairs(f, mapAt(f, ['spec']), { d: 'v' })), 'spec:\n  a: 1\n  b:\n    c: 2\n  d: v\nother: x\n');
  });
  it('inserts after a last pair that holds a block scalar, keeping its content', () => {
    assert.equal(
      edit('spec:\n  s: |\n    echo hi\nnext: 1\n', (f) => insertPairs(f, mapAt(f, ['spec']), { d: 'v' })),
      'spec:\n  s: |\n    echo hi\n  d: v\nnext: 1\n',
    );
    assert.equal(
      edit('spec:\n  s: |+\n    echo hi\n\nnext: 1\n', (f) => insertPairs(f, mapAt(f, ['spec']), { d: 'v' })),
      'spec:\n  s: |+\n    echo hi\n\n  d: v\nnext: 1\n',
    );
  });
  it('inserts before comment lines that follow the map', () => {
    assert.equal(edit('spec:\n  a: 1 # c\n  # tail\nb: 2\n', (f) => insertPairs(f, mapAt(f, ['spec']), { d: 'v' })), 'spec:\n  a: 1 # c\n  d: v\n  # tail\nb: 2\n');
  });
  it('inserts into a file without a trailing newline', () => {
    assert.equal(edit('a: 1', (f) => insertPairs(f, rootOf(f), { b: 2 })), 'a: 1\nb: 2');
  });
  it('writes sequences as the file does when the key of its first one has a comment after it', () => {
    assert.equal(
      edit('l: # items\n- a\nspec:\n  b: 1\n', (f) => insertPairs(f, mapAt(f, ['spec']), { c: ['x'] })),
      'l: # items\n- a\nspec:\n  b: 1\n  c:\n  - x\n',
    );
  });
  it('keeps CRLF in every inserted line', () => {
    assert.equal(
      edit('spec:\r\n  a: 1\r\n  b:\r\n    c: 2\r\n', (f) => insertPairs(f, mapAt(f, ['spec']), { d: { e: ['f'] } })),
      'spec:\r\n  a: 1\r\n  b:\r\n    c: 2\r\n  d:\r\n    e:\r\n      - f\r\n',
    );
  });
  it('inserts into a map that is a sequence item, at its first key column', () => {
    assert.equal(edit('c:\n- name: x\n  image: i\n- name: z\n', (f) => insertPairs(f, mapAt(f, ['c', 0]), { d: 'v' })), 'c:\n- name: x\n  image: i\n  d: v\n- name: z\n');
    assert.equal(edit('c:\n  - name: x\n', (f) => insertPairs(f, mapAt(f, ['c', 0]), { d: 'v' })), 'c:\n  - name: x\n    d: v\n');
  });
  it('setPairs replaces what is written, leaves equal values, inserts the rest in one edit', () => {
    const text = 'sc:\n  a: true\n  b: 1\n';
    const file = parseFile(text);
    const edits = setPairs(file, mapAt(file, ['sc']), { a: false, b: 1, c: 'x', d: 'on' });
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(text, edits as TextEdit[]), 'sc:\n  a: false\n  b: 1\n  c: x\n  d: "on"\n');
  });
  it('setPair refuses to overwrite a map with a scalar', () => {
    assert.equal(edit('spec:\n  a:\n    b: 1\n', (f) => setPair(f, mapAt(f, ['spec']), 'a', 1)), undefined);
  });
});

describe('insertPairs into a flow map', () => {
  it('fills an empty flow map', () => {
    assert.equal(edit('m: {}\n', (f) => insertPairs(f, mapAt(f, ['m']), { a: 1, b: 'yes' })), 'm: {a: 1, b: "yes"}\n');
  });
  it('appends after the last pair', () => {
    assert.equal(edit('m: {a: 1}\n', (f) => insertPairs(f, mapAt(f, ['m']), { b: 2 })), 'm: {a: 1, b: 2}\n');
    assert.equal(edit('m: { a: 1 }\n', (f) => insertPairs(f, mapAt(f, ['m']), { b: 2 })), 'm: { a: 1, b: 2 }\n');
  });
  it('renders nested values in flow style', () => {
    assert.equal(edit('m: {a: {x: 1}}\n', (f) => insertPairs(f, mapAt(f, ['m']), { c: { drop: ['ALL'] } })), 'm: {a: {x: 1}, c: {drop: [ALL]}}\n');
  });
});

describe('fillEmpty and setIn', () => {
  it('fills an empty value at the end of its line, after a comment', () => {
    assert.equal(
      edit('metadata: # c\nspec: 1\n', (f) => fillEmpty(f, getPair(rootOf(f), 'metadata')!, { annotations: { a: 'b' } })),
      'metadata: # c\n  annotations:\n    a: b\nspec: 1\n',
    );
  });
  it('fills a null written `null` or `~`, keeping a comment after it', () => {
    const fill = (text: string) => edit(text, (f) => fillEmpty(f, getPair(rootOf(f), 'metadata')!, { annotations: { a: 'b' } }));
    assert.equal(fill('metadata: null\nspec: 1\n'), 'metadata:\n  annotations:\n    a: b\nspec: 1\n');
    assert.equal(fill('metadata: ~ # c\r\nspec: 1\r\n'), 'metadata: # c\r\n  annotations:\r\n    a: b\r\nspec: 1\r\n');
    assert.equal(fill('metadata: !!null null\n'), undefined);
  });
  it('refuses an empty or null value in a flow map', () => {
    const fill = (text: string) => edit(text, (f) => fillEmpty(f, getPair(mapAt(f, ['t']), 'metadata')!, { a: 'b' }));
    assert.equal(fill('t: {metadata: null, spec: {}}\n'), undefined);
    assert.equal(fill('t: {spec: {}, metadata: }\n'), undefined);
    assert.equal(fill('t: {\n  spec: {},\n  metadata: ~ # c\n}\n'), undefined);
    assert.equal(edit('t: {metadata: null}\n', (f) => setIn(f, rootOf(f), ['t', 'metadata', 'labels', 'x'], 'v')), undefined);
  });
  it('refuses a value that is not empty', () => {
    assert.equal(edit('metadata: x\n', (f) => fillEmpty(f, getPair(rootOf(f), 'metadata')!, { a: 'b' })), undefined);
  });
  it('creates the missing maps along a path', () => {
    assert.equal(edit('metadata:\n  name: a\n', (f) => setIn(f, rootOf(f), ['metadata', 'annotations', 'x'], 'v')), 'metadata:\n  name: a\n  annotations:\n    x: v\n');
    assert.equal(edit('kind: A\n', (f) => setIn(f, rootOf(f), ['metadata', 'annotations', 'x'], 'v')), 'kind: A\nmetadata:\n  annotations:\n    x: v\n');
    assert.equal(edit('metadata: {name: a}\n', (f) => setIn(f, rootOf(f), ['metadata', 'labels', 'x'], 'v')), 'metadata: {name: a, labels: {x: v}}\n');
  });
  it('fills an empty map on the way', () => {
    assert.equal(edit('metadata:\nspec: {}\n', (f) => setIn(f, rootOf(f), ['metadata', 'labels', 'x'], 'v')), 'metadata:\n  labels:\n    x: v\nspec: {}\n');
  });
  it('replaces the value at the end of an existing path', () => {
    assert.equal(edit('metadata:\n  annotations:\n    a: b\n', (f) => setIn(f, rootOf(f), ['metadata', 'annotations', 'a'], 'c')), 'metadata:\n  annotations:\n    a: c\n');
  });
});

describe('appendItem', () => {
  it('block sequence at the key indentation', () => {
    assert.equal(edit('l:\n- a\n- b\nz: 1\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l:\n- a\n- b\n- c\nz: 1\n');
  });
  it('indented block sequence, quoting a YAML 1.1 boolean', () => {
    assert.equal(edit('l:\n  - a\n  - b\nz: 1\n', (f) => appendItem(f, seqAt(f, ['l']), 'on')), 'l:\n  - a\n  - b\n  - "on"\nz: 1\n');
  });
  it('compact nested sequence', () => {
    assert.equal(edit('l:\n- - a\n  - b\n', (f) => appendItem(f, seqAt(f, ['l', 0]), 'c')), 'l:\n- - a\n  - b\n  - c\n');
  });
  it('after a last item that is a map', () => {
    assert.equal(edit('l:\n- name: a\n  x: 1\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l:\n- name: a\n  x: 1\n- c\n');
  });
  it('flow sequences, empty or not', () => {
    assert.equal(edit('l: [a]\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l: [a, c]\n');
    assert.equal(edit('l: [ a, b ]\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l: [ a, b, c ]\n');
    assert.equal(edit('l: []\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l: [c]\n');
  });
  it('file without a trailing newline, and CRLF', () => {
    assert.equal(edit('l:\n- a', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l:\n- a\n- c');
    assert.equal(edit('l:\r\n  - a\r\n', (f) => appendItem(f, seqAt(f, ['l']), 'c')), 'l:\r\n  - a\r\n  - c\r\n');
  });
});

describe('removePair', () => {
  const remove = (text: string, path: Array<string | number>, key: string) => edit(text, (f) => removePair(f, mapAt(f, path), getPair(mapAt(f, path), key)!));
  it('removes the whole line', () => {
    assert.equal(remove('a: 1\nb: 2\nc: 3\n', [], 'b'), 'a: 1\nc: 3\n');
    assert.equal(remove('a: 1\r\nb: 2\r\n', [], 'a'), 'b: 2\r\n');
    assert.equal(remove('a: 1\nb: 2', [], 'b'), 'a: 1\n');
  });
  it('removes a nested block map or a block scalar with all its lines', () => {
    assert.equal(remove('a: 1\nb:\n  x: 1\n  y: 2\nc: 3\n', [], 'b'), 'a: 1\nc: 3\n');
    assert.equal(remove('a: |\n  x\n  y\nb: 2\n', [], 'a'), 'b: 2\n');
  });
  it('keeps comment lines around the pair', () => {
    assert.equal(remove('# head\na: 1\n# about b\nb: 2\n', [], 'a'), '# head\n# about b\nb: 2\n');
  });
  it('after `- `, moves the next key up', () => {
    assert.equal(remove('l:\n- a: 1\n  b: 2\n', ['l', 0], 'a'), 'l:\n- b: 2\n');
  });
  it('refuses after `- ` when it is the only key', () => {
    assert.equal(remove('l:\n- a: 1\n', ['l', 0], 'a'), undefined);
  });
  it('refuses a pair with a trailing comment', () => {
    assert.equal(remove('a: 1 # why\nb: 2\n', [], 'a'), undefined);
  });
  it('refuses a pair whose lines hold a comment: after its key, between or after its items', () => {
    assert.equal(remove('a:  # why\n  x: 1\nb: 2\n', [], 'a'), undefined);
    assert.equal(remove('a:\n  # about x\n  x: 1\n  y: 2\nb: 2\n', [], 'a'), undefined);
    assert.equal(remove('a:\n  x: 1 # why\n  y: 2\nb: 2\n', [], 'a'), undefined);
    assert.equal(remove('l:\n- a:\n    x: 1 # why\n  b: 2\n', ['l', 0], 'a'), undefined);
    assert.equal(remove('a: [1, # one\n  2]\nb: 2\n', [], 'a'), undefined);
  });
  it('removes a pair whose scalars hold a # that is no comment', () => {
    assert.equal(remove('a:\n  x: "1 # not"\n  y: |\n    # text\nb: 2\n', [], 'a'), 'b: 2\n');
    assert.equal(remove('a: x#y\nb: 2\n', [], 'a'), 'b: 2\n');
  });
  it('flow map: first, middle, last, only', () => {
    assert.equal(remove('m: {a: 1, b: 2, c: 3}\n', ['m'], 'a'), 'm: {b: 2, c: 3}\n');
    assert.equal(remove('m: {a: 1, b: 2, c: 3}\n', ['m'], 'b'), 'm: {a: 1, c: 3}\n');
    assert.equal(remove('m: {a: 1, b: 2, c: 3}\n', ['m'], 'c'), 'm: {a: 1, b: 2}\n');
    assert.equal(remove('m: {a: 1}\n', ['m'], 'a'), 'm: {}\n');
  });
  it('flow map: refuses to remove a comment with the separator', () => {
    assert.equal(remove('m: {\n  a: 1, # keep\n  b: 2\n}\n', ['m'], 'a'), undefined);
  });
  it('refuses to remove an anchor that an alias uses, and a pair of a shared map', () => {
    assert.equal(remove('a: &t true\nb: *t\n', [], 'a'), undefined);
    assert.equal(remove('a: &t true\nb: *t\n', [], 'b'), 'a: &t true\n');
    assert.equal(remove('base: &m\n  x: 1\n  y: 2\nuse: *m\n', ['base'], 'x'), undefined);
  });
  it('refuses a pair that comes from a merge key', () => {
    assert.equal(edit('base: &m {x: 1}\nuse:\n  <<: *m\n  y: 2\n', (f) => removeKey(f, mapAt(f, ['use']), 'x')), undefined);
  });
});

describe('refusals on shared text', () => {
  it('does not insert into or fill a map an alias shares', () => {
    assert.equal(edit('a: &m\n  x: 1\nb: *m\n', (f) => insertPairs(f, mapAt(f, ['a']), { y: 2 })), undefined);
    assert.equal(edit('a: &m\n  x: 1\nb: *m\n', (f) => setIn(f, mapAt(f, ['b']), ['z', 'w'], 1)), undefined);
  });
  it('does not append to a sequence an alias shares', () => {
    assert.equal(edit('a: &s [x]\nb: *s\n', (f) => appendItem(f, seqAt(f, ['a']), 'y')), undefined);
  });
  it('looks only at the document that holds the edit: an anchor in another document shares nothing here', () => {
    const text = 'a: &t 1\nb: *t\n---\nc:\n  x: 1\n---\nd: &u 2\ne: *u\n';
    const file = parseFile(text);
    const second = asMap(file.documents[1].doc.contents)!;
    const third = asMap(file.documents[2].doc.contents)!;
    assert.equal(applyEdits(text, [removeKey(file, second, 'c')!]), 'a: &t 1\nb: *t\n---\n---\nd: &u 2\ne: *u\n');
    assert.equal(replaceScalar(file, getPair(third, 'd')?.value, 3), undefined);
    assert.equal(removeKey(file, third, 'd'), undefined);
  });
  it('overrides a key that a merge key provides in the map itself, leaving the base alone', () => {
    assert.equal(edit('base: &m {x: 1}\nuse:\n  <<: *m\n', (f) => setPair(f, mapAt(f, ['use']), 'x', 2)), 'base: &m {x: 1}\nuse:\n  <<: *m\n  x: 2\n');
  });
});

describe('applyEdits', () => {
  it('applies edits in offset order', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }, { start: 2, end: 2, text: '+' }]), 'Ab+cdEf');
  });
  it('throws on overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }]), /overlapping edits at offset 2/);
  });
});
