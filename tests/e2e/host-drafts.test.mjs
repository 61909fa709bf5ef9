// Host-kept drafts (issue #15 point 5): with draftStorage "host" the widget writes nothing to Web Storage and hands
// each draft to the page as `checklist-draft` {key, draft} (debounced, and at once on pagehide); the page keeps it
// on its server (here the reference endpoint's PUT /api/drafts/{key}), and mount({draft}) restores it on another
// device. A successful submit hands over {draft: null}, so the page deletes it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, events, fixture, openPage, press, TODAY, until, useServerAndBrowser } from './lib.mjs';

const harness = useServerAndBrowser();
const KEY = 'e2e_host_draft_0123456789abcdefghij';

/** A page that mounts the widget with host drafts and keeps each draft on the endpoint, as a portal would. */
async function mountHostDrafts(page, { draft, endpoint } = {}) {
  return page.evaluate(async ([key, today, kept, endpoint]) => {
    const { mount } = await import('/checklist.js');
    const div = document.createElement('div');
    div.id = 'host';
    document.body.append(div);
    window.__puts = 0;
    div.addEventListener('checklist-draft', (e) => {
      const url = `/api/drafts/${e.detail.key}`;
      if (e.detail.draft === null) {
        fetch(url, { method: 'DELETE', keepalive: true });
      } else {
        window.__puts += 1;
        fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: e.detail.draft, keepalive: true });
      }
    });
    window.__handle = await mount(div, { template: 'geren', today, draftStorage: 'host', draftKey: key, ...(kept ? { draft: kept } : {}), ...(endpoint ? { endpoint } : {}) }).whenReady();
    return true;
  }, [KEY, TODAY.geren, draft ?? null, endpoint ?? null]);
}

describe('host-kept drafts', () => {
  test('typing hands drafts to the page (debounced), pagehide flushes, mount({draft}) restores elsewhere', async () => {
    const context = await harness.context();
    const page = await openPage(context, '/index.html?template=geren&draft=none');
    await mountHostDrafts(page);
    // Twenty quick edits make far fewer drafts than edits (debounced), and the last one holds the last edit.
    await page.evaluate(() => {
      for (let i = 0; i < 20; i++) window.__handle.setValue('/header/unitName', `某某县委${i}`);
    });
    const drafts = () => events(page, 'checklist-draft');
    await until(async () => (await drafts()).length > 0, 'a checklist-draft after the edits');
    const n = (await drafts()).length;
    assert.ok(n < 20, `debounced: ${n} drafts for 20 edits`);
    const last = (await drafts()).at(-1).detail;
    assert.equal(last.key, KEY);
    assert.equal(typeof last.draft, 'string');
    assert.equal(JSON.parse(last.draft).data.header.unitName, '某某县委19');
    // Nothing went to Web Storage.
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    // An edit followed at once by pagehide: flushed without waiting for the debounce.
    const before = (await drafts()).length;
    await page.evaluate(() => {
      window.__handle.setValue('/header/position', '副主任');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    const flushed = (await drafts()).slice(before);
    assert.equal(flushed.length, 1, 'one draft, handed over synchronously on pagehide');
    assert.equal(JSON.parse(flushed[0].detail.draft).data.header.position, '副主任');
    await until(async () => (await page.request.get(`/api/drafts/${KEY}`)).status() === 200, 'the page kept the draft on the endpoint');

    // Another device: the portal fetches the draft and mounts with it.
    const other = await harness.context();
    const page2 = await openPage(other, '/index.html?template=geren&draft=none');
    const kept = await (await page2.request.get(`/api/drafts/${KEY}`)).text();
    await mountHostDrafts(page2, { draft: JSON.parse(kept) });
    const data = await page2.evaluate(() => window.__handle.getData());
    assert.equal(data.header.unitName, '某某县委19');
    assert.equal(data.header.position, '副主任');
    assert.ok(await page2.locator('#host [data-notice]').count() > 0, 'the restored draft is announced');
    assertNoProblems(page, 'host drafts');
    assertNoProblems(page2, 'restored host draft');
    await other.close();
    await context.close();
  });

  test('a successful submit hands over {draft: null} and the page deletes the kept draft', async () => {
    const context = await harness.context();
    const page = await openPage(context, '/index.html?template=geren&draft=none');
    assert.equal((await page.request.delete(`/api/drafts/${KEY}`)).status(), 204, 'start without a kept draft');
    await mountHostDrafts(page, { endpoint: '/api/checklists' });
    await page.evaluate((data) => window.__handle.setData(data), await fixture('geren'));
    await page.evaluate(() => window.__handle.setValue('/header/position', '主任'));
    await until(async () => (await page.request.get(`/api/drafts/${KEY}`)).status() === 200, 'the draft is kept');
    await press(page, '#host [data-action="submit"]');
    await until(async () => (await events(page, 'checklist-submitted')).length === 1, 'submitted');
    const last = (await events(page, 'checklist-draft')).at(-1).detail;
    assert.deepEqual(last, { key: KEY, draft: null });
    await until(async () => (await page.request.get(`/api/drafts/${KEY}`)).status() === 404, 'the page deleted the kept draft');
    assertNoProblems(page, 'submit clears the host draft');
    await context.close();
  });
});
