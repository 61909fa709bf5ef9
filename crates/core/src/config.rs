//! Configurable defaults (SPEC §10 and every default SPEC marks [CFG]) in one object. Hosts pass
//! a partial JSON object; every key they omit keeps SPEC's default.

use serde::Serialize;

use crate::finding::Severity;

/// All configurable parameters. JSON keys follow SPEC §10 (`talk.appointment.maxDaysAfter` is
/// `{"talk": {"appointment": {"maxDaysAfter": 30}}}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Config {
    /// 谈话 deadlines and frequencies.
    pub talk: TalkConfig,
    /// 函询 (B10).
    pub inquiry: InquiryConfig,
    /// 个人有关事项.
    pub geren: GerenConfig,
    /// 述职 / 述责述廉.
    pub shuzhi: ShuzhiConfig,
    /// 民主生活会 preparation.
    pub msh: MshConfig,
    /// 统一社会信用代码 policy.
    pub uscc: UsccConfig,
    /// 居民身份证 policy.
    pub id_card: IdCardConfig,
    /// Passport and travel-permit number patterns (SPEC §6.4–6.5).
    pub documents: DocumentPatterns,
    /// Working-day calendar (statutory holidays and 调休 working days).
    pub calendar: WorkingCalendar,
    /// Days before a due date at which a plan item counts as 即将到期.
    pub due_soon_days: u32,
    /// Largest import file accepted, in bytes.
    pub import_max_bytes: usize,
    /// The digest the widget writes into exports and posts: `sha256-jcs` (default) or `sm3-jcs`
    /// (SM3, for deployments that must use 商用密码 algorithms). Import verifies either.
    pub digest_algorithm: crate::envelope::digest::DigestAlgorithm,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            talk: TalkConfig::default(),
            inquiry: InquiryConfig::default(),
            geren: GerenConfig::default(),
            shuzhi: ShuzhiConfig::default(),
            msh: MshConfig::default(),
            uscc: UsccConfig::default(),
            id_card: IdCardConfig::default(),
            documents: DocumentPatterns::default(),
            calendar: WorkingCalendar::default(),
            due_soon_days: 30,
            import_max_bytes: 5 * 1024 * 1024,
            digest_algorithm: crate::envelope::digest::DigestAlgorithm::Sha256Jcs,
        }
    }
}

impl Config {
    /// Reads a (partial) configuration from JSON; problems name the JSON pointer.
    pub fn from_json(json: &str) -> Result<Config, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("config: not JSON: {e}"))?;
        Config::from_value(value)
    }

    /// Reads a (partial) configuration from a JSON value; problems name the JSON pointer.
    pub fn from_value(value: serde_json::Value) -> Result<Config, String> {
        crate::de::from_value(&value).map_err(|e| format!("config {}: {}", e.path, e.message))
    }
}

crate::from_json_struct!(Config [defaults] {
    talk, inquiry, geren, shuzhi, msh, uscc, id_card, documents, calendar, due_soon_days, import_max_bytes, digest_algorithm
});
crate::from_json_struct!(TalkConfig [defaults] {
    appointment, supervision, heart_to_heart, jjzz, min_topic_chars, min_reminder_chars, bare_approvals,
    reminder_counts_as_criticism, pairings
});
crate::from_json_struct!(PairingConfig [] { talk_type, initiators, targets, trigger });
crate::from_json_struct!(AppointmentTalkConfig [defaults] { max_days_after });
crate::from_json_struct!(SupervisionTalkConfig [defaults] { min_per_year, max_interval_months, min_tenure_days });
crate::from_json_struct!(HeartToHeartConfig [defaults] { min_per_pair_per_year });
crate::from_json_struct!(JjzzConfig [defaults] { min_per_year });
crate::from_json_struct!(InquiryConfig [defaults] { reply_working_days });
crate::from_json_struct!(GerenConfig [defaults] {
    annual_deadline, change_report_days, new_appointee_days, amount_decimals, as_of_date, student_max_age, outliers
});
crate::from_json_struct!(Outliers [defaults] { house_area_m2, annual_salary_wan, deposit_abroad_wan });
crate::from_json_struct!(ShuzhiConfig [defaults] { meeting_window_start, meeting_window_end, min_chars_key_section });
crate::from_json_struct!(MshConfig [defaults] { pre_talk_window_days });
crate::from_json_struct!(UsccConfig [defaults] { check_failure, allow_override, categories });
crate::from_json_struct!(IdCardConfig [defaults] { legacy15, max_age });
crate::from_json_enum!(Legacy15Policy { Reject = "reject", Convert = "convert" });
crate::from_json_struct!(DocumentPatterns [defaults] {
    passport, official_passport, sar_passport, hk_macau_permit, taiwan_permit, hk_macau_resident_permit, taiwan_resident_permit
});
crate::from_json_struct!(WorkingCalendar [defaults] { official, holidays, working_weekends });

/// `talk.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct TalkConfig {
    /// 任职谈话.
    pub appointment: AppointmentTalkConfig,
    /// 监督谈话.
    pub supervision: SupervisionTalkConfig,
    /// 谈心谈话.
    pub heart_to_heart: HeartToHeartConfig,
    /// 纪检 / 组织部门负责人谈话 (B08/B09).
    pub jjzz: JjzzConfig,
    /// Shortest 谈话内容要点 in characters (SPEC §4.4, CFG 50).
    pub min_topic_chars: u32,
    /// Shortest 函询 education reminder (B-R09, CFG 20).
    pub min_reminder_chars: u32,
    /// Bare approvals that do not count as an education reminder (B-R09).
    pub bare_approvals: Vec<String>,
    /// Count 提醒 as equivalent to 批评教育 for B-R04.
    pub reminder_counts_as_criticism: bool,
    /// The allowed pairing matrix of B-R01 (SPEC §4.2: "the matrix itself is configurable").
    /// Absent: SPEC's matrix (`rules::tanhua::PAIRINGS`). Given: replaces it entirely.
    pub pairings: Option<Vec<PairingConfig>>,
}

/// One allowed (talk type, initiator roles → target roles) row of the pairing matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PairingConfig {
    /// Talk type code, `B01` … `B12`.
    pub talk_type: String,
    /// Roles that may hold the talk (`SJ_YBS`, `WT`, …).
    pub initiators: Vec<String>,
    /// Roster roles the interviewee may have.
    pub targets: Vec<String>,
    /// The reason (`trigger`) the talk must have for this row, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
}

impl Default for TalkConfig {
    fn default() -> TalkConfig {
        TalkConfig {
            appointment: AppointmentTalkConfig::default(),
            supervision: SupervisionTalkConfig::default(),
            heart_to_heart: HeartToHeartConfig::default(),
            jjzz: JjzzConfig::default(),
            min_topic_chars: 50,
            min_reminder_chars: 20,
            bare_approvals: ["同意", "属实", "已阅", "情况属实", "同意上报", "阅"].map(String::from).to_vec(),
            reminder_counts_as_criticism: false,
            pairings: None,
        }
    }
}

/// `talk.appointment.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AppointmentTalkConfig {
    /// Days after the appointment by which the 任职谈话 is due (SPEC §10: 30).
    pub max_days_after: u32,
}

impl Default for AppointmentTalkConfig {
    fn default() -> Self {
        AppointmentTalkConfig { max_days_after: 30 }
    }
}

/// `talk.supervision.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SupervisionTalkConfig {
    /// 监督谈话 per subordinate 一把手 per year (SPEC §10: 1).
    pub min_per_year: u32,
    /// Longest gap between two 监督谈话, in months (SPEC §10: 12).
    pub max_interval_months: u32,
    /// Days in office during the year before B02 coverage is expected (B-R03: 90).
    pub min_tenure_days: u32,
}

impl Default for SupervisionTalkConfig {
    fn default() -> Self {
        SupervisionTalkConfig { min_per_year: 1, max_interval_months: 12, min_tenure_days: 90 }
    }
}

/// `talk.heartToHeart.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HeartToHeartConfig {
    /// 谈心谈话 per (一把手, 班子成员) pair per year (SPEC §10: 1).
    pub min_per_pair_per_year: u32,
}

impl Default for HeartToHeartConfig {
    fn default() -> Self {
        HeartToHeartConfig { min_per_pair_per_year: 1 }
    }
}

/// `talk.jjzz.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct JjzzConfig {
    /// B08 / B09 talks per subordinate 一把手 per year (SPEC §10: 1).
    pub min_per_year: u32,
}

impl Default for JjzzConfig {
    fn default() -> Self {
        JjzzConfig { min_per_year: 1 }
    }
}

/// `inquiry.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct InquiryConfig {
    /// Working days to reply to a 函询 (SPEC §10: 15).
    pub reply_working_days: u32,
}

impl Default for InquiryConfig {
    fn default() -> Self {
        InquiryConfig { reply_working_days: 15 }
    }
}

/// `geren.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct GerenConfig {
    /// Annual report deadline in year Y+1, `MM-DD` (SPEC §10: `01-31`).
    pub annual_deadline: String,
    /// Days to file a change report (SPEC §10: 30).
    pub change_report_days: u32,
    /// Days for a newly qualified cadre (SPEC §10: 30).
    pub new_appointee_days: u32,
    /// Decimals of amounts (SPEC §10: 2).
    pub amount_decimals: u32,
    /// Reference date for ages (C-R04), `YYYY-MM-DD`; absent means the submission date (today).
    pub as_of_date: Option<String>,
    /// Age above which a dependent adult child "在校就读" is questioned (C-R04: 25).
    pub student_max_age: u32,
    /// Outlier limits (SPEC §6.6).
    pub outliers: Outliers,
}

impl Default for GerenConfig {
    fn default() -> Self {
        GerenConfig {
            annual_deadline: "01-31".into(),
            change_report_days: 30,
            new_appointee_days: 30,
            amount_decimals: 2,
            as_of_date: None,
            student_max_age: 25,
            outliers: Outliers::default(),
        }
    }
}

/// Outlier warnings (SPEC §6.6), decimal strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Outliers {
    /// A single house, ㎡.
    pub house_area_m2: String,
    /// Annual salary, 万元.
    pub annual_salary_wan: String,
    /// A deposit abroad, 万.
    pub deposit_abroad_wan: String,
}

impl Default for Outliers {
    fn default() -> Self {
        Outliers { house_area_m2: "1000".into(), annual_salary_wan: "200".into(), deposit_abroad_wan: "1000".into() }
    }
}

/// `shuzhi.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ShuzhiConfig {
    /// Meeting window start in year Y, `MM-DD` (SPEC §10: `07-01`).
    pub meeting_window_start: String,
    /// Meeting window end in year Y+1, `MM-DD` (SPEC §10: `03-31`).
    pub meeting_window_end: String,
    /// Shortest narrative of the key section A5 (SPEC §10: 100).
    pub min_chars_key_section: u32,
}

impl Default for ShuzhiConfig {
    fn default() -> Self {
        ShuzhiConfig { meeting_window_start: "07-01".into(), meeting_window_end: "03-31".into(), min_chars_key_section: 100 }
    }
}

/// `msh.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MshConfig {
    /// Days before the 民主生活会 in which 谈心谈话 count as preparation (SPEC §10: 60).
    pub pre_talk_window_days: u32,
}

impl Default for MshConfig {
    fn default() -> Self {
        MshConfig { pre_talk_window_days: 60 }
    }
}

/// `uscc.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct UsccConfig {
    /// Severity of a failed check character (SPEC §10: error, overridable).
    pub check_failure: Severity,
    /// Whether the user may override a failed check ("我已核对营业执照，代码无误").
    pub allow_override: bool,
    /// Known (position 1, position 2) pairs; an unknown pair is a warning (SPEC §6.3).
    pub categories: Vec<String>,
}

impl Default for UsccConfig {
    fn default() -> Self {
        UsccConfig {
            check_failure: Severity::Error,
            allow_override: true,
            categories: [
                "11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59", "61", "62",
                "69", "71", "72", "79", "81", "82", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// `idCard.*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct IdCardConfig {
    /// What to do with a legacy 15-digit number (SPEC §6.1.6: reject).
    pub legacy15: Legacy15Policy,
    /// Oldest plausible age (SPEC §6.1.3: 120).
    pub max_age: u32,
}

impl Default for IdCardConfig {
    fn default() -> Self {
        IdCardConfig { legacy15: Legacy15Policy::Reject, max_age: 120 }
    }
}

/// Legacy 15-digit ID numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Legacy15Policy {
    /// Error "请填写18位公民身份号码".
    Reject,
    /// Accept with a warning showing the 18-digit conversion (19YY birth year).
    Convert,
}

/// Document number patterns (regular expressions on the normalised number).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct DocumentPatterns {
    /// Ordinary passports (因私), current and historical.
    pub passport: Vec<String>,
    /// Official / diplomatic passports: a warning "因公证件不属于本项".
    pub official_passport: Vec<String>,
    /// HKSAR / MSAR passports (family members).
    pub sar_passport: Vec<String>,
    /// 往来港澳通行证.
    pub hk_macau_permit: Vec<String>,
    /// 大陆居民往来台湾通行证.
    pub taiwan_permit: Vec<String>,
    /// 港澳居民来往内地通行证.
    pub hk_macau_resident_permit: Vec<String>,
    /// 台湾居民来往大陆通行证.
    pub taiwan_resident_permit: Vec<String>,
}

impl Default for DocumentPatterns {
    fn default() -> Self {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect();
        DocumentPatterns {
            passport: v(&[r"^E\d{8}$", r"^E[A-HJ-NP-Z]\d{7}$", r"^G\d{8}$", r"^1[45]\d{7}$"]),
            official_passport: v(&[r"^(PE|SE|DE)\d{7}$", r"^[PSD]\d{7,8}$"]),
            sar_passport: v(&[r"^(K\d{8}|KJ\d{7}|H\d{8})$", r"^M[AB]\d{7}$"]),
            hk_macau_permit: v(&[r"^C[0-9A-HJ-NP-Z]\d{7}$", r"^W\d{8}$"]),
            taiwan_permit: v(&[r"^L\d{8}$", r"^T\d{8}$"]),
            hk_macau_resident_permit: v(&[r"^[HM]\d{8}(\d{2})?$"]),
            taiwan_resident_permit: v(&[r"^\d{8}$", r"^[0-9A-Z]{10,12}$"]),
        }
    }
}

/// Working days: Monday to Friday, minus statutory holidays, plus 调休 working weekends. By
/// default the State Council's arrangements shipped in [`crate::holidays`] (2020 to the latest
/// published year); a host's own `holidays` / `workingWeekends` override them day by day, and
/// `official: false` leaves only the host's lists. Outside every covered year the calendar is
/// Monday to Friday, and the rules that count working days say so ([`WorkingCalendar::uncovered_year`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct WorkingCalendar {
    /// Use the shipped State Council arrangements (default true).
    pub official: bool,
    /// Days off that fall on weekdays, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// Weekend days that are working days (调休), `YYYY-MM-DD`.
    pub working_weekends: Vec<String>,
}

impl Default for WorkingCalendar {
    fn default() -> WorkingCalendar {
        WorkingCalendar { official: true, holidays: Vec::new(), working_weekends: Vec::new() }
    }
}

impl WorkingCalendar {
    /// Whether `d` is a working day: the host's lists first, then the State Council's
    /// arrangements, then Monday to Friday.
    pub fn is_working_day(&self, d: crate::date::Date) -> bool {
        if !self.holidays.is_empty() || !self.working_weekends.is_empty() {
            let s = d.to_string();
            if self.working_weekends.contains(&s) {
                return true;
            }
            if self.holidays.contains(&s) {
                return false;
            }
        }
        if self.official {
            if let Some(working) = crate::holidays::official_working_day(d) {
                return working;
            }
        }
        d.weekday() <= 5
    }

    /// The first year from `from` to `to` for which this calendar knows no holidays (neither
    /// the shipped arrangements nor a host date of that year), so that its working days are
    /// plain weekdays.
    pub fn uncovered_year(&self, from: crate::date::Date, to: crate::date::Date) -> Option<i32> {
        let host_has = |y: i32| {
            let prefix = format!("{y:04}-");
            self.holidays.iter().chain(&self.working_weekends).any(|s| s.starts_with(&prefix))
        };
        let shipped = |y: i32| self.official && crate::holidays::COVERED.contains(&y);
        (from.year()..=to.year()).find(|&y| !shipped(y) && !host_has(y))
    }

    /// The date `n` working days after `start` (the start day itself not counted).
    pub fn add_working_days(&self, start: crate::date::Date, n: u32) -> Option<crate::date::Date> {
        let mut d = start;
        let mut left = n;
        // A year has well over 200 working days; bound the walk so bad calendars cannot loop.
        let mut steps = 0u32;
        while left > 0 {
            d = d.add_days(1)?;
            steps += 1;
            if steps > n.saturating_mul(7).saturating_add(400) {
                return None;
            }
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn partial_json_keeps_spec_defaults() {
        let c = Config::from_json(r#"{"talk":{"appointment":{"maxDaysAfter":45}}}"#).unwrap();
        assert_eq!(c.talk.appointment.max_days_after, 45);
        assert_eq!(c.talk.supervision.min_per_year, 1);
        assert_eq!(c.geren.annual_deadline, "01-31");
        assert_eq!(c.uscc.check_failure, Severity::Error);
        let e = Config::from_json(r#"{"talk":{"apointment":{}}}"#).unwrap_err();
        assert!(e.contains("talk") && e.contains("apointment"), "{e}");
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let cal = WorkingCalendar {
            official: false,
            holidays: vec![
                "2025-10-01".into(),
                "2025-10-02".into(),
                "2025-10-03".into(),
                "2025-10-06".into(),
                "2025-10-07".into(),
                "2025-10-08".into(),
            ],
            working_weekends: vec!["2025-09-28".into(), "2025-10-11".into()],
        };
        let start = Date::parse("2025-09-26").unwrap(); // Friday
        assert_eq!(cal.add_working_days(start, 1).unwrap().to_string(), "2025-09-28");
        assert_eq!(cal.add_working_days(start, 3).unwrap().to_string(), "2025-09-30");
        assert_eq!(cal.add_working_days(start, 4).unwrap().to_string(), "2025-10-09");
        assert_eq!(cal.add_working_days(start, 6).unwrap().to_string(), "2025-10-11");
        let plain = WorkingCalendar::default();
        assert_eq!(plain.add_working_days(Date::parse("2026-11-26").unwrap(), 15).unwrap().to_string(), "2026-12-17");
    }

    #[test]
    fn the_official_calendar_is_the_default_and_a_host_overrides_it() {
        let d = |s: &str| Date::parse(s).unwrap();
        let official = WorkingCalendar::default();
        // Received Friday 2025-09-26: 28 Sep (Sunday) is worked, 1–8 Oct are off, 11 Oct worked.
        assert_eq!(official.add_working_days(d("2025-09-26"), 1).unwrap().to_string(), "2025-09-28");
        assert_eq!(official.add_working_days(d("2025-09-26"), 3).unwrap().to_string(), "2025-09-30");
        assert_eq!(official.add_working_days(d("2025-09-26"), 4).unwrap().to_string(), "2025-10-09");
        assert_eq!(official.add_working_days(d("2025-09-26"), 15).unwrap().to_string(), "2025-10-23");
        assert_eq!(official.uncovered_year(d("2025-09-26"), d("2025-10-23")), None);
        // A host's day overrides the shipped one (a local extra day off, a cancelled 调休).
        let host = WorkingCalendar { holidays: vec!["2025-10-09".into()], working_weekends: vec![], official: true };
        assert_eq!(host.add_working_days(d("2025-09-26"), 4).unwrap().to_string(), "2025-10-10");
        // Without the shipped data, only the host's lists and weekdays.
        let weekdays = WorkingCalendar { official: false, ..WorkingCalendar::default() };
        assert_eq!(weekdays.add_working_days(d("2025-09-26"), 4).unwrap().to_string(), "2025-10-02");
        assert_eq!(weekdays.uncovered_year(d("2025-09-26"), d("2025-10-02")), Some(2025));
        // Beyond the published years: weekdays, and the gap is reported.
        assert_eq!(official.uncovered_year(d("2026-12-20"), d("2027-01-12")), Some(2027));
        let with_2027 = WorkingCalendar { holidays: vec!["2027-01-01".into()], ..WorkingCalendar::default() };
        assert_eq!(with_2027.uncovered_year(d("2026-12-20"), d("2027-01-12")), None);
    }
}
