// Submitting when things go wrong: the server's own 422 findings are shown like the browser's; a failed
// connection keeps everything typed, and the retry (same Idempotency-Key) stores exactly one record; pressing
// 提交 twice quickly stores one record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fixture, handle, openPage, press, TODAY, until, useServerAndBrowser, waitForWidget,
  asReviewer,
} from './lib.mjs';

const harness = useServerAndBrowser();

const W = 'accountability-checklist';

/** Whether the widget's focused element matches `selector`. */
const focusedIs = (page, selector) => page.evaluate((sel) => {
  const a = document.querySelector('accountability-checklist').shadowRoot.activeElement;
  return Boolean(a && a.matches(sel));
}, selector);

async function records() {
  const r = await fetch(`${harness.url}/api/checklists`, { headers: asReviewer(harness.server) });
  assert.equal(r.status, 200);
  return r.json();
}

async function fresh() {
  const context = await harness.context();
  const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
  await waitForWidget(page);
  const fx = await fixture('geren');
  await handle(page, 'setData', fx);
  return { context, page, fx };
}

/** The Idempotency-Key of every POST the page sends. */
function recordKeys(page) {
  const keys = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/checklists')) keys.push(r.headers()['idempotency-key']);
  });
  return keys;
}

describe('submitting under faults (geren)', () => {
  test('a 422 from the server is shown exactly like the browser\'s own findings', async () => {
    const { context, page, fx } = await fresh();
    await page.route('**/api/checklists', (route) => route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'validation_failed',
        message: '校验未通过',
        findings: [{ code: 'field.required', path: '/header/position', severity: 'error', params: { label_zh: '现任职务', label_en: 'Position' } }],
      }),
    }), { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    const summary = page.locator(`${W} [data-summary]`);
    await until(() => summary.count(), 'summary after the server\'s 422');
    assert.match(await summary.innerText(), /现任职务不能为空/);
    assert.equal(await page.locator(`${W} [data-error-for="/header/position"]`).count(), 1, 'inline message at the field');
    assert.deepEqual(await handle(page, 'getData'), fx, 'nothing typed is lost');
    await until(() => focusedIs(page, '[data-outcome]'), 'focus moves to the outcome next to 提交');
    assert.match(await page.locator(`${W} [data-outcome]`).innerText(), /未能提交：服务器校验未通过。有1项需要修改/);
    await page.keyboard.press('Tab');
    assert.ok(await focusedIs(page, '[data-action="to-summary"]'), 'the outcome leads to the list of problems');
    await page.keyboard.press('Enter');
    await until(() => focusedIs(page, '[data-summary]'), 'focus on the summary');
    assert.match(await summary.innerText(), /现任职务不能为空/, 'still the server\'s findings');
    await context.close();
  });

  test('the outcome of 提交 is next to the button, and focus moves to it: blocked, failed, stored', async () => {
    const { context, page } = await fresh();
    await page.setViewportSize({ width: 1366, height: 768 });
    const outcome = page.locator(`${W} [data-outcome]`);
    const nearButton = async () => {
      const [o, b] = await Promise.all([outcome.boundingBox(), page.locator(`${W} [data-action="submit"]`).boundingBox()]);
      // visible in the same screenful as the button (the page has scrolled to it)
      return o && b && Math.abs(b.y - (o.y + o.height)) < 100 && o.y >= 0 && o.y + o.height <= 768;
    };
    // blocked: a required field emptied
    await handle(page, 'setValue', '/header/position', null);
    await press(page, `${W} [data-action="submit"]`);
    await until(() => focusedIs(page, '[data-outcome]'), 'focus on the blocked outcome');
    assert.match(await outcome.innerText(), /^未能提交。有1项需要修改/);
    assert.ok(await nearButton(), 'the blocked outcome is on screen next to 提交');
    assert.equal(await page.locator(`${W} [data-summary]`).count(), 1, 'the summary is kept at the top');

    // failed: the connection is refused
    await handle(page, 'setValue', '/header/position', '处长');
    assert.equal(await outcome.count(), 0, 'a change of data clears the old outcome');
    await page.route('**/api/checklists', (route) => route.abort('connectionrefused'), { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    await until(async () => (await outcome.count()) && /提交失败/.test(await outcome.innerText()), 'failure outcome');
    await until(() => focusedIs(page, '[data-outcome]'), 'focus on the failure outcome');
    assert.match(await outcome.innerText(), /重新提交/, 'says what to do');
    assert.ok(await nearButton(), 'the failure is on screen next to 提交');

    // stored: the receipt next to the button, once in the notice at the top
    await press(page, `${W} [data-action="submit"]`);
    await until(() => page.locator(`${W} [data-outcome-receipt]`).count(), 'receipt next to the button');
    await until(() => focusedIs(page, '[data-outcome]'), 'focus on the success outcome');
    const receipt = await page.locator(`${W} [data-receipt]`).innerText();
    assert.equal(await page.locator(`${W} [data-outcome-receipt]`).innerText(), receipt);
    assert.ok(await nearButton(), 'the receipt is on screen next to 提交');
    const top = await page.locator(`${W} [data-notice]`).innerText();
    assert.equal(top.split(receipt).length - 1, 1, `the receipt shows once at the top: ${top}`);
    await context.close();
  });

  test('a refused connection keeps the data; the retry uses the same key and stores one record', async () => {
    const { context, page, fx } = await fresh();
    const keys = recordKeys(page);
    const before = (await records()).length;
    await page.route('**/api/checklists', (route) => route.abort('connectionrefused'), { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    const notice = page.locator(`${W} [data-notice]`);
    await until(async () => /提交失败/.test(await notice.innerText()), 'failure notice');
    assert.match(await notice.innerText(), /已填内容均已保留/);
    assert.deepEqual(await handle(page, 'getData'), fx, 'data intact after the failure');
    assert.match(await page.locator(`${W} [data-action="submit"]`).innerText(), /重新提交/);

    await press(page, `${W} [data-action="submit"]`);
    const receipt = page.locator(`${W} [data-receipt]`);
    await until(() => receipt.count(), 'receipt after the retry');
    assert.equal(keys.length, 2, 'two attempts');
    assert.ok(keys[0] && keys[0] === keys[1], `same Idempotency-Key on retry: ${keys}`);
    assert.equal((await records()).length, before + 1, 'exactly one record stored');
    await context.close();
  });

  test('a 201 whose answer is lost, then a retry, stores one record and shows the first receipt', async () => {
    const { context, page } = await fresh();
    const before = (await records()).length;
    // The request reaches the server (it stores the record) but the browser sees a failure.
    await page.route('**/api/checklists', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    await until(async () => /提交失败/.test(await page.locator(`${W} [data-notice]`).innerText()), 'failure notice');
    assert.equal((await records()).length, before + 1, 'the server stored it');
    await press(page, `${W} [data-action="submit"]`);
    const receipt = page.locator(`${W} [data-receipt]`);
    await until(() => receipt.count(), 'receipt after the retry');
    const list = await records();
    assert.equal(list.length, before + 1, 'the retry stored nothing new');
    assert.equal(await receipt.innerText(), list[0].receiptId, 'the receipt is the first one');
    await context.close();
  });

  test('pressing 提交 twice quickly stores one record', async () => {
    const { context, page } = await fresh();
    const keys = recordKeys(page);
    const before = (await records()).length;
    const button = page.locator(`${W} [data-action="submit"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await until(() => page.locator(`${W} [data-receipt]`).count(), 'receipt');
    await page.waitForTimeout(300);
    assert.equal((await records()).length, before + 1, 'one record');
    assert.ok(keys.length >= 1 && keys.every((k) => k === keys[0]), `one key: ${keys}`);
    await context.close();
  });
});
