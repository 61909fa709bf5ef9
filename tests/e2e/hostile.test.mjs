// Hostile input to the widget (issue #5 point 3): malformed, truncated, oversized, wrong-version, tampered and
// foreign import files; malformed host options and templates; script payloads, control characters, bidi marks,
// emoji and Extension-B names in every kind of text field. Each gets a clear message in the user's locale,
// nothing runs or panics, and the current data stays untouched; typed text shows as text and exports byte for byte.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, byPath, events, fixture, handle, openPage, press, TODAY, typeAndLeave, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();

const W = 'accountability-checklist';
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=2',
  '</script><script>window.__pwned=3</script>',
  '<a href="javascript:window.__pwned=4">点我</a>',
];

/** A page whose every dialog and every `__pwned` assignment counts as a failure. */
async function open(context, query = `template=geren&today=${TODAY.geren}&draft=none`) {
  const page = await openPage(context, `/index.html?${query}`);
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await waitForWidget(page);
  return page;
}

async function assertNothingRan(page) {
  assert.deepEqual(page.dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no payload ran');
  const injected = await page.evaluate(() => {
    const root = document.querySelector('accountability-checklist').shadowRoot;
    return {
      img: root.querySelectorAll('img, script, iframe, object').length,
      js: [...root.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
      handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    };
  });
  assert.deepEqual(injected, { img: 0, js: 0, handlers: 0 }, 'no element, link or handler came from the payloads');
}

const notice = (page) => page.locator(`${W} [data-notice]`).innerText();
const importFile = (page) => page.locator(`${W} input[type="file"][data-action="import-file"]`);

describe('hostile import files', () => {
  test('each bad file gets its own message in zh-CN; the data is untouched', async () => {
    const context = await harness.context();
    const page = await open(context);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    const good = await handle(page, 'exportJson');
    const env = JSON.parse(good);
    const cases = [
      ['malformed', '{ "format": "accountability-checklist/record", ', /不是有效的JSON/],
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /不是有效的JSON.*不完整/],
      ['empty', '', /不是有效的JSON/],
      ['not an envelope', '{"hello": "<img src=x onerror=alert(1)>"}', /不是本系统导出的填报记录/],
      ['wrong version', JSON.stringify({ ...env, formatVersion: 99 }), /文件版本99高于本系统支持的版本/],
      ['tampered', good.replace('张建国', '李建国'), /导出后被修改过/],
      ['foreign kind', JSON.stringify({ ...env, checklistKind: 'shuzhi' }), /不能导入到/],
      ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]), /不是有效的JSON/],
    ];
    for (const [name, content, message] of cases) {
      const before = (await events(page, 'checklist-error')).length;
      await importFile(page).setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
      await until(async () => (await events(page, 'checklist-error')).length > before, `${name}: checklist-error`);
      const text = await notice(page);
      assert.match(text, /导入失败，当前数据未改动/, `${name}: ${text}`);
      assert.match(text, message, `${name}: ${text}`);
      assert.deepEqual(await handle(page, 'getData'), fx, `${name}: data untouched`);
      assert.equal((await events(page, 'checklist-error')).at(-1).detail.kind, 'import');
    }
    await assertNothingRan(page);
    assertNoProblems(page, 'hostile imports');
    await context.close();
  });

  test('a file over the 5 MiB limit is refused before it is read (English)', async () => {
    const context = await harness.context();
    const page = await open(context, `template=geren&today=${TODAY.geren}&draft=none&locale=en`);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    await importFile(page).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: big });
    await until(async () => /Import failed; your data is unchanged/.test(await notice(page)), async () => `size notice (got ${await notice(page)})`);
    assert.match(await notice(page), /too large \(5242881 bytes\); the limit is 5242880 bytes/);
    assert.deepEqual(await handle(page, 'getData'), fx);
    // The same limit through the host API (the text is not parsed either).
    const r = await handle(page, 'importJson', ' '.repeat(5 * 1024 * 1024 + 1));
    assert.equal(r.ok, false);
    assert.equal(r.findings[0].code, 'import.too_large');
    assert.deepEqual(await handle(page, 'getData'), fx);
    await context.close();
  });
});

describe('hostile text in every kind of field', () => {
  test('script payloads typed into inputs, text areas and table cells show as text and export byte for byte', async () => {
    const context = await harness.context();
    const page = await open(context);
    await handle(page, 'setData', await fixture('geren'));
    const textarea = await page.locator(`${W} textarea[data-path]`).first().getAttribute('data-path');
    const targets = ['/header/unitName', '/header/position', '/C11/rows/0/address', textarea].filter(Boolean);
    assert.ok(targets.length >= 4, `a text area exists: ${targets}`);
    const typed = {};
    for (const [i, path] of targets.entries()) {
      const text = PAYLOADS[i % PAYLOADS.length];
      const input = await typeAndLeave(page, path, text);
      assert.equal(await input.inputValue(), text, `${path} holds the text as typed`);
      typed[path] = text;
    }
    // The review screen shows every answer: as text.
    await press(page, `${W} [data-action="review"]`);
    await until(async () => (await page.locator(`${W} [data-view="review"]`).count()) > 0, 'review view');
    const shown = await page.locator(`${W} .ac`).innerText();
    for (const text of Object.values(typed)) assert.ok(shown.includes(text), `review shows ${text} as text`);
    // Validation messages and the summary do not turn them into markup either.
    await press(page, `${W} [data-action="back"]`);
    await press(page, `${W} [data-action="validate"]`);
    await assertNothingRan(page);
    // Export: byte for byte.
    const exported = JSON.parse(await handle(page, 'exportJson'));
    for (const [path, text] of Object.entries(typed)) {
      const value = path.split('/').slice(1).reduce((o, k) => o?.[k], exported.data);
      assert.equal(value, text, `${path} exported byte for byte`);
    }
    assertNoProblems(page, 'payload page');
    await context.close();
  });

  test('control characters, bidi marks, emoji and Extension-B names survive typing, export and import', async () => {
    const context = await harness.context();
    const page = await open(context);
    await handle(page, 'setData', await fixture('geren'));
    const values = {
      '/header/unitName': 'ab\u202Ecd\u200F\u2066ef\u2069 \u0007\u001b[31m\u0000 end',
      '/header/position': '👨‍👩‍👧‍👦 局长 😀\uFE0F',
      '/C11/rows/0/address': '𠀀𠀁𪚥𰻞 路 1 号',
    };
    // Extension B typed with the keyboard; the rest through the host API (control characters cannot be typed).
    const addr = byPath(page, '/C11/rows/0/address').first();
    await addr.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(values['/C11/rows/0/address']);
    await page.keyboard.press('Tab');
    await handle(page, 'setValue', '/header/unitName', values['/header/unitName']);
    await handle(page, 'setValue', '/header/position', values['/header/position']);
    const text = await handle(page, 'exportJson');
    const data = JSON.parse(text).data;
    assert.equal(data.header.unitName, values['/header/unitName']);
    assert.equal(data.header.position, values['/header/position']);
    assert.equal(data.C11.rows[0].address, values['/C11/rows/0/address']);
    // The exported file imports back to the same data in a fresh page.
    const page2 = await open(context);
    const r = await handle(page2, 'importJson', text);
    assert.equal(r.ok, true, JSON.stringify(r.findings));
    assert.deepEqual(await handle(page2, 'getData'), data);
    await page.locator(`${W} [data-action="validate"]`).focus();
    await page.keyboard.press('Enter');
    await assertNothingRan(page);
    assertNoProblems(page, 'unicode page');
    await context.close();
  });
});

describe('malformed host options and templates', () => {
  const EVIL_TEMPLATE = {
    id: 'evil', version: '1.0.0', checklistKind: 'shuzhi', regulationVersion: 'X',
    title: { zh: PAYLOADS[0], en: PAYLOADS[2] },
    sections: [{
      id: 's1', title: { zh: PAYLOADS[1], en: 'x' },
      fields: [{ key: 'f', label: { zh: PAYLOADS[3], en: '<b>b</b>' }, type: 'text', hint: { zh: PAYLOADS[0], en: 'x' } }],
    }],
    rules: [],
  };

  test('bad options throw a readable Error, show it as text and dispatch checklist-error', async () => {
    const context = await harness.context();
    const page = await open(context);
    const results = await page.evaluate(async (payload) => {
      const { mount } = await import('/checklist.js');
      const cases = [
        { template: 'nope' },
        { template: { id: 'x', sections: 'none' } },
        { template: payload },
        { template: 'geren', timeoutMs: -5 },
        { template: 'geren', timeoutMs: 10_000_000 },
        { template: 'geren', config: { importMaxBytes: 'big' } },
        { template: 'geren', config: { noSuchOption: 1 } },
        { template: 'geren', headers: 5 },
        { template: 'geren', data: payload },
        { template: 'geren', today: payload },
        { template: 'geren', credentials: payload },
      ];
      const out = [];
      for (const opts of cases) {
        const el = document.createElement('div');
        document.body.append(el);
        let kind = null;
        el.addEventListener('checklist-error', (e) => { kind = e.detail.kind; });
        try {
          mount(el, opts);
          out.push({ ok: true });
        } catch (e) {
          const alert = el.shadowRoot.querySelector('[role="alert"]');
          out.push({ ok: false, isError: e instanceof Error, message: e.message, shown: alert?.textContent, kind, elements: el.shadowRoot.querySelectorAll('img, script, a').length });
        }
        el.remove();
      }
      return out;
    }, PAYLOADS[0]);
    for (const r of results) {
      assert.equal(r.ok, false, JSON.stringify(r));
      assert.ok(r.isError && r.message.startsWith('accountability-checklist'), JSON.stringify(r));
      assert.equal(r.shown, r.message, 'the message is shown as text');
      assert.equal(r.kind, 'options');
      assert.equal(r.elements, 0);
    }
    assert.match(results[3].message, /timeoutMs/);
    await assertNothingRan(page);
    assert.deepEqual(page.problems, [], 'no page error: every bad option was caught');
    await context.close();
  });

  test('a host template with script payloads in titles, labels and hints renders them as text', async () => {
    const context = await harness.context();
    const page = await open(context);
    const shown = await page.evaluate(async (tpl) => {
      const { mount } = await import('/checklist.js');
      const el = document.createElement('div');
      el.id = 'evil-host';
      document.body.append(el);
      const h = mount(el, { template: tpl, draftStorage: 'none' });
      await new Promise((r) => setTimeout(r, 200));
      h.setValue('/s1/f', tpl.title.zh);
      await new Promise((r) => setTimeout(r, 100));
      return el.shadowRoot.querySelector('.ac')?.innerText ?? '';
    }, EVIL_TEMPLATE);
    for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[3]]) assert.ok(shown.includes(p), `shown as text: ${p}\n${shown}`);
    await assertNothingRan(page);
    const evil = await page.evaluate(() => document.querySelector('#evil-host').shadowRoot.querySelectorAll('img, script, b').length);
    assert.equal(evil, 0);
    assertNoProblems(page, 'evil template');
    await context.close();
  });
});
