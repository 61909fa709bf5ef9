// 打印: each checklist's print view rendered to PDF in headless Chromium (print media, A4 from @page), its text
// extracted with poppler's pdftotext: the title, every section title, row values, the pledge and signature
// lines (个人有关事项), page numbers, and none of the widget's or the page's chrome. The first printed page of
// the 个人有关事项 report is rendered to PNG (pdftoppm) for the README.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  assertNoProblems, fixture, handle, keepScreenshot, KINDS, openPage, press, SCREENSHOTS, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const run = promisify(execFile);
const squash = (s) => s.replace(/\s+/g, '');

const harness = useServerAndBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ac-e2e-print-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every date (`YYYY-MM-DD`) in the fixture's table rows. */
function rowDates(fx) {
  const out = new Set();
  for (const section of Object.values(fx)) {
    for (const rows of Object.values(section && typeof section === 'object' ? section : {})) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows) for (const x of Object.values(row ?? {})) if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)) out.add(x);
    }
  }
  return [...out];
}

/** A cell value of every table row in the fixture (text of at least 2 characters; not dates, references or
 * option codes, which print as dates and labels). */
function rowValues(fx) {
  const out = [];
  for (const section of Object.values(fx)) {
    if (!section || typeof section !== 'object') continue;
    for (const rows of Object.values(section)) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows) {
        const v = Object.entries(row ?? {}).find(([k, x]) => k !== 'id' && typeof x === 'string' && x.length >= 2 && !/Id$/.test(k) && !/^\d{4}-\d{2}-\d{2}$/.test(x) && !/^[A-Z][A-Z0-9_]*$/.test(x));
        if (v) out.push(v[1]);
      }
    }
  }
  return out;
}

for (const kind of KINDS) {
  describe(`print (${kind})`, () => {
    let context, page, fx, text;
    before(async () => {
      fx = await fixture(kind);
      context = await harness.context();
      page = await openPage(context);
      // window.print() would open a dialog in a headed browser: count the calls instead.
      await page.addInitScript(() => { window.print = () => { window.__printCalls = (window.__printCalls ?? 0) + 1; }; });
      await page.goto(`/index.html?template=${kind}&today=${TODAY[kind]}&draft=none`);
      await waitForWidget(page);
      await handle(page, 'setData', fx);
    });
    after(async () => { await context?.close(); });

    test('打印 shows the print view and calls window.print()', async () => {
      await press(page, 'button[data-action="print"]');
      await until(() => page.locator('[data-view="print"] [data-print]').count(), 'the print view');
      await until(() => page.evaluate(() => window.__printCalls >= 1), 'window.print() called');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ac-printing')), true, '<html> marked for printing');
      assert.equal(await page.locator('[data-view="print"] button[data-action="submit"]').count(), 0, 'no widget chrome');
    });

    test('the PDF holds the whole record, pledge, signature lines and page numbers', async () => {
      await page.emulateMedia({ media: 'print' });
      const pdf = join(dir, `${kind}.pdf`);
      await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.emulateMedia({ media: 'screen' });
      text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 32 << 20 })).stdout;
      const all = squash(text);
      const title = (await page.locator('[data-print] h1').textContent()).trim();
      assert.ok(all.includes(squash(title)), `title ${title}`);
      const sections = await page.locator('[data-print-section] > h2').allTextContents();
      assert.ok(sections.length > 3);
      for (const s of sections) assert.ok(all.includes(squash(s)), `section title ${s} in the PDF`);
      for (const v of rowValues(fx)) assert.ok(all.includes(squash(v)), `row value ${v} in the PDF`);
      // A date in a narrow column never breaks inside itself ("2018-07-" / "02" on two lines).
      const lines = text.split('\n');
      for (const d of rowDates(fx)) assert.ok(lines.some((line) => line.includes(d)), `the date ${d} on one line of the PDF`);
      const pages = Number((await run('pdfinfo', [pdf])).stdout.match(/Pages:\s+(\d+)/)?.[1]);
      assert.ok(pages >= 1);
      assert.ok(all.includes(`第1页，共${pages}页`), `page numbers (第 1 页，共 ${pages} 页) in the PDF`);
      if (pages > 1) assert.ok(all.includes(`第${pages}页，共${pages}页`), 'the last page number');
      if (kind === 'geren') {
        assert.ok(all.includes(squash('我已认真学习《领导干部报告个人有关事项规定》')), 'the pledge text');
        assert.ok(all.includes('本人签名：') && all.includes('签名日期：') && all.includes('阅签人：'), 'signature lines');
        assert.ok(all.includes(squash(fx.C16.signedName)), 'the typed signature');
        // The first printed page, for the README.
        const base = join(dir, 'geren-page');
        await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
        await keepScreenshot(await readFile(`${base}.png`), resolve(SCREENSHOTS, 'print-geren.png'));
      }
      for (const chrome of ['一键校验', '导出文件', '已提交记录', '选择清单', '打印预览']) {
        assert.ok(!all.includes(chrome), `no chrome "${chrome}" in the PDF`);
      }
    });

    test('返回 leaves the print view', async () => {
      await press(page, 'button[data-action="end-print"]');
      await until(async () => (await page.locator('[data-view="print"]').count()) === 0, 'back from the print view');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ac-printing')), false);
      assertNoProblems(page, `print ${kind}`);
    });

    if (kind === 'geren') {
      // Issue 14, item 4: an annual report of a cadre who is not a 一把手 prints none of the change-report,
      // new-appointee or team-disclosure fields, so page 1 has no 未填写 rows that look like omissions.
      test('page 1 lists 未填写 only for fields that apply', async () => {
        const header = { ...fx.header, isYiBaShou: false };
        delete header.disclosureStatus;
        await handle(page, 'setData', { ...fx, header });
        await press(page, 'button[data-action="print"]');
        await until(() => page.locator('[data-view="print"] [data-print]').count(), 'the print view');
        await page.emulateMedia({ media: 'print' });
        const pdf = join(dir, 'geren-annual.pdf');
        await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        await page.emulateMedia({ media: 'screen' });
        const first = squash((await run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'])).stdout);
        assert.ok(first.includes('报告类型') && first.includes('年度集中报告'), 'page 1 holds the header');
        for (const label of ['事项发生日期', '事后报告事项', '符合报告条件日期', '在领导班子中公开情况', '公开日期', '公开方式', '公开会议']) {
          assert.ok(!first.includes(label), `${label} does not apply and is not printed`);
        }
        // What is left unanswered on page 1 applies: 本年度已作事后报告的事项 and 逾期报告原因 (any report can be late).
        const blanks = first.split('未填写').length - 1;
        assert.ok(blanks <= 2, `${blanks} 未填写 on page 1: ${first.slice(0, 800)}`);
        await press(page, 'button[data-action="end-print"]');
        await until(async () => (await page.locator('[data-view="print"]').count()) === 0, 'back from the print view');
        assertNoProblems(page, 'print geren, annual report of a non-leader');
      });
    }
  });
}
