// Input as people type it (SPEC §2.2): full-width digits from an input method, a lower-case 'x', a date
// written 2016年4月20日. Leaving the field stores the normalised value (and says so); what is exported and
// what the server stores is the normalised value; after a successful 提交 the export says 已提交 with the
// same submittedAt the server received.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  asReviewer, assertNoProblems, fixture, handle, openPage, press, TODAY, typeAndLeave, until, useServerAndBrowser, waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();
const W = 'accountability-checklist';


describe('normalised input (geren)', () => {
  test('full-width and loose input is stored, exported, posted and stored by the server normalised', async () => {
    const context = await harness.context();
    const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);

    // (field, as typed, as stored): each stored value is the fixture's own.
    const cases = [
      ['/C09/salaryWan', '１８．６０', fx.C09.salaryWan],
      ['/header/idNumber', '１１０１０５ １９７５０６１５ ００３６', fx.header.idNumber],
      ['/C11/rows/0/tradeDate', '2016年4月20日', fx.C11.rows[0].tradeDate],
      ['/C02/documents/0/docNumber', 'ｅ１２３４５６７８', fx.C02.documents[0].docNumber],
    ];
    for (const [path, typed, stored] of cases) {
      const input = await typeAndLeave(page, path, typed);
      await until(async () => (await input.inputValue()) === stored, `${path}: the input shows ${stored} after leaving it`);
      const notice = await page.locator(`${W} [data-notice]`).innerText();
      assert.ok(notice.includes(typed) && notice.includes(stored), `${path}: the notice says what changed: ${notice}`);
    }
    assert.deepEqual(await handle(page, 'getData'), fx, 'the store holds the normalised values');

    // A value the blur never normalised (set by the host) still leaves normalised.
    const typedByHost = structuredClone(fx);
    typedByHost.C11.rows[0].areaM2 = '１２８.５６';
    await handle(page, 'setData', typedByHost);
    assert.deepEqual(JSON.parse(await handle(page, 'exportJson')).data, fx, 'the export holds the normalised values');

    const posted = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/checklists')) posted.push(JSON.parse(r.postData()));
    });
    await press(page, `${W} [data-action="submit"]`);
    const receipt = page.locator(`${W} [data-receipt]`);
    await until(() => receipt.count(), 'receipt after submit');
    const id = (await receipt.innerText()).trim();
    assert.equal(posted.length, 1, 'one post');
    assert.deepEqual(posted[0].data, fx, 'the post holds the normalised values');
    assert.equal(posted[0].status, '已提交');
    assert.match(posted[0].submittedAt, new RegExp(`^${TODAY.geren}T\\d{2}:\\d{2}:\\d{2}\\+08:00$`), 'submittedAt on the widget\'s today, Beijing time');

    const stored = await (await fetch(`${harness.url}/api/checklists/${id}`, { headers: asReviewer(harness.server) })).json();
    assert.deepEqual(stored.data, fx, 'the server stored the normalised values');
    assert.equal(stored.submittedAt, posted[0].submittedAt);

    const after = JSON.parse(await handle(page, 'exportJson'));
    assert.equal(after.status, '已提交', 'an export after a successful submit says 已提交');
    assert.equal(after.submittedAt, posted[0].submittedAt, 'and keeps submittedAt');
    assertNoProblems(page, 'normalised input');
    await context.close();
  });
});
