//! The widget's view: Yew function components that render a [`store::Store`] for any
//! template. Compiled natively too, so that tests render it to HTML (Yew's server-side
//! renderer) without a browser; the browser glue lives in `crate::web`.
//!
//! Every input carries its JSON pointer in `data-path`; its message is an element
//! `[data-error-for]` referenced by `aria-describedby`. Buttons carry `data-action`. These
//! attributes are the contract with the host page and the end-to-end tests.

mod changes;
pub mod clerk;
mod crosscheck;
mod form;
mod keys;
mod overview;
mod print;
mod review;
mod reviewer;
pub mod store;
mod tools;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use checklist_core::finding::Severity;
use checklist_core::locale::Locale;
use checklist_core::template::ChecklistKind;
use store::{Effect, Msg, Store, SubmitState, View};

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
        let (fx, quiet) = match self.store.try_borrow_mut() {
            Ok(mut s) => (s.update(msg), s.quiet),
            Err(_) => return, // re-entrant call during render: ignored rather than a panic
        };
        (self.runner)(self, fx);
        if !quiet {
            self.rerender();
        }
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
    if s.clerk.printing {
        return html! {
            <div class="ac ac-print-mode" lang={l.tag()} data-template={tpl.id.clone()} data-view="print" onkeydown={keys::on_keydown(sh)}>
                { print::print_mode(&s, sh) }
            </div>
        };
    }
    html! {
        <div class="ac" lang={l.tag()} data-template={tpl.id.clone()} data-view={view} onkeydown={keys::on_keydown(sh)}>
            <header class="ac-head">
                <h1 class="ac-title" id="ac-title" tabindex="-1">{ tpl.title.get(l) }</h1>
                <button type="button" class="ac-link" data-action="locale" lang={if l == Locale::En { "zh-CN" } else { "en" }}
                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::SetLocale(if l == Locale::En { Locale::ZhCn } else { Locale::En })))}>
                    { if l == Locale::En { "中文" } else { "English" } }
                </button>
                if s.read_only { <p class="ac-badge">{ t(l, "只读", "Read-only") }</p> }
                if let Some(d) = &tpl.description { <p class="ac-desc">{ d.get(l) }</p> }
            </header>
            { keep_draft(&s, sh) }
            { notice(&s, sh) }
            { reviewer::panel(&s, sh) }
            { changes::base_note(&s, sh) }
            { summary(&s, sh) }
            { task_list(&s, sh) }
            { crosscheck::panel(&s, sh) }
            if tpl.checklist_kind == ChecklistKind::Tanhua { { overview::talk_overview(&s) } }
            if s.view == View::Review { { review::review(&s, sh) } } else {
                <div class="ac-sections">
                    { for tpl.sections.iter().enumerate().map(|(i, sec)| form::section(&s, sh, i, sec)) }
                </div>
            }
            { actions(&s, sh) }
        </div>
    }
}

/// The opt-in to keep the draft on this computer, with what that means on a shared PC.
fn keep_draft(s: &Store, sh: &Shared) -> Html {
    if !s.draft_choice || s.read_only {
        return html! {};
    }
    let l = s.locale;
    let on = s.draft_keep == store::DraftKeep::Computer;
    html! {
        <div class="ac-keep">
            <input type="checkbox" id="ac-keep-draft" data-action="keep-draft" checked={on} aria-describedby="ac-keep-draft-hint"
                onchange={sh.cb(|e: Event| Some(Msg::KeepOnComputer(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))} />
            <label for="ac-keep-draft">{ t(l, "在这台电脑上保存草稿", "Keep the draft on this computer") }</label>
            <p class="ac-hint" id="ac-keep-draft-hint">{ t(l,
                "勾选后，未提交的内容保存在这台电脑的浏览器里，关闭页面后再打开可以接着填写；使用这台电脑的其他人也可能看到这些内容，公用或多人共用的电脑请不要勾选。提交成功后草稿自动清除。不勾选时，草稿只保留到关闭本页为止，关闭前会提醒。",
                "If ticked, what you have not submitted is kept in this computer's browser, so you can close the page and continue later; anyone else who uses this computer may also see it, so do not tick this on a shared computer. The draft is removed once submitted. If not ticked, the draft lasts until this page is closed, and you are asked before closing.") }</p>
        </div>
    }
}

fn notice(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let receipt = match &s.submit {
        SubmitState::Done { receipt } => Some(receipt.clone()),
        _ => None,
    };
    let restored = s.notice.as_ref().is_some_and(|n| n.kind == store::NOTICE_RESTORED);
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
            if s.draft_conflict.is_some() {
                <button type="button" class="ac-link" data-action="draft-use-other" onclick={sh.cb(|_: MouseEvent| Some(Msg::DraftUseOther))}>
                    { t(l, "载入另一页的版本", "Load the other page's version") }
                </button>
                <button type="button" class="ac-link" data-action="draft-keep-mine" onclick={sh.cb(|_: MouseEvent| Some(Msg::DraftKeepMine))}>
                    { t(l, "保留本页的版本", "Keep this page's version") }
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
    // No "0项…" part: only what there is.
    let title = match (l, e, w) {
        (Locale::En, e, 0) => format!("Validation failed: {e} errors"),
        (Locale::En, 0, w) => format!("Validation failed: {w} warnings to confirm"),
        (Locale::En, e, w) => format!("Validation failed: {e} errors, {w} warnings to confirm"),
        (_, e, 0) => format!("校验未通过：共{e}项错误"),
        (_, 0, w) => format!("校验未通过：共{w}项提示待确认"),
        (_, e, w) => format!("校验未通过：共{e}项错误、{w}项提示待确认"),
    };
    html! {
        <div class="ac-summary" role="alert" tabindex="-1" data-summary="" aria-labelledby="ac-summary-title">
            <h2 id="ac-summary-title">{ title }</h2>
            <ul>
                { for blocking.iter().enumerate().map(|(i, f)| {
                    let path = f.path.clone();
                    let p2 = path.clone();
                    let warn = f.severity == Severity::Warning;
                    // The section (or table and row) names the item: several items share messages such as
                    // 请据实填写或明确填报“无”, and every row has the same columns.
                    let section = s.where_is(&path);
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
        checklist_core::date::shanghai_datetime_from_unix_ms(js_sys::Date::now() as i64).unwrap_or_default()
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
                            { changes::section_badge(s, sec) }
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// What 提交 came to, where the user pressed it: focus moves here (`Effect::FocusOutcome`), so it
/// is read out without a second live region repeating the notice at the top.
fn outcome(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let Some(o) = &s.outcome else { return html! {} };
    let receipt = match &s.submit {
        SubmitState::Done { receipt } => Some(receipt.clone()),
        _ => None,
    };
    html! {
        <div class={classes!("ac-outcome", format!("ac-outcome-{}", o.kind))} tabindex="-1" data-outcome={o.kind}>
            <p>{ &o.text }</p>
            if let Some(r) = receipt {
                <p>{ t(l, "回执编号：", "Receipt: ") }<strong data-outcome-receipt="">{ r }</strong>{ t(l, "（请记下或截图保存）", " (keep a note of it)") }</p>
            }
            if s.summary && s.blocks_submit() && s.view == View::Form {
                <button type="button" class="ac-link" data-action="to-summary" onclick={sh.cb(|_: MouseEvent| Some(Msg::ShowSummary))}>
                    { t(l, "查看问题清单", "Go to the list of problems") }
                </button>
            }
        </div>
    }
}

fn actions(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    let sending = s.submit == SubmitState::Sending;
    let retry = matches!(s.submit, SubmitState::Failed { .. });
    html! {
        <>
        { outcome(s, sh) }
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
            <button type="button" class="ac-btn" data-action="export" onclick={sh.cb(|_: MouseEvent| Some(Msg::Export { now: now_stamp() }))}>{ t(l, "导出文件", "Export JSON") }</button>
            if !s.read_only {
                <button type="button" class="ac-btn" data-action="import" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickImport))}>{ t(l, "导入文件", "Import JSON") }</button>
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
            { tools::actions(s, sh) }
        </div>
        </>
    }
}
