//! The 述职 / 述责述廉 checklist end to end: the built-in template plus its named rules on a valid
//! report (`fixtures/shuzhi_valid.json`, a 2025 年度述职 of a county Party secretary validated on
//! 2026-01-20), then one mutation per SPEC rule, then the cross-checks X-R01 / X-R02.

use checklist_core::finding::Severity::{self, Error as E, Info as I, Warning as W};
use checklist_core::locale::Locale;
use checklist_core::rules::cross::{self, CrossCode};
use checklist_core::rules::shuzhi::ShuzhiCode;
use checklist_core::{template, Config, Date, Validator};
use serde_json::{json, Value};

const TODAY: &str = "2026-01-20";

fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/shuzhi_valid.json")).unwrap()
}

/// (code, path, severity, rule) of every finding that is not info.
type Got = Vec<(String, String, Severity, Option<String>)>;

fn validate_with(record: &Value, config: Config) -> Got {
    let t = template::builtin("shuzhi").unwrap().unwrap();
    let v = Validator::new(t, config).unwrap();
    let report = v.validate(record, Date::parse(TODAY).unwrap());
    report.findings.into_iter().filter(|f| f.severity != I).map(|f| (f.code.as_str().to_owned(), f.path, f.severity, f.rule)).collect()
}

fn validate(record: &Value) -> Got {
    validate_with(record, Config::default())
}

fn set(rec: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    rec.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), value);
}

fn remove(rec: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    rec.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key).unwrap();
}

fn exp(code: &str, path: &str, sev: Severity, rule: Option<&str>) -> (String, String, Severity, Option<String>) {
    (code.to_owned(), path.to_owned(), sev, rule.map(str::to_owned))
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(validate(&fixture()), Got::new());
}

type Mutation = fn(&mut Value);

#[test]
fn each_rule_fires_on_its_mutation_and_only_there() {
    let cases: Vec<(&str, Mutation, Got)> = vec![
        // A-R01: the key section needs config.shuzhi.minCharsKeySection characters and four counts.
        (
            "A-R01 short narrative",
            |r| set(r, "/A5/narrative", json!("开展了任职谈话和监督谈话。")),
            vec![exp("shuzhi.key_section_too_short", "/A5/narrative", E, Some("A-R01"))],
        ),
        ("A-R01 empty narrative", |r| set(r, "/A5/narrative", json!("  ")), vec![exp("field.required", "/A5/narrative", E, Some("A-R01"))]),
        ("A-R01 count missing", |r| remove(r, "/A5/admonitions"), vec![exp("field.required", "/A5/admonitions", E, Some("A-R01"))]),
        ("A-R01 count zero is fine", |r| set(r, "/A5/admonitions", json!(0)), vec![]),
        (
            "A-R01 not supervising: no length or counts",
            |r| {
                set(r, "/header/supervisesSubordinateYBS", json!(false));
                set(r, "/A5/narrative", json!("本年度无下级“一把手”。"));
                remove(r, "/A5/admonitions");
            },
            vec![],
        ),
        (
            "A-R01 ZZJD report: no length",
            |r| {
                set(r, "/header/reportKind", json!("ZZJD"));
                set(r, "/A5/narrative", json!("见报告全文。"));
            },
            vec![],
        ),
        // A-R03: a core narrative that only says "nothing" is unanswered.
        (
            "A-R03 core narrative 无",
            |r| set(r, "/A9/narrative", json!("无")),
            vec![exp("shuzhi.core_section_none", "/A9/narrative", E, Some("A-R03"))],
        ),
        (
            "A-R03 core narrative 没有。",
            |r| set(r, "/A1/narrative", json!(" 没有。 ")),
            vec![exp("shuzhi.core_section_none", "/A1/narrative", E, Some("A-R03"))],
        ),
        (
            "A-R03 core narrative 暂无",
            |r| set(r, "/A12/narrative", json!("暂无！")),
            vec![exp("shuzhi.core_section_none", "/A12/narrative", E, Some("A-R03"))],
        ),
        (
            "A-R03 core narrative 同上",
            |r| set(r, "/A8/narrative", json!("“同上”")),
            vec![exp("shuzhi.core_section_none", "/A8/narrative", E, Some("A-R03"))],
        ),
        (
            "A-R03 core narrative only punctuation",
            |r| set(r, "/A15/narrative", json!("……。")),
            vec![exp("shuzhi.core_section_none", "/A15/narrative", E, Some("A-R03"))],
        ),
        (
            "A-R03 a sentence saying there was none is an answer",
            |r| set(r, "/A12/narrative", json!("本年度未发生插手干预重大事项的情况。")),
            vec![],
        ),
        ("A-R03 a conditional section's 无 with a reason stays fine", |r| set(r, "/A13/noneReason", json!("本年度无此类问题。")), vec![]),
        // A-R02: SZSL_XJ at an upper-level enlarged meeting, evaluated and disclosed.
        ("A-R02 SZSL_XJ at the upper meeting passes", |r| set(r, "/header/reportKind", json!("SZSL_XJ")), vec![]),
        (
            "A-R02 wrong meeting",
            |r| {
                set(r, "/header/reportKind", json!("SZSL_XJ"));
                set(r, "/header/meetingType", json!("本级党委（党组）会议"));
            },
            vec![exp("shuzhi.meeting_not_upper_level", "/header/meetingType", E, Some("A-R02"))],
        ),
        (
            "A-R02 not disclosed",
            |r| {
                set(r, "/header/reportKind", json!("SZSL_XJ"));
                set(r, "/header/disclosureScope", json!("不公开"));
            },
            vec![exp("shuzhi.not_disclosed", "/header/disclosureScope", E, Some("A-R02"))],
        ),
        (
            "A-R02 no evaluation method",
            |r| {
                set(r, "/header/reportKind", json!("SZSL_XJ"));
                remove(r, "/header/evaluationMethod");
            },
            vec![exp("field.required", "/header/evaluationMethod", E, Some("A-R02"))],
        ),
        (
            "A-R02 no disclosure scope",
            |r| {
                set(r, "/header/reportKind", json!("SZSL_XJ"));
                remove(r, "/header/disclosureScope");
            },
            vec![exp("field.required", "/header/disclosureScope", E, Some("A-R02"))],
        ),
        (
            "A-R02 NDSZ may be written and undisclosed",
            |r| {
                set(r, "/header/meetingType", json!("书面述职"));
                set(r, "/header/disclosureScope", json!("不公开"));
            },
            vec![],
        ),
        // A-R03: core narratives; conditional sections answered with a reason for 无.
        ("A-R03 core narrative", |r| remove(r, "/A8/narrative"), vec![exp("field.required", "/A8/narrative", E, Some("A-R03"))]),
        (
            "A-R03 none without reason",
            |r| remove(r, "/A13/noneReason"),
            vec![exp("field.none_reason_required", "/A13/noneReason", E, Some("A-R03"))],
        ),
        ("A-R03 unanswered", |r| remove(r, "/A13/presence"), vec![exp("field.presence_unanswered", "/A13/presence", E, Some("A-R03"))]),
        (
            "A-R03 has without narrative",
            |r| set(r, "/A13", json!({"presence": "有", "issuesRaised": 1, "explained": 1})),
            vec![exp("field.required", "/A13/narrative", E, Some("A-R03"))],
        ),
        // A-R04: an explicit count, and every interference reported.
        (
            "A-R04 count missing",
            |r| remove(r, "/A12/interferencesReceived"),
            vec![exp("field.required", "/A12/interferencesReceived", E, Some("A-R04"))],
        ),
        (
            "A-R04 not all reported",
            |r| set(r, "/A12/interferencesReported", json!(0)),
            vec![exp("shuzhi.interference_report_mismatch", "/A12/interferencesReported", E, Some("A-R04"))],
        ),
        (
            "A-R04 report count missing",
            |r| remove(r, "/A12/interferencesReported"),
            vec![exp("shuzhi.interference_report_missing", "/A12/interferencesReported", E, Some("A-R04"))],
        ),
        (
            "A-R04 none received",
            |r| set(r, "/A12", json!({"narrative": "本年度未发生插手干预重大事项的情况。", "interferencesReceived": 0})),
            vec![],
        ),
        // A-R05: the 一把手's disclosure to the team, dated in the report year.
        (
            "A-R05 disclosure unanswered",
            |r| remove(r, "/A10/disclosedInTeam"),
            vec![exp("field.required", "/A10/disclosedInTeam", E, Some("A-R05"))],
        ),
        (
            "A-R05 disclosure date missing",
            |r| remove(r, "/A10/disclosureDate"),
            vec![exp("field.required", "/A10/disclosureDate", E, Some("A-R05"))],
        ),
        (
            "A-R05 disclosure outside the year",
            |r| set(r, "/A10/disclosureDate", json!("2024-12-27")),
            vec![exp("field.date_outside_year", "/A10/disclosureDate", E, Some("A-R05"))],
        ),
        (
            "A-R05 not disclosed without reason",
            |r| {
                set(r, "/A10/disclosedInTeam", json!(false));
                remove(r, "/A10/disclosureDate");
            },
            vec![exp("field.expected", "/A10/notDisclosedReason", W, Some("A-R05"))],
        ),
        (
            "A-R05 team member need not answer",
            |r| {
                set(r, "/header/reporterRole", json!("班子成员"));
                set(r, "/A4-BZ", json!({"narrative": "抓好分管领域党风廉政建设。"}));
                set(r, "/A6-BZ", json!({"narrative": "班子成员之间经常交换意见、相互提醒。"}));
                remove(r, "/A10/disclosedInTeam");
                remove(r, "/A10/disclosureDate");
            },
            vec![],
        ),
        // A-R06: the meeting window (W).
        (
            "A-R06 before the window",
            |r| set(r, "/header/meetingDate", json!("2025-05-10")),
            vec![exp("shuzhi.meeting_outside_window", "/header/meetingDate", W, Some("A-R06"))],
        ),
        ("A-R06 first day of the window", |r| set(r, "/header/meetingDate", json!("2025-07-01")), vec![]),
        // A-R07: decision-procedure breaches need an explanation and a rectification item.
        (
            "A-R07 substituted meeting",
            |r| set(r, "/A7/specialMeetingSubstitutedStanding", json!(1)),
            vec![
                exp("shuzhi.decision_explanation_required", "/A7/explanation", W, Some("A-R07")),
                exp("shuzhi.decision_rectification_required", "/A14/rectifications", W, Some("A-R07")),
            ],
        ),
        (
            "A-R07 explained and rectified",
            |r| {
                set(r, "/A7/allCollectivelyDecided", json!(false));
                set(r, "/A7/explanation", json!("1项工程变更事项因时间紧急由专题会议先行研究，事后已提交常委会会议追认。"));
                set(r, "/A14/rectifications/1/source", json!("专项督查"));
            },
            vec![],
        ),
        (
            "A-R07 rectification answered none",
            |r| {
                set(r, "/A7/allCollectivelyDecided", json!(false));
                set(r, "/A7/explanation", json!("1项事项未经常委会会议集体讨论。"));
                set(r, "/A14", json!({"presence": "无", "noneReason": "本年度无整改事项。"}));
            },
            vec![exp("shuzhi.decision_rectification_required", "/A14/presence", W, Some("A-R07"))],
        ),
        // A-R08: overdue rectifications; completion dates.
        (
            "A-R08 overdue",
            |r| set(r, "/A14/rectifications/1/deadline", json!("2026-01-10")),
            vec![exp("shuzhi.rectification_overdue", "/A14/rectifications/1/deadline", W, Some("A-R08"))],
        ),
        ("A-R08 due today is not overdue", |r| set(r, "/A14/rectifications/1/deadline", json!(TODAY)), vec![]),
        (
            "A-R08 completed in the future",
            |r| set(r, "/A14/rectifications/0/completedOn", json!("2026-02-01")),
            vec![exp("shuzhi.completed_in_future", "/A14/rectifications/0/completedOn", W, Some("A-R08"))],
        ),
        (
            "A-R08 completed without date",
            |r| remove(r, "/A14/rectifications/0/completedOn"),
            vec![exp("field.required", "/A14/rectifications/0/completedOn", E, Some("A-R08"))],
        ),
        ("A-R08 completed late past deadline is fine", |r| set(r, "/A14/rectifications/0/completedOn", json!("2025-11-30")), vec![]),
        (
            "A14 completed without evidence",
            |r| remove(r, "/A14/rectifications/0/evidence"),
            vec![exp("field.expected", "/A14/rectifications/0/evidence", W, None)],
        ),
        // A-R09: role sections.
        (
            "A-R09 team member",
            |r| set(r, "/header/reporterRole", json!("班子成员")),
            vec![exp("field.required", "/A4-BZ/narrative", E, Some("A-R09")), exp("field.required", "/A6-BZ/narrative", E, Some("A-R09"))],
        ),
        (
            "A-R09 discipline secretary",
            |r| {
                set(r, "/header/reporterRole", json!("纪委书记"));
                set(r, "/header/supervisesSubordinateYBS", json!(false));
            },
            vec![
                exp("field.required", "/A-JW1/narrative", E, Some("A-R09")),
                exp("field.presence_unanswered", "/A-JW2/presence", E, Some("A-R03")),
            ],
        ),
        // A-R10: no bare sign-offs.
        (
            "A-R10 sign-off without reminder",
            |r| set(r, "/A6/inquirySignoffsWithReminder", json!(0)),
            vec![exp("shuzhi.signoff_without_reminder", "/A6/inquirySignoffsWithReminder", E, Some("A-R10"))],
        ),
        (
            "A-R10 reminders not stated",
            |r| remove(r, "/A6/inquirySignoffsWithReminder"),
            vec![exp("field.required", "/A6/inquirySignoffsWithReminder", E, Some("A-R10"))],
        ),
        (
            "A-R10 no sign-offs",
            |r| {
                set(r, "/A6/inquirySignoffs", json!(0));
                remove(r, "/A6/inquirySignoffsWithReminder");
            },
            vec![],
        ),
        // Header cross-field check (SPEC §3.2: disclosureDate ≥ meetingDate, W).
        (
            "disclosed before the meeting",
            |r| set(r, "/header/disclosureDate", json!("2026-01-05")),
            vec![exp("field.date_not_before", "/header/disclosureDate", W, None)],
        ),
        (
            "unit credit code is a warning when missing",
            |r| remove(r, "/header/unitUSCC"),
            vec![exp("field.expected", "/header/unitUSCC", W, None)],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut rec = fixture();
        mutate(&mut rec);
        assert_eq!(validate(&rec), expected, "{name}");
    }
}

#[test]
fn a_r01_and_a_r06_read_the_config() {
    let config = Config::from_json(r#"{"shuzhi": {"minCharsKeySection": 300, "meetingWindowEnd": "01-10"}}"#).unwrap();
    assert_eq!(
        validate_with(&fixture(), config),
        vec![
            exp("shuzhi.key_section_too_short", "/A5/narrative", E, Some("A-R01")),
            exp("shuzhi.meeting_outside_window", "/header/meetingDate", W, Some("A-R06")),
        ]
    );
}

#[test]
fn messages_name_the_numbers() {
    let t = template::builtin("shuzhi").unwrap().unwrap();
    let v = Validator::new(t, Config::default()).unwrap();
    let mut rec = fixture();
    set(&mut rec, "/A12/interferencesReported", json!(0));
    set(&mut rec, "/A5/narrative", json!("开展了任职谈话。"));
    let report = v.validate(&rec, Date::parse(TODAY).unwrap());
    let messages: Vec<String> = report.findings.iter().map(|f| f.message(Locale::ZhCn)).collect();
    assert_eq!(
        messages,
        [
            "监督下级“一把手”情况陈述是述职的重点内容，至少需要100个字（现有8个字）",
            "受到插手干预重大事项1次，向党组织报告0次，两者应当一致。不按要求报告的，依规依纪严肃追究责任",
        ]
    );
}

#[test]
fn codes_have_full_width_chinese_messages() {
    let zh: Vec<&str> =
        ShuzhiCode::ALL.iter().map(|c| c.message(Locale::ZhCn)).chain(CrossCode::ALL.iter().map(|c| c.message(Locale::ZhCn))).collect();
    for m in zh {
        assert!(!m.contains([',', ':', ';', '(', ')', '!', '?']), "{m}");
    }
    for c in ShuzhiCode::ALL {
        assert_eq!(ShuzhiCode::parse(c.as_str()), Some(*c));
        assert!(!c.message(Locale::En).is_empty());
    }
}

// ---- X-R01 / X-R02 -------------------------------------------------------------------------

fn talk(kind: &str, date: &str, initiator: &str, outcomes: &[&str]) -> Value {
    json!({"type": kind, "date": date, "initiatorRole": initiator, "outcomes": outcomes, "targetId": "p1"})
}

/// A 谈话 log of the fixture's reporter whose counts match the fixture's A5 / A6, with records
/// that must not count.
fn matching_tanhua() -> Value {
    let mut rows = Vec::new();
    let mut add = |n: usize, row: Value| rows.extend(std::iter::repeat_n(row, n));
    add(1, talk("B01", "2025-02-10", "SJ_YBS", &["当面提出"]));
    add(1, talk("B02", "2025-06-10", "SJ_YBS", &["了解情况（无需处置）"]));
    add(1, talk("B02", "2025-09-01", "WT", &["批评教育"]));
    // 谈心谈话 with a team member: counted under the log owner's own code as under BJ_YBS.
    add(1, json!({"type": "B03", "date": "2025-12-01", "initiatorRole": "SJ_YBS", "targetRole": "BZCY", "outcomes": []}));
    add(1, talk("B10", "2025-04-15", "BJ_YBS", &[]));
    // Not counted: another year, another initiator, B02 by a discipline leader, a B03 of the
    // owner with a subordinate 一把手 (not his own team).
    add(4, talk("B01", "2024-12-30", "SJ_YBS", &[]));
    add(5, talk("B03", "2025-12-02", "BZCY", &[]));
    add(2, talk("B02", "2025-05-05", "JJ_FZR", &[]));
    add(1, json!({"type": "B03", "date": "2025-12-03", "initiatorRole": "SJ_YBS", "targetRole": "XJ_YBS", "outcomes": []}));
    json!({"header": {"year": 2025, "ownerName": "张建国", "ownerIdNumber": "110105197506150036"}, "talks": {"records": rows}})
}

type CrossGot = Vec<(String, String, Severity, String, String, String)>;

fn cross_got(findings: Vec<checklist_core::Finding>) -> CrossGot {
    findings
        .into_iter()
        .map(|f| {
            assert_eq!(f.rule.as_deref().map(|r| r.starts_with("X-R")), Some(true));
            let p = |k: &str| f.params.get(k).cloned().unwrap_or_default();
            (f.code.as_str().to_owned(), f.path.clone(), f.severity, p("field"), p("expected"), p("actual"))
        })
        .collect()
}

fn xe(
    code: &str,
    path: &str,
    sev: Severity,
    field: &str,
    expected: &str,
    actual: &str,
) -> (String, String, Severity, String, String, String) {
    (code.into(), path.into(), sev, field.into(), expected.into(), actual.into())
}

#[test]
fn x_r01_compares_counts_with_the_talk_log() {
    type TanhuaMutation = fn(&mut Value, &mut Value);
    let cases: Vec<(&str, TanhuaMutation, CrossGot)> = vec![
        ("matching", |_, _| {}, vec![]),
        (
            "one more supervision talk",
            |_, t| {
                t["talks"]["records"].as_array_mut().unwrap().push(talk("B02", "2025-12-20", "SJ_YBS", &[]));
            },
            vec![xe("cross.talk_count_mismatch", "/A5/supervisionTalks", W, "A5.supervisionTalks", "3", "2")],
        ),
        (
            "an outcome of 诫勉 on a B02 counts as an admonition",
            |_, t| {
                t["talks"]["records"].as_array_mut().unwrap().push(talk("B02", "2025-12-20", "SJ_YBS", &["诫勉"]));
            },
            vec![
                xe("cross.talk_count_mismatch", "/A5/supervisionTalks", W, "A5.supervisionTalks", "3", "2"),
                xe("cross.talk_count_mismatch", "/A5/admonitions", W, "A5.admonitions", "1", "0"),
            ],
        ),
        (
            "a 谈心谈话 coded BJ_YBS counts too",
            |_, t| {
                t["talks"]["records"].as_array_mut().unwrap().push(talk("B03", "2025-12-20", "BJ_YBS", &[]));
            },
            vec![xe("cross.talk_count_mismatch", "/A6/heartToHeartTalks", W, "A6.heartToHeartTalks", "2", "1")],
        ),
        (
            "count left empty",
            |s, _| {
                s["A6"].as_object_mut().unwrap().remove("heartToHeartTalks");
            },
            vec![xe("cross.talk_count_missing", "/A6/heartToHeartTalks", W, "A6.heartToHeartTalks", "1", "")],
        ),
        (
            "differences in A5 and A6",
            |s, _| {
                s["A5"]["appointmentTalks"] = json!(2);
                s["A6"]["summonsTalksToMembers"] = json!(3);
            },
            vec![
                xe("cross.talk_count_mismatch", "/A5/appointmentTalks", W, "A5.appointmentTalks", "1", "2"),
                xe("cross.talk_count_mismatch", "/A6/summonsTalksToMembers", W, "A6.summonsTalksToMembers", "0", "3"),
            ],
        ),
        (
            "A6 absent for a team member is not compared",
            |s, _| {
                s.as_object_mut().unwrap().remove("A6");
            },
            vec![],
        ),
        (
            "different years: one warning, nothing compared",
            |s, _| {
                s["header"]["year"] = json!(2024);
                s["A5"]["appointmentTalks"] = json!(99);
            },
            vec![xe("cross.records_apart", "/header/year", W, "", "", "")],
        ),
        (
            "log without a year",
            |_, t| {
                t["header"].as_object_mut().unwrap().remove("year");
            },
            vec![xe("cross.records_apart", "/header/year", W, "", "", "")],
        ),
        (
            "another cadre's log: one warning, never a count mismatch",
            |_, t| {
                t["header"]["ownerName"] = json!("李四");
                t["talks"]["records"].as_array_mut().unwrap().clear();
            },
            vec![xe("cross.records_apart", "/header/year", W, "", "", "")],
        ),
        (
            "same name, another ID number",
            |_, t| {
                t["header"]["ownerIdNumber"] = json!("11010519491231002X");
            },
            vec![xe("cross.records_apart", "/header/year", W, "", "", "")],
        ),
        (
            "names compare normalised; an ID number on one side only is no conflict",
            |s, t| {
                t["header"]["ownerName"] = json!(" 张 建国 ");
                s["header"].as_object_mut().unwrap().remove("reporterIdNumber");
            },
            vec![],
        ),
    ];
    for (name, mutate, expected) in cases {
        let (mut s, mut t) = (fixture(), matching_tanhua());
        mutate(&mut s, &mut t);
        assert_eq!(cross_got(cross::x_r01(&s, &t)), expected, "{name}");
    }
    // Odd shapes never panic and compare nothing: they do not belong together.
    let odd: Vec<&str> = cross::x_r01(&json!(null), &json!([1, 2])).iter().map(|f| f.code.as_str()).collect();
    assert_eq!(odd, ["cross.records_apart"]);
    assert_eq!(
        cross_got(cross::x_r02(&json!("x"), &json!(7), Some(Date::parse("2025-01-22").unwrap()))),
        vec![xe("cross.records_apart", "/header/year", W, "", "", "")]
    );
}

#[test]
fn x_r02_compares_the_personal_matters_submission_date() {
    let d = |s: &str| Some(Date::parse(s).unwrap());
    // The annual report filed in the 述职 year (2025), on 2024, by the same cadre.
    let geren = || json!({"header": {"year": 2024, "reportType": "年度集中报告", "name": "张建国", "idNumber": "110105197506150036"}});
    let mut missing = fixture();
    missing["A10"].as_object_mut().unwrap().remove("annualReportSubmittedOn");
    let with = |f: fn(&mut Value)| {
        let mut g = geren();
        f(&mut g);
        g
    };
    let apart = || vec![xe("cross.records_apart", "/header/year", W, "", "", "")];
    let cases: Vec<(&str, Value, Value, Option<Date>, CrossGot)> = vec![
        ("same date", fixture(), geren(), d("2025-01-22"), vec![]),
        ("not submitted", fixture(), geren(), None, vec![]),
        (
            "different date",
            fixture(),
            geren(),
            d("2025-01-25"),
            vec![xe(
                "cross.submitted_on_mismatch",
                "/A10/annualReportSubmittedOn",
                W,
                "A10.annualReportSubmittedOn",
                "2025-01-25",
                "2025-01-22",
            )],
        ),
        (
            "not filled",
            missing,
            geren(),
            d("2025-01-25"),
            vec![xe("cross.submitted_on_missing", "/A10/annualReportSubmittedOn", W, "A10.annualReportSubmittedOn", "2025-01-25", "")],
        ),
        ("the report on the 述职 year itself", fixture(), with(|g| g["header"]["year"] = json!(2025)), d("2026-01-15"), apart()),
        ("a report of 2022", fixture(), with(|g| g["header"]["year"] = json!(2022)), d("2023-01-20"), apart()),
        ("another cadre", fixture(), with(|g| g["header"]["name"] = json!("李四")), d("2025-01-22"), apart()),
        (
            "same name, another ID number",
            fixture(),
            with(|g| g["header"]["idNumber"] = json!("11010519491231002X")),
            d("2025-01-22"),
            apart(),
        ),
        ("a change report", fixture(), with(|g| g["header"]["reportType"] = json!("事后报告")), d("2025-01-22"), apart()),
        (
            "full-width ID number is the same person",
            fixture(),
            with(|g| g["header"]["idNumber"] = json!("１１０１０５１９７５０６１５００３６")),
            d("2025-01-22"),
            vec![],
        ),
    ];
    for (name, s, g, submitted, expected) in cases {
        assert_eq!(cross_got(cross::x_r02(&s, &g, submitted)), expected, "{name}");
    }
    // The finding names both records.
    let f = &cross::x_r02(&fixture(), &with(|g| g["header"]["year"] = json!(2022)), d("2023-01-20"))[0];
    let msg = f.message(Locale::ZhCn);
    assert!(msg.contains("张建国2025年度述职") && msg.contains("张建国2022年度个人有关事项报告"), "{msg}");
}

#[test]
fn the_fixture_pair_agrees_with_itself() {
    let tanhua: Value = serde_json::from_str(include_str!("../fixtures/tanhua_valid.json")).unwrap();
    assert_eq!(cross_got(cross::x_r01(&fixture(), &tanhua)), vec![]);
    assert_eq!(cross::x_r01_pairing(&fixture(), &tanhua), Ok(2025));
}
