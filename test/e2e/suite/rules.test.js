// Every shipped rule in the real editor: its diagnostic, its quick-fixes, the fix applied, the diagnostic gone.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { rules: cases, applyLineEdits } = require('../cases');
const h = require('./helpers');

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

describe('rules: one case per shipped rule', () => {
  const registry = h.registry();
  const metrics = globalThis.__cnfE2eMetrics;

  after(async () => {
    await h.setWorkspaceSetting('cnfLint', 'rules', undefined);
    await h.closeAll();
    const times = Object.entries(metrics.firstDiagnosticsMs);
    if (times.length === 0) return;
    const sorted = times.map(([, ms]) => ms).sort((a, b) => a - b);
    const line = times.map(([f, ms]) => `${f} ${ms} ms`).join(', ');
    console.log(`[e2e] open to first diagnostics: ${line}; median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms (server running)`);
  });

  it('has a case row for every rule of the registry, and none for a rule it lacks', () => {
    const ids = registry.map((r) => r.id);
    const rows = cases.map((c) => c.rule);
    assert.deepEqual(ids.filter((id) => !rows.includes(id)), [], 'rules without an e2e case: add a fixture and a row to test/e2e/cases.js');
    assert.deepEqual(rows.filter((id) => !ids.includes(id)), [], 'rows for rules the registry does not have');
  });

  for (const c of cases) {
    it(`${c.rule}: diagnostic, quick-fixes, '${c.apply}' applied`, async () => {
      const meta = registry.find((r) => r.id === c.rule);
      assert.ok(meta, `${c.rule} is not in the registry`);
      // Only this row's rule on: the quick-fix list at a range is then this rule's alone.
      await h.setWorkspaceSetting('cnfLint', 'rules', Object.fromEntries(registry.filter((r) => r.id !== c.rule).map((r) => [r.id, 'off'])));
      const uri = h.fileUri(c.fixture);
      const started = Date.now();
      const doc = await h.openInEditor(uri);
      const ids = registry.map((r) => r.id);
      const onlyThisRule = (ds) => ds.some((d) => h.codeOf(d) === c.rule) && ds.every((d) => h.codeOf(d) === c.rule || !ids.includes(h.codeOf(d)));
      const diags = await h.waitForDiagnostics(uri, onlyThisRule, `a ${c.rule} diagnostic and no other rule's`);
      if (!(c.fixture in metrics.firstDiagnosticsMs)) metrics.firstDiagnosticsMs[c.fixture] = Date.now() - started;

      const mine = diags.filter((d) => h.codeOf(d) === c.rule);
      assert.equal(mine.length, 1, `one ${c.rule} diagnostic expected, got ${h.describe(mine)}`);
      const d = mine[0];
      assert.equal(h.fmtRange(d.range), c.at, 'range');
      assert.equal(d.severity, SEVERITY[c.severity], `severity (want ${c.severity})`);
      assert.equal(d.source, h.SOURCE, 'source');
      assert.equal(h.codeOf(d), c.rule, 'code');
      assert.equal(typeof d.code === 'object' && d.code.target?.toString(), meta.docUrl, 'code links the rule page');
      assert.ok(meta.messages[c.messageId], `${c.rule} has no message '${c.messageId}'`);
      assert.match(d.message, h.templateRegex(meta.messages[c.messageId]), `message '${c.messageId}'`);

      const actions = await h.quickFixesFor(uri, d);
      const titles = actions.map((a) => a.title);
      assert.deepEqual(titles.filter((t) => t !== `Disable ${c.rule} for this line`), c.fixes, 'quick-fix titles');
      assert.ok(titles.includes(`Disable ${c.rule} for this line`), 'a "Disable for this line" action');
      const preferred = actions.filter((a) => a.isPreferred).map((a) => a.title);
      assert.deepEqual(preferred, c.preferred ? [c.apply] : [], 'preferred fix');

      const fix = actions.find((a) => a.title === c.apply);
      await h.applyAction(fix);
      await h.waitForDiagnostics(uri, (ds) => !ds.some((x) => h.codeOf(x) === c.rule), `the ${c.rule} diagnostic to go`);
      assert.equal(doc.getText(), applyLineEdits(h.fixtureText(c.fixture), c.fixed), 'document text after the fix');
      await h.closeAll();
    });
  }
});
