// Label selectors against the examples of the Kubernetes documentation ("Labels and Selectors", LabelSelector, NetworkPolicy), written out by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { EMPTY_SELECTOR, readLabelSelector, selects } from '../../../server/src/manifest/label-selector';

/** The selector a YAML text holds (as a pod spec field would). */
const selector = (yaml: string) => readLabelSelector(parseDocument(yaml, { version: '1.1' }).contents);

describe('label selectors as Kubernetes evaluates them', () => {
  it('the documentation example: matchLabels and matchExpressions are ANDed', () => {
    const s = selector(`matchLabels:
  component: redis
matchExpressions:
  - { key: tier, operator: In, values: [cache] }
  - { key: environment, operator: NotIn, values: [dev] }
`);
    assert.ok(selects(s, { component: 'redis', tier: 'cache', environment: 'production' }));
    assert.ok(selects(s, { component: 'redis', tier: 'cache' }), 'NotIn holds when the key is not set');
    assert.ok(!selects(s, { component: 'redis', tier: 'cache', environment: 'dev' }));
    assert.ok(!selects(s, { component: 'redis', tier: 'frontend' }));
    assert.ok(!selects(s, { tier: 'cache' }), 'matchLabels must hold too');
  });

  it('environment in (production, qa); tier notin (frontend, backend); partition; !partition', () => {
    const inSel = selector('matchExpressions: [{key: environment, operator: In, values: [production, qa]}]');
    assert.ok(selects(inSel, { environment: 'qa' }));
    assert.ok(!selects(inSel, { environment: 'dev' }));
    assert.ok(!selects(inSel, {}), 'In needs the key');
    const notIn = selector('matchExpressions: [{key: tier, operator: NotIn, values: [frontend, backend]}]');
    assert.ok(selects(notIn, { tier: 'cache' }));
    assert.ok(selects(notIn, { app: 'x' }), 'all resources without the tier key');
    assert.ok(!selects(notIn, { tier: 'backend' }));
    const exists = selector('matchExpressions: [{key: partition, operator: Exists}]');
    assert.ok(selects(exists, { partition: '' }));
    assert.ok(!selects(exists, { app: 'x' }));
    const absent = selector('matchExpressions: [{key: partition, operator: DoesNotExist}]');
    assert.ok(selects(absent, { app: 'x' }));
    assert.ok(!selects(absent, { partition: 'customerA' }));
  });

  it('equality: environment = production, tier != frontend (written as matchLabels and NotIn)', () => {
    const s = selector('matchLabels: {environment: production}\nmatchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]');
    assert.ok(selects(s, { environment: 'production', tier: 'backend' }));
    assert.ok(!selects(s, { environment: 'production', tier: 'frontend' }));
    assert.ok(!selects(s, { environment: 'qa' }));
  });

  it('an empty selector selects everything; a null selector selects nothing', () => {
    assert.ok(selects(selector('{}'), {}));
    assert.ok(selects(selector('{}'), { app: 'anything' }));
    assert.ok(selects(EMPTY_SELECTOR, { role: 'db' }));
    assert.equal(selector('null'), null);
    assert.equal(selector(''), null);
    assert.ok(!selects(null, {}));
    assert.ok(!selects(undefined, { app: 'x' }));
  });

  it('the NetworkPolicy example: podSelector role=db selects the db pods only', () => {
    const s = selector('matchLabels:\n  role: db\n');
    assert.ok(selects(s, { role: 'db', app: 'mysql' }));
    assert.ok(!selects(s, { role: 'frontend' }));
  });

  it('a selector the API server rejects selects nothing (unknown operator, In without values, Exists with values)', () => {
    assert.ok(!selects(selector('matchExpressions: [{key: a, operator: Equals, values: [x]}]'), { a: 'x' }));
    assert.ok(!selects(selector('matchExpressions: [{key: a, operator: In, values: []}]'), { a: 'x' }));
    assert.ok(!selects(selector('matchExpressions: [{key: a, operator: Exists, values: [x]}]'), { a: 'x' }));
  });
});
