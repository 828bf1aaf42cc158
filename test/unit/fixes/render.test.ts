// Unit tests of rendering: the file's sequence style, read in one pass over its lines, and fragments rendered once per file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstSequenceIndented, renderBlock, RawYaml } from '../../../server/src/fixes/render';
import { parseFile } from '../../../server/src/manifest/parse';

describe('firstSequenceIndented', () => {
  it('reads the first sequence written under its key', () => {
    assert.equal(firstSequenceIndented('a:\n- x\n'), false);
    assert.equal(firstSequenceIndented('a:\n  - x\n'), true);
    assert.equal(firstSequenceIndented('a:\r\n- x\r\n'), false);
    assert.equal(firstSequenceIndented('a: # note: here\n- x'), false);
    assert.equal(firstSequenceIndented('top:\n  a:\n  - x\nb:\n  - y\n'), false);
  });
  it('is true when no sequence follows a key line', () => {
    assert.equal(firstSequenceIndented(''), true);
    assert.equal(firstSequenceIndented('a: 1\n- x\n'), true);
    assert.equal(firstSequenceIndented('# a:\n- x\n'), true);
    assert.equal(firstSequenceIndented('- a:\n- x\n'), true);
    assert.equal(firstSequenceIndented('a:\n\n- x\n'), true);
  });
  it('agrees with the regular expression it replaces', () => {
    const byRegExp = (text: string) => {
      const m = /^( *)[^\s#-][^\n]*:(?:[ \t]+#[^\n]*)?[ \t]*\r?\n( *)- /m.exec(text);
      return !m || m[2].length > m[1].length;
    };
    const parts = ['a:', 'a: 1', '  b:', '- x', '  - y', '# c:', 'k: # c', 'k: v # c:', '\r\n', ' ', '-', ': x', 'x:y:', 'a:\t', 'q: "a: #b"'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 5000; t++) {
      let text = '';
      for (let i = next(8); i > 0; i--) text += parts[next(parts.length)] + (next(10) < 7 ? '\n' : '');
      assert.equal(firstSequenceIndented(text), byRegExp(text), JSON.stringify(text));
    }
  });
});

describe('renderBlock', () => {
  it('renders in the file style, the same fragment alike each time', () => {
    const file = parseFile('a:\n- x\n');
    const once = renderBlock('k', { list: ['z'], raw: new RawYaml('"2"') }, 2, file);
    assert.equal(once, '  k:\n    list:\n    - z\n    raw: "2"');
    assert.equal(renderBlock('k', { list: ['z'], raw: new RawYaml('"2"') }, 2, file), once);
    assert.equal(renderBlock('k', { list: ['z'], raw: new RawYaml('"3"') }, 0, file), 'k:\n  list:\n  - z\n  raw: "3"');
    assert.equal(renderBlock('k', { m: 1 }, 0, file), 'k:\n  m: 1');
    assert.equal(renderBlock('k', { m: '1' }, 0, file), 'k:\n  m: "1"');
  });
});
