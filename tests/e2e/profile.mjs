// Where the browser spends its time (a profiling aid, not a test): Chromium's sampling CPU profiler
// on the benchmark page of tests/e2e/bench.mjs, with a WebAssembly build that keeps function names.
//
//   make profile-browser                      (builds, then runs: PROFILE=load and validate, N=1000)
//   node tests/e2e/profile.mjs <load|validate> [N]
//
// load:     from navigation until the widget is ready (module, mount(), first render);
// validate: 15 batches of 20 calls of handle.validate() on the valid record.
// Prints the functions with the most self time and, for load, the most inclusive time. The named
// package is built into target/profile-www/ (a copy of www/), never into www/pkg/.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchWorkload, launchBrowser, newContext, ROOT, startServer } from './lib.mjs';

const MODE = process.argv[2] || 'load';
const N = Number(process.argv[3] || 1000);
if (!['load', 'validate'].includes(MODE)) throw new Error(`mode must be load or validate, got ${MODE}`);

const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
const WWW = join(target, 'profile-www');
const WASM = join(target, 'wasm32-unknown-unknown', 'release', 'accountability_checklist.wasm');
// The same two wasm-opt runs as `make pkg` (Makefile, WASM_LOWERING): lower to WebAssembly 1.0, then optimise.
const LOWER = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--llvm-memory-copy-fill-lowering', '--llvm-nontrapping-fptoint-lowering', '--signext-lowering', '--strip-target-features'];

async function namedPackage() {
  await rm(WWW, { recursive: true, force: true });
  await mkdir(WWW, { recursive: true });
  await cp(join(ROOT, 'www'), WWW, { recursive: true });
  const pkg = join(WWW, 'pkg');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', pkg, WASM], { stdio: 'inherit' });
  const bg = join(pkg, 'accountability_checklist_bg.wasm');
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
  if (MODE === 'load') show('inclusive time', incl);
}

await namedPackage();
const fx = await benchWorkload(N);
const server = await startServer({ today: '2026-01-15', www: WWW });
const browser = await launchBrowser();
try {
  const context = await newContext(browser, { baseURL: server.url });
  const page = await context.newPage();
  await page.addInitScript((d) => { window.__benchData = d; window.__benchToday = '2026-01-15'; }, fx);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (MODE === 'load') await cdp.send('Profiler.start');
  await page.goto('/bench/index.html');
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
  } else {
    const phases = await page.evaluate(() => [window.__bench.moduleReady, window.__bench.mountMs]);
    console.log(`N=${N}: module ready ${phases[0].toFixed(0)} ms, mount() ${phases[1].toFixed(0)} ms, ready ${ready.toFixed(0)} ms (under the profiler)`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  summarise(profile);
} finally {
  await browser.close();
  await server.stop();
}
