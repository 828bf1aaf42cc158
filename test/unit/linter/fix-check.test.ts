// Fix all never writes a broken file: fixes that collide on one key wait a pass, fixes that break the YAML are dropped and named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../../server/src/linter/fix-all';
import { Rule } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { rule as privilegedContainer } from '../../../server/src/rules/privileged-container';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p # the pod\nspec:\n  containers: []\n';

/** A rule that reports every object's kind and offers one preferred fix: `text` inserted after `metadata:`'s line. */
function inserting(id: string, text: string, when: (source: string) => boolean = () => true): Rule {
  return {
    meta: { ...privilegedContainer.meta, id, messages: { m: `${id} finding` }, fixes: { f: `${id} fix` } },
    check(ctx) {
      if (!when(ctx.file.text)) return;
      for (const o of ctx.objects) {
        ctx.report({
          messageId: 'm',
          at: o.kindPair,
          fixes: [{ id: 'f', preferred: true, edits: (file) => [{ start: file.text.indexOf('  name:'), end: file.text.indexOf('  name:'), text }] }],
        });
      }
    },
  };
}

const errorsOf = (text: string) => parseFile(text).documents.flatMap((d) => [...d.errors.map((e) => e.message), ...d.repeatedKeys.map((k) => k.key)]);

describe('fixAll: the edited text is parsed again before it is kept', () => {
  it('a fix that breaks the YAML on its own is dropped, named with the error it would add; the others are applied', () => {
    const broken = inserting('breaks', '  : [\n');
    const good = inserting('labels', '  labels: {app: p}\n', (t) => !t.includes('labels:'));
    const result = fixAll(POD, defaultSettings(), [broken, good]);
    assert.equal(result.output, POD.replace('  name: p', '  labels: {app: p}\n  name: p'));
    assert.deepEqual(errorsOf(result.output), []);
    assert.deepEqual(
      result.dropped.map((d) => [d.ruleId, d.fixId, d.title, d.start]),
      [['breaks', 'f', 'breaks fix', POD.indexOf('kind')]],
    );
    assert.match(result.dropped[0].reason, /\S/);
  });

  it('two rules that each insert the same key into one map: the first is applied, the second waits and then sees the key', () => {
    const a = inserting('first', '  labels: {app: a}\n', (t) => !t.includes('labels:'));
    const b = inserting('second', '  labels: {app: b}\n', (t) => !t.includes('labels:'));
    const result = fixAll(POD, defaultSettings(), [a, b]);
    assert.equal(result.output, POD.replace('  name: p', '  labels: {app: a}\n  name: p'));
    assert.deepEqual(result.dropped, []);
    assert.equal(fixAll(result.output, defaultSettings(), [a, b]).output, result.output);
  });

  it('a second key that would collide however often it is tried is dropped once, not retried in every pass', () => {
    const stubborn = inserting('stubborn', '  name: q\n');
    const result = fixAll(POD, defaultSettings(), [stubborn]);
    assert.equal(result.output, POD);
    assert.deepEqual(
      result.dropped.map((d) => [d.ruleId, d.reason]),
      [['stubborn', 'name would be set twice in one map']],
    );
    assert.equal(result.passes, 1);
  });

  it('a fix whose finding is still there after it was applied is dropped and undone, so that fix-all twice equals once', () => {
    const endless = inserting('endless', '  labels: {}\n');
    const result = fixAll(POD, defaultSettings(), [endless]);
    assert.equal(result.output, POD);
    assert.deepEqual(
      result.dropped.map((d) => [d.ruleId, d.reason]),
      [['endless', 'its finding is still there after it was applied']],
    );
    assert.equal(fixAll(result.output, defaultSettings(), [endless]).output, result.output);
  });
});
