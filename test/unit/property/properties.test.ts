// Seeded, bounded property runs (fast-check): lint never throws, preferred fixes keep the file sound, fix-all is idempotent.
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { checkFixAll, checkPreferredFixes, lintChecked } from './fix-properties';
import { layout, objects } from './manifest-arbitrary';
import { renderFile } from './render-yaml';

/** The same inputs on every run: a failure names its seed and path, and reproduces. */
const SEED = 20_261_204;

/** Text edits a fuzzer would make: YAML's special characters, markers and numbers anywhere. */
const mutation = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 8 }),
  text: fc.constantFrom('', ':', '- ', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '<<: *a\n', '---\n', '\t', '\r\n', '\ufeff', '{{ x }}', '|\n', '99999999999999999999', '\n  ', 'constructor: 1\n', '"__proto__"'),
});

/** A rendered file with mutations applied, in order. */
const mutated = fc.tuple(objects, layout, fc.array(mutation, { maxLength: 4 }), fc.boolean()).map(([objs, lay, edits, bom]) => {
  let text = renderFile(objs, lay).text;
  for (const m of edits) {
    const at = m.at % (text.length + 1);
    text = text.slice(0, at) + m.text + text.slice(Math.min(text.length, at + m.cut));
  }
  return bom ? `\ufeff${text}` : text;
});

describe('properties of lint and fixes (seeded, bounded)', () => {
  it('lint never throws and no rule fails, on generated manifests with mutations', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        lintChecked(text);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('every preferred fix: the output parses when the input did, the finding is gone, untouched lines and comments are byte-identical; fix-all twice equals once', () => {
    fc.assert(
      fc.property(objects, layout, (objs, lay) => {
        const { text, comments } = renderFile(objs, lay);
        checkPreferredFixes(text, lintChecked(text), comments);
        checkFixAll(text);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });
});
