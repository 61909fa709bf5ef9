// Lets the loader learn that the module trapped (a Rust panic, which aborts: a bug), whichever way it was entered.
// The browser enters the module only through the closures of wasm-bindgen's glue (event listeners, promise
// callbacks, timers: `makeClosure` / `makeMutClosure`, whose `real` wrapper calls `f` inside try / finally), and
// the loader enters it through the handle (whose calls it wraps itself). This adds a `catch` to those wrappers
// that hands a WebAssembly.RuntimeError to the handler the loader sets with the glue's new export
// `__wbg_set_trap_handler(f)`, then rethrows it; from then on the wrappers return at once, so that the browser
// no longer runs the stopped module (a listener, a timer, the draft flush at `pagehide`). The window's `error`
// event cannot do this: Chromium 78 and 92 report an exception from the module there as "Script error.",
// without the error (the current Chromium carries it).
//
//   node tests/e2e/glue-traps.mjs <glue.js> [--allow-none]
//
// It fails (exit 1), rather than ship a glue that would not report traps, when the glue is not shaped as
// wasm-bindgen 0.2.130 writes it: a closure wrapper without `try { return f(…); } finally {`, or none at all
// (`--allow-none`: a module without closures, as one of `make size-floor`'s).
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, flag] = process.argv.slice(2);
if (!gluePath) {
  console.error('usage: node tests/e2e/glue-traps.mjs <glue.js> [--allow-none]');
  process.exit(2);
}
const fail = (why) => {
  console.error(`glue-traps: ${why} (${gluePath})`);
  process.exit(1);
};

const glue = readFileSync(gluePath, 'utf8');
if (glue.includes('__wbg_set_trap_handler')) fail('already has the trap handler');
const wrappers = glue.match(/^function make(Mut)?Closure\(/gm) || [];
if (wrappers.length === 0 && flag !== '--allow-none') fail('no makeClosure / makeMutClosure');
let patched = 0;
const out = glue.replace(/(\n {8}try \{)(\n {12}return f\([^;\n]*\);\n {8}\})( finally \{)/g, (_, open, call, fin) => {
  patched += 1;
  return `${open}\n            if (__wbg_trapped) return undefined;${call} catch (e) {\n            __wbg_trap(e);\n            throw e;\n        }${fin}`;
});
if (patched !== wrappers.length) fail(`${wrappers.length} closure wrappers, but ${patched} calls of f in try / finally`);
const hook = `
let __wbg_trap_handler = null;
let __wbg_trapped = false;
function __wbg_trap(e) {
    if (!(e instanceof WebAssembly.RuntimeError)) return;
    __wbg_trapped = true;
    try {
        if (__wbg_trap_handler !== null) __wbg_trap_handler(e);
    } catch (_) {
        // The trap, rethrown by the caller, is what the console must show.
    }
}
/** The loader's handler of a trap of the module (tests/e2e/glue-traps.mjs). */
export function __wbg_set_trap_handler(f) {
    __wbg_trap_handler = f;
}
`;
writeFileSync(gluePath, out + hook);
console.log(`glue-traps: ${patched} closure wrappers report traps in ${gluePath}`);
