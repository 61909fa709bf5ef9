// What a portal transfers for the widget: raw and brotli (quality 11) bytes of each file in
// tests/size-budget.json. `node tests/e2e/size.mjs` prints them; with --check it also fails (exit 1) when the
// brotli total is over the budget recorded there, so that growth is a decision and not an accident.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';
import { brotliBytes } from './measure.mjs';

const budget = JSON.parse(await readFile(join(ROOT, 'tests', 'size-budget.json'), 'utf8'));
let raw = 0;
let br = 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
for (const f of budget.files) {
  const bytes = await readFile(join(ROOT, f));
  const b = brotliBytes(bytes);
  raw += bytes.length;
  br += b;
  console.log(`${f.padEnd(44)} ${kb(bytes.length)} KB raw ${kb(b)} KB brotli`);
}
console.log(`${'total'.padEnd(44)} ${kb(raw)} KB raw ${kb(br)} KB brotli (budget ${(budget.maxBrotliBytes / 1024).toFixed(1)} KB)`);
if (process.argv.includes('--check') && br > budget.maxBrotliBytes) {
  console.error(`size guard: ${br} brotli bytes > budget ${budget.maxBrotliBytes} (tests/size-budget.json). Make it smaller, or raise the budget on purpose.`);
  process.exit(1);
}
