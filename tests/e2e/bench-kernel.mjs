// The browser benchmark of tests/e2e/bench.mjs in a real old Chromium kernel (a benchmark, not a test): how
// fast the floor is. playwright-core does not drive kernels that old, so this speaks the DevTools protocol
// itself (cdp.mjs), on the same page (www/bench/) and workload, with the same measurements: ready, key→err and
// the frame after it (median of 20 keystrokes in the last row's area cell), validate-all, JS heap after GC.
//
//   make bench-kernel                                   (Chromium 85, N = 1000, paged and unpaged)
//   node --experimental-websocket tests/e2e/bench-kernel.mjs [major] [N ...]
//        (BENCH_RUNS=5, BENCH_WWW=<another build's www directory, for A/B comparisons>,
//        BENCH_WORKLOAD=geren,peers as in bench.mjs; the kernels are those `make tools` unpacks into
//        target/old-chromium/)
//
// Keystrokes are real key events (Input.dispatchKeyEvent: keydown, keypress, input, keyup), as a user's are.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchKernel } from './cdp.mjs';
import { benchTemplate, benchWorkload, ROOT, startServer } from './lib.mjs';
import { KEYS, median } from './measure.mjs';

const args = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MAJOR = args[0] || 85;
const NS = args.length > 1 ? args.slice(1) : [1000];
const RUNS = Number(process.env.BENCH_RUNS || 5);
const WORKLOADS = (process.env.BENCH_WORKLOAD || 'geren,peers').split(',').map((w) => w.trim()).filter(Boolean);
const OLD = join(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'old-chromium', String(MAJOR));
if (!existsSync(join(OLD, 'chromium'))) throw new Error(`no Chromium ${MAJOR} in ${OLD}: run make tools (old-kernels)`);

// In-page helpers (serialised into the page).
function benchReady() {
  return window.__bench ? window.__bench.ready : null;
}
function turnToLastPage() {
  const root = document.getElementById('widget').shadowRoot;
  const select = root.querySelector('[data-pager="/C11/rows"] select');
  if (!select) return false;
  select.value = select.options[select.options.length - 1].value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
function focusCell(path) {
  const root = document.getElementById('widget').shadowRoot;
  const input = root.querySelector(`input[data-path="${path}"]`);
  if (!input) return false;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  return root.activeElement === input;
}

async function press(page, key) {
  const keys = {
    x: { key: 'x', code: 'KeyX', windowsVirtualKeyCode: 88, text: 'x' },
    Backspace: { key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8 },
  }[key];
  await page.send('Input.dispatchKeyEvent', { type: keys.text ? 'keyDown' : 'rawKeyDown', ...keys });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', key: keys.key, code: keys.code, windowsVirtualKeyCode: keys.windowsVirtualKeyCode });
}

async function oneRun(url, data, template, pageSize) {
  const page = await launchKernel(join(OLD, 'chromium'), { libDir: join(OLD, 'lib') });
  try {
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: `window.__benchData = ${JSON.stringify(data)}; window.__benchTemplate = ${JSON.stringify(template)}; window.__benchToday = "2026-01-15";` });
    await page.goto(`${url}/bench/index.html${pageSize === null ? '' : `?pageSize=${pageSize}`}`);
    await page.until(benchReady, 'the benchmark page', 120_000);
    const ready = await page.evaluate(benchReady);
    const last = data.C11.rows.length - 1;
    const path = `/C11/rows/${last}/areaM2`;
    if (await page.evaluate(turnToLastPage)) await new Promise((r) => setTimeout(r, 300));
    await page.until(focusCell, 'the last row\'s area cell', 20_000, path);
    const keyErr = [];
    const frame = [];
    for (let i = 0; i < KEYS; i++) {
      await page.evaluate((p) => window.__bench.arm(p, true), path);
      await press(page, 'x');
      const m = await page.evaluate(() => window.__bench.pending);
      keyErr.push(m.keyErr);
      frame.push(m.frame);
      await page.evaluate((p) => window.__bench.arm(p, false), path);
      await press(page, 'Backspace');
      await page.evaluate(() => window.__bench.pending);
    }
    await new Promise((r) => setTimeout(r, 400)); // the debounced whole-record pass
    const validate = [];
    for (let i = 0; i < 5; i++) validate.push(await page.evaluate(() => window.__bench.validateMs()));
    await page.send('HeapProfiler.collectGarbage');
    await page.send('Performance.enable');
    const { metrics } = await page.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((x) => x.name === name) || {}).value;
    if (page.problems.length) console.error(`page problems: ${page.problems.join(' | ')}`);
    return { ready, keyErr: median(keyErr), frame: median(frame), validate: median(validate), heapMB: metric('JSHeapUsedSize') / 1e6, nodes: metric('Nodes'), product: page.product };
  } finally {
    await page.close();
  }
}

const WWW = process.env.BENCH_WWW || join(ROOT, 'www');
const server = await startServer({ today: '2026-01-15', www: WWW });
const rows = [];
let product = '';
try {
  for (const workload of WORKLOADS) {
    const template = await benchTemplate(workload);
    for (const [label, pageSize] of [['paged (default, 10 rows a page)', null], ['unpaged (pageSize 0)', 0]]) {
      for (const n of NS) {
        const data = await benchWorkload(n, workload);
        const runs = [];
        for (let r = 0; r < RUNS; r++) runs.push(await oneRun(server.url, data, template, pageSize));
        product = runs[0].product;
        const m = (k) => median(runs.map((r) => r[k]));
        const range = (k, d) => `${Math.min(...runs.map((r) => r[k])).toFixed(d)}–${Math.max(...runs.map((r) => r[k])).toFixed(d)}`;
        rows.push({ workload, label, n, ready: m('ready'), keyErr: m('keyErr'), frame: m('frame'), validate: m('validate'), heap: m('heapMB'), nodes: m('nodes'), spread: `${range('ready', 0)} / ${range('keyErr', 1)}` });
      }
    }
  }
} finally {
  await server.stop();
}
console.log(`accountability-checklist in ${product} (real old kernel, ${OLD}), median of ${RUNS} fresh-browser runs, ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| workload | table | N | ready ms | key→err ms | frame ms | validate ms | heap MB | DOM nodes | spread: ready / key→err |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.workload} | ${r.label} | ${r.n} | ${r.ready.toFixed(0)} | ${r.keyErr.toFixed(1)} | ${r.frame.toFixed(1)} | ${r.validate.toFixed(2)} | ${r.heap.toFixed(1)} | ${Math.round(r.nodes).toLocaleString('en')} | ${r.spread} |`);
}
