//! Named rules of the 谈话 checklist (rules/tanhua.rs).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Findings of the 谈话 rules.
    pub enum TanhuaCode in "tanhua" {
        /// B-R01: the talker's role may not hold this type of talk.
        PairingInitiator = "pairing_initiator" {
            zh: "{role}不能开展{type}，请核对谈话类型或谈话人角色",
            en: "The role “{role}” cannot hold a talk of type “{type}”: check the talk type or the talker's role",
        },
        /// B-R01: the talker's role may not hold this type of talk with this interviewee's role.
        PairingTarget = "pairing_target" {
            zh: "{initiator}开展{type}的谈话对象不能是{role}",
            en: "In a talk of type “{type}” held by “{initiator}”, the interviewee cannot be “{role}”",
        },
        /// B-R01: this pairing is allowed only for one reason (纪检/组织 谈心谈话 on 信访举报).
        PairingTrigger = "pairing_trigger" {
            zh: "{initiator}开展{type}的，谈话事由应为“{trigger}”",
            en: "A talk of type “{type}” held by “{initiator}” must have the reason “{trigger}”",
        },
        /// B-R01: a 任职谈话 with someone who is not newly appointed.
        AppointmentTalkTargetNotNew = "appointment_talk_target_not_new" {
            zh: "任职谈话的谈话对象应为新任职的下级“一把手”，请在人员名册中核对“是否新任职”",
            en: "The interviewee of an appointment talk must be a newly appointed subordinate principal leader: check “Newly appointed” in the roster",
        },
        /// B-R02: a subordinate 一把手 appointed in the year has no 任职谈话 after the deadline.
        AppointmentTalkMissing = "appointment_talk_missing" {
            zh: "{name}于{appointed}任职，应于{due}前开展任职谈话，目前尚无任职谈话记录",
            en: "{name} was appointed on {appointed}; the appointment talk was due by {due} and none is recorded",
        },
        /// B-R02: a 任职谈话 before the appointment decision.
        AppointmentTalkBeforeDecision = "appointment_talk_before_decision" {
            zh: "任职谈话时间不能早于任职决定日期（{decided}）",
            en: "The appointment talk cannot be before the appointment decision ({decided})",
        },
        /// B-R02: a 任职谈话 after the configured number of days.
        AppointmentTalkLate = "appointment_talk_late" {
            zh: "任职谈话未及时开展（应于{due}前完成，即任职后{days}日内）",
            en: "The appointment talk was not held in time (due by {due}, {days} days after the appointment)",
        },
        /// B-R03: too few 监督谈话 in the year.
        SupervisionTalkMissing = "supervision_talk_missing" {
            zh: "本年度与{name}开展监督谈话{held}次，少于每年{min}次",
            en: "{held} supervisory talks with {name} this year, fewer than the {min} a year expected",
        },
        /// B-R03: too long a gap between two 监督谈话.
        SupervisionTalkInterval = "supervision_talk_interval" {
            zh: "与上次监督谈话（{previous}）间隔超过{months}个月",
            en: "More than {months} months since the previous supervisory talk ({previous})",
        },
        /// B-R04, B-R07, B-R08: the problem level calls for a disposition that is not chosen.
        OutcomeRequired = "outcome_required" {
            zh: "发现{level}的，处置方式应当包括“{outcome}”",
            en: "When the problem level is “{level}”, the disposition must include “{outcome}”",
        },
        /// B-R05: 轻微违纪问题 without 诫勉 (SPEC §9.2 wording).
        AdmonishmentRequired = "admonishment_required" {
            zh: "发现轻微违纪问题的，应当及时予以诫勉",
            en: "Minor disciplinary violations require an admonishment (诫勉)",
        },
        /// B-R09: the 一把手 signed a 函询 reply without an education reminder (SPEC §7.3).
        EducationReminderMissing = "education_reminder_missing" {
            zh: "请填写教育提醒内容，不能“一签了之”",
            en: "Endorsement must contain an education reminder",
        },
        /// B-R09: the education reminder is too short to be one.
        EducationReminderShort = "education_reminder_short" {
            zh: "教育提醒内容至少需要{min}个字（现有{count}个字），不能“一签了之”",
            en: "The education reminder needs at least {min} characters (has {count}): not a bare signature",
        },
        /// B-R10: the 函询 was answered after the working-day deadline.
        InquiryReplyLate = "inquiry_reply_late" {
            zh: "函询回复晚于应复函日期{due}（收到后{days}个工作日）",
            en: "The inquiry was answered after the due date {due} ({days} working days after receipt)",
        },
        /// B-R10: the 函询 is past its deadline and not answered.
        InquiryReplyOverdue = "inquiry_reply_overdue" {
            zh: "函询应于{due}前回复（收到后{days}个工作日），目前尚未回复",
            en: "The inquiry was due to be answered by {due} ({days} working days after receipt) and is not",
        },
        /// B-R10: the working days were counted without a holiday calendar for a year.
        CalendarNotCovered = "calendar_not_covered" {
            zh: "本系统未收录{year}年的节假日安排，答复期限按周一至周五计算，请核对",
            en: "No public-holiday arrangements for {year} are known: the reply deadline counts Monday to Friday; please check it",
        },
        /// B-R10: a late reply without a reason (SPEC §7.3).
        LateReasonRequired = "late_reason_required" {
            zh: "已超过报告期限，请说明原因",
            en: "Overdue: state the reason",
        },
        /// B-R11: talker and interviewee are the same person.
        SamePerson = "same_person" {
            zh: "谈话人与谈话对象不能为同一人",
            en: "The talker and the interviewee cannot be the same person",
        },
        /// B-R11: the interviewee was not in office on the day of the talk.
        TargetNotInOffice = "target_not_in_office" {
            zh: "谈话时{name}不在任（任职期间：{from}至{to}），请核对谈话时间或人员名册",
            en: "{name} was not in office on the day of the talk (in office {from} to {to}): check the date or the roster",
        },
        /// B-R12: the rectification deadline passed without a follow-up.
        FollowUpMissing = "follow_up_missing" {
            zh: "整改时限（{deadline}）已过，请填写跟踪落实情况",
            en: "The deadline for correction ({deadline}) has passed: record the follow-up",
        },
        /// B-R13: a plan item past its planned date with no talk held.
        PlanOverdue = "plan_overdue" {
            zh: "计划于{planned}开展的{type}尚未开展，已逾期",
            en: "The talk “{type}” planned for {planned} has not been held and is overdue",
        },
        /// B-R14: a 巡视巡察谈话 with a 一把手 without 工作情况 / 生活情况.
        InspectionTopicsMissing = "inspection_topics_missing" {
            zh: "巡视巡察谈话应当将“一把手”工作、生活情况作为必谈内容，请勾选：{missing}",
            en: "Inspection talks with a principal leader must cover their work and private life: tick {missing}",
        },
        /// B-R15: no 谈心谈话 with a team member in the 民主生活会 preparation window.
        PreMeetingTalkMissing = "pre_meeting_talk_missing" {
            zh: "民主生活会（{meeting}）前{days}日内（{from}起）未与班子成员{name}开展谈心谈话",
            en: "No heart-to-heart talk with team member {name} in the {days} days before the democratic life meeting ({meeting}, from {from})",
        },
        /// B-R16: guidance for 一般性问题.
        GuidanceGeneral = "guidance_general" {
            zh: "发现一般性问题的，应当及时向本人提出，督促其改正",
            en: "Ordinary problems: raise them with the person promptly and see that they are corrected",
        },
        /// B-R16: guidance for 苗头性、倾向性问题.
        GuidanceTendency = "guidance_tendency" {
            zh: "发现苗头性、倾向性问题的，应当及时提醒或者批评教育",
            en: "Early signs or tendencies: give a reminder or criticism and education promptly",
        },
        /// B-R16: guidance for 轻微违纪问题.
        GuidanceMinorViolation = "guidance_minor_violation" {
            zh: "发现轻微违纪问题的，应当及时予以诫勉，由本人作出说明或者检讨，经所在党组织主要负责人签字后报上级纪委和组织部门",
            en: "Minor violations: admonish promptly; the person explains in writing, the head of their Party organisation signs, and it is filed with the higher discipline commission and organisation department",
        },
        /// B-R16: guidance for 重要问题.
        GuidanceImportant = "guidance_important" {
            zh: "发现重要问题的，应当向上级纪委和同级党委主要负责人报告",
            en: "Significant problems: report to the higher discipline commission and to the principal leader of the Party committee at the same level",
        },
        /// B-R16: guidance for 严重违纪违法问题.
        GuidanceSerious = "guidance_serious" {
            zh: "发现严重违纪违法问题的，应当向同级党委主要负责人报告，并按规定移送纪检监察机关",
            en: "Serious violations of discipline or law: report to the principal leader of the Party committee at the same level and refer the case to the discipline-inspection and supervision body",
        },
    }
}
