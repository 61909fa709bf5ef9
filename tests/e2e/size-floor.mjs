// `make size-floor`: what a 个人有关事项 page would download if the widget's form were a minimal Yew view, beside
// what it downloads now. The argument is make's scratch directory: <dir>/core/, <dir>/ui/ and <dir>/core-ui/ hold
// tests/size-floor/ packaged with the core's entry points alone, a minimal Yew view alone, and both (its Cargo.toml). The rest
// of the page (loader, integrity, stylesheets, template) is counted as tests/size-budget.json lists it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';
import { brotliBytes } from './measure.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/e2e/size-floor.mjs <dir with core/, ui/ and core-ui/>');
  process.exit(2);
}
const budget = JSON.parse(await readFile(join(ROOT, 'tests', 'size-budget.json'), 'utf8'));
const MODULE = ['www/pkg/accountability_checklist_bg.wasm', 'www/pkg/accountability_checklist.js'];
const size = async (path) => brotliBytes(await readFile(path));
const sum = async (paths) => (await Promise.all(paths.map(size))).reduce((a, b) => a + b, 0);
const rest = await sum(budget.files.filter((f) => !MODULE.includes(f)).map((f) => join(ROOT, f)));
const inPkg = (d) => MODULE.map((f) => join(d, f.replace('www/pkg/', '')));
const rows = [
  ["the core's rules, import and export, no view", await sum(inPkg(join(dir, 'core')))],
  ['a minimal Yew view, no domain code', await sum(inPkg(join(dir, 'ui')))],
  ["that view with the core's rules, import and export", await sum(inPkg(join(dir, 'core-ui')))],
  ['the widget as shipped (www/pkg/)', await sum(MODULE.map((f) => join(ROOT, f)))],
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
console.log(`${'module (wasm + glue), brotli 11'.padEnd(52)} ${'module'.padStart(9)} ${'page'.padStart(9)}`);
for (const [what, bytes] of rows) console.log(`${what.padEnd(52)} ${kb(bytes)} ${kb(bytes + rest)}`);
console.log(`the page's other files (${budget.files.length - MODULE.length}: loader, integrity, stylesheets, template): ${kb(rest).trim()}`);
