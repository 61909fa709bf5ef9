#!/usr/bin/env node
// Test only: compares the shipped holiday data (`accountability-checklist holidays` on stdin) with the npm
// package `chinese-days`, day by day over the covered years. Exit 1 on any difference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// argv[2]: the directory whose node_modules holds chinese-days (installed by `make holiday-tools`).
const require = createRequire(`${resolve(process.argv[2] ?? '.')}/`);
const { isWorkday } = require('chinese-days');

const lines = readFileSync(0, 'utf8').split('\n');
const shipped = new Map(lines.filter((l) => /^\d{4}-\d{2}-\d{2} (on|off)$/.test(l)).map((l) => l.split(' ')));
const years = [...new Set([...shipped.keys()].map((d) => Number(d.slice(0, 4))))].sort();
if (years.length === 0) throw new Error('no data on stdin');
const diffs = [];
let days = 0;
for (let y = years[0]; y <= years.at(-1); y++) {
  for (let t = Date.UTC(y, 0, 1); new Date(t).getUTCFullYear() === y; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const weekday = ![0, 6].includes(new Date(t).getUTCDay());
    const ours = shipped.has(iso) ? shipped.get(iso) === 'on' : weekday;
    const theirs = isWorkday(iso);
    if (ours !== theirs) diffs.push(`${iso}: shipped ${ours ? 'working' : 'off'}, chinese-days ${theirs ? 'working' : 'off'}`);
    days++;
  }
}
if (diffs.length) {
  console.error(`chinese-days disagrees on ${diffs.length} day(s):\n  ${diffs.join('\n  ')}`);
  process.exit(1);
}
console.log(`holidays: ${days} days of ${years[0]}–${years.at(-1)} agree with npm chinese-days`);
