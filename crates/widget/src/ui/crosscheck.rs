//! 述职 × 谈话 (X-R01): the 谈话 record loaded into a 述职 report, its talk counts side by side
//! with the numbers filled in A5 / A6, mismatches marked.

use yew::prelude::*;

use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::pointer::display;
use super::store::state::Store;
use super::text::{say, w, P, W};
use checklist_core::locale::Locale;
use checklist_core::rules::access;
use checklist_core::rules::cross;
use checklist_core::template::ChecklistKind;

/// The X-R01 panel of a 述职 report (nothing for other checklists).
pub(crate) fn panel(s: &Store, sh: &Shared) -> Html {
    if s.validator().template().checklist_kind != ChecklistKind::Shuzhi || s.printing() {
        return html! {};
    }
    let l = s.locale();
    let button = html! {
        <button type="button" class="ac-btn" data-action="load-talks" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Talks)))}>
            { if s.talks().is_some() { w(l, W::LoadAnotherTalkRecord) } else { w(l, W::LoadTheTalkRecordCheckThe) } }
        </button>
    };
    let Some(talks) = s.talks() else {
        return html! {
            <section class="ac-cross" aria-labelledby="ac-cross-title" data-crosscheck="">
                <h2 id="ac-cross-title">{ w(l, W::CheckAgainstTheTalkRecord) }</h2>
                <p>{ w(l, W::LoadThisYearSExportedTalk) }</p>
                { button }
            </section>
        };
    };
    let body = match cross::x_r01_pairing(s.record(), talks) {
        Ok(y) => {
            let counts = cross::count_talks(talks, y);
            let rows = cross::compared(&counts);
            let mismatches = rows
                .iter()
                .filter(|(sec, key, _, _, expected)| {
                    let actual = s.record().get(*sec).and_then(|o| access::int(o, key));
                    match actual {
                        Some(a) => a != *expected,
                        None => *expected > 0,
                    }
                })
                .count();
            html! {
                <>
                if mismatches > 0 {
                    <p class="ac-error" data-xr01="mismatch">{ say(l, P::CountsDiffer(mismatches)) }</p>
                } else {
                    <p class="ac-ok" data-xr01="match">{ w(l, W::TheTalkCountsAgreeWithThe) }</p>
                }
                <table class="ac-table" data-xr01-table="">
                    <caption>{ say(l, P::TalkCountsCaption(y)) }</caption>
                    <thead><tr>
                        <th scope="col">{ w(l, W::CountItem) }</th>
                        <th scope="col">{ w(l, W::InTheReport) }</th>
                        <th scope="col">{ w(l, W::FromTheTalkRecord) }</th>
                        <th scope="col">{ w(l, W::Result) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(sec, key, zh, en, expected)| {
                            let raw = s.record().get(*sec).and_then(|o| o.get(*key));
                            let actual = s.record().get(*sec).and_then(|o| access::int(o, key));
                            let ok = match actual { Some(a) => a == *expected, None => *expected == 0 };
                            html! {
                                <tr data-xr01-field={format!("{sec}.{key}")} data-xr01-ok={if ok { "yes" } else { "no" }}>
                                    <th scope="row">{ if l == Locale::En { *en } else { *zh } }</th>
                                    <td>{ if raw.is_some() { display(raw) } else { w(l, W::NotFilled).to_owned() } }</td>
                                    <td>{ expected }</td>
                                    <td>{ if ok { html! { <span class="ac-badge ac-badge-held">{ w(l, W::Agrees) }</span> } } else { html! { <span class="ac-badge ac-badge-overdue">{ w(l, W::Differs) }</span> } } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </>
            }
        }
        Err(apart) => html! { <p class="ac-warning" data-xr01="apart">{ apart.message(l) }</p> },
    };
    html! {
        <section class="ac-cross" aria-labelledby="ac-cross-title" data-crosscheck="">
            <h2 id="ac-cross-title">{ w(l, W::CheckAgainstTheTalkRecord) }</h2>
            { body }
            { button }
        </section>
    }
}
