//! Named rules of the 述职 / 述责述廉 checklist (SPEC §3.5): the parts the template vocabulary
//! cannot express, because they read configuration (A-R01 length, A-R06 window), compare against
//! a fixed list of values (A-R02), compare two counts with a domain message (A-R04, A-R10), look
//! across sections (A-R07) or compare with today (A-R08).
//!
//! Declared in `src/templates/shuzhi.json` instead: A-R01's four required counts, A-R02's required
//! `evaluationMethod` / `disclosureScope`, most of A-R03 (core narratives required, conditional
//! sections answered 有 with a narrative or 无 with a reason; the named part here refuses a core
//! narrative that only says 无), A-R04's required count, all of
//! A-R05 (`requiredIf` on `disclosedInTeam`, `inReportYear` on its date) and all of A-R09
//! (role-conditional sections whose narratives are required).
//!
//! Rules read the record through [`access`]; a missing or mistyped value is simply absent (the
//! template's own checks report it), so nothing here can panic.

use serde_json::Value;

use crate::access;
use crate::date::Date;
use crate::finding::codes::field::FieldCode;
pub use crate::finding::codes::shuzhi::ShuzhiCode;
use crate::finding::{Finding, Severity};
use crate::locale::Text;
use crate::rules::rule::{summary, NamedRule, RuleCtx};
use crate::template::ChecklistKind;

/// The rules of this checklist.
pub static RULES: &[NamedRule] = &[
    NamedRule {
        id: "A-R01",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Error,
        summary: summary(
            "A5 (supervising subordinate 一把手) is the key content: its narrative has at least shuzhi.minCharsKeySection characters",
        ),
        run: a_r01,
    },
    NamedRule {
        id: "A-R02",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Error,
        summary: summary("SZSL_XJ: the meeting is an enlarged meeting of the upper committee or group, and the report is disclosed"),
        run: a_r02,
    },
    NamedRule {
        id: "A-R03",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Error,
        summary: summary(
            "Core sections cannot be answered 无: a narrative that is only 无 / 没有 / 暂无 / 同上 or punctuation counts as unanswered",
        ),
        run: a_r03,
    },
    NamedRule {
        id: "A-R04",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Error,
        summary: summary("A12: every interference received is reported (reported = received)"),
        run: a_r04,
    },
    NamedRule {
        id: "A-R06",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Warning,
        summary: summary("The meeting date lies in the configured window (Y-07-01 … Y+1-03-31 by default)"),
        run: a_r06,
    },
    NamedRule {
        id: "A-R07",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Warning,
        summary: summary("A7 decision-procedure breaches need an explanation and an A14 rectification item (专项督查 / 其他)"),
        run: a_r07,
    },
    NamedRule {
        id: "A-R08",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Warning,
        summary: summary("A14: unfinished rectifications past their deadline are overdue; completion dates are not in the future"),
        run: a_r08,
    },
    NamedRule {
        id: "A-R10",
        kind: ChecklistKind::Shuzhi,
        severity: Severity::Error,
        summary: summary("A6: every inquiry sign-off carries an education reminder (withReminder = signoffs)"),
        run: a_r10,
    },
];

/// Report kinds whose 述职 must feature A5 (A-R01): the annual report and every 述责述廉.
const A5_KEY_KINDS: &[&str] = &["NDSZ", "SZSL_XJ", "SZSL_BZ", "SZSL_JW"];
/// Meetings at which a subordinate 一把手 gives the 述责述廉 (A-R02, [S-（七）]).
const UPPER_MEETINGS: &[&str] = &["上级党委常委会扩大会议", "上级党组（党委）扩大会议"];
/// Rectification sources that can carry a decision-procedure breach (A-R07).
const DECISION_SOURCES: &[&str] = &["专项督查", "其他"];
/// The A14 state meaning done.
const DONE: &str = "已完成";

fn header(record: &Value) -> &Value {
    access::section(record, "header")
}

/// The field's label from the template, so that messages follow a host's relabelled template.
fn label(ctx: &RuleCtx<'_>, section: &str, key: &str) -> Text {
    ctx.template.section(section).and_then(|s| s.field(key)).map(|f| f.label.clone()).unwrap_or_else(|| Text::new(key, key))
}

fn column_label(ctx: &RuleCtx<'_>, section: &str, table: &str, key: &str) -> Text {
    ctx.template
        .section(section)
        .and_then(|s| s.table(table))
        .and_then(|t| t.column(key))
        .map(|f| f.label.clone())
        .unwrap_or_else(|| Text::new(key, key))
}

fn at(ctx: &RuleCtx<'_>, code: impl Into<crate::finding::Code>, sev: Severity, section: &str, key: &str, rule: &str) -> Finding {
    Finding::labelled(code, sev, access::field_path(section, key), &label(ctx, section, key)).rule(rule)
}

fn a_r01(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let h = header(ctx.record);
    let kind = access::text(h, "reportKind").unwrap_or("");
    if access::boolean(h, "supervisesSubordinateYBS") != Some(true) || !A5_KEY_KINDS.contains(&kind) {
        return;
    }
    // An empty narrative is the template's `required` finding; this rule adds the length.
    let Some(narrative) = access::text(access::section(ctx.record, "A5"), "narrative") else { return };
    let count = crate::normalize::text(narrative).chars().count();
    let min = ctx.config.shuzhi.min_chars_key_section as usize;
    if count < min {
        out.push(
            at(ctx, ShuzhiCode::KeySectionTooShort, Severity::Error, "A5", "narrative", "A-R01").param("min", min).param("count", count),
        );
    }
}

/// Whether a narrative, once white space and punctuation are gone, is one of the ways of
/// writing "nothing": empty, 无, 没有, 暂无, 同上. Anything longer is an answer a reviewer judges.
fn says_only_none(narrative: &str) -> bool {
    let kept: String = narrative.chars().filter(|c| !(c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(*c))).collect();
    matches!(kept.as_str(), "" | "无" | "没有" | "暂无" | "同上")
}

/// CJK and general punctuation, full-width forms' punctuation, and the middle dots.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x206F | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x00B7)
}

/// A-R03: a core section (one with no 有/无 question) cannot be answered 无. An empty narrative
/// is the template's `required` finding; this adds the ones that only pretend to answer.
fn a_r03(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let empty = serde_json::Map::new();
    for section in &ctx.template.sections {
        if section.presence.is_some() || section.field("narrative").is_none() {
            continue;
        }
        let sobj = ctx.record.get(&section.id).and_then(Value::as_object).unwrap_or(&empty);
        if section.when.as_ref().is_some_and(|c| !c.eval(sobj, ctx.record)) {
            continue;
        }
        let Some(narrative) = access::text(access::section(ctx.record, &section.id), "narrative") else { continue };
        if says_only_none(narrative) {
            out.push(
                Finding::labelled(
                    ShuzhiCode::CoreSectionNone,
                    Severity::Error,
                    access::field_path(&section.id, "narrative"),
                    &section.title,
                )
                .rule("A-R03")
                .param("value", narrative),
            );
        }
    }
}

fn a_r02(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let h = header(ctx.record);
    if access::text(h, "reportKind") != Some("SZSL_XJ") {
        return;
    }
    if let Some(meeting) = access::text(h, "meetingType") {
        if !UPPER_MEETINGS.contains(&meeting) {
            out.push(at(ctx, ShuzhiCode::MeetingNotUpperLevel, Severity::Error, "header", "meetingType", "A-R02").param("value", meeting));
        }
    }
    if access::text(h, "disclosureScope") == Some("不公开") {
        out.push(at(ctx, ShuzhiCode::NotDisclosed, Severity::Error, "header", "disclosureScope", "A-R02"));
    }
}

fn a_r04(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let a12 = access::section(ctx.record, "A12");
    // A missing received count is the template's `required` finding (A-R04 too).
    let Some(received) = access::int(a12, "interferencesReceived") else { return };
    match access::int(a12, "interferencesReported") {
        None if received > 0 => out.push(
            at(ctx, ShuzhiCode::InterferenceReportMissing, Severity::Error, "A12", "interferencesReported", "A-R04")
                .param("received", received),
        ),
        Some(reported) if reported != received => out.push(
            at(ctx, ShuzhiCode::InterferenceReportMismatch, Severity::Error, "A12", "interferencesReported", "A-R04")
                .param("received", received)
                .param("reported", reported),
        ),
        _ => {}
    }
}

/// The configured meeting window for report year `year`: start in `year`, end in `year + 1`.
/// `None` when the configuration is not a valid `MM-DD` pair (then the rule stays silent rather
/// than guess).
pub fn meeting_window(config: &crate::config::ShuzhiConfig, year: i32) -> Option<(Date, Date)> {
    let start = Date::parse(&format!("{year:04}-{}", config.meeting_window_start.trim())).ok()?;
    let end = Date::parse(&format!("{:04}-{}", year.checked_add(1)?, config.meeting_window_end.trim())).ok()?;
    Some((start, end))
}

fn a_r06(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let h = header(ctx.record);
    let (Some(year), Some(date)) = (access::report_year(ctx.record), access::date(h, "meetingDate")) else { return };
    let Some((start, end)) = meeting_window(&ctx.config.shuzhi, year) else { return };
    if date < start || date > end {
        out.push(
            at(ctx, ShuzhiCode::MeetingOutsideWindow, Severity::Warning, "header", "meetingDate", "A-R06")
                .param("date", date)
                .param("start", start)
                .param("end", end),
        );
    }
}

fn a_r07(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let a7 = access::section(ctx.record, "A7");
    let substituted = access::int(a7, "specialMeetingSubstitutedStanding").is_some_and(|n| n > 0);
    let not_collective = access::boolean(a7, "allCollectivelyDecided") == Some(false);
    if !substituted && !not_collective {
        return;
    }
    if access::text(a7, "explanation").is_none() {
        out.push(at(ctx, ShuzhiCode::DecisionExplanationRequired, Severity::Warning, "A7", "explanation", "A-R07"));
    }
    let has_row = access::presence(ctx.record, "A14") == Some(true)
        && access::rows(ctx.record, "A14", "rectifications")
            .iter()
            .any(|r| access::text(r, "source").is_some_and(|s| DECISION_SOURCES.contains(&s)));
    if !has_row {
        // Point at the rows when the user already said 有, else at the 有/无 question itself.
        let path = if access::presence(ctx.record, "A14") == Some(true) {
            access::field_path("A14", "rectifications")
        } else {
            access::field_path("A14", crate::template::PRESENCE_KEY)
        };
        out.push(Finding::new(ShuzhiCode::DecisionRectificationRequired, Severity::Warning, path).rule("A-R07"));
    }
}

fn a_r08(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if access::presence(ctx.record, "A14") == Some(false) {
        // Rows under 无 are reported by the presence check; they are not real items.
        return;
    }
    for (i, row) in access::rows(ctx.record, "A14", "rectifications").iter().enumerate() {
        let Some(state) = access::text(row, "state") else { continue };
        if state == DONE {
            if let Some(done) = access::date(row, "completedOn").filter(|d| *d > ctx.today) {
                out.push(
                    Finding::labelled(
                        ShuzhiCode::CompletedInFuture,
                        Severity::Warning,
                        access::cell_path("A14", "rectifications", i, "completedOn"),
                        &column_label(ctx, "A14", "rectifications", "completedOn"),
                    )
                    .rule("A-R08")
                    .param("date", done),
                );
            }
        } else if let Some(deadline) = access::date(row, "deadline").filter(|d| *d < ctx.today) {
            out.push(
                Finding::labelled(
                    ShuzhiCode::RectificationOverdue,
                    Severity::Warning,
                    access::cell_path("A14", "rectifications", i, "deadline"),
                    &column_label(ctx, "A14", "rectifications", "deadline"),
                )
                .rule("A-R08")
                .param("deadline", deadline),
            );
        }
    }
}

fn a_r10(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    // A6 exists for the 一把手 only (its template `when`); other roles sign no replies here.
    if access::text(header(ctx.record), "reporterRole") != Some("一把手") {
        return;
    }
    let a6 = access::section(ctx.record, "A6");
    let Some(total) = access::int(a6, "inquirySignoffs") else { return };
    match access::int(a6, "inquirySignoffsWithReminder") {
        None if total > 0 => out.push(at(ctx, FieldCode::Required, Severity::Error, "A6", "inquirySignoffsWithReminder", "A-R10")),
        Some(with) if with != total => out.push(
            at(ctx, ShuzhiCode::SignoffWithoutReminder, Severity::Error, "A6", "inquirySignoffsWithReminder", "A-R10")
                .param("total", total)
                .param("with", with),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::shuzhi::*;
    use crate::template::builtin;
    use serde_json::json;

    fn run(rule: &str, record: Value, today: &str) -> Vec<Finding> {
        let template = builtin("shuzhi").unwrap().unwrap();
        let config = Config::default();
        let ctx = RuleCtx { record: &record, template: &template, config: &config, today: Date::parse(today).unwrap(), submitted_on: None };
        let mut out = Vec::new();
        let r = RULES.iter().find(|r| r.id == rule).unwrap();
        (r.run)(&ctx, &mut out);
        out
    }

    #[test]
    fn every_rule_is_listed_by_the_template() {
        let template = builtin("shuzhi").unwrap().unwrap();
        for r in RULES {
            assert!(template.rules.iter().any(|id| id == r.id), "{} not in shuzhi.json", r.id);
        }
    }

    #[test]
    fn meeting_window_follows_config() {
        let mut c = Config::default().shuzhi;
        let (s, e) = meeting_window(&c, 2025).unwrap();
        assert_eq!((s.to_string(), e.to_string()), ("2025-07-01".into(), "2026-03-31".into()));
        c.meeting_window_end = "02-30".into();
        assert!(meeting_window(&c, 2025).is_none());
    }

    #[test]
    fn rules_ignore_odd_shapes() {
        for rule in RULES {
            for record in [
                json!(null),
                json!([]),
                json!({"header": 3, "A5": "x", "A14": {"rectifications": 7}}),
                json!({"A14": {"presence": "有", "rectifications": [1, null, {"state": 5}]}}),
            ] {
                assert!(run(rule.id, record, "2026-01-20").is_empty(), "{}", rule.id);
            }
        }
    }

    #[test]
    fn a_r01_counts_code_points() {
        let rec =
            |n: usize| json!({"header": {"supervisesSubordinateYBS": true, "reportKind": "NDSZ"}, "A5": {"narrative": "𠮷".repeat(n)}});
        assert!(run("A-R01", rec(100), "2026-01-20").is_empty());
        let f = run("A-R01", rec(99), "2026-01-20");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].params["count"], "99");
        // ZZJD reports are not bound by A-R01.
        let mut r = rec(5);
        r["header"]["reportKind"] = json!("ZZJD");
        assert!(run("A-R01", r, "2026-01-20").is_empty());
    }
}
