// Each checklist, filled in to a valid state with the keyboard only, one mistake made and fixed on the way,
// then submitted to the reference server; the stored record must hold exactly the fixture's data.
//
// Most of each fixture is put in through the widget's handle (setData) — typing a whole checklist would take
// minutes — and the rest is entered with keys only: header fields typed, a presence question answered with
// Space on a radio, one table row added with Enter on the add-row button and filled in (selects with the
// arrow keys, dates as digits, check boxes with Space), buttons pressed with Enter, the error summary link
// followed with Enter. No mouse clicks, no fill(), no selectOption().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, events, fixture, get, handle, kbAddRow, kbSet, launchBrowser, newContext, openPage, press,
  screenshot, startServer, TODAY, until, waitForWidget, without,
} from './lib.mjs';

const SCENARIOS = {
  geren: (fx) => ({
    remove: ['/header/name', '/header/idNumber', '/C07'],
    steps: [
      ['set', '/header/name', fx.header.name],
      ['set', '/header/idNumber', '110105197506150037'], // wrong GB 11643 check digit
      ['set', '/C07/presence', '有'],
      ['set', '/C07/changedSinceLastYear', fx.C07.changedSinceLastYear],
      ['row', '/C07/rows', fx.C07.rows[0]],
    ],
    error: '/header/idNumber',
    fix: ['/header/idNumber', fx.header.idNumber],
  }),
  shuzhi: (fx) => ({
    remove: ['/header/reporterName', '/A12/interferencesReported', '/A13', '/A14/rectifications/1'],
    steps: [
      ['set', '/header/reporterName', fx.header.reporterName],
      ['set', '/A12/interferencesReported', '0'], // A-R04: every interference received is reported
      ['set', '/A13/presence', fx.A13.presence],
      ['set', '/A13/noneReason', fx.A13.noneReason],
      ['row', '/A14/rectifications', fx.A14.rectifications[1]],
    ],
    error: '/A12/',
    fix: ['/A12/interferencesReported', String(fx.A12.interferencesReported)],
  }),
  tanhua: (fx) => ({
    remove: ['/header/unitName', '/header/ownerName', '/plans/items/4'],
    steps: [
      ['set', '/header/unitName', fx.header.unitName],
      ['set', '/header/ownerName', `${fx.header.ownerName}1`], // a digit is not a name character
      ['row', '/plans/items', fx.plans.items[4]],
    ],
    error: '/header/ownerName',
    fix: ['/header/ownerName', fx.header.ownerName],
  }),
};

/** The JSON pointer of the deepest focused element (through shadow roots). */
const focusedPath = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.getAttribute?.('data-path') ?? a?.localName ?? null;
});

async function runSteps(page, steps) {
  for (const [op, path, value] of steps) {
    if (op === 'set') {
      await kbSet(page, path, value);
    } else if (op === 'row') {
      const n = await kbAddRow(page, path);
      for (const [key, v] of Object.entries(value)) await kbSet(page, `${path}/${n}/${key}`, v);
    }
  }
}

/** Presses 提交 and waits for a receipt or the error summary; confirms warnings (Space) when asked. */
async function submit(page) {
  for (let round = 0; round < 3; round++) {
    await press(page, 'button[data-action="submit"]');
    const outcome = await until(async () => {
      if (await page.locator('[data-receipt]').count()) return 'receipt';
      if (await page.locator('input[type="checkbox"][data-confirm]:not(:checked)').count()) return 'confirm';
      if (await page.locator('[data-summary] a[data-path]').count()) return 'errors';
      return null;
    }, 'neither a receipt, nor warnings to confirm, nor an error summary after 提交', 15_000);
    if (outcome !== 'confirm') return outcome;
    const boxes = page.locator('input[type="checkbox"][data-confirm]:not(:checked)');
    while (await boxes.count()) {
      await boxes.first().focus();
      await page.keyboard.press('Space');
    }
  }
  throw new Error('warnings still unconfirmed after three rounds');
}

async function getJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  assert.equal(res.status, 200, `GET ${url}`);
  return res.json();
}

for (const kind of Object.keys(SCENARIOS)) {
  describe(`${kind}: keyboard-only fill-in, one mistake, submit`, () => {
    let server, browser, context, page, fx, sc;
    before(async () => {
      fx = await fixture(kind);
      sc = SCENARIOS[kind](fx);
      server = await startServer({ today: TODAY[kind] });
      browser = await launchBrowser();
      context = await newContext(browser, { baseURL: server.url });
      page = await openPage(context, `/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
      await waitForWidget(page);
    });
    after(async () => {
      if (page) await screenshot(page, `checklist-${kind}-final.png`).catch(() => {});
      await context?.close();
      await browser?.close();
      await server?.stop();
    });

    test('enter the rest with the keyboard', async () => {
      const partial = without(fx, ...sc.remove);
      await handle(page, 'setData', partial);
      for (const p of sc.remove) {
        // what was removed really is empty in the widget now
        assert.equal(get(await handle(page, 'getData'), p), undefined, `${p} should be empty after setData`);
      }
      await runSteps(page, sc.steps);
    });

    test('submit shows the mistake: summary, message, aria wiring; nothing stored', async () => {
      const before = await getJson(`${server.url}/api/checklists`);
      assert.equal(await submit(page), 'errors');
      const summary = page.locator('[data-summary]');
      assert.equal(await summary.getAttribute('role'), 'alert');
      const link = page.locator(`[data-summary] a[data-path^="${sc.error}"]`).first();
      await until(() => link.count(), `no summary link for ${sc.error}`);
      const path = await link.getAttribute('data-path');

      const message = page.locator(`[data-error-for="${path}"]`);
      await until(async () => (await message.count()) && (await message.first().textContent()).trim(), `no [data-error-for="${path}"] text`);
      const input = page.locator(`[data-path="${path}"]`).first();
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${path} aria-invalid`);
      const messageId = await message.first().getAttribute('id');
      assert.ok(messageId, 'the error message has an id');
      assert.ok(((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).includes(messageId),
        `${path} aria-describedby references ${messageId}`);

      const invalid = await events(page, 'checklist-invalid');
      assert.ok(invalid.length >= 1, 'checklist-invalid fired');
      assert.ok(invalid.at(-1).detail?.findings?.some((f) => f.path === path && f.severity === 'error'),
        `checklist-invalid findings include ${path}: ${JSON.stringify(invalid.at(-1).detail?.findings?.map((f) => f.path))}`);
      assert.equal((await events(page, 'checklist-submitted')).length, 0, 'not submitted');
      assert.deepEqual(await getJson(`${server.url}/api/checklists`), before, 'nothing stored');

      // Following the summary link with Enter moves focus to the field.
      await link.focus();
      await page.keyboard.press('Enter');
      await until(async () => (await focusedPath(page)) === path, async () => `focus is on ${await focusedPath(page)}, not ${path}`, 3_000);
      await screenshot(page, `checklist-${kind}-error.png`);
    });

    test('fix it, submit, receipt; the server stored exactly the data', async () => {
      await kbSet(page, ...sc.fix);
      const data = await handle(page, 'getData');
      assert.deepEqual(data, fx, 'the widget holds the fixture data');
      assert.equal(await submit(page), 'receipt');
      const receipt = (await page.locator('[data-receipt]').first().textContent()).trim();
      assert.ok(receipt, 'receipt id shown');
      assert.ok(await page.locator('[data-notice]').filter({ has: page.locator('[data-receipt]') }).count(), '[data-receipt] is inside [data-notice]');

      const submitted = await until(async () => (await events(page, 'checklist-submitted')).at(-1), 'checklist-submitted event');
      assert.equal(submitted.detail.receiptId, receipt, 'event receiptId = shown receipt');

      const stored = await getJson(`${server.url}/api/checklists/${encodeURIComponent(receipt)}`);
      assert.equal(stored.format, 'accountability-checklist/record');
      assert.equal(stored.checklistKind, kind);
      assert.equal(stored.template?.id, kind);
      assert.deepEqual(stored.data, fx, 'stored data = fixture');
      const list = await getJson(`${server.url}/api/checklists`);
      const items = Array.isArray(list) ? list : (list.items ?? []);
      assert.ok(items.some((r) => r.receiptId === receipt && r.checklistKind === kind), 'the record is listed');
      assertNoProblems(page, `${kind} page`);
    });
  });
}
