// The README's pictures, taken by the suite's browser so that they stay current: each checklist filled in
// (tests/e2e/screenshots/<kind>.png), the error summary (geren-errors.png) and the talk overview
// (tanhua-overview.png). The printed page (print-geren.png) comes from print.test.mjs, the review banner
// (review-changed.png) from review.test.mjs.
import { after, before, describe, test } from 'node:test';
import { resolve } from 'node:path';
import {
  E2E_DIR, fixture, handle, KINDS, openPage, press, TODAY, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const shot = (name) => resolve(E2E_DIR, 'screenshots', name);

const harness = useServerAndBrowser();

describe('README screenshots', () => {
  let context;
  before(async () => { context = await harness.context({ viewport: { width: 1100, height: 1000 } }); });
  after(async () => { await context?.close(); });

  for (const kind of KINDS) {
    test(`${kind}: the checklist filled in`, async () => {
      const page = await openPage(context, `/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
      await waitForWidget(page);
      await handle(page, 'setData', await fixture(kind));
      await page.locator('.ac-tasks').first().waitFor();
      await page.screenshot({ path: shot(`${kind}.png`) }); // the first screenful: title, task list, first items
      if (kind === 'tanhua') {
        const overview = page.locator('[data-overview]');
        await until(() => overview.count(), 'the talk overview');
        await overview.screenshot({ path: shot('tanhua-overview.png') });
      }
      await page.close();
    });
  }

  test('geren: the error summary after 一键校验', async () => {
    const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    await press(page, 'button[data-action="validate"]');
    await until(() => page.locator('[data-summary] a[data-target]').count(), 'the error summary');
    await page.screenshot({ path: shot('geren-errors.png') });
    await page.close();
  });
});
