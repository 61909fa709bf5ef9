//! The widget's view: Yew function components that render a [`store::Store`] for any
//! template. Compiled natively too, so that tests render it to HTML (Yew's server-side
//! renderer) without a browser; the browser glue lives in `crate::web`.
//!
//! Every input carries its JSON pointer in `data-path`; its message is an element
//! `[data-error-for]` referenced by `aria-describedby`. Buttons carry `data-action`. These
//! attributes are the contract with the host page and the end-to-end tests.

pub mod store;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use crate::finding::Severity;
use crate::locale::Locale;
use crate::schedule;
use crate::template::{ChecklistKind, Field, FieldType, Requirement, Section, Table, CHANGED_KEY, PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE};
use store::{display, Effect, Msg, Store, SubmitState, View};

type Runner = Rc<dyn Fn(&Shared, Vec<Effect>)>;

/// The store shared by the view, the host API and the effect runner.
#[derive(Clone)]
pub struct Shared {
    /// The state.
    pub store: Rc<RefCell<Store>>,
    runner: Runner,
    rerender: Rc<RefCell<Option<Callback<()>>>>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

impl Shared {
    /// Wraps `store`; `runner` performs the effects of each update.
    pub fn new(store: Store, runner: impl Fn(&Shared, Vec<Effect>) + 'static) -> Shared {
        Shared { store: Rc::new(RefCell::new(store)), runner: Rc::new(runner), rerender: Rc::new(RefCell::new(None)) }
    }

    /// Applies `msg`, performs its effects and re-renders.
    pub fn dispatch(&self, msg: Msg) {
        let fx = match self.store.try_borrow_mut() {
            Ok(mut s) => s.update(msg),
            Err(_) => return, // re-entrant call during render: ignored rather than a panic
        };
        (self.runner)(self, fx);
        self.rerender();
    }

    /// Asks the mounted view to render again.
    pub fn rerender(&self) {
        let cb = self.rerender.borrow().clone();
        if let Some(cb) = cb {
            cb.emit(());
        }
    }

    fn cb<E: 'static>(&self, f: impl Fn(E) -> Option<Msg> + 'static) -> Callback<E> {
        let me = self.clone();
        Callback::from(move |e: E| {
            if let Some(m) = f(e) {
                me.dispatch(m)
            }
        })
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The shared store.
    pub shared: Shared,
}

fn t(l: Locale, zh: &'static str, en: &'static str) -> &'static str {
    if l == Locale::En {
        en
    } else {
        zh
    }
}

/// The element id of a JSON pointer (ids are scoped by the widget's shadow root).
pub fn dom_id(path: &str) -> String {
    let mut s = String::from("ac");
    for c in path.chars() {
        match c {
            '/' => s.push('.'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => s.push(c),
            c => s.push_str(&format!("_{:x}", c as u32)),
        }
    }
    s
}

fn esc(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let force = use_force_update();
    {
        let f = force.clone();
        *props.shared.rerender.borrow_mut() = Some(Callback::from(move |()| f.force_update()));
    }
    let Ok(s) = props.shared.store.try_borrow() else {
        return html! {};
    };
    let sh = &props.shared;
    let l = s.locale;
    let tpl = s.validator.template();
    let view = match s.view {
        View::Form => "form",
        View::Review => "review",
    };
    html! {
        <div class="ac" lang={l.tag()} data-template={tpl.id.clone()} data-view={view}>
            <header class="ac-head">
                <h1 class="ac-title" id="ac-title" tabindex="-1">{ tpl.title.get(l) }</h1>
                <button type="button" class="ac-link" data-action="locale" lang={if l == Locale::En { "zh-CN" } else { "en" }}
                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::SetLocale(if l == Locale::En { Locale::ZhCn } else { Locale::En })))}>
                    { if l == Locale::En { "中文" } else { "English" } }
                </button>
                if s.read_only { <p class="ac-badge">{ t(l, "只读", "Read-only") }</p> }
                if let Some(d) = &tpl.description { <p class="ac-desc">{ d.get(l) }</p> }
            </header>
            { notice(&s, sh) }
            { summary(&s, sh) }
            { task_list(&s, sh) }
            if tpl.checklist_kind == ChecklistKind::Tanhua { { talk_overview(&s) } }
            if s.view == View::Review { { review(&s, sh) } } else {
                <div class="ac-sections">
                    { for tpl.sections.iter().enumerate().map(|(i, sec)| section(&s, sh, i, sec)) }
                </div>
            }
            { actions(&s, sh) }
        </div>
    }
}

fn notice(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let receipt = match &s.submit {
        SubmitState::Done { receipt } => Some(receipt.clone()),
        _ => None,
    };
    let restored = s.notice.as_ref().is_some_and(|n| n.kind == "info" && n.text.contains(t(l, "已恢复", "Restored")));
    html! {
        <div class={classes!("ac-notice", s.notice.as_ref().map(|n| format!("ac-notice-{}", n.kind)))} role="status" aria-live="polite" data-notice="">
            if let Some(n) = &s.notice {
                <p>{ &n.text }</p>
            }
            if let Some(r) = receipt {
                <p>{ t(l, "回执编号：", "Receipt: ") }<strong data-receipt="">{ r }</strong></p>
            }
            if restored && !s.read_only {
                <button type="button" class="ac-link" data-action="discard-draft" onclick={sh.cb(|_: MouseEvent| Some(Msg::DiscardDraft))}>
                    { t(l, "放弃草稿，恢复原始数据", "Discard the draft") }
                </button>
            }
        </div>
    }
}

fn summary(s: &Store, sh: &Shared) -> Html {
    if !s.summary {
        return html! {};
    }
    let l = s.locale;
    let blocking = s.blocking();
    if blocking.is_empty() {
        return html! {};
    }
    let (e, w) = s.counts();
    let title = match l {
        Locale::En => format!("Validation failed: {e} errors, {w} warnings to confirm"),
        Locale::ZhCn => format!("校验未通过：共{e}项错误、{w}项提示待确认"),
    };
    html! {
        <div class="ac-summary" role="alert" tabindex="-1" data-summary="" aria-labelledby="ac-summary-title">
            <h2 id="ac-summary-title">{ title }</h2>
            <ul>
                { for blocking.iter().enumerate().map(|(i, f)| {
                    let path = f.path.clone();
                    let p2 = path.clone();
                    let warn = f.severity == Severity::Warning;
                    // The section names the item: several items share messages such as 请据实填写或明确填报“无”.
                    let section = store::split_pointer(&path).first().and_then(|id| s.validator.template().section(id)).map(|sec| sec.title.get(l).to_owned());
                    let text = match section {
                        Some(title) => format!("{title}{}{}", t(l, "：", ": "), f.message(l)),
                        None => f.message(l),
                    };
                    html! {
                        <li class={if warn { "ac-sum-warn" } else { "ac-sum-err" }}>
                            <a href={format!("#{}", dom_id(&path))} data-target={path.clone()}
                                onclick={sh.cb(move |e: MouseEvent| { e.prevent_default(); Some(Msg::Focus(p2.clone())) })}>
                                { if warn { t(l, "提示：", "Warning: ") } else { "" } }{ text.clone() }
                            </a>
                            if warn { { confirm_box(sh, l, f.code.as_str(), &f.path, false, &format!("ac-sum-c{i}"), &text) } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn confirm_box(sh: &Shared, l: Locale, code: &str, path: &str, checked: bool, id: &str, what: &str) -> Html {
    let (c, p) = (code.to_owned(), path.to_owned());
    html! {
        <span class="ac-confirm">
            <input type="checkbox" id={id.to_owned()} data-confirm={format!("{code}|{path}")} checked={checked}
                onchange={sh.cb(move |e: Event| {
                    let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                    Some(Msg::Confirm { code: c.clone(), path: p.clone(), on, at: now_stamp() })
                })} />
            <label for={id.to_owned()}>{ t(l, "已核实，情况属实", "Checked: this is correct") }<span class="ac-sr">{ format!("{}{what}", t(l, "：", ": ")) }</span></label>
        </span>
    }
}

/// `YYYY-MM-DDTHH:mm:ss+08:00` now (the browser clock; natively a fixed stamp for tests).
pub fn now_stamp() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        crate::date::shanghai_datetime_from_unix_ms(js_sys::Date::now() as i64).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::from("1970-01-01T08:00:00+08:00")
    }
}

fn task_list(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let tpl = s.validator.template();
    html! {
        <nav class="ac-tasks" aria-label={t(l, "填报进度", "Progress")}>
            <ol>
                { for tpl.sections.iter().filter(|sec| s.section_applies(sec)).map(|sec| {
                    let (label, key) = s.section_status(sec).label(l);
                    let target = format!("/{}", esc(&sec.id));
                    let t2 = target.clone();
                    html! {
                        <li>
                            <a href={format!("#{}", dom_id(&target))} data-section={sec.id.clone()}
                                onclick={sh.cb(move |e: MouseEvent| { e.prevent_default(); Some(Msg::Focus(t2.clone())) })}>{ sec.title.get(l) }</a>
                            <span class={classes!("ac-status", format!("ac-status-{key}"))} data-status={key}>{ label }</span>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

fn talk_overview(s: &Store) -> Html {
    let l = s.locale;
    let sched = schedule::compute(&s.record, s.validator.config(), s.today);
    let kind_label = |k: &schedule::EntryKind| match k {
        schedule::EntryKind::AppointmentTalk => t(l, "任职谈话", "Appointment talk"),
        schedule::EntryKind::SupervisionTalk => t(l, "监督谈话", "Supervision talk"),
        schedule::EntryKind::PlanItem => t(l, "计划谈话", "Planned talk"),
    };
    html! {
        <section class="ac-overview" aria-labelledby="ac-ov-title" data-overview="">
            <h2 id="ac-ov-title">{ t(l, "谈话安排（按紧迫程度排序）", "Talk schedule (most urgent first)") }</h2>
            if sched.entries.is_empty() {
                <p>{ t(l, "暂无数据", "No data") }</p>
            } else {
                <table class="ac-table">
                    <caption class="ac-sr">{ t(l, "每位下级“一把手”应谈与已谈情况", "Due and held talks per subordinate 一把手") }</caption>
                    <thead><tr>
                        <th scope="col">{ t(l, "谈话对象", "Interviewee") }</th>
                        <th scope="col">{ t(l, "谈话类型", "Type") }</th>
                        <th scope="col">{ t(l, "应谈日期", "Due") }</th>
                        <th scope="col">{ t(l, "谈话日期", "Held on") }</th>
                        <th scope="col">{ t(l, "状态", "Status") }</th>
                    </tr></thead>
                    <tbody>
                        { for sched.entries.iter().map(|e| html! {
                            <tr data-schedule-status={format!("{:?}", e.status).to_lowercase()}>
                                <th scope="row">{ e.person_name.clone().unwrap_or_default() }</th>
                                <td>{ kind_label(&e.kind) }{ " " }{ &e.talk_type }</td>
                                <td>{ e.due.map(|d| d.to_string()).unwrap_or_default() }
                                    if let Some(days) = e.days_left {
                                        <span class="ac-days">{ match l {
                                            Locale::En if days < 0 => format!(" ({} days overdue)", -days),
                                            Locale::En => format!(" (in {days} days)"),
                                            _ if days < 0 => format!("（已逾期{}天）", -days),
                                            _ => format!("（剩余{days}天）"),
                                        } }</span>
                                    }
                                </td>
                                <td>{ e.held_on.map(|d| d.to_string()).unwrap_or_default() }</td>
                                <td><span class={classes!("ac-badge", format!("ac-badge-{:?}", e.status).to_lowercase())}>{ e.status.label(l) }</span></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !sched.gaps.is_empty() {
                <ul class="ac-gaps">
                    { for sched.gaps.iter().map(|g| html! {
                        <li>{ match l {
                            Locale::En => format!("{}: {} required, {} held ({})", g.person_name, g.required, g.held, g.talk_type),
                            _ => format!("{}：应谈{}次，已谈{}次（{}）", g.person_name, g.required, g.held, g.talk_type),
                        } }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn required_mark(l: Locale, f: &Field) -> Html {
    match f.required {
        Requirement::Required(Severity::Error) => html! {
            <><span class="ac-req" aria-hidden="true">{ "*" }</span><span class="ac-sr">{ t(l, "（必填）", " (required)") }</span></>
        },
        _ => html! {},
    }
}

fn section(s: &Store, sh: &Shared, _index: usize, sec: &Section) -> Html {
    let l = s.locale;
    if !s.section_applies(sec) {
        return html! {};
    }
    let sid = esc(&sec.id);
    let base = format!("/{sid}");
    let (status, key) = s.section_status(sec).label(l);
    let gated = sec.presence.is_some();
    let open = !gated || s.has_presence(sec);
    let obj = s.record.get(&sec.id).and_then(Value::as_object);
    html! {
        <section class="ac-section" data-section={sec.id.clone()} aria-labelledby={format!("{}.h", dom_id(&base))}>
            <h2 id={format!("{}.h", dom_id(&base))} tabindex="-1">
                { sec.title.get(l) }
                if sec.key_item { <span class="ac-key">{ t(l, "重点", "Key item") }</span> }
                <span class={classes!("ac-status", format!("ac-status-{key}"))}>{ status }</span>
            </h2>
            if let Some(h) = &sec.hint { <p class="ac-hint">{ h.get(l) }</p> }
            if let Some(p) = &sec.presence {
                { presence(s, sh, sec, p) }
            }
            if open {
                <div class="ac-fields">
                    { for sec.fields.iter().filter(|f| !f.computed || obj.is_some_and(|o| o.contains_key(&f.key))).map(|f| {
                        let path = format!("{base}/{}", esc(&f.key));
                        let value = obj.and_then(|o| o.get(&f.key));
                        field(sh, FieldCx { s, field: f, path: &path, value, label: None })
                    }) }
                </div>
                { for sec.tables.iter().map(|tb| table(s, sh, sec, tb)) }
            } else if let Some(reason) = sec.presence.as_ref().and_then(|p| p.none_reason_field.as_ref()).and_then(|k| sec.field(k)) {
                if obj.and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) == Some(PRESENCE_NONE) {
                    { field(sh, FieldCx { s, field: reason, path: &format!("{base}/{}", esc(&reason.key)), value: obj.and_then(|o| o.get(&reason.key)), label: None }) }
                }
            }
        </section>
    }
}

fn presence(s: &Store, sh: &Shared, sec: &Section, p: &crate::template::PresenceSpec) -> Html {
    let l = s.locale;
    let path = format!("/{}/{PRESENCE_KEY}", esc(&sec.id));
    let current = s.value_at(&path).and_then(Value::as_str).map(str::to_owned);
    let (has, none) = match &p.labels {
        Some(lb) => (lb.has.get(l).to_owned(), lb.none.get(l).to_owned()),
        None => (t(l, "有此类情况", "Has such matters").to_owned(), t(l, "无此类情况", "None").to_owned()),
    };
    let msg = s.visible_message(&path);
    let id = dom_id(&path);
    let err_id = format!("{id}.err");
    let changed = if p.track_change && current.is_some() {
        let cpath = format!("/{}/{CHANGED_KEY}", esc(&sec.id));
        let cur = s.value_at(&cpath).and_then(Value::as_str).map(str::to_owned);
        let cid = dom_id(&cpath);
        html! {
            <fieldset class="ac-radios" id={cid.clone()}>
                <legend>{ t(l, "与上一年度相比", "Compared with last year") }</legend>
                { for [("有变化", "Changed"), ("无变化", "Unchanged")].into_iter().enumerate().map(|(i, (zh, en))| radio(sh, &cpath, &format!("{cid}.{i}"), zh, if l == Locale::En { en } else { zh }, cur.as_deref() == Some(zh), s.read_only, None)) }
            </fieldset>
        }
    } else {
        html! {}
    };
    html! {
        <>
        <fieldset class="ac-radios" id={id.clone()} aria-describedby={msg.as_ref().map(|_| err_id.clone())}>
            <legend>{ t(l, "本项情况", "This item") }<span class="ac-req" aria-hidden="true">{ "*" }</span><span class="ac-sr">{ t(l, "（必填）", " (required)") }</span></legend>
            { radio(sh, &path, &format!("{id}.0"), PRESENCE_HAS, &has, current.as_deref() == Some(PRESENCE_HAS), s.read_only, msg.as_ref().map(|_| true)) }
            { radio(sh, &path, &format!("{id}.1"), PRESENCE_NONE, &none, current.as_deref() == Some(PRESENCE_NONE), s.read_only, msg.as_ref().map(|_| true)) }
            { error_line(&path, &err_id, msg) }
        </fieldset>
        { changed }
        </>
    }
}

#[allow(clippy::too_many_arguments)]
fn radio(sh: &Shared, path: &str, id: &str, value: &str, label: &str, checked: bool, ro: bool, invalid: Option<bool>) -> Html {
    let (p, v) = (path.to_owned(), value.to_owned());
    html! {
        <span class="ac-radio">
            <input type="radio" id={id.to_owned()} name={dom_id(path)} value={value.to_owned()} checked={checked} disabled={ro}
                data-path={path.to_owned()} aria-invalid={invalid.map(|_| "true")}
                onchange={sh.cb(move |_: Event| Some(Msg::Set { path: p.clone(), value: Some(Value::String(v.clone())) }))} />
            <label for={id.to_owned()}>{ label }</label>
        </span>
    }
}

fn error_line(path: &str, id: &str, msg: Option<(Severity, String)>) -> Html {
    match msg {
        Some((sev, text)) => html! {
            <p class={if sev == Severity::Error { "ac-error" } else { "ac-warning" }} id={id.to_owned()} data-error-for={path.to_owned()}>{ text }</p>
        },
        None => html! {},
    }
}

struct FieldCx<'a> {
    s: &'a Store,
    field: &'a Field,
    path: &'a str,
    value: Option<&'a Value>,
    /// Accessible-name suffix for table cells (`第 3 行`).
    label: Option<String>,
}

/// Options of a `ref` / `refs` field: (row id, label).
fn ref_options(s: &Store, f: &Field) -> Vec<(String, String)> {
    let Some(r) = &f.reference else { return Vec::new() };
    s.record
        .pointer(&r.table)
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .filter_map(|row| {
                    let id = row.get("id")?.as_str()?.to_owned();
                    let name = display(row.get(&r.label));
                    let rel = row.get("relation").and_then(Value::as_str).map(|x| format!("（{x}）")).unwrap_or_default();
                    Some((id.clone(), if name.is_empty() { id } else { format!("{name}{rel}") }))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn field(sh: &Shared, cx: FieldCx<'_>) -> Html {
    let FieldCx { s, field: f, path, value, label } = cx;
    let l = s.locale;
    let id = dom_id(path);
    let hint_id = format!("{id}.hint");
    let err_id = format!("{id}.err");
    let msg = s.visible_message(path);
    let mut described = Vec::new();
    if f.hint.is_some() {
        described.push(hint_id.clone());
    }
    if msg.is_some() {
        described.push(err_id.clone());
    }
    let described = if described.is_empty() { None } else { Some(described.join(" ")) };
    let invalid = msg.as_ref().filter(|(sev, _)| *sev == Severity::Error).map(|_| "true");
    let required = matches!(f.required, Requirement::Required(Severity::Error)).then_some("true");
    let ro = s.read_only || f.computed;
    let text = display(value);
    let p = path.to_owned();
    let had_value = value.is_some();
    let oninput = sh.cb(move |e: InputEvent| {
        let raw = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
        let _ = had_value;
        Some(Msg::Input { path: p.clone(), raw })
    });
    let p = path.to_owned();
    let onblur = sh.cb(move |_: FocusEvent| Some(Msg::Touch(p.clone())));
    let p = path.to_owned();
    let onchange_select = sh.cb(move |e: Event| {
        let raw = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Some(Msg::Input { path: p.clone(), raw })
    });
    let aria_label = label.as_ref().map(|suffix| format!("{} {suffix}", f.label.get(l)));
    let control = match f.kind {
        FieldType::Enum | FieldType::Boolean | FieldType::Ref => {
            let opts: Vec<(String, String)> = match f.kind {
                FieldType::Boolean => vec![("true".into(), t(l, "是", "Yes").into()), ("false".into(), t(l, "否", "No").into())],
                FieldType::Ref => ref_options(s, f),
                _ => f.options.iter().map(|o| (o.value().to_owned(), o.label(l).to_owned())).collect(),
            };
            let known = opts.iter().any(|(v, _)| *v == text);
            html! {
                <select id={id.clone()} data-path={path.to_owned()} disabled={ro} aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={required} aria-label={aria_label.clone()} onchange={onchange_select} onblur={onblur.clone()}>
                    <option value="" selected={text.is_empty()}>{ t(l, "请选择", "Select") }</option>
                    if !known && !text.is_empty() { <option value={text.clone()} selected=true>{ text.clone() }</option> }
                    { for opts.into_iter().map(|(v, lab)| { let sel = v == text; html! { <option selected={sel} value={v}>{ lab }</option> } }) }
                </select>
            }
        }
        FieldType::MultiEnum | FieldType::Refs => {
            let opts: Vec<(String, String)> = if f.kind == FieldType::Refs { ref_options(s, f) } else { f.options.iter().map(|o| (o.value().to_owned(), o.label(l).to_owned())).collect() };
            let chosen: Vec<String> = value.and_then(Value::as_array).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
            return html! {
                <fieldset class="ac-field ac-checks" id={id.clone()} aria-describedby={described.clone()}>
                    <legend>{ f.label.get(l) }{ label.clone().map(|x| format!(" {x}")).unwrap_or_default() }{ required_mark(l, f) }</legend>
                    if let Some(h) = &f.hint { <p class="ac-hint" id={hint_id.clone()}>{ h.get(l) }</p> }
                    { for opts.into_iter().enumerate().map(|(i, (v, lab))| {
                        let (p, v2) = (path.to_owned(), v.clone());
                        let cid = format!("{id}.{i}");
                        html! {
                            <span class="ac-check">
                                <input type="checkbox" id={cid.clone()} data-path={path.to_owned()} value={v.clone()} checked={chosen.contains(&v)} disabled={ro}
                                    onchange={sh.cb(move |e: Event| Some(Msg::Toggle { path: p.clone(), option: v2.clone(), on: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() }))} />
                                <label for={cid}>{ lab }</label>
                            </span>
                        }
                    }) }
                    { error_line(path, &err_id, msg) }
                </fieldset>
            };
        }
        _ if f.multiline => html! {
            <textarea id={id.clone()} data-path={path.to_owned()} readonly={ro} aria-describedby={described.clone()} aria-invalid={invalid}
                aria-required={required} aria-label={aria_label.clone()} rows="3" value={text.clone()} oninput={oninput} onblur={onblur.clone()} />
        },
        kind => {
            let (mode, placeholder) = match kind {
                FieldType::Date => (Some("numeric"), Some("YYYY-MM-DD")),
                FieldType::Year | FieldType::Integer => (Some("numeric"), None),
                FieldType::MoneyWan | FieldType::MoneyYuan | FieldType::AreaM2 | FieldType::Percent | FieldType::FundShares => (Some("decimal"), None),
                FieldType::Mobile => (Some("tel"), None),
                _ => (None, None),
            };
            let autocomplete = match kind {
                FieldType::IdCard | FieldType::IdNumber | FieldType::Passport | FieldType::TravelPermit => Some("off"),
                _ => None,
            };
            html! {
                <input type="text" id={id.clone()} data-path={path.to_owned()} readonly={ro} value={text.clone()} inputmode={mode} placeholder={placeholder}
                    autocomplete={autocomplete} spellcheck="false" aria-describedby={described.clone()} aria-invalid={invalid} aria-required={required}
                    aria-label={aria_label.clone()} oninput={oninput} onblur={onblur} />
            }
        }
    };
    html! {
        <div class={classes!("ac-field", msg.as_ref().map(|_| "ac-field-invalid"))}>
            <label for={id.clone()}>{ f.label.get(l) }{ required_mark(l, f) }</label>
            if let Some(h) = &f.hint { <p class="ac-hint" id={hint_id}>{ h.get(l) }</p> }
            <span class="ac-control">
                { control }
                if let Some(u) = &f.unit { <span class="ac-unit">{ u }</span> }
            </span>
            { error_line(path, &err_id, msg) }
        </div>
    }
}

fn table(s: &Store, sh: &Shared, sec: &Section, tb: &Table) -> Html {
    let l = s.locale;
    let tpath = format!("/{}/{}", esc(&sec.id), esc(&tb.id));
    let rows = s.record.pointer(&tpath).and_then(Value::as_array).cloned().unwrap_or_default();
    let msg = s.visible_message(&tpath);
    let tid = dom_id(&tpath);
    // Messages of every visible cell, by row, so that a row re-renders only when its own change.
    let mut by_row: BTreeMap<usize, Vec<(String, Severity, String)>> = BTreeMap::new();
    let prefix = format!("{tpath}/");
    for (i, row) in rows.iter().enumerate() {
        let _ = row;
        for c in &tb.columns {
            let p = format!("{prefix}{i}/{}", esc(&c.key));
            if let Some((sev, m)) = s.visible_message(&p) {
                by_row.entry(i).or_default().push((c.key.clone(), sev, m));
            }
        }
        let rp = format!("{prefix}{i}");
        if let Some((sev, m)) = s.visible_message(&rp) {
            by_row.entry(i).or_default().push((String::new(), sev, m));
        }
    }
    let refs: Rc<BTreeMap<String, Vec<(String, String)>>> =
        Rc::new(tb.columns.iter().filter(|c| c.reference.is_some()).map(|c| (c.key.clone(), ref_options(s, c))).collect());
    let tp = tpath.clone();
    html! {
        <div class="ac-table-block" data-table={tpath.clone()}>
            <h3 id={format!("{tid}.h")} tabindex="-1">{ tb.title.get(l) }
                <span class="ac-count">{ match l { Locale::En => format!(" ({} rows)", rows.len()), _ => format!("（共{}行）", rows.len()) } }</span>
            </h3>
            if let Some(h) = &tb.hint { <p class="ac-hint">{ h.get(l) }</p> }
            { error_line(&tpath, &format!("{tid}.err"), msg) }
            <ol class="ac-rows" aria-labelledby={format!("{tid}.h")}>
                { for rows.into_iter().enumerate().map(|(i, row)| html! {
                    <RowView key={i} shared={sh.clone()} section={sec.id.clone()} table={tb.id.clone()} index={i} row={row}
                        messages={Rc::new(by_row.remove(&i).unwrap_or_default())} locale={l} read_only={s.read_only}
                        pending={s.pending_remove.as_deref() == Some(format!("{tpath}/{i}").as_str())} refs={refs.clone()} />
                }) }
            </ol>
            if !s.read_only {
                <button type="button" class="ac-btn" data-action="add-row" data-table={tpath.clone()}
                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::AddRow(tp.clone())))}>
                    { t(l, "添加一行", "Add row") }<span class="ac-sr">{ format!("：{}", tb.title.get(l)) }</span>
                </button>
            }
        </div>
    }
}

/// Props of one table row.
#[derive(Properties, PartialEq, Clone)]
pub struct RowProps {
    shared: Shared,
    section: String,
    table: String,
    index: usize,
    row: Value,
    messages: Rc<Vec<(String, Severity, String)>>,
    locale: Locale,
    read_only: bool,
    pending: bool,
    refs: Rc<BTreeMap<String, Vec<(String, String)>>>,
}

/// One table row: re-renders only when its data, messages or options change.
#[component]
fn RowView(p: &RowProps) -> Html {
    let Ok(s) = p.shared.store.try_borrow() else { return html! {} };
    let l = p.locale;
    let Some(tb) = s.validator.template().section(&p.section).and_then(|sec| sec.table(&p.table)) else { return html! {} };
    let rpath = format!("/{}/{}/{}", esc(&p.section), esc(&p.table), p.index);
    let n = p.index + 1;
    let row_label = match l {
        Locale::En => format!("row {n}"),
        _ => format!("第{n}行"),
    };
    let obj = p.row.as_object();
    let sh = &p.shared;
    let rp = rpath.clone();
    let rid = dom_id(&rpath);
    let row_msg = p.messages.iter().find(|(k, _, _)| k.is_empty()).map(|(_, sev, m)| (*sev, m.clone()));
    html! {
        <li class="ac-row" data-row={rpath.clone()}>
            <fieldset id={rid.clone()} tabindex="-1">
                <legend>{ format!("{} {}", tb.title.get(l), row_label) }</legend>
                <div class="ac-fields">
                    { for tb.columns.iter().filter(|c| c.key != "id").map(|c| {
                        let cpath = format!("{rpath}/{}", esc(&c.key));
                        field(sh, FieldCx { s: &s, field: c, path: &cpath, value: obj.and_then(|o| o.get(&c.key)), label: Some(row_label.clone()) })
                    }) }
                </div>
                { error_line(&rpath, &format!("{rid}.err"), row_msg) }
                if !p.read_only {
                    if p.pending {
                        <div class="ac-dialog" role="alertdialog" aria-labelledby={format!("{rid}.q")}>
                            <p id={format!("{rid}.q")}>{ t(l, "确定删除该条记录吗？", "Delete this row?") }</p>
                            <button type="button" class="ac-btn ac-danger" data-action="confirm-remove" onclick={sh.cb(|_: MouseEvent| Some(Msg::ConfirmRemove))}>{ t(l, "删除", "Delete") }</button>
                            <button type="button" class="ac-btn" data-action="cancel-remove" onclick={sh.cb(|_: MouseEvent| Some(Msg::CancelRemove))}>{ t(l, "取消", "Cancel") }</button>
                        </div>
                    } else {
                        <button type="button" class="ac-btn ac-link" data-action="remove-row" data-row={rpath.clone()}
                            onclick={sh.cb(move |_: MouseEvent| Some(Msg::AskRemove(rp.clone())))}>
                            { t(l, "删除", "Delete") }<span class="ac-sr">{ format!(" {row_label}") }</span>
                        </button>
                    }
                }
            </fieldset>
        </li>
    }
}

fn answer_text(s: &Store, f: &Field, v: Option<&Value>) -> String {
    let l = s.locale;
    match (f.kind, v) {
        (_, None) => t(l, "未填写", "Not filled").to_owned(),
        (FieldType::Boolean, Some(Value::Bool(b))) => t(l, if *b { "是" } else { "否" }, if *b { "Yes" } else { "No" }).to_owned(),
        (FieldType::Enum, Some(Value::String(x))) => f.options.iter().find(|o| o.value() == x).map(|o| o.label(l).to_owned()).unwrap_or_else(|| x.clone()),
        (FieldType::Ref | FieldType::Refs, Some(v)) => {
            let opts = ref_options(s, f);
            let name = |id: &str| opts.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()).unwrap_or_else(|| id.to_owned());
            match v {
                Value::Array(a) => a.iter().filter_map(Value::as_str).map(name).collect::<Vec<_>>().join("、"),
                Value::String(x) => name(x),
                other => display(Some(other)),
            }
        }
        (_, v) => {
            let mut x = display(v);
            if let Some(u) = &f.unit {
                x.push(' ');
                x.push_str(u);
            }
            x
        }
    }
}

fn review(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let tpl = s.validator.template();
    let warnings: Vec<_> = s.findings.iter().filter(|f| f.severity == Severity::Warning || (f.overridable && f.severity == Severity::Error)).collect();
    let (e, _) = s.counts();
    html! {
        <div class="ac-review" data-review="">
            <h2 tabindex="-1" id="ac-review-title">{ t(l, "核对填报内容", "Check your answers") }</h2>
            if e > 0 {
                <p class="ac-error">{ match l { Locale::En => format!("{e} errors must be corrected before submitting."), _ => format!("还有{e}项错误，修改后方可提交。") } }</p>
            }
            if !warnings.is_empty() {
                <section class="ac-warnings" aria-labelledby="ac-warn-title">
                    <h3 id="ac-warn-title">{ t(l, "请确认以下提示", "Please confirm these warnings") }</h3>
                    <ul>
                        { for warnings.iter().enumerate().map(|(i, f)| html! {
                            <li>{ f.message(l) }{ " " }{ confirm_box(sh, l, f.code.as_str(), &f.path, f.confirmed, &format!("ac-rev-c{i}"), &f.message(l)) }</li>
                        }) }
                    </ul>
                </section>
            }
            { for tpl.sections.iter().filter(|sec| s.section_applies(sec)).map(|sec| {
                let obj = s.record.get(&sec.id).and_then(Value::as_object);
                let sp = format!("/{}", esc(&sec.id));
                html! {
                    <section class="ac-review-section" aria-labelledby={format!("{}.rv", dom_id(&sp))}>
                        <h3 id={format!("{}.rv", dom_id(&sp))}>{ sec.title.get(l) }</h3>
                        <dl>
                            if sec.presence.is_some() {
                                <dt>{ t(l, "本项情况", "This item") }</dt>
                                <dd>{ match obj.and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) {
                                    Some(PRESENCE_HAS) => t(l, "有此类情况", "Has such matters"),
                                    Some(PRESENCE_NONE) => t(l, "无此类情况", "None"),
                                    _ => t(l, "未填写", "Not filled"),
                                } }</dd>
                            }
                            { for sec.fields.iter().filter(|f| obj.is_some_and(|o| o.contains_key(&f.key)) || !matches!(f.required, Requirement::Optional)).map(|f| html! {
                                <><dt>{ f.label.get(l) }</dt><dd>{ answer_text(s, f, obj.and_then(|o| o.get(&f.key))) }</dd></>
                            }) }
                        </dl>
                        { for sec.tables.iter().map(|tb| {
                            let rows = obj.and_then(|o| o.get(&tb.id)).and_then(Value::as_array);
                            let cols: Vec<&Field> = tb.columns.iter().filter(|c| c.key != "id").collect();
                            match rows {
                                Some(rows) if !rows.is_empty() => html! {
                                    <div class="ac-scroll">
                                    <table class="ac-table">
                                        <caption>{ tb.title.get(l) }</caption>
                                        <thead><tr><th scope="col">{ "#" }</th>{ for cols.iter().map(|c| html! { <th scope="col">{ c.label.get(l) }</th> }) }</tr></thead>
                                        <tbody>
                                            { for rows.iter().enumerate().map(|(i, r)| html! {
                                                <tr><th scope="row">{ i + 1 }</th>{ for cols.iter().map(|c| html! { <td>{ answer_text(s, c, r.get(&c.key)) }</td> }) }</tr>
                                            }) }
                                        </tbody>
                                    </table>
                                    </div>
                                },
                                _ => html! {},
                            }
                        }) }
                        if !s.read_only {
                            { { let sp2 = sp.clone(); html! {
                                <button type="button" class="ac-link" data-action="edit-section" data-section={sec.id.clone()}
                                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::Focus(sp2.clone())))}>
                                    { t(l, "修改", "Edit") }<span class="ac-sr">{ format!(" {}", sec.title.get(l)) }</span>
                                </button>
                            } } }
                        }
                    </section>
                }
            }) }
        </div>
    }
}

fn actions(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let sending = s.submit == SubmitState::Sending;
    let retry = matches!(s.submit, SubmitState::Failed { .. });
    html! {
        <div class="ac-actions" role="group" aria-label={t(l, "操作", "Actions")}>
            if !s.read_only {
                <button type="button" class="ac-btn" data-action="validate" onclick={sh.cb(|_: MouseEvent| Some(Msg::Validate))}>{ t(l, "一键校验", "Validate") }</button>
                if s.view == View::Form {
                    <button type="button" class="ac-btn" data-action="review" onclick={sh.cb(|_: MouseEvent| Some(Msg::Review))}>{ t(l, "核对", "Check answers") }</button>
                } else {
                    <button type="button" class="ac-btn" data-action="back" onclick={sh.cb(|_: MouseEvent| Some(Msg::BackToForm))}>{ t(l, "返回修改", "Back") }</button>
                }
                <button type="button" class="ac-btn ac-primary" data-action="submit" aria-disabled={sending.then_some("true")}
                    onclick={sh.cb(|_: MouseEvent| Some(Msg::Submit))}>
                    { if sending { t(l, "正在提交……", "Submitting…") } else if retry { t(l, "重新提交", "Retry submit") } else { t(l, "提交", "Submit") } }
                </button>
            }
            <button type="button" class="ac-btn" data-action="export" onclick={sh.cb(|_: MouseEvent| Some(Msg::Export { now: now_stamp() }))}>{ t(l, "导出JSON", "Export JSON") }</button>
            if !s.read_only {
                <button type="button" class="ac-btn" data-action="import" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickImport))}>{ t(l, "导入JSON", "Import JSON") }</button>
                <input type="file" class="ac-hidden" accept=".json,application/json" data-action="import-file" tabindex="-1" aria-hidden="true"
                    onchange={{
                        let sh = sh.clone();
                        Callback::from(move |e: Event| {
                            #[cfg(target_arch = "wasm32")]
                            crate::web::read_import(&sh, e);
                            #[cfg(not(target_arch = "wasm32"))]
                            let _ = (&sh, e);
                        })
                    }} />
            }
        </div>
    }
}
