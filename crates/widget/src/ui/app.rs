//! The widget's shell: the title and locale switch, the notices, the error summary, the task list,
//! the form or 核对 view, and the action bar, as a function of the store.

use yew::prelude::*;

use super::changes;
use super::crosscheck;
use super::dom::{dom_id, esc};
use super::form;
use super::keys;
use super::overview;
use super::print;
use super::review;
use super::reviewer;
use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::notice::Notice;
use super::store::state::{DraftKeep, Store, SubmitState, View};
use super::summary;
use super::text::{notice as notice_text, t};
use super::tools;
use checklist_core::locale::Locale;
use checklist_core::template::ChecklistKind;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The shared store.
    pub shared: Shared,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let force = use_force_update();
    {
        let f = force.clone();
        props.shared.on_rerender(Callback::from(move |()| f.force_update()));
    }
    let Ok(s) = props.shared.store.try_borrow() else {
        return html! {};
    };
    let sh = &props.shared;
    let l = s.locale();
    let tpl = s.validator().template();
    let view = match s.view() {
        View::Form => "form",
        View::Review => "review",
    };
    if s.printing() {
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
                if s.read_only() { <p class="ac-badge">{ t(l, "只读", "Read-only") }</p> }
                if let Some(d) = &tpl.description { <p class="ac-desc">{ d.get(l) }</p> }
            </header>
            { keep_draft(&s, sh) }
            { notice(&s, sh) }
            { reviewer::panel(&s, sh) }
            { changes::base_note(&s, sh) }
            { summary::summary(&s, sh) }
            { task_list(&s, sh) }
            { crosscheck::panel(&s, sh) }
            if tpl.checklist_kind == ChecklistKind::Tanhua { { overview::talk_overview(&s) } }
            if s.view() == View::Review { { review::review(&s, sh) } } else {
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
    if !s.draft_choice() || s.read_only() {
        return html! {};
    }
    let l = s.locale();
    let on = s.draft_keep() == DraftKeep::Computer;
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
    let l = s.locale();
    let receipt = match s.submit_state() {
        SubmitState::Done { receipt } => Some(receipt.clone()),
        _ => None,
    };
    let restored = matches!(s.notice(), Some(Notice::DraftRestored(_)));
    html! {
        <div class={classes!("ac-notice", s.notice().map(|n| format!("ac-notice-{}", n.kind())))} role="status" aria-live="polite" data-notice="">
            if let Some(n) = s.notice() {
                <p>{ notice_text(l, n) }</p>
            }
            if let Some(r) = receipt {
                <p>{ t(l, "回执编号：", "Receipt: ") }<strong data-receipt="">{ r }</strong></p>
            }
            if restored && !s.read_only() {
                <button type="button" class="ac-link" data-action="discard-draft" onclick={sh.cb(|_: MouseEvent| Some(Msg::DiscardDraft))}>
                    { t(l, "放弃草稿，恢复原始数据", "Discard the draft") }
                </button>
            }
            if s.draft_conflict() {
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

fn task_list(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    let tpl = s.validator().template();
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
    let l = s.locale();
    let Some(o) = s.outcome() else { return html! {} };
    let receipt = match s.submit_state() {
        SubmitState::Done { receipt } => Some(receipt.clone()),
        _ => None,
    };
    html! {
        <div class={classes!("ac-outcome", format!("ac-outcome-{}", o.kind()))} tabindex="-1" data-outcome={o.kind()}>
            <p>{ notice_text(l, o) }</p>
            if let Some(r) = receipt {
                <p>{ t(l, "回执编号：", "Receipt: ") }<strong data-outcome-receipt="">{ r }</strong>{ t(l, "（请记下或截图保存）", " (keep a note of it)") }</p>
            }
            if s.summary_shown() && s.blocks_submit() && s.view() == View::Form {
                <button type="button" class="ac-link" data-action="to-summary" onclick={sh.cb(|_: MouseEvent| Some(Msg::ShowSummary))}>
                    { t(l, "查看问题清单", "Go to the list of problems") }
                </button>
            }
        </div>
    }
}

fn actions(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    let sending = *s.submit_state() == SubmitState::Sending;
    let retry = matches!(s.submit_state(), SubmitState::Failed { .. });
    html! {
        <>
        { outcome(s, sh) }
        <div class="ac-actions" role="group" aria-label={t(l, "操作", "Actions")}>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="validate" onclick={sh.cb(|_: MouseEvent| Some(Msg::Validate))}>{ t(l, "一键校验", "Validate") }</button>
                if s.view() == View::Form {
                    <button type="button" class="ac-btn" data-action="review" onclick={sh.cb(|_: MouseEvent| Some(Msg::Review))}>{ t(l, "核对", "Check answers") }</button>
                } else {
                    <button type="button" class="ac-btn" data-action="back" onclick={sh.cb(|_: MouseEvent| Some(Msg::BackToForm))}>{ t(l, "返回修改", "Back") }</button>
                }
                <button type="button" class="ac-btn ac-primary" data-action="submit" aria-disabled={sending.then_some("true")}
                    onclick={sh.cb(|_: MouseEvent| Some(Msg::Submit))}>
                    { if sending { t(l, "正在提交……", "Submitting…") } else if retry { t(l, "重新提交", "Retry submit") } else { t(l, "提交", "Submit") } }
                </button>
            }
            <button type="button" class="ac-btn" data-action="export" onclick={{ let host = sh.clone(); sh.cb(move |_: MouseEvent| Some(Msg::Export { now: host.now() })) }}>{ t(l, "导出文件", "Export JSON") }</button>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="import" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Import)))}>{ t(l, "导入文件", "Import JSON") }</button>
                { tools::file_input(sh, FilePurpose::Import) }
            }
            { tools::actions(s, sh) }
        </div>
        </>
    }
}
