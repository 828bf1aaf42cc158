// Glob patterns of files.exclude: VS Code's syntax, and work bounded by path x pattern whatever the pattern (no backtracking).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMatcher, GlobWork, MAX_GLOB_ALTERNATIVES } from '../../../server/src/workspace/glob';

describe('globMatcher: syntax', () => {
  const matches = (pattern: string, path: string) => globMatcher([pattern])(path);
  it('** is any number of folders, zero included; * and ? stay in one segment', () => {
    assert.ok(matches('**/charts', 'charts'));
    assert.ok(matches('**/charts', 'a/b/charts/x.yaml'));
    assert.ok(matches('a/**/b', 'a/b'));
    assert.ok(matches('a/**/b', 'a/x/y/b'));
    assert.ok(!matches('a/*/b', 'a/x/y/b'));
    assert.ok(matches('*.yaml', 'x.yaml'));
    assert.ok(!matches('*.yaml', 'dir/x.yaml'), 'a pattern without **/ is anchored at the folder root');
    assert.ok(matches('x?.yaml', 'x1.yaml'));
    assert.ok(!matches('x?.yaml', 'x12.yaml'));
    assert.ok(matches('**', 'any/thing'));
    assert.ok(matches('node_modules/**', 'node_modules/a/b.yaml'));
  });
  it('braces, nested, and character classes, negated with !', () => {
    assert.ok(matches('**/*.{tmp,bak}.yaml', 'deep/x.bak.yaml'));
    assert.ok(matches('{a,b/{c,d}}/x', 'b/d/x'));
    assert.ok(!matches('{a,b/{c,d}}/x', 'b/e/x'));
    assert.ok(matches('v[0-9].yaml', 'v3.yaml'));
    assert.ok(!matches('v[!0-9].yaml', 'v3.yaml'));
    assert.ok(matches('v[!0-9].yaml', 'vx.yaml'));
  });
  it('patterns that do not parse match nothing', () => {
    assert.ok(!matches('{a,b', 'a'));
    assert.ok(!matches('', 'a'));
    assert.ok(!matches('[z-a]', 'a'));
    assert.ok(!matches('{a,b}'.repeat(9), 'a'.repeat(9)), `more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
  });
});

describe('globMatcher: work bounded by the input', () => {
  it('80 **/ segments against a 60-folder path that does not match: at most path x pattern steps', () => {
    const work: GlobWork = { steps: 0 };
    const pattern = `${'**/'.repeat(80)}x`;
    const path = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
    assert.equal(globMatcher([pattern], work)(path), false);
    assert.ok(work.steps <= 61 * 82 * 4, `${work.steps} steps`);
  });
  it('a segment of many stars against a long name that does not match: at most name x tokens steps', () => {
    const work: GlobWork = { steps: 0 };
    const pattern = `${'*a'.repeat(40)}b`;
    const name = 'a'.repeat(200);
    assert.equal(globMatcher([pattern], work)(name), false);
    assert.ok(work.steps <= 201 * 82, `${work.steps} steps`);
  });
});
