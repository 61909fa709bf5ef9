// Accessibility: axe-core (WCAG 2.0 / 2.1, levels A and AA) on the demo page with each checklist, shadow DOM
// included, both as loaded and with validation errors on display.
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, axeCheck, KINDS, launchBrowser, newContext, openPage, press, screenshot, sharedServer, TODAY, until, waitForWidget } from './lib.mjs';

let server, browser;
before(async () => { server = await sharedServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

for (const kind of KINDS) {
  describe(`index.html with the ${kind} checklist`, () => {
    let context, page;
    before(async () => {
      context = await newContext(browser, { baseURL: server.url });
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
