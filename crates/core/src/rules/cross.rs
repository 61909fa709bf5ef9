//! Cross-checks between records of different checklists (SPEC X-R01, X-R02). They compare two
//! records, so they are not template rules: the host calls them with both records in hand and
//! shows the findings on the 述职 record. Both only warn (the other record may be incomplete or
//! kept by someone else), and both are pure functions of their arguments.
//!
//! # X-R01: A5/A6 counts against the 谈话 log
//!
//! The host passes the 谈话 record of the same reporter: the talks that reporter held. Only talk
//! records (`/talks/records`) dated in the 述职 year count; plans do not. A record's role codes
//! are from the reporter's point of view: `SJ_YBS` is the reporter acting as the upper 一把手
//! towards a subordinate 一把手, `BJ_YBS` the reporter as 一把手 of their own team.
//!
//! | 述职 field | counted 谈话 records |
//! |---|---|
//! | `A5/appointmentTalks` 任职谈话 | type B01 |
//! | `A5/supervisionTalks` 监督谈话 | type B02 with initiator `SJ_YBS` or `WT` |
//! | `A5/criticismEducation` 批评教育 | type B05, plus records of other types whose outcomes contain 批评教育 (each record once) |
//! | `A5/admonitions` 诫勉 | type B06, plus records of other types whose outcomes contain 诫勉 (each record once) |
//! | `A5/summonsTalks` 约谈下级“一把手” | type B07 with target role `XJ_YBS` |
//! | `A6/heartToHeartTalks` 谈心谈话 | type B03 with initiator `BJ_YBS` |
//! | `A6/inquirySignoffs` 函询签署意见 | type B10 |
//! | `A6/summonsTalksToMembers` 约谈班子成员 | type B07 with target role `BZCY` |
//!
//! The target role of a B07 is the role of its `targetId` in the roster (`/roster/people`), or
//! `targetRole` when a record carries one; when neither is known, a B07
//! initiated by `BJ_YBS` counts as a talk with a team member and every other B07 as a talk with
//! a subordinate 一把手 (SPEC §4.2: only a team's own 一把手 summons team members).
//!
//! 谈心谈话 (B03) of the 一把手 with his own team are counted whatever initiator code the log
//! uses for them: `BJ_YBS`, or the log owner's own code (`SJ_YBS` in an upper 一把手's log, whose
//! talks with his team members are recorded from his point of view), with a team member (`BZCY`)
//! as the target. B03 held by other people (班子成员 among themselves, 纪检 / 组织 leaders) do not
//! count.
//!
//! A section is compared only when the 述职 record has it (A5 and A6 depend on the reporter's
//! role). A filled count that differs is a warning; an empty count is a warning only when the log
//! has talks of that kind.
//!
//! # Records that belong together
//!
//! Both checks first make sure the two records are about the same person and the right year
//! ([`x_r01_pairing`], [`x_r02_pairing`]): the names (normalised: half-width, `·` look-alikes,
//! no spaces) are equal, and so are the ID numbers when both records carry one. Otherwise nothing
//! is compared and the result is one warning naming both records (`cross.records_apart`):
//! comparing a 述职 with another cadre's log, or with another year's, would produce warnings that
//! are all wrong.
//!
//! # X-R02: A10 against the 个人有关事项 report
//!
//! `A10/annualReportSubmittedOn` should be the date the 个人有关事项 annual report was submitted.
//! SPEC says "the C report's `submittedAt` for `year`", which reads two ways: the report *on*
//! year Y (filed by 31 January Y+1) or the report *filed in* year Y (on Y−1). This compares the
//! latter: R17-第五条 has the annual report filed "每年1月31日前…上一年度", so the report a cadre
//! files during the year he reports on is the one on Y−1; the report on Y may not exist yet at a
//! 述职 held from July of Y (A-R06's window), and A10's disclosure in the team (A-R05) falls in Y,
//! at the 民主生活会, where the report filed that year is disclosed. So the 个人有关事项 record
//! must be an annual report (年度集中报告) for Y−1 of the same person; its submission date is
//! `submittedAt` of what the widget posts (`None` for a draft: nothing to compare, no finding).

use serde_json::Value;

use crate::access;
use crate::date::Date;
pub use crate::finding::codes::cross::CrossCode;
use crate::finding::{Finding, Severity};
use crate::locale::Text;

/// Counts of the talks in a 谈话 record for one year, as A5/A6 report them (see the module docs
/// for what each count includes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TalkCounts {
    /// 任职谈话 (B01).
    pub appointment_talks: i64,
    /// 监督谈话 (B02 by `SJ_YBS` / `WT`).
    pub supervision_talks: i64,
    /// 批评教育 (B05, or 批评教育 among the outcomes).
    pub criticism_education: i64,
    /// 诫勉 (B06, or 诫勉 among the outcomes).
    pub admonitions: i64,
    /// 约谈 of subordinate 一把手 (B07 → `XJ_YBS`).
    pub summons_talks: i64,
    /// 谈心谈话 by the team's 一把手 (B03 by `BJ_YBS`).
    pub heart_to_heart_talks: i64,
    /// 函询 sign-offs (B10).
    pub inquiry_signoffs: i64,
    /// 约谈 of team members (B07 → `BZCY`).
    pub summons_talks_to_members: i64,
}

/// The role of the roster person (`/roster/people`) with this id.
fn roster_role<'a>(tanhua: &'a Value, id: &str) -> Option<&'a str> {
    access::rows(tanhua, "roster", "people").iter().find(|p| access::text(p, "id") == Some(id)).and_then(|p| access::text(p, "role"))
}

/// A B03 of the 一把手 with his own team: initiated as `BJ_YBS`, or as the log owner's own code
/// (`SJ_YBS`, the 上级一把手 whose log it is) towards a team member. The target's role is the
/// record's `targetRole` or the roster's.
fn is_own_team_talk(tanhua: &Value, row: &Value, initiator: &str) -> bool {
    match initiator {
        "BJ_YBS" => true,
        "SJ_YBS" => {
            let target = access::text(row, "targetRole").or_else(|| roster_role(tanhua, access::text(row, "targetId")?));
            target == Some("BZCY")
        }
        _ => false,
    }
}

/// Counts the talk records of `tanhua` (`/talks/records`) dated in `year`. Rows with no
/// readable date or type are skipped.
pub fn count_talks(tanhua: &Value, year: i32) -> TalkCounts {
    let mut c = TalkCounts::default();
    let rows = tanhua.pointer("/talks/records").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    for row in rows {
        // Accept a DateTime too, read as its Beijing date.
        let date = access::text(row, "date").and_then(crate::date::date_of_stamp);
        if date.map(Date::year) != Some(year) {
            continue;
        }
        let Some(kind) = access::text(row, "type") else { continue };
        let initiator = access::text(row, "initiatorRole").unwrap_or("");
        match kind {
            "B01" => c.appointment_talks += 1,
            "B02" if matches!(initiator, "SJ_YBS" | "WT") => c.supervision_talks += 1,
            "B03" if is_own_team_talk(tanhua, row, initiator) => c.heart_to_heart_talks += 1,
            "B10" => c.inquiry_signoffs += 1,
            "B07" => {
                let target_role = access::text(row, "targetRole").or_else(|| roster_role(tanhua, access::text(row, "targetId")?));
                let to_member = match target_role {
                    Some(role) => match role {
                        "BZCY" => Some(true),
                        "XJ_YBS" => Some(false),
                        _ => None,
                    },
                    None => Some(initiator == "BJ_YBS"),
                };
                match to_member {
                    Some(true) => c.summons_talks_to_members += 1,
                    Some(false) => c.summons_talks += 1,
                    None => {}
                }
            }
            _ => {}
        }
        if kind == "B05" || access::contains(row, "outcomes", "批评教育") {
            c.criticism_education += 1;
        }
        if kind == "B06" || access::contains(row, "outcomes", "诫勉") {
            c.admonitions += 1;
        }
    }
    c
}

/// The compared fields: section, key, label (zh, en), and the count it should equal. The
/// widget shows them side by side with the 述职 record's numbers.
pub fn compared(c: &TalkCounts) -> [(&'static str, &'static str, &'static str, &'static str, i64); 8] {
    [
        ("A5", "appointmentTalks", "任职谈话次数", "Appointment talks", c.appointment_talks),
        ("A5", "supervisionTalks", "监督谈话次数", "Supervisory talks", c.supervision_talks),
        ("A5", "criticismEducation", "批评教育次数", "Criticism and education", c.criticism_education),
        ("A5", "admonitions", "诫勉次数", "Admonishments", c.admonitions),
        ("A5", "summonsTalks", "约谈下级“一把手”次数", "Summons talks with subordinate 一把手", c.summons_talks),
        ("A6", "heartToHeartTalks", "与班子成员谈心谈话次数", "Heart-to-heart talks with team members", c.heart_to_heart_talks),
        ("A6", "inquirySignoffs", "对班子成员函询说明签署意见件数", "Inquiry replies of team members signed off", c.inquiry_signoffs),
        ("A6", "summonsTalksToMembers", "约谈班子成员次数", "Summons talks with team members", c.summons_talks_to_members),
    ]
}

/// A person as the cross-checks compare records: name and ID number, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    name: Option<String>,
    id: Option<String>,
}

impl Person {
    fn of(record: &Value, name_key: &str, id_key: &str) -> Person {
        let h = access::section(record, "header");
        let name = access::text(h, name_key)
            .map(|s| crate::normalize::name(&crate::normalize::to_half_width(s)).0.split_whitespace().collect::<String>())
            .filter(|s| !s.is_empty());
        let id = access::text(h, id_key).map(crate::normalize::identifier).filter(|s| !s.is_empty());
        Person { name, id }
    }

    /// Why `self` and `other` are not the same person, if they are not (or cannot be told).
    fn differs_from(&self, other: &Person) -> Option<(&'static str, &'static str)> {
        match (&self.name, &other.name) {
            (Some(a), Some(b)) if a != b => return Some(("姓名不同", "different names")),
            (None, _) | (_, None) => return Some(("姓名未填写", "a name is missing")),
            _ => {}
        }
        match (&self.id, &other.id) {
            (Some(a), Some(b)) if a != b => Some(("公民身份号码不同", "different ID numbers")),
            _ => None,
        }
    }
}

/// "张建国 2025年度述职" / "张建国's 述职 for 2025", naming a record in a finding.
fn describe(person: &Person, year: Option<i32>, zh: &str, en: &str) -> (String, String) {
    let name = person.name.as_deref().unwrap_or("（姓名未填写）");
    match year {
        Some(y) => (format!("{name}{y}年度{zh}"), format!("{name}'s {en} for {y}")),
        None => (format!("{name}{zh}（年度未填写）"), format!("{name}'s {en} (no year)")),
    }
}

fn records_apart(rule: &str, this: (String, String), other: (String, String), reason: (&str, &str)) -> Finding {
    Finding::new(CrossCode::RecordsApart, Severity::Warning, access::field_path("header", "year"))
        .rule(rule)
        .param("this", this.0)
        .param("this_en", this.1)
        .param("other", other.0)
        .param("other_en", other.1)
        .param("reason", reason.0)
        .param("reason_en", reason.1)
}

/// X-R01's pairing: the 谈话 record is the 述职 reporter's own (`ownerName` / `ownerIdNumber`
/// against `reporterName` / `reporterIdNumber`) and of the same year. The year to compare, or the
/// one finding that says the records do not belong together.
pub fn x_r01_pairing(shuzhi: &Value, tanhua: &Value) -> Result<i32, Finding> {
    let (me, owner) = (Person::of(shuzhi, "reporterName", "reporterIdNumber"), Person::of(tanhua, "ownerName", "ownerIdNumber"));
    let (year, talk_year) = (access::report_year(shuzhi), access::report_year(tanhua));
    let apart = |reason| {
        records_apart("X-R01", describe(&me, year, "述职", "report"), describe(&owner, talk_year, "谈话记录", "talk record"), reason)
    };
    if let Some(reason) = me.differs_from(&owner) {
        return Err(apart(reason));
    }
    match (year, talk_year) {
        (Some(a), Some(b)) if a == b => Ok(a),
        (Some(_), Some(_)) => Err(apart(("年度不同", "different years"))),
        _ => Err(apart(("年度未填写", "a year is missing"))),
    }
}

/// X-R02's pairing: the 个人有关事项 record is an annual report (年度集中报告) of the same person
/// for the year before the 述职 year (see the module docs for why that year).
pub fn x_r02_pairing(shuzhi: &Value, geren: &Value) -> Result<(), Finding> {
    let (me, filer) = (Person::of(shuzhi, "reporterName", "reporterIdNumber"), Person::of(geren, "name", "idNumber"));
    let (year, geren_year) = (access::report_year(shuzhi), access::report_year(geren));
    let apart = |reason| {
        records_apart(
            "X-R02",
            describe(&me, year, "述职", "report"),
            describe(&filer, geren_year, "个人有关事项报告", "personal-matters report"),
            reason,
        )
    };
    if let Some(reason) = me.differs_from(&filer) {
        return Err(apart(reason));
    }
    if access::text(access::section(geren, "header"), "reportType") != Some("年度集中报告") {
        return Err(apart(("不是年度集中报告", "not an annual report")));
    }
    match (year, geren_year) {
        (Some(y), Some(g)) if g.checked_add(1) == Some(y) => Ok(()),
        (Some(_), Some(_)) => {
            Err(apart(("应为述职上一年度的年度集中报告", "it must be the annual report on the year before the 述职 year")))
        }
        _ => Err(apart(("年度未填写", "a year is missing"))),
    }
}

/// X-R01: compares the A5/A6 counts of a 述职 record with the talks in the reporter's 谈话
/// record for the same year. Warnings, one per differing field, with params `field`, `expected`
/// (from the talk records) and `actual` (as filled in; empty when not filled); or the one
/// finding of [`x_r01_pairing`] when the records do not belong together.
pub fn x_r01(shuzhi: &Value, tanhua: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    let year = match x_r01_pairing(shuzhi, tanhua) {
        Ok(y) => y,
        Err(f) => return vec![f],
    };
    let counts = count_talks(tanhua, year);
    for (section, key, zh, en, expected) in compared(&counts) {
        let Some(sobj) = shuzhi.get(section).filter(|s| s.is_object()) else { continue };
        let path = access::field_path(section, key);
        let label = Text::new(zh, en);
        let finding = match access::int(sobj, key) {
            Some(actual) if actual != expected => {
                Finding::labelled(CrossCode::TalkCountMismatch, Severity::Warning, path, &label).param("actual", actual)
            }
            None if expected > 0 => Finding::labelled(CrossCode::TalkCountMissing, Severity::Warning, path, &label).param("actual", ""),
            _ => continue,
        };
        out.push(finding.rule("X-R01").param("field", format!("{section}.{key}")).param("expected", expected));
    }
    out
}

/// X-R02: compares `A10/annualReportSubmittedOn` with the submission date of the 个人有关事项
/// annual report `geren` (its data), submitted on `geren_submitted_on` (`None`: not submitted,
/// nothing to compare). A warning with params `field`, `expected` (the report's date) and
/// `actual` (as filled in; empty when not filled); or the one finding of [`x_r02_pairing`] when
/// the records do not belong together.
pub fn x_r02(shuzhi: &Value, geren: &Value, geren_submitted_on: Option<Date>) -> Vec<Finding> {
    let Some(expected) = geren_submitted_on else { return Vec::new() };
    if let Err(f) = x_r02_pairing(shuzhi, geren) {
        return vec![f];
    }
    let key = "annualReportSubmittedOn";
    let path = access::field_path("A10", key);
    let label = Text::new("年度集中报告提交日期", "Annual personal-matters report submitted on");
    let a10 = access::section(shuzhi, "A10");
    let finding = match access::date(a10, key) {
        Some(actual) if actual == expected => return Vec::new(),
        Some(actual) => Finding::labelled(CrossCode::SubmittedOnMismatch, Severity::Warning, path, &label).param("actual", actual),
        None => Finding::labelled(CrossCode::SubmittedOnMissing, Severity::Warning, path, &label).param("actual", ""),
    };
    vec![finding.rule("X-R02").param("field", format!("A10.{key}")).param("expected", expected)]
}

#[cfg(test)]
mod tests {
    use crate::rules::cross::*;
    use serde_json::json;

    #[test]
    fn counts_each_record_once_and_only_in_the_year() {
        let t = json!({"header": {"year": 2025}, "talks": {"records": [
            {"type": "B05", "date": "2025-03-01", "initiatorRole": "SJ_YBS", "outcomes": ["批评教育"]},
            {"type": "B02", "date": "2025-03-01T09:30:00+08:00", "initiatorRole": "SJ_YBS", "outcomes": ["批评教育", "诫勉"]},
            {"type": "B02", "date": "2024-12-31", "initiatorRole": "SJ_YBS"},
            {"type": "B02", "date": "2025-05-01", "initiatorRole": "JJ_FZR"},
            {"type": "B07", "date": "2025-05-01", "initiatorRole": "QT", "targetRole": "BZCY"},
            {"type": "B07", "date": "2025-05-01", "initiatorRole": "BJ_YBS"},
            {"type": "B07", "date": "2025-05-01", "initiatorRole": "SJ_YBS"},
            {"type": "B01", "date": "bad"},
            7, null
        ]}});
        let c = count_talks(&t, 2025);
        assert_eq!(
            c,
            TalkCounts {
                supervision_talks: 1,
                criticism_education: 2,
                admonitions: 1,
                summons_talks: 1,
                summons_talks_to_members: 2,
                ..TalkCounts::default()
            }
        );
        assert_eq!(count_talks(&json!("x"), 2025), TalkCounts::default());
    }

    #[test]
    fn a_summons_takes_its_target_role_from_the_roster() {
        let t = json!({"roster": {"people": [{"id": "m1", "role": "BZCY"}, {"id": "x1", "role": "XJ_YBS"}]},
        "talks": {"records": [
            {"type": "B07", "date": "2025-05-01", "initiatorRole": "SJ_YBS", "targetId": "m1"},
            {"type": "B07", "date": "2025-05-02", "initiatorRole": "BJ_YBS", "targetId": "x1"},
            {"type": "B07", "date": "2025-05-03", "initiatorRole": "QT", "targetId": "nobody"}
        ]}});
        let c = count_talks(&t, 2025);
        // m1 is a team member, x1 a subordinate 一把手 whoever summoned them; the unknown target
        // falls back to the initiator rule (not BJ_YBS → a subordinate 一把手).
        assert_eq!((c.summons_talks_to_members, c.summons_talks), (1, 2));
    }
}
