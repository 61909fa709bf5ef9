// accountability-checklist loader: one ES module for host pages without a build chain.
//
//   <script type="module" src="/checklist.js"></script>
//   <accountability-checklist template="geren" endpoint="/api/checklists"></accountability-checklist>
//
// or, from a module script:
//
//   import { mount } from "/checklist.js";
//   const handle = mount(document.querySelector("#here"), { template: "geren" });
//
// The widget renders into an open shadow root, so the portal's CSS cannot reach it and its own
// CSS cannot leak out. Nothing here writes personal data to the console.

// Written by `make pkg`: the module is fetched with its Subresource Integrity, so a portal that pins this
// loader and the two pkg/ scripts (README, Security) pins the WebAssembly too.
import { CSS_INTEGRITY, WASM_INTEGRITY } from "./pkg/integrity.js";

const WASM_URL = new URL("./pkg/accountability_checklist_bg.wasm", import.meta.url);
// The WebAssembly download starts before wasm-bindgen's glue module is imported, so the two
// travel side by side instead of one after the other (README, Performance).
const wasmResponse = fetch(WASM_URL, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {});
const { default: init, mount: wasmMount } = await import("./pkg/accountability_checklist.js");
const wasm = await init({ module_or_path: wasmResponse });

/** Bytes of WebAssembly memory the widget holds (for benchmarks and diagnostics). */
export function wasmMemoryBytes() {
  return wasm.memory.buffer.byteLength;
}

const STYLESHEET = new URL("./checklist.css", import.meta.url).href;
const PRINT_STYLESHEET = new URL("./checklist-print.css", import.meta.url).href;

// `@page` (A4, margins, page numbers) only applies from a document stylesheet, not from the
// shadow root: the print rules are linked into the page once, same origin as this module.
function linkPrintStylesheet() {
  if (document.querySelector("link[data-ac-print]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = PRINT_STYLESHEET;
  link.setAttribute("data-ac-print", "");
  document.head.append(link);
}

/**
 * Mounts the checklist into `element` (its open shadow root is created if missing) and returns
 * the handle: getData(), setData(data), setValue(path, value), validate(), exportJson(),
 * importJson(text), setLocale(tag), destroy(). Throws an Error with a readable message on bad
 * options, after showing that message in the element and dispatching `checklist-error`.
 */
export function mount(element, options = {}) {
  linkPrintStylesheet();
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  if (CSS_INTEGRITY) link.integrity = CSS_INTEGRITY;
  const root = document.createElement("div");
  root.className = "ac-host";
  // Shown once the stylesheet has loaded (or failed to), so that nobody sees it unstyled.
  root.hidden = true;
  const show = () => { root.hidden = false; };
  link.addEventListener("load", show, { once: true });
  link.addEventListener("error", show, { once: true });
  shadow.replaceChildren(link, root);
  try {
    // JSON text crosses into WebAssembly much faster than a large object (README, Performance).
    return wasmMount(element, root, typeof options === "object" && options !== null ? JSON.stringify(options) : options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = message;
    root.replaceChildren(p);
    root.hidden = false;
    element.dispatchEvent(new CustomEvent("checklist-error", { bubbles: true, composed: true, detail: { kind: "options", message } }));
    throw e;
  }
}

const ATTRIBUTES = ["template", "endpoint", "locale", "today", "draft-storage", "draft-key", "readonly", "credentials", "page-size", "timeout-ms", "mode"];

/** `<accountability-checklist>`: the same widget, configured by attributes. */
export class AccountabilityChecklist extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  /** The mounted widget's handle (null while disconnected or after a bad configuration). */
  handle = null;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.handle?.destroy();
    this.handle = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue || !this.handle) return;
    if (name === "locale" && newValue) {
      this.handle.setLocale(newValue);
    } else {
      this.#render();
    }
  }

  #render() {
    this.handle?.destroy();
    this.handle = null;
    const attr = (n) => this.getAttribute(n) ?? undefined;
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
    const pageSize = Number.parseInt(attr("page-size") ?? "", 10);
    if (Number.isFinite(pageSize) && pageSize >= 0) options.pageSize = pageSize;
    const timeoutMs = attr("timeout-ms");
    if (timeoutMs !== undefined) options.timeoutMs = Number(timeoutMs);
    try {
      this.handle = mount(this, options);
    } catch {
      // mount() already showed the message and dispatched checklist-error.
    }
  }
}

if (!customElements.get("accountability-checklist")) {
  customElements.define("accountability-checklist", AccountabilityChecklist);
}
