//! The 谈话 checklist's schedule overview: each subordinate “一把手”'s due and held talks with status
//! badges, most urgent first, and the coverage gaps of the year.

use yew::prelude::*;

use std::collections::BTreeMap;

use super::store::state::Store;
use super::text::t;
use checklist_core::locale::Locale;
use checklist_core::schedule;

/// The name of a talk type (`B02` → 监督谈话) as the template's talk records offer it.
fn talk_type_name(s: &Store, code: &str) -> String {
    let column = s.validator().template().section("talks").and_then(|sec| sec.table("records")).and_then(|tb| tb.column("type"));
    column.and_then(|c| c.options.iter().find(|o| o.value() == code)).map_or_else(|| code.to_owned(), |o| o.label(s.locale()).to_owned())
}

pub(crate) fn talk_overview(s: &Store) -> Html {
    let l = s.locale();
    let sched = schedule::compute(s.record(), s.validator().config(), s.today());
    let kind_label = |k: &schedule::EntryKind| match k {
        schedule::EntryKind::AppointmentTalk => t(l, "任职谈话", "Appointment talk"),
        schedule::EntryKind::SupervisionTalk => t(l, "监督谈话", "Supervision talk"),
        schedule::EntryKind::PlanItem => t(l, "计划谈话", "Planned talk"),
    };
    html! {
        <section class="ac-overview" aria-labelledby="ac-ov-title" data-overview="">
            { year_overview(s, &sched) }
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
                            <tr data-schedule-status={e.status.key()}>
                                <th scope="row">{ e.person_name.clone().unwrap_or_default() }</th>
                                <td>{ kind_label(&e.kind) }if !e.talk_type.is_empty() { { t(l, "：", ": ") }{ talk_type_name(s, &e.talk_type) } }</td>
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
                                <td><span class={classes!("ac-badge", format!("ac-badge-{}", e.status.key()))}>{ e.status.label(l) }</span></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !sched.gaps.is_empty() {
                <ul class="ac-gaps">
                    { for sched.gaps.iter().map(|g| html! {
                        <li>{ match l {
                            Locale::En => format!("{}: {} required, {} held ({})", g.person_name, g.required, g.held, talk_type_name(s, &g.talk_type)),
                            _ => format!("{}：应谈{}次，已谈{}次（{}）", g.person_name, g.required, g.held, talk_type_name(s, &g.talk_type)),
                        } }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// Talks due within this many days count as 30天内到期 in the year overview.
const DUE_WITHIN_DAYS: i64 = 30;

/// Per subordinate “一把手”: what the year requires and what was held.
#[derive(Default)]
struct PersonYear {
    name: String,
    required: u32,
    held: u32,
    overdue: u32,
    due_soon: u32,
}

/// The year overview: one row per subordinate “一把手” (required, held, overdue, due within 30
/// days), and the counts that feed the 述职 report's A5 / A6 (X-R01).
fn year_overview(s: &Store, sched: &schedule::TalkSchedule) -> Html {
    let l = s.locale();
    // The subordinate “一把手”: everyone with a 任职 / 监督谈话 due or a coverage gap.
    let mut people: BTreeMap<String, PersonYear> = BTreeMap::new();
    for (id, name) in sched
        .entries
        .iter()
        .filter(|e| e.kind != schedule::EntryKind::PlanItem)
        .filter_map(|e| Some((e.person_id.clone()?, e.person_name.clone())))
        .chain(sched.gaps.iter().map(|g| (g.person_id.clone(), Some(g.person_name.clone()))))
    {
        let p = people.entry(id.clone()).or_default();
        if p.name.is_empty() {
            p.name = name.unwrap_or(id);
        }
    }
    for e in &sched.entries {
        let Some(id) = &e.person_id else { continue };
        if e.status == schedule::ScheduleStatus::Cancelled {
            continue;
        }
        let Some(p) = people.get_mut(id) else { continue };
        if p.name.is_empty() {
            p.name = e.person_name.clone().unwrap_or_else(|| id.clone());
        }
        if e.kind != schedule::EntryKind::PlanItem {
            p.required += 1;
        }
        match e.status {
            schedule::ScheduleStatus::Held if e.kind != schedule::EntryKind::PlanItem => p.held += 1,
            schedule::ScheduleStatus::Overdue => p.overdue += 1,
            _ if e.days_left.is_some_and(|d| (0..=DUE_WITHIN_DAYS).contains(&d)) => p.due_soon += 1,
            _ => {}
        }
    }
    // 纪检机关 / 组织部门负责人谈话 required in the year (not scheduled entries).
    for g in sched.gaps.iter().filter(|g| g.kind == schedule::GapKind::BelowJjzzMinimum) {
        if let Some(p) = people.get_mut(&g.person_id) {
            p.required += g.required;
            p.held += g.held;
        }
    }
    let counts = checklist_core::rules::cross::count_talks(s.record(), sched.year);
    let feeds = checklist_core::rules::cross::compared(&counts);
    html! {
        <>
            <h2 id="ac-year-title">{ match l { Locale::En => format!("Year overview {}", sched.year), _ => format!("{}年度谈话总览", sched.year) } }</h2>
            if people.is_empty() {
                <p>{ t(l, "名册中暂无下级“一把手”。", "No subordinate 一把手 in the roster.") }</p>
            } else {
                <table class="ac-table" data-year-overview="">
                    <caption class="ac-sr">{ t(l, "每位下级“一把手”本年度应谈、已谈、逾期和30天内到期的谈话", "Per subordinate 一把手: required, held, overdue and due within 30 days") }</caption>
                    <thead><tr>
                        <th scope="col">{ t(l, "下级“一把手”", "Subordinate 一把手") }</th>
                        <th scope="col">{ t(l, "应谈", "Required") }</th>
                        <th scope="col">{ t(l, "已谈", "Held") }</th>
                        <th scope="col">{ t(l, "逾期", "Overdue") }</th>
                        <th scope="col">{ t(l, "30天内到期", "Due within 30 days") }</th>
                    </tr></thead>
                    <tbody>
                        { for people.values().map(|p| html! {
                            <tr data-person={p.name.clone()}>
                                <th scope="row">{ p.name.clone() }</th>
                                <td>{ p.required }</td>
                                <td>{ p.held }</td>
                                <td>if p.overdue > 0 { <span class="ac-badge ac-badge-overdue">{ p.overdue }</span> } else { { 0 } }</td>
                                <td>if p.due_soon > 0 { <span class="ac-badge ac-badge-duesoon">{ p.due_soon }</span> } else { { 0 } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <table class="ac-table" data-a5-counts="">
                <caption>{ t(l, "计入述职报告的谈话次数（与述职报告核对的依据）", "Talk counts for the report (what it is checked against)") }</caption>
                <thead><tr><th scope="col">{ t(l, "项目", "Item") }</th><th scope="col">{ t(l, "次数", "Count") }</th></tr></thead>
                <tbody>
                    { for feeds.iter().map(|(sec, key, zh, en, n)| html! {
                        <tr data-count={format!("{sec}.{key}")}><th scope="row">{ if l == Locale::En { *en } else { *zh } }</th><td>{ *n }</td></tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
