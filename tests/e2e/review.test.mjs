// Review mode (mode="review"): a reviewer opens an exported record with the keyboard; the banner says plainly
// whether it was changed after export (digest), the findings and the warnings the filer confirmed (with
// confirmedAt) are listed, nothing can be edited; the `envelope` option of mount() opens one directly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  assertNoProblems, axeCheck, fixture, handle, keepScreenshot, openPage, press, SCREENSHOTS, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ac-e2e-review-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** RFC 8785 canonical JSON (objects sorted by UTF-16 code units, ES number formatting). */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
const digestOf = (env) => createHash('sha256').update(canonical({ confirmations: env.validation.confirmations, data: env.data })).digest('hex');

async function chooseFile(page, action, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5_000 }),
    press(page, `button[data-action="${action}"]`),
  ]);
  await chooser.setFiles(file);
}

describe('review mode', () => {
  let context, page, env, intactFile, changedFile;
  before(async () => {
    context = await harness.context();
    // The record's export time and the reviewer's "today" come from the clock: a fixed one keeps
    // review-changed.png the same from run to run, so that keepScreenshot rewrites it only when the
    // screen really changes (timers still run).
    await context.clock.setFixedTime(new Date('2026-01-20T10:00:00+08:00'));
    const filler = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(filler);
    await handle(filler, 'setData', await fixture('geren'));
    env = JSON.parse(await handle(filler, 'exportJson'));
    await filler.close();
    // The filer confirmed a warning; the digest covers it.
    env.validation.confirmations = [{ code: 'field.outlier', path: '/C11/rows/0/areaM2', ruleId: 'C-R13', confirmedAt: '2026-01-14T09:30:00+08:00' }];
    env.digest.value = digestOf(env);
    intactFile = join(dir, 'intact.json');
    await writeFile(intactFile, JSON.stringify(env, null, 2));
    const changed = structuredClone(env);
    changed.data.C11.rows[0].areaM2 = '28.56';
    changedFile = join(dir, 'changed.json');
    await writeFile(changedFile, JSON.stringify(changed, null, 2));
    page = await openPage(context, `/index.html?template=shuzhi&mode=review&draft=none`);
    await waitForWidget(page);
  });
  after(async () => { await context?.close(); });

  test('an untouched record: banner 未被修改, confirmed warning with its time, read-only', async () => {
    await chooseFile(page, 'open-record', intactFile);
    await until(() => page.locator('[data-verdict="intact"]').count(), 'the intact verdict');
    assert.match(await page.locator('[data-verdict]').textContent(), /未被修改/);
    assert.equal(await page.locator('.ac[data-template="geren"]').count(), 1, 'the template follows the record');
    const confirmed = page.locator('[data-review-confirmed] [data-confirmed="field.outlier"]');
    assert.equal(await confirmed.count(), 1, 'the confirmed warning is listed');
    const row = await confirmed.textContent();
    assert.match(row, /2026年1月14日 09:30/, 'its time, as people write it');
    assert.doesNotMatch(row, /2026-01-14T|C-R13|field\.outlier/, `no stamp, rule id or code on screen: ${row}`);
    assert.ok(await page.locator('[data-review-findings]').count());
    assert.equal(await page.locator('button[data-action="submit"], input[data-confirm]').count(), 0, 'nothing to submit or confirm');
    await axeCheck(page, 'review mode (intact)');
  });

  test('a record changed after export: banner 已被修改, shown as it is', async () => {
    await chooseFile(page, 'open-record', changedFile);
    await until(() => page.locator('[data-verdict="changed"]').count(), 'the changed verdict');
    assert.match(await page.locator('[data-verdict]').textContent(), /已被修改/);
    assert.equal(await page.locator('[data-verdict]').getAttribute('role'), 'alert');
    await keepScreenshot(await page.locator('[data-reviewer]').screenshot(), resolve(SCREENSHOTS, 'review-changed.png'));
    await axeCheck(page, 'review mode (changed)');
    assertNoProblems(page, 'review mode');
  });

  test('mount({mode: "review", envelope}) opens the record directly', async () => {
    const verdict = await page.evaluate(async (text) => {
      const { mount } = await import('/checklist.js');
      const div = document.createElement('div');
      document.body.append(div);
      mount(div, { mode: 'review', envelope: text });
      for (let i = 0; i < 50; i++) {
        const v = div.shadowRoot?.querySelector('[data-verdict]');
        if (v) return v.getAttribute('data-verdict');
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    }, JSON.stringify(env));
    assert.equal(verdict, 'intact');
  });
});
