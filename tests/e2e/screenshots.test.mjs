// The pictures of the README and docs/, taken by the suite's browser so that they stay current: each checklist filled in
// (docs/screenshots/<kind>.png), the error summary (geren-errors.png) and the talk overview
// (tanhua-overview.png). The printed page (print-geren.png) comes from print.test.mjs, the review banner
// (review-changed.png) from review.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import {
  fixture, handle, keepScreenshot, KINDS, openPage, press, SCREENSHOTS, TODAY, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const shot = (name) => resolve(SCREENSHOTS, name);

const harness = useServerAndBrowser();

describe('screenshot files', () => {
  test('a picture whose pixels are unchanged is not rewritten; a changed one is', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { deflateSync } = await import('node:zlib');
    const dir = await mkdtemp(resolve(tmpdir(), 'ac-shot-'));
    const file = resolve(dir, 'x.png');
    const png = await readFile(shot('geren.png'));
    assert.equal(await keepScreenshot(png, file), true, 'a new file is written');
    assert.equal(await keepScreenshot(png, file), false, 'the same bytes: not rewritten');
    // The same pixels compressed differently (one IDAT, another level) are not a change either.
    const chunks = [];
    let idat = [];
    for (let at = 8; at < png.length;) {
      const len = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
      else chunks.push([type, png.subarray(at + 8, at + 8 + len)]);
      at += 12 + len;
    }
    const { inflateSync } = await import('node:zlib');
    const raw = inflateSync(Buffer.concat(idat));
    const chunk = (type, data) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]); // CRC unchecked by the comparison
    };
    const recompressed = Buffer.concat([png.subarray(0, 8), chunk('IHDR', chunks[0][1]), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
    assert.ok(!recompressed.equals(png), 'different bytes');
    assert.equal(await keepScreenshot(recompressed, file), false, 'same pixels: not rewritten');
    const changed = Buffer.from(raw);
    changed[changed.length - 1] ^= 0xff;
    const other = Buffer.concat([png.subarray(0, 8), chunk('IHDR', chunks[0][1]), chunk('IDAT', deflateSync(changed)), chunk('IEND', Buffer.alloc(0))]);
    assert.equal(await keepScreenshot(other, file), true, 'changed pixels are written');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('README screenshots', () => {
  let context;
  before(async () => { context = await harness.context({ viewport: { width: 1100, height: 1000 } }); });
  after(async () => { await context?.close(); });

  for (const kind of KINDS) {
    test(`${kind}: the checklist filled in`, async () => {
      const page = await openPage(context, `/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
      await waitForWidget(page);
      await handle(page, 'setData', await fixture(kind));
      await page.locator('.ac-tasks').first().waitFor();
      await keepScreenshot(await page.screenshot(), shot(`${kind}.png`)); // the first screenful: title, task list, first items
      if (kind === 'tanhua') {
        const overview = page.locator('[data-overview]');
        await until(() => overview.count(), 'the talk overview');
        await keepScreenshot(await overview.screenshot(), shot('tanhua-overview.png'));
      }
      await page.close();
    });
  }

  test('geren: the error summary after 一键校验', async () => {
    const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    await press(page, 'button[data-action="validate"]');
    await until(() => page.locator('[data-summary] a[data-target]').count(), 'the error summary');
    await keepScreenshot(await page.screenshot(), shot('geren-errors.png'));
    await page.close();
  });
});
