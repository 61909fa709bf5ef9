// A small DevTools-protocol client for browser kernels too old for playwright-core (compat.test.mjs).
// It starts a headless Chromium with --remote-debugging-port=0, attaches to its first page over a
// WebSocket (Node 20: run with --experimental-websocket; run.mjs does), and offers what the tests need:
// navigate, evaluate (awaiting promises), typing through Input.insertText, file inputs, downloads, and
// a record of uncaught exceptions and console errors. Only methods that exist unchanged from Chromium 78
// to today are used.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './lib.mjs';

/**
 * Starts `executable` headless and attaches to its page. `libDir` goes to LD_LIBRARY_PATH (the old
 * builds bring their own NSS). Returns a Page-like object; call close() when done.
 */
export async function launchKernel(executable, { libDir, args = [] } = {}) {
  if (typeof WebSocket === 'undefined') throw new Error('WebSocket is missing: run node with --experimental-websocket');
  const profile = await mkdtemp(join(tmpdir(), 'ac-kernel-'));
  const env = { ...process.env };
  if (libDir) env.LD_LIBRARY_PATH = [libDir, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  const child = spawn(executable, [
    '--headless', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    '--window-size=1280,900', ...args, 'about:blank',
  ], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  const browserUrl = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${executable} printed no DevTools address in 30 s:\n${log.slice(-2000)}`)), 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      log += chunk;
      const m = /DevTools listening on (ws:\/\/[^\s]+)/.exec(log);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`${executable} exited (${code}):\n${log.slice(-2000)}`)); });
  });
  const http = browserUrl.replace(/^ws:/, 'http:').replace(/\/devtools\/.*$/, '');
  let target;
  for (let i = 0; i < 50 && !target; i++) {
    const list = await (await fetch(`${http}/json/list`)).json();
    target = list.find((t) => t.type === 'page');
    if (!target) await new Promise((r) => setTimeout(r, 100));
  }
  if (!target) throw new Error('no page target');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = () => fail(new Error('cannot open the DevTools WebSocket')); });

  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  const problems = [];
  ws.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.fail(new Error(`${p.method}: ${msg.error.message}`));
      else p.ok(msg.result);
      return;
    }
    for (const cb of listeners.get(msg.method) || []) cb(msg.params);
  };
  const send = (method, params = {}) => new Promise((ok, fail) => {
    const id = nextId++;
    pending.set(id, { ok, fail, method });
    ws.send(JSON.stringify({ id, method, params }));
  });
  const on = (method, cb) => {
    if (!listeners.has(method)) listeners.set(method, []);
    listeners.get(method).push(cb);
  };

  on('Runtime.exceptionThrown', (p) => {
    const d = p.exceptionDetails;
    problems.push(`exception: ${(d.exception && d.exception.description) || d.text}`);
  });
  on('Runtime.consoleAPICalled', (p) => {
    if (p.type === 'error') problems.push(`console.error: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  on('Log.entryAdded', (p) => {
    if (p.entry.level === 'error') problems.push(`log: ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ''}`);
  });
  // As Playwright does: a beforeunload question (unsent changes) is answered "leave", so that navigating on
  // works; anything else is a problem.
  on('Page.javascriptDialogOpening', (p) => {
    if (p.type !== 'beforeunload') problems.push(`dialog: ${p.type} ${p.message}`);
    send('Page.handleJavaScriptDialog', { accept: true }).catch(() => {});
  });
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  const version = await fetch(`${http}/json/version`).then((r) => r.json());

  const page = {
    /** e.g. "HeadlessChrome/85.0.4182.0" */
    product: version.Browser,
    major: Number(/\/(\d+)\./.exec(version.Browser)[1]),
    userAgent: version['User-Agent'],
    problems,
    send,
    on,
    /** Navigates and waits for the load event. */
    async goto(url) {
      const loaded = new Promise((ok) => {
        const cb = () => { ok(); };
        on('Page.loadEventFired', cb);
      });
      const r = await send('Page.navigate', { url });
      if (r.errorText) throw new Error(`navigate ${url}: ${r.errorText}`);
      await Promise.race([loaded, new Promise((_, fail) => setTimeout(() => fail(new Error(`no load event for ${url}`)), 30_000))]);
    },
    async reload() {
      const loaded = new Promise((ok) => on('Page.loadEventFired', () => ok()));
      await send('Page.reload', {});
      await loaded;
    },
    /**
     * Evaluates `fn` (a function, serialised with its source) in the page with JSON arguments, awaiting a
     * returned promise; resolves with its JSON value. Page exceptions reject.
     */
    async evaluate(fn, ...args) {
      const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
      const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) {
        const d = r.exceptionDetails;
        throw new Error(`in page: ${(d.exception && d.exception.description) || d.text}`);
      }
      return r.result.value;
    },
    /** The remote object id of what `fn` returns (for DOM.setFileInputFiles). */
    async handleOf(fn) {
      const r = await send('Runtime.evaluate', { expression: `(${fn.toString()})()` });
      if (r.exceptionDetails || !r.result.objectId) throw new Error('no such element');
      return r.result.objectId;
    },
    /** Types `text` into the focused element as an input method would (one input event). */
    async insertText(text) {
      await send('Input.insertText', { text });
    },
    /** A real key press (keyDown + keyUp) of a named key such as "Tab" or "Enter". */
    async press(key) {
      const codes = { Tab: 9, Enter: 13 };
      await send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: codes[key] });
      if (key === 'Enter') await send('Input.dispatchKeyEvent', { type: 'char', key, text: '\r' });
      await send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: codes[key] });
    },
    /** Polls `fn` in the page until it returns a truthy value. */
    async until(fn, what, timeout = 20_000, ...args) {
      const end = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          const v = await page.evaluate(fn, ...args);
          if (v) return v;
        } catch (e) { last = e; }
        if (Date.now() > end) throw new Error(`timed out: ${what}${last ? ` (${last.message})` : ''}; problems: ${problems.join(' | ') || 'none'}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      try { ws.close(); } catch { /* already closed */ }
      // The browser's own children (renderer, GPU, zygote) write to the profile after the main process has
      // gone: end the whole process group (it was started detached, as its leader), and retry the removal.
      const group = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
      const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      group('SIGTERM');
      const t = setTimeout(() => group('SIGKILL'), 5_000);
      await gone;
      clearTimeout(t);
      group('SIGKILL');
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  return page;
}

