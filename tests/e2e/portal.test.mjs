// The widget embedded in an imitation government portal with hostile global CSS, under the server's strict
// CSP: it renders inside its shadow root, with no CSP violation and no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, byPath, kbSet, openPage, screenshot, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();

test('portal page: widget renders in its shadow root, strict CSP holds, no console errors', async () => {
  const context = await harness.context();
  try {
    const page = await openPage(context);
    const response = await page.goto('/portal.html');
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, `CSP header: ${csp}`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `CSP must stay strict: ${csp}`);

    await waitForWidget(page);
    const info = await page.evaluate(() => {
      const el = document.querySelector('accountability-checklist');
      const root = el.shadowRoot;
      return {
        mode: root?.mode,
        inputs: root ? root.querySelectorAll('input[data-path], select[data-path], textarea[data-path]').length : 0,
        header: !!root?.querySelector('[data-path="/header/name"]'),
        lightInputs: el.querySelectorAll('[data-path]').length,
        handle: typeof el.handle?.getData,
      };
    });
    assert.equal(info.mode, 'open', 'the widget renders into an open shadow root');
    assert.ok(info.inputs > 0, 'inputs with data-path inside the shadow root');
    assert.ok(info.header, 'the 个人有关事项 header field /header/name is rendered');
    assert.equal(info.lightInputs, 0, 'nothing rendered into the light DOM');
    assert.equal(info.handle, 'function', 'el.handle.getData is a function');

    // The portal's hostile CSS does not reach inside: the widget's inputs keep their own box model.
    const style = await page.locator('[data-path="/header/name"]').evaluate((el) => {
      const s = getComputedStyle(el);
      return { boxSizing: s.boxSizing, borderStyle: s.borderTopStyle, background: s.backgroundColor };
    });
    assert.notEqual(style.borderStyle, 'dashed', `portal input border leaked into the widget: ${JSON.stringify(style)}`);
    assert.notEqual(style.background, 'rgb(255, 255, 153)', `portal input background leaked into the widget: ${JSON.stringify(style)}`);

    // Give late problems (deferred styles, wasm instantiation, draft storage) a moment to show up.
    await page.waitForTimeout(500);
    await screenshot(page, 'portal.png');
    assertNoProblems(page, 'portal.html');
  } finally {
    await context.close();
  }
});

test('demo page: loads under the strict CSP without problems', async () => {
  const context = await harness.context();
  try {
    const page = await openPage(context, '/index.html?draft=none');
    await waitForWidget(page);
    await page.waitForTimeout(300);
    assertNoProblems(page, 'index.html');
  } finally {
    await context.close();
  }
});

test('portal page: draft-storage="session" keeps typed answers across a reload', async () => {
  const context = await harness.context();
  try {
    const page = await openPage(context, '/portal.html');
    await waitForWidget(page);
    await kbSet(page, '/header/name', '张建国');
    await until(() => page.evaluate(() => sessionStorage.length > 0), 'a draft in sessionStorage after typing', 5_000);
    await page.reload();
    await waitForWidget(page);
    await until(async () => (await byPath(page, '/header/name').inputValue()) === '张建国',
      async () => `draft not restored: /header/name = "${await byPath(page, '/header/name').inputValue()}"`, 5_000);
    assertNoProblems(page, 'portal.html with a draft');
  } finally {
    await context.close();
  }
});
