//! The 谈话 checklist's schedule overview: each subordinate “一把手”'s due and held talks with status
//! badges, most urgent first, and the coverage gaps of the year.

use yew::prelude::*;

use super::store::Store;
use super::t;
use crate::locale::Locale;
use crate::schedule;

pub(super) fn talk_overview(s: &Store) -> Html {
    let l = s.locale;
    let sched = schedule::compute(&s.record, s.validator.config(), s.today);
    let kind_label = |k: &schedule::EntryKind| match k {
        schedule::EntryKind::AppointmentTalk => t(l, "任职谈话", "Appointment talk"),
        schedule::EntryKind::SupervisionTalk => t(l, "监督谈话", "Supervision talk"),
        schedule::EntryKind::PlanItem => t(l, "计划谈话", "Planned talk"),
    };
    html! {
        <section class="ac-overview" aria-labelledby="ac-ov-title" data-overview="">
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
                            <tr data-schedule-status={format!("{:?}", e.status).to_lowercase()}>
                                <th scope="row">{ e.person_name.clone().unwrap_or_default() }</th>
                                <td>{ kind_label(&e.kind) }{ " " }{ &e.talk_type }</td>
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
                                <td><span class={classes!("ac-badge", format!("ac-badge-{:?}", e.status).to_lowercase())}>{ e.status.label(l) }</span></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !sched.gaps.is_empty() {
                <ul class="ac-gaps">
                    { for sched.gaps.iter().map(|g| html! {
                        <li>{ match l {
                            Locale::En => format!("{}: {} required, {} held ({})", g.person_name, g.required, g.held, g.talk_type),
                            _ => format!("{}：应谈{}次，已谈{}次（{}）", g.person_name, g.required, g.held, g.talk_type),
                        } }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
