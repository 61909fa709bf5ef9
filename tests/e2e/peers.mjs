// The peer of the browser benchmark: react-jsonschema-form 6.11.1 (+ @rjsf/validator-ajv8, React 19, no CSS)
// on the workload of ../shared/perf/PEERS.md, measured as bench.mjs's oneRun measures our widget (the same
// measure.mjs here and www/bench/measure.js in the page), so that both can be compared in the same run.
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
// Keystroke: rjsf renders a `number` field as <input type="number">, which refuses the "x" bench.mjs types
// into our text cell. The page's areas all have two decimals, so the key here is "9": a third decimal, which
// breaks multipleOf 0.01 ("must be multiple of 0.01"); Backspace makes the cell valid again.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { newContext, ROOT } from './lib.mjs';
import { heapAndNodes, keystrokesAndValidate, transferBytes } from './measure.mjs';

export const PEERS_DIR = resolve(process.env.PEERS_DIR || join(ROOT, 'target', 'peers'));
export const RJSF_LABEL = 'react-jsonschema-form 6.11.1 + ajv8 + React 19 (no CSS)';
const BAD_KEY = '9';
const TODAY = '2026-01-15'; // bench.mjs's "today" for our widget: the same bounds for both

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
    const { heapMB, nodes } = await heapAndNodes(context, page); // right after ready, as PEERS.md defines them

    // The last row's area cell, by rjsf's DOM id; its errors are rendered as #<id>__error.
    const id = `root_realEstate_rows_${n - 1}_area`;
    const cell = page.locator(`#${id}`);
    await cell.waitFor({ timeout: 10_000 });
    await cell.focus();
    await page.keyboard.press('End');
    const keys = await keystrokesAndValidate(page, id, BAD_KEY);
    return {
      ready,
      ...keys,
      heapMB,
      nodes,
      transfer: await transferBytes(dir, [...loaded]),
      errors,
    };
  } finally {
    await context.close();
  }
}
