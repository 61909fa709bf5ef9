// Test only (`make data-check`): compares the shipped Chinese country names (`accountability-checklist iso`
// on stdin, lines `name CODE 中文名 English name`) with the CLDR names of the npm package i18n-iso-countries.
// Every accepted code must have a name, and each name must be the package's, except the deliberate
// differences below. Exit 1 on anything else.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const tools = resolve(process.argv[2] || 'target/test-tools');
const countries = createRequire(join(tools, 'package.json'))('i18n-iso-countries');
const cldr = countries.getNames('zh', { select: 'official' });

// Deliberate, following the 外交部 / GB/T 2659 forms and SPEC §6.7 (HK, MO, TW are regions of China).
const DELIBERATE = {
  HK: '中国香港', MO: '中国澳门', TW: '中国台湾', ID: '印度尼西亚', MN: '蒙古国', EH: '西撒哈拉', FK: '马尔维纳斯群岛（福克兰）',
};

const codes = new Set();
const names = new Map();
for await (const line of createInterface({ input: process.stdin })) {
  const [kind, code, zh] = line.split(' ');
  if (kind === 'country') codes.add(code);
  if (kind === 'name') names.set(code, zh);
}
const problems = [];
for (const code of codes) {
  const shipped = names.get(code);
  const want = DELIBERATE[code] || cldr[code];
  if (!shipped) problems.push(`${code}: no name`);
  else if (shipped !== want) problems.push(`${code}: shipped ${shipped}, expected ${want}${DELIBERATE[code] ? ' (deliberate)' : ' (CLDR)'}`);
}
for (const code of names.keys()) if (!codes.has(code)) problems.push(`${code}: a name for a code that is not accepted`);
if (codes.size < 249) problems.push(`only ${codes.size} country codes read`);
if (problems.length) {
  console.error(`country names differ from npm i18n-iso-countries:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`iso: the Chinese names of ${codes.size} countries and regions agree with npm i18n-iso-countries (CLDR), ${Object.keys(DELIBERATE).length} deliberate differences`);
