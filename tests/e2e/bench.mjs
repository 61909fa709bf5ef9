// Browser benchmark (a benchmark, not a test): the workload and metrics of ../shared/perf/PEERS.md measured
// on our widget in Debian's headless Chromium, median of RUNS fresh-browser runs per N.
//
//   make bench-browser            (builds the package and the server, then runs this)
//   node tests/e2e/bench.mjs [N ...]        (BENCH_RUNS=5, BENCH_PAGE_SIZE=<rows per page, 0: no paging>,
//                                            BENCH_WORKLOAD=geren|peers|geren,peers (default both),
//                                            BENCH_WWW=<another build's www directory, for A/B comparisons>)
//
// Without BENCH_PAGE_SIZE both layouts are measured: "paged" (the widget's default, 10 rows per page) and
// "unpaged" (pageSize 0: every row in the DOM). Prints the median of the runs per metric, then the fastest
// and slowest run of each timing.
//
// Workloads, each a valid record whose real-estate table (C11) is grown to N rows: `geren`, the built-in
// 个人有关事项 template and its fixture (header, family register, every item answered; 13 columns in the
// table), and `peers`, PEERS.md's workload exactly, as a host template (tests/fixtures/peers_template.json:
// 5 columns), the page react-jsonschema-form is measured on. Metrics: transfer (brotli q11 of every JS, CSS and WASM file
// the page loads), ready, key→err (median of 20 keystrokes in the last row's area cell: from the keydown
// until the cell's error is in the DOM), frame (the same keystrokes: from the keydown until the frame that
// shows the error has been produced, i.e. after its style, layout and paint; see `arm` in
// www/bench/bench.js), validate-all, JS heap after a forced GC, DOM nodes, and the WebAssembly memory.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchTemplate, benchWorkload, launchBrowser, newContext, ROOT, startServer } from './lib.mjs';
import { heapAndNodes, KEYS, keystrokesAndValidate, median, transferBytes } from './measure.mjs';
import { rjsfRun, RJSF_LABEL, startPeerServer } from './peers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const WWW = process.env.BENCH_WWW || join(ROOT, 'www');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const NS = SIZES.length ? SIZES : [10, 100, 1000];
// [label, pageSize query value or null for the widget's default]
const LAYOUTS = process.env.BENCH_PAGE_SIZE !== undefined && process.env.BENCH_PAGE_SIZE !== ''
  ? [[Number(process.env.BENCH_PAGE_SIZE) === 0 ? 'unpaged' : `pageSize ${process.env.BENCH_PAGE_SIZE}`, process.env.BENCH_PAGE_SIZE]]
  : [['paged', null], ['unpaged', '0']];
// Workloads: `geren`, the built-in 个人有关事项 template (13 columns in the real-estate table), and `peers`,
// PEERS.md's workload exactly (a host template with its 5 columns), the one the peers are measured on.
const WORKLOADS = (process.env.BENCH_WORKLOAD || 'geren,peers').split(',').map((w) => w.trim()).filter(Boolean);
for (const w of WORKLOADS) if (w !== 'geren' && w !== 'peers') throw new Error(`BENCH_WORKLOAD: geren or peers, got ${w}`);
// react-jsonschema-form on the same workload in the same run (tests/e2e/peers.mjs; its page is built by
// `make bench-browser`), unless BENCH_PEERS=0: PEERS.md's figures come from another machine and day.
const PEERS = process.env.BENCH_PEERS !== '0';

async function oneRun(browser, url, data, template, pageSize) {
  const context = await newContext(browser, { baseURL: url });
  const page = await context.newPage();
  const loaded = new Set();
  page.on('response', (r) => {
    const u = r.url();
    // Scripts, stylesheets, the module, and the built-in template it fetches (pkg/templates/geren.json).
    if (/\.(js|mjs|css|wasm|json)$/.test(new URL(u).pathname) && !u.includes('/bench/')) loaded.add(u);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(([d, t]) => { window.__benchData = d; window.__benchTemplate = t; window.__benchToday = '2026-01-15'; }, [data, template]);
  await page.goto(`/bench/index.html${pageSize === null ? '' : `?pageSize=${pageSize}`}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.__bench.ready);
  const phases = await page.evaluate(() => ({ moduleReady: window.__bench.moduleReady, mountMs: window.__bench.mountMs }));
  const { heapMB, nodes } = await heapAndNodes(context, page); // right after ready, as PEERS.md defines them

  // The last row: turn to its page when the table is paged, then type into its area cell.
  const last = data.C11.rows.length - 1;
  const path = `/C11/rows/${last}/areaM2`;
  const widget = page.locator('#widget');
  const pageSelect = widget.locator('[data-pager="/C11/rows"] select');
  if (await pageSelect.count()) {
    const lastPage = await pageSelect.locator('option').last().getAttribute('value');
    await pageSelect.selectOption(lastPage);
  }
  const cell = widget.locator(`input[data-path="${path}"]`);
  await cell.waitFor({ timeout: 10_000 });
  await cell.focus();
  await page.keyboard.press('End');
  const keys = await keystrokesAndValidate(page, path, 'x');
  const wasmBytes = await page.evaluate(() => window.__bench.wasmMemoryBytes());
  const result = {
    ready,
    moduleReady: phases.moduleReady,
    mountMs: phases.mountMs,
    ...keys,
    heapMB,
    nodes,
    wasmMB: wasmBytes / (1024 * 1024),
    transfer: await transferBytes(WWW, [...loaded]),
    errors,
  };
  await context.close();
  return result;
}

const server = await startServer({ today: '2026-01-15', www: WWW });
const peerServer = PEERS ? await startPeerServer() : null;
const rows = [];
const summarise = (workload, layout, n, runs) => {
  const m = (k) => median(runs.map((r) => r[k]));
  const range = (k) => [Math.min(...runs.map((r) => r[k])), Math.max(...runs.map((r) => r[k]))];
  return { workload, layout, n, moduleReady: m('moduleReady'), mountMs: m('mountMs'), transfer: m('transfer') / 1024, ready: m('ready'), keyErr: m('keyErr'),
    frame: m('frame'), frameMax: Math.max(...runs.map((r) => r.frameMax)), validate: m('validate'), heap: m('heapMB'), nodes: m('nodes'), wasm: m('wasmMB'),
    spread: { ready: range('ready'), keyErr: range('keyErr'), frame: range('frame'), validate: range('validate') } };
};
try {
  for (const workload of WORKLOADS) {
    const template = await benchTemplate(workload);
    for (const [layout, pageSize] of LAYOUTS) {
      for (const n of NS) {
        const data = await benchWorkload(n, workload);
        const runs = [];
        for (let r = 0; r < RUNS; r++) {
          const browser = await launchBrowser();
          try {
            runs.push(await oneRun(browser, server.url, data, template, pageSize));
          } finally {
            await browser.close();
          }
        }
        const errs = runs.flatMap((r) => r.errors);
        if (errs.length) console.error(`${workload} ${layout} N=${n}: page errors: ${errs.join('; ')}`);
        rows.push(summarise(workload, layout, n, runs));
        process.stderr.write(`${workload} ${layout} N=${n} done\n`);
      }
    }
  }
  if (PEERS) {
    for (const n of NS) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) {
        const browser = await launchBrowser();
        try {
          runs.push(await rjsfRun(browser, n, { url: peerServer.url }));
        } finally {
          await browser.close();
        }
      }
      const errs = runs.flatMap((r) => r.errors);
      if (errs.length) console.error(`rjsf N=${n}: page errors: ${errs.join('; ')}`);
      rows.push(summarise('peers', 'rjsf', n, runs.map((r) => ({ ...r, moduleReady: NaN, mountMs: NaN, wasmMB: NaN }))));
      process.stderr.write(`rjsf N=${n} done\n`);
    }
  }
} finally {
  await server.stop();
  await peerServer?.stop();
}

const chromium = (await import('node:child_process')).execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
console.log(`accountability-checklist, ${chromium}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, median of ${RUNS} fresh-browser runs, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('');
for (const r of rows.filter((x) => x.layout !== 'rjsf')) {
  console.error(`${r.workload} ${r.layout} N=${r.n}: module and WebAssembly ready at ${r.moduleReady.toFixed(0)} ms, mount() ${r.mountMs.toFixed(0)} ms, first render done at ${r.ready.toFixed(0)} ms`);
}
console.log('| workload | table | N | transfer KB br | ready ms | key→err ms | frame ms | validate ms | heap MB | DOM nodes | wasm memory MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const table = r.layout === 'rjsf' ? 'react-jsonschema-form' : r.layout;
  const wasm = Number.isNaN(r.wasm) ? '' : r.wasm.toFixed(1);
  console.log(`| ${r.workload} | ${table} | ${r.n} | ${r.transfer.toFixed(0)} | ${r.ready.toFixed(0)} | ${r.keyErr.toFixed(1)} | ${r.frame.toFixed(1)} | ${r.validate.toFixed(2)} | ${r.heap.toFixed(1)} | ${Math.round(r.nodes).toLocaleString('en')} | ${wasm} |`);
}
// This machine's runs vary (a shared 2-core VM): the fastest and slowest run of each timing (each run's
// keystroke figures are its median of 20), and the slowest single keystroke's frame of all runs.
console.log('');
console.log(`Spread over the ${RUNS} runs (fastest–slowest run's figure; frame max: the slowest of all ${RUNS} × ${KEYS} keystrokes):`);
console.log('');
console.log('| workload | table | N | ready ms | key→err ms | frame ms | frame max ms | validate ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const f = (k, d) => `${r.spread[k][0].toFixed(d)}–${r.spread[k][1].toFixed(d)}`;
  console.log(`| ${r.workload} | ${r.layout === 'rjsf' ? 'react-jsonschema-form' : r.layout} | ${r.n} | ${f('ready', 0)} | ${f('keyErr', 1)} | ${f('frame', 1)} | ${r.frameMax.toFixed(1)} | ${f('validate', 2)} |`);
}

// The same run's ratios on PEERS.md's workload: ours (paged and unpaged) over react-jsonschema-form's.
const rjsf = rows.filter((r) => r.layout === 'rjsf');
if (rjsf.length && rows.some((r) => r.workload === 'peers' && r.layout !== 'rjsf')) {
  console.log('');
  console.log(`Ours over ${RJSF_LABEL}, the same run, PEERS.md's workload (below 1: ours is smaller or faster):`);
  console.log('');
  console.log('| table | N | transfer | ready | key→err | frame | validate | heap |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows.filter((x) => x.workload === 'peers' && x.layout !== 'rjsf')) {
    const p = rjsf.find((x) => x.n === r.n);
    if (!p) continue;
    const q = (k) => (r[k] / p[k]).toFixed(2);
    console.log(`| ${r.layout} | ${r.n} | ${q('transfer')} | ${q('ready')} | ${q('keyErr')} | ${q('frame')} | ${q('validate')} | ${q('heap')} |`);
  }
}
