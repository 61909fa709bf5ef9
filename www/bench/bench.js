// Benchmark page: mounts the 个人有关事项 checklist with the record the runner prepared, and offers the
// measurements of ../shared/perf/PEERS.md to the runner (tests/e2e/bench.mjs, and tests/e2e/bench-kernel.mjs in
// real old kernels) as window.__bench. No top-level await and no `?.` / `??`: it runs in Chromium 78 too.
import { mount, wasmMemoryBytes, whenLoaded } from "../checklist.js";
import { keystroke } from "./measure.js";

const data = window.__benchData;
// The template: the built-in 个人有关事项 one, or the host template the runner gives (the PEERS workload as
// react-jsonschema-form is measured on it: tests/fixtures/peers_template.json).
const template = window.__benchTemplate || "geren";
const today = window.__benchToday || "2026-01-15";
const el = document.getElementById("widget");
const pageSize = new URLSearchParams(location.search).get("pageSize");
const rows = data && data.C11 && data.C11.rows ? data.C11.rows.length : 0;
const areaSel = 'input[data-path^="/C11/rows/"][data-path$="/areaM2"]';

function frame() {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

// ready: every area input the widget shows (a page of a long table; the rest are reachable through the
// pager) is in the DOM, and one more frame has been produced.
async function whenShown() {
  for (;;) {
    const shown = el.shadowRoot ? el.shadowRoot.querySelectorAll(areaSel).length : 0;
    const pager = el.shadowRoot && el.shadowRoot.querySelector('[data-pager="/C11/rows"]');
    if (shown === rows || (pager && shown > 0)) break;
    await frame();
  }
  await frame();
  return performance.now();
}

/** Arms a measurement of the next keystroke in the cell at `path` (measure.js): `window.__bench.pending`. */
function arm(path, wantError) {
  const root = el.shadowRoot;
  const input = root.querySelector(`input[data-path="${path}"]`);
  // Looked for in the cell's row (its list item), not in the whole widget: a query over every row of an
  // unpaged 1,000-row table takes milliseconds of its own, which would be counted as the widget's.
  const scope = input.closest("li") || root;
  window.__bench.pending = keystroke(input, root, () => !!scope.querySelector(`[data-error-for="${path}"]`), wantError);
  return true;
}

// Where "ready" goes: the loader starts the WebAssembly download as it is imported, and a built-in template's
// at mount; both are in when this resolves (whenLoaded("geren")), so that mount() renders at once.
(typeof template === "string" ? whenLoaded(template) : whenLoaded()).then(() => {
  const moduleReady = performance.now();
  const handle = mount(el, Object.assign({ template: template, data, today, draftStorage: "none" }, pageSize === null ? {} : { pageSize: Number(pageSize) }));
  const mountDone = performance.now();
  window.__bench = {
    rows,
    moduleReady,
    mountMs: mountDone - moduleReady,
    ready: whenShown(),
    handle,
    arm,
    pending: null,
    validateMs() {
      const t0 = performance.now();
      handle.validate();
      return performance.now() - t0;
    },
    wasmMemoryBytes,
    domNodes() {
      let n = 0;
      const walk = (root) => {
        const it = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        while (it.nextNode()) {
          n += 1;
          if (it.currentNode.shadowRoot) walk(it.currentNode.shadowRoot);
        }
      };
      walk(document);
      return n;
    },
  };
});
