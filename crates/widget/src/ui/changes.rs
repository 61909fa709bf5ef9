//! 与上一年度相比: per-section badges and the list of changes since last year's record (shown in
//! the 核对 view and in print), from [`checklist_core::compare`].

use serde_json::Value;
use yew::prelude::*;

use super::answer::answer_text;
use super::shared::Shared;
use super::store::msg::Msg;
use super::store::pointer::display;
use super::store::state::Store;
use super::text::{say, w, P, W};
use checklist_core::compare::{SectionDiff, TableDiff};
use checklist_core::template::{Section, Table};

/// The badge “与上年相比：有变化 / 无变化” of a section, when a base is loaded.
pub(crate) fn section_badge(s: &Store, sec: &Section) -> Html {
    let Some(c) = s.comparison() else { return html! {} };
    let Some(d) = c.section(&sec.id) else { return html! {} };
    let l = s.locale();
    let changed = d.is_changed();
    html! {
        <span class={classes!("ac-change", changed.then_some("ac-change-yes"))} data-changed={if changed { "yes" } else { "no" }}>
            { if changed { w(l, W::ChangedSinceLastYear) } else { w(l, W::UnchangedSinceLastYear) } }
        </span>
    }
}

/// A short description of a row: its first filled-in cells (names for references).
pub(crate) fn row_label(s: &Store, tb: &Table, row: &Value) -> String {
    let parts: Vec<String> = tb
        .columns
        .iter()
        .filter(|c| c.key != "id" && c.key != "remark")
        .filter_map(|c| {
            let v = row.get(&c.key)?;
            if checklist_core::engine::is_empty(Some(v)) {
                return None;
            }
            let text = if c.reference.is_some() { answer_text(s, c, Some(v)) } else { display(Some(v)) };
            Some(text)
        })
        .take(3)
        .collect();
    if parts.is_empty() {
        w(s.locale(), W::EmptyRow).to_owned()
    } else {
        parts.join(" · ")
    }
}

fn table_lines(s: &Store, sec: &Section, d: &TableDiff, base: &Value) -> Vec<(String, String)> {
    let l = s.locale();
    let Some(tb) = sec.table(&d.table) else { return Vec::new() };
    let cur_rows = s.record().get(&sec.id).and_then(|o| o.get(&tb.id)).and_then(Value::as_array).cloned().unwrap_or_default();
    let base_rows = base.get(&sec.id).and_then(|o| o.get(&tb.id)).and_then(Value::as_array).cloned().unwrap_or_default();
    let title = tb.title.get(l);
    let mut out = Vec::new();
    for &i in &d.added {
        if let Some(r) = cur_rows.get(i) {
            out.push(("added".into(), format!("{title}{}{}", w(l, W::RowsAdded), row_label(s, tb, r))));
        }
    }
    for &i in &d.removed {
        if let Some(r) = base_rows.get(i) {
            out.push(("removed".into(), format!("{title}{}{}", w(l, W::RowsRemoved), row_label(s, tb, r))));
        }
    }
    for ch in &d.changed {
        if let Some(r) = cur_rows.get(ch.current) {
            let cols: Vec<&str> = ch.keys.iter().filter_map(|k| tb.column(k)).map(|c| c.label.get(l)).collect();
            out.push((
                "changed".into(),
                format!(
                    "{title}{}{}{}{}",
                    w(l, W::RowsChanged),
                    row_label(s, tb, r),
                    w(l, W::OpenParen),
                    cols.join(w(l, W::ListSep)) + w(l, W::CloseParen)
                ),
            ));
        }
    }
    out
}

fn section_lines(s: &Store, sec: &Section, d: &SectionDiff, base: &Value) -> Vec<(String, String)> {
    let l = s.locale();
    let mut out: Vec<(String, String)> = d
        .fields
        .iter()
        .map(|f| {
            let (label, before, after) = match sec.field(&f.key) {
                Some(field) => {
                    (field.label.get(l).to_owned(), answer_text(s, field, f.before.as_ref()), answer_text(s, field, f.after.as_ref()))
                }
                None if f.key == checklist_core::template::PRESENCE_KEY => {
                    let none = w(l, W::NotFilled).to_owned();
                    let or_none = |v: Option<&Value>| if v.is_some() { display(v) } else { none.clone() };
                    (w(l, W::ThisItem).to_owned(), or_none(f.before.as_ref()), or_none(f.after.as_ref()))
                }
                None => (f.key.clone(), display(f.before.as_ref()), display(f.after.as_ref())),
            };
            ("field".to_owned(), format!("{label}{}{before} → {after}", w(l, W::Colon)))
        })
        .collect();
    for td in d.tables.iter().filter(|td| td.is_changed()) {
        out.extend(table_lines(s, sec, td, base));
    }
    out
}

/// 与上年相比的变化: every changed section with its changed items and rows. Empty without a base.
pub(crate) fn changes_list(s: &Store) -> Html {
    let (Some(c), Some(base)) = (s.comparison(), s.base().cloned()) else { return html! {} };
    let l = s.locale();
    let tpl = s.validator().template();
    let changed: Vec<(&Section, &SectionDiff)> = c.changed().filter_map(|d| Some((tpl.section(&d.section)?, d))).collect();
    html! {
        <section class="ac-changes" aria-labelledby="ac-changes-title" data-changes="">
            <h3 id="ac-changes-title">{ w(l, W::ChangesSinceLastYear) }</h3>
            if changed.is_empty() {
                <p>{ w(l, W::NothingChangedSinceLastYear) }</p>
            } else {
                <ul>
                    { for changed.iter().map(|(sec, d)| html! {
                        <li data-changed-section={sec.id.clone()}>
                            <strong>{ sec.title.get(l) }</strong>
                            <ul>
                                { for section_lines(s, sec, d, &base).into_iter().map(|(kind, text)| html! { <li data-change={kind}>{ text }</li> }) }
                            </ul>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The note under the title while a base is loaded: which year, and a way to remove it.
pub(crate) fn base_note(s: &Store, sh: &Shared) -> Html {
    let Some(base) = s.base() else { return html! {} };
    let l = s.locale();
    let year = display(base.pointer("/header/year"));
    let n = s.comparison().map_or(0, |c| c.changed().count());
    html! {
        <p class="ac-base" data-base-year={year.clone()}>
            { say(l, P::BaseNote { year: &year, changed: n }) }
            if !s.read_only() {
                <button type="button" class="ac-link" data-action="clear-base" onclick={sh.cb(|_: MouseEvent| Some(Msg::ClearBase))}>
                    { w(l, W::StopComparing) }
                </button>
            }
        </p>
    }
}
