// The widget starts wherever a portal puts it, or says plainly why it cannot (docs/browsers.md):
// - on a plain-HTTP intranet host (not a secure context: no crypto.randomUUID) it works and submits;
// - without WebAssembly, with a module the kernel cannot compile, under a CSP that forbids compilation, and
//   when the .wasm fails to download or fails its integrity check, the element shows a readable zh-CN message
//   and dispatches checklist-error {kind: "unsupported" | "load", reason}; a failed download offers 重试,
//   which then starts the widget. Never a blank box.
// Old kernels themselves are in compat.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  assertNoProblems, CHROMIUM_ARGS, events, fixture, newContext, openPage, sharedServer, TODAY, until, waitForWidget,
} from './lib.mjs';

const W = 'accountability-checklist';
const WASM = '**/pkg/accountability_checklist_bg.wasm';
const DEMO = `/index.html?template=geren&today=${TODAY.geren}&draft=none`;

let server;
before(async () => { server = await sharedServer(); });
after(async () => { await server?.stop(); });

async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.AC_CHROMIUM || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** What the element shows while it cannot start, and the checklist-error events so far. */
async function bootState(page) {
  return page.evaluate(() => {
    const el = document.querySelector('accountability-checklist');
    const root = el && el.shadowRoot;
    const alert = root && root.querySelector('.ac-boot [role="alert"]');
    return {
      alert: alert ? alert.textContent : null,
      retry: !!(root && root.querySelector('.ac-boot [data-action="retry-load"]')),
      rendered: !!(root && root.querySelector('[data-path]')),
    };
  });
}

async function waitForAlert(page) {
  await until(async () => (await bootState(page)).alert, `a message in the element (problems: ${page.problems.join('; ')})`, 20_000);
  return bootState(page);
}

describe('plain-HTTP intranet origin', () => {
  let browser;
  before(async () => {
    browser = await launch(['--host-resolver-rules=MAP portal.test 127.0.0.1']);
  });
  after(async () => { await browser?.close(); });

  test('http://portal.test/ (not a secure context): the widget renders and submits', async () => {
    const port = new URL(server.url).port;
    const context = await newContext(browser, { baseURL: `http://portal.test:${port}` });
    const page = await openPage(context);
    const keys = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/checklists')) keys.push(r.headers()['idempotency-key']);
    });
    await page.goto(DEMO);
    assert.equal(await page.evaluate(() => window.isSecureContext), false, 'a mapped host name over http is not a secure context');
    assert.equal(await page.evaluate(() => typeof crypto.randomUUID), 'undefined', 'so crypto.randomUUID is missing');
    await waitForWidget(page);
    await page.evaluate((d) => document.querySelector('accountability-checklist').handle.setData(d), await fixture('geren'));
    await page.locator(`${W} [data-action="submit"]`).click();
    await until(async () => (await events(page, 'checklist-submitted')).length, 'checklist-submitted', 20_000);
    const [{ detail }] = await events(page, 'checklist-submitted');
    assert.ok(detail.receiptId, 'a receipt');
    assert.equal(keys.length, 1);
    assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `Idempotency-Key ${keys[0]} is a random UUID`);
    assert.equal((await events(page, 'checklist-ready')).length, 1, 'checklist-ready once');
    assertNoProblems(page, 'plain HTTP');
    await context.close();
  });

  test('the portal page\'s fallback text is hidden once the widget runs', async () => {
    const port = new URL(server.url).port;
    const context = await newContext(browser, { baseURL: `http://portal.test:${port}` });
    const page = await openPage(context, '/portal.html');
    await waitForWidget(page);
    assert.equal(await page.locator('accountability-checklist .ac-fallback').isVisible(), false);
    assertNoProblems(page, 'portal over plain HTTP');
    await context.close();
  });
});

describe('never a blank box', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test('no WebAssembly at all (--js-flags=--jitless): a message, and checklist-error unsupported/nowasm', async () => {
    const jitless = await launch(['--js-flags=--jitless']);
    try {
      const context = await newContext(jitless, { baseURL: server.url });
      const page = await openPage(context, DEMO);
      assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined');
      const state = await waitForAlert(page);
      assert.match(state.alert, /不支持 WebAssembly/);
      assert.match(state.alert, /极速模式/);
      assert.equal(state.retry, false, 'nothing to retry');
      const errs = await events(page, 'checklist-error');
      assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['unsupported', 'nowasm']]);
      assert.equal(errs[0].detail.message, state.alert);
      await context.close();
    } finally {
      await jitless.close();
    }
  });

  test('a module the kernel cannot compile: "kernel too old", checklist-error unsupported/compile', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    // As a kernel below the floor sees the real module: bytes it cannot compile (here: a bad section id),
    // with the integrity pin lifted so that the compiler, not SRI, is what refuses it.
    // (An integrity.js of the shape older builds wrote, without TEMPLATE_INTEGRITY: the loader still links.)
    await page.route('**/pkg/integrity.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'export const WASM_INTEGRITY = ""; export const CSS_INTEGRITY = "";' }));
    await page.route(WASM, (route) => route.fulfill({ contentType: 'application/wasm', body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x7f, 0]) }));
    await page.goto(DEMO);
    const state = await waitForAlert(page);
    assert.match(state.alert, /内核版本过低/);
    const errs = await events(page, 'checklist-error');
    assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['unsupported', 'compile']]);
    await context.close();
  });

  test('a CSP without \'wasm-unsafe-eval\': the message tells the portal what to allow', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    await page.route('**/index.html*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" };
      await route.fulfill({ response, headers });
    });
    await page.goto(DEMO);
    const state = await waitForAlert(page);
    assert.match(state.alert, /内容安全策略/);
    assert.match(state.alert, /'wasm-unsafe-eval'/);
    assert.match(state.alert, /'unsafe-eval'/);
    const errs = await events(page, 'checklist-error');
    assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['unsupported', 'csp']]);
    await context.close();
  });

  test('the download fails: a message and 重试, which then starts the widget', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    await page.route(WASM, (route) => route.abort('connectionreset'));
    await page.goto(DEMO);
    const state = await waitForAlert(page);
    assert.match(state.alert, /下载失败/);
    assert.equal(state.retry, true, 'a 重试 button');
    const errs = await events(page, 'checklist-error');
    assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['load', 'download']]);
    await page.unroute(WASM);
    page.problems.length = 0; // the aborted request was the point of this test
    await page.locator(`${W} [data-action="retry-load"]`).press('Enter');
    await waitForWidget(page);
    assert.equal((await bootState(page)).alert, null, 'the message is gone');
    assert.equal((await events(page, 'checklist-ready')).length, 1);
    await context.close();
  });

  test('the template download fails: the same message and 重试, which then fetches it again', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    const TEMPLATE = '**/pkg/templates/geren.json';
    await page.route(TEMPLATE, (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(DEMO);
    const state = await waitForAlert(page);
    assert.match(state.alert, /下载失败/);
    assert.equal(state.retry, true, 'a 重试 button');
    assert.equal(state.rendered, false);
    const errs = await events(page, 'checklist-error');
    assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['load', 'download']]);
    await page.unroute(TEMPLATE);
    page.problems.length = 0; // the 503 was the point of this test
    await page.locator(`${W} [data-action="retry-load"]`).press('Enter');
    await waitForWidget(page);
    assert.equal((await bootState(page)).alert, null, 'the message is gone');
    await context.close();
  });

  test('a tampered .wasm fails its integrity check: a message and 重试, never the tampered module', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    await page.route(WASM, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(DEMO);
    const state = await waitForAlert(page);
    assert.match(state.alert, /完整性校验/);
    assert.equal(state.retry, true);
    assert.equal(state.rendered, false, 'the tampered module never runs');
    const errs = await events(page, 'checklist-error');
    assert.deepEqual(errs.map((e) => [e.detail.kind, e.detail.reason]), [['load', 'download']]);
    await page.unroute(WASM);
    page.problems.length = 0;
    await page.locator(`${W} [data-action="retry-load"]`).click();
    await waitForWidget(page);
    await context.close();
  });

  test('handle methods before the module has loaded say so; whenReady() resolves with the handle', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(WASM, async (route) => { await held; await route.continue(); });
    await page.goto(DEMO);
    await until(() => page.evaluate(() => !!document.querySelector('accountability-checklist')?.handle), 'the handle exists at once');
    const early = await page.evaluate(() => {
      try {
        document.querySelector('accountability-checklist').handle.getData();
        return 'no error';
      } catch (e) {
        return e.message;
      }
    });
    assert.match(early, /before the widget finished loading; await handle.whenReady\(\)/);
    assert.match(await page.locator(`${W} .ac-boot [role="status"]`).innerText(), /正在加载/);
    release();
    const same = await page.evaluate(async () => {
      const el = document.querySelector('accountability-checklist');
      const h = await el.whenReady();
      return h === el.handle && typeof h.getData() === 'object';
    });
    assert.equal(same, true);
    assertNoProblems(page, 'delayed load');
    await context.close();
  });
});
