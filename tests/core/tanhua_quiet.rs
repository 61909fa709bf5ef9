//! The 谈话 rules kept quiet: near misses of each rule's trigger (a boundary day, a configuration,
//! an allowed variant) must not raise its finding.

use crate::tanhua_rules::*;
use checklist_core::{Config, Severity};
use serde_json::json;

/// Near misses: the finding must not appear.
fn quiet_cases() -> Vec<Case> {
    use Severity::{Error as E, Info as I, Warning as W};
    vec![
        case(
            "B-R01 a 受委托 person may hold the B02",
            |r| {
                set(r, "/talks/records/1/initiatorRole", json!("WT"));
                set(r, "/talks/records/1/commissionedBy", json!("张建国"));
            },
            "tanhua.pairing_initiator",
            "/talks/records/1/initiatorRole",
            E,
            "B-R01",
        ),
        case(
            "B-R01 纪检 谈心谈话 on 信访举报 with anyone",
            |r| {
                set(r, "/talks/records/3/initiatorRole", json!("JJ_FZR"));
                set(r, "/talks/records/3/trigger", json!("信访举报"));
            },
            "tanhua.pairing_trigger",
            "/talks/records/3/trigger",
            E,
            "B-R01",
        ),
        case(
            "B-R02 on the last allowed day",
            |r| set(r, "/talks/records/0/date", json!("2025-04-14")),
            "tanhua.appointment_talk_late",
            "/talks/records/0/date",
            W,
            "B-R02",
        ),
        case(
            "B-R02 on the decision day",
            |r| set(r, "/talks/records/0/date", json!("2025-03-10")),
            "tanhua.appointment_talk_before_decision",
            "/talks/records/0/date",
            E,
            "B-R02",
        ),
        Case {
            config: |c| c.talk.appointment.max_days_after = 45,
            ..case(
                "B-R02 later talk allowed by config",
                |r| set(r, "/talks/records/0/date", json!("2025-04-15")),
                "tanhua.appointment_talk_late",
                "/talks/records/0/date",
                W,
                "B-R02",
            )
        },
        Case {
            today: "2025-04-14",
            ..case(
                "B-R02 missing but not yet due",
                |r| {
                    remove(r, "/talks/records/0");
                    set(r, "/header/mshDate", json!("2025-04-01"));
                },
                "tanhua.appointment_talk_missing",
                "/roster/people/1",
                E,
                "B-R02",
            )
        },
        Case {
            config: |c| c.talk.supervision.min_tenure_days = 300,
            ..case(
                "B-R03 tenure below the configured minimum",
                |r| remove(r, "/talks/records/2"),
                "tanhua.supervision_talk_missing",
                "/roster/people/1",
                W,
                "B-R03",
            )
        },
        case(
            "B-R03 exactly 12 months apart",
            |r| {
                let mut old = r.pointer("/talks/records/1").unwrap().clone();
                set(&mut old, "/date", json!("2024-06-24"));
                set(r, "/talks/records/5", old);
            },
            "tanhua.supervision_talk_interval",
            "/talks/records/1/date",
            W,
            "B-R03",
        ),
        Case {
            config: |c| c.talk.reminder_counts_as_criticism = true,
            ..case(
                "B-R04 提醒 counts when configured",
                |r| set(r, "/talks/records/1/outcomes", json!(["提醒"])),
                "tanhua.outcome_required",
                "/talks/records/1/outcomes",
                E,
                "B-R04",
            )
        },
        case(
            "B-R04 only for the 上级一把手",
            |r| {
                let mut t = talk("B04", "BJ_YBS", "m1");
                set(&mut t, "/problemLevel", json!("苗头性、倾向性问题"));
                set(&mut t, "/outcomes", json!(["提醒"]));
                set(r, "/talks/records/5", t);
            },
            "tanhua.outcome_required",
            "/talks/records/5/outcomes",
            E,
            "B-R04",
        ),
        case(
            "B-R05 轻微违纪 with 诫勉",
            |r| {
                set(r, "/talks/records/2/problemLevel", json!("轻微违纪问题"));
                set(r, "/talks/records/2/outcomes", json!(["诫勉"]));
            },
            "tanhua.admonishment_required",
            "/talks/records/2/outcomes",
            E,
            "B-R05",
        ),
        case(
            "B-R07 一般性问题 raised in person",
            |r| {
                let mut t = talk("B08", "JJ_FZR", "p2");
                set(&mut t, "/problemLevel", json!("一般性问题"));
                set(&mut t, "/outcomes", json!(["当面提出"]));
                set(r, "/talks/records/5", t);
            },
            "tanhua.outcome_required",
            "/talks/records/5/outcomes",
            E,
            "B-R07",
        ),
        case(
            "B-R08 重要问题 reported to both, dated",
            |r| {
                let mut t = talk("B04", "JW_SJ", "m1");
                set(&mut t, "/problemLevel", json!("重要问题"));
                set(&mut t, "/outcomes", json!(["向上级纪委报告", "向同级党委主要负责人报告"]));
                set(&mut t, "/reportedToUpperJiweiDate", json!("2025-11-06"));
                set(&mut t, "/reportedToPartySecretaryDate", json!("2025-11-06"));
                set(r, "/talks/records/5", t);
            },
            "tanhua.outcome_required",
            "/talks/records/5/outcomes",
            E,
            "B-R08",
        ),
        case(
            "B-R09 signer is not the 一把手",
            |r| {
                set(r, "/talks/records/4/inquirySignerRole", json!("JJ_FZR"));
                set(r, "/talks/records/4/educationReminder", json!("同意"));
            },
            "tanhua.education_reminder_missing",
            "/talks/records/4/educationReminder",
            E,
            "B-R09",
        ),
        Case {
            config: |c| c.talk.min_reminder_chars = 5,
            ..case(
                "B-R09 shorter minimum by config",
                |r| set(r, "/talks/records/4/educationReminder", json!("请管好家属。")),
                "tanhua.education_reminder_short",
                "/talks/records/4/educationReminder",
                E,
                "B-R09",
            )
        },
        case(
            "B-R10 replied on the 15th working day",
            |r| set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-29")),
            "tanhua.inquiry_reply_late",
            "/talks/records/4/inquiryRepliedOn",
            W,
            "B-R10",
        ),
        Case {
            config: |c| c.calendar.holidays = vec!["2025-10-10".into()],
            ..case(
                "B-R10 a host's extra holiday moves the deadline",
                |r| set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-30")),
                "tanhua.inquiry_reply_late",
                "/talks/records/4/inquiryRepliedOn",
                W,
                "B-R10",
            )
        },
        case(
            "B-R10 late with a reason",
            |r| {
                set(r, "/talks/records/4/inquiryRepliedOn", json!("2025-10-30"));
                set(r, "/talks/records/4/replyLateReason", json!("本人外出学习，返岗后即作出说明。"));
            },
            "tanhua.late_reason_required",
            "/talks/records/4/replyLateReason",
            E,
            "B-R10",
        ),
        case(
            "B-R11 talk today",
            |r| set(r, "/talks/records/2/date", json!(TODAY)),
            "field.date_in_future",
            "/talks/records/2/date",
            E,
            "B-R11",
        ),
        case(
            "B-R11 talk on the last day in office",
            |r| set(r, "/roster/people/2/inOfficeTo", json!("2025-06-24")),
            "tanhua.target_not_in_office",
            "/talks/records/1/date",
            E,
            "B-R11",
        ),
        Case {
            config: |c| c.talk.min_topic_chars = 5,
            ..case(
                "B-R11 shorter main points by config",
                |r| set(r, "/talks/records/2/topics", json!("谈了工作。")),
                "field.too_short",
                "/talks/records/2/topics",
                E,
                "B-R11",
            )
        },
        case(
            "B-R12 deadline not yet passed",
            |r| {
                set(r, "/talks/records/1/rectificationDeadline", json!(TODAY));
                remove(r, "/talks/records/1/followUpDate");
                remove(r, "/talks/records/1/followUpResult");
            },
            "tanhua.follow_up_missing",
            "/talks/records/1/followUpDate",
            W,
            "B-R12",
        ),
        case(
            "B-R13 plan item due today",
            |r| {
                set(
                    r,
                    "/plans/items/5",
                    json!({"id": "pl6", "type": "B08", "initiatorRole": "JJ_FZR", "targetId": "p1", "plannedDate": TODAY}),
                )
            },
            "tanhua.plan_overdue",
            "/plans/items/5/plannedDate",
            W,
            "B-R13",
        ),
        case(
            "B-R13 cancelled plan item",
            |r| {
                set(
                    r,
                    "/plans/items/5",
                    json!({"id": "pl6", "type": "B08", "initiatorRole": "JJ_FZR", "targetId": "p1", "plannedDate": "2025-12-01",
                   "cancelled": true, "cancelReason": "已由区委组织部统一安排集体谈话"}),
                )
            },
            "tanhua.plan_overdue",
            "/plans/items/5/plannedDate",
            W,
            "B-R13",
        ),
        case(
            "B-R14 巡视巡察谈话 with a team member",
            |r| {
                let mut t = talk("B11", "XS", "m1");
                set(&mut t, "/topicsChecklist", json!(["廉洁自律"]));
                set(r, "/talks/records/5", t);
            },
            "tanhua.inspection_topics_missing",
            "/talks/records/5/topicsChecklist",
            E,
            "B-R14",
        ),
        case(
            "B-R15 first day of the window",
            |r| set(r, "/talks/records/3/date", json!("2025-10-16")),
            "tanhua.pre_meeting_talk_missing",
            "/roster/people/3",
            W,
            "B-R15",
        ),
        case(
            "B-R15 meeting still ahead",
            |r| {
                set(r, "/talks/records/3/date", json!("2025-10-01"));
                set(r, "/header/mshDate", json!("2025-12-28"));
            },
            "tanhua.pre_meeting_talk_missing",
            "/roster/people/3",
            W,
            "B-R15",
        ),
        case(
            "B-R15 the member talked to the 一把手",
            |r| {
                let mut t = talk("B03", "BZCY", "s1");
                set(&mut t, "/initiatorName", json!("赵强"));
                set(&mut t, "/trigger", json!("民主生活会前"));
                set(r, "/talks/records/3", t);
            },
            "tanhua.pre_meeting_talk_missing",
            "/roster/people/3",
            W,
            "B-R15",
        ),
        case(
            "B-R16 no guidance when no problem",
            |r| {
                set(r, "/talks/records/1/problemLevel", json!("未发现问题"));
            },
            "tanhua.guidance_tendency",
            "/talks/records/1/problemLevel",
            I,
            "B-R16",
        ),
    ]
}

#[test]
fn near_misses_stay_quiet() {
    for c in quiet_cases() {
        let mut record = fixture();
        (c.mutate)(&mut record);
        let mut config = Config::default();
        (c.config)(&mut config);
        let report = validate_with(&record, config, c.today);
        let found: Vec<_> = report.findings.iter().filter(|f| f.code.as_str() == c.code && f.path == c.path).collect();
        assert!(found.is_empty(), "{} ({}, {:?}): unexpected {found:#?}", c.name, c.rule, c.severity);
    }
}
