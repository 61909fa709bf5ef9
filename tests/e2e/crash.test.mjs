// If the module traps (a Rust panic, which is a bug: none is known), every widget on the page says so instead of
// freezing silently: an alert above the form, which keeps what the user typed on screen (also when the element
// is re-rendered or moved); checklist-error {kind: "crash"}; a handle that refuses calls with a readable Error. A trap of another module on the portal's
// page is not ours and changes nothing.
//
// The trap here is real: V8 is started with a cap on WebAssembly memory (--wasm-max-mem-pages), so that the
// module's allocator fails once the user pastes a long text, and Rust aborts, which traps. Rust code of the
// widget calls nothing that panics on purpose; an allocation failure is the one trap a test can cause from outside.
// It happens in the module's input listener, so it reaches the loader through the glue's closure wrapper
// (tests/e2e/glue-traps.mjs); compat.test.mjs does the same in the old kernels, whose window `error` event
// does not carry the error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  axeCheck, CHROMIUM_ARGS, events, newContext, openPage, sharedServer, TODAY, until, waitForWidget,
} from './lib.mjs';

const W = 'accountability-checklist';
const DEMO = `/index.html?template=geren&today=${TODAY.geren}&draft=session`;
// 80 pages of 64 KiB (5 MiB): enough to start the 个人有关事项 widget (about 2.4 MiB) and fill it in.
const MAX_PAGES = 80;

let server;
let browser;
before(async () => {
  server = await sharedServer();
  browser = await chromium.launch({
    executablePath: process.env.AC_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--js-flags=--wasm-max-mem-pages=${MAX_PAGES}`],
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const alertText = (page) => page.evaluate(() => {
  const a = document.querySelector('accountability-checklist').shadowRoot.querySelector('.ac-boot [role="alert"]');
  return a ? a.textContent : null;
});

describe('a trap in the module', () => {
  test('the widget says it stopped, keeps what was typed on screen, and its handle refuses calls', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context, DEMO);
    await waitForWidget(page);
    const name = page.locator(`${W} [data-path="/header/unitName"]`);
    await name.fill('某某市财政局');
    assert.equal(await alertText(page), null, 'no alert while the module runs');

    // A 16 MB paste: the module cannot grow its memory to hold it, and traps inside its input listener.
    const area = await page.locator(`${W} textarea[data-path]`).first();
    await area.evaluate((el) => {
      el.value = '很长的内容'.repeat(1_100_000);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    await until(() => alertText(page), () => `the alert (page errors: ${page.problems.join('; ')})`);
    assert.match(await alertText(page), /内部错误.*已填写的内容仍在页面上/);
    assert.ok(page.problems.some((p) => /RuntimeError|unreachable|Out of memory/i.test(p)), `the trap itself is on the console: ${page.problems.join('; ')}`);

    const [crash] = (await events(page, 'checklist-error')).filter((e) => e.detail.kind === 'crash');
    assert.ok(crash, 'checklist-error {kind: "crash"}');
    assert.match(crash.detail.message, /内部错误/);
    assert.equal(await name.inputValue(), '某某市财政局', 'what was typed stays on screen, to read and copy');

    const refused = await page.evaluate(() => {
      try {
        document.querySelector('accountability-checklist').handle.getData();
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(refused ?? '', /stopped on an internal error; reload the page/);
    assert.equal(await page.evaluate(() => document.querySelector('accountability-checklist').shadowRoot.querySelector('.ac-boot [role="alert"]').lang), 'zh-CN');
    await axeCheck(page, 'after the trap');

    // An attribute change or a move of the element re-renders it: not after a trap, which would clear the form.
    await page.evaluate(() => {
      const el = document.querySelector('accountability-checklist');
      el.setAttribute('locale', 'en');
      el.setAttribute('page-size', '5');
      const parent = el.parentNode;
      const next = el.nextSibling;
      parent.removeChild(el);
      parent.insertBefore(el, next);
    });
    assert.match(await alertText(page), /内部错误/, 'the message stays');
    assert.equal(await name.inputValue(), '某某市财政局', 'and so does the form, with what was typed');
    const remount = await page.evaluate(() => import('/checklist.js').then((m) => {
      try {
        m.mount(document.createElement('div'), { template: 'geren' });
        return null;
      } catch (e) {
        return e.message;
      }
    }));
    assert.match(remount ?? '', /stopped on an internal error/, 'mount() after a trap throws');
    await context.close();
  });

  test('another module\'s trap on the portal\'s page is not the widget\'s', async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await openPage(context, DEMO);
    await waitForWidget(page);
    // (module (func (export "f") unreachable)), called from a click listener of the portal.
    await page.evaluate(() => {
      const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
      const { f } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
      const b = document.createElement('button');
      b.id = 'portal-trap';
      b.textContent = 'trap';
      b.addEventListener('click', () => f());
      document.body.appendChild(b);
    });
    await page.click('#portal-trap');
    await until(() => page.problems.some((p) => /unreachable/i.test(p)), 'the portal\'s trap on the console');
    assert.equal(await alertText(page), null, 'no alert in the widget');
    assert.equal((await events(page, 'checklist-error')).length, 0);
    await page.locator(`${W} [data-path="/header/unitName"]`).fill('仍可填写');
    const data = await page.evaluate(() => document.querySelector('accountability-checklist').handle.getData());
    assert.equal(data.header.unitName, '仍可填写', 'the widget still works');
    await context.close();
  });
});
