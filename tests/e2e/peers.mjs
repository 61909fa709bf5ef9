// The peer of the browser benchmark: react-jsonschema-form 6.11.1 (+ @rjsf/validator-ajv8, React 19, no CSS)
// on the workload of ../shared/perf/PEERS.md, measured as bench.mjs's oneRun measures our widget, so that
// both can be compared in the same run.
//
// Contract (for bench.mjs):
//   import { rjsfRun, startPeerServer } from './peers.mjs';
//   const result = await rjsfRun(browser, n);        // browser: a playwright Browser (lib.mjs launchBrowser())
//   → { ready, keyErr, frame, frameMax, validate, heapMB, nodes, transfer, errors }
//     ready      ms, performance.now() when all n area inputs are in the DOM and one more frame was produced
//     keyErr     ms, median of 20 keystrokes in the last row's area cell: keydown → the cell's error in the DOM
//     frame      ms, the same keystrokes: keydown → the frame showing the error has been produced
//     frameMax   ms, the slowest of those frames
//     validate   ms, median of 5 synchronous validate-everything calls (the form's validateForm()) on the valid form
//     heapMB     JS heap used after a forced GC (CDP JSHeapUsedSize / 1e6), right after ready as PEERS.md defines
//                it (after the keystrokes it is ~2 MB more at N=10 and ~5 MB more at N=1000: the first live
//                validation compiles ajv's validator of the whole schema)
//     nodes      DOM nodes (CDP Performance metric `Nodes`)
//     transfer   bytes: brotli q11 of every JS/CSS file the page loads (the HTML not counted)
//     errors     page errors and console errors, [] when clean
//   One call = one fresh browser context on `browser` (close the browser yourself). The page must have been
//   built first (`cd tests/e2e/peers && npm ci && node build.mjs`, into target/peers/, or $PEERS_DIR).
//   rjsfRun serves it itself from a static server on 127.0.0.1 started on first use; call stopPeerServer()
//   when done (or pass { url } of a server started with startPeerServer() as the third argument).
//
// Standalone:  node tests/e2e/peers.mjs [N ...]     (BENCH_RUNS=5; N defaults to 10 100 1000)
// prints a markdown table of the median of BENCH_RUNS fresh-browser runs per N.
//
// Keystroke: rjsf renders a `number` field as <input type="number">, which refuses the "x" bench.mjs types
// into our text cell. The page's areas all have two decimals, so the key here is "9": a third decimal, which
// breaks multipleOf 0.01 ("must be multiple of 0.01"); Backspace makes the cell valid again.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, newContext, ROOT } from './lib.mjs';

export const PEERS_DIR = resolve(process.env.PEERS_DIR || join(ROOT, 'target', 'peers'));
export const RJSF_LABEL = 'react-jsonschema-form 6.11.1 + ajv8 + React 19 (no CSS)';
const KEYS = 20;
const BAD_KEY = '9';
const TODAY = '2026-01-15'; // bench.mjs's "today" for our widget: the same bounds for both

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** A static file server for `dir` (default PEERS_DIR) on 127.0.0.1; resolves with { url, stop() }. */
export async function startPeerServer(dir = PEERS_DIR) {
  const st = await stat(join(dir, 'index.html')).catch(() => null);
  if (!st) throw new Error(`${dir}/index.html is missing: build the peer page first (cd tests/e2e/peers && npm ci && node build.mjs)`);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(0, '127.0.0.1', ok); });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

let shared = null;
/** Stops the server rjsfRun started on first use, if any. */
export async function stopPeerServer() {
  const s = shared;
  shared = null;
  if (s) await (await s).stop();
}

async function transferBytes(dir, urls) {
  let total = 0;
  for (const url of urls) {
    const bytes = await readFile(join(dir, new URL(url).pathname.replace(/^\//, '')));
    total += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

/** One fresh-context measurement of react-jsonschema-form with `n` real-estate rows; see the contract above. */
export async function rjsfRun(browser, n, { url, dir = PEERS_DIR } = {}) {
  if (!url) {
    shared ??= startPeerServer(dir);
    ({ url } = await shared);
  }
  const context = await newContext(browser, { baseURL: url });
  try {
    const page = await context.newPage();
    const loaded = new Set();
    page.on('response', (r) => {
      if (/\.(js|mjs|css|wasm|json)$/.test(new URL(r.url()).pathname)) loaded.add(r.url());
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.addInitScript(([rows, today]) => { window.__benchN = rows; window.__benchToday = today; }, [n, TODAY]);
    await page.goto('/index.html');
    await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
    const ready = await page.evaluate(() => window.__bench.ready);
    // Heap and nodes right after ready, as PEERS.md defines them (and as bench.mjs measures our widget).
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;

    // The last row's area cell, by rjsf's DOM id; its errors are rendered as #<id>__error.
    const id = `root_realEstate_rows_${n - 1}_area`;
    const cell = page.locator(`#${id}`);
    await cell.waitFor({ timeout: 10_000 });
    await cell.focus();
    await page.keyboard.press('End');
    const keyErr = [];
    const frame = [];
    for (let i = 0; i < KEYS; i++) {
      await page.evaluate((p) => window.__bench.arm(p, true), id);
      await page.keyboard.press(BAD_KEY);
      const t = await page.evaluate(() => window.__bench.pending);
      keyErr.push(t.keyErr);
      frame.push(t.frame);
      await page.evaluate((p) => window.__bench.arm(p, false), id);
      await page.keyboard.press('Backspace');
      await page.evaluate(() => window.__bench.pending);
    }
    await page.waitForTimeout(400); // as bench.mjs: let anything deferred settle
    const validate = [];
    for (let i = 0; i < 5; i++) validate.push(await page.evaluate(() => window.__bench.validateMs()));

    return {
      ready,
      keyErr: median(keyErr),
      frame: median(frame),
      frameMax: Math.max(...frame),
      validate: median(validate),
      heapMB: metric('JSHeapUsedSize') / 1e6,
      nodes: metric('Nodes'),
      transfer: await transferBytes(dir, [...loaded]),
      errors,
    };
  } finally {
    await context.close();
  }
}

// Standalone: the median of BENCH_RUNS fresh-browser runs per N, as a markdown table.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const RUNS = Number(process.env.BENCH_RUNS || 5);
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const NS = sizes.length ? sizes : [10, 100, 1000];
  const server = await startPeerServer();
  const rows = [];
  try {
    for (const n of NS) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) {
        const browser = await launchBrowser();
        try {
          runs.push(await rjsfRun(browser, n, { url: server.url }));
        } finally {
          await browser.close();
        }
      }
      const errs = runs.flatMap((r) => r.errors);
      if (errs.length) console.error(`N=${n}: page errors: ${errs.join('; ')}`);
      const m = (k) => median(runs.map((r) => r[k]));
      const range = (k) => [Math.min(...runs.map((r) => r[k])), Math.max(...runs.map((r) => r[k]))];
      rows.push({ n, transfer: m('transfer') / 1024, ready: m('ready'), keyErr: m('keyErr'), frame: m('frame'),
        frameMax: Math.max(...runs.map((r) => r.frameMax)), validate: m('validate'), heap: m('heapMB'), nodes: m('nodes'),
        spread: { ready: range('ready'), keyErr: range('keyErr'), frame: range('frame'), validate: range('validate') } });
      process.stderr.write(`rjsf N=${n} done\n`);
    }
  } finally {
    await server.stop();
  }
  const chromium = (await import('node:child_process')).execFileSync(process.env.AC_CHROMIUM || '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  console.log(`${RJSF_LABEL}, ${chromium}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, median of ${RUNS} fresh-browser runs, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  console.log('');
  console.log('| library | N | transfer KB br | ready ms | key→err ms | frame ms | validate ms | heap MB | DOM nodes |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| react-jsonschema-form | ${r.n} | ${r.transfer.toFixed(0)} | ${r.ready.toFixed(0)} | ${r.keyErr.toFixed(1)} | ${r.frame.toFixed(1)} | ${r.validate.toFixed(2)} | ${r.heap.toFixed(1)} | ${Math.round(r.nodes).toLocaleString('en')} |`);
  }
  console.log('');
  console.log(`Spread over the ${RUNS} runs (fastest–slowest run's figure; frame max: the slowest of all ${RUNS} × ${KEYS} keystrokes):`);
  console.log('');
  console.log('| library | N | ready ms | key→err ms | frame ms | frame max ms | validate ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const f = (k, d) => `${r.spread[k][0].toFixed(d)}–${r.spread[k][1].toFixed(d)}`;
    console.log(`| react-jsonschema-form | ${r.n} | ${f('ready', 0)} | ${f('keyErr', 1)} | ${f('frame', 1)} | ${r.frameMax.toFixed(1)} | ${f('validate', 2)} |`);
  }
}
