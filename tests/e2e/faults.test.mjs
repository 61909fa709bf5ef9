// Network faults on submit (issue #5 point 1), injected with Playwright routes and the context's offline switch:
// a timeout, a 500, a 503 with Retry-After, a very slow answer and submitting while offline. The refused
// connection, the lost 201, the server's 422 and the double press are in submit.test.mjs. In every case: the user
// is told what happened, the data is intact, the retry works and the server holds exactly one record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, events, fixture, handle, openPage, press, TODAY, until, useServerAndBrowser, waitForWidget,
  asReviewer,
} from './lib.mjs';

const harness = useServerAndBrowser();

const W = 'accountability-checklist';
const SUBMIT = `${W} [data-action="submit"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function records() {
  const r = await fetch(`${harness.url}/api/checklists`, { headers: asReviewer(harness.server) });
  assert.equal(r.status, 200);
  return r.json();
}

/** A page with the valid geren fixture loaded; `timeout` is the widget's timeoutMs. */
async function fresh({ timeout = 2000 } = {}) {
  const context = await harness.context();
  const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none&timeout=${timeout}`);
  await waitForWidget(page);
  const fx = await fixture('geren');
  await handle(page, 'setData', fx);
  const keys = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/checklists')) keys.push(r.headers()['idempotency-key']);
  });
  return { context, page, fx, keys };
}

const notice = (page) => page.locator(`${W} [data-notice]`).innerText();

/** Presses 提交 (Retry) and waits for the receipt; returns it. */
async function retryToReceipt(page) {
  assert.match(await page.locator(SUBMIT).innerText(), /重新提交/, 'the button offers a retry');
  await press(page, SUBMIT);
  const receipt = page.locator(`${W} [data-receipt]`);
  await until(() => receipt.count(), async () => `receipt after the retry (notice: ${await notice(page)})`);
  return receipt.innerText();
}

/** Exactly one new record, and it is the one whose receipt the user sees. */
async function assertOneRecord(beforeCount, receipt) {
  const list = await records();
  assert.equal(list.length, beforeCount + 1, 'exactly one record stored');
  assert.equal(list.filter((r) => r.receiptId === receipt).length, 1, 'the receipt shown is the stored record');
}

describe('submit under network faults (geren)', () => {
  test('timeout: the widget gives up after timeoutMs, says so, and the retry stores one record', async () => {
    const { context, page, fx, keys } = await fresh({ timeout: 1500 });
    const before = (await records()).length;
    // The first attempt never gets an answer; it reaches the server only after the widget gave up (the
    // server stores it late, as behind a stalled proxy).
    let late;
    await page.route('**/api/checklists', (route) => {
      const req = route.request();
      const headers = { 'content-type': 'application/json', 'idempotency-key': req.headers()['idempotency-key'] };
      late = sleep(2500).then(() => fetch(`${harness.url}/api/checklists`, { method: 'POST', headers, body: req.postData() }))
        .then((r) => r.status);
      // The route is never fulfilled: the browser waits until its own timeout.
    }, { times: 1 });
    await press(page, SUBMIT);
    await until(async () => /2 秒内没有响应/.test(await notice(page)), async () => `timeout notice (got: ${await notice(page)})`, 8_000);
    assert.match(await notice(page), /已填内容均已保留/);
    assert.deepEqual(await handle(page, 'getData'), fx, 'data intact after the timeout');
    const err = (await events(page, 'checklist-error')).at(-1);
    assert.equal(err.detail.kind, 'submit');
    assert.equal(err.detail.status, null, 'no HTTP status for a timeout');
    assert.equal(await late, 201, 'the late first attempt was stored');
    assert.equal((await records()).length, before + 1);
    const receipt = await retryToReceipt(page);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'the retry reuses the Idempotency-Key');
    await assertOneRecord(before, receipt);
    assertNoProblems(page, 'timeout page');
    await context.close();
  });

  test('500: the status is shown, the data is kept, the retry stores one record', async () => {
    const { context, page, fx, keys } = await fresh();
    const before = (await records()).length;
    await page.route('**/api/checklists', (route) => route.fulfill({
      status: 500, contentType: 'application/json', body: '{"error":"internal","message":"内部错误"}',
    }), { times: 1 });
    await press(page, SUBMIT);
    await until(async () => /服务器状态 500/.test(await notice(page)), async () => `500 notice (got: ${await notice(page)})`);
    assert.deepEqual(await handle(page, 'getData'), fx);
    assert.equal((await events(page, 'checklist-error')).at(-1).detail.status, 500);
    const receipt = await retryToReceipt(page);
    assert.equal(keys[0], keys[1]);
    await assertOneRecord(before, receipt);
    await context.close();
  });

  test('503 with Retry-After: the user is told when to retry (zh-CN and en)', async () => {
    const { context, page, fx } = await fresh();
    const before = (await records()).length;
    await page.route('**/api/checklists', (route) => route.fulfill({
      status: 503, headers: { 'retry-after': '45', 'content-type': 'application/json' }, body: '{"error":"unavailable"}',
    }), { times: 2 });
    await press(page, SUBMIT);
    await until(async () => /请在 45 秒后/.test(await notice(page)), async () => `Retry-After notice (got: ${await notice(page)})`);
    assert.match(await notice(page), /状态 503/);
    assert.deepEqual(await handle(page, 'getData'), fx);
    // The same in English.
    await handle(page, 'setLocale', 'en');
    await press(page, SUBMIT);
    await until(async () => /retry in 45 seconds/.test(await notice(page)), async () => `English Retry-After notice (got: ${await notice(page)})`);
    await handle(page, 'setLocale', 'zh-CN');
    const receipt = await retryToReceipt(page);
    await assertOneRecord(before, receipt);
    await context.close();
  });

  test('a very slow answer: progress is shown, a second press posts nothing, one record', async () => {
    const { context, page, keys } = await fresh({ timeout: 20_000 });
    const before = (await records()).length;
    await page.route('**/api/checklists', async (route) => {
      await sleep(3500);
      await route.continue();
    }, { times: 1 });
    await press(page, SUBMIT);
    const button = page.locator(SUBMIT);
    await until(async () => (await button.getAttribute('aria-disabled')) === 'true', 'the button says it is busy');
    assert.match(await button.innerText(), /正在提交/);
    await until(async () => /已等待 \d+ 秒/.test(await notice(page)), async () => `progress notice (got: ${await notice(page)})`, 5_000);
    await press(page, SUBMIT); // an impatient second press
    const receipt = page.locator(`${W} [data-receipt]`);
    await until(() => receipt.count(), 'receipt after the slow answer', 15_000);
    assert.equal(keys.length, 1, `one POST only: ${keys}`);
    await assertOneRecord(before, await receipt.innerText());
    await context.close();
  });

  test('offline: the user is told they are offline; back online, the retry stores one record', async () => {
    const { context, page, fx, keys } = await fresh();
    const before = (await records()).length;
    await context.setOffline(true);
    await press(page, SUBMIT);
    await until(async () => /离线/.test(await notice(page)), async () => `offline notice (got: ${await notice(page)})`);
    assert.deepEqual(await handle(page, 'getData'), fx);
    assert.equal((await records()).length, before, 'nothing reached the server');
    await context.setOffline(false);
    const receipt = await retryToReceipt(page);
    assert.ok(keys.length >= 1 && keys.every((k) => k === keys[0]), `one key: ${keys}`);
    await assertOneRecord(before, receipt);
    await context.close();
  });
});
