// Shared helpers for the end-to-end tests: the reference server, the system Chromium driven by
// playwright-core, per-page problem collection (console errors, page errors, CSP violations), axe-core,
// screenshots, and keyboard-only input helpers for the widget's contract (data-path, data-action, …).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(E2E_DIR, '..', '..');
export const ARTIFACTS = resolve(E2E_DIR, 'artifacts');
// The pictures of the README and docs/, kept current by the suite (keepScreenshot).
export const SCREENSHOTS = resolve(ROOT, 'docs', 'screenshots');
export const FIXTURES = resolve(ROOT, 'tests', 'fixtures');

/** "Today" of each valid fixture: the widget's `today` attribute and the server's --today must agree. */
export const TODAY = { geren: '2026-01-15', shuzhi: '2026-01-20', tanhua: '2025-12-20' };
export const KINDS = ['geren', 'shuzhi', 'tanhua'];

export async function fixture(kind) {
  return JSON.parse(await readFile(join(FIXTURES, `${kind}_valid.json`), 'utf8'));
}

/**
 * A benchmark record (bench.mjs, bench-kernel.mjs, profile.mjs): the valid record of the workload with its
 * real-estate table (C11) grown to `n` rows, copies of the fixture's rows in turn. `geren`: the built-in
 * 个人有关事项 template's fixture; `peers`: PEERS.md's workload (tests/fixtures/peers_valid.json).
 */
export async function benchWorkload(n, workload = 'geren') {
  const fx = workload === 'peers' ? JSON.parse(await readFile(join(FIXTURES, 'peers_valid.json'), 'utf8')) : await fixture('geren');
  const base = fx.C11.rows;
  fx.C11.rows = Array.from({ length: n }, (_, i) => structuredClone(base[i % base.length]));
  return fx;
}

/**
 * The template of a benchmark workload: `geren` is the built-in 个人有关事项 template (its real-estate table
 * has 13 columns), `peers` the host template that is PEERS.md's workload exactly (5 columns, as
 * react-jsonschema-form is measured on it), passed to mount() as an object. null: the built-in one.
 */
export async function benchTemplate(workload) {
  return workload === 'peers' ? JSON.parse(await readFile(join(FIXTURES, 'peers_template.json'), 'utf8')) : null;
}

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Runs the binary once (`token add`, `key new`) and resolves with its stdout. */
function runOnce(exe, args) {
  return new Promise((ok, fail) => {
    const child = spawn(exe, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { out += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { err += c; });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`${exe} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** `token add`: the token is the last line it prints. */
async function addToken(exe, file, role) {
  const out = await runOnce(exe, ['token', 'add', '--tokens', file, '--role', role, '--name', `e2e-${role}`]);
  return out.trim().split('\n').at(-1).trim();
}

/**
 * Starts the reference server binary ($AC_BIN, default target/server/accountability-checklist) on
 * 127.0.0.1 with a free port and a temporary database; resolves once it prints `listening on`.
 * `www` is the directory it serves (default www/). Like `make demo`, it runs with a token file (a
 * reviewer and an auditor token, returned) and a data key (records encrypted at rest).
 * Returns { url, stop, output(), reviewerToken, auditorToken, dbPath }.
 */
export async function startServer({ today = TODAY.geren, bin = process.env.AC_BIN, www = join(ROOT, 'www') } = {}) {
  const exe = resolve(ROOT, bin || join(process.env.CARGO_TARGET_DIR || 'target', 'release', 'accountability-checklist'));
  const dir = await mkdtemp(join(tmpdir(), 'ac-e2e-db-'));
  const port = await freePort();
  const tokens = join(dir, 'tokens.json');
  const reviewerToken = await addToken(exe, tokens, 'reviewer');
  const auditorToken = await addToken(exe, tokens, 'auditor');
  await runOnce(exe, ['key', 'new', '--out', join(dir, 'data.key')]);
  const dbPath = join(dir, 'e2e.sqlite3');
  const args = ['serve', '--addr', `127.0.0.1:${port}`, '--db', dbPath, '--www', www, '--today', today,
    '--tokens', tokens, '--data-key-file', join(dir, 'data.key')];
  const child = spawn(exe, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let exited = null;
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not print "listening on" within 30 s:\n${log}`)), 30_000);
    const onData = (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/\S+?)\/?(\s|$)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', (e) => { clearTimeout(timer); fail(new Error(`cannot start ${exe}: ${e.message}`)); });
    child.on('exit', (code, sig) => {
      exited = code ?? sig;
      clearTimeout(timer);
      fail(new Error(`server exited (${exited}) before listening: ${exe} ${args.join(' ')}\n${log}`));
    });
  });
  return {
    url,
    today,
    reviewerToken,
    auditorToken,
    dbPath,
    output: () => log,
    async stop() {
      if (exited === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The server started by run.mjs ($AC_BASE_URL, its tokens in $AC_REVIEWER_TOKEN / $AC_AUDITOR_TOKEN), or a fresh one when a test file is run on its own. */
export async function sharedServer() {
  if (process.env.AC_BASE_URL) {
    return {
      url: process.env.AC_BASE_URL.replace(/\/$/, ''),
      reviewerToken: process.env.AC_REVIEWER_TOKEN,
      auditorToken: process.env.AC_AUDITOR_TOKEN,
      stop: async () => {},
      output: () => '',
    };
  }
  return startServer({ today: process.env.AC_TODAY || TODAY.geren });
}

/** Request headers that read records as the server's reviewer. */
export function asReviewer(server) {
  return { accept: 'application/json', authorization: `Bearer ${server.reviewerToken}` };
}

/** Types the reviewer token into index.html's records section (keyboard only) and submits it. */
export async function enterReviewerToken(page, token) {
  await page.locator('#records-token').focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
}

/**
 * The shared server and one browser for a test file: registers the before/after hooks and returns
 * `{ url, browser, server, context(options) }` (name it `harness`: test files use `env` for envelopes) (`context` opens a fresh browser context on the server).
 */
export function useServerAndBrowser() {
  const env = {
    server: null,
    browser: null,
    get url() { return env.server.url; },
    context: (options = {}) => newContext(env.browser, { baseURL: env.server.url, ...options }),
  };
  before(async () => {
    env.server = await sharedServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Headless system Chromium; playwright-core gives every launch a fresh temporary user-data dir. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.AC_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh browser context (own storage). `bypassCSP` is for axe tests only, never for CSP tests. */
export async function newContext(browser, { baseURL, bypassCSP = false, ...rest } = {}) {
  return browser.newContext({ baseURL, bypassCSP, locale: 'en-US', acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...rest });
}

const WIDGET_EVENTS = ['checklist-ready', 'checklist-change', 'checklist-submit', 'checklist-submitted', 'checklist-invalid', 'checklist-error', 'checklist-draft'];

/**
 * Opens a page that records its problems in `page.problems` (console errors, uncaught page errors,
 * `securitypolicyviolation` events, failed requests) and the widget's events in the page as
 * `window.__acEvents` (read with `events(page)`).
 */
export async function openPage(context, path) {
  const page = await context.newPage();
  const problems = [];
  page.problems = problems;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location()?.url ?? ''})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(why)) problems.push(`request failed: ${r.method()} ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.exposeFunction('__acReportViolation', (v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript((names) => {
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__acReportViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber} ${e.sample || ''}`);
    }, true);
    window.__acEvents = [];
    for (const name of names) {
      document.addEventListener(name, (e) => {
        let detail;
        try { detail = JSON.parse(JSON.stringify(e.detail ?? null)); } catch { detail = String(e.detail); }
        window.__acEvents.push({ type: name, detail, target: e.target?.localName ?? null });
      });
    }
  }, WIDGET_EVENTS);
  if (path) await page.goto(path);
  return page;
}

/** Fails with the list of problems recorded on the page (console errors, CSP violations, …). */
export function assertNoProblems(page, what = 'page') {
  assert.deepEqual(page.problems, [], `${what}: ${page.problems.length} problem(s):\n  ${page.problems.join('\n  ')}`);
}

export async function events(page, type) {
  const all = await page.evaluate(() => window.__acEvents ?? []);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Polls `fn` (async, in node) until it returns a truthy value; fails with `message` after `timeout` ms. */
export async function until(fn, message, timeout = 10_000, every = 100) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${typeof message === 'function' ? await message() : message}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Waits until <accountability-checklist> (the first, or `selector`) has its handle and rendered inputs. */
export async function waitForWidget(page, selector = 'accountability-checklist', timeout = 20_000) {
  await until(
    () => page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return !!(el && el.handle && el.shadowRoot && el.shadowRoot.querySelector('[data-path]'));
    }, selector),
    async () => `widget ${selector} did not render (problems: ${page.problems?.join('; ') || 'none'})`,
    timeout,
  );
}

/** Calls a method of the widget's JS handle, e.g. handle(page, 'getData'). Arguments must be JSON. */
export async function handle(page, method, ...args) {
  return page.evaluate(([m, a]) => {
    const el = document.querySelector('accountability-checklist');
    return el.handle[m](...a);
  }, [method, args]);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the whole document, open shadow roots included, and fails
 * with a readable list of violations. The source is evaluated through the DevTools protocol, which the
 * page's CSP does not govern, so the page keeps its strict CSP.
 */
export async function axeCheck(page, what = 'page') {
  axeSource ??= await readFile(join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // axe itself trips the page's style-src while it runs: what it causes is not the page's problem.
  const problemsBefore = page.problems?.length;
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary || '').replace(/\s+/g, ' ')}`),
    }));
  }, AXE_TAGS);
  if (problemsBefore !== undefined) page.problems.splice(problemsBefore);
  const text = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 8).map((n) => `    ${n}`).join('\n')}${v.nodes.length > 8 ? `\n    … ${v.nodes.length - 8} more` : ''}`)
    .join('\n  ');
  assert.equal(violations.length, 0, `${what}: axe found ${violations.length} violation(s):\n  ${text}`);
}

/**
 * The decoded content of a PNG: its header (size, depth, colour type) and its inflated image data, so that
 * two files with the same pixels compare equal whatever their compression or ancillary chunks.
 */
export function pngPixels(buf) {
  const parts = [];
  let header = null;
  for (let at = 8; at + 8 <= buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') header = Buffer.from(data);
    if (type === 'IDAT') parts.push(data);
    at += 12 + len;
  }
  if (!header) return null;
  return Buffer.concat([header, inflateSync(Buffer.concat(parts))]);
}

/**
 * Writes a screenshot (PNG bytes) to `file` only when its pixels differ from the file's: a run that
 * changes nothing on screen leaves the tree clean. Returns whether it wrote.
 */
export async function keepScreenshot(png, file) {
  const old = await readFile(file).catch(() => null);
  if (old && (old.equals(png) || pngPixels(old)?.equals(pngPixels(png)))) return false;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, png);
  return true;
}

/** Full-page PNG screenshot; a relative path lands in tests/e2e/artifacts/. */
export async function screenshot(page, path) {
  const file = resolve(ARTIFACTS, path);
  await mkdir(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Keyboard-only input. Elements are found by their JSON pointer (`data-path`); Playwright's CSS engine
// pierces open shadow roots. Focus is moved with locator.focus() (as a Tab would), values are entered
// with keys only: no mouse, no fill(), no selectOption().

/** The form control(s) for a JSON pointer (only inputs, selects and text areas carry data-path). */
export const byPath = (page, path) => page.locator(['input', 'select', 'textarea'].map((t) => `${t}[data-path="${path}"]`).join(', '));

/** Types `text` into the control at `path` with the keyboard (replacing its value) and leaves it with Tab. */
export async function typeAndLeave(page, path, text) {
  const input = byPath(page, path).first();
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Tab');
  return input;
}

async function describeAll(loc) {
  return loc.evaluateAll((els) => els.map((el) => ({
    tag: el.localName,
    type: (el.getAttribute('type') || '').toLowerCase(),
    role: el.getAttribute('role'),
    value: el.value,
    checked: !!el.checked,
    multiple: !!el.multiple,
    options: el.localName === 'select' ? [...el.options].map((o) => ({ value: o.value, text: o.text.trim() })) : null,
    selectedIndex: el.localName === 'select' ? el.selectedIndex : null,
    readOnly: !!el.readOnly || !!el.disabled,
  })));
}

/** Presses Enter on a focused button (or other control). */
export async function press(page, selector, key = 'Enter') {
  const loc = page.locator(selector).first();
  await loc.waitFor({ state: 'visible', timeout: 5_000 });
  await loc.focus();
  await page.keyboard.press(key);
}

/** Sets the control(s) at `path` to `value` with the keyboard, whatever their kind. */
export async function kbSet(page, path, value) {
  const loc = byPath(page, path);
  await until(async () => (await loc.count()) > 0, `no element [data-path="${path}"]`, 5_000);
  const els = await describeAll(loc);
  const first = els[0];
  const fail = (why) => { throw new Error(`kbSet ${path} = ${JSON.stringify(value)}: ${why} (elements: ${JSON.stringify(els.map(({ options, ...e }) => e))})`); };
  if (first.readOnly) fail('control is read-only or disabled');

  if (first.type === 'radio') {
    const wanted = els.findIndex((e) => e.value === String(value) || (typeof value === 'boolean' && ['是', '否', 'yes', 'no'].includes(e.value) && (e.value === '是' || e.value === 'yes') === value));
    if (wanted < 0) fail('no radio with that value');
    if (!els[wanted].checked) {
      await loc.nth(wanted).focus();
      await page.keyboard.press('Space');
    }
    assert.ok(await loc.nth(wanted).isChecked(), `${path}: radio ${value} not checked after Space`);
    return;
  }
  if (first.type === 'checkbox') {
    if (els.length === 1) {
      const want = !!value;
      const cb = loc.first();
      await cb.focus();
      if (first.checked !== want) await page.keyboard.press('Space');
      else { await page.keyboard.press('Space'); await page.keyboard.press('Space'); } // record an explicit answer
      assert.equal(await cb.isChecked(), want, `${path}: checkbox not ${want}`);
      return;
    }
    const want = new Set((Array.isArray(value) ? value : [value]).map(String));
    for (let i = 0; i < els.length; i++) {
      if (els[i].checked !== want.has(els[i].value)) {
        await loc.nth(i).focus();
        await page.keyboard.press('Space');
      }
    }
    return;
  }
  if (first.tag === 'select') {
    if (first.multiple) fail('multiple <select> is not supported by this helper');
    let target = first.options.findIndex((o) => o.value === String(value));
    if (target < 0) target = first.options.findIndex((o) => o.text === String(value) || o.text.includes(String(value)));
    if (target < 0) fail(`no option ${value}; options: ${first.options.map((o) => o.value).join(', ')}`);
    await loc.first().focus();
    const from = first.selectedIndex < 0 ? 0 : first.selectedIndex;
    if (first.selectedIndex < 0) await page.keyboard.press('Home');
    const key = target >= from ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - from); i++) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    const now = await loc.first().evaluate((el) => el.value);
    assert.equal(now, first.options[target].value, `${path}: select did not move to ${value} with arrow keys`);
    return;
  }
  // text-like inputs and textareas
  const input = loc.first();
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (first.type === 'date') {
    // Chromium's date field in an en-US context: month, day, year segments, typed as digits.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (!m) fail('not a YYYY-MM-DD date');
    await page.keyboard.type(`${m[2]}${m[3]}${m[1]}`);
  } else {
    await page.keyboard.type(String(value));
  }
  await page.keyboard.press('Tab');
  if (first.role === 'combobox') {
    // A country field, typed here by its code: it stores the code and shows the name.
    assert.deepEqual(get(await handle(page, 'getData'), path), value, `${path}: typed country not stored`);
    return;
  }
  const now = await input.evaluate((el) => el.value);
  assert.equal(now, String(value), `${path}: typed value did not stick`);
}

/** Presses add-row for `table` (e.g. "/C07/rows") with Enter and returns the new row's index. */
export async function kbAddRow(page, table) {
  const before = await handle(page, 'getData');
  const rowsOf = (d) => table.split('/').slice(1).reduce((o, k) => (o == null ? o : o[k]), d) ?? [];
  const n = rowsOf(before).length;
  await press(page, `button[data-action="add-row"][data-table="${table}"]`);
  await until(async () => (await page.locator(`[data-path^="${table}/${n}/"]`).count()) > 0,
    `no inputs for ${table}/${n} after add-row`, 5_000);
  return n;
}

/** Deep copy of `obj` without the JSON pointers listed (e.g. "/header/name", "/C07"). */
export function without(obj, ...pointers) {
  const copy = structuredClone(obj);
  for (const p of pointers) {
    const keys = p.split('/').slice(1);
    const last = keys.pop();
    const parent = keys.reduce((o, k) => o?.[k], copy);
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (parent) delete parent[last];
  }
  return copy;
}

export function get(obj, pointer) {
  return pointer.split('/').slice(1).reduce((o, k) => (o == null ? o : o[k]), obj);
}
