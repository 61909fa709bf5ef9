// The browser benchmark's measurements on a page that offers window.__bench (www/bench/bench.js, and the peer
// page tests/e2e/peers/rjsf.jsx, whose keystroke timing both take from www/bench/measure.js): shared by
// bench.mjs (our widget) and peers.mjs (react-jsonschema-form), so that both are measured the same way.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Bytes after brotli at quality 11, as `make size` and the size budget count them. */
export const brotliBytes = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;

/** Keystrokes per run: ../shared/perf/PEERS.md's key→err is the median of 20. */
export const KEYS = 20;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Brotli (quality 11) bytes of the files under `dir` that these page URLs name (PEERS.md's transfer). */
export async function transferBytes(dir, urls) {
  let total = 0;
  for (const url of urls) {
    const bytes = await readFile(join(dir, new URL(url).pathname.replace(/^\//, '')));
    total += brotliBytes(bytes);
  }
  return total;
}

/** The JS heap used after a forced GC and the DOM nodes (Chromium's `Nodes` metric), as PEERS.md takes them right after ready. */
export async function heapAndNodes(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heapMB: metric('JSHeapUsedSize') / 1e6, nodes: metric('Nodes') };
}

/**
 * With the caret at the end of the cell `cell` (what the page's `__bench.arm` takes: our JSON pointer, rjsf's DOM
 * id), KEYS times: `bad` (which makes the cell invalid) and Backspace, each timed by the page; then, after the
 * debounced whole-record pass, 5 validate-everything calls. Medians of each, and the slowest frame.
 */
export async function keystrokesAndValidate(page, cell, bad) {
  const keyErr = [];
  const frame = [];
  for (let i = 0; i < KEYS; i++) {
    await page.evaluate((c) => window.__bench.arm(c, true), cell);
    await page.keyboard.press(bad);
    const t = await page.evaluate(() => window.__bench.pending);
    keyErr.push(t.keyErr);
    frame.push(t.frame);
    await page.evaluate((c) => window.__bench.arm(c, false), cell);
    await page.keyboard.press('Backspace');
    await page.evaluate(() => window.__bench.pending);
  }
  await page.waitForTimeout(400); // let the debounced whole-record pass run
  const validate = [];
  for (let i = 0; i < 5; i++) validate.push(await page.evaluate(() => window.__bench.validateMs()));
  return { keyErr: median(keyErr), frame: median(frame), frameMax: Math.max(...frame), validate: median(validate) };
}
