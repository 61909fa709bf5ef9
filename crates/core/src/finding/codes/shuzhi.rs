//! Named rules of the 述职 / 述责述廉 checklist (rules/shuzhi.rs).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Findings of the shuzhi rules.
    pub enum ShuzhiCode in "shuzhi" {
        /// A-R03: a core section's narrative only says 无 (or 没有, 暂无, 同上, punctuation).
        CoreSectionNone = "core_section_none" {
            zh: "“{label}”是必须报告的内容，不能填报“{value}”，请据实填写本年度的具体情况",
            en: "“{label}” must be reported on and cannot be answered “{value}”: describe this year's actual situation",
        },
        /// A-R01: the key section A5 is too short.
        KeySectionTooShort = "key_section_too_short" {
            zh: "{label}是述职的重点内容，至少需要{min}个字（现有{count}个字）",
            en: "{label} is the key content of the report: write at least {min} characters (now {count})",
        },
        /// A-R02: a subordinate 一把手 reports at the wrong kind of meeting.
        MeetingNotUpperLevel = "meeting_not_upper_level" {
            zh: "下级“一把手”述责述廉应当在上级党委常委会扩大会议或上级党组（党委）扩大会议上进行",
            en: "A subordinate 一把手 gives the duty and integrity report at an enlarged meeting of the upper Party standing committee or Party group",
        },
        /// A-R02: the report of a subordinate 一把手 is not disclosed.
        NotDisclosed = "not_disclosed" {
            zh: "下级“一把手”述责述廉报告应当在一定范围内公开，{label}不能为“不公开”",
            en: "A subordinate 一把手's duty and integrity report must be disclosed within a certain scope: {label} cannot be \"not disclosed\"",
        },
        /// A-R04: interferences received but no count of reports.
        InterferenceReportMissing = "interference_report_missing" {
            zh: "受到插手干预重大事项{received}次，请填写向党组织报告的次数。不按要求报告的，依规依纪严肃追究责任",
            en: "{received} interferences were received: enter how many were reported to the Party organisation. Failing to report is itself a violation",
        },
        /// A-R04: not every interference was reported.
        InterferenceReportMismatch = "interference_report_mismatch" {
            zh: "受到插手干预重大事项{received}次，向党组织报告{reported}次，两者应当一致。不按要求报告的，依规依纪严肃追究责任",
            en: "{received} interferences were received but {reported} reported: every one must be reported. Failing to report is itself a violation",
        },
        /// A-R06: the meeting date is outside the usual window.
        MeetingOutsideWindow = "meeting_outside_window" {
            zh: "{label}（{date}）不在{start}至{end}之间，请核对",
            en: "{label} ({date}) is outside {start} to {end}: please check",
        },
        /// A-R07: a breach of the collective-decision rules without an explanation.
        DecisionExplanationRequired = "decision_explanation_required" {
            zh: "存在以专题会议代替常委会会议决策或未全部经集体讨论决定的情况，请在“{label}”中说明原因",
            en: "Decisions were taken by a special meeting or not collectively: explain why in \"{label}\"",
        },
        /// A-R07: a breach of the collective-decision rules without a rectification item.
        DecisionRectificationRequired = "decision_rectification_required" {
            zh: "存在违反“三重一大”决策程序的情况，请在“问题整改情况”中至少填写一条问题来源为“专项督查”或“其他”的整改事项",
            en: "Decision-procedure breaches need at least one rectification item whose source is \"special supervision\" or \"other\"",
        },
        /// A-R08: a rectification past its deadline and not completed.
        RectificationOverdue = "rectification_overdue" {
            zh: "逾期未整改：整改时限为{deadline}，请更新整改状态或说明原因",
            en: "Overdue: the deadline was {deadline}; update the state or explain the delay",
        },
        /// A-R08: a completed rectification dated after today.
        CompletedInFuture = "completed_in_future" {
            zh: "{label}不能晚于今天；尚未完成的，请将整改状态改为“推进中”",
            en: "{label} cannot be in the future; if the work is not finished, set the state to \"in progress\"",
        },
        /// A-R10: written-inquiry sign-offs without an education reminder.
        SignoffWithoutReminder = "signoff_without_reminder" {
            zh: "对班子成员函询说明签署意见时均须进行教育提醒，不能“一签了之”（签署{total}件，其中教育提醒{with}件）",
            en: "Every sign-off on a team member's inquiry reply must include an education reminder ({total} signed, {with} with a reminder)",
        },
    }
}
