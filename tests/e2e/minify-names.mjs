// Renames, in wasm-bindgen's glue, what binaryen's --minify-imports-and-exports-and-modules renamed in the module
// (`make pkg`, in the lowering run of wasm-opt): the import module ("./accountability_checklist_bg.js" → "a"), its
// ~230 imports (`__wbg_setAttribute_f75317b2b5cabfb4` → "Tb": names with a hash, which compress badly) and the
// module's exports (`__wbindgen_malloc` → "pd"). -3.3 KB brotli on the module. The loader and portals see no
// change: the glue's own exports (`mount`, `Handle`…) keep their names.
//
//   node tests/e2e/minify-names.mjs <glue.js> <names.json> <module.wasm>
//        names.json: the map that wasm-opt run printed; module.wasm: the module as it ships
//
// It fails (exit 1), rather than ship a glue that cannot instantiate the module, when the glue is not shaped as
// wasm-bindgen 0.2.130 writes it (one object of imports under one module key, each import a key of that object at
// the start of a line, exports read as `wasm.<name>`), when an old name is left in the glue, or when the shipped
// module imports a name the glue does not define or exports fewer names than the glue reads.
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, namesPath, wasmPath] = process.argv.slice(2);
if (!gluePath || !namesPath || !wasmPath) {
  console.error('usage: node tests/e2e/minify-names.mjs <glue.js> <names.json> <module.wasm>');
  process.exit(2);
}
const fail = (why) => {
  console.error(`minify-names: ${why} (${gluePath})`);
  process.exit(1);
};
let glue = readFileSync(gluePath, 'utf8');
const names = JSON.parse(readFileSync(namesPath, 'utf8'));
const shipped = new WebAssembly.Module(readFileSync(wasmPath));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (re) => (glue.match(re) || []).length;
if (!Array.isArray(names.imports) || names.imports.length === 0 || !Array.isArray(names.exports)) fail('no names in the map');

// The module's name, before (in the map) and after (in the shipped module): every import comes from one.
const before = new Set(names.imports.map(([from]) => from));
const after = new Set(WebAssembly.Module.imports(shipped).map((i) => i.module));
if (before.size !== 1 || after.size !== 1) fail(`imports from ${before.size} modules before and ${after.size} after, expected 1`);
const [moduleFrom] = before;
const [moduleTo] = after;
const moduleKey = new RegExp(`^(\\s+)"${escape(moduleFrom)}":`, 'gm');
if (count(moduleKey) !== 1) fail(`the import module "${moduleFrom}" is not one key of the imports`);
glue = glue.replace(moduleKey, `$1${JSON.stringify(moduleTo)}:`);

// Each import: one key at the start of a line of the imports object.
for (const [, from, to] of names.imports) {
  const key = new RegExp(`^(\\s+)${escape(from)}:`, 'gm');
  if (count(key) !== 1) fail(`import ${from} is defined ${count(key)} times, expected once`);
  glue = glue.replace(key, `$1${JSON.stringify(to)}:`);
}

// Each export the glue reads: `wasm.<name>`.
for (const [from, to] of names.exports) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(from)}\\b`, 'g'), `wasm[${JSON.stringify(to)}]`);
}

// Nothing renamed may be left, and what the shipped module imports and the glue reads must match.
for (const [, from] of names.imports) {
  if (new RegExp(`\\b${escape(from)}\\b`).test(glue)) fail(`import ${from} is still named in the glue`);
}
for (const [from] of names.exports) {
  if (new RegExp(`\\bwasm\\.${escape(from)}\\b`).test(glue)) fail(`export ${from} is still read in the glue`);
}
// The imports object: from `const import0 = {` to the `return` of the module keys.
const start = glue.indexOf('const import0 = {');
const end = glue.indexOf('return {', start);
if (start < 0 || end < 0 || glue.indexOf('const import1', start) >= 0) fail('no single imports object (`const import0 = {…}`)');
const importsObject = glue.slice(start, end);
for (const { name } of WebAssembly.Module.imports(shipped)) {
  const defined = (importsObject.match(new RegExp(`^\\s+${escape(JSON.stringify(name))}:`, 'gm')) || []).length;
  if (defined !== 1) fail(`the module imports "${name}", which the glue defines ${defined} times`);
}
const exported = new Set(WebAssembly.Module.exports(shipped).map((e) => e.name));
for (const [, read] of glue.matchAll(/\bwasm\["([^"]+)"\]/g)) {
  if (!exported.has(read)) fail(`the glue reads wasm["${read}"], which the module does not export`);
}
writeFileSync(gluePath, glue);
console.log(`minify-names: ${names.imports.length} imports, ${names.exports.length} exports renamed in ${gluePath}`);
