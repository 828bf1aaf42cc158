// Suppression in the real editor: comments and the ignore annotation hide findings; "Disable for this line" writes the comment.
const assert = require('node:assert/strict');
const h = require('./helpers');
const { applyLineEdits } = require('../cases');

describe('suppression', () => {
  afterEach(() => h.closeAll());

  it('a disable-next-line comment and the cnf-lint.io/ignore annotation hide their findings, and only theirs', async () => {
    const uri = h.fileUri('suppressed.yaml');
    await h.openInEditor(uri);
    const ds = await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'privileged-container'), 'the unsuppressed finding');
    const privileged = ds.filter((d) => h.codeOf(d) === 'privileged-container');
    // Three privileged containers: line 23 (annotation), line 37 (comment above it), line 41 (not suppressed).
    assert.deepEqual(privileged.map((d) => h.fmtRange(d.range)), ['41:7-41:23']);
  });

  it('"Disable privileged-container for this line" inserts the comment at the line\'s indentation', async () => {
    const uri = h.fileUri('privileged-container.yaml');
    const doc = await h.openInEditor(uri);
    const ds = await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'privileged-container'), 'a privileged-container diagnostic');
    const d = ds.find((x) => h.codeOf(x) === 'privileged-container');
    const action = (await h.quickFixesFor(uri, d)).find((a) => a.title === 'Disable privileged-container for this line');
    assert.ok(action, 'the "Disable for this line" action');
    assert.notEqual(action.isPreferred, true, 'disabling is never the preferred fix');
    await h.applyAction(action);
    await h.waitForDiagnostics(uri, (ds) => !ds.some((x) => h.codeOf(x) === 'privileged-container'), 'the finding to be suppressed');
    const expected = applyLineEdits(h.fixtureText('privileged-container.yaml'), { '21+': ['          # cnf-lint-disable-next-line privileged-container'] });
    assert.equal(doc.getText(), expected);
  });
});
