// Drafts under stress (issue #5 point 2): a reload in the middle of typing, a tab that goes away without an
// unload event (closed without beforeunload, and a renderer crash), and two tabs editing the same draft (the
// conflict is detected and explained, never silently overwritten). Also: the draft is cleared after submit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byPath, fixture, handle, openPage, press, TODAY, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();

const W = 'accountability-checklist';
const KEY = 'accountability-checklist:geren';
const url = (draft) => `/index.html?template=geren&today=${TODAY.geren}&draft=${draft}`;

async function open(context, draft) {
  const page = await openPage(context, url(draft));
  await waitForWidget(page);
  return page;
}

/** Types `text` into the control at `path` with the keyboard, leaving the focus in it (no blur). */
async function typeInto(page, path, text) {
  await byPath(page, path).first().focus();
  await page.keyboard.type(text);
}

const notice = (page) => page.locator(`${W} [data-notice]`).innerText();
const nameOf = async (page) => (await handle(page, 'getData'))?.header?.name;

describe('drafts', () => {
  test('a reload in the middle of typing keeps every keystroke (session storage)', async () => {
    const context = await harness.context();
    const page = await open(context, 'session');
    await typeInto(page, '/header/name', '欧阳𠀀明');
    await page.reload(); // at once: no wait for any debounce
    await waitForWidget(page);
    assert.equal(await nameOf(page), '欧阳𠀀明');
    assert.match(await notice(page), /已恢复/);
    await context.close();
  });

  test('a tab closed without an unload event keeps the last keystrokes (local storage)', async () => {
    const context = await harness.context();
    const page = await open(context, 'local');
    await typeInto(page, '/header/name', '司马懿');
    await page.close({ runBeforeUnload: false });
    const again = await open(context, 'local');
    assert.equal(await nameOf(again), '司马懿');
    await context.close();
  });

  test('a renderer crash right after typing loses nothing (local storage)', async () => {
    const context = await harness.context();
    const page = await open(context, 'local');
    await typeInto(page, '/header/name', '诸葛亮');
    await typeInto(page, '/header/position', '丞相');
    const crashed = new Promise((r) => page.once('crash', r));
    const cdp = await context.newCDPSession(page);
    cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
    await crashed;
    const again = await open(context, 'local');
    const data = await handle(again, 'getData');
    assert.equal(data.header?.name, '诸葛亮');
    assert.equal(data.header?.position, '丞相', 'the very last keystrokes survived');
    await context.close();
  });

  test('two tabs editing the same draft: the conflict is explained, nothing is overwritten silently', async () => {
    const context = await harness.context();
    const a = await open(context, 'local');
    const b = await open(context, 'local');
    await typeInto(a, '/header/name', '甲');
    // B learns of A's newer draft (storage event) and says so; B's own typing is kept but not saved over A's.
    await until(async () => /另一个标签页或窗口修改了同一份草稿/.test(await notice(b)), async () => `conflict notice in B (got: ${await notice(b)})`);
    await typeInto(b, '/header/name', '乙');
    assert.equal(await nameOf(b), '乙', "B's typing is kept");
    const stored = () => a.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.header.name, KEY);
    assert.equal(await stored(), '甲', "A's draft is not overwritten by B");
    // B keeps its version: now A is told, and loads B's version.
    await press(b, `${W} [data-action="draft-keep-mine"]`);
    await until(async () => (await stored()) === '乙', "B's draft saved after the user chose");
    await until(async () => /另一个标签页或窗口修改了同一份草稿/.test(await notice(a)), async () => `conflict notice in A (got: ${await notice(a)})`);
    assert.equal(await nameOf(a), '甲', "A's data untouched until A chooses");
    await press(a, `${W} [data-action="draft-use-other"]`);
    await until(async () => (await nameOf(a)) === '乙', "A loaded B's version");
    assert.match(await notice(a), /已载入另一标签页/);
    // A types on: that is A's draft now (no conflict in A, B is told).
    await typeInto(a, '/header/position', '处长');
    await until(async () => (await a.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.header.position, KEY)) === '处长', "A's new draft saved");
    await until(async () => /另一个标签页或窗口/.test(await notice(b)), 'B told again');
    await context.close();
  });

  test('the draft is cleared after a successful submit', async () => {
    const context = await harness.context();
    const page = await open(context, 'session');
    const fx = await fixture('geren');
    fx.header.position = '党组书记';
    await handle(page, 'setData', fx);
    await byPath(page, '/header/position').first().focus();
    await page.keyboard.type('、局长'); // a typed change: the draft is written
    assert.ok(await page.evaluate((k) => sessionStorage.getItem(k), KEY), 'a draft exists before submit');
    await press(page, `${W} [data-action="submit"]`);
    await until(() => page.locator(`${W} [data-receipt]`).count(), 'receipt');
    assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), KEY), null, 'draft removed');
    await page.reload();
    await waitForWidget(page);
    assert.doesNotMatch(await notice(page), /已恢复/, 'nothing restored after submit');
    await context.close();
  });

  test('closing the tab: unsent changes kept only in the tab ask first; kept on this computer, they are back on reopening', async () => {
    const context = await harness.context();
    // The portal's setting (draft-storage="session"): the draft lives as long as the tab, unless the user chooses.
    const page = await open(context, 'session');
    const keep = page.locator(`${W} [data-action="keep-draft"]`);
    assert.equal(await keep.isChecked(), false, 'not kept on the computer unless chosen');
    const hint = await page.locator(`${W} #${await keep.getAttribute('aria-describedby')}`).innerText();
    assert.match(hint, /其他人也可能看到/, 'the choice says plainly what it means on a shared PC');
    assert.match(hint, /提交成功后草稿自动清除/);
    await typeInto(page, '/header/name', '欧阳修');
    const asked = [];
    page.on('dialog', async (d) => { asked.push(d.type()); await d.accept(); });
    await page.close({ runBeforeUnload: true });
    await until(() => page.isClosed(), 'the tab closed after the question was answered');
    assert.deepEqual(asked, ['beforeunload'], 'leaving with unsent changes kept only in this tab asks first');

    // Reopened: the tab's draft went with it (the user was warned). Now keep it on this computer.
    const again = await open(context, 'session');
    assert.equal(await nameOf(again), undefined);
    await press(again, `${W} [data-action="keep-draft"]`, 'Space');
    assert.ok(await again.locator(`${W} [data-action="keep-draft"]`).isChecked());
    await typeInto(again, '/header/name', '王安石');
    assert.equal(await again.evaluate((k) => JSON.parse(localStorage.getItem(k)).data.header.name, KEY), '王安石', 'written to this computer');
    const askedAgain = [];
    again.on('dialog', async (d) => { askedAgain.push(d.type()); await d.accept(); });
    await again.close({ runBeforeUnload: true });
    await until(() => again.isClosed(), 'the tab closed');
    assert.deepEqual(askedAgain, [], 'nothing to lose: no question');

    const third = await open(context, 'session');
    assert.equal(await nameOf(third), '王安石', 'the draft is back after closing and reopening');
    assert.match(await notice(third), /已恢复/);
    assert.ok(await third.locator(`${W} [data-action="keep-draft"]`).isChecked(), 'the choice is remembered with the draft');
    // Unticking removes it from this computer.
    await press(third, `${W} [data-action="keep-draft"]`, 'Space');
    assert.equal(await third.evaluate((k) => localStorage.getItem(k), KEY), null, 'removed from this computer');
    assert.ok(await third.evaluate((k) => sessionStorage.getItem(k), KEY), 'kept in the tab');
    await context.close();
  });
});
