// Unit tests of parseFile: file offsets, the per-document cache, skipped files, hostile YAML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, parseAllDocuments, visit } from 'yaml';
import { lint } from '../../../server/src/linter/lint';
import { asMap, asSeq, deref, get, getIn, getPair, isTrue, seqItems, stringValue } from '../../../server/src/manifest/nodes';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile, ParseCache, ParsedFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';

/** Everything about a document's positions: its range, every node's range, its errors' positions and messages. */
function layout(doc: Document): unknown {
  const nodes: string[] = [];
  visit(doc, (_key, node) => {
    const r = (node as { range?: number[] } | null)?.range;
    if (r) nodes.push(r.join(','));
  });
  return { range: doc.range, nodes, errors: doc.errors.map((e) => [e.pos, e.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '')]) };
}

function layoutOfFile(file: ParsedFile): unknown[] {
  return file.documents.map((d) => layout(d.doc));
}

/** What yaml's own multi-document parser gives for the same text. */
function reference(text: string): unknown[] {
  return Array.from(parseAllDocuments(text, { version: '1.1', merge: true }) as Iterable<Document>).map(layout);
}

const MULTI_DOCUMENT_TEXTS: Record<string, string> = {
  'three documents with comments': 'a: 1\n---\nb: [1, 2]\n---\n# c\nc:\n  d: e # tail\n',
  'no trailing newline': 'a: 1\n---\nb: {x: y}',
  'start markers with content and comments': '--- a\n--- b\n---\t# c\nc: 3\n--- \n',
  'end markers and a comment between documents': 'a: 1\n...\n# between\n---\nb: 2\n...\n',
  'CRLF': 'a: 1\r\n---\r\nb:\r\n  - x\r\n...\r\n---\r\nc: 3\r\n',
  'a document that does not parse, between good ones': 'a: 1\n---\nb: {x\n---\nc:\n  - d\n',
  'a block scalar holding a --- line that is not a marker': 'a: |\n  --- not a marker\n  x\nb: 1\n---\nc: 2\n',
  'a %TAG directive before its document': 'a: 1\n...\n%TAG !e! tag:example.com,2000:\n---\nb: !e!x 1\n',
  'empty documents': '---\n---\na: 1\n---\n',
  'anchors and aliases': 'a: &x {k: v}\nb: *x\n---\nc: &y 1\nd: [*y, *y]\n',
};

describe('parseFile: multi-document offsets', () => {
  for (const [name, text] of Object.entries(MULTI_DOCUMENT_TEXTS)) {
    it(`equal yaml parseAllDocuments: ${name}`, () => {
      assert.deepEqual(layoutOfFile(parseFile(text)), reference(text));
    });
  }
  it('documents span the file from marker to marker', () => {
    const text = 'a: 1\n---\nb: 2\n...\n---\nc: 3\n';
    const file = parseFile(text);
    assert.deepEqual(
      file.documents.map((d) => [d.index, text.slice(d.start, d.end)]),
      [
        [0, 'a: 1\n'],
        [1, '---\nb: 2\n...\n'],
        [2, '---\nc: 3\n'],
      ],
    );
  });
  it('errors of a document sit at file offsets, other documents parse', () => {
    const text = 'a: 1\n---\nb: {x\n---\nc: 3\n';
    const file = parseFile(text);
    assert.deepEqual(
      file.documents.map((d) => d.errors.length),
      [0, 1, 0],
    );
    assert.deepEqual(file.documents[1].errors[0].pos, [15, 16]);
    assert.equal(get(file.documents[2].doc.contents, 'c')?.toString(), '3');
  });
  it('CRLF: eol and positions', () => {
    const text = 'a: 1\r\n---\r\nb: 2\r\n';
    const file = parseFile(text);
    assert.equal(file.eol, '\r\n');
    const b = getPair(file.documents[1].doc.contents, 'b')!;
    assert.deepEqual(file.lines.positionAt((b.key as { range: number[] }).range[0]), { line: 2, character: 0 });
    assert.equal(parseFile('a: 1\n').eol, '\n');
  });
  it('reads YAML 1.1 booleans even under a %YAML 1.2 directive, as Kubernetes does', () => {
    const file = parseFile('%YAML 1.2\n---\na: yes\nb: "yes"\n');
    assert.equal(isTrue(getPair(file.documents[0].doc.contents, 'a')?.value), true);
    assert.equal(isTrue(getPair(file.documents[0].doc.contents, 'b')?.value), false);
  });
});

describe('ParseCache', () => {
  const docs = (middle: string) => `a: 1\n---\nkind: Pod\nspec:\n  x: [${middle}]\n---\nbase: &b {k: v}\nuse: *b\nbad: [\n---\nlast: {k: v}\n`;

  it('re-parses only the edited document and moves the later ones', () => {
    const cache = new ParseCache();
    const before = parseFile(docs('1'), cache);
    const text = docs('1, 22, 333');
    const after = parseFile(text, cache);
    const fresh = parseFile(text);
    assert.equal(after.documents[0].doc, before.documents[0].doc, 'first document reused');
    assert.notEqual(after.documents[1].doc, before.documents[1].doc, 'edited document re-parsed');
    assert.equal(after.documents[2].doc, before.documents[2].doc, 'later document reused');
    assert.equal(after.documents[3].doc, before.documents[3].doc, 'last document reused');
    assert.deepEqual(layoutOfFile(after), layoutOfFile(fresh));
    assert.deepEqual(layoutOfFile(after), reference(text));
    assert.deepEqual(
      after.documents.map((d) => [d.index, d.start, d.end, d.sharedSpans]),
      fresh.documents.map((d) => [d.index, d.start, d.end, d.sharedSpans]),
    );
    const use = getPair(after.documents[2].doc.contents, 'use')!;
    assert.equal(stringValue(get(deref(use.value), 'k')), 'v', 'aliases still resolve after the move');
  });
  it('follows a second edit, and an edit that shortens the file', () => {
    const cache = new ParseCache();
    parseFile(docs('1'), cache);
    parseFile(docs('1, 2'), cache);
    const text = docs('');
    const after = parseFile(text, cache);
    assert.deepEqual(layoutOfFile(after), layoutOfFile(parseFile(text)));
    assert.deepEqual(
      after.documents.map((d) => [d.start, d.end]),
      parseFile(text).documents.map((d) => [d.start, d.end]),
    );
  });
  it('reuses identical documents once each', () => {
    const cache = new ParseCache();
    const one = '---\na: 1\n';
    const before = parseFile(one + one, cache);
    const after = parseFile('b: 0\n' + one + one, cache);
    assert.equal(new Set(after.documents.map((d) => d.doc)).size, 3);
    assert.deepEqual(new Set(after.documents.slice(1).map((d) => d.doc)), new Set(before.documents.map((d) => d.doc)));
    assert.deepEqual(layoutOfFile(after), reference('b: 0\n' + one + one));
  });
});

describe('files not to lint', () => {
  it('binary: a NUL or an undecodable character', () => {
    assert.deepEqual(parseFile('a: 1\nb: \u0000\n').skip, { reason: 'binary', offset: 8 });
    assert.deepEqual(parseFile('a: \ufffd\u0000').skip, { reason: 'binary', offset: 3 });
    assert.deepEqual(parseFile('a: 1\n').skip, undefined);
  });
});

describe('hostile YAML', () => {
  /** Billion laughs: each level is a list of ten aliases of the level below. */
  function aliasBomb(): string {
    const lines = [`apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\nl0: &l0 [${Array(10).fill('"lol"').join(', ')}]`];
    for (let i = 1; i <= 10; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    lines.push('spec:\n  containers: *l10\n  volumes: *l10\n');
    return lines.join('\n');
  }

  it('an alias bomb parses, and getters read it without expanding it', { timeout: 10000 }, () => {
    const file = parseFile(aliasBomb());
    assert.equal(file.documents.length, 1);
    assert.deepEqual(file.documents[0].errors, []);
    const root = file.documents[0].doc.contents;
    // Every alias resolves to the one anchored node: nothing is copied.
    let level: unknown = get(root, 'l10');
    for (let i = 9; i >= 0; i--) {
      const items = asSeq(level)!.items.map(deref);
      assert.equal(items.length, 10);
      assert.ok(items.every((item) => item === get(root, `l${i}`)), `level ${i} is shared`);
      level = items[0];
    }
    assert.equal(stringValue(asSeq(level)!.items[0]), 'lol');
    assert.equal(getIn(root, ['spec', 'containers']), get(root, 'l10'));
    const result = lint(file, defaultSettings(), RULES);
    assert.deepEqual(result.ruleErrors, []);
    assert.equal(objectsOf(file).length, 1);
  });

  it('self-referencing aliases and merge keys do not hang', { timeout: 10000 }, () => {
    const file = parseFile('a: &a\n  <<: *a\n  b: 1\nc: &c [*c]\nd: &d {<<: [*d, *a]}\nkind: Pod\nspec: &s\n  <<: *s\n  containers: [*s]\n');
    const root = file.documents[0].doc.contents;
    assert.equal(getPair(get(root, 'a'), 'missing'), undefined);
    assert.equal(getIn(root, ['d', 'b'])?.toString(), '1', 'a merge key reaches through another map');
    assert.equal(seqItems(root, 'c')[0], get(root, 'c'), 'a list holding itself');
    assert.equal(asMap(seqItems(get(root, 'spec'), 'containers')[0]), get(root, 'spec'));
    assert.deepEqual(lint(file, defaultSettings(), RULES).ruleErrors, []);
  });

  it('an alias given properties is a parse error, and reads as nothing', () => {
    const file = parseFile('x: &x *x\n');
    assert.equal(file.documents[0].errors.length, 1);
    assert.equal(deref(getPair(file.documents[0].doc.contents, 'x')?.value), undefined);
  });

  it('a 50,000-line file parses into its documents', { timeout: 60000 }, () => {
    const doc = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: c\n    image: i:${i}\n`;
    const text = Array.from({ length: 5556 }, (_v, i) => doc(i)).join('');
    assert.ok(text.split('\n').length > 50000);
    const file = parseFile(text);
    assert.equal(file.documents.length, 5556);
    assert.ok(file.documents.every((d) => d.errors.length === 0));
    const last = file.documents[5555];
    assert.equal(last.start, text.lastIndexOf('---'));
    assert.equal(last.end, text.length);
    const objects = objectsOf(file);
    assert.equal(objects[5555].name, 'p5555');
    assert.equal(text.slice(objects[5555].kindPair.key.range![0], objects[5555].kindPair.key.range![1]), 'kind');
  });

  it('collections nested deeper than 256 levels drop their document with one error; 256 levels parse', () => {
    const nested = (n: number) => `kind: Pod\n---\na: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n---\nkind: Service\n`;
    const ok = parseFile(nested(256));
    assert.deepEqual(ok.documents.map((d) => d.errors.length), [0, 0, 0]);
    for (let i = 0; i < 2; i++) {
      // Parsed twice: a stack overflow in the composer used to break the next parse (a V8 crash).
      const file = parseFile(nested(i === 0 ? 257 : 10000));
      assert.deepEqual(file.documents.map((d) => d.errors.map((e) => [e.code, e.pos, e.message])), [
        [],
        [['UNEXPECTED_TOKEN', [272, 273], 'Collections nest more than 256 levels deep: the document is not read']],
        [],
      ]);
      assert.equal(file.documents[1].doc.toJS(), null);
      assert.deepEqual(objectsOf(file).map((o) => o.kind), ['Pod', 'Service']);
    }
  });
});
