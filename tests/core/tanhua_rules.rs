//! The 谈话 checklist: a fully valid record (tests/fixtures/tanhua_valid.json, year 2025, checked
//! on 2025-12-20) passes; each rule is then triggered by one mutation of it (here), and kept quiet
//! by a near-miss (boundary day, configuration, allowed variant: `tanhua_quiet.rs`, which uses the
//! helpers here).

use checklist_core::template::builtin;
use checklist_core::{Config, Date, Locale, Report, Severity, Validator};
use serde_json::{json, Value};

pub(crate) const TODAY: &str = "2025-12-20";

pub(crate) fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/tanhua_valid.json")).unwrap()
}

pub(crate) fn validate_with(record: &Value, config: Config, today: &str) -> Report {
    let template = builtin("tanhua").unwrap().unwrap();
    Validator::new(template, config).unwrap().validate(record, Date::parse(today).unwrap())
}

/// Sets the value at a JSON pointer; the parent must exist (an index one past the end appends).
pub(crate) fn set(r: &mut Value, ptr: &str, v: Value) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    match r.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.insert(key.to_owned(), v);
        }
        Value::Array(a) => {
            let i: usize = key.parse().unwrap();
            if i == a.len() {
                a.push(v);
            } else {
                a[i] = v;
            }
        }
        other => panic!("{parent} is {other}"),
    }
}

pub(crate) fn remove(r: &mut Value, ptr: &str) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    match r.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.remove(key).unwrap();
        }
        Value::Array(a) => {
            a.remove(key.parse().unwrap());
        }
        other => panic!("{parent} is {other}"),
    }
}

/// A complete talk record to add as `/talks/records/5`.
pub(crate) fn talk(kind: &str, role: &str, target: &str) -> Value {
    json!({
        "type": kind, "date": "2025-11-05", "place": "区纪委监委谈话室",
        "initiatorName": "孙磊", "initiatorPosition": "区纪委副书记", "initiatorRole": role,
        "targetId": target, "recorder": "钱敏", "trigger": "定期",
        "topics": "了解其履行全面从严治党主体责任、执行民主集中制和廉洁自律情况，听取其对本单位政治生态的分析，并就巡视巡察反馈问题整改提出要求。",
        "topicsChecklist": ["工作情况", "生活情况"],
        "responseOfTarget": "表示认真对照检查，按要求抓好整改落实。",
        "problemLevel": "未发现问题", "outcomes": ["了解情况（无需处置）"], "classification": "内部"
    })
}

#[test]
pub(crate) fn fixture_is_valid() {
    let report = validate_with(&fixture(), Config::default(), TODAY);
    let blocking: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    // The 苗头性、倾向性问题 found in the 监督谈话 with 王芳 only earns its guidance hint (B-R16).
    let info: Vec<(&str, &str)> = report.findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
    assert_eq!(info, [("tanhua.guidance_tendency", "/talks/records/1/problemLevel")]);
}

pub(crate) type Mutation = fn(&mut Value);
pub(crate) type Tweak = fn(&mut Config);

pub(crate) fn no_tweak(_: &mut Config) {}

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) mutate: Mutation,
    pub(crate) config: Tweak,
    pub(crate) today: &'static str,
    pub(crate) code: &'static str,
    pub(crate) path: &'static str,
    pub(crate) severity: Severity,
    pub(crate) rule: &'static str,
}

pub(crate) const fn case(
    name: &'static str,
    mutate: Mutation,
    code: &'static str,
    path: &'static str,
    severity: Severity,
    rule: &'static str,
) -> Case {
    Case { name, mutate, config: no_tweak, today: TODAY, code, path, severity, rule }
}

/// Each mutation triggers exactly this finding (code, path, severity, rule).
fn triggering_cases() -> Vec<Case> {
    use Severity::{Error as E, Info as I, Warning as W};
    vec![
        // B-R01 pairing matrix.
        case(
            "B-R01 initiator role not allowed for B02",
            |r| set(r, "/talks/records/1/initiatorRole", json!("BZCY")),
            "tanhua.pairing_initiator",
            "/talks/records/1/initiatorRole",
            E,
            "B-R01",
        ),
        case(
            "B-R01 B02 with a team member",
            |r| set(r, "/talks/records/1/targetId", json!("m1")),
            "tanhua.pairing_target",
            "/talks/records/1/targetId",
            E,
            "B-R01",
        ),
        case(
            "B-R01 纪检 谈心谈话 without 信访举报",
            |r| set(r, "/talks/records/3/initiatorRole", json!("JJ_FZR")),
            "tanhua.pairing_trigger",
            "/talks/records/3/trigger",
            E,
            "B-R01",
        ),
        case(
            "B-R01 B01 with someone not newly appointed",
            |r| set(r, "/roster/people/1/isNewlyAppointed", json!(false)),
            "tanhua.appointment_talk_target_not_new",
            "/talks/records/0/targetId",
            E,
            "B-R01",
        ),
        // B-R02 任职谈话.
        case("B-R02 no 任职谈话", |r| remove(r, "/talks/records/0"), "tanhua.appointment_talk_missing", "/roster/people/1", E, "B-R02"),
        case(
            "B-R02 before the decision",
            |r| set(r, "/talks/records/0/date", json!("2025-03-09")),
            "tanhua.appointment_talk_before_decision",
            "/talks/records/0/date",
            E,
            "B-R02",
        ),
        case(
            "B-R02 one day late",
            |r| set(r, "/talks/records/0/date", json!("2025-04-15")),
            "tanhua.appointment_talk_late",
            "/talks/records/0/date",
            W,
            "B-R02",
        ),
        case(
            "B-R02 decision after appointment",
            |r| set(r, "/roster/people/1/appointmentDecisionDate", json!("2025-03-16")),
            "field.date_not_after",
            "/roster/people/1/appointmentDecisionDate",
            E,
            "B-R02",
        ),
        // B-R03 监督谈话.
        case(
            "B-R03 no 监督谈话 this year",
            |r| remove(r, "/talks/records/1"),
            "tanhua.supervision_talk_missing",
            "/roster/people/2",
            W,
            "B-R03",
        ),
        case(
            "B-R03 more than 12 months apart",
            |r| {
                let mut old = r.pointer("/talks/records/1").unwrap().clone();
                set(&mut old, "/date", json!("2024-06-23"));
                set(r, "/talks/records/5", old);
            },
            "tanhua.supervision_talk_interval",
            "/talks/records/1/date",
            W,
            "B-R03",
        ),
        // B-R04 … B-R08 dispositions.
        case(
            "B-R04 苗头性问题 with a mere reminder",
            |r| set(r, "/talks/records/1/outcomes", json!(["提醒"])),
            "tanhua.outcome_required",
            "/talks/records/1/outcomes",
            E,
            "B-R04",
        ),
        case(
            "B-R05 轻微违纪 without 诫勉",
            |r| set(r, "/talks/records/2/problemLevel", json!("轻微违纪问题")),
            "tanhua.admonishment_required",
            "/talks/records/2/outcomes",
            E,
            "B-R05",
        ),
        case(
            "B-R06 诫勉 without self-explanation",
            |r| set(r, "/talks/records/1/outcomes", json!(["批评教育", "诫勉"])),
            "field.required",
            "/talks/records/1/selfExplanation",
            E,
            "B-R06",
        ),
        case(
            "B-R06 B06 without filing",
            |r| set(r, "/talks/records/1/type", json!("B06")),
            "field.required",
            "/talks/records/1/filedWithZuzhibuDate",
            E,
            "B-R06",
        ),
        case(
            "B-R06 filed before the talk",
            |r| {
                set(r, "/talks/records/1/outcomes", json!(["诫勉"]));
                set(r, "/talks/records/1/selfExplanation", json!("本人对决策程序不规范问题作出深刻检讨。"));
                set(r, "/talks/records/1/signedByUnitHeadName", json!("王芳"));
                set(r, "/talks/records/1/signedByUnitHeadDate", json!("2025-06-26"));
                set(r, "/talks/records/1/filedWithJiweiDate", json!("2025-06-23"));
                set(r, "/talks/records/1/filedWithZuzhibuDate", json!("2025-06-27"));
            },
            "field.date_not_before",
            "/talks/records/1/filedWithJiweiDate",
            E,
            "B-R06",
        ),
        case(
            "B-R07 纪检 finds 一般性问题 without raising it",
            |r| {
                let mut t = talk("B08", "JJ_FZR", "p2");
                set(&mut t, "/problemLevel", json!("一般性问题"));
                set(r, "/talks/records/5", t);
            },
            "tanhua.outcome_required",
            "/talks/records/5/outcomes",
            E,
            "B-R07",
        ),
        case(
            "B-R07 严重违纪违法 reported without a date",
            |r| {
                let mut t = talk("B09", "ZZ_FZR", "p2");
                set(&mut t, "/problemLevel", json!("严重违纪违法问题"));
                set(&mut t, "/outcomes", json!(["向同级党委主要负责人报告"]));
                set(r, "/talks/records/5", t);
            },
            "field.required",
            "/talks/records/5/reportedToPartySecretaryDate",
            E,
            "B-R07",
        ),
        case(
            "B-R08 纪委书记 finds 苗头性问题 without 提醒",
            |r| {
                let mut t = talk("B04", "JW_SJ", "m1");
                set(&mut t, "/problemLevel", json!("苗头性、倾向性问题"));
                set(&mut t, "/outcomes", json!(["当面提出"]));
                set(r, "/talks/records/5", t);
            },
            "tanhua.outcome_required",
            "/talks/records/5/outcomes",
            E,
            "B-R08",
        ),
        case(
            "B-R08 重要问题 reported to the 纪委 only, without a date",
            |r| {
                let mut t = talk("B04", "JW_SJ", "m1");
                set(&mut t, "/problemLevel", json!("重要问题"));
                set(&mut t, "/outcomes", json!(["向上级纪委报告"]));
                set(r, "/talks/records/5", t);
            },
            "field.required",
            "/talks/records/5/reportedToUpperJiweiDate",
            E,
            "B-R08",
        ),
        // B-R09 / B-R10 函询.
        case(
            "B-R09 bare approval",
            |r| set(r, "/talks/records/4/educationReminder", json!("同意，情况属实。")),
            "tanhua.education_reminder_missing",
            "/talks/records/4/educationReminder",
            E,
            "B-R09",
        ),
        case(
            "B-R09 no reminder",
            |r| remove(r, "/talks/records/4/educationReminder"),
            "tanhua.education_reminder_missing",
            "/talks/records/4/educationReminder",
            E,
            "B-R09",
        ),
        case(
            "B-R09 too short",
            |r| set(r, "/talks/records/4/educationReminder", json!("请管好家属。")),
            "tanhua.education_reminder_short",
            "/talks/records/4/educationReminder",
            E,
            "B-R09",
        ),
        // Received Thu 2025-10-09: Saturday 11 October is worked (调休, State Council 2025 notice),
        // so the 15th working day is Wed 2025-10-29.
        case(
            "B-R10 replied one working day late",
            |r| set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-30")),
            "tanhua.inquiry_reply_late",
            "/talks/records/4/inquiryRepliedOn",
            W,
            "B-R10",
        ),
        case(
            "B-R10 late without a reason",
            |r| set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-30")),
            "tanhua.late_reason_required",
            "/talks/records/4/replyLateReason",
            E,
            "B-R10",
        ),
        Case {
            config: |c| c.calendar.official = false,
            ..case(
                "B-R10 without holiday data: weekdays, and an info says so",
                |_| {},
                "tanhua.calendar_not_covered",
                "/talks/records/4/inquiryReceivedOn",
                I,
                "B-R10",
            )
        },
        case(
            "B-R10 not answered after the deadline",
            |r| {
                remove(r, "/talks/records/4/inquiryRepliedOn");
            },
            "tanhua.inquiry_reply_overdue",
            "/talks/records/4/inquiryRepliedOn",
            W,
            "B-R10",
        ),
        case(
            "B-R10 reply before receipt",
            |r| set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-08")),
            "field.date_not_before",
            "/talks/records/4/inquiryRepliedOn",
            E,
            "B-R10",
        ),
        // B-R11 record integrity.
        case(
            "B-R11 talk in the future",
            |r| set(r, "/talks/records/2/date", json!("2025-12-21")),
            "field.date_in_future",
            "/talks/records/2/date",
            E,
            "B-R11",
        ),
        case(
            "B-R11 talking to oneself",
            |r| set(r, "/talks/records/3/initiatorName", json!("赵强")),
            "tanhua.same_person",
            "/talks/records/3/targetId",
            E,
            "B-R11",
        ),
        case(
            "B-R11 interviewee already left office",
            |r| set(r, "/roster/people/2/inOfficeTo", json!("2025-05-31")),
            "tanhua.target_not_in_office",
            "/talks/records/1/date",
            E,
            "B-R11",
        ),
        case(
            "B-R11 main points too short",
            |r| set(r, "/talks/records/2/topics", json!("谈了工作。")),
            "field.too_short",
            "/talks/records/2/topics",
            E,
            "B-R11",
        ),
        case(
            "B-R11 no statement in a 监督谈话",
            |r| remove(r, "/talks/records/2/responseOfTarget"),
            "field.required",
            "/talks/records/2/responseOfTarget",
            E,
            "B-R11",
        ),
        case(
            "B-R11 no note-taker (warning)",
            |r| remove(r, "/talks/records/2/recorder"),
            "field.expected",
            "/talks/records/2/recorder",
            W,
            "B-R11",
        ),
        case(
            "B-R11 no note-taker in a 函询 (error)",
            |r| remove(r, "/talks/records/4/recorder"),
            "field.required",
            "/talks/records/4/recorder",
            E,
            "B-R11",
        ),
        case(
            "B-R11 commissioned talker without the commissioning person",
            |r| set(r, "/talks/records/2/initiatorRole", json!("WT")),
            "field.required",
            "/talks/records/2/commissionedBy",
            E,
            "B-R11",
        ),
        // B-R12 rectification.
        case(
            "B-R12 no follow-up after the deadline",
            |r| {
                remove(r, "/talks/records/1/followUpDate");
                remove(r, "/talks/records/1/followUpResult");
            },
            "tanhua.follow_up_missing",
            "/talks/records/1/followUpDate",
            W,
            "B-R12",
        ),
        case(
            "B-R12 no deadline",
            |r| remove(r, "/talks/records/1/rectificationDeadline"),
            "field.expected",
            "/talks/records/1/rectificationDeadline",
            W,
            "B-R12",
        ),
        case(
            "B-R12 no requirement",
            |r| remove(r, "/talks/records/1/rectificationRequirement"),
            "field.required",
            "/talks/records/1/rectificationRequirement",
            E,
            "B-R12",
        ),
        // B-R13 plan.
        case(
            "B-R13 plan item one day overdue",
            |r| {
                set(
                    r,
                    "/plans/items/5",
                    json!({"id": "pl6", "type": "B08", "initiatorRole": "JJ_FZR", "targetId": "p1", "plannedDate": "2025-12-19"}),
                )
            },
            "tanhua.plan_overdue",
            "/plans/items/5/plannedDate",
            W,
            "B-R13",
        ),
        case(
            "B-R13 cancelled without a reason",
            |r| set(r, "/plans/items/4/cancelled", json!(true)),
            "field.required",
            "/plans/items/4/cancelReason",
            E,
            "",
        ),
        // B-R14 inspection talks.
        case(
            "B-R14 巡视巡察谈话 with a 一把手 missing 生活情况",
            |r| {
                let mut t = talk("B11", "XS", "p2");
                set(&mut t, "/topicsChecklist", json!(["工作情况", "廉洁自律"]));
                set(r, "/talks/records/5", t);
            },
            "tanhua.inspection_topics_missing",
            "/talks/records/5/topicsChecklist",
            E,
            "B-R14",
        ),
        // B-R15 民主生活会: the window is [2025-10-16, 2025-12-15).
        case(
            "B-R15 谈心谈话 one day before the window",
            |r| set(r, "/talks/records/3/date", json!("2025-10-15")),
            "tanhua.pre_meeting_talk_missing",
            "/roster/people/3",
            W,
            "B-R15",
        ),
        case(
            "B-R15 谈心谈话 on the meeting day",
            |r| set(r, "/talks/records/3/date", json!("2025-12-15")),
            "tanhua.pre_meeting_talk_missing",
            "/roster/people/3",
            W,
            "B-R15",
        ),
        // B-R16 guidance.
        case(
            "B-R16 guidance for 轻微违纪问题",
            |r| {
                set(r, "/talks/records/2/problemLevel", json!("轻微违纪问题"));
            },
            "tanhua.guidance_minor_violation",
            "/talks/records/2/problemLevel",
            I,
            "B-R16",
        ),
    ]
}

#[test]
fn each_rule_is_triggered_by_its_mutation() {
    for c in triggering_cases() {
        let mut record = fixture();
        (c.mutate)(&mut record);
        let mut config = Config::default();
        (c.config)(&mut config);
        let report = validate_with(&record, config, c.today);
        let found = report.findings.iter().find(|f| f.code.as_str() == c.code && f.path == c.path);
        let Some(f) = found else {
            panic!("{}: expected {} at {}, got {:#?}", c.name, c.code, c.path, report.findings);
        };
        assert_eq!(f.severity, c.severity, "{}", c.name);
        assert_eq!(f.rule.as_deref().unwrap_or(""), c.rule, "{}", c.name);
        for locale in [Locale::ZhCn, Locale::En] {
            let m = f.message(locale);
            assert!(!m.contains('{'), "{}: unfilled placeholder in {m}", c.name);
        }
    }
}

#[test]
fn schedule_of_the_fixture() {
    use checklist_core::schedule::{self, EntryKind, GapKind, ScheduleStatus};
    let record = fixture();
    let s = schedule::compute(&record, &Config::default(), Date::parse(TODAY).unwrap());
    assert_eq!(s.year, 2025);
    // Only the B08 / B09 minimum is left open (no 纪检 / 组织 talks are recorded).
    assert!(s.gaps.iter().all(|g| g.kind == GapKind::BelowJjzzMinimum), "{:#?}", s.gaps);
    assert_eq!(s.gaps.len(), 4);
    // The second 监督谈话 planned with 王芳 on 2025-12-26 is due within 30 days and leads.
    let first = &s.entries[0];
    assert_eq!((first.kind, first.status, first.path.as_str()), (EntryKind::PlanItem, ScheduleStatus::DueSoon, "/plans/items/4"));
    assert_eq!(first.days_left, Some(6));
    let held = s.entries.iter().filter(|e| e.status == ScheduleStatus::Held).count();
    assert_eq!(held, 7); // 1 任职谈话 + 2 监督谈话 + 4 plan items
    let counts = schedule::counts_by_type(&record, 2025);
    assert_eq!((counts["B01"], counts["B02"], counts["B03"], counts["B10"], counts["B08"]), (1, 2, 1, 1, 0));
    assert_eq!(counts, s.counts);
}

/// Every leaf of the fixture replaced by values of the wrong kind: validation and the schedule
/// report, never panic.
#[test]
fn odd_values_never_panic() {
    fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| leaves(v, format!("{path}/{k}"), out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| leaves(v, format!("{path}/{i}"), out)),
            _ => out.push(path),
        }
    }
    let base = fixture();
    let mut paths = Vec::new();
    leaves(&base, String::new(), &mut paths);
    paths.extend(["/talks/records/0", "/roster/people/1", "/plans/items/0", "/talks", "/header"].map(String::from));
    let template = builtin("tanhua").unwrap().unwrap();
    let validator = Validator::new(template, Config::default()).unwrap();
    let today = Date::parse(TODAY).unwrap();
    for path in &paths {
        for odd in [json!(null), json!(-1), json!(1e300), json!(""), json!("9999-99-99"), json!(["B01", 3]), json!({"a": 1}), json!(true)] {
            let mut r = base.clone();
            let is_object = odd.is_object();
            *r.pointer_mut(path).unwrap() = odd;
            let report = validator.validate(&r, today);
            // An object is the wrong kind of value everywhere in this record.
            assert!(!is_object || report.has_errors(), "{path}: {report:#?}");
            let s = checklist_core::schedule::compute(&r, &Config::default(), today);
            assert!(path == "/header/year" || path == "/header" || s.year == 2025, "{path}");
        }
    }
}

#[test]
fn a_host_pairing_matrix_replaces_the_spec_one() {
    // A locality where only a commissioned person (WT) holds 监督谈话: the fixture's B02 by the
    // upper 一把手 is then refused; everything else the host matrix allows stays quiet.
    let config = Config::from_json(
        r#"{"talk": {"pairings": [
            {"talkType": "B01", "initiators": ["SJ_YBS"], "targets": ["XJ_YBS"]},
            {"talkType": "B02", "initiators": ["WT"], "targets": ["XJ_YBS"]},
            {"talkType": "B03", "initiators": ["SJ_YBS", "XJ_YBS", "BJ_YBS", "BZCY"], "targets": ["BZCY", "BJ_YBS"]},
            {"talkType": "B10", "initiators": ["JJ_FZR", "BJ_YBS", "SJ_YBS"], "targets": ["BZCY"]}
        ]}}"#,
    )
    .unwrap();
    let report = validate_with(&fixture(), config, TODAY);
    let b01: Vec<_> = report.findings.iter().filter(|f| f.rule.as_deref() == Some("B-R01")).collect();
    assert!(!b01.is_empty());
    assert!(b01.iter().all(|f| f.code.as_str() == "tanhua.pairing_initiator" && f.path.ends_with("/initiatorRole")), "{b01:#?}");
    let default = validate_with(&fixture(), Config::default(), TODAY);
    assert!(!default.findings.iter().any(|f| f.rule.as_deref() == Some("B-R01")));
}
