//! The 谈话 checklist's schedule overview: each subordinate “一把手”'s due and held talks with status
//! badges, most urgent first, and the coverage gaps of the year.

use yew::prelude::*;

use std::collections::BTreeMap;

use super::store::state::Store;
use super::text::{say, w, P, W};
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
        schedule::EntryKind::AppointmentTalk => w(l, W::AppointmentTalk),
        schedule::EntryKind::SupervisionTalk => w(l, W::SupervisionTalk),
        schedule::EntryKind::PlanItem => w(l, W::PlannedTalk),
    };
    html! {
        <section class="ac-overview" aria-labelledby="ac-ov-title" data-overview="">
            { year_overview(s, &sched) }
            <h2 id="ac-ov-title">{ w(l, W::TalkScheduleMostUrgentFirst) }</h2>
            if sched.entries.is_empty() {
                <p>{ w(l, W::NoData) }</p>
            } else {
                <table class="ac-table">
                    <caption class="ac-sr">{ w(l, W::DueAndHeldTalksPerSubordinate) }</caption>
                    <thead><tr>
                        <th scope="col">{ w(l, W::Interviewee) }</th>
                        <th scope="col">{ w(l, W::Type) }</th>
                        <th scope="col">{ w(l, W::Due) }</th>
                        <th scope="col">{ w(l, W::HeldOn) }</th>
                        <th scope="col">{ w(l, W::Status) }</th>
                    </tr></thead>
                    <tbody>
                        { for sched.entries.iter().map(|e| html! {
                            <tr data-schedule-status={e.status.key()}>
                                <th scope="row">{ e.person_name.clone().unwrap_or_default() }</th>
                                <td>{ kind_label(&e.kind) }if !e.talk_type.is_empty() { { w(l, W::Colon) }{ talk_type_name(s, &e.talk_type) } }</td>
                                <td>{ e.due.map(|d| d.to_string()).unwrap_or_default() }
                                    if let Some(days) = e.days_left {
                                        <span class="ac-days">{ say(l, P::DaysLeft(days)) }</span>
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
                        <li>{ say(l, P::Gap { name: &g.person_name, required: g.required, held: g.held, kind: &talk_type_name(s, &g.talk_type) }) }</li>
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
            <h2 id="ac-year-title">{ say(l, P::YearOverview(sched.year)) }</h2>
            if people.is_empty() {
                <p>{ w(l, W::NoSubordinateInTheRoster) }</p>
            } else {
                <table class="ac-table" data-year-overview="">
                    <caption class="ac-sr">{ w(l, W::PerSubordinateRequiredHeldOverdueAnd) }</caption>
                    <thead><tr>
                        <th scope="col">{ w(l, W::SubordinateLeader) }</th>
                        <th scope="col">{ w(l, W::TalksRequired) }</th>
                        <th scope="col">{ w(l, W::TalksHeld) }</th>
                        <th scope="col">{ w(l, W::Overdue) }</th>
                        <th scope="col">{ w(l, W::DueWithin30Days) }</th>
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
                <caption>{ w(l, W::TalkCountsForTheReportWhat) }</caption>
                <thead><tr><th scope="col">{ w(l, W::CountItem) }</th><th scope="col">{ w(l, W::TalkCount) }</th></tr></thead>
                <tbody>
                    { for feeds.iter().map(|(sec, key, zh, en, n)| html! {
                        <tr data-count={format!("{sec}.{key}")}><th scope="row">{ if l == Locale::En { *en } else { *zh } }</th><td>{ *n }</td></tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
