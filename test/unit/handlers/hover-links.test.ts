// The hover of a finding links the further reading of its rule (the KubeVirt user guide for the gap-2 rules).
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import { describe } from '../../../server/src/handlers/hover';
import { lint } from '../../../server/src/linter/lint';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { ruleById } from '../../../server/src/rules/index';

suite('hover: further reading', () => {
  it('a kubevirt-running-deprecated finding links the run strategies guide, before the confidence line', () => {
    const rule = ruleById('kubevirt-running-deprecated')!;
    const text = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  running: true\n  template: {spec: {}}\n';
    const [finding] = lint(parseFile(text), defaultSettings(), [rule]).findings;
    const paragraphs = describe(finding, rule.meta).split('\n\n');
    assert.equal(paragraphs[paragraphs.length - 2], 'Further reading: [KubeVirt user guide: run strategies](https://kubevirt.io/user-guide/compute/run_strategies/)');
    assert.match(paragraphs[paragraphs.length - 1], /^Confidence: clear-cut\. \[Rule documentation\]/);
  });
  it('a rule without links has no further-reading line', () => {
    const rule = ruleById('privileged-container')!;
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    securityContext: {privileged: true}\n';
    const [finding] = lint(parseFile(text), defaultSettings(), [rule]).findings;
    assert.ok(!describe(finding, rule.meta).includes('Further reading'));
  });
});
