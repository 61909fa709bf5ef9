// Demo page (index.html): picks a checklist, switches the language, and lists what the reference server
// stored. The widget itself comes from checklist.js (<accountability-checklist>).
// URL parameters (used by the end-to-end tests too): ?template=geren|shuzhi|tanhua&locale=zh-CN|en
// &today=YYYY-MM-DD&draft=local|session|none&timeout=<ms before a submit gives up>&mode=review (reviewers)
// Written for the oldest supported kernel (Chromium 78, docs/browsers.md): no `?.`, `??` or replaceChildren.
const ENDPOINT = '/api/checklists';
const TEMPLATES = ['geren', 'shuzhi', 'tanhua'];
const TEXT = {
  'zh-CN': {
    skip: '跳到清单', title: '“一把手”和领导班子监督清单', subtitle: '嵌入式组件演示：填写、检查、导出并提交到参考服务端',
    switch: 'English', pick: '选择清单', geren: '个人有关事项报告', shuzhi: '述职述责述廉', tanhua: '谈话', widget: '清单',
    records: '已提交记录', empty: '暂无记录。', recordsCaption: '参考服务端保存的记录', receipt: '回执编号', kind: '清单',
    received: '接收时间', digest: '摘要（SHA-256）', footer: '演示页面：数据只保存在本机的参考服务端。',
    loading: '正在加载清单组件…', failed: '清单组件加载失败：', listFailed: '无法读取已提交记录：',
  },
  en: {
    skip: 'Skip to the checklist', title: 'Checklists for supervising principal leaders and leadership teams',
    subtitle: 'Embedded widget demo: fill in, check, export and submit to the reference server',
    switch: '中文', pick: 'Choose a checklist', geren: 'Personal matters report', shuzhi: 'Duty, responsibility and integrity report',
    tanhua: 'Talks', widget: 'Checklist', records: 'Submitted records', empty: 'No records yet.',
    recordsCaption: 'Records stored by the reference server', receipt: 'Receipt', kind: 'Checklist', received: 'Received',
    digest: 'Digest (SHA-256)', footer: 'Demo page: data is kept only by the local reference server.',
    loading: 'Loading the checklist widget…', failed: 'The checklist widget failed to load: ', listFailed: 'Cannot read the submitted records: ',
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
  area.append(el);
}

async function refreshRecords() {
  const table = document.getElementById('records');
  const empty = document.getElementById('records-empty');
  try {
    const res = await fetch(ENDPOINT, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    const list = Array.isArray(body) ? body : (body.items || body.checklists || []);
    const rows = list.slice().sort((a, b) => String(b.receivedAt).localeCompare(String(a.receivedAt))).map((r) => {
      const tr = document.createElement('tr');
      const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text == null ? '' : text; if (cls) td.className = cls; return td; };
      const id = document.createElement('td');
      const a = document.createElement('a');
      a.href = `${ENDPOINT}/${encodeURIComponent(r.receiptId)}`;
      a.textContent = r.receiptId;
      id.append(a);
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
    empty.hidden = false;
    empty.textContent = `${t('listFailed')}${e.message}`;
  }
}

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
