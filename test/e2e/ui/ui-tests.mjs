// UI tests with Playwright, what a person sees: squiggle, hover, Problems panel, Ctrl+. menu, a fix applied and saved.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E_DIR, workbenchUrl } from '../lib/code-server.mjs';

const { rules: cases, applyLineEdits } = createRequire(import.meta.url)('../cases.js');

const FIXTURE = 'privileged-container.yaml';
const ROW = cases.find((c) => c.fixture === FIXTURE);
const MESSAGE_START = "Container 'dataplane' runs privileged";

/**
 * Runs the UI steps in order in one page; a step that fails skips the steps after it (they depend
 * on it). Screenshots go to `shots`: `NN-step.png` for every step, `docs-*.png` for the README.
 */
export async function runUiTests({ context, server, extension, workspace, shots, log, workbenchLog }) {
  const results = { passed: 0, failed: 0, skipped: 0 };
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => workbenchLog.push(`[ui pageerror] ${err.stack ?? err}`));
  let broken;
  let n = 0;
  const shot = (name) => page.screenshot({ path: join(shots, `${String(++n).padStart(2, '0')}-${name}.png`) });
  const docShot = (name) => page.screenshot({ path: join(shots, `docs-${name}.png`) });

  async function step(title, fn) {
    if (broken) {
      results.skipped++;
      console.log(`ui: skip ${title} (after: ${broken})`);
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.passed++;
      console.log(`ui:   ok   ${title} (${Date.now() - t0} ms)`);
    } catch (err) {
      results.failed++;
      broken = title;
      console.log(`ui:   FAIL ${title}\n       ${String(err?.stack ?? err).split('\n').slice(0, 12).join('\n       ')}`);
      await shot('failure').catch(() => {});
    }
  }

  const editor = page.locator('.monaco-editor[data-uri$="' + FIXTURE + '"]').first();
  const viewText = async () => (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

  await step('the workbench opens the fixture folder with the extension loaded', async () => {
    await page.goto(workbenchUrl(server, workspace, { extensionPath: extension }));
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).waitFor();
  });

  await step('clicking the file in the explorer opens it, and the privileged line gets an error squiggle', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FIXTURE }).click();
    await editor.waitFor();
    await editor.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    await shot('squiggle');
  });

  await step('hovering the squiggle shows the rule, its message and its RA2 requirement', async () => {
    const box = await editor.locator('.squiggly-error').first().boundingBox();
    if (!box) throw new Error('the squiggle has no box');
    await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Privileged container' }).first();
    await hover.waitFor();
    await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    const text = await hover.innerText();
    for (const want of [MESSAGE_START, 'ra2.app.041', 'privileged-container']) {
      if (!text.includes(want)) throw new Error(`the hover lacks '${want}':\n${text}`);
    }
    await shot('hover');
    await docShot('hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await step('the Problems panel (Ctrl+Shift+M) lists the finding with its message, rule and source', async () => {
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE_START }).first();
    await row.waitFor();
    const label = (await row.getAttribute('aria-label')) ?? '';
    if (!/^Error: /.test(label) || !label.includes('at line 22 and character 11') || !label.includes('cnf-lint')) {
      throw new Error(`unexpected Problems row: ${label}`);
    }
    await shot('problems');
  });

  await step('Ctrl+. on the problem lists every quick-fix and "Disable for this line"', async () => {
    await editor.locator('.view-lines').click();
    await page.keyboard.press('F8');
    await page.locator('.marker-widget').first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.locator('.monaco-list-row.action').first().waitFor();
    const labels = await menu.locator('.monaco-list-row.action').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
    for (const want of [...ROW.fixes, 'Disable privileged-container for this line']) {
      if (!labels.includes(want)) throw new Error(`the menu lacks '${want}': ${JSON.stringify(labels)}`);
    }
    await shot('quick-fix-menu');
    await docShot('quick-fix-menu');
  });

  await step('choosing "Set privileged: false" with the keyboard fixes the line; Ctrl+S writes the fixed file', async () => {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i < 20 && (await focused.getAttribute('aria-label').catch(() => null)) !== ROW.apply; i++) await page.keyboard.press('ArrowDown');
    if ((await focused.getAttribute('aria-label')) !== ROW.apply) throw new Error(`could not focus '${ROW.apply}'`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (el) => el.innerText.replace(/\u00a0/g, ' ').includes('privileged: false'),
      await editor.locator('.view-lines').elementHandle(),
    );
    if (!(await viewText()).includes('privileged: false')) throw new Error('the editor does not show the fix');
    await page.keyboard.press('Control+S');
    const expected = applyLineEdits(readFileSync(join(E2E_DIR, 'fixtures', FIXTURE), 'utf8'), ROW.fixed);
    const file = join(workspace, FIXTURE);
    const deadline = Date.now() + 15_000;
    while (readFileSync(file, 'utf8') !== expected) {
      if (Date.now() > deadline) throw new Error(`the file on disk is not the fixed text:\n${readFileSync(file, 'utf8')}`);
      await page.waitForTimeout(100); // polls the disk: the editor raises no event this side can hear
    }
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    await shot('fixed-and-saved');
  });

  await step('on a file with several findings, the Problems panel lists each; "cnf-lint: Fix all problems in this file" fixes them', async () => {
    const name = 'fix-all-on-save.yaml';
    const other = page.locator('.monaco-editor[data-uri$="' + name + '"]').first();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
    await other.locator('.squiggly-error').first().waitFor({ state: 'visible' });
    const rows = page.locator('.markers-panel .monaco-list-row[aria-label*="generated by cnf-lint"]');
    await page.waitForFunction((n) => document.querySelectorAll('.markers-panel .monaco-list-row[aria-label*="generated by cnf-lint"]').length >= n, 4);
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    for (const want of [/^Error: The pod shares the node's network namespace/, /^Error: The pod shares the node's IPC namespace/, /^Warning: Container 'pgw' binds host port 2152/, /^Error: Container 'pgw' runs privileged/]) {
      if (!labels.some((l) => want.test(l))) throw new Error(`no Problems row matches ${want}: ${JSON.stringify(labels)}`);
    }
    await other.locator('.view-lines').click();
    await shot('problems-several');
    await docShot('problems');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>cnf-lint: Fix all problems in this file');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Fix all problems in this file' }).first().waitFor();
    await page.keyboard.press('Enter');
    await other.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+S');
    const expected = applyLineEdits(readFileSync(join(E2E_DIR, 'fixtures', name), 'utf8'), { 8: null, 9: null, 15: null, 18: '      privileged: false' });
    const file = join(workspace, name);
    const deadline = Date.now() + 15_000;
    while (readFileSync(file, 'utf8') !== expected) {
      if (Date.now() > deadline) throw new Error(`the file on disk is not the fixed text:\n${readFileSync(file, 'utf8')}`);
      await page.waitForTimeout(100); // polls the disk
    }
    await shot('fix-all-command');
  });

  await page.close().catch(() => {});
  log(`UI tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  return results;
}
