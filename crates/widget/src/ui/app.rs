//! The widget's shell: the title and locale switch, the notices, the error summary, the task list,
//! the form or 核对 view, and the action bar, as a function of the store.

use yew::prelude::*;

use super::changes;
use super::crosscheck;
use super::dom::{dom_id, esc, DISCARD_ASK, DISCARD_CONFIRM};
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
use super::text::{notice as notice_text, w, W};
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
                    { w(l, W::OtherLanguage) }
                </button>
                if s.read_only() { <p class="ac-badge">{ w(l, W::ReadOnly) }</p> }
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
            <label for="ac-keep-draft">{ w(l, W::KeepTheDraftOnThisComputer) }</label>
            <p class="ac-hint" id="ac-keep-draft-hint">{ w(l, W::IfTickedWhatYouHaveNot) }</p>
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
                <p>{ w(l, W::Receipt) }<strong data-receipt="">{ r }</strong></p>
            }
            if restored && !s.read_only() && s.asking_discard() {
                // As a row's 删除: focus moves into the question, Escape answers 取消.
                <div class="ac-dialog" role="alertdialog" aria-labelledby="ac-discard-q"
                    onkeydown={sh.cb(|e: KeyboardEvent| (e.key() == "Escape").then_some(Msg::CancelDiscardDraft))}>
                    <p id="ac-discard-q">{ w(l, W::DiscardTheDraftQuestion) }</p>
                    <button type="button" class="ac-btn ac-danger" id={dom_id(&format!("/{DISCARD_CONFIRM}"))} data-action="confirm-discard-draft"
                        onclick={sh.cb(|_: MouseEvent| Some(Msg::DiscardDraft))}>{ w(l, W::Discard) }</button>
                    <button type="button" class="ac-btn" data-action="cancel-discard-draft"
                        onclick={sh.cb(|_: MouseEvent| Some(Msg::CancelDiscardDraft))}>{ w(l, W::Cancel) }</button>
                </div>
            } else if restored && !s.read_only() {
                <button type="button" class="ac-link" id={dom_id(&format!("/{DISCARD_ASK}"))} data-action="discard-draft"
                    onclick={sh.cb(|_: MouseEvent| Some(Msg::AskDiscardDraft))}>
                    { w(l, W::DiscardTheDraft) }
                </button>
            }
            if s.draft_conflict() {
                <button type="button" class="ac-link" data-action="draft-use-other" onclick={sh.cb(|_: MouseEvent| Some(Msg::DraftUseOther))}>
                    { w(l, W::LoadTheOtherPageSVersion) }
                </button>
                <button type="button" class="ac-link" data-action="draft-keep-mine" onclick={sh.cb(|_: MouseEvent| Some(Msg::DraftKeepMine))}>
                    { w(l, W::KeepThisPageSVersion) }
                </button>
            }
        </div>
    }
}

fn task_list(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    let tpl = s.validator().template();
    html! {
        <nav class="ac-tasks" aria-label={w(l, W::Progress)}>
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
                <p>{ w(l, W::Receipt) }<strong data-outcome-receipt="">{ r }</strong>{ w(l, W::KeepANoteOfIt) }</p>
            }
            if s.summary_shown() && s.blocks_submit() && s.view() == View::Form {
                <button type="button" class="ac-link" data-action="to-summary" onclick={sh.cb(|_: MouseEvent| Some(Msg::ShowSummary))}>
                    { w(l, W::GoToTheListOfProblems) }
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
        <div class="ac-actions" role="group" aria-label={w(l, W::Actions)}>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="validate" onclick={sh.cb(|_: MouseEvent| Some(Msg::Validate))}>{ w(l, W::Validate) }</button>
                if s.view() == View::Form {
                    <button type="button" class="ac-btn" data-action="review" onclick={sh.cb(|_: MouseEvent| Some(Msg::Review))}>{ w(l, W::CheckAnswers) }</button>
                } else {
                    <button type="button" class="ac-btn" data-action="back" onclick={sh.cb(|_: MouseEvent| Some(Msg::BackToForm))}>{ w(l, W::BackToForm) }</button>
                }
                <button type="button" class="ac-btn ac-primary" data-action="submit" aria-disabled={sending.then_some("true")}
                    onclick={sh.cb(|_: MouseEvent| Some(Msg::Submit))}>
                    { if sending { w(l, W::Submitting) } else if retry { w(l, W::RetrySubmit) } else { w(l, W::Submit) } }
                </button>
            }
            <button type="button" class="ac-btn" data-action="export" onclick={{ let host = sh.clone(); sh.cb(move |_: MouseEvent| Some(Msg::Export { now: host.now() })) }}>{ w(l, W::ExportJSON) }</button>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="import" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Import)))}>{ w(l, W::ImportJSON) }</button>
                { tools::file_input(sh, FilePurpose::Import) }
            }
            { tools::actions(s, sh) }
        </div>
        </>
    }
}
