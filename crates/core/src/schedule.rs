//! Talk schedule computations (SPEC §4.3–4.5): when each 任职谈话 and 监督谈话 is due, the status
//! of every plan item, the year's coverage gaps and the number of talks of each type.
//!
//! This module owns the reading of a 谈话 record's roster, plan and talk tables (the named rules
//! of `rules::tanhua` reuse these readers, so that a rule and the schedule never disagree about
//! what counts as "held"). It is pure: no clock (today is a parameter), no web imports, and it
//! never panics on any record shape: missing or malformed values are simply absent.

use std::collections::{BTreeMap, HashMap};

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::access;
use crate::config::Config;
use crate::date::Date;
use crate::locale::Locale;

/// Section and table of the roster (`/roster/people`).
pub(crate) const ROSTER: (&str, &str) = ("roster", "people");
/// Section and table of the plan (`/plans/items`).
pub(crate) const PLANS: (&str, &str) = ("plans", "items");
/// Section and table of the talk records (`/talks/records`).
pub(crate) const TALKS: (&str, &str) = ("talks", "records");

/// The talk type codes of SPEC §4.1, in order.
pub const TALK_TYPES: [&str; 12] = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12"];

/// Role code of a subordinate “一把手” (下级“一把手”), the person the schedule is about.
const XJ_YBS: &str = "XJ_YBS";

/// Caps loops driven by configuration, so that an absurd `minPerYear` cannot stall the widget.
const MAX_SLOTS: usize = 400;

// ---------------------------------------------------------------------------------------------
// Readers shared with the named rules.

/// A roster row as the schedule and the rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Person<'a> {
    /// Row index in `/roster/people`.
    pub index: usize,
    /// `id`.
    pub id: &'a str,
    /// `name` (empty when missing).
    pub name: &'a str,
    /// `role` code.
    pub role: Option<&'a str>,
    /// `isNewlyAppointed`.
    pub newly_appointed: bool,
    /// `appointmentDate` (任职日期).
    pub appointment: Option<Date>,
    /// `appointmentDecisionDate` (任职决定日期).
    pub decision: Option<Date>,
    /// `inOfficeFrom`.
    pub from: Option<Date>,
    /// `inOfficeTo`.
    pub to: Option<Date>,
}

impl Person<'_> {
    /// First day in office: `inOfficeFrom`, else the appointment date.
    pub fn office_start(&self) -> Option<Date> {
        self.from.or(self.appointment)
    }

    /// Whether the person holds office on `d` (unknown bounds are open).
    pub fn in_office_on(&self, d: Date) -> bool {
        self.office_start().is_none_or(|s| s <= d) && self.to.is_none_or(|t| d <= t)
    }

    /// Days in office within `year` (both ends inclusive), assuming a missing end means the
    /// person stays until the year ends.
    pub fn tenure_days_in(&self, year: i32) -> i64 {
        let (Some(first), Some(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else { return 0 };
        let start = self.office_start().map_or(first, |s| s.max(first));
        let end = self.to.map_or(last, |t| t.min(last));
        (start.days_until(end) + 1).max(0)
    }
}

/// The roster rows that have an `id` (rows without one cannot be referred to).
pub(crate) fn people(record: &Value) -> Vec<Person<'_>> {
    access::rows(record, ROSTER.0, ROSTER.1)
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            Some(Person {
                index,
                id: access::text(row, "id")?,
                name: access::text(row, "name").unwrap_or(""),
                role: access::text(row, "role"),
                newly_appointed: access::boolean(row, "isNewlyAppointed") == Some(true),
                appointment: access::date(row, "appointmentDate"),
                decision: access::date(row, "appointmentDecisionDate"),
                from: access::date(row, "inOfficeFrom"),
                to: access::date(row, "inOfficeTo"),
            })
        })
        .collect()
}

/// Roster rows by id (the first row wins when ids repeat, as reference checks do).
pub(crate) fn people_by_id<'p, 'a>(people: &'p [Person<'a>]) -> HashMap<&'a str, &'p Person<'a>> {
    let mut map = HashMap::new();
    for p in people {
        map.entry(p.id).or_insert(p);
    }
    map
}

/// A talk record as the schedule and the rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Talk<'a> {
    /// Row index in `/talks/records`.
    pub index: usize,
    /// The row itself, for rule-specific fields.
    pub row: &'a Value,
    /// `type` (B01…B12).
    pub kind: Option<&'a str>,
    /// `date`.
    pub date: Option<Date>,
    /// `targetId`.
    pub target: Option<&'a str>,
}

/// Every talk record row.
pub(crate) fn talks(record: &Value) -> Vec<Talk<'_>> {
    access::rows(record, TALKS.0, TALKS.1)
        .iter()
        .enumerate()
        .map(|(index, row)| Talk {
            index,
            row,
            kind: access::text(row, "type"),
            date: access::date(row, "date"),
            target: access::text(row, "targetId"),
        })
        .collect()
}

/// Dates of the talks of `kind` with `target` that count as held by `today`, ascending. With
/// `year`, only talks dated in that year count.
pub(crate) fn held_dates(talks: &[Talk<'_>], kind: &str, target: &str, year: Option<i32>, today: Date) -> Vec<Date> {
    let mut dates: Vec<Date> = talks
        .iter()
        .filter(|t| t.kind == Some(kind) && t.target == Some(target))
        .filter_map(|t| t.date)
        .filter(|d| *d <= today && year.is_none_or(|y| d.year() == y))
        .collect();
    crate::sort::sort(&mut dates);
    dates
}

/// What became of one plan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlanOutcome {
    /// Row index in `/plans/items`.
    pub index: usize,
    /// `plannedDate`.
    pub planned: Option<Date>,
    /// `cancelled`.
    pub cancelled: bool,
    /// Date of the talk record matched to this item.
    pub held_on: Option<Date>,
}

/// Matches plan items to talk records.
///
/// Matching rule: plan items that are not cancelled are grouped by (`type`, `targetId`) and
/// ordered by `plannedDate`; talk records of the same pair dated in `year` and not after `today`
/// are ordered by date; the n-th item of a pair is held by the n-th record of that pair. A
/// record therefore fulfils at most one plan item, and two planned 监督谈话 with the same
/// person need two talks. The initiator is not compared: a talk held by a commissioned person
/// (受委托) fulfils the plan of the one who commissioned it.
pub(crate) fn match_plans(record: &Value, talks: &[Talk<'_>], year: i32, today: Date) -> Vec<PlanOutcome> {
    let rows = access::rows(record, PLANS.0, PLANS.1);
    let mut out: Vec<PlanOutcome> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| PlanOutcome {
            index,
            planned: access::date(row, "plannedDate"),
            cancelled: access::boolean(row, "cancelled") == Some(true),
            held_on: None,
        })
        .collect();
    let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (index, row) in rows.iter().enumerate() {
        let cancelled = out.get(index).is_some_and(|o| o.cancelled);
        if let (false, Some(kind), Some(target)) = (cancelled, access::text(row, "type"), access::text(row, "targetId")) {
            groups.entry((kind, target)).or_default().push(index);
        }
    }
    for ((kind, target), mut items) in groups {
        crate::sort::sort_by_key(&mut items, |&i| (out.get(i).and_then(|o| o.planned).is_none(), out.get(i).and_then(|o| o.planned), i));
        let held = held_dates(talks, kind, target, Some(year), today);
        for (item, date) in items.into_iter().zip(held) {
            if let Some(o) = out.get_mut(item) {
                o.held_on = Some(date);
            }
        }
    }
    out
}

/// The report year (`/header/year`), or today's year when it is missing.
pub(crate) fn year_of(record: &Value, today: Date) -> i32 {
    access::report_year(record).unwrap_or_else(|| today.year())
}

// ---------------------------------------------------------------------------------------------
// The schedule.

/// Where a scheduled talk stands.
///
/// The variants are declared from most to least urgent; sorting by status puts overdue entries
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleStatus {
    /// 逾期: the due date has passed and no talk was held.
    Overdue,
    /// 即将到期: due today or within `dueSoonDays`.
    DueSoon,
    /// 未开展: not held, due later.
    Pending,
    /// 已开展: held.
    Held,
    /// 取消: a cancelled plan item.
    Cancelled,
}

impl ScheduleStatus {
    /// The status from a due date. Deadlines are inclusive (SPEC §8.2), so a talk due today is
    /// 即将到期 and becomes 逾期 the next day; `soon_days` days ahead is still 即将到期.
    pub fn from_due(due: Option<Date>, today: Date, soon_days: u32) -> ScheduleStatus {
        match due {
            Some(d) if d < today => ScheduleStatus::Overdue,
            Some(d) if today.days_until(d) <= i64::from(soon_days) => ScheduleStatus::DueSoon,
            _ => ScheduleStatus::Pending,
        }
    }

    /// A lowercase name for markup (`data-schedule-status`, the badge's CSS class).
    pub fn key(self) -> &'static str {
        match self {
            ScheduleStatus::Overdue => "overdue",
            ScheduleStatus::DueSoon => "duesoon",
            ScheduleStatus::Pending => "pending",
            ScheduleStatus::Held => "held",
            ScheduleStatus::Cancelled => "cancelled",
        }
    }

    /// The label of SPEC §4.3 / §7.2.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ScheduleStatus::Overdue, Locale::ZhCn) => "逾期",
            (ScheduleStatus::DueSoon, Locale::ZhCn) => "即将到期",
            (ScheduleStatus::Pending, Locale::ZhCn) => "未开展",
            (ScheduleStatus::Held, Locale::ZhCn) => "已开展",
            (ScheduleStatus::Cancelled, Locale::ZhCn) => "取消",
            (ScheduleStatus::Overdue, Locale::En) => "Overdue",
            (ScheduleStatus::DueSoon, Locale::En) => "Due soon",
            (ScheduleStatus::Pending, Locale::En) => "Not yet held",
            (ScheduleStatus::Held, Locale::En) => "Held",
            (ScheduleStatus::Cancelled, Locale::En) => "Cancelled",
        }
    }
}

/// What a schedule entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// The 任职谈话 (B01) owed to a newly appointed subordinate “一把手”.
    AppointmentTalk,
    /// A periodic 监督谈话 (B02) with a subordinate “一把手”.
    SupervisionTalk,
    /// An item of the talk plan (`/plans/items`).
    PlanItem,
}

/// One talk that is due, held or cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleEntry {
    /// What the entry is for.
    pub kind: EntryKind,
    /// Talk type code (`B01` …).
    pub talk_type: String,
    /// Roster id of the interviewee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Name of the interviewee (from the roster).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_name: Option<String>,
    /// When the talk is due (for plan items: the planned date).
    #[serde(serialize_with = "ser_opt_date", skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// When it was held.
    #[serde(serialize_with = "ser_opt_date", skip_serializing_if = "Option::is_none")]
    pub held_on: Option<Date>,
    /// Days from today to the due date (negative when overdue); absent when held or cancelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// Where it stands.
    pub status: ScheduleStatus,
    /// JSON pointer of the roster row or plan row the entry comes from.
    pub path: String,
}

/// Which coverage obligation of the year is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    /// A subordinate “一把手” appointed in the year has no 任职谈话 (B-R02).
    MissingAppointmentTalk,
    /// Fewer 监督谈话 than `talk.supervision.minPerYear` (B-R03).
    MissingSupervisionTalk,
    /// Fewer 纪检机关 / 组织部门负责人谈话 (B08 / B09) than `talk.jjzz.minPerYear`.
    BelowJjzzMinimum,
}

/// A coverage obligation of the year that is not (yet) met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageGap {
    /// Which obligation.
    pub kind: GapKind,
    /// Talk type code.
    pub talk_type: String,
    /// Roster id of the subordinate “一把手”.
    pub person_id: String,
    /// Name of the subordinate “一把手”.
    pub person_name: String,
    /// Talks required in the year.
    pub required: u32,
    /// Talks held in the year (by today).
    pub held: u32,
    /// JSON pointer of the roster row.
    pub path: String,
}

/// The talk schedule of one 谈话 record for its year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TalkSchedule {
    /// The year (`/header/year`, or today's year when missing).
    pub year: i32,
    /// The day the statuses refer to.
    #[serde(serialize_with = "ser_date")]
    pub today: Date,
    /// Due, held and cancelled talks, most urgent first: 逾期, then 即将到期, 未开展, 已开展, 取消,
    /// each by due date.
    pub entries: Vec<ScheduleEntry>,
    /// Coverage obligations of the year not met by today.
    pub gaps: Vec<CoverageGap>,
    /// Talks held in the year by type (every type present, zero included).
    pub counts: BTreeMap<String, u32>,
}

fn ser_date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_opt_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// The 任职谈话 due date: `appointmentDate + talk.appointment.maxDaysAfter` days.
pub fn appointment_talk_due(appointment: Date, config: &Config) -> Option<Date> {
    appointment.add_days(i64::from(config.talk.appointment.max_days_after))
}

/// Last day of the `i`-th of `per_year` equal parts of `year` (0-based): with one talk a year
/// the 31 December, with two the 30 June and the 31 December.
fn slot_end(year: i32, i: usize, per_year: usize) -> Option<Date> {
    let start = Date::new(year, 1, 1)?;
    let per_year = per_year.max(1) as u64;
    let months = 12 * (i as u64 + 1) / per_year;
    if months >= 1 {
        start.add_months(i32::try_from(months).ok()?)?.add_days(-1)
    } else {
        // More than twelve a year: split the year by days instead.
        let len = start.days_until(Date::new(year, 12, 31)?) + 1;
        start.add_days(len * (i as i64 + 1) / per_year as i64 - 1)
    }
}

/// Computes the talk schedule of `record` on `today`:
///
/// - for each roster person with role `XJ_YBS` appointed in the year (or flagged
///   `isNewlyAppointed`): the 任职谈话 due on `appointmentDate + talk.appointment.maxDaysAfter`,
///   held when any B01 record names the person;
/// - for each `XJ_YBS` in office at least `talk.supervision.minTenureDays` days of the year:
///   `talk.supervision.minPerYear` 监督谈话, the n-th due at the end of the n-th equal part of
///   the year but no later than `maxIntervalMonths` after the previous talk (held, or else
///   due); held talks fill the slots in date order, and one more slot is shown when the interval
///   from the last talk ends within the year;
/// - each plan item's status (see the matching rule on [`match_plans`]: same type and
///   `targetId`, dated in the year); a plan item is due on its `plannedDate`;
/// - the year's coverage gaps: missing B01, too few B02, and B08 / B09 below
///   `talk.jjzz.minPerYear` for each `XJ_YBS` that meets the tenure threshold;
/// - the number of talks held in the year by type ([`counts_by_type`]).
///
/// Only talks dated on or before `today` count as held. Statuses follow
/// [`ScheduleStatus::from_due`] with `dueSoonDays`.
pub fn compute(record: &Value, config: &Config, today: Date) -> TalkSchedule {
    let year = year_of(record, today);
    let people = people(record);
    let talks = talks(record);
    let soon = config.due_soon_days;
    let mut entries = Vec::new();
    let mut gaps = Vec::new();
    let people_index = people_by_id(&people);

    for p in people.iter().filter(|p| p.role == Some(XJ_YBS)) {
        let path = access::row_path(ROSTER.0, ROSTER.1, p.index);
        let entry = |kind, talk_type: &str, due: Option<Date>, held_on: Option<Date>| {
            let status = if held_on.is_some() { ScheduleStatus::Held } else { ScheduleStatus::from_due(due, today, soon) };
            ScheduleEntry {
                kind,
                talk_type: talk_type.to_owned(),
                person_id: Some(p.id.to_owned()),
                person_name: Some(p.name.to_owned()),
                due,
                held_on,
                days_left: if held_on.is_some() { None } else { due.map(|d| today.days_until(d)) },
                status,
                path: path.clone(),
            }
        };
        let gap = |kind, talk_type: &str, required: u32, held: usize| CoverageGap {
            kind,
            talk_type: talk_type.to_owned(),
            person_id: p.id.to_owned(),
            person_name: p.name.to_owned(),
            required,
            held: u32::try_from(held).unwrap_or(u32::MAX),
            path: path.clone(),
        };

        // 任职谈话.
        if let Some(appointed) = p.appointment {
            let appointed_this_year = appointed.year() == year;
            if appointed_this_year || p.newly_appointed {
                let held = held_dates(&talks, "B01", p.id, None, today);
                entries.push(entry(EntryKind::AppointmentTalk, "B01", appointment_talk_due(appointed, config), held.first().copied()));
                if appointed_this_year && held.is_empty() {
                    gaps.push(gap(GapKind::MissingAppointmentTalk, "B01", 1, 0));
                }
            }
        }

        if p.tenure_days_in(year) < i64::from(config.talk.supervision.min_tenure_days) {
            continue;
        }

        // 监督谈话.
        let sup = &config.talk.supervision;
        let per_year = (sup.min_per_year as usize).min(MAX_SLOTS);
        let held_in_year = held_dates(&talks, "B02", p.id, Some(year), today);
        let year_start = Date::new(year, 1, 1);
        let year_end = Date::new(year, 12, 31);
        let mut prev = held_dates(&talks, "B02", p.id, None, today).into_iter().rfind(|d| year_start.is_some_and(|s| *d < s));
        for i in 0..MAX_SLOTS {
            let slot = if i < per_year { slot_end(year, i, per_year) } else { None };
            let by_interval = prev.and_then(|d| d.add_months(i32::try_from(sup.max_interval_months).unwrap_or(i32::MAX)));
            let due = match (slot, by_interval) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let Some(due) = due else { break };
            if i >= per_year && year_end.is_none_or(|e| due > e) {
                break;
            }
            let held = held_in_year.get(i).copied();
            entries.push(entry(EntryKind::SupervisionTalk, "B02", Some(due), held));
            prev = Some(held.unwrap_or(due));
            if held.is_none() && i + 1 >= per_year {
                break;
            }
        }
        if held_in_year.len() < per_year {
            gaps.push(gap(GapKind::MissingSupervisionTalk, "B02", sup.min_per_year, held_in_year.len()));
        }

        // 纪检机关 / 组织部门负责人谈话.
        let jjzz = config.talk.jjzz.min_per_year;
        for kind in ["B08", "B09"] {
            let held = held_dates(&talks, kind, p.id, Some(year), today).len();
            if (held as u64) < u64::from(jjzz) {
                gaps.push(gap(GapKind::BelowJjzzMinimum, kind, jjzz, held));
            }
        }
    }

    // Plan items.
    let plan_rows = access::rows(record, PLANS.0, PLANS.1);
    for o in match_plans(record, &talks, year, today) {
        let Some(row) = plan_rows.get(o.index) else { continue };
        let status = if o.cancelled {
            ScheduleStatus::Cancelled
        } else if o.held_on.is_some() {
            ScheduleStatus::Held
        } else {
            ScheduleStatus::from_due(o.planned, today, soon)
        };
        let person_id = access::text(row, "targetId");
        entries.push(ScheduleEntry {
            kind: EntryKind::PlanItem,
            talk_type: access::text(row, "type").unwrap_or("").to_owned(),
            person_id: person_id.map(str::to_owned),
            person_name: person_id.and_then(|id| people_index.get(id)).map(|p| p.name.to_owned()),
            due: o.planned,
            held_on: o.held_on,
            days_left: match status {
                ScheduleStatus::Held | ScheduleStatus::Cancelled => None,
                _ => o.planned.map(|d| today.days_until(d)),
            },
            status,
            path: access::row_path(PLANS.0, PLANS.1, o.index),
        });
    }

    crate::sort::sort_by(&mut entries, |a, b| {
        (a.status, a.due.is_none(), a.due, &a.path, a.kind as u8).cmp(&(b.status, b.due.is_none(), b.due, &b.path, b.kind as u8))
    });
    TalkSchedule { year, today, entries, gaps, counts: counts_by_type(record, year) }
}

/// Talks dated in `year` by type: every code of [`TALK_TYPES`] is present (zero when none);
/// records with another type or no valid date are not counted. The 述职 cross-check (X-R01)
/// compares these counts with the numbers declared in the annual report.
pub fn counts_by_type(record: &Value, year: i32) -> BTreeMap<String, u32> {
    let mut counts: BTreeMap<String, u32> = TALK_TYPES.iter().map(|t| ((*t).to_owned(), 0)).collect();
    for t in talks(record) {
        if let (Some(kind), Some(date)) = (t.kind, t.date) {
            if date.year() == year {
                if let Some(n) = counts.get_mut(kind) {
                    *n = n.saturating_add(1);
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn status_keys_are_the_lowercase_variant_names() {
        for st in
            [ScheduleStatus::Overdue, ScheduleStatus::DueSoon, ScheduleStatus::Pending, ScheduleStatus::Held, ScheduleStatus::Cancelled]
        {
            assert_eq!(st.key(), format!("{st:?}").to_lowercase(), "the stylesheet's .ac-badge-* classes use these");
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// A roster with one subordinate “一把手” appointed on 2025-06-01 (任职谈话 due 2025-07-01 with
    /// the default 30 days) and one in office all year; talks and plan items are added per case.
    fn record(talks: Value, plans: Value) -> Value {
        json!({
            "header": {"year": 2025},
            "roster": {"people": [
                {"id": "p1", "name": "李明", "role": "XJ_YBS", "isNewlyAppointed": true,
                 "appointmentDate": "2025-06-01", "appointmentDecisionDate": "2025-05-28", "inOfficeFrom": "2025-06-01"},
                {"id": "p2", "name": "王芳", "role": "XJ_YBS", "inOfficeFrom": "2019-03-01"},
                {"id": "m1", "name": "赵强", "role": "BZCY"}
            ]},
            "plans": {"items": plans},
            "talks": {"records": talks}
        })
    }

    fn entry<'a>(s: &'a TalkSchedule, kind: EntryKind, person: &str) -> &'a ScheduleEntry {
        s.entries.iter().find(|e| e.kind == kind && e.person_id.as_deref() == Some(person)).unwrap()
    }

    #[test]
    fn status_boundaries_from_due_dates() {
        let today = d("2025-07-01");
        let cases = [
            ("2025-06-30", ScheduleStatus::Overdue), // one day overdue
            ("2025-07-01", ScheduleStatus::DueSoon), // due today: deadlines are inclusive
            ("2025-07-31", ScheduleStatus::DueSoon), // exactly dueSoonDays (30) ahead
            ("2025-08-01", ScheduleStatus::Pending), // one day beyond the window
        ];
        for (due, want) in cases {
            assert_eq!(ScheduleStatus::from_due(Some(d(due)), today, 30), want, "due {due}");
        }
        assert_eq!(ScheduleStatus::from_due(None, today, 30), ScheduleStatus::Pending);
        assert_eq!(ScheduleStatus::Overdue.label(Locale::ZhCn), "逾期");
        assert_eq!(ScheduleStatus::DueSoon.label(Locale::ZhCn), "即将到期");
    }

    #[test]
    fn appointment_talk_status_at_boundary_days() {
        let config = Config::default();
        // Due 2025-07-01 (appointment 2025-06-01 + 30 days).
        let cases = [
            ("2025-07-01", ScheduleStatus::DueSoon, Some(0)),
            ("2025-07-02", ScheduleStatus::Overdue, Some(-1)),
            ("2025-06-01", ScheduleStatus::DueSoon, Some(30)),
            ("2025-05-31", ScheduleStatus::Pending, Some(31)),
        ];
        for (today, want, days_left) in cases {
            let s = compute(&record(json!([]), json!([])), &config, d(today));
            let e = entry(&s, EntryKind::AppointmentTalk, "p1");
            assert_eq!(e.due, Some(d("2025-07-01")));
            assert_eq!((e.status, e.days_left), (want, days_left), "today {today}");
            assert_eq!(e.path, "/roster/people/0");
        }
        let held = record(json!([{"type": "B01", "date": "2025-06-10", "targetId": "p1"}]), json!([]));
        let s = compute(&held, &config, d("2025-12-20"));
        let e = entry(&s, EntryKind::AppointmentTalk, "p1");
        assert_eq!((e.status, e.held_on, e.days_left), (ScheduleStatus::Held, Some(d("2025-06-10")), None));
        // A configured deadline moves the due date.
        let mut longer = Config::default();
        longer.talk.appointment.max_days_after = 45;
        let s = compute(&record(json!([]), json!([])), &longer, d("2025-07-02"));
        let e = entry(&s, EntryKind::AppointmentTalk, "p1");
        assert_eq!((e.due, e.status), (Some(d("2025-07-16")), ScheduleStatus::DueSoon));
    }

    #[test]
    fn plan_item_statuses_at_boundary_days() {
        let config = Config::default();
        let plans = json!([
            {"id": "a", "type": "B03", "targetId": "m1", "plannedDate": "2025-09-30"},
            {"id": "b", "type": "B03", "targetId": "m1", "plannedDate": "2025-10-01"},
            {"id": "c", "type": "B03", "targetId": "m1", "plannedDate": "2025-10-31"},
            {"id": "d", "type": "B03", "targetId": "m1", "plannedDate": "2025-11-01"},
            {"id": "e", "type": "B08", "targetId": "p2", "plannedDate": "2025-03-01", "cancelled": true, "cancelReason": "调整"},
            {"id": "f", "type": "B02", "targetId": "p2", "plannedDate": "2025-04-01"}
        ]);
        let talks = json!([{"type": "B02", "date": "2025-04-03", "targetId": "p2"}]);
        let s = compute(&record(talks, plans), &config, d("2025-10-01"));
        let status = |i: usize| s.entries.iter().find(|e| e.path == format!("/plans/items/{i}")).map(|e| (e.status, e.days_left)).unwrap();
        assert_eq!(status(0), (ScheduleStatus::Overdue, Some(-1)));
        assert_eq!(status(1), (ScheduleStatus::DueSoon, Some(0)));
        assert_eq!(status(2), (ScheduleStatus::DueSoon, Some(30)));
        assert_eq!(status(3), (ScheduleStatus::Pending, Some(31)));
        assert_eq!(status(4), (ScheduleStatus::Cancelled, None));
        assert_eq!(status(5), (ScheduleStatus::Held, None));
        // Most urgent first: the overdue plan item and the overdue 任职谈话 lead, by due date.
        let order: Vec<(ScheduleStatus, Option<Date>)> = s.entries.iter().map(|e| (e.status, e.due)).collect();
        let mut sorted = order.clone();
        sorted.sort_by_key(|(st, due)| (*st, due.is_none(), *due));
        assert_eq!(order, sorted);
        assert_eq!(s.entries[0].kind, EntryKind::AppointmentTalk);
        assert_eq!(s.entries[0].status, ScheduleStatus::Overdue);
        assert_eq!(s.entries[1].path, "/plans/items/0");
        assert_eq!(s.entries.last().map(|e| e.status), Some(ScheduleStatus::Cancelled));
    }

    #[test]
    fn one_talk_fulfils_one_plan_item() {
        let plans = json!([
            {"id": "a", "type": "B02", "targetId": "p2", "plannedDate": "2025-09-01"},
            {"id": "b", "type": "B02", "targetId": "p2", "plannedDate": "2025-03-01"},
            {"id": "c", "type": "B02", "targetId": "p1", "plannedDate": "2025-03-01"}
        ]);
        // One talk with p2 in the year, one in the previous year (does not count), none with p1.
        let talks = json!([
            {"type": "B02", "date": "2025-03-05", "targetId": "p2"},
            {"type": "B02", "date": "2024-12-30", "targetId": "p2"},
            {"type": "B03", "date": "2025-03-05", "targetId": "p1"}
        ]);
        let r = record(talks, plans);
        let t = super::talks(&r);
        let m = match_plans(&r, &t, 2025, d("2025-12-20"));
        assert_eq!(m.iter().map(|o| o.held_on).collect::<Vec<_>>(), [None, Some(d("2025-03-05")), None]);
    }

    #[test]
    fn supervision_talk_slots_follow_config() {
        let config = Config::default();
        // No B02 yet: one due at the year end, a coverage gap, for both subordinates.
        let s = compute(&record(json!([]), json!([])), &config, d("2025-12-20"));
        let e = entry(&s, EntryKind::SupervisionTalk, "p2");
        assert_eq!((e.due, e.status, e.days_left), (Some(d("2025-12-31")), ScheduleStatus::DueSoon, Some(11)));
        let gaps: Vec<(GapKind, &str, &str)> = s.gaps.iter().map(|g| (g.kind, g.talk_type.as_str(), g.person_id.as_str())).collect();
        assert_eq!(
            gaps,
            [
                (GapKind::MissingAppointmentTalk, "B01", "p1"),
                (GapKind::MissingSupervisionTalk, "B02", "p1"),
                (GapKind::BelowJjzzMinimum, "B08", "p1"),
                (GapKind::BelowJjzzMinimum, "B09", "p1"),
                (GapKind::MissingSupervisionTalk, "B02", "p2"),
                (GapKind::BelowJjzzMinimum, "B08", "p2"),
                (GapKind::BelowJjzzMinimum, "B09", "p2"),
            ]
        );

        // The interval from the previous year's talk brings the due date forward.
        let talks = json!([{"type": "B02", "date": "2024-08-15", "targetId": "p2"}]);
        let s = compute(&record(talks, json!([])), &config, d("2025-08-16"));
        let e = entry(&s, EntryKind::SupervisionTalk, "p2");
        assert_eq!((e.due, e.status), (Some(d("2025-08-15")), ScheduleStatus::Overdue));

        // Twice a year, every six months at most: one held, the next due six months later.
        let mut twice = Config::default();
        twice.talk.supervision.min_per_year = 2;
        twice.talk.supervision.max_interval_months = 6;
        let talks = json!([{"type": "B02", "date": "2025-02-10", "targetId": "p2"}]);
        let s = compute(&record(talks, json!([])), &twice, d("2025-08-01"));
        let mine: Vec<(Option<Date>, ScheduleStatus)> = s
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::SupervisionTalk && e.person_id.as_deref() == Some("p2"))
            .map(|e| (e.due, e.status))
            .collect();
        assert_eq!(mine, [(Some(d("2025-08-10")), ScheduleStatus::DueSoon), (Some(d("2025-06-30")), ScheduleStatus::Held)]);
        assert!(s.gaps.iter().any(|g| g.kind == GapKind::MissingSupervisionTalk && g.person_id == "p2" && g.held == 1 && g.required == 2));

        // Too short a tenure: no 监督谈话 expected.
        let mut strict = Config::default();
        strict.talk.supervision.min_tenure_days = 250;
        let s = compute(&record(json!([]), json!([])), &strict, d("2025-12-20"));
        assert!(!s.entries.iter().any(|e| e.kind == EntryKind::SupervisionTalk && e.person_id.as_deref() == Some("p1")));
        assert!(s.entries.iter().any(|e| e.kind == EntryKind::SupervisionTalk && e.person_id.as_deref() == Some("p2")));
    }

    #[test]
    fn counts_cover_every_type_in_the_year() {
        let talks = json!([
            {"type": "B02", "date": "2025-03-05", "targetId": "p2"},
            {"type": "B02", "date": "2025-09-05", "targetId": "p2"},
            {"type": "B02", "date": "2024-12-30", "targetId": "p2"},
            {"type": "B10", "date": "2025-04-01", "targetId": "m1"},
            {"type": "B99", "date": "2025-04-01"},
            {"type": "B03", "date": "not a date"},
            "not a row"
        ]);
        let c = counts_by_type(&record(talks, json!([])), 2025);
        assert_eq!(c.len(), 12);
        assert_eq!((c["B02"], c["B10"], c["B03"], c["B01"]), (2, 1, 0, 0));
    }

    #[test]
    fn odd_records_do_not_panic() {
        let config = Config::default();
        for r in [json!(null), json!([]), json!({"roster": 1, "talks": {"records": {}}}), json!({"roster": {"people": [1, {"id": 3}]}})] {
            let s = compute(&r, &config, d("2025-12-20"));
            assert_eq!(s.year, 2025);
            assert!(s.entries.is_empty());
        }
        let mut silly = Config::default();
        silly.talk.supervision.min_per_year = u32::MAX;
        silly.talk.supervision.max_interval_months = 0;
        let s = compute(&record(json!([]), json!([])), &silly, d("2025-12-20"));
        assert!(s.entries.len() <= 2 * MAX_SLOTS + 4);
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["today"], "2025-12-20");
    }
}
