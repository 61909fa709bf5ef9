// Accessibility: axe-core (WCAG 2.0 / 2.1, levels A and AA) on the demo page with each checklist, shadow DOM
// included, both as loaded and with validation errors on display.
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProblems, axeCheck, FIXTURES, KINDS, openPage, press, screenshot, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();

for (const kind of KINDS) {
  describe(`index.html with the ${kind} checklist`, () => {
    let context, page;
    before(async () => {
      context = await harness.context();
      page = await openPage(context, `/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
      await waitForWidget(page);
    });
    after(async () => { await context?.close(); });

    test('empty checklist: no axe violations', async () => {
      await screenshot(page, `index-${kind}.png`);
      await axeCheck(page, `${kind} (empty)`);
    });

    test('with validation errors on display: no axe violations', async () => {
      await press(page, 'button[data-action="validate"]');
      await until(() => page.locator('[data-summary] a[data-target]').count(), 'error summary after 检查 on an empty checklist');
      await screenshot(page, `index-${kind}-errors.png`);
      await axeCheck(page, `${kind} (errors shown)`);
    });

    test('English: no axe violations', async () => {
      await page.evaluate(() => document.querySelector('accountability-checklist').setAttribute('locale', 'en'));
      await page.waitForTimeout(300);
      await axeCheck(page, `${kind} (en)`);
    });

    test('no console errors or CSP violations on the way', () => assertNoProblems(page, `index.html (${kind})`));
  });
}

// The print view (打印), the 核对 view with last year's comparison, and review mode (mode="review").
describe('print, check-answers and review views', () => {
  let context, page;
  before(async () => {
    context = await harness.context();
    page = await openPage(context);
    await page.addInitScript(() => { window.print = () => {}; });
    await page.goto(`/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    const fx = JSON.parse(await readFile(join(FIXTURES, 'geren_valid.json'), 'utf8'));
    await page.evaluate((d) => document.querySelector('accountability-checklist').handle.setData(d), fx);
  });
  after(async () => { await context?.close(); });

  test('print view: no axe violations', async () => {
    await press(page, 'button[data-action="print"]');
    await until(() => page.locator('[data-view="print"] [data-print]').count(), 'the print view');
    await axeCheck(page, 'print view');
    await press(page, 'button[data-action="end-print"]');
  });

  test('核对 view: no axe violations', async () => {
    await press(page, 'button[data-action="review"]');
    await until(() => page.locator('[data-review]').count(), 'the 核对 view');
    await axeCheck(page, '核对 view');
  });

  test('review mode without a record: no axe violations', async () => {
    const p = await openPage(context, `/index.html?template=tanhua&mode=review&draft=none`);
    await waitForWidget(p);
    await until(() => p.locator('[data-reviewer] button[data-action="open-record"]').count(), 'the open-record button');
    await axeCheck(p, 'review mode (empty)');
    assertNoProblems(p, 'review mode (empty)');
    await p.close();
  });
});
