//! Cross-checks between records (rules/cross.rs).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Findings of the cross-checks.
    pub enum CrossCode in "cross" {
        /// X-R01: a count differs from the 谈话 records.
        TalkCountMismatch = "talk_count_mismatch" {
            zh: "{label}填报为{actual}，与谈话记录统计的{expected}不一致，请核对",
            en: "{label} is {actual} but the talk records count {expected}: please check",
        },
        /// X-R01: a count is empty although the 谈话 records have such talks.
        TalkCountMissing = "talk_count_missing" {
            zh: "谈话记录中有{expected}次，请填写{label}",
            en: "The talk records count {expected}: fill in {label}",
        },
        /// X-R01: the records cover different years (no longer emitted: `records_apart` says it;
        /// kept because codes are never reused).
        TalkYearsDiffer = "talk_years_differ" {
            zh: "述职年度（{shuzhi_year}）与谈话记录年度（{tanhua_year}）不同，未与谈话记录核对",
            en: "The report year ({shuzhi_year}) differs from the talk records' year ({tanhua_year}): not compared",
        },
        /// X-R01: a year is missing (no longer emitted: `records_apart` says it).
        TalkYearUnknown = "talk_year_unknown" {
            zh: "述职年度或谈话记录年度未填写，未与谈话记录核对",
            en: "The report year or the talk records' year is missing: not compared",
        },
        /// X-R01 / X-R02: the two records are not about the same person, or not of the right
        /// year, so nothing was compared.
        RecordsApart = "records_apart" {
            zh: "{this}与{other}不属于同一述职核对范围（{reason}），未作核对，请载入对应的记录",
            en: "{this} and {other} do not belong together ({reason}): not compared; load the matching record",
        },
        /// X-R02: the submission date differs from the 个人有关事项 report.
        SubmittedOnMismatch = "submitted_on_mismatch" {
            zh: "{label}填报为{actual}，与个人有关事项报告的提交日期{expected}不一致，请核对",
            en: "{label} is {actual} but the personal-matters report was submitted on {expected}: please check",
        },
        /// X-R02: the submission date is empty although the 个人有关事项 report has one.
        SubmittedOnMissing = "submitted_on_missing" {
            zh: "个人有关事项报告已于{expected}提交，请填写{label}",
            en: "The personal-matters report was submitted on {expected}: fill in {label}",
        },
    }
}
