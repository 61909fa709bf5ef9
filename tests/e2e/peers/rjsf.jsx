// The workload of ../shared/perf/PEERS.md in react-jsonschema-form (rjsf 6 + @rjsf/validator-ajv8 + React 19,
// no CSS, the core theme's defaults), as a peer page for the browser benchmark: ../peers.mjs measures it the
// way ../bench.mjs measures our widget, in the same run.
//
// The page builds its own record: N rows in the real-estate table, N from window.__benchN or ?n= (default 10);
// "today" from window.__benchToday or ?today= (default: the real date), which bounds the report year and the
// acquisition dates. It offers the runner the interface of www/bench/bench.js as window.__bench:
// { rows, ready, arm(id, wantError), pending, validateMs(), domNodes() }, where a cell is named by rjsf's DOM id
// (root_realEstate_rows_<i>_area) instead of our JSON pointer.
import { createRef } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { keystroke } from '../../../www/bench/measure.js';

const params = new URLSearchParams(location.search);
const N = Number(window.__benchN || params.get('n') || 10);
const today = window.__benchToday || params.get('today') || new Date().toISOString().slice(0, 10);
const thisYear = Number(today.slice(0, 4));

// GB 11643 citizen identity number: 17 digits, then the check character (ISO 7064 MOD 11-2).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function gb11643(s) {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11] === s[17];
}
const validator = customizeValidator({ customFormats: { gb11643 } });

const text = (title) => ({ type: 'string', title, minLength: 1 });
const idNumber = { type: 'string', title: '身份证号', format: 'gb11643' };
const pastDate = (title) => ({ type: 'string', title, format: 'date', formatMaximum: today });
const table = (title, properties) => ({
  type: 'array',
  title,
  minItems: 1,
  items: { type: 'object', required: Object.keys(properties), properties },
});

// An item answered 有/无: 有 reveals its table (rjsf's dependencies/oneOf pattern); 无 has none.
function item(title, rows) {
  const answer = { type: 'string', title, enum: ['有', '无'] };
  if (!rows) return { type: 'object', title, required: ['answer'], properties: { answer } };
  return {
    type: 'object',
    title,
    required: ['answer'],
    properties: { answer },
    dependencies: {
      answer: {
        oneOf: [
          { properties: { answer: { const: '有' }, rows }, required: ['rows'] },
          { properties: { answer: { const: '无' } } },
        ],
      },
    },
  };
}

const realEstateRows = table('房产', {
  owner: text('产权人'),
  address: text('房产地址'),
  area: { type: 'number', title: '建筑面积（平方米）', exclusiveMinimum: 0, multipleOf: 0.01 },
  use: { type: 'string', title: '用途', enum: ['住宅', '商铺', '写字楼', '车位', '厂房', '其他'] },
  acquired: pastDate('取得时间'),
});

// The 14 items; realEstate and three others are 有 with tables, the other ten 无.
const ITEMS = [
  ['marriage', '本人婚姻变化情况'],
  ['passports', '本人持有普通护照情况', table('护照', { docNumber: text('证件号码'), expiry: { type: 'string', title: '有效期至', format: 'date' }, custodian: text('保管机构') })],
  ['travel', '本人因私出国（境）情况'],
  ['foreignSpouse', '子女与外国人、无国籍人通婚情况'],
  ['emigration', '配偶、子女移居国（境）外情况'],
  ['abroad', '配偶、子女连续在国（境）外工作、生活情况'],
  ['employment', '配偶、子女及其配偶从业情况', table('从业', { name: text('姓名'), employer: text('工作单位'), position: text('职务') })],
  ['prosecution', '配偶、子女及其配偶被追究刑事责任情况'],
  ['realEstate', '本人、配偶、共同生活的子女的房产情况', realEstateRows],
  ['stocks', '本人、配偶、共同生活的子女投资股票情况'],
  ['funds', '本人、配偶、共同生活的子女投资基金、投资型保险情况'],
  ['business', '配偶、子女及其配偶经商办企业情况', table('企业', { name: text('姓名'), entity: text('企业名称'), uscc: text('统一社会信用代码'), capital: { type: 'number', title: '出资额（万元）', exclusiveMinimum: 0, multipleOf: 0.01 } })],
  ['privateEquity', '本人、配偶、共同生活的子女投资私募股权基金情况'],
  ['others', '其他需要报告的事项'],
];

const schema = {
  title: '领导干部个人有关事项报告表',
  type: 'object',
  required: ['header', 'family', ...ITEMS.map(([k]) => k)],
  properties: {
    header: {
      type: 'object',
      title: '基本情况',
      required: ['name', 'idNumber', 'unit', 'position', 'year'],
      properties: {
        name: text('姓名'),
        idNumber,
        unit: text('工作单位'),
        position: text('现任职务'),
        year: { type: 'integer', title: '报告年度', minimum: 2000, maximum: thisYear },
      },
    },
    family: table('家庭成员', {
      relation: { type: 'string', title: '称谓', enum: ['本人', '配偶', '子女', '父亲', '母亲', '其他'] },
      name: text('姓名'),
      idNumber,
    }),
    ...Object.fromEntries(ITEMS.map(([k, title, rows]) => [k, item(title, rows)])),
  },
};

const uiSchema = Object.fromEntries(ITEMS.map(([k]) => [k, { answer: { 'ui:widget': 'radio' } }]));

// The fixture's record (tests/fixtures/geren_valid.json) in this schema. The second property's area is
// 76.35 rather than the fixture's 76.30, so that both base rows show two decimals in rjsf's number input
// (76.30 shows as 76.3), and one more digit typed at the end makes any row's area invalid.
const BASE_HOUSES = [
  { owner: '张建国、李秀梅', address: '北京市朝阳区某路18号院3号楼2单元501室', area: 128.56, use: '住宅', acquired: '2016-04-20' },
  { owner: '李秀梅', address: '河北省保定市莲池区某街5号', area: 76.35, use: '住宅', acquired: '2020-11-03' },
];
function record(n) {
  const items = Object.fromEntries(ITEMS.map(([k]) => [k, { answer: '无' }]));
  items.passports = { answer: '有', rows: [
    { docNumber: 'E12345678', expiry: '2029-05-09', custodian: '北京市朝阳区委组织部' },
    { docNumber: 'E87654321', expiry: '2030-02-14', custodian: '北京市朝阳区委组织部' },
  ] };
  items.employment = { answer: '有', rows: [
    { name: '李秀梅', employer: '北京市朝阳区某医院', position: '主治医师' },
    { name: '张小明', employer: '北京市海淀区某中学', position: '学生' },
  ] };
  items.business = { answer: '有', rows: [
    { name: '李秀梅', entity: '福州某健康咨询有限公司', uscc: '91350100M000100Y43', capital: 20 },
    { name: '张小明', entity: '福州某文化传播有限公司', uscc: '91350100M000200Y21', capital: 5.5 },
  ] };
  items.realEstate = { answer: '有', rows: Array.from({ length: n }, (_, i) => ({ ...BASE_HOUSES[i % BASE_HOUSES.length] })) };
  return {
    ...items,
    header: { name: '张建国', idNumber: '110105197506150036', unit: '北京市朝阳区某局', position: '党组书记、局长', year: Math.min(2025, thisYear) },
    family: [
      { relation: '本人', name: '张建国', idNumber: '110105197506150036' },
      { relation: '配偶', name: '李秀梅', idNumber: '110105197703080049' },
      { relation: '子女', name: '张小明', idNumber: '110105201209010052' },
      { relation: '父亲', name: '张德山', idNumber: '110105194803220041' },
    ],
  };
}

const formRef = createRef();
const host = document.getElementById('form');
const AREA = 'input[id^="root_realEstate_rows_"][id$="_area"]';

function frame() {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

// ready: all N area inputs are in the DOM, and one more frame has been produced.
async function whenShown() {
  while (host.querySelectorAll(AREA).length !== N) await frame();
  await frame();
  return performance.now();
}

/**
 * As arm() in www/bench/bench.js, with the same measurement (www/bench/measure.js): the next keystroke in the
 * input with DOM id `id`, until rjsf's error list for that field (`${id}__error`) is in (`wantError`) or out of
 * the DOM, and the frame after it.
 */
function arm(id, wantError) {
  const input = document.getElementById(id);
  window.__bench.pending = keystroke(input, host, () => !!document.getElementById(`${id}__error`), wantError);
  return true;
}

createRoot(host).render(
  <Form ref={formRef} schema={schema} uiSchema={uiSchema} validator={validator} formData={record(N)} liveValidate="onChange" />,
);

window.__bench = {
  rows: N,
  ready: whenShown(),
  arm,
  pending: null,
  // One synchronous validate-everything call: the form's public validateForm() (schema resolution, ajv over the
  // whole record, custom formats). On a valid form it sets no state, so nothing else is timed.
  validateMs() {
    const t0 = performance.now();
    const ok = formRef.current.validateForm();
    const ms = performance.now() - t0;
    if (!ok) throw new Error('validateForm(): the form is not valid');
    return ms;
  },
  domNodes() {
    let n = 0;
    const it = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    while (it.nextNode()) n += 1;
    return n;
  },
};
