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
    const focused = await page.evaluate(() => document.querySelector('accountability-checklist').shadowRoot.activeElement?.hasAttribute('data-summary'));
    assert.ok(focused, 'focus moves to the summary');
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
