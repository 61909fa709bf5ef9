//! The print view: each record as a clean A4 document in official style (title, unit, reporter,
//! year, every item with its answer, every row of every table, the pledge and signature lines of
//! the 个人有关事项 report). Page size, margins and page numbers come from `@page` rules in
//! `www/src/checklist-print.css` (a document stylesheet: `@page` does not apply from a shadow root);
//! `www/src/checklist.css` hides the screen-only bar in print.

use serde_json::Value;
use yew::prelude::*;

use super::answer::answer_text;
use super::changes;
use super::dom::{dom_id, END_PRINT};
use super::shared::Shared;
use super::store::msg::Msg;
use super::store::pointer::display;
use super::store::state::Store;
use super::text::{say, w, P, W};
use checklist_core::locale::Locale;
use checklist_core::template::{ChecklistKind, Field, FieldType, Section, Table, CHANGED_KEY, PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE};

/// Tables with more columns than this print one small table per row (A4 portrait is narrow).
const WIDE: usize = 6;

/// The class of a printed table cell: a date never breaks inside itself ("2018-07-/02" in a narrow
/// column), so its column takes the width of one date instead.
fn cell_class(f: &Field) -> Option<&'static str> {
    matches!(f.kind, FieldType::Date | FieldType::Year).then_some("ac-nowrap")
}

/// `2026年1月15日` (GB/T 9704 style) for a `YYYY-MM-DD` date in Chinese; as given otherwise.
pub fn official_date(l: Locale, s: &str) -> String {
    checklist_core::locale::date(l, s)
}

/// Ideographic spaces: room for a handwritten entry.
fn blank(n: usize) -> String {
    "\u{3000}".repeat(n)
}

fn header_text(s: &Store, keys: &[&str]) -> String {
    keys.iter().map(|k| display(s.record().pointer(&format!("/header/{k}")))).find(|v| !v.is_empty()).unwrap_or_default()
}

fn numbered(sec: &Section, l: Locale) -> String {
    let id = &sec.id;
    let coded = id.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && id.chars().any(|c| c.is_ascii_digit());
    if coded {
        format!("{id} {}", sec.title.get(l))
    } else {
        sec.title.get(l).to_owned()
    }
}

fn fields_table(s: &Store, fields: &[&Field], obj: Option<&serde_json::Map<String, Value>>) -> Html {
    if fields.is_empty() {
        return html! {};
    }
    html! {
        <table class="ac-print-fields">
            <tbody>
                { for fields.iter().map(|f| html! {
                    <tr><th scope="row">{ f.label.get(s.locale()) }</th><td>{ answer_text(s, f, obj.and_then(|o| o.get(&f.key))) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

fn print_table(s: &Store, tb: &Table, rows: &[Value]) -> Html {
    let l = s.locale();
    let cols: Vec<&Field> = tb.columns.iter().filter(|c| c.key != "id").collect();
    // A cell that does not apply to its row (`shownIf`) prints blank, never as 未填写.
    let cell = |c: &Field, r: &Value| if s.applies(c, r.as_object()) { answer_text(s, c, r.get(&c.key)) } else { String::new() };
    if rows.is_empty() {
        return html! { <p class="ac-print-none">{ format!("{}{}", tb.title.get(l), w(l, W::TableNone)) }</p> };
    }
    if cols.len() <= WIDE {
        return html! {
            <table class="ac-print-table" data-print-table={tb.id.clone()}>
                <caption>{ tb.title.get(l) }</caption>
                <thead><tr><th scope="col">{ w(l, W::Number) }</th>{ for cols.iter().map(|c| html! { <th scope="col">{ c.label.get(l) }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, r)| html! {
                        <tr><td>{ i + 1 }</td>{ for cols.iter().map(|c| html! { <td class={cell_class(c)}>{ cell(c, r) }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        };
    }
    html! {
        <div class="ac-print-rows" data-print-table={tb.id.clone()}>
            { for rows.iter().enumerate().map(|(i, r)| {
                let filled: Vec<&&Field> = cols.iter().filter(|c| !checklist_core::engine::is_empty(r.get(&c.key)) && s.applies(c, r.as_object())).collect();
                html! {
                    <table class="ac-print-fields ac-print-row">
                        <caption>{ say(l, P::PrintRow { table: tb.title.get(l), row: i + 1 }) }</caption>
                        <tbody>
                            { for filled.iter().map(|c| html! { <tr><th scope="row">{ c.label.get(l) }</th><td>{ answer_text(s, c, r.get(&c.key)) }</td></tr> }) }
                        </tbody>
                    </table>
                }
            }) }
        </div>
    }
}

fn pledge(s: &Store, sec: &Section, obj: Option<&serde_json::Map<String, Value>>) -> Html {
    let l = s.locale();
    let given = obj.and_then(|o| o.get("pledge")) == Some(&Value::Bool(true));
    let name = display(obj.and_then(|o| o.get("signedName")));
    let date = display(obj.and_then(|o| o.get("signedDate")));
    html! {
        <div class="ac-print-pledge" data-print-pledge="">
            if let Some(h) = &sec.hint { <p class="ac-print-pledge-text">{ h.get(l) }</p> }
            <p>{ if given { w(l, W::IHaveReadAndMakeThis) } else { w(l, W::IHaveReadAndMakeThis2) } }</p>
            <p class="ac-print-sign">
                <span>{ w(l, W::Signature) }<span class="ac-print-line">{ blank(8) }</span></span>
                <span>{ w(l, W::TypedName) }{ if name.is_empty() { w(l, W::NotFilledLower).to_owned() } else { name } }{ w(l, W::CloseParen) }</span>
            </p>
            <p class="ac-print-sign">
                <span>{ w(l, W::DateSigned) }{ if date.is_empty() { format!("{}{}{}{}{}{}", blank(4), w(l, W::YearSuffix), blank(2), w(l, W::MonthSuffix), blank(2), w(l, W::DaySuffix)) } else { official_date(l, &date) } }</span>
            </p>
            <p class="ac-print-sign">
                <span>{ w(l, W::ReadAndSignedBy) }<span class="ac-print-line">{ blank(8) }</span></span>
                <span>{ w(l, W::DateColon) }<span class="ac-print-line">{ blank(6) }</span></span>
            </p>
        </div>
    }
}

fn section(s: &Store, sec: &Section) -> Html {
    let l = s.locale();
    let obj = s.record().get(&sec.id).and_then(Value::as_object);
    let presence = obj.and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str);
    let open = sec.presence.is_none() || presence == Some(PRESENCE_HAS);
    let is_pledge = s.validator().template().checklist_kind == ChecklistKind::Geren && sec.id == "C16";
    let fields: Vec<&Field> = if is_pledge {
        Vec::new()
    } else if open {
        sec.fields.iter().filter(|f| (!f.computed || obj.is_some_and(|o| o.contains_key(&f.key))) && s.applies(f, obj)).collect()
    } else {
        sec.presence.as_ref().and_then(|p| p.none_reason_field.as_ref()).and_then(|k| sec.field(k)).into_iter().collect()
    };
    html! {
        <section class="ac-print-section" data-print-section={sec.id.clone()}>
            <h2>{ numbered(sec, l) }</h2>
            if sec.presence.is_some() {
                <p class="ac-print-presence">
                    { w(l, W::ThisItemColon) }
                    { match presence {
                        Some(PRESENCE_HAS) => w(l, W::PresenceHas),
                        Some(PRESENCE_NONE) => w(l, W::PresenceNone),
                        _ => w(l, W::NotFilled),
                    } }
                    if let Some(c) = obj.and_then(|o| o.get(CHANGED_KEY)).and_then(Value::as_str) {
                        { format!("{}{c}", w(l, W::ComparedWithLastYearColon)) }
                    }
                </p>
            }
            { fields_table(s, &fields, obj) }
            if open {
                { for sec.tables.iter().map(|tb| {
                    let rows = obj.and_then(|o| o.get(&tb.id)).and_then(Value::as_array).cloned().unwrap_or_default();
                    print_table(s, tb, &rows)
                }) }
            }
            if is_pledge { { pledge(s, sec, obj) } }
        </section>
    }
}

/// The printable document of the record.
pub(crate) fn document(s: &Store) -> Html {
    let l = s.locale();
    let tpl = s.validator().template();
    let unit = header_text(s, &["unitName"]);
    let reporter = header_text(s, &["name", "reporterName", "ownerName"]);
    let position = header_text(s, &["position", "reporterPosition"]);
    let year = header_text(s, &["year"]);
    let dash = |v: String| if v.is_empty() { blank(6) } else { v };
    html! {
        <article class="ac-print" data-print="" aria-labelledby="ac-print-title">
            <header class="ac-print-head">
                <h1 id="ac-print-title">{ tpl.title.get(l) }</h1>
                <p class="ac-print-year">{ say(l, P::PrintYear(&dash(year.clone()))) }</p>
                <table class="ac-print-meta">
                    <tbody>
                        <tr>
                            <th scope="row">{ w(l, W::Unit) }</th><td>{ dash(unit) }</td>
                            <th scope="row">{ if tpl.checklist_kind == ChecklistKind::Tanhua { w(l, W::PrincipalLeader) } else { w(l, W::Reporter) } }</th><td>{ dash(reporter) }</td>
                        </tr>
                        if !position.is_empty() {
                            <tr><th scope="row">{ w(l, W::Position) }</th><td colspan="3">{ position }</td></tr>
                        }
                    </tbody>
                </table>
            </header>
            { for tpl.sections.iter().filter(|sec| s.section_applies(sec)).map(|sec| section(s, sec)) }
            if s.base().is_some() { { changes::changes_list(s) } }
        </article>
    }
}

/// The print mode: a screen-only bar (print again, back) and the document.
pub(crate) fn print_mode(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    html! {
        <>
            <div class="ac-print-bar" role="group" aria-label={w(l, W::PrintPreview)}>
                <p>{ w(l, W::PrintPreviewThisIsWhatPrints) }</p>
                <button type="button" class="ac-btn ac-primary" data-action="print-again" onclick={sh.cb(|_: MouseEvent| Some(Msg::Print))}>{ w(l, W::Print) }</button>
                <button type="button" class="ac-btn" data-action="end-print" id={dom_id(&format!("/{END_PRINT}"))} onclick={sh.cb(|_: MouseEvent| Some(Msg::EndPrint))}>{ w(l, W::BackFromPrint) }</button>
            </div>
            { document(s) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::print::*;

    #[test]
    fn dates_print_in_official_style() {
        assert_eq!(official_date(Locale::ZhCn, "2026-01-05"), "2026年1月5日");
        assert_eq!(official_date(Locale::En, "2026-01-05"), "2026-01-05");
        assert_eq!(official_date(Locale::ZhCn, "bad"), "bad");
    }
}
