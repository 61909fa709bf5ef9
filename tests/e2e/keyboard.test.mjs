// Keyboard speed, no mouse: the action bar's buttons are reached by Tab in order; Alt+Shift+V validates,
// Alt+Shift+N walks the problems (focus moves to each), Alt+Shift+S saves the draft; Enter in the last
// single-line cell of a table's last row adds a row, focuses its first cell and announces it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, benchWorkload, byPath, fixture, handle, kbAddRow, openPage, TODAY, until, useServerAndBrowser,
  waitForWidget, without,
} from './lib.mjs';

const harness = useServerAndBrowser();

/** The deepest focused element (through shadow roots): its data-path, else data-action, else tag. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  if (!a) return null;
  if (a.getAttribute('data-path')) return a.getAttribute('data-path');
  if (a.getAttribute('data-action')) return `action:${a.getAttribute('data-action')}`;
  return a.localName === 'input' ? `input:${a.type}` : a.localName;
});

describe('keyboard (geren)', () => {
  let context, page;
  before(async () => {
    context = await harness.context();
    page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=local`);
    await waitForWidget(page);
    await handle(page, 'setData', without(await fixture('geren'), '/header/name', '/C16/signedName'));
  });
  after(async () => { await context?.close(); });

  test('Tab walks the action bar in order; hidden file inputs are skipped', async () => {
    await page.locator('button[data-action="validate"]').focus();
    const order = [await focused(page)];
    const fileInputs = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
      fileInputs.push(await page.evaluate(() => document.querySelector('accountability-checklist').shadowRoot.activeElement?.matches('input[type="file"]') ?? false));
    }
    assert.deepEqual(order.slice(0, 7), ['action:validate', 'action:review', 'action:submit', 'action:export', 'action:import', 'action:copy-last-year', 'action:print']);
    // After 打印 the Tab leaves the widget (the demo page's own token field follows it).
    assert.ok(!fileInputs.some(Boolean), `no hidden file input in the tab order: ${order.join(', ')}`);
  });

  test('Alt+Shift+V validates, Alt+Shift+N moves to each problem in turn', async () => {
    await byPath(page, '/header/year').focus();
    await page.keyboard.press('Alt+Shift+KeyV');
    await until(() => page.locator('[data-summary] a[data-target]').count(), 'the error summary after Alt+Shift+V');
    const targets = [...new Set(await page.locator('[data-summary] a[data-target]').evaluateAll((as) => as.map((a) => a.getAttribute('data-target'))))];
    assert.ok(targets.includes('/header/name') && targets.includes('/C16/signedName'), `problems: ${targets.join(', ')}`);
    await page.keyboard.press('Alt+Shift+KeyN');
    await until(async () => (await focused(page)) === targets[0], async () => `focus on ${targets[0]}, not ${await focused(page)}`);
    await page.keyboard.press('Alt+Shift+KeyN');
    await until(async () => (await focused(page)) === targets[1], async () => `focus on ${targets[1]}, not ${await focused(page)}`);
    assert.match(await page.locator('[data-notice]').textContent(), /第2个问题/);
  });

  test('Enter on a summary link puts the field, its label and its message in view', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.locator('button[data-action="validate"]').press('Enter');
      const links = page.locator('[data-summary] a[data-target]');
      await until(() => links.count(), 'the error summary');
      const n = Math.min(await links.count(), 6);
      for (let i = 0; i < n; i++) {
        const target = await links.nth(i).getAttribute('data-target');
        await links.nth(i).press('Enter');
        await until(async () => (await focused(page)) === target, async () => `focus on ${target}, not ${await focused(page)}`);
        const box = await page.evaluate((path) => {
          const root = document.querySelector('accountability-checklist').shadowRoot;
          const field = root.querySelector(`[data-path="${path}"]`);
          const message = root.querySelector(`[data-error-for="${path}"]`);
          const r = (el) => { const b = el.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; };
          return { field: r(field), message: message && r(message), height: window.innerHeight };
        }, target);
        assert.ok(box.message, `${target} shows its message`);
        for (const [what, b] of [['field', box.field], ['message', box.message]]) {
          assert.ok(b.top >= 0 && b.bottom <= box.height, `${target}: its ${what} (${Math.round(b.top)}–${Math.round(b.bottom)}) is in the window (0–${box.height})`);
        }
        await page.locator('[data-summary]').first().scrollIntoViewIfNeeded();
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('Space on 已核实 in the error summary moves focus to the next entry (or 提交), never to <body>', async () => {
    await handle(page, 'setData', without(await fixture('geren'), '/header/name', '/C16/signedName', '/family/members/1/employer'));
    await page.locator('button[data-action="validate"]').press('Enter');
    const boxes = page.locator('[data-summary] input[data-confirm]');
    await until(() => boxes.count(), 'a warning with its 已核实 box in the summary');
    const entries = await page.locator('[data-summary] a[data-target]').count();
    await boxes.first().press('Space');
    await until(async () => (await page.locator('[data-summary] a[data-target]').count()) === entries - 1, 'the confirmed entry leaves the summary');
    const onLinkOrSubmit = () => page.evaluate(() => {
      const a = document.querySelector('accountability-checklist').shadowRoot.activeElement;
      return !!a && a.matches('[data-summary] a[data-target], [data-action="submit"]');
    });
    await until(onLinkOrSubmit, async () => `focus on a summary link or 提交, not ${await focused(page)}`);
    assert.match(await page.locator('[data-notice]').textContent(), /已确认该提示/);
    await handle(page, 'setData', without(await fixture('geren'), '/header/name', '/C16/signedName'));
  });

  test('Enter in the last cell of an empty last row moves on; of a filled one, adds a row and focuses its first cell', async () => {
    const n = await kbAddRow(page, '/C02/documents');
    const cells = page.locator(`input[data-path^="/C02/documents/${n}/"], select[data-path^="/C02/documents/${n}/"]`);
    const last = cells.last();
    const firstPath = await cells.first().getAttribute('data-path');
    await last.focus();
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:add-row', async () => `focus on 添加一行, not ${await focused(page)}`);
    assert.equal((await handle(page, 'getData')).C02.documents.length, n + 1, 'no empty row after an empty row');
    assert.match(await page.locator('[data-notice]').textContent(), /本行尚未填写/);
    await byPath(page, '/C02/documents/' + n + '/docNumber').focus();
    await page.keyboard.type('E87654321');
    await last.focus();
    await page.keyboard.press('Enter');
    await until(() => byPath(page, firstPath.replace(`/${n}/`, `/${n + 1}/`)).count(), 'a new row after Enter');
    const want = firstPath.replace(`/${n}/`, `/${n + 1}/`);
    await until(async () => (await focused(page)) === want, async () => `focus on ${want}, not ${await focused(page)}`);
    assert.match(await page.locator('[data-notice]').textContent(), new RegExp(`已添加第 ${n + 2} 行`), 'announced in the live region');
    // Enter in the last cell of a middle row moves to the next row's first cell.
    await cells.last().focus();
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === want, 'next row first cell');
    assert.equal((await handle(page, 'getData')).C02.documents.length, n + 2, 'no extra row from a middle row');
  });

  test('删除 asks with focus on the question; 取消 (or Escape) and 删除 give focus back, never to <body>', async () => {
    const n = await kbAddRow(page, '/C02/documents');
    const row = `/C02/documents/${n}`;
    const ask = page.locator(`button[data-action="remove-row"][data-row="${row}"]`);
    await ask.focus();
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:confirm-remove', async () => `focus in the question, not ${await focused(page)}`);
    assert.match(await page.locator('[role="alertdialog"]').innerText(), new RegExp(`确定删除.*第${n + 1}行`), 'the question names the row');
    await page.keyboard.press('Escape');
    await until(async () => (await focused(page)) === 'action:remove-row', async () => `Escape: focus back on 删除, not ${await focused(page)}`);
    assert.equal(await page.evaluate(() => document.querySelector('accountability-checklist').shadowRoot.activeElement?.getAttribute('data-row')), row, 'the same row\'s 删除');
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:confirm-remove', 'the question again');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'action:cancel-remove');
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:remove-row', async () => `取消: focus back on 删除, not ${await focused(page)}`);
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:confirm-remove', 'the question a third time');
    await page.keyboard.press('Enter');
    await until(async () => (await handle(page, 'getData')).C02.documents.length === n, 'the row is deleted');
    await until(async () => !['body', null].includes(await focused(page)), async () => `after 删除 focus is on ${await focused(page)}`);
    assert.equal(await focused(page), 'h3', 'on the table\'s heading');
  });

  test('打印 and back: focus moves to 返回, then back to 打印', async () => {
    await page.evaluate(() => { window.print = () => {}; }); // no print dialog in the test
    await page.locator('button[data-action="print"]').focus();
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:end-print', async () => `in the print view focus is on ${await focused(page)}`);
    await page.keyboard.press('Enter');
    await until(async () => (await focused(page)) === 'action:print', async () => `back from print focus is on ${await focused(page)}`);
  });

  test('Alt+Shift+S saves the draft now', async () => {
    await byPath(page, '/header/year').focus();
    await page.keyboard.press('Alt+Shift+KeyS');
    await until(async () => /已保存草稿/.test(await page.locator('[data-notice]').textContent()), 'the saved notice');
    await until(() => page.evaluate(() => !!localStorage.getItem('accountability-checklist:geren')), 'the draft in localStorage', 3_000);
    assertNoProblems(page, 'keyboard');
  });
});

// Without pages, the selects of a long list's unused rows hold only their chosen option (form.rs, RowView):
// the first focus in a row must give them every option before a key or a press of the mouse acts (a press on
// a select focuses it first), so that neither a keyboard nor a mouse user ever meets a select with one choice.
describe('a long table without pages (the benchmark page, 30 rows)', () => {
  let context, page;
  const options = (path) => byPath(page, path).locator('option').count();
  before(async () => {
    context = await harness.context();
    await context.addInitScript((d) => { window.__benchData = d; window.__benchToday = '2026-01-15'; }, await benchWorkload(30));
    page = await openPage(context, '/bench/index.html?pageSize=0');
    await page.waitForFunction(() => window.__bench && window.__bench.ready, null, { timeout: 60_000 });
    await page.evaluate(() => window.__bench.ready);
  });
  after(async () => { await context?.close(); });

  test('Tab into a row: its selects have every option, and ↓ moves the choice', async () => {
    const use = '/C11/rows/20/use';
    assert.equal(await options(use), 2, 'before: 请选择 and the chosen 住宅');
    await byPath(page, '/C11/rows/20/address').focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), use);
    assert.equal(await options(use), 8, '请选择 and the seven uses, as soon as the row has focus');
    await page.keyboard.press('ArrowDown');
    await until(async () => (await page.evaluate(() => window.__bench.handle.getData().C11.rows[20].use)) === '商业用房', 'the next use chosen');
  });

  test('a press of the mouse on a select in an unused row gives it every option before the list opens', async () => {
    const source = '/C11/rows/25/source';
    assert.equal(await options(source), 2);
    await byPath(page, source).scrollIntoViewIfNeeded();
    const box = await byPath(page, source).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    assert.equal(await options(source), 9, '请选择 and the eight sources when the button goes down');
    await page.mouse.up();
    await page.keyboard.press('Escape');
    assert.equal(await byPath(page, source).inputValue(), (await benchWorkload(30)).C11.rows[25].source, 'the choice is unchanged');
    assertNoProblems(page, 'long table');
  });
});
