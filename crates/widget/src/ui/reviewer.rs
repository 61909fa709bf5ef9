//! Review mode (组织部门 / 纪检机关): the banner that says plainly whether the record was changed
//! after export, what the file says about itself, the findings now and the warnings the filer
//! confirmed (with when).

use yew::prelude::*;

use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::pointer::split_pointer;
use super::store::state::Store;
use super::text::{say, w, P, W};
use checklist_core::finding::codes::field::FieldCode;
use checklist_core::finding::{Code, Severity};
use checklist_core::intake::Integrity;
use checklist_core::locale::Locale;

/// The review-mode panel (nothing outside review mode).
pub(crate) fn panel(s: &Store, sh: &Shared) -> Html {
    if !s.review_mode() {
        return html! {};
    }
    let l = s.locale();
    let Some(r) = s.review_info() else {
        return html! {
            <section class="ac-reviewer" aria-labelledby="ac-reviewer-title" data-reviewer="">
                <h2 id="ac-reviewer-title">{ w(l, W::ReviewMode) }</h2>
                <p>{ w(l, W::OpenAnExportedOrSubmittedRecord) }</p>
                { open_button(sh, l) }
            </section>
        };
    };
    let (class, headline, detail) = match r.integrity {
        Integrity::Intact => ("ac-verdict-ok", w(l, W::UnchangedThisRecordWasNotChanged), w(l, W::TheDigestSHA256MatchesThe)),
        Integrity::Changed => ("ac-verdict-bad", w(l, W::ChangedThisRecordWasModifiedAfter), w(l, W::TheDigestDoesNotMatchAnswers)),
        Integrity::NoDigest => ("ac-verdict-warn", w(l, W::CannotTellTheFileHasNo), w(l, W::OldFormatFilesCarryNoDigest)),
        Integrity::Unknown => ("ac-verdict-warn", w(l, W::CannotTellUnknownDigestAlgorithm), w(l, W::TheFileSDigestCannotBe)),
    };
    let verdict = match r.integrity {
        Integrity::Intact => "intact",
        Integrity::Changed => "changed",
        Integrity::NoDigest => "no-digest",
        Integrity::Unknown => "unknown",
    };
    // Errors, warnings, rule notes, and answers set aside because their field does not apply: a
    // reviewer must know the record holds them, although they are neither checked nor printed.
    let set_aside = Code::from(FieldCode::SetAside);
    let current: Vec<_> = s.findings().iter().filter(|f| f.severity != Severity::Info || f.rule.is_some() || f.code == set_aside).collect();
    let (e, warns) = (
        current.iter().filter(|f| f.severity == Severity::Error).count(),
        current.iter().filter(|f| f.severity == Severity::Warning).count(),
    );
    let section_of = |path: &str| {
        split_pointer(path)
            .first()
            .and_then(|id| s.validator().template().section(id))
            .map(|sec| sec.title.get(l).to_owned())
            .unwrap_or_default()
    };
    let message_of = |code: &str, path: &str| s.findings().iter().find(|f| f.code.as_str() == code && f.path == path).map(|f| f.message(l));
    html! {
        <section class="ac-reviewer" aria-labelledby="ac-reviewer-title" data-reviewer="">
            <h2 id="ac-reviewer-title">{ w(l, W::ReviewMode) }</h2>
            <div class={classes!("ac-verdict", class)} role="alert" data-verdict={verdict}>
                <p class="ac-verdict-head"><strong>{ headline }</strong></p>
                <p>{ detail }</p>
            </div>
            <dl class="ac-review-meta">
                <dt>{ w(l, W::ExportedAt) }</dt><dd>{ if r.exported_at.is_empty() { w(l, W::NotGiven).to_owned() } else { checklist_core::locale::stamp(l, &r.exported_at) } }</dd>
                <dt>{ w(l, W::Status) }</dt><dd>{ r.status.clone() }</dd>
                <dt>{ w(l, W::Template) }</dt><dd>{ r.template.clone() }</dd>
                <dt>{ w(l, W::DigestInTheFile) }</dt><dd class="ac-mono">{ if r.digest.is_empty() { "—".to_owned() } else { r.digest.clone() } }</dd>
                <dt>{ w(l, W::DigestOfTheContent) }</dt><dd class="ac-mono">{ r.computed.clone() }</dd>
            </dl>
            if !r.import_findings.is_empty() {
                <ul class="ac-import-findings">
                    { for r.import_findings.iter().map(|f| html! { <li>{ f.message(l) }</li> }) }
                </ul>
            }
            <section class="ac-review-findings" aria-labelledby="ac-rf-title" data-review-findings="">
                <h3 id="ac-rf-title">{ say(l, P::FindingsHeading { errors: e, warnings: warns }) }</h3>
                if current.is_empty() {
                    <p>{ w(l, W::ValidationPassedNoProblemsFound) }</p>
                } else {
                    <ul>
                        { for current.iter().map(|f| {
                            let sev = match f.severity { Severity::Error => w(l, W::Error), Severity::Warning => w(l, W::Warning), Severity::Info => w(l, W::Note) };
                            let confirmed = if f.confirmed { w(l, W::ConfirmedByTheFiler) } else { "" };
                            let sec = section_of(&f.path);
                            html! { <li data-finding={f.code.as_str()}>{ format!("{sev}：{}{}{}{confirmed}", sec, if sec.is_empty() { "" } else { w(l, W::Colon) }, f.message(l)) }</li> }
                        }) }
                    </ul>
                }
            </section>
            <section class="ac-review-confirmed" aria-labelledby="ac-rc-title" data-review-confirmed="">
                <h3 id="ac-rc-title">{ w(l, W::WarningsTheFilerConfirmed) }</h3>
                if r.confirmations.is_empty() {
                    <p>{ w(l, W::NoneFound) }</p>
                } else {
                    <table class="ac-table">
                        <caption class="ac-sr">{ w(l, W::ConfirmedWarningsAndWhen) }</caption>
                        <thead><tr>
                            <th scope="col">{ w(l, W::Matter) }</th>
                            <th scope="col">{ w(l, W::Warning) }</th>
                            <th scope="col">{ w(l, W::ConfirmedAt) }</th>
                        </tr></thead>
                        <tbody>
                            { for r.confirmations.iter().map(|c| html! {
                                <tr data-confirmed={c.code.clone()}>
                                    <td>{ section_of(&c.path) }</td>
                                    <td>{ message_of(&c.code, &c.path).unwrap_or_else(|| w(l, W::NoLongerRaised).to_owned()) }</td>
                                    <td>{ checklist_core::locale::stamp(l, &c.confirmed_at) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
            { open_button(sh, l) }
        </section>
    }
}

fn open_button(sh: &Shared, l: Locale) -> Html {
    html! {
        <button type="button" class="ac-btn" data-action="open-record" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Review)))}>
            { w(l, W::OpenARecordFile) }
        </button>
    }
}
