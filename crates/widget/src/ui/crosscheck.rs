//! 述职 × 谈话 (X-R01): the 谈话 record loaded into a 述职 report, its talk counts side by side
//! with the numbers filled in A5 / A6, mismatches marked.

use yew::prelude::*;

use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::pointer::display;
use super::store::state::Store;
use super::text::t;
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
            { if s.talks().is_some() { t(l, "重新载入谈话记录", "Load another talk record") } else { t(l, "载入谈话记录（核对谈话次数）", "Load the talk record (check the talk counts)") } }
        </button>
    };
    let Some(talks) = s.talks() else {
        return html! {
            <section class="ac-cross" aria-labelledby="ac-cross-title" data-crosscheck="">
                <h2 id="ac-cross-title">{ t(l, "与谈话记录核对", "Check against the talk record") }</h2>
                <p>{ t(l, "载入本年度谈话清单的导出文件，即可核对本报告填报的谈话次数。", "Load this year's exported talk checklist to check the talk counts in this report.") }</p>
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
                    <p class="ac-error" data-xr01="mismatch">{ match l { Locale::En => format!("{mismatches} counts differ from the talk record."), _ => format!("有{mismatches}项次数与谈话记录不一致，请核对。") } }</p>
                } else {
                    <p class="ac-ok" data-xr01="match">{ t(l, "填报的谈话次数与谈话记录一致。", "The talk counts agree with the talk record.") }</p>
                }
                <table class="ac-table" data-xr01-table="">
                    <caption>{ match l { Locale::En => format!("Talk counts {y}: report vs talk record"), _ => format!("{y}年度谈话次数：述职填报与谈话记录对照") } }</caption>
                    <thead><tr>
                        <th scope="col">{ t(l, "项目", "Item") }</th>
                        <th scope="col">{ t(l, "述职填报", "In the report") }</th>
                        <th scope="col">{ t(l, "谈话记录统计", "From the talk record") }</th>
                        <th scope="col">{ t(l, "核对结果", "Result") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(sec, key, zh, en, expected)| {
                            let raw = s.record().get(*sec).and_then(|o| o.get(*key));
                            let actual = s.record().get(*sec).and_then(|o| access::int(o, key));
                            let ok = match actual { Some(a) => a == *expected, None => *expected == 0 };
                            html! {
                                <tr data-xr01-field={format!("{sec}.{key}")} data-xr01-ok={if ok { "yes" } else { "no" }}>
                                    <th scope="row">{ if l == Locale::En { *en } else { *zh } }</th>
                                    <td>{ if raw.is_some() { display(raw) } else { t(l, "未填写", "Not filled").to_owned() } }</td>
                                    <td>{ expected }</td>
                                    <td>{ if ok { html! { <span class="ac-badge ac-badge-held">{ t(l, "一致", "Agrees") }</span> } } else { html! { <span class="ac-badge ac-badge-overdue">{ t(l, "不一致", "Differs") }</span> } } }</td>
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
            <h2 id="ac-cross-title">{ t(l, "与谈话记录核对", "Check against the talk record") }</h2>
            { body }
            { button }
        </section>
    }
}
