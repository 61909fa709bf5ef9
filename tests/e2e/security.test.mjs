// Security hygiene (issue #5 point 6): Subresource Integrity (the hashes `make pkg` publishes are right, a
// page that pins them works under the strict CSP, a tampered file is refused), and no personal data in
// request URLs, console output or the widget's error events. Issue #18: the demo's records need the reviewer
// token, which the page keeps in sessionStorage only and sends as a Bearer header, never in a URL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  asReviewer, assertNoProblems, byPath, enterReviewerToken, events, fixture, handle, openPage, press, ROOT, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();

const W = 'accountability-checklist';
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const integrity = async () => JSON.parse(await readFile(join(ROOT, 'www', 'pkg', 'integrity.json'), 'utf8'));

/** A portal page that pins the loader and its modules; served (with the server's own CSP) at /sri-portal.html. */
async function sriPage(context, hashes) {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>SRI</title><link rel="icon" href="data:,">
<link rel="modulepreload" href="/pkg/accountability_checklist.js" integrity="${hashes['pkg/accountability_checklist.js']}">
<link rel="modulepreload" href="/pkg/integrity.js" integrity="${hashes['pkg/integrity.js']}">
<script type="module" src="/checklist.js" integrity="${hashes['checklist.js']}"></script></head>
<body><main><accountability-checklist template="geren" today="${TODAY.geren}" draft-storage="none"></accountability-checklist></main></body></html>`;
  const csp = (await fetch(`${harness.url}/index.html`)).headers.get('content-security-policy');
  assert.ok(csp && !csp.includes('unsafe-inline'), `strict CSP: ${csp}`);
  await context.route('**/sri-portal.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'content-security-policy': csp }, body: html }));
  return openPage(context);
}

describe('Subresource Integrity', () => {
  test('integrity.json holds the sha384 of every file a portal loads', async () => {
    const hashes = await integrity();
    const templates = ['pkg/templates/geren.json', 'pkg/templates/shuzhi.json', 'pkg/templates/tanhua.json'];
    const files = ['checklist.js', 'checklist.css', 'pkg/accountability_checklist.js', 'pkg/integrity.js', 'pkg/accountability_checklist_bg.wasm', ...templates];
    assert.deepEqual(Object.keys(hashes).sort(), [...files].sort());
    for (const f of files) assert.equal(hashes[f], sri(await readFile(join(ROOT, 'www', f))), f);
    const js = await readFile(join(ROOT, 'www', 'pkg', 'integrity.js'), 'utf8');
    assert.ok(js.includes(hashes['pkg/accountability_checklist_bg.wasm']), 'the loader fetches the wasm with its hash');
    for (const t of templates) assert.ok(js.includes(hashes[t]), `the loader fetches ${t} with its hash`);
  });

  test('a portal page that pins the hashes works under the strict CSP', async () => {
    const context = await harness.context();
    const page = await sriPage(context, await integrity());
    await page.goto('/sri-portal.html');
    await waitForWidget(page);
    assertNoProblems(page, 'SRI portal');
    await context.close();
  });

  test('a tampered WebAssembly module, loader or template is refused', async () => {
    for (const [pattern, what] of [['**/pkg/accountability_checklist_bg.wasm', 'wasm'], ['**/checklist.js', 'loader'], ['**/pkg/templates/geren.json', 'template']]) {
      const context = await harness.context();
      const page = await sriPage(context, await integrity());
      await context.route(pattern, async (route) => {
        const r = await route.fetch();
        const body = Buffer.from(await r.body());
        body[body.length - 1] ^= 0x01; // one bit
        await route.fulfill({ response: r, body });
      });
      await page.goto('/sri-portal.html');
      await until(() => page.problems.some((p) => /integrity/i.test(p)), () => `${what}: an integrity failure (problems: ${page.problems.join('; ')})`, 10_000);
      const mounted = await page.evaluate(() => !!document.querySelector('accountability-checklist')?.shadowRoot?.querySelector('[data-path]'));
      assert.equal(mounted, false, `${what}: the tampered widget did not run`);
      await context.close();
    }
  });
});

describe('no personal data leaks', () => {
  test('typed personal data never appears in request URLs, console output or error events', async () => {
    const context = await harness.context();
    const page = await openPage(context);
    const consoleText = [];
    const urls = [];
    page.on('console', (m) => consoleText.push(m.text()));
    page.on('request', (r) => urls.push(decodeURIComponent(r.url())));
    await page.goto(`/index.html?template=geren&today=${TODAY.geren}&draft=session&timeout=1500`);
    await waitForWidget(page);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    // Personal data typed with the keyboard: a name, an ID number, an address.
    const secrets = { '/header/name': '慕容复', '/header/idNumber': '110105197506150037', '/C11/rows/0/address': '燕子坞参合庄8号' };
    for (const [path, value] of Object.entries(secrets)) {
      const input = byPath(page, path).first();
      await input.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    // Errors of every kind: browser validation, a refused connection, a 500, a 422, a bad import, export.
    await press(page, `${W} [data-action="submit"]`);
    await handle(page, 'setValue', '/header/idNumber', fx.header.idNumber);
    await handle(page, 'setValue', '/header/name', fx.header.name);
    await page.route('**/api/checklists', (route) => route.abort('connectionrefused'), { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    await until(async () => /提交失败/.test(await page.locator(`${W} [data-notice]`).innerText()), 'network failure');
    await page.route('**/api/checklists', (route) => route.fulfill({ status: 500, body: 'boom' }), { times: 1 });
    await press(page, `${W} [data-action="submit"]`);
    await until(async () => /500/.test(await page.locator(`${W} [data-notice]`).innerText()), '500');
    await handle(page, 'importJson', '{"broken": ');
    await handle(page, 'exportJson');
    await press(page, `${W} [data-action="submit"]`);
    await until(() => page.locator(`${W} [data-receipt]`).count(), 'receipt');

    const errorEvents = JSON.stringify([...(await events(page, 'checklist-error')), ...(await events(page, 'checklist-invalid'))]);
    assert.ok((await events(page, 'checklist-error')).length >= 3, 'the errors happened');
    const all = [...Object.values(secrets), fx.header.name, fx.header.idNumber];
    for (const secret of all) {
      assert.ok(!urls.some((u) => u.includes(secret)), `${secret} in a request URL: ${urls.filter((u) => u.includes(secret))}`);
      assert.ok(!consoleText.some((t) => t.includes(secret)), `${secret} in the console`);
      assert.ok(!errorEvents.includes(secret), `${secret} in checklist-error / checklist-invalid`);
    }
    assert.ok(!urls.some((u) => /[?&](name|id|data)=/i.test(u) && u.includes('/api/')), 'no data in API URLs');
    await context.close();
  });
});

describe('records need a reviewer token (issue #18)', () => {
  test('the API refuses anonymous reads and tokens in URLs', async () => {
    const anon = await fetch(`${harness.url}/api/checklists`);
    assert.equal(anon.status, 401);
    assert.match(anon.headers.get('www-authenticate') ?? '', /^Bearer /);
    const inUrl = await fetch(`${harness.url}/api/checklists?access_token=${harness.server.reviewerToken}`);
    assert.equal(inUrl.status, 400);
    assert.equal((await inUrl.json()).error, 'token_in_url');
    const ok = await fetch(`${harness.url}/api/checklists`, { headers: asReviewer(harness.server) });
    assert.equal(ok.status, 200);
  });

  test('the demo asks for the token, sends it as a Bearer header and keeps it in sessionStorage only', async () => {
    const context = await harness.context();
    const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    const reads = [];
    page.on('request', (r) => { if (r.url().includes('/api/checklists') && r.method() === 'GET') reads.push(r); });
    // Submit one record so that there is something to list.
    await handle(page, 'setData', await fixture('geren'));
    await press(page, `${W} [data-action="submit"]`);
    await until(() => page.locator(`${W} [data-receipt]`).count(), 'receipt');
    const receipt = (await page.locator(`${W} [data-receipt]`).first().textContent()).trim();
    assert.equal(reads.length, 0, 'no read is attempted without a token');
    assert.equal(await page.locator('#records').isHidden(), true);
    assert.equal(await page.locator('#records-token').getAttribute('type'), 'password');

    const token = harness.server.reviewerToken;
    await enterReviewerToken(page, token);
    await until(() => page.locator('#records').getByText(receipt).count(), 'the record is listed');
    assert.ok(reads.length >= 1);
    for (const r of reads) {
      assert.equal(r.headers().authorization, `Bearer ${token}`);
      assert.ok(!r.url().includes(token), 'never in the URL');
    }
    assert.equal(await page.locator('#records-token').inputValue(), '', 'the field is emptied');
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('ac-demo-reviewer-token'), local: JSON.stringify(localStorage) }));
    assert.equal(stored.session, token);
    assert.ok(!stored.local.includes(token), 'not in localStorage');

    // Opening the record fetches it with the header and shows it.
    await page.locator('#records').getByText(receipt).focus();
    await page.keyboard.press('Enter');
    await until(async () => (await page.locator('#record-view-json').textContent()).includes('accountability-checklist/record'), 'the record is shown');
    assertNoProblems(page, 'records with the reviewer token');

    // Forgetting the token hides the records again.
    await page.locator('#records-forget').focus();
    await page.keyboard.press('Enter');
    await until(() => page.locator('#records').isHidden(), 'records hidden');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ac-demo-reviewer-token')), null);
    await context.close();
  });

  test('a wrong token is refused, forgotten and explained', async () => {
    const context = await harness.context();
    const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    await enterReviewerToken(page, 'act_not-a-real-token');
    await until(async () => /令牌无效/.test(await page.locator('#records-empty').textContent()), 'the refusal is shown');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ac-demo-reviewer-token')), null, 'a refused token is not kept');
    // The only problem on the page is the browser's own log line for the 401.
    assert.ok(page.problems.every((p) => /401/.test(p)), page.problems.join('; '));
    await context.close();
  });
});
