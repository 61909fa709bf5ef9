// Demo page (index.html): picks a checklist, switches the language, and lists what the reference server
// stored. The widget itself comes from checklist.js (<accountability-checklist>).
// Reading records needs a reviewer token (`make demo` prints one): it is typed into a password field, kept in
// this tab's sessionStorage only (never localStorage, never the URL) and sent as `Authorization: Bearer`.
// URL parameters (used by the end-to-end tests too): ?template=geren|shuzhi|tanhua&locale=zh-CN|en
// &today=YYYY-MM-DD&draft=local|session|none&timeout=<ms before a submit gives up>&mode=review (reviewers)
// Written for the oldest supported kernel (Chromium 78, docs/browsers.md): no `?.`, `??` or replaceChildren.
const ENDPOINT = '/api/checklists';
const TOKEN_KEY = 'ac-demo-reviewer-token';
const TEMPLATES = ['geren', 'shuzhi', 'tanhua'];
const TEXT = {
  'zh-CN': {
    skip: '跳到清单', title: '“一把手”和领导班子监督清单', subtitle: '嵌入式组件演示：填写、检查、导出并提交到参考服务端',
    switch: 'English', pick: '选择清单', geren: '个人有关事项报告', shuzhi: '述职述责述廉', tanhua: '谈话', widget: '清单',
    records: '已提交记录', empty: '暂无记录。', recordsCaption: '参考服务端保存的记录', receipt: '回执编号', kind: '清单',
    received: '接收时间', digest: '摘要（SHA-256）', footer: '演示页面：数据只保存在本机的参考服务端。',
    loading: '正在加载清单组件…', failed: '清单组件加载失败：', listFailed: '无法读取已提交记录：',
    tokenLabel: '审阅令牌', showRecords: '显示记录', forget: '清除令牌', needToken: '请输入审阅令牌后查看记录。',
    tokenHint: '只有持审阅令牌（reviewer）的人能查看记录。make demo 启动时会打印令牌；令牌只保存在本标签页的会话中。',
    badToken: '令牌无效或已撤销，请重新输入。', wrongRole: '该令牌不是审阅令牌。', tooMany: '失败次数过多，请稍后再试。',
    record: '记录', recordFailed: '无法读取该记录：',
  },
  en: {
    skip: 'Skip to the checklist', title: 'Checklists for supervising principal leaders and leadership teams',
    subtitle: 'Embedded widget demo: fill in, check, export and submit to the reference server',
    switch: '中文', pick: 'Choose a checklist', geren: 'Personal matters report', shuzhi: 'Duty, responsibility and integrity report',
    tanhua: 'Talks', widget: 'Checklist', records: 'Submitted records', empty: 'No records yet.',
    recordsCaption: 'Records stored by the reference server', receipt: 'Receipt', kind: 'Checklist', received: 'Received',
    digest: 'Digest (SHA-256)', footer: 'Demo page: data is kept only by the local reference server.',
    loading: 'Loading the checklist widget…', failed: 'The checklist widget failed to load: ', listFailed: 'Cannot read the submitted records: ',
    tokenLabel: 'Reviewer token', showRecords: 'Show records', forget: 'Forget token', needToken: 'Enter a reviewer token to see the records.',
    tokenHint: 'Only holders of a reviewer token can see records. make demo prints one at start-up; it is kept in this tab\'s session only.',
    badToken: 'The token is not valid (or was revoked): enter it again.', wrongRole: 'This is not a reviewer token.',
    tooMany: 'Too many failed attempts: try again later.', record: 'Record', recordFailed: 'Cannot read the record: ',
  },
};

const params = new URLSearchParams(location.search);
const state = {
  template: TEMPLATES.includes(params.get('template')) ? params.get('template') : 'geren',
  locale: params.get('locale') === 'en' ? 'en' : 'zh-CN',
  today: /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') || '') ? params.get('today') : null,
  draft: ['local', 'session', 'none'].includes(params.get('draft')) ? params.get('draft') : 'local',
  timeoutMs: /^\d{1,6}$/.test(params.get('timeout') || '') ? params.get('timeout') : null,
  mode: params.get('mode') === 'review' ? 'review' : null,
  // Rows per page of long tables (0: no pages), as a portal would set it: ?pageSize=0.
  pageSize: /^\d{1,4}$/.test(params.get('pageSize') || '') ? params.get('pageSize') : null,
};
const t = (key) => TEXT[state.locale][key] || TEXT['zh-CN'][key] || key;
const area = document.getElementById('widget-area');
const status = document.getElementById('demo-status');

function applyLocale() {
  document.documentElement.lang = state.locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const toggle = document.getElementById('demo-locale');
  toggle.lang = state.locale === 'en' ? 'zh-CN' : 'en';
  document.title = t('title');
  const widget = area.querySelector('accountability-checklist');
  if (widget) widget.setAttribute('locale', state.locale);
}

function rememberInUrl() {
  const p = new URLSearchParams(location.search);
  p.set('template', state.template);
  p.set('locale', state.locale);
  history.replaceState(null, '', `${location.pathname}?${p}`);
}

function mountWidget() {
  const old = area.querySelector('accountability-checklist');
  if (old) old.remove();
  const el = document.createElement('accountability-checklist');
  el.setAttribute('template', state.template);
  el.setAttribute('endpoint', ENDPOINT);
  el.setAttribute('locale', state.locale);
  el.setAttribute('draft-storage', state.draft);
  if (state.today) el.setAttribute('today', state.today);
  if (state.timeoutMs) el.setAttribute('timeout-ms', state.timeoutMs);
  if (state.mode) el.setAttribute('mode', state.mode);
  if (state.pageSize !== null) el.setAttribute('page-size', state.pageSize);
  area.append(el);
}

function readToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

function storeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token); else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage blocked: the token then lives in this variable only */ }
  memoryToken = token;
  document.getElementById('records-forget').hidden = !token;
}

let memoryToken = readToken();

/** A refusal's message: 401 forgets the token. */
function refusal(res) {
  if (res.status === 401) { storeToken(''); return t('badToken'); }
  if (res.status === 403) return t('wrongRole');
  if (res.status === 429) return t('tooMany');
  return `HTTP ${res.status}`;
}

const authorized = () => ({ accept: 'application/json', authorization: `Bearer ${memoryToken}` });

async function showRecord(receiptId) {
  const view = document.getElementById('record-view');
  const heading = document.getElementById('record-view-heading');
  const pre = document.getElementById('record-view-json');
  heading.textContent = `${t('record')} ${receiptId}`;
  view.hidden = false;
  try {
    const res = await fetch(`${ENDPOINT}/${encodeURIComponent(receiptId)}`, { headers: authorized() });
    if (!res.ok) throw new Error(refusal(res));
    pre.textContent = JSON.stringify(await res.json(), null, 2);
  } catch (e) {
    pre.textContent = `${t('recordFailed')}${e.message}`;
  }
}

async function refreshRecords() {
  const table = document.getElementById('records');
  const empty = document.getElementById('records-empty');
  if (!memoryToken) {
    // No request without a token: it could only be refused.
    table.hidden = true;
    const stale = table.tBodies[0];
    while (stale.firstChild) stale.removeChild(stale.firstChild);
    document.getElementById('record-view').hidden = true;
    empty.hidden = false;
    empty.textContent = t('needToken');
    return;
  }
  try {
    const res = await fetch(ENDPOINT, { headers: authorized() });
    if (!res.ok) throw new Error(refusal(res));
    const body = await res.json();
    const list = Array.isArray(body) ? body : (body.items || body.checklists || []);
    const rows = list.slice().sort((a, b) => String(b.receivedAt).localeCompare(String(a.receivedAt))).map((r) => {
      const tr = document.createElement('tr');
      const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text == null ? '' : text; if (cls) td.className = cls; return td; };
      const id = document.createElement('td');
      // A button, not a link: the record needs the Authorization header, which a plain link cannot send.
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'record-open';
      open.textContent = r.receiptId;
      open.addEventListener('click', () => showRecord(r.receiptId));
      id.append(open);
      const digest = typeof r.digest === 'object' && r.digest ? r.digest.value : r.digest;
      tr.append(id, cell(t(r.checklistKind) || r.templateId), cell(r.receivedAt), cell(digest ? `${String(digest).slice(0, 16)}…` : '', 'digest'));
      return tr;
    });
    const tbody = table.tBodies[0];
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    for (const row of rows) tbody.appendChild(row);
    table.hidden = rows.length === 0;
    empty.hidden = rows.length !== 0;
    if (rows.length === 0) empty.textContent = t('empty');
  } catch (e) {
    table.hidden = true;
    empty.hidden = false;
    empty.textContent = `${t('listFailed')}${e.message}`;
  }
}

document.getElementById('records-auth').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = document.getElementById('records-token');
  storeToken(input.value.trim());
  input.value = '';
  refreshRecords();
});
document.getElementById('records-forget').addEventListener('click', () => {
  storeToken('');
  refreshRecords();
});
document.getElementById('records-forget').hidden = !memoryToken;

document.getElementById('demo-picker').addEventListener('change', (e) => {
  if (e.target.name !== 'template') return;
  state.template = e.target.value;
  rememberInUrl();
  mountWidget();
});
document.getElementById('demo-picker').addEventListener('submit', (e) => e.preventDefault());
document.getElementById('demo-locale').addEventListener('click', () => {
  state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
  rememberInUrl();
  applyLocale();
});
document.addEventListener('checklist-submitted', () => refreshRecords());

for (const radio of document.querySelectorAll('input[name="template"]')) radio.checked = radio.value === state.template;
applyLocale();
status.textContent = t('loading');
mountWidget();
refreshRecords();
customElements.whenDefined('accountability-checklist').then(
  () => { status.textContent = ''; },
);
window.addEventListener('error', (e) => {
  if (!customElements.get('accountability-checklist')) status.textContent = `${t('failed')}${e.message}`;
});
