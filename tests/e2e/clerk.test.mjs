// 复制上年数据 and X-R01, keyboard only: last year's export chosen through the button's file chooser starts
// this year's record (year moved on, signature and pledge gone), each section says whether it changed, 核对
// lists the changes, the base survives a reload (draft); a 述职 report loads the 谈话 record and shows the
// counts side by side, the mismatch marked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoProblems, fixture, get, handle, kbAddRow, kbSet, openPage, press, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ac-e2e-clerk-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Presses the button `action` with Enter and answers its file chooser with `file`. */
export async function chooseFile(page, action, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5_000 }),
    press(page, `button[data-action="${action}"]`),
  ]);
  await chooser.setFiles(file);
}

/** The export envelope of `data` made by a widget of `kind` (on its own page). */
async function envelopeOf(context, kind, data) {
  const p = await openPage(context, `/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
  await waitForWidget(p);
  await handle(p, 'setData', data);
  const text = await handle(p, 'exportJson');
  await p.close();
  return text;
}

describe('复制上年数据 (geren)', () => {
  let context, page, last;
  before(async () => {
    last = await fixture('geren');
    last.header.year = 2024;
    context = await harness.context();
    const file = join(dir, 'geren-2024.json');
    await writeFile(file, await envelopeOf(context, 'geren', last));
    page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=local`);
    await waitForWidget(page);
    await chooseFile(page, 'copy-last-year', file);
    await until(async () => get(await handle(page, 'getData'), '/header/year') === 2025, 'the year moved on to 2025');
  });
  after(async () => { await context?.close(); });

  test('starts from last year: family kept, signature and pledge not', async () => {
    const data = await handle(page, 'getData');
    assert.deepEqual(data.family, last.family, 'the family register carries over');
    assert.equal(data.C16, undefined, 'no signature or pledge carries over');
    assert.equal(data.C02?.trips, undefined, "last year's trips are not this year's");
    assert.equal(await page.locator('[data-base-year="2024"]').count(), 1, 'the base note names 2024');
    assert.ok(await page.locator('.ac-tasks [data-changed="no"]').count() > 0, 'unchanged badges in the task list');
    assert.ok(await page.locator('.ac-tasks [data-changed="yes"]').count() > 0, 'changed badges (C16 is empty now)');
  });

  test('a new passport shows as a change of C02 in 核对', async () => {
    const n = await kbAddRow(page, '/C02/documents');
    await kbSet(page, `/C02/documents/${n}/docNumber`, 'EA7654321');
    await until(() => page.locator('[data-section="C02"] ~ [data-changed="yes"], section[data-section="C02"] [data-changed="yes"]').count(), 'C02 marked changed');
    await press(page, 'button[data-action="review"]');
    const item = page.locator('[data-changes] [data-changed-section="C02"]');
    await until(() => item.count(), 'C02 in the change list');
    assert.match(await item.textContent(), /新增.*EA7654321/, 'the added passport is named');
    assert.equal(await page.locator('[data-changes] [data-changed-section="family"]').count(), 0, 'family unchanged');
  });

  test('the base survives a reload (draft)', async () => {
    await page.waitForTimeout(1_000); // the draft is written 0.4 s after the last change
    await page.reload();
    await waitForWidget(page);
    await until(() => page.locator('[data-base-year="2024"]').count(), 'the base is restored with the draft');
    assert.equal(get(await handle(page, 'getData'), '/header/year'), 2025);
    assertNoProblems(page, 'geren copy-last-year');
  });
});

describe('X-R01: the 谈话 record in a 述职 report', () => {
  let context, page, fx;
  before(async () => {
    fx = await fixture('shuzhi');
    const talks = await fixture('tanhua');
    talks.header.year = fx.header.year;
    context = await harness.context();
    const file = join(dir, 'tanhua.json');
    await writeFile(file, await envelopeOf(context, 'tanhua', talks));
    page = await openPage(context, `/index.html?template=shuzhi&today=${TODAY.shuzhi}&draft=none`);
    await waitForWidget(page);
    await handle(page, 'setData', fx);
    await chooseFile(page, 'load-talks', file);
    await until(() => page.locator('[data-xr01-table]').count(), 'the X-R01 table after loading the talk record');
  });
  after(async () => { await context?.close(); });

  test('a wrong A5 count is shown next to the talk record\'s count', async () => {
    const row = page.locator('[data-xr01-field="A5.appointmentTalks"]');
    const expected = Number((await row.locator('td').nth(1).textContent()).trim());
    await kbSet(page, '/A5/appointmentTalks', String(expected + 3));
    await until(async () => (await row.getAttribute('data-xr01-ok')) === 'no', 'the row is marked as differing');
    assert.equal(await page.locator('[data-xr01="mismatch"]').count(), 1);
    assert.equal((await row.locator('td').first().textContent()).trim(), String(expected + 3), 'the report\'s number');
    await kbSet(page, '/A5/appointmentTalks', String(expected));
    await until(async () => (await row.getAttribute('data-xr01-ok')) === 'yes', 'agrees again');
    assertNoProblems(page, 'shuzhi X-R01');
  });
});
