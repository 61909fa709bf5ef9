// 导出 downloads the record as a .json envelope; importing that file through the widget's file input brings
// back the same data; a tampered file is refused with findings and leaves the data untouched.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoProblems, fixture, handle, openPage, press, screenshot, TODAY, until, useServerAndBrowser,
  waitForWidget,
} from './lib.mjs';

const harness = useServerAndBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ac-e2e-export-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const importFile = (page) => page.locator('input[type="file"][data-action="import-file"]');

describe('export and import (geren)', () => {
  let context, page, fx, exported, exportedText;
  before(async () => {
    fx = await fixture('geren');
    context = await harness.context();
    page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
    await waitForWidget(page);
  });
  after(async () => { await context?.close(); });

  test('导出 downloads a .json envelope of the current data', async () => {
    await handle(page, 'setData', fx);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      press(page, 'button[data-action="export"]'),
    ]);
    assert.equal(download.suggestedFilename(), `个人有关事项报告-${fx.header.year}-草稿.json`, 'a file name that says what it holds');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    exportedText = await readFile(file, 'utf8');
    exported = JSON.parse(exportedText);
    assert.equal(exported.format, 'accountability-checklist/record');
    assert.equal(exported.formatVersion, 2);
    assert.equal(exported.checklistKind, 'geren');
    assert.equal(exported.template?.id, 'geren');
    assert.equal(exported.digest?.algorithm, 'sha256-jcs');
    assert.match(exported.digest?.value ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(exported.data, fx, 'exported data = what was entered');
    assert.equal(await handle(page, 'exportJson').then((t) => JSON.parse(t).digest.value), exported.digest.value,
      'handle.exportJson() agrees with the downloaded file');
  });

  test('导入 of the exported file restores the same data', async () => {
    assert.ok(exported, 'needs the export of the previous test');
    await handle(page, 'setData', {});
    assert.notDeepEqual(await handle(page, 'getData'), fx, 'data cleared before import');
    const file = join(dir, 'roundtrip.json');
    await writeFile(file, exportedText);
    // 导入 is a button that opens the (hidden) file input; the file chooser is answered with the file.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5_000 }),
      press(page, 'button[data-action="import"]'),
    ]);
    await chooser.setFiles(file);
    await until(async () => JSON.stringify(await handle(page, 'getData')) !== '{}', 'data after import', 10_000);
    assert.deepEqual(await handle(page, 'getData'), fx, 'imported data = exported data');
    assertNoProblems(page, 'after import');
  });

  test('a tampered file shows findings and leaves the data untouched', async () => {
    assert.ok(exported, 'needs the export of the first test');
    const tampered = structuredClone(exported);
    tampered.data.C11.rows[0].areaM2 = '28.56'; // digest no longer matches
    const file = join(dir, 'tampered.json');
    await writeFile(file, JSON.stringify(tampered, null, 2));
    const beforeData = await handle(page, 'getData');

    const messages = async () => (await page.locator('[data-summary], [data-notice]').allTextContents()).join(' ').trim();
    const before = await messages();
    await importFile(page).setInputFiles(file);
    const shown = await until(async () => {
      const now = await messages();
      return now && now !== before ? now : null;
    }, async () => `findings shown after importing a tampered file (summary/notice still: "${await messages()}")`, 10_000);
    assert.ok(shown.length > 0);
    await screenshot(page, 'import-tampered.png');
    assert.deepEqual(await handle(page, 'getData'), beforeData, 'data untouched after the tampered import');

    const direct = await handle(page, 'importJson', JSON.stringify(tampered));
    assert.equal(direct.ok, false, 'importJson refuses a tampered record');
    assert.ok(direct.findings.some((f) => f.severity === 'error'), `error findings: ${JSON.stringify(direct.findings)}`);
    assert.deepEqual(await handle(page, 'getData'), beforeData, 'handle.importJson left the data untouched');
  });

  test('a file that is not JSON is refused', async () => {
    const direct = await handle(page, 'importJson', '{ not json');
    assert.equal(direct.ok, false);
    assert.ok(direct.findings.length > 0);
    assert.deepEqual(await handle(page, 'getData'), fx);
  });
});
