// accountability-checklist loader: one ES module for host pages without a build chain.
//
//   <script type="module" src="/checklist.js"></script>
//   <accountability-checklist template="geren" endpoint="/api/checklists">
//     本清单需要 Chromium 78 及以上内核的浏览器（双核浏览器请切换到“极速模式”）。
//   </accountability-checklist>
//
// or, from a module script:
//
//   import { mount } from "/checklist.js";
//   const handle = mount(document.querySelector("#here"), { template: "geren" });
//   await handle.whenReady();
//
// The widget renders into an open shadow root, so the portal's CSS cannot reach it and its own
// CSS cannot leak out. Nothing here writes personal data to the console.
//
// This file must parse and run on the oldest browser kernel the project supports (Chromium 78,
// docs/browsers.md): no top-level await, no class fields or private methods, no `?.` / `??`, no
// DOM API newer than that kernel. `tests/e2e/compat.test.mjs` loads it in real old kernels. The
// element is defined at once; the WebAssembly loads behind one shared promise, and whatever stops
// it (no WebAssembly, a kernel that cannot compile it, a CSP that forbids it, a failed or tampered
// download) is shown as a readable message inside the element, never as a blank box.

// Written by `make pkg`: the module is fetched with its Subresource Integrity, so a portal that pins this
// loader and the two pkg/ scripts (README, Security) pins the WebAssembly too.
// (A namespace import: an integrity.js of an older build, without TEMPLATE_INTEGRITY, still links.)
import * as INTEGRITY from "./pkg/integrity.js";

const { CSS_INTEGRITY, WASM_INTEGRITY } = INTEGRITY;
const TEMPLATE_INTEGRITY = INTEGRITY.TEMPLATE_INTEGRITY || {};

const WASM_URL = new URL("./pkg/accountability_checklist_bg.wasm", import.meta.url).href;
const GLUE_URL = new URL("./pkg/accountability_checklist.js", import.meta.url).href;
const STYLESHEET = new URL("./checklist.css", import.meta.url).href;
const PRINT_STYLESHEET = new URL("./checklist-print.css", import.meta.url).href;
/** The built-in templates. The module carries none: each is fetched when a widget first needs it. */
const BUILTIN_TEMPLATES = ["geren", "shuzhi", "tanhua"];

/** What the user reads when the widget cannot start, per reason (zh-CN, en). */
const MESSAGES = {
  "zh-CN": {
    loading: "正在加载清单……",
    nowasm: "当前浏览器不支持 WebAssembly，无法使用本清单。请使用 Chromium 78 及以上内核的浏览器；双核浏览器（如 360 安全浏览器）请在地址栏右侧切换到“极速模式”。如仍无法使用，请联系本单位信息化部门。",
    compile: "当前浏览器内核版本过低，无法运行本清单（需要 Chromium 78 及以上内核）。请升级浏览器，或在双核浏览器中切换到“极速模式”。",
    csp: "本页面的内容安全策略（CSP）禁止运行 WebAssembly，清单无法启动。请门户管理员在 script-src 中加入 'wasm-unsafe-eval'（Chromium 97 以下内核须使用 'unsafe-eval'）。",
    download: "清单组件下载失败，或下载的文件未通过完整性校验。已填写的内容不受影响。请检查网络后点击“重试”。",
    retry: "重试",
    lang: "zh-CN",
    crash: "清单组件出现内部错误，已停止工作。已填写的内容仍在页面上，可以查看和复制；请先复制需要保留的内容，再刷新页面，浏览器中保存的草稿（如有）会在刷新后恢复。如问题重复出现，请联系本单位信息化部门。",
  },
  en: {
    loading: "Loading the checklist…",
    nowasm: "This browser does not support WebAssembly, so the checklist cannot run. Please use a browser with a Chromium 78 or newer kernel; in a dual-core browser (such as 360 Secure Browser) switch to its fast (Chromium) mode.",
    compile: "This browser's kernel is too old to run the checklist (Chromium 78 or newer is needed). Please update the browser, or switch a dual-core browser to its fast (Chromium) mode.",
    csp: "This page's Content Security Policy forbids WebAssembly, so the checklist cannot start. The portal must allow 'wasm-unsafe-eval' in script-src ('unsafe-eval' on kernels before Chromium 97).",
    download: "The checklist could not be downloaded, or the download failed its integrity check. Nothing you typed is affected. Check the network and press Retry.",
    retry: "Retry",
    lang: "en",
    crash: "The checklist stopped after an internal error. What you typed is still on the page to read and copy: copy what you need, then reload the page; a draft saved in the browser (if any) is restored. If it happens again, contact your unit's IT department.",
  },
};

function text(locale, key) {
  const table = typeof locale === "string" && locale.slice(0, 2) === "en" ? MESSAGES.en : MESSAGES["zh-CN"];
  return table[key];
}

/** An Error that says why the widget could not start: `kind` "unsupported" or "load", and a `reason`. */
function startError(kind, reason, detail) {
  const e = new Error(`accountability-checklist: ${kind} (${reason})${detail ? `: ${detail}` : ""}`);
  e.kind = kind;
  e.reason = reason;
  return e;
}

function messageOf(e) {
  return e && typeof e.message === "string" ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly module: loaded once, shared by every widget on the page.

let glue = null; // wasm-bindgen's module, once initialised
let memoryOfWasm = null; // the instance's memory (its export names are minified: found by type)
let loading = null;

// A trap in the module (a Rust panic, which is a bug: none is known) leaves it unusable for every widget on the
// page. A trap is a WebAssembly.RuntimeError: thrown into a handle method's caller (the handle's wrapper sees it),
// or out of the glue's closures that the browser calls (event listeners, promise callbacks, timers), which report
// it to crash() (tests/e2e/glue-traps.mjs adds that to the glue). Each mounted widget then says so (role="alert"),
// keeps what the user typed on screen, and dispatches checklist-error {kind: "crash"}; its handle refuses calls.
// A trap of another module on the portal's page does not pass through our glue.
let crashed = false;
const crashWatchers = [];

function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError;
}

/** Calls `f`, which enters the module: a trap there stops every widget (crash()) and is rethrown. */
function intoModule(f) {
  try {
    return f();
  } catch (e) {
    if (isTrap(e)) crash();
    throw e;
  }
}

function crash() {
  if (crashed) return;
  crashed = true;
  crashWatchers.slice().forEach((w) => {
    try {
      w();
    } catch {
      // One widget's message must not keep the others from showing theirs, nor hide the trap.
    }
  });
}

function crashedError() {
  return new Error("accountability-checklist: the widget stopped on an internal error; reload the page");
}

async function loadModule() {
  if (typeof WebAssembly !== "object" || WebAssembly === null || typeof WebAssembly.instantiate !== "function") {
    throw startError("unsupported", "nowasm");
  }
  // A CSP that forbids compilation reports a violation of script-src for "wasm-eval" (or "eval").
  let refusedByPolicy = false;
  const onViolation = (e) => {
    if (/eval/.test(String(e.blockedURI)) || /wasm/.test(String(e.sample))) refusedByPolicy = true;
  };
  document.addEventListener("securitypolicyviolation", onViolation);
  try {
    // The WebAssembly download starts alongside wasm-bindgen's glue module, not after it (README, Performance).
    const response = fetch(WASM_URL, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}).then(
      (r) => {
        if (!r.ok) throw startError("load", "download", `HTTP ${r.status}`);
        return r;
      },
      (e) => {
        throw startError("load", "download", messageOf(e));
      },
    );
    const script = import(GLUE_URL).catch((e) => {
      throw startError("load", "download", messageOf(e));
    });
    const both = await Promise.all([response, script]);
    let instance;
    try {
      instance = await both[1].default({ module_or_path: both[0] });
    } catch (e) {
      const detail = messageOf(e);
      if (refusedByPolicy || /unsafe-eval|wasm-eval|Content Security Policy|disallowed by embedder/i.test(detail)) {
        throw startError("unsupported", "csp", detail);
      }
      if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) throw startError("unsupported", "compile", detail);
      // A body cut off mid-stream rejects with a TypeError: the download failed, not the kernel.
      throw startError("load", e instanceof TypeError ? "download" : "init", detail);
    }
    glue = both[1];
    if (typeof glue.__wbg_set_trap_handler === "function") glue.__wbg_set_trap_handler(crash);
    memoryOfWasm = Object.keys(instance).map((k) => instance[k]).filter((v) => v instanceof WebAssembly.Memory)[0] || null;
  } finally {
    document.removeEventListener("securitypolicyviolation", onViolation);
  }
}

/**
 * Resolves once the WebAssembly module is loaded and ready (shared by every widget on the page); rejects with
 * an Error whose `kind` is "unsupported" or "load" and whose `reason` is "nowasm", "compile", "csp",
 * "download" or "init". After a failure the next call tries again. Names of built-in templates
 * (`whenLoaded("geren")`) load those too.
 */
export function whenLoaded() {
  if (!loading) {
    loading = loadModule();
    loading.catch(() => {
      loading = null;
    });
  }
  // whenLoaded("geren", …): the named built-in templates too, so that mount() renders at once after it. A name
  // that is none of them (a typo would otherwise load nothing, silently) rejects with a TypeError naming the closest.
  const names = Array.prototype.slice.call(arguments);
  try {
    for (const n of names) {
      if (typeof n !== "string") fail("whenLoaded(...names)", "names of built-in templates as strings");
      if (BUILTIN_TEMPLATES.indexOf(n) < 0) throw new TypeError(unknownName("built-in template", n, BUILTIN_TEMPLATES));
    }
  } catch (e) {
    return Promise.reject(e);
  }
  return names.length ? Promise.all([loading].concat(names.map(loadTemplate))).then(() => undefined) : loading;
}

// Start at once, so the download overlaps the host page's own work; a failure here is shown by
// each widget when it mounts (and retried then).
whenLoaded().catch(() => {});

// ---------------------------------------------------------------------------------------------
// Built-in templates: pkg/templates/<name>.json, fetched with their integrity when a widget needs one (a
// 个人有关事项 page downloads that template alone), once per page. A failed download is forgotten, so
// that 重试 fetches it again.

const templateTexts = {}; // name -> JSON text, once fetched
const templateLoads = {}; // name -> promise of the text

function loadTemplate(name) {
  if (!templateLoads[name]) {
    const integrity = TEMPLATE_INTEGRITY[name];
    templateLoads[name] = fetch(new URL("./pkg/templates/" + name + ".json", import.meta.url).href, integrity ? { integrity } : {})
      .then(
        (r) => {
          if (!r.ok) throw startError("load", "download", `template ${name}: HTTP ${r.status}`);
          return r.text();
        },
        (e) => {
          throw startError("load", "download", `template ${name}: ${messageOf(e)}`);
        },
      )
      .then((t) => {
        templateTexts[name] = t;
        return t;
      });
    templateLoads[name].catch(() => {
      delete templateLoads[name];
    });
  }
  return templateLoads[name];
}

/** The built-in templates a widget with these options needs: the one it names, or all three for a reviewer. */
function templatesFor(options) {
  if (!isObject(options)) return [];
  if (options.mode === "review") return BUILTIN_TEMPLATES;
  return BUILTIN_TEMPLATES.indexOf(options.template) >= 0 ? [options.template] : [];
}

/** Bytes of WebAssembly memory the widget holds (for benchmarks and diagnostics); 0 before it has loaded. */
export function wasmMemoryBytes() {
  return memoryOfWasm ? memoryOfWasm.buffer.byteLength : 0;
}

// ---------------------------------------------------------------------------------------------
// Mounting

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// `@page` (A4, margins, page numbers) only applies from a document stylesheet, not from the
// shadow root: the print rules are linked into the page once, same origin as this module.
function linkPrintStylesheet() {
  if (document.querySelector("link[data-ac-print]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = PRINT_STYLESHEET;
  link.setAttribute("data-ac-print", "");
  document.head.appendChild(link);
}

function dispatch(element, type, detail) {
  element.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

// ---------------------------------------------------------------------------------------------
// Host input is checked here, before anything reaches WebAssembly memory: a wrong type is a TypeError
// that names the method and what it expected, and values cross as JSON text (JSON.stringify refuses
// cycles and BigInt; Rust parses at most 128 levels deep), so no host value can trap the module.

/** Strings and JSON text longer than this (16 Mi UTF-16 units) are a RangeError, not 48 MB of WebAssembly memory. */
const MAX_TEXT = 1 << 24;

function fail(what, expected) {
  throw new TypeError(`accountability-checklist: ${what} expected ${expected}`);
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

function limited(what, t) {
  if (t.length > MAX_TEXT) throw new RangeError(`accountability-checklist: ${what}: text longer than ${MAX_TEXT} characters`);
  return t;
}

/** The JSON text of a host value. */
function jsonOf(what, v) {
  let t;
  try {
    t = JSON.stringify(v);
  } catch (e) {
    fail(what, `JSON data (${messageOf(e)})`);
  }
  if (typeof t !== "string") fail(what, "JSON data");
  return limited(what, t);
}

/** The valid name nearest to `name` (edit distance at most 3, case ignored), or null. */
function closest(name, names) {
  let best = null;
  let bestDistance = 4;
  const a = String(name).toLowerCase();
  for (const n of names) {
    const b = n.toLowerCase();
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j];
        row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    if (row[b.length] < bestDistance) {
      bestDistance = row[b.length];
      best = n;
    }
  }
  return best;
}

function unknownName(kind, name, names) {
  const near = closest(name, names);
  return `accountability-checklist: unknown ${kind} "${name}"${near ? `; did you mean "${near}"?` : ""} (valid: ${names.join(", ")})`;
}

/** What each mount option takes (s string, o object, b boolean, n number); null and undefined mean unset. */
const OPTION_TYPES = {
  template: "so", data: "o", endpoint: "s", headers: "o", credentials: "s", locale: "s", today: "s", draftStorage: "s",
  draftKey: "s", readOnly: "b", timeoutMs: "n", pageSize: "n", config: "o", mode: "s", envelope: "s", draft: "so",
};
const TYPE_NAMES = { s: "a string", o: "an object", b: "a boolean", n: "a number" };

/** Checks mount()'s options and returns them as JSON text (or undefined for none). */
function optionsJson(options) {
  if (options === undefined || options === null) return undefined;
  if (!isObject(options)) fail("mount(element, options)", "options as an object");
  const names = Object.keys(OPTION_TYPES);
  for (const key of Object.keys(options)) {
    const types = OPTION_TYPES[key];
    if (!types) throw new TypeError(unknownName("option", key, names));
    const v = options[key];
    if (v === undefined || v === null) continue;
    const type = typeof v === "number" ? (Number.isFinite(v) ? "n" : "") : isObject(v) ? "o" : typeof v === "string" ? "s" : typeof v === "boolean" ? "b" : "";
    if (types.indexOf(type) < 0 || !type) fail(`mount() option ${key}`, types.split("").map((t) => TYPE_NAMES[t]).join(" or "));
    if (key === "headers") {
      for (const h of Object.keys(v)) if (typeof v[h] !== "string") fail(`mount() option headers.${h}`, "a string");
    }
  }
  return jsonOf("mount(element, options)", options);
}

/** Per handle method: its arguments checked and converted to what the WebAssembly side takes. */
const HANDLE_ARGS = {
  getData: () => [],
  validate: () => [],
  exportJson: () => [],
  setData(data) {
    if (!isObject(data)) fail("setData(data)", "the data as an object");
    return [jsonOf("setData(data)", data)];
  },
  setValue(path, value) {
    if (typeof path !== "string" || path[0] !== "/") fail("setValue(path, value)", "a JSON pointer such as \"/header/name\" as path");
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) fail("setValue(path, value)", "a JSON value as value (null clears)");
    return [limited("setValue(path, value)", path), jsonOf("setValue(path, value)", value)];
  },
  importJson(envelope) {
    if (typeof envelope === "string") return [limited("importJson(envelope)", envelope)];
    if (!isObject(envelope)) fail("importJson(envelope)", "the envelope as JSON text or an object");
    return [jsonOf("importJson(envelope)", envelope)];
  },
  setLocale(tag) {
    if (typeof tag !== "string") fail("setLocale(tag)", "\"zh-CN\" or \"en\"");
    return [limited("setLocale(tag)", tag)];
  },
};

/**
 * Mounts the checklist into `element` (its open shadow root is created if missing) and returns its
 * handle at once: getData(), setData(data), setValue(path, value), validate(), exportJson(),
 * importJson(text), setLocale(tag), destroy(), and whenReady(), a promise of the same handle once the
 * widget has rendered. Until then the other methods throw an Error that says so (README, Embedding the widget).
 *
 * Bad options: when the module (and the built-in template the options name) is already loaded
 * (`await whenLoaded("geren")`), mount() throws an Error with a
 * readable message; otherwise whenReady() rejects with it. Either way the message is shown in the element
 * and `checklist-error` ({kind: "options", message}) is dispatched. A widget that cannot start at all shows
 * why in the element and dispatches `checklist-error` with {kind: "unsupported" | "load", reason, message};
 * a failed download offers 重试 (Retry). `checklist-ready` is dispatched when the widget has rendered. If the
 * module traps later, the widget says so above its form and dispatches `checklist-error` {kind: "crash", message}.
 */
export function mount(element, options) {
  if (!element || typeof element.attachShadow !== "function") fail("mount(element, options)", "an element as element");
  let locale = isObject(options) ? options.locale : undefined;
  // After a trap the module cannot start a widget: the element is left as it is (a form there stays).
  if (crashed) throw crashedError();
  const templates = templatesFor(options);
  const haveTemplates = () => templates.every((n) => typeof templateTexts[n] === "string");
  linkPrintStylesheet();
  const shadow = element.shadowRoot || element.attachShadow({ mode: "open" });
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  if (CSS_INTEGRITY) link.integrity = CSS_INTEGRITY;
  // While the module loads, and when it cannot start: a status line, readable even unstyled.
  const status = document.createElement("div");
  status.className = "ac-boot";
  const root = document.createElement("div");
  root.className = "ac-host";
  // Shown once the stylesheet has loaded (or failed to), so that nobody sees it unstyled.
  root.hidden = true;
  const show = () => {
    root.hidden = false;
  };
  link.addEventListener("load", show, { once: true });
  link.addEventListener("error", show, { once: true });
  clear(shadow);
  shadow.appendChild(link);
  shadow.appendChild(status);
  shadow.appendChild(root);

  let inner = null;
  let destroyed = false;
  const forget = () => {
    const i = crashWatchers.indexOf(showCrash);
    if (i >= 0) crashWatchers.splice(i, 1);
  };
  let optionsText;
  let settle = null;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody has to await whenReady(): the failure is shown in the element and as checklist-error.
  ready.catch(() => {});

  function showLoading() {
    clear(status);
    const p = document.createElement("p");
    p.setAttribute("role", "status");
    p.textContent = text(locale, "loading");
    status.appendChild(p);
  }

  function showStartError(e) {
    clear(status);
    const box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "ac-boot-error";
    const p = document.createElement("p");
    p.textContent = text(locale, e.reason === "nowasm" || e.reason === "compile" || e.reason === "csp" ? e.reason : "download");
    box.appendChild(p);
    if (e.kind === "load") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "ac-btn";
      retry.setAttribute("data-action", "retry-load");
      retry.textContent = text(locale, "retry");
      retry.addEventListener("click", () => {
        showLoading();
        start();
      });
      box.appendChild(retry);
    }
    status.appendChild(box);
    dispatch(element, "checklist-error", { kind: e.kind, reason: e.reason, message: p.textContent });
  }

  // The module trapped (see crash()): say so above the form, which stays as it was so that nothing typed is lost.
  function showCrash() {
    clear(status);
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "ac-boot-error";
    p.textContent = text(locale, "crash");
    p.lang = text(locale, "lang");
    status.appendChild(p);
    // Above a long form it may be out of view: bring it in, without taking focus from where the user is.
    if (typeof p.scrollIntoView === "function") p.scrollIntoView({ block: "nearest" });
    dispatch(element, "checklist-error", { kind: "crash", message: p.textContent });
  }

  function refuse(e) {
    const message = messageOf(e);
    clear(status);
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = message;
    clear(root);
    root.appendChild(p);
    root.hidden = false;
    dispatch(element, "checklist-error", { kind: "options", message });
    settle.reject(e);
    throw e;
  }

  function attach() {
    if (destroyed || inner) return;
    if (crashed) {
      // The module trapped while this widget's templates loaded.
      showCrash();
      const e = crashedError();
      settle.reject(e);
      throw e;
    }
    try {
      // JSON text crosses into WebAssembly much faster than a large object (README, Performance).
      // The built-in templates it needs, as {name: text}: one more string across.
      const builtins = {};
      templates.forEach((n) => {
        builtins[n] = templateTexts[n];
      });
      crashWatchers.push(showCrash);
      inner = intoModule(() => glue.mount(element, root, optionsText, templates.length ? JSON.stringify(builtins) : undefined));
    } catch (e) {
      if (isTrap(e)) {
        settle.reject(e);
        throw e;
      }
      forget();
      refuse(e);
    }
    clear(status);
    settle.resolve(handle);
    dispatch(element, "checklist-ready", {});
  }

  function start() {
    whenLoaded.apply(null, templates).then(
      () => {
        try {
          attach();
        } catch {
          // attach() showed the message, dispatched checklist-error and rejected whenReady().
        }
      },
      (e) => {
        if (destroyed) return;
        showStartError(e);
        if (e.kind !== "load") settle.reject(e);
      },
    );
  }

  const handle = {
    /** A promise of this handle once the widget has rendered (rejects if it cannot start). */
    whenReady: () => ready,
    destroy() {
      destroyed = true;
      forget();
      const last = inner;
      inner = null;
      if (last && !crashed) intoModule(() => last.destroy());
    },
  };
  Object.keys(HANDLE_ARGS).forEach((name) => {
    handle[name] = function () {
      const args = HANDLE_ARGS[name].apply(null, arguments);
      if (crashed) throw new Error(`accountability-checklist: ${name}() called after the widget stopped on an internal error; reload the page`);
      if (!inner) {
        throw new Error(`accountability-checklist: ${name}() called ${destroyed ? "after destroy()" : "before the widget finished loading; await handle.whenReady() first"}`);
      }
      const result = intoModule(() => inner[name].apply(inner, args));
      // The crash message follows the widget's language.
      if (name === "setLocale") locale = args[0];
      return result;
    };
  });
  Object.freeze(handle);

  try {
    optionsText = optionsJson(options);
  } catch (e) {
    refuse(e); // throws
  }
  if (glue && haveTemplates()) {
    attach(); // throws on bad options, as it always has
  } else {
    showLoading();
    start();
  }
  return handle;
}

const ATTRIBUTES = ["template", "endpoint", "locale", "today", "draft-storage", "draft-key", "readonly", "credentials", "page-size", "timeout-ms", "mode"];
// Attributes any element may carry: never reported as unknown.
const GLOBAL_ATTRIBUTE = /^(data-|aria-|on)|^(id|class|style|slot|title|lang|dir|hidden|tabindex|role|part|is|inert|nonce|translate|autofocus|draggable|spellcheck|contenteditable|accesskey|exportparts)$/;

/**
 * `<accountability-checklist>`: the same widget, configured by attributes. Its `handle` is there as soon as
 * the element is connected; `el.whenReady()` resolves with it once the widget has rendered.
 */
export class AccountabilityChecklist extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    /** The mounted widget's handle (null while disconnected). */
    this.handle = null;
  }

  /** A promise of the handle once the widget has rendered. */
  whenReady() {
    return this.handle ? this.handle.whenReady() : Promise.reject(new Error("accountability-checklist: the element is not connected"));
  }

  connectedCallback() {
    this.render();
  }

  disconnectedCallback() {
    if (this.handle) this.handle.destroy();
    this.handle = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue || !this.handle) return;
    if (name === "locale" && newValue) {
      try {
        this.handle.setLocale(newValue);
        return;
      } catch {
        // Still loading: mount again with the new locale.
      }
    }
    this.render();
  }

  /** (Re)mounts the widget from the attributes. */
  render() {
    // After a trap, leave the element as it is: mount() would refuse anyway, and the handle kept here answers the
    // host's calls with "stopped on an internal error" rather than being null.
    if (crashed) return;
    if (this.handle) this.handle.destroy();
    this.handle = null;
    const attr = (n) => (this.hasAttribute(n) ? this.getAttribute(n) : undefined);
    // A misspelt attribute would be ignored silently: say which one, and the name it probably meant.
    for (const a of Array.from(this.attributes)) {
      if (ATTRIBUTES.indexOf(a.name) < 0 && !GLOBAL_ATTRIBUTE.test(a.name)) {
        dispatch(this, "checklist-error", { kind: "warning", message: unknownName("attribute", a.name, ATTRIBUTES) });
      }
    }
    const options = {
      template: attr("template"),
      endpoint: attr("endpoint"),
      locale: attr("locale"),
      today: attr("today"),
      draftStorage: attr("draft-storage"),
      draftKey: attr("draft-key"),
      credentials: attr("credentials"),
      readOnly: this.hasAttribute("readonly"),
      mode: attr("mode"),
    };
    const pageSize = Number.parseInt(attr("page-size") || "", 10);
    if (Number.isFinite(pageSize) && pageSize >= 0) options.pageSize = pageSize;
    const timeoutMs = attr("timeout-ms");
    if (timeoutMs !== undefined) options.timeoutMs = Number(timeoutMs);
    try {
      this.handle = mount(this, options);
    } catch {
      // mount() already showed the message and dispatched checklist-error; the handle stays null.
    }
  }
}

if (!customElements.get("accountability-checklist")) {
  customElements.define("accountability-checklist", AccountabilityChecklist);
}
