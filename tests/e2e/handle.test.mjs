// The handle refuses misuse (issue #15 point 1): wrong argument types are a TypeError naming the method and what
// it expected, checked before anything reaches WebAssembly memory; no host input (wrong types, null, undefined,
// huge strings, cyclic and deeply nested objects, BigInt, symbols) can trap the module; setValue refuses
// pointers the template does not define and rows that do not exist, leaving the data untouched; importJson
// takes an object too; unknown options, attributes and whenLoaded() names are reported with the closest valid name.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, byPath, events, fixture, handle, openPage, press, TODAY, until, useServerAndBrowser, waitForWidget } from './lib.mjs';

const harness = useServerAndBrowser();

async function open(context) {
  const page = await openPage(context, `/index.html?template=geren&today=${TODAY.geren}&draft=none`);
  await waitForWidget(page);
  return page;
}

describe('the handle refuses misuse', () => {
  test('every method, driven with wrong types, null, undefined, huge strings and cycles, throws TypeError or RangeError, never traps', async () => {
    const context = await harness.context();
    const page = await open(context);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    const results = await page.evaluate(() => {
      const h = document.querySelector('accountability-checklist').handle;
      const cyclic = { a: 1 };
      cyclic.self = cyclic;
      let deep = [];
      for (let i = 0; i < 200000; i++) deep = [deep];
      const huge = 'x'.repeat((1 << 24) + 1);
      const bad = {
        undefined, null: null, number: 123, boolean: true, array: [], symbol: Symbol('s'), function: () => 1,
        bigint: 10n, cyclic, deep, nan: NaN,
      };
      const cases = [];
      for (const [name, v] of Object.entries(bad)) {
        if (name !== 'cyclic' && name !== 'deep') cases.push(['setData', [v]]);
        cases.push(['setValue', [v, 'x']]);
        if (name !== 'null' && name !== 'number' && name !== 'boolean' && name !== 'array') cases.push(['setValue', ['/header/name', v]]);
        if (name !== 'cyclic' && name !== 'deep') cases.push(['importJson', [v]]);
        cases.push(['setLocale', [v]]);
      }
      cases.push(['setData', [cyclic]], ['setData', [{ header: { name: deep } }]], ['importJson', [cyclic]]);
      cases.push(['setValue', ['header/name', 'x']], ['setValue', ['/header/name', { big: 1n }]]);
      const huges = [['setValue', [`/${huge}`, 'x']], ['setValue', ['/header/name', huge]], ['importJson', [huge]], ['setLocale', [huge]], ['setData', [{ header: { name: huge } }]]];
      const out = [];
      for (const [m, args] of [...cases, ...huges]) {
        try {
          const r = h[m](...args);
          out.push({ m, args: String(args.map((a) => typeof a)), threw: null, r: JSON.stringify(r) });
        } catch (e) {
          out.push({ m, args: String(args.map((a) => typeof a)), threw: e.constructor.name, message: e.message });
        }
      }
      // Well typed, but nested deeper than the import reads: refused as a finding, the data untouched.
      const deepImport = h.importJson({ data: deep });
      return { out, huges: huges.length, deepImport };
    });
    const typed = results.out.slice(0, -results.huges);
    for (const r of typed) {
      assert.equal(r.threw, 'TypeError', `${r.m}(${r.args}) → ${JSON.stringify(r)}`);
      assert.ok(r.message.includes(`${r.m}(`) && /expected/.test(r.message), `names the method and what it expected: ${r.message}`);
    }
    for (const r of results.out.slice(-results.huges)) {
      assert.equal(r.threw, 'RangeError', `huge ${r.m}(${r.args}) → ${JSON.stringify(r)}`);
      assert.match(r.message, new RegExp(`${r.m}\\(`));
    }
    assert.equal(results.deepImport.ok, false);
    assert.ok(results.deepImport.findings.length > 0 && results.deepImport.findings.every((f) => f.severity === 'error'), JSON.stringify(results.deepImport));
    // Nothing crossed: the data is as it was, and the widget still works for the next call and for typing.
    assert.deepEqual(await handle(page, 'getData'), fx);
    assert.deepEqual(await handle(page, 'setValue', '/header/unitName', '某某县委办公室'), { ok: true });
    await byPath(page, '/header/position').fill('副主任');
    await byPath(page, '/header/position').blur();
    const data = await handle(page, 'getData');
    assert.equal(data.header.unitName, '某某县委办公室');
    assert.equal(data.header.position, '副主任');
    assert.ok(Array.isArray(await handle(page, 'validate')));
    assert.equal(JSON.parse(await handle(page, 'exportJson')).data.header.position, '副主任');
    assertNoProblems(page, 'misuse');
    await context.close();
  });

  test('setValue refuses pointers the template does not define and rows that do not exist; the data is untouched', async () => {
    const context = await harness.context();
    const page = await open(context);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    const changes = (await events(page, 'checklist-change')).length;
    const cases = [
      ['/header/nmae', 'x', 'unknown_pointer'],
      ['/nope/name', 'x', 'unknown_pointer'],
      ['/header/name/deeper', 'x', 'unknown_pointer'],
      [`/C11/rows/${fx.C11.rows.length + 1}/areaM2`, '100', 'no_such_row'],
      ['/C11/rows/01/areaM2', '100', 'unknown_pointer'],
      ['/C11/rows', { not: 'rows' }, 'wrong_shape'],
      ['/C11/rows/0', 'x', 'wrong_shape'],
    ];
    for (const [path, value, reason] of cases) {
      const r = await handle(page, 'setValue', path, value);
      assert.equal(r.ok, false, path);
      assert.equal(r.reason, reason, path);
      assert.ok(r.message.includes(path), r.message);
      assert.deepEqual(await handle(page, 'getData'), fx, `${path}: data untouched`);
    }
    assert.equal((await events(page, 'checklist-change')).length, changes, 'no checklist-change for a refused value');
    assert.deepEqual(await handle(page, 'setValue', '/C11/rows/0/areaM2', '88.5'), { ok: true });
    assert.equal((await handle(page, 'getData')).C11.rows[0].areaM2, '88.5');
    assert.deepEqual(await handle(page, 'setValue', '/C11/rows/0/areaM2', null), { ok: true });
    assert.equal('areaM2' in (await handle(page, 'getData')).C11.rows[0], false, 'null clears');
    assertNoProblems(page, 'setValue refusals');
    await context.close();
  });

  test('importJson takes the envelope as an object as well as text', async () => {
    const context = await harness.context();
    const page = await open(context);
    const fx = await fixture('geren');
    await handle(page, 'setData', fx);
    const envelope = JSON.parse(await handle(page, 'exportJson'));
    await handle(page, 'setData', {});
    const r = await handle(page, 'importJson', envelope);
    assert.equal(r.ok, true, JSON.stringify(r.findings));
    assert.deepEqual(await handle(page, 'getData'), fx);
    const bad = await handle(page, 'importJson', { hello: 'world' });
    assert.equal(bad.ok, false);
    assert.ok(bad.findings.length > 0 && bad.findings.every((f) => f.message && f.messages['zh-CN'] && f.messages.en), JSON.stringify(bad.findings));
    assert.deepEqual(await handle(page, 'getData'), fx, 'a refused import leaves the data');
    assertNoProblems(page, 'importJson object');
    await context.close();
  });

  test('wrong option types and unknown options throw a TypeError naming the closest valid name', async () => {
    const context = await harness.context();
    const page = await open(context);
    const results = await page.evaluate(async () => {
      const { mount } = await import('/checklist.js');
      const cases = [
        { template: 'geren', draftstorage: 'none' },
        { template: 'geren', readonly: true },
        { template: 'geren', readOnly: 'yes' },
        { template: 'geren', timeoutMs: '5000' },
        { template: 'geren', pageSize: NaN },
        { template: 42 },
        { template: 'geren', headers: { 'X-Token': 5 } },
        { template: 'geren', data: [] },
        'geren',
      ];
      const out = [];
      for (const opts of cases) {
        const el = document.createElement('div');
        document.body.append(el);
        let detail = null;
        el.addEventListener('checklist-error', (e) => { detail = e.detail; });
        try {
          mount(el, opts);
          out.push({ threw: null });
        } catch (e) {
          out.push({ threw: e.constructor.name, message: e.message, shown: el.shadowRoot.querySelector('[role="alert"]')?.textContent, detail });
        }
        el.remove();
      }
      let noElement;
      try { mount(null, { template: 'geren' }); } catch (e) { noElement = `${e.constructor.name}: ${e.message}`; }
      return { out, noElement };
    });
    for (const r of results.out) {
      assert.equal(r.threw, 'TypeError', JSON.stringify(r));
      assert.equal(r.shown, r.message, 'shown in the element');
      assert.equal(r.detail.kind, 'options');
    }
    assert.match(results.out[0].message, /unknown option "draftstorage"; did you mean "draftStorage"\?/);
    assert.match(results.out[1].message, /did you mean "readOnly"\?/);
    assert.match(results.out[2].message, /readOnly expected a boolean/);
    assert.match(results.out[3].message, /timeoutMs expected a number/);
    assert.match(results.out[4].message, /pageSize expected a number/);
    assert.match(results.out[5].message, /template expected a string or an object/);
    assert.match(results.out[6].message, /headers\.X-Token expected a string/);
    assert.match(results.out[7].message, /data expected an object/);
    assert.match(results.out[8].message, /mount\(element, options\) expected options as an object/);
    assert.match(results.noElement, /^TypeError: .*mount\(element, options\) expected an element/);
    assertNoProblems(page, 'options');
    await context.close();
  });

  test('whenLoaded() rejects a name that is no built-in template with a TypeError naming the closest, and loads a valid one', async () => {
    const context = await harness.context();
    const page = await open(context);
    const results = await page.evaluate(async () => {
      const { whenLoaded } = await import('/checklist.js');
      const outcome = async (...names) => {
        try {
          const value = await whenLoaded(...names);
          return { value: value === undefined ? 'undefined' : typeof value };
        } catch (e) {
          return { rejected: `${e.constructor.name}: ${e.message}` };
        }
      };
      return [await outcome('gern'), await outcome('tanhua', 'shuzi'), await outcome(42), await outcome('shuzhi'), await outcome()];
    });
    assert.match(results[0].rejected, /^TypeError: .*unknown built-in template "gern"; did you mean "geren"\?/);
    assert.match(results[1].rejected, /^TypeError: .*unknown built-in template "shuzi"; did you mean "shuzhi"\?/);
    assert.match(results[2].rejected, /^TypeError: .*whenLoaded\(\.\.\.names\) expected names of built-in templates as strings/);
    assert.deepEqual(results[3], { value: 'undefined' }, 'a valid name loads');
    assert.ok(!results[4].rejected, 'no names: the module alone');
    assertNoProblems(page, 'whenLoaded');
    await context.close();
  });

  test('an unknown attribute is reported as a checklist-error warning naming the closest attribute', async () => {
    const context = await harness.context();
    const page = await open(context);
    const warnings = await page.evaluate(() => {
      const seen = [];
      document.addEventListener('checklist-error', (e) => seen.push(e.detail));
      const el = document.createElement('accountability-checklist');
      el.setAttribute('template', 'geren');
      el.setAttribute('draftstorage', 'none');
      el.setAttribute('id', 'second');
      el.setAttribute('class', 'x');
      el.setAttribute('data-portal', '1');
      el.setAttribute('aria-label', '清单');
      document.body.append(el);
      el.remove();
      return seen;
    });
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.equal(warnings[0].kind, 'warning');
    assert.match(warnings[0].message, /unknown attribute "draftstorage"; did you mean "draft-storage"\?/);
    assertNoProblems(page, 'attributes');
    await context.close();
  });

  test('after destroy() the types are still checked first, then the call says the widget is gone', async () => {
    const context = await harness.context();
    const page = await open(context);
    const r = await page.evaluate(async () => {
      const { mount } = await import('/checklist.js');
      const div = document.createElement('div');
      document.body.append(div);
      const h = await mount(div, { template: 'geren', draftStorage: 'none' }).whenReady();
      h.destroy();
      const out = {};
      try { h.setValue(5, 'x'); } catch (e) { out.typed = `${e.constructor.name}: ${e.message}`; }
      try { h.getData(); } catch (e) { out.gone = `${e.constructor.name}: ${e.message}`; }
      return out;
    });
    assert.match(r.typed, /^TypeError: .*setValue\(path, value\) expected a JSON pointer/);
    assert.match(r.gone, /^Error: .*getData\(\) called after destroy\(\)/);
    assertNoProblems(page, 'destroyed');
    await context.close();
  });
});

describe('messages wherever findings travel', () => {
  test('checklist-invalid and checklist-error give each finding message and messages {zh-CN, en}', async () => {
    const context = await harness.context();
    const page = await open(context);
    await press(page, 'accountability-checklist [data-action="submit"]');
    const invalid = await until(async () => (await events(page, 'checklist-invalid')).at(-1), 'checklist-invalid');
    assert.equal(invalid.detail.source, 'browser');
    const importError = async () => (await events(page, 'checklist-error')).find((e) => e.detail.kind === 'import');
    assert.equal((await handle(page, 'importJson', '{ not json')).ok, false);
    const error = await until(importError, 'checklist-error for the import');
    for (const [what, findings] of [['checklist-invalid', invalid.detail.findings], ['checklist-error', error.detail.findings]]) {
      assert.ok(findings.length > 0, what);
      for (const f of findings) {
        assert.ok(f.code && typeof f.path === 'string', `${what}: ${JSON.stringify(f)}`);
        assert.ok(f.messages['zh-CN'] && f.messages.en && f.messages['zh-CN'] !== f.messages.en, `${what}: ${JSON.stringify(f)}`);
        assert.equal(f.message, f.messages['zh-CN'], `${what}: message in the widget's locale (zh-CN here)`);
      }
    }
    const validated = await handle(page, 'validate');
    assert.ok(validated.every((f) => f.message === f.messages['zh-CN'] && f.messages.en), 'validate() gives the same shape');
    await context.close();
  });
});

describe('the loader', () => {
  // The module's export names are minified at build time (Makefile, WASM_MINIFY_NAMES): the loader must not
  // reach into the instance by name.
  test('wasmMemoryBytes() gives the WebAssembly memory once the widget has loaded', async () => {
    const context = await harness.context();
    const page = await open(context);
    const bytes = await page.evaluate(async () => (await import('/checklist.js')).wasmMemoryBytes());
    assert.ok(bytes > 0 && bytes % 65536 === 0, `${bytes} bytes: whole WebAssembly pages`);
    assertNoProblems(page, 'wasmMemoryBytes');
    await context.close();
  });
});
