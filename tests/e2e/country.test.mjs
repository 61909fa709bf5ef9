// Country fields (issue 14, item 5) in the real widget, with the keyboard: typing 美 offers 美国 in a list
// under the input (an ARIA 1.2 combobox); ↓ and Enter pick it; the record holds "US" and the input shows
// 美国. A name typed and left is stored by its code; unknown text stays as typed with an error that says
// what to type; several countries are picked one after the other; axe passes with the list open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, axeCheck, byPath, fixture, get, handle, openPage, TODAY, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();
const W = 'accountability-checklist';
const NATIONALITY = '/family/members/0/nationality';
const DESTINATIONS = '/C02/trips/0/destinations';

/** Focuses the field at `path`, empties it and types `text` key by key. */
async function retype(page, path, text) {
  const input = byPath(page, path).first();
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  return input;
}

const stored = async (page, path) => get(await handle(page, 'getData'), path);

describe('country fields (geren)', () => {
  let context, page;
  before(async () => {
    context = await harness.context();
    page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    await handle(page, 'setData', await fixture('geren'));
  });
  after(async () => { await context?.close(); });

  test('stored codes show as names', async () => {
    assert.equal(await byPath(page, NATIONALITY).inputValue(), '中国');
    assert.equal(await byPath(page, DESTINATIONS).inputValue(), '日本');
    assert.equal(await byPath(page, NATIONALITY).getAttribute('role'), 'combobox');
    assert.equal(await byPath(page, NATIONALITY).getAttribute('aria-expanded'), 'false');
  });

  test('typing 美 offers 美国; ↓ and Enter pick it: "US" stored, 美国 shown', async () => {
    const rows = (await stored(page, '/family/members')).length;
    const input = await retype(page, NATIONALITY, '美');
    const list = page.locator(`${W} [role="listbox"]`);
    await until(() => list.count(), 'a list of suggestions while typing');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await input.getAttribute('aria-controls'), await list.getAttribute('id'));
    const options = list.locator('[role="option"]');
    assert.equal(await options.first().innerText(), '美国', 'the likeliest first');
    await axeCheck(page, 'country list open');

    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    await until(async () => (await list.count()) === 0, 'the list closes on the choice');
    assert.equal(await stored(page, NATIONALITY), 'US');
    assert.equal(await input.inputValue(), '美国');
    assert.equal(await input.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus stays in the input');
    assert.equal((await stored(page, '/family/members')).length, rows, 'the Enter added no row');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
  });

  test('a name typed and left is stored by its code; Escape closes the list and keeps the text', async () => {
    const input = await retype(page, NATIONALITY, '香港特别行政区');
    await until(() => page.locator(`${W} [role="listbox"]`).count(), 'the official name offers its region');
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator(`${W} [role="listbox"]`).count()) === 0, 'Escape closes the list');
    assert.equal(await input.inputValue(), '香港特别行政区', 'nothing typed is lost');
    await page.keyboard.press('Tab');
    await until(async () => (await stored(page, NATIONALITY)) === 'HK', 'HK stored on leaving');
    assert.equal(await input.inputValue(), '中国香港');
  });

  test('unknown text stays as typed, with an error that says what to type', async () => {
    const input = await retype(page, NATIONALITY, '火星');
    await page.keyboard.press('Tab');
    const error = page.locator(`${W} [data-error-for="${NATIONALITY}"]`);
    await until(() => error.count(), 'an error for the unknown country');
    assert.match(await error.innerText(), /请从列表中选择国家（地区），如“美国”/);
    assert.equal(await stored(page, NATIONALITY), '火星');
    assert.equal(await input.inputValue(), '火星');
    assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(await error.getAttribute('id')));
    await axeCheck(page, 'country error shown');
    await retype(page, NATIONALITY, '中国');
    await page.keyboard.press('Tab');
    await until(async () => (await error.count()) === 0, 'the error goes with a known name');
    assert.equal(await stored(page, NATIONALITY), 'CN');
  });

  test('several countries: each picked after 、, stored as codes, shown as names', async () => {
    const input = byPath(page, DESTINATIONS).first();
    await input.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('、美');
    const list = page.locator(`${W} [role="listbox"]`);
    await until(() => list.count(), 'suggestions for the item being typed');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(async () => JSON.stringify(await stored(page, DESTINATIONS)) === '["JP","US"]', 'JP and US stored');
    assert.equal(await input.inputValue(), '日本、美国');
    // A click picks too (the list stays open while the mouse is pressed on it).
    await page.keyboard.press('End');
    await page.keyboard.type('、德');
    await until(() => list.count(), 'suggestions for 德');
    await list.locator('[role="option"]', { hasText: '德国' }).click();
    await until(async () => JSON.stringify(await stored(page, DESTINATIONS)) === '["JP","US","DE"]', 'DE stored by a click');
    assert.equal(await input.inputValue(), '日本、美国、德国');
  });

  test('↓ in a filled field not typed in opens its matches; Escape closes them and nothing changes', async () => {
    const before = await stored(page, DESTINATIONS);
    const input = byPath(page, DESTINATIONS).first();
    await page.locator(`${W} h1, ${W} h2`).first().click(); // focus elsewhere first: the field is not being typed in
    await input.focus();
    const list = page.locator(`${W} [role="listbox"]`);
    assert.equal(await list.count(), 0, 'no list on focus alone');
    await page.keyboard.press('ArrowDown');
    await until(() => list.count(), 'the list opens on ↓');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await input.getAttribute('aria-activedescendant'), await list.locator('[role="option"]').first().getAttribute('id'));
    await page.keyboard.press('Escape');
    await until(async () => (await list.count()) === 0, 'Escape closes it');
    assert.deepEqual(await stored(page, DESTINATIONS), before, 'looking stores nothing new');
  });

  test('no console errors or CSP violations', () => assertNoProblems(page, 'country fields'));
});
