//! Identifier validators (SPEC §6): 居民身份证 (GB 11643), 港澳台居民居住证, 外国人永久居留身份证,
//! 统一社会信用代码 (GB 32100), 组织机构代码 (GB 11714), the legacy 15-digit 注册号 (GS 15-2006),
//! ISO 3166-1 country and ISO 4217 currency codes.
//!
//! Every function takes an already normalised identifier (see `normalize::identifier`), pushes
//! what is wrong into `issues`, and never panics. Nothing here knows about templates or records.
//! Passport and permit numbers have no check digit: the engine matches them against the
//! patterns in `config::DocumentPatterns`.

use crate::config::{IdCardConfig, UsccConfig};
use crate::date::Date;
use crate::finding::Severity;

crate::finding_codes! {
    /// Identifier findings.
    pub enum IdentCode in "ident" {
        /// Passport / permit number matches no known series (SPEC §6.5).
        DocumentUncommon = "document_uncommon" { zh: "证件号码格式少见，请核对", en: "Unusual document number format: please check it" },
        /// An official or diplomatic passport in an item about ordinary passports (SPEC §6.4).
        OfficialPassport = "official_passport" { zh: "因公证件不属于本项", en: "Official passports do not belong in this item" },
        /// Birth date field differs from the one in the ID number (SPEC §6.1.3).
        BirthMismatch = "birth_mismatch" { zh: "出生日期与身份证号码不一致", en: "Birth date does not match the ID number" },
        /// Gender field differs from the ID number's parity (SPEC §6.1.5).
        GenderMismatch = "gender_mismatch" { zh: "性别与身份证号码不一致", en: "Gender does not match the ID number" },
        /// Not an ISO 3166-1 alpha-2 code.
        CountryUnknown = "country_unknown" { zh: "{label}不是有效的国家（地区）代码", en: "{label} is not a valid country or region code" },
        /// Not an ISO 4217 code.
        CurrencyUnknown = "currency_unknown" { zh: "{label}不是有效的币种代码", en: "{label} is not a valid currency code" },
    }
}

/// One problem with an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdIssue {
    /// Machine code.
    pub code: IdentCode,
    /// Severity.
    pub severity: Severity,
    /// Message params.
    pub params: Vec<(&'static str, String)>,
    /// The user may override it after checking (USCC check failure, SPEC §6.3).
    pub overridable: bool,
}

/// What a valid ID number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonInfo {
    /// Birth date encoded in the number.
    pub birth: Date,
    /// Gender from the sequence code's parity (odd = male), when the number encodes it.
    pub male: Option<bool>,
}

/// 居民身份证号码 (SPEC §6.1). `today` bounds the birth date.
pub fn check_id_card(_n: &str, _cfg: &IdCardConfig, _today: Date, _issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    None // IDENT-STUB
}

/// 港澳台居民居住证 (SPEC §6.2): prefix 810000 / 820000 / 830000 and MOD 11-2.
pub fn check_residence_permit(_n: &str, _today: Date, _issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    None // IDENT-STUB
}

/// 外国人永久居留身份证 (SPEC §6.2): the 18-character 2023 version (checked) or the
/// 15-character 2017 version (format only).
pub fn check_foreign_permanent_residence(_n: &str, _today: Date, _issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    None // IDENT-STUB
}

/// 统一社会信用代码 (SPEC §6.3), with the configured failure policy and category table.
pub fn check_uscc(_n: &str, _cfg: &UsccConfig, _issues: &mut Vec<IdIssue>) {
    // IDENT-STUB
}

/// 组织机构代码 (SPEC §6.3.1).
pub fn check_org_code(_n: &str, _issues: &mut Vec<IdIssue>) {
    // IDENT-STUB
}

/// Legacy 15-digit 工商注册号 (SPEC §6.3.2).
pub fn check_reg_no(_n: &str, _issues: &mut Vec<IdIssue>) {
    // IDENT-STUB
}

/// ISO 3166-1 alpha-2 (GB/T 2659), including HK, MO, TW.
pub fn is_country(_code: &str) -> bool {
    true // IDENT-STUB
}

/// ISO 4217 (GB/T 12406).
pub fn is_currency(_code: &str) -> bool {
    true // IDENT-STUB
}
