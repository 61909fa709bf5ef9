// Where the browser spends its time (a profiling aid, not a test): Chromium's sampling CPU profiler
// on the benchmark page of tests/e2e/bench.mjs, with a WebAssembly build that keeps function names.
//
//   make profile-browser                      (builds, then runs: load, validate and keystroke, N=1000)
//   node tests/e2e/profile.mjs <load|validate|keystroke> [N]   (PROFILE_PAGE_SIZE=<rows per page, 0: no paging>,
//                                                              PROFILE_WORKLOAD=geren|peers,
//                                                              PROFILE_WASM=<another build's checklist_widget.wasm>)
//
// load:      from navigation until the widget is ready (module, mount(), first render);
// validate:  15 batches of 20 calls of handle.validate() on the valid record;
// keystroke: 20 keystrokes (a character that makes the cell invalid, then Backspace) in the last row's
//            area cell, each followed by the frame it produces. PROFILE_PAGE_SIZE defaults to 0 in this
//            mode (the unpaged table, where a keystroke's cost can grow with N), to the widget's default
//            in the others. Then the same keystrokes again under Chromium's tracing, without the CPU
//            profiler: the main thread's time per keystroke by trace event (script, style, layout, paint),
//            which the CPU profile counts as "(program)".
// Prints the functions with the most self time and the most inclusive time. The named package is built
// into target/profile-www/ (a copy of www/), never into www/pkg/.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchTemplate, benchWorkload, launchBrowser, newContext, ROOT, startServer } from './lib.mjs';

const MODE = process.argv[2] || 'load';
const N = Number(process.argv[3] || 1000);
if (!['load', 'validate', 'keystroke'].includes(MODE)) throw new Error(`mode must be load, validate or keystroke, got ${MODE}`);
const PAGE_SIZE = process.env.PROFILE_PAGE_SIZE ?? (MODE === 'keystroke' ? '0' : '');
// geren (the built-in template) or peers (PEERS.md's workload as a host template): tests/e2e/lib.mjs.
const WORKLOAD = process.env.PROFILE_WORKLOAD || 'geren';

const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
const WWW = join(target, 'profile-www');
// What `make pkg` builds (Makefile, pkg): the widget crate's cdylib, its target_features section removed
// (strip-target-features.mjs), then wasm-bindgen under the package's name.
const WASM = process.env.PROFILE_WASM || join(target, 'wasm32-unknown-unknown', 'release', 'checklist_widget.wasm');
const PKG_NAME = 'accountability_checklist';
// The same two wasm-opt runs as `make pkg` (Makefile, WASM_LOWERING): lower to WebAssembly 1.0, then optimise; without
// the renaming of imports and exports (WASM_MINIFY_NAMES), so that the profile shows wasm-bindgen's names.
const LOWER = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--llvm-memory-copy-fill-lowering', '--llvm-nontrapping-fptoint-lowering', '--signext-lowering', '--strip-target-features'];

async function namedPackage() {
  await rm(WWW, { recursive: true, force: true });
  await mkdir(WWW, { recursive: true });
  await cp(join(ROOT, 'www'), WWW, { recursive: true });
  const pkg = join(WWW, 'pkg');
  const mvp = join(target, 'profile-mvp');
  await mkdir(mvp, { recursive: true });
  const stripped = join(mvp, `${PKG_NAME}.wasm`);
  execFileSync('node', [join(ROOT, 'tests/e2e/strip-target-features.mjs'), WASM, stripped], { stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-name', PKG_NAME, '--out-dir', pkg, stripped], { stdio: 'inherit' });
  const bg = join(pkg, `${PKG_NAME}_bg.wasm`);
  // -g keeps the names section through wasm-opt; the code is otherwise optimised as in `make pkg`.
  const wasmOpt = join(ROOT, 'tests/e2e/node_modules/.bin/wasm-opt');
  execFileSync(wasmOpt, ['-g', ...LOWER, bg, '-o', bg], { stdio: 'inherit' });
  execFileSync(wasmOpt, ['--mvp-features', '-Oz', '--gufa', '--converge', '-g', bg, '-o', bg], { stdio: 'inherit' });
  // No integrity pins: this build differs from www/pkg's.
  await writeFile(join(pkg, 'integrity.js'), 'export const WASM_INTEGRITY = "";\nexport const CSS_INTEGRITY = "";\n');
}

function summarise(profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] || 0;
    total += d;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) || 0) + d);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur));
      if (!seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) || 0) + d);
      }
    }
  });
  const show = (title, m) => {
    console.log(`\n${title} (ms, of ${(total / 1000).toFixed(0)} ms sampled)`);
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(v / 1000).toFixed(1).padStart(8)}  ${k.replace(/::h[0-9a-f]{16}$/, '').slice(0, 140)}`);
    }
  };
  show('self time', self);
  show('inclusive time', incl);
}

// The keystrokes of tests/e2e/bench.mjs, under the profiler: the last row (its page first, when paged),
// a character that makes its area cell invalid, then Backspace, each timed until its frame is produced.
async function keystrokes(page, cdp, fx) {
  const path = `/C11/rows/${fx.C11.rows.length - 1}/areaM2`;
  const widget = page.locator('#widget');
  const pageSelect = widget.locator('[data-pager="/C11/rows"] select');
  if (await pageSelect.count()) await pageSelect.selectOption(await pageSelect.locator('option').last().getAttribute('value'));
  const cell = widget.locator(`input[data-path="${path}"]`);
  await cell.waitFor({ timeout: 10_000 });
  await cell.focus();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  const keyErr = [];
  const frames = [];
  for (let i = 0; i < 20; i++) {
    for (const [key, wantError] of [['x', true], ['Backspace', false]]) {
      await page.evaluate(([p, e]) => window.__bench.arm(p, e), [path, wantError]);
      await page.keyboard.press(key);
      const t = await page.evaluate(() => window.__bench.pending);
      if (wantError) {
        keyErr.push(t.keyErr ?? t);
        frames.push(t.frame ?? NaN);
      }
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`N=${fx.C11.rows.length}, pageSize ${PAGE_SIZE || 'default'}: 20 keystrokes under the profiler: key→err median ${med(keyErr).toFixed(1)} ms, frame median ${med(frames).toFixed(1)} ms`);
  return path;
}

// The main thread's time per keystroke by trace event name (durations of nested events overlap: a
// "FunctionCall" contains the WebAssembly it runs; "UpdateLayoutTree" is style, "Layout", "PrePaint",
// "Paint" and "Layerize" the rest of the frame).
async function traceKeystrokes(browser, page, path) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  const KEYS = 20;
  for (let i = 0; i < KEYS; i++) {
    for (const [key, wantError] of [['x', true], ['Backspace', false]]) {
      await page.evaluate(([p, e]) => window.__bench.arm(p, e), [path, wantError]);
      await page.keyboard.press(key);
      await page.evaluate(() => window.__bench.pending);
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const sum = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    sum.set(e.name, (sum.get(e.name) || 0) + e.dur);
  }
  console.log(`\nmain thread by trace event, ms per keystroke (${KEYS} x + ${KEYS} Backspace, not profiled)`);
  for (const [k, v] of [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${(v / 1000 / (2 * KEYS)).toFixed(2).padStart(8)}  ${k}`);
  }
}

await namedPackage();
const fx = await benchWorkload(N, WORKLOAD);
const template = await benchTemplate(WORKLOAD);
const server = await startServer({ today: '2026-01-15', www: WWW });
const browser = await launchBrowser();
let keyPath = null;
try {
  const context = await newContext(browser, { baseURL: server.url });
  const page = await context.newPage();
  await page.addInitScript(([d, t]) => { window.__benchData = d; window.__benchTemplate = t; window.__benchToday = '2026-01-15'; }, [fx, template]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (MODE === 'load') await cdp.send('Profiler.start');
  await page.goto(`/bench/index.html${PAGE_SIZE ? `?pageSize=${PAGE_SIZE}` : ''}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.__bench.ready);
  if (MODE === 'validate') {
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    // 15 batches of 20 calls, each batch in one task: the fastest batch is the least disturbed
    // by the rest of this 2-core machine, the median shows the spread.
    const batches = [];
    for (let b = 0; b < 15; b++) {
      batches.push(await page.evaluate(() => {
        const t0 = performance.now();
        for (let i = 0; i < 20; i++) window.__bench.handle.validate();
        return (performance.now() - t0) / 20;
      }));
    }
    batches.sort((a, b) => a - b);
    console.log(`N=${N}: validate() per call, batches of 20 (under the profiler): fastest ${batches[0].toFixed(2)} ms, median ${batches[7].toFixed(2)} ms`);
  } else if (MODE === 'keystroke') {
    keyPath = await keystrokes(page, cdp, fx);
  } else {
    const phases = await page.evaluate(() => [window.__bench.moduleReady, window.__bench.mountMs]);
    console.log(`N=${N}: module ready ${phases[0].toFixed(0)} ms, mount() ${phases[1].toFixed(0)} ms, ready ${ready.toFixed(0)} ms (under the profiler)`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  summarise(profile);
  if (keyPath) await traceKeystrokes(browser, page, keyPath);
} finally {
  await browser.close();
  await server.stop();
}
