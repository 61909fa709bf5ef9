//! Named rules of the 谈话 checklist (SPEC §4.5) that the template vocabulary cannot express:
//! the pairing matrix (B-R01), coverage across the roster and the year (B-R02, B-R03, B-R13,
//! B-R15), dispositions required by the problem level (B-R04, B-R05, B-R07, B-R08, B-R16),
//! the 函询 endorsement and deadline (B-R09, B-R10) and the parts of B-R11, B-R12 and B-R14 that
//! look beyond one field. Required fields, date order and the B-R06 filing duties are declared
//! in `templates/tanhua.json`.
//!
//! Record shape: `/header/{year, mshDate}`, `/roster/people[]` (`id`, `name`, `role`, …),
//! `/plans/items[]` and `/talks/records[]`; the schedule module reads the tables, so that rules
//! and the schedule agree on what counts as held. Every [CFG] value comes from [`Config`].
//!
//! [`Config`]: crate::config::Config

use std::collections::HashMap;

use crate::access;
use crate::date::Date;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::locale::{Locale, Text};
use crate::rules::rule::{summary, NamedRule, RuleCtx};
use crate::schedule::{self, Person, Talk, PLANS, ROSTER, TALKS};
use crate::template::ChecklistKind;

/// Role codes of the roster and of talk records (SPEC §4.2).
pub mod roles {
    /// 上级“一把手”.
    pub const SJ_YBS: &str = "SJ_YBS";
    /// 下级“一把手”.
    pub const XJ_YBS: &str = "XJ_YBS";
    /// 本级“一把手”.
    pub const BJ_YBS: &str = "BJ_YBS";
    /// 班子成员.
    pub const BZCY: &str = "BZCY";
    /// 纪委书记.
    pub const JW_SJ: &str = "JW_SJ";
    /// 纪检机关负责人.
    pub const JJ_FZR: &str = "JJ_FZR";
    /// 组织部门负责人.
    pub const ZZ_FZR: &str = "ZZ_FZR";
    /// Designated or commissioned by the 党委（党组） (受委托).
    pub const WT: &str = "WT";
    /// 巡视巡察组.
    pub const XS: &str = "XS";
    /// 其他.
    pub const QT: &str = "QT";
    /// Every role, in the template's order.
    pub const ALL: &[&str] = &[SJ_YBS, XJ_YBS, BJ_YBS, BZCY, JW_SJ, JJ_FZR, ZZ_FZR, WT, XS, QT];
    /// The “一把手” roles (a 党组织负责人 in the sense of SPEC §4.2 and B-R09).
    pub const YBS: &[&str] = &[SJ_YBS, XJ_YBS, BJ_YBS];
}

pub use crate::finding::codes::tanhua::TanhuaCode;
use roles::*;

/// One allowed (initiator roles → target roles) combination of a talk type (SPEC §4.2).
pub struct Pairing {
    /// Talk type code.
    pub talk_type: &'static str,
    /// Roles that may hold the talk.
    pub initiators: &'static [&'static str],
    /// Roles the interviewee may have.
    pub targets: &'static [&'static str],
    /// The reason (`trigger`) the talk must have for this pairing, if any.
    pub trigger: Option<&'static str>,
}

const fn pair(talk_type: &'static str, initiators: &'static [&'static str], targets: &'static [&'static str]) -> Pairing {
    Pairing { talk_type, initiators, targets, trigger: None }
}

/// The allowed pairing matrix of SPEC §4.2. A talk is allowed when some row of its type lists
/// both the talker's role and the interviewee's roster role (and, where given, the reason).
/// "Any cadre" is every role; “一把手” is [`roles::YBS`]. 党委（党组） talks (B07) are recorded
/// under their representative: the 上级“一把手” or a 受委托 person. SPEC calls the matrix
/// configurable: `config.talk.pairings` replaces it.
pub static PAIRINGS: &[Pairing] = &[
    pair("B01", &[SJ_YBS, WT], &[XJ_YBS]),
    pair("B02", &[SJ_YBS, WT], &[XJ_YBS]),
    pair("B03", YBS, &[BZCY]),
    pair("B03", &[BZCY], &[BZCY, SJ_YBS, XJ_YBS, BJ_YBS]),
    Pairing { talk_type: "B03", initiators: &[JJ_FZR, ZZ_FZR], targets: ALL, trigger: Some("信访举报") },
    pair("B04", &[JW_SJ], &[BZCY]),
    pair("B04", YBS, ALL),
    pair("B05", &[SJ_YBS], &[XJ_YBS]),
    pair("B06", &[SJ_YBS, JJ_FZR, ZZ_FZR], ALL),
    pair("B07", &[SJ_YBS, WT], &[XJ_YBS]),
    pair("B07", YBS, &[BZCY]),
    pair("B08", &[JJ_FZR], &[XJ_YBS]),
    pair("B09", &[ZZ_FZR], &[XJ_YBS]),
    pair("B10", &[JJ_FZR], &[BZCY]),
    pair("B10", YBS, &[BZCY]),
    pair("B11", &[XS], ALL),
    pair("B12", ALL, ALL),
];

/// Dispositions that call for a rectification requirement and a follow-up (B-R12).
const RECTIFYING: [&str; 4] = ["批评教育", "责令作出检查", "诫勉", "约谈"];

/// The rules of this checklist.
pub static RULES: &[NamedRule] = &[
    NamedRule { id: "B-R01", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("Talker and interviewee roles must be allowed by the pairing matrix (SPEC §4.2); a 任职谈话 needs a newly appointed interviewee."), run: pairing },
    NamedRule { id: "B-R02", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("Every subordinate 一把手 appointed in the year has a 任职谈话, not before the decision and within the configured days."), run: appointment_talks },
    NamedRule { id: "B-R03", kind: ChecklistKind::Tanhua, severity: Severity::Warning, summary: summary("Every subordinate 一把手 in office long enough has the configured number of 监督谈话, none more than the configured months apart."), run: supervision_talks },
    NamedRule { id: "B-R04", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("A 上级一把手 who finds 苗头性、倾向性问题 gives 批评教育 (or 提醒, if configured)."), run: criticism_for_tendencies },
    NamedRule { id: "B-R05", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("轻微违纪问题 call for 诫勉."), run: admonishment_for_minor_violations },
    NamedRule { id: "B-R07", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("纪检/组织 leaders raise 一般性问题 in person and report 严重违纪违法问题 to the Party secretary."), run: jjzz_dispositions },
    NamedRule { id: "B-R08", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("A 纪委书记 reminds on 苗头性问题 and reports 重要问题 to both the upper 纪委 and the Party secretary."), run: jwsj_dispositions },
    NamedRule { id: "B-R09", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("A 一把手 endorsing a 函询 reply adds a real education reminder, not a bare approval."), run: education_reminder },
    NamedRule { id: "B-R10", kind: ChecklistKind::Tanhua, severity: Severity::Warning, summary: summary("函询 replies are due the configured working days after receipt; a late reply needs a reason."), run: inquiry_deadline },
    NamedRule { id: "B-R11", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("Talker differs from the interviewee, who is in office on the day; main points long enough; a note-taker is expected."), run: record_integrity },
    NamedRule { id: "B-R12", kind: ChecklistKind::Tanhua, severity: Severity::Warning, summary: summary("A follow-up is recorded once the rectification deadline has passed."), run: follow_up },
    NamedRule { id: "B-R13", kind: ChecklistKind::Tanhua, severity: Severity::Warning, summary: summary("Plan items past their planned date without a matching talk are overdue."), run: overdue_plans },
    NamedRule { id: "B-R14", kind: ChecklistKind::Tanhua, severity: Severity::Error, summary: summary("巡视巡察谈话 with a 一把手 cover 工作情况 and 生活情况."), run: inspection_topics },
    NamedRule { id: "B-R15", kind: ChecklistKind::Tanhua, severity: Severity::Warning, summary: summary("Before the 民主生活会, a 谈心谈话 with every team member within the configured window."), run: pre_meeting_talks },
    NamedRule { id: "B-R16", kind: ChecklistKind::Tanhua, severity: Severity::Info, summary: summary("Guidance on what each problem level calls for."), run: level_guidance },
];

// ---------------------------------------------------------------------------------------------
// Helpers.

fn finding(code: TanhuaCode, sev: Severity, path: String, rule: &str) -> Finding {
    Finding::new(code, sev, path).rule(rule)
}

fn talk_path(t: &Talk<'_>, key: &str) -> String {
    access::cell_path(TALKS.0, TALKS.1, t.index, key)
}

fn person_path(p: &Person<'_>) -> String {
    access::row_path(ROSTER.0, ROSTER.1, p.index)
}

/// The label of an option of `/section/table/column` in the template, falling back to the value.
fn option_label(ctx: &RuleCtx<'_>, (section, table): (&str, &str), column: &str, value: &str, locale: Locale) -> String {
    ctx.template
        .section(section)
        .and_then(|s| s.table(table))
        .and_then(|t| t.column(column))
        .and_then(|f| f.options.iter().find(|o| o.value() == value))
        .map_or_else(|| value.to_owned(), |o| o.label(locale).to_owned())
}

/// The label of a talk-record column (a fallback keeps custom templates without it working).
fn column_label(ctx: &RuleCtx<'_>, key: &str) -> Text {
    ctx.template
        .section(TALKS.0)
        .and_then(|s| s.table(TALKS.1))
        .and_then(|t| t.column(key))
        .map_or_else(|| Text { zh: key.to_owned(), en: None }, |f| f.label.clone())
}

/// Adds `{name}` (Chinese) and `{name}_en` params with an option's labels.
fn with_option(f: Finding, ctx: &RuleCtx<'_>, table: (&str, &str), column: &str, name: &str, value: &str) -> Finding {
    f.param(name, option_label(ctx, table, column, value, Locale::ZhCn))
        .param(&format!("{name}_en"), option_label(ctx, table, column, value, Locale::En))
}

/// A rule's view of the record: the roster indexed by id, and the talks.
struct View<'a> {
    people: Vec<Person<'a>>,
    talks: Vec<Talk<'a>>,
}

impl<'a> View<'a> {
    fn new(ctx: &RuleCtx<'a>) -> View<'a> {
        View { people: schedule::people(ctx.record), talks: schedule::talks(ctx.record) }
    }

    fn index(&self) -> HashMap<&'a str, &Person<'a>> {
        schedule::people_by_id(&self.people)
    }
}

fn text<'a>(t: &Talk<'a>, key: &str) -> Option<&'a str> {
    access::text(t.row, key)
}

// ---------------------------------------------------------------------------------------------
// B-R01.

/// A row of the pairing matrix in force, borrowed from [`PAIRINGS`] or from the config.
struct PairRow<'a> {
    talk_type: &'a str,
    initiators: Vec<&'a str>,
    targets: Vec<&'a str>,
    trigger: Option<&'a str>,
}

fn matrix(config: &crate::config::Config) -> Vec<PairRow<'_>> {
    match &config.talk.pairings {
        Some(rows) => rows
            .iter()
            .map(|p| PairRow {
                talk_type: &p.talk_type,
                initiators: p.initiators.iter().map(String::as_str).collect(),
                targets: p.targets.iter().map(String::as_str).collect(),
                trigger: p.trigger.as_deref(),
            })
            .collect(),
        None => PAIRINGS
            .iter()
            .map(|p| PairRow { talk_type: p.talk_type, initiators: p.initiators.to_vec(), targets: p.targets.to_vec(), trigger: p.trigger })
            .collect(),
    }
}

fn pairing(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let index = view.index();
    let pairings = matrix(ctx.config);
    for t in &view.talks {
        let (Some(kind), Some(initiator)) = (t.kind, text(t, "initiatorRole")) else { continue };
        if !ALL.contains(&initiator) {
            continue; // Not a role at all: the enum check reports it.
        }
        let rows: Vec<&PairRow<'_>> = pairings.iter().filter(|p| p.talk_type == kind).collect();
        if rows.is_empty() {
            continue; // An unknown type is reported by the enum check.
        }
        let by_initiator: Vec<&PairRow<'_>> = rows.iter().copied().filter(|p| p.initiators.contains(&initiator)).collect();
        if by_initiator.is_empty() {
            let f = finding(TanhuaCode::PairingInitiator, Severity::Error, talk_path(t, "initiatorRole"), "B-R01");
            let f = with_option(f, ctx, TALKS, "type", "type", kind);
            out.push(with_option(f, ctx, TALKS, "initiatorRole", "role", initiator));
            continue;
        }
        let Some(target) = t.target.and_then(|id| index.get(id)) else { continue };
        let Some(target_role) = target.role.filter(|r| ALL.contains(r)) else { continue };
        let by_target: Vec<&PairRow<'_>> = by_initiator.iter().copied().filter(|p| p.targets.contains(&target_role)).collect();
        if by_target.is_empty() {
            let f = finding(TanhuaCode::PairingTarget, Severity::Error, talk_path(t, "targetId"), "B-R01");
            let f = with_option(f, ctx, TALKS, "type", "type", kind);
            let f = with_option(f, ctx, TALKS, "initiatorRole", "initiator", initiator);
            out.push(with_option(f, ctx, TALKS, "initiatorRole", "role", target_role));
            continue;
        }
        let trigger = text(t, "trigger");
        // Some pairings hold only for one reason (纪检/组织 谈心谈话 on 信访举报).
        if !by_target.iter().any(|p| p.trigger.is_none() || p.trigger == trigger) {
            let required = by_target.iter().find_map(|p| p.trigger).unwrap_or("");
            let f = finding(TanhuaCode::PairingTrigger, Severity::Error, talk_path(t, "trigger"), "B-R01");
            let f = with_option(f, ctx, TALKS, "trigger", "trigger", required);
            let f = with_option(f, ctx, TALKS, "type", "type", kind);
            out.push(with_option(f, ctx, TALKS, "initiatorRole", "initiator", initiator));
            continue;
        }
        if kind == "B01" && !target.newly_appointed {
            out.push(finding(TanhuaCode::AppointmentTalkTargetNotNew, Severity::Error, talk_path(t, "targetId"), "B-R01"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B-R02, B-R03.

fn appointment_talks(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let year = schedule::year_of(ctx.record, ctx.today);
    let days = ctx.config.talk.appointment.max_days_after;
    for p in view.people.iter().filter(|p| p.role == Some(XJ_YBS)) {
        let Some(appointed) = p.appointment else { continue };
        let due = schedule::appointment_talk_due(appointed, ctx.config);
        for t in view.talks.iter().filter(|t| t.kind == Some("B01") && t.target == Some(p.id)) {
            let Some(date) = t.date else { continue };
            if let Some(decided) = p.decision.filter(|d| date < *d) {
                out.push(
                    finding(TanhuaCode::AppointmentTalkBeforeDecision, Severity::Error, talk_path(t, "date"), "B-R02")
                        .param("decided", decided),
                );
            } else if let Some(due) = due.filter(|d| date > *d) {
                out.push(
                    finding(TanhuaCode::AppointmentTalkLate, Severity::Warning, talk_path(t, "date"), "B-R02")
                        .param("due", due)
                        .param("days", days),
                );
            }
        }
        // Missing is an error once the deadline has passed; before that the schedule shows
        // the talk as 即将到期 / 未开展.
        let overdue = due.is_some_and(|d| d < ctx.today);
        if appointed.year() == year && overdue && schedule::held_dates(&view.talks, "B01", p.id, None, ctx.today).is_empty() {
            out.push(
                finding(TanhuaCode::AppointmentTalkMissing, Severity::Error, person_path(p), "B-R02")
                    .param("name", p.name)
                    .param("appointed", appointed)
                    .param("due", due.map(|d| d.to_string()).unwrap_or_default()),
            );
        }
    }
}

fn supervision_talks(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let year = schedule::year_of(ctx.record, ctx.today);
    let sup = &ctx.config.talk.supervision;
    let months = i32::try_from(sup.max_interval_months).unwrap_or(i32::MAX);
    for p in view.people.iter().filter(|p| p.role == Some(XJ_YBS)) {
        if p.tenure_days_in(year) >= i64::from(sup.min_tenure_days) {
            let held = schedule::held_dates(&view.talks, "B02", p.id, Some(year), ctx.today).len();
            if (held as u64) < u64::from(sup.min_per_year) {
                out.push(
                    finding(TanhuaCode::SupervisionTalkMissing, Severity::Warning, person_path(p), "B-R03")
                        .param("name", p.name)
                        .param("held", held)
                        .param("min", sup.min_per_year),
                );
            }
        }
        let mut mine: Vec<(Date, &Talk<'_>)> =
            view.talks.iter().filter(|t| t.kind == Some("B02") && t.target == Some(p.id)).filter_map(|t| t.date.map(|d| (d, t))).collect();
        crate::sort::sort_by_key(&mut mine, |(d, t)| (*d, t.index));
        for pair in mine.windows(2) {
            let [(prev, _), (date, t)] = pair else { continue };
            if prev.add_months(months).is_some_and(|limit| *date > limit) {
                out.push(
                    finding(TanhuaCode::SupervisionTalkInterval, Severity::Warning, talk_path(t, "date"), "B-R03")
                        .param("previous", prev)
                        .param("months", sup.max_interval_months),
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B-R04, B-R05, B-R07, B-R08: dispositions required by the problem level.

fn require_outcome(ctx: &RuleCtx<'_>, t: &Talk<'_>, level: &str, outcome: &str, rule: &str, out: &mut Vec<Finding>) {
    if access::contains(t.row, "outcomes", outcome) {
        return;
    }
    let f = finding(TanhuaCode::OutcomeRequired, Severity::Error, talk_path(t, "outcomes"), rule);
    let f = with_option(f, ctx, TALKS, "problemLevel", "level", level);
    out.push(with_option(f, ctx, TALKS, "outcomes", "outcome", outcome));
}

fn criticism_for_tendencies(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    const LEVEL: &str = "苗头性、倾向性问题";
    for t in schedule::talks(ctx.record) {
        if text(&t, "initiatorRole") != Some(SJ_YBS) || text(&t, "problemLevel") != Some(LEVEL) {
            continue;
        }
        if ctx.config.talk.reminder_counts_as_criticism && access::contains(t.row, "outcomes", "提醒") {
            continue;
        }
        require_outcome(ctx, &t, LEVEL, "批评教育", "B-R04", out);
    }
}

fn admonishment_for_minor_violations(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for t in schedule::talks(ctx.record) {
        if text(&t, "problemLevel") == Some("轻微违纪问题") && !access::contains(t.row, "outcomes", "诫勉") {
            out.push(finding(TanhuaCode::AdmonishmentRequired, Severity::Error, talk_path(&t, "outcomes"), "B-R05"));
        }
    }
}

fn jjzz_dispositions(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let index = view.index();
    for t in &view.talks {
        let by_jjzz = matches!(text(t, "initiatorRole"), Some(JJ_FZR | ZZ_FZR));
        let to_subordinate_head = t.target.and_then(|id| index.get(id)).and_then(|p| p.role) == Some(XJ_YBS);
        if !(by_jjzz && to_subordinate_head) {
            continue;
        }
        match text(t, "problemLevel") {
            Some(level @ "一般性问题") => require_outcome(ctx, t, level, "当面提出", "B-R07", out),
            // The report date is then required by the template (`reportedToPartySecretaryDate`).
            Some(level @ "严重违纪违法问题") => require_outcome(ctx, t, level, "向同级党委主要负责人报告", "B-R07", out),
            _ => {}
        }
    }
}

fn jwsj_dispositions(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for t in schedule::talks(ctx.record) {
        if text(&t, "initiatorRole") != Some(JW_SJ) {
            continue;
        }
        match text(&t, "problemLevel") {
            Some(level @ "苗头性、倾向性问题") => require_outcome(ctx, &t, level, "提醒", "B-R08", out),
            // Both report dates are then required by the template.
            Some(level @ "重要问题") => {
                require_outcome(ctx, &t, level, "向上级纪委报告", "B-R08", out);
                require_outcome(ctx, &t, level, "向同级党委主要负责人报告", "B-R08", out);
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B-R09, B-R10: 函询.

/// Letters, digits and ideographs: what is left of a 函询 answer without its punctuation and
/// spaces. By ranges rather than `char::is_alphanumeric`, whose Unicode tables cost 2 KB of
/// WebAssembly: outside ASCII, everything but whitespace and the punctuation blocks counts.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c.is_whitespace()
        || matches!(c as u32,
            0x00A0..=0x00BF       // Latin-1 punctuation and signs (·, «, », ¥ …)
            | 0x2000..=0x206F     // general punctuation (“ ” ‘ ’ — … ‧)
            | 0x3000..=0x303F     // CJK symbols and punctuation (、。《》「」【】〃)
            | 0xFE30..=0xFE4F     // CJK compatibility forms
            | 0xFF00..=0xFF0F     // full-width ！＂＃…／
            | 0xFF1A..=0xFF20     // full-width ：；＜＝＞？＠
            | 0xFF3B..=0xFF40     // full-width ［＼］＾＿｀
            | 0xFF5B..=0xFF65)) // full-width ｛｜｝～ and half-width CJK punctuation
}

/// Whether `s`, without punctuation and spaces, is one or more bare approvals strung together
/// (`同意。`, `同意，情况属实`).
fn is_bare_approval(s: &str, blocklist: &[String]) -> bool {
    let chars: Vec<char> = s.chars().filter(|&c| is_word_char(c)).collect();
    let words: Vec<Vec<char>> =
        blocklist.iter().map(|w| w.chars().filter(|&c| is_word_char(c)).collect::<Vec<char>>()).filter(|w| !w.is_empty()).collect();
    if chars.is_empty() || words.is_empty() {
        return false;
    }
    // reach[i]: the first i characters split into blocklisted words.
    let mut reach = vec![false; chars.len() + 1];
    if let Some(first) = reach.first_mut() {
        *first = true;
    }
    for i in 0..chars.len() {
        if !reach.get(i).copied().unwrap_or(false) {
            continue;
        }
        for w in &words {
            if chars.get(i..i + w.len()) == Some(w.as_slice()) {
                if let Some(r) = reach.get_mut(i + w.len()) {
                    *r = true;
                }
            }
        }
    }
    reach.last().copied().unwrap_or(false)
}

fn education_reminder(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let cfg = &ctx.config.talk;
    for t in schedule::talks(ctx.record) {
        let signed_by_head = text(&t, "inquirySignerRole").is_some_and(|r| YBS.contains(&r));
        if t.kind != Some("B10") || !signed_by_head {
            continue;
        }
        let path = talk_path(&t, "educationReminder");
        let reminder = crate::normalize::text(text(&t, "educationReminder").unwrap_or(""));
        if reminder.is_empty() || is_bare_approval(&reminder, &cfg.bare_approvals) {
            out.push(finding(TanhuaCode::EducationReminderMissing, Severity::Error, path, "B-R09"));
            continue;
        }
        let count = reminder.chars().count();
        if (count as u64) < u64::from(cfg.min_reminder_chars) {
            out.push(
                finding(TanhuaCode::EducationReminderShort, Severity::Error, path, "B-R09")
                    .param("min", cfg.min_reminder_chars)
                    .param("count", count),
            );
        }
    }
}

fn inquiry_deadline(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let days = ctx.config.inquiry.reply_working_days;
    for t in schedule::talks(ctx.record) {
        if t.kind != Some("B10") {
            continue;
        }
        let Some(received) = access::date(t.row, "inquiryReceivedOn") else { continue };
        let Some(due) = ctx.config.calendar.add_working_days(received, days) else { continue };
        if let Some(year) = ctx.config.calendar.uncovered_year(received, due) {
            out.push(
                finding(TanhuaCode::CalendarNotCovered, Severity::Info, talk_path(&t, "inquiryReceivedOn"), "B-R10").param("year", year),
            );
        }
        match access::date(t.row, "inquiryRepliedOn") {
            Some(replied) if replied > due => {
                out.push(
                    finding(TanhuaCode::InquiryReplyLate, Severity::Warning, talk_path(&t, "inquiryRepliedOn"), "B-R10")
                        .param("due", due)
                        .param("days", days),
                );
                if text(&t, "replyLateReason").is_none() {
                    out.push(finding(TanhuaCode::LateReasonRequired, Severity::Error, talk_path(&t, "replyLateReason"), "B-R10"));
                }
            }
            Some(_) => {}
            None if due < ctx.today => {
                out.push(
                    finding(TanhuaCode::InquiryReplyOverdue, Severity::Warning, talk_path(&t, "inquiryRepliedOn"), "B-R10")
                        .param("due", due)
                        .param("days", days),
                );
            }
            None => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B-R11, B-R12.

fn record_integrity(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let index = view.index();
    for t in &view.talks {
        let target = t.target.and_then(|id| index.get(id));
        if let (Some(p), Some(initiator)) = (target, text(t, "initiatorName")) {
            let same = crate::normalize::name(initiator).0 == crate::normalize::name(p.name).0;
            if same && !p.name.is_empty() {
                out.push(finding(TanhuaCode::SamePerson, Severity::Error, talk_path(t, "targetId"), "B-R11"));
            }
        }
        if let (Some(p), Some(date)) = (target, t.date) {
            // A 任职谈话 may precede taking office; B-R02 bounds it by the decision date.
            let before_start = t.kind != Some("B01") && p.office_start().is_some_and(|s| date < s);
            let after_end = p.to.is_some_and(|e| date > e);
            if before_start || after_end {
                out.push(
                    finding(TanhuaCode::TargetNotInOffice, Severity::Error, talk_path(t, "date"), "B-R11")
                        .param("name", p.name)
                        .param("from", p.office_start().map(|d| d.to_string()).unwrap_or_else(|| "—".into()))
                        .param("from_en", p.office_start().map(|d| d.to_string()).unwrap_or_else(|| "—".into()))
                        .param("to", p.to.map(|d| d.to_string()).unwrap_or_else(|| "今".into()))
                        .param("to_en", p.to.map(|d| d.to_string()).unwrap_or_else(|| "now".into())),
                );
            }
        }
        if let Some(topics) = text(t, "topics") {
            let count = crate::normalize::text(topics).chars().count();
            let min = ctx.config.talk.min_topic_chars;
            if (count as u64) < u64::from(min) {
                out.push(
                    Finding::labelled(FieldCode::TooShort, Severity::Error, talk_path(t, "topics"), &column_label(ctx, "topics"))
                        .rule("B-R11")
                        .param("min", min)
                        .param("count", count),
                );
            }
        }
        // SPEC §4.4: a note-taker is W in general; the template makes it E for 诫勉 and 函询.
        let must = matches!(t.kind, Some("B06" | "B10")) || access::contains(t.row, "outcomes", "诫勉");
        if !must && text(t, "recorder").is_none() {
            out.push(
                Finding::labelled(FieldCode::Expected, Severity::Warning, talk_path(t, "recorder"), &column_label(ctx, "recorder"))
                    .rule("B-R11"),
            );
        }
    }
}

fn follow_up(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for t in schedule::talks(ctx.record) {
        if !RECTIFYING.iter().any(|o| access::contains(t.row, "outcomes", o)) {
            continue;
        }
        let Some(deadline) = access::date(t.row, "rectificationDeadline") else { continue };
        if deadline < ctx.today && access::date(t.row, "followUpDate").is_none() {
            out.push(
                finding(TanhuaCode::FollowUpMissing, Severity::Warning, talk_path(&t, "followUpDate"), "B-R12").param("deadline", deadline),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B-R13.

fn overdue_plans(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let talks = schedule::talks(ctx.record);
    let year = schedule::year_of(ctx.record, ctx.today);
    let rows = access::rows(ctx.record, PLANS.0, PLANS.1);
    for o in schedule::match_plans(ctx.record, &talks, year, ctx.today) {
        let Some(planned) = o.planned else { continue };
        if o.cancelled || o.held_on.is_some() || planned >= ctx.today {
            continue;
        }
        let kind = rows.get(o.index).and_then(|r| access::text(r, "type")).unwrap_or("");
        let f = finding(TanhuaCode::PlanOverdue, Severity::Warning, access::cell_path(PLANS.0, PLANS.1, o.index, "plannedDate"), "B-R13")
            .param("planned", planned);
        out.push(with_option(f, ctx, PLANS, "type", "type", kind));
    }
}

// ---------------------------------------------------------------------------------------------
// B-R14, B-R15, B-R16.

fn inspection_topics(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let view = View::new(ctx);
    let index = view.index();
    for t in view.talks.iter().filter(|t| t.kind == Some("B11")) {
        let head = t.target.and_then(|id| index.get(id)).and_then(|p| p.role).is_some_and(|r| YBS.contains(&r));
        if !head {
            continue;
        }
        let missing: Vec<&str> = ["工作情况", "生活情况"].into_iter().filter(|m| !access::contains(t.row, "topicsChecklist", m)).collect();
        if missing.is_empty() {
            continue;
        }
        let zh: Vec<String> = missing.iter().map(|m| format!("“{m}”")).collect();
        let en: Vec<String> = missing.iter().map(|m| format!("“{}”", option_label(ctx, TALKS, "topicsChecklist", m, Locale::En))).collect();
        out.push(
            finding(TanhuaCode::InspectionTopicsMissing, Severity::Error, talk_path(t, "topicsChecklist"), "B-R14")
                .param("missing", zh.join("、"))
                .param("missing_en", en.join(" and ")),
        );
    }
}

fn pre_meeting_talks(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let Some(meeting) = access::date(access::section(ctx.record, "header"), "mshDate") else { return };
    // Until the meeting has taken place the window is still open: nothing to report yet.
    if meeting > ctx.today {
        return;
    }
    let days = ctx.config.msh.pre_talk_window_days;
    let Some(from) = meeting.add_days(-i64::from(days)) else { return };
    let view = View::new(ctx);
    let index = view.index();
    // The team's own “一把手”: the owner of the checklist (上级 to the subordinates) or a 本级 one.
    let heads: Vec<&Person<'_>> = view.people.iter().filter(|p| matches!(p.role, Some(SJ_YBS | BJ_YBS))).collect();
    let in_window = |t: &&Talk<'_>| t.kind == Some("B03") && t.date.is_some_and(|d| from <= d && d < meeting);
    for member in view.people.iter().filter(|p| p.role == Some(BZCY) && p.in_office_on(meeting)) {
        let talked = view.talks.iter().filter(in_window).any(|t| {
            // Either direction counts: the 一把手 talks with the member, or the member with the 一把手.
            let to_member = t.target == Some(member.id) && matches!(text(t, "initiatorRole"), Some(SJ_YBS | BJ_YBS));
            let initiator = text(t, "initiatorName").map(|n| crate::normalize::name(n).0);
            let from_member = initiator.as_deref() == Some(crate::normalize::name(member.name).0.as_str())
                && t.target.and_then(|id| index.get(id)).is_some_and(|p| heads.iter().any(|h| h.id == p.id));
            to_member || from_member
        });
        if !talked {
            out.push(
                finding(TanhuaCode::PreMeetingTalkMissing, Severity::Warning, person_path(member), "B-R15")
                    .param("name", member.name)
                    .param("meeting", meeting)
                    .param("days", days)
                    .param("from", from),
            );
        }
    }
}

fn level_guidance(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for t in schedule::talks(ctx.record) {
        let code = match text(&t, "problemLevel") {
            Some("一般性问题") => TanhuaCode::GuidanceGeneral,
            Some("苗头性、倾向性问题") => TanhuaCode::GuidanceTendency,
            Some("轻微违纪问题") => TanhuaCode::GuidanceMinorViolation,
            Some("重要问题") => TanhuaCode::GuidanceImportant,
            Some("严重违纪违法问题") => TanhuaCode::GuidanceSerious,
            _ => continue,
        };
        out.push(finding(code, Severity::Info, talk_path(&t, "problemLevel"), "B-R16"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tanhua::*;

    #[test]
    fn word_chars_agree_with_is_alphanumeric_on_what_answers_contain() {
        let text = "同意，情况属实。已阅 同意上报！“属实”——（见附件）《报告》【说明】、；：？…·ABCxyz019１２３ＡＢé𠮷\u{3000}\t\n.,;:!?()[]{}-_/'\"～";
        for c in text.chars() {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn bare_approvals_are_recognised_after_trimming_punctuation() {
        let list = crate::config::Config::default().talk.bare_approvals;
        for s in ["同意", "同意。", " 阅！", "同意，情况属实。", "已阅 同意上报"] {
            assert!(is_bare_approval(s, &list), "{s}");
        }
        for s in ["", "。", "同意。请你今后严格执行请示报告制度，注意管好家属子女。", "不同意"] {
            assert!(!is_bare_approval(s, &list), "{s}");
        }
    }

    #[test]
    fn matrix_covers_every_type_and_names_known_roles() {
        for kind in schedule::TALK_TYPES {
            assert!(PAIRINGS.iter().any(|p| p.talk_type == kind), "{kind}");
        }
        for p in PAIRINGS {
            assert!(p.initiators.iter().chain(p.targets).all(|r| ALL.contains(r)), "{}", p.talk_type);
        }
    }
}
