// Layout at a phone's width and at the office PC's (issue 14, item 8): at 390 × 844 and at 1366 × 768, on the
// demo page and inside the imitation portal, with a record filled in (every table has rows), the page never
// scrolls sideways, the widget gets the width the page gives it, nothing inside it sticks out of it (except
// inside a scroll box), and no two fields, no two task-list entries overlap. One screenshot of each
// (docs/screenshots/layout-<page>-<width>.png), rewritten only when its pixels change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { assertNoProblems, fixture, handle, keepScreenshot, openPage, SCREENSHOTS, TODAY, useServerAndBrowser, waitForWidget } from './lib.mjs';

const harness = useServerAndBrowser();

/** What the layout looks like from inside the page: overflow, the widget's width, overlaps. */
async function measure(page) {
  return page.evaluate(() => {
    const host = document.querySelector('accountability-checklist');
    const root = host.shadowRoot;
    const box = host.getBoundingClientRect();
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const inScrollBox = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const sticking = [];
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || el.classList.contains('ac-sr') || inScrollBox(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        sticking.push(`${el.localName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)} (widget ${Math.round(box.left)}..${Math.round(box.right)})`);
      }
    }
    const overlaps = (sel) => {
      const rects = [...root.querySelectorAll(sel)].filter(visible).map((e) => [e, e.getBoundingClientRect()]);
      const out = [];
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const [a, ra] = rects[i];
          const [b, rb] = rects[j];
          if (a.contains(b) || b.contains(a)) continue;
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 1) out.push(`${a.textContent.trim().slice(0, 20)} / ${b.textContent.trim().slice(0, 20)}`);
        }
      }
      return out;
    };
    return {
      pageScroll: document.documentElement.scrollWidth - window.innerWidth,
      widgetWidth: Math.round(box.width),
      sticking: sticking.slice(0, 10),
      fieldOverlaps: overlaps('.ac-field').slice(0, 10),
      taskOverlaps: overlaps('.ac-tasks li').slice(0, 10),
      fields: root.querySelectorAll('.ac-field').length,
    };
  });
}

for (const [width, height] of [[390, 844], [1366, 768]]) {
  describe(`layout at ${width} × ${height}`, () => {
    let context;
    before(async () => { context = await harness.context({ viewport: { width, height } }); });
    after(async () => { await context?.close(); });

    for (const [name, path, minWidth] of [
      ['demo', `/index.html?template=geren&today=${TODAY.geren}&draft=none`, width === 390 ? 300 : 900],
      ['portal', '/portal.html', width === 390 ? 300 : 700],
    ]) {
      test(`${name}: one column that fits, nothing overlaps`, async () => {
        const page = await openPage(context, path);
        await waitForWidget(page);
        await handle(page, 'setData', await fixture('geren'));
        await handle(page, 'validate');
        const m = await measure(page);
        assert.ok(m.fields > 20, `the form is rendered (${m.fields} fields)`);
        assert.ok(m.pageScroll <= 0, `the page scrolls sideways by ${m.pageScroll}px`);
        assert.ok(m.widgetWidth >= minWidth, `the widget is ${m.widgetWidth}px wide, at least ${minWidth}px expected`);
        assert.deepEqual(m.sticking, [], 'elements stick out of the widget');
        assert.deepEqual(m.fieldOverlaps, [], 'fields overlap');
        assert.deepEqual(m.taskOverlaps, [], 'task-list entries overlap');
        // The picture: the viewport with the widget's top at the top of the screen.
        await page.evaluate(() => document.querySelector('accountability-checklist').scrollIntoView());
        await keepScreenshot(await page.screenshot(), resolve(SCREENSHOTS, `layout-${name}-${width}.png`));
        assertNoProblems(page, `${name} at ${width}px`);
        await page.close();
      });
    }
  });
}
