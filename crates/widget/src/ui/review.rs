//! 核对: every answer read-only, the warnings to confirm, and a way back to each section.

use serde_json::Value;
use yew::prelude::*;

use super::answer::answer_text;
use super::changes;
use super::dom::{dom_id, esc};
use super::shared::Shared;
use super::store::msg::Msg;
use super::store::state::Store;
use super::summary::confirm_box;
use super::text::{say, w, P, W};
use checklist_core::finding::Severity;
use checklist_core::template::{Field, Requirement, PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE};

pub(crate) fn review(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    let tpl = s.validator().template();
    let warnings: Vec<_> =
        s.findings().iter().filter(|f| f.severity == Severity::Warning || (f.overridable && f.severity == Severity::Error)).collect();
    let (e, _) = s.counts();
    html! {
        <div class="ac-review" data-review="">
            <h2 tabindex="-1" id="ac-review-title">{ w(l, W::CheckYourAnswers) }</h2>
            if e > 0 {
                <p class="ac-error">{ say(l, P::ErrorsBeforeSubmit(e)) }</p>
            }
            { changes::changes_list(s) }
            if !warnings.is_empty() && !s.read_only() {
                <section class="ac-warnings" aria-labelledby="ac-warn-title">
                    <h3 id="ac-warn-title">{ w(l, W::PleaseConfirmTheseWarnings) }</h3>
                    <ul>
                        { for warnings.iter().enumerate().map(|(i, f)| html! {
                            <li>{ f.message(l) }{ " " }{ confirm_box(sh, l, f, &format!("ac-rev-c{i}"), &f.message(l), false) }</li>
                        }) }
                    </ul>
                </section>
            }
            { for tpl.sections.iter().filter(|sec| s.section_applies(sec)).map(|sec| {
                let obj = s.record().get(&sec.id).and_then(Value::as_object);
                let sp = format!("/{}", esc(&sec.id));
                html! {
                    <section class="ac-review-section" aria-labelledby={format!("{}.rv", dom_id(&sp))}>
                        <h3 id={format!("{}.rv", dom_id(&sp))}>{ sec.title.get(l) }{ " " }{ changes::section_badge(s, sec) }</h3>
                        <dl>
                            if sec.presence.is_some() {
                                <dt>{ w(l, W::ThisItem) }</dt>
                                <dd>{ match obj.and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) {
                                    Some(PRESENCE_HAS) => w(l, W::PresenceHas),
                                    Some(PRESENCE_NONE) => w(l, W::PresenceNone),
                                    _ => w(l, W::NotFilled),
                                } }</dd>
                            }
                            { for sec.fields.iter().filter(|f| (obj.is_some_and(|o| o.contains_key(&f.key)) || !matches!(f.required, Requirement::Optional)) && s.applies(f, obj)).map(|f| html! {
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
                                                <tr><th scope="row">{ i + 1 }</th>{ for cols.iter().map(|c| html! { <td>{ if s.applies(c, r.as_object()) { answer_text(s, c, r.get(&c.key)) } else { String::new() } }</td> }) }</tr>
                                            }) }
                                        </tbody>
                                    </table>
                                    </div>
                                },
                                _ => html! {},
                            }
                        }) }
                        if !s.read_only() {
                            { { let sp2 = sp.clone(); html! {
                                <button type="button" class="ac-link" data-action="edit-section" data-section={sec.id.clone()}
                                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::Focus(sp2.clone())))}>
                                    { w(l, W::Edit) }<span class="ac-sr">{ format!(" {}", sec.title.get(l)) }</span>
                                </button>
                            } } }
                        }
                    </section>
                }
            }) }
        </div>
    }
}
