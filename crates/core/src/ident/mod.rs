//! Identifier validators (SPEC §6): 居民身份证 (GB 11643), 港澳台居民居住证, 外国人永久居留身份证,
//! 统一社会信用代码 (GB 32100), 组织机构代码 (GB 11714), the legacy 15-digit 注册号 (GS 15-2006),
//! ISO 3166-1 country and ISO 4217 currency codes.
//!
//! Every function takes an already normalised identifier (see `normalize::identifier`), pushes
//! what is wrong into `issues`, and never panics. Nothing here knows about templates or records.
//! Passport and permit numbers have no check digit: the engine matches them against the
//! patterns in `config::DocumentPatterns`.

mod id_card;
mod iso;
mod uscc;

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
        /// An ID number that is not 18 characters long (SPEC §6.1). Param `len`.
        IdCardLength = "id_card_length" { zh: "公民身份号码应为18位（现为{len}位）", en: "The ID number must have 18 characters (it has {len})" },
        /// 18 characters, but not 17 digits followed by a digit or X (SPEC §6.1.1).
        IdCardFormat = "id_card_format" { zh: "公民身份号码格式不正确：前17位应为数字，末位为数字或X", en: "Invalid ID number: the first 17 characters must be digits and the last a digit or X" },
        /// MOD 11-2 check character wrong (SPEC §6.1.2, §7.3). Param `expected`.
        IdCardCheckDigit = "id_card_check_digit" { zh: "公民身份号码校验位错误", en: "The ID number's check digit is wrong" },
        /// First two digits are not a province code (SPEC §6.1.4). Param `province`.
        IdCardProvinceUnknown = "id_card_province_unknown" { zh: "公民身份号码前两位（{province}）不是有效的省级行政区划代码", en: "The first two digits of the ID number ({province}) are not a province code" },
        /// A legacy 15-digit number under the reject policy (SPEC §6.1.6).
        IdCardLegacy15 = "id_card_legacy15" { zh: "请填写18位公民身份号码", en: "Please enter the 18-digit ID number" },
        /// A legacy 15-digit number under the convert policy (SPEC §6.1.6). Param `converted`.
        IdCardLegacy15Converted = "id_card_legacy15_converted" { zh: "15位公民身份号码对应的18位号码为{converted}，请核对后填写18位号码", en: "This is a legacy 15-digit ID number; its 18-digit form is {converted}: please check it and enter that" },
        /// The birth date inside an ID number does not exist (SPEC §6.1.3). Param `birth`.
        IdBirthInvalid = "id_birth_invalid" { zh: "证件号码中的出生日期（{birth}）不是真实日期", en: "The birth date in the number ({birth}) is not a real date" },
        /// The birth date inside an ID number is after today (SPEC §6.1.3). Param `birth`.
        IdBirthFuture = "id_birth_future" { zh: "证件号码中的出生日期（{birth}）晚于今天", en: "The birth date in the number ({birth}) is after today" },
        /// The birth date inside an ID number means an age above the configured maximum (SPEC §6.1.3). Params `birth`, `max_age`.
        IdAgeImplausible = "id_age_implausible" { zh: "证件号码中的出生日期（{birth}）不合理：年龄超过{max_age}岁", en: "The birth date in the number ({birth}) is implausible: older than {max_age}" },
        /// A 港澳台居民居住证 number without the 810000 / 820000 / 830000 prefix (SPEC §6.2). Param `prefix`.
        ResidencePermitPrefix = "residence_permit_prefix" { zh: "港澳台居民居住证号码应以810000、820000或830000开头", en: "A residence permit number for Hong Kong, Macao and Taiwan residents starts with 810000, 820000 or 830000" },
        /// Neither the 18-character nor the 15-character 外国人永久居留身份证 layout (SPEC §6.2).
        ForeignPrFormat = "foreign_pr_format" { zh: "外国人永久居留身份证号码格式不正确：应为以9开头的18位号码，或3个字母加12位数字", en: "Invalid foreign permanent residence ID number: 18 characters starting with 9, or 3 letters and 12 digits" },
        /// MOD 11-2 check character of an 18-character 外国人永久居留身份证 wrong (SPEC §6.2). Param `expected`.
        ForeignPrCheckDigit = "foreign_pr_check_digit" { zh: "外国人永久居留身份证号码校验位错误", en: "The foreign permanent residence ID number's check digit is wrong" },
        /// A credit code that is not 18 characters long (SPEC §6.3). Param `len`.
        UsccLength = "uscc_length" { zh: "统一社会信用代码应为18位（现为{len}位）", en: "The unified social credit code must have 18 characters (it has {len})" },
        /// Characters outside the 31-symbol charset (SPEC §6.3.1). Param `chars`.
        UsccCharset = "uscc_charset" { zh: "统一社会信用代码含有无效字符{chars}（代码不使用I、O、S、V、Z）", en: "The unified social credit code contains invalid characters {chars} (codes never use I, O, S, V, Z)" },
        /// Positions 3–8 (the division code) are not digits (SPEC §6.3.2).
        UsccFormat = "uscc_format" { zh: "统一社会信用代码格式不正确：第3至8位应为行政区划码（数字）", en: "Invalid unified social credit code: characters 3 to 8 must be a division code (digits)" },
        /// Check character wrong (SPEC §6.3.4, §7.3); severity and override from `UsccConfig`. Param `expected`.
        UsccCheckDigit = "uscc_check_digit" { zh: "统一社会信用代码校验未通过，请核对", en: "The unified social credit code failed its check: please verify it" },
        /// (Position 1, position 2) not in the configured category table (SPEC §6.3.6). Param `category`.
        UsccCategoryUnknown = "uscc_category_unknown" { zh: "统一社会信用代码前两位（{category}）不是常见的登记管理部门和机构类别代码，请核对", en: "The first two characters of the credit code ({category}) are not a usual registration and category code: please check" },
        /// Positions 9–17 fail the GB 11714 organisation-code check (SPEC §6.3.1). Param `org_code`.
        UsccOrgCode = "uscc_org_code" { zh: "统一社会信用代码第9至17位（组织机构代码{org_code}）校验未通过，请核对", en: "Characters 9 to 17 of the credit code (organisation code {org_code}) fail their check: please verify" },
        /// Not 8 digits or upper-case letters plus a digit or X (SPEC §6.3.1).
        OrgCodeFormat = "org_code_format" { zh: "组织机构代码格式不正确：应为8位数字或大写字母加1位校验码", en: "Invalid organisation code: 8 digits or capital letters and a check character" },
        /// GB 11714 check character wrong (SPEC §6.3.1). Param `expected`.
        OrgCodeCheckDigit = "org_code_check_digit" { zh: "组织机构代码校验未通过，请核对", en: "The organisation code failed its check: please verify it" },
        /// Not 15 digits (SPEC §6.3.2).
        RegNoFormat = "reg_no_format" { zh: "注册号应为15位数字", en: "The registration number must be 15 digits" },
        /// MOD 11,10 check digit wrong (SPEC §6.3.2). Param `expected`.
        RegNoCheckDigit = "reg_no_check_digit" { zh: "注册号校验未通过，请核对", en: "The registration number failed its check: please verify it" },
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

impl IdIssue {
    /// An issue without params, not overridable.
    pub fn new(code: IdentCode, severity: Severity) -> IdIssue {
        IdIssue { code, severity, params: Vec::new(), overridable: false }
    }

    /// Adds a message param.
    pub fn param(mut self, key: &'static str, value: impl Into<String>) -> IdIssue {
        self.params.push((key, value.into()));
        self
    }
}

/// What a valid ID number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonInfo {
    /// Birth date encoded in the number.
    pub birth: Date,
    /// Gender from the sequence code's parity (odd = male), when the number encodes it.
    pub male: Option<bool>,
}

/// 居民身份证号码 (SPEC §6.1): length, shape, province, birth date (real, not after `today`,
/// age ≤ `cfg.max_age`) and the MOD 11-2 check character; a 15-digit number follows
/// `cfg.legacy15`. Returns the holder's birth date and gender only when no error was found
/// (a converted 15-digit number, which raises only a warning, also returns them).
pub fn check_id_card(n: &str, cfg: &IdCardConfig, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    id_card::check_id_card(n, cfg, today, issues)
}

/// 港澳台居民居住证 (SPEC §6.2): prefix 810000 / 820000 / 830000, a real birth date not after
/// `today`, and MOD 11-2. Returns birth date and gender only when no error was found.
pub fn check_residence_permit(n: &str, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    id_card::check_residence_permit(n, today, issues)
}

/// 外国人永久居留身份证 (SPEC §6.2): the 18-character 2023 version (checked; returns the birth
/// date, gender unknown) or the 15-character 2017 version (format only; returns `None`).
pub fn check_foreign_permanent_residence(n: &str, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    id_card::check_foreign_permanent_residence(n, today, issues)
}

/// 统一社会信用代码 (SPEC §6.3), with the configured failure policy and category table. The
/// inner organisation code is checked as a warning.
pub fn check_uscc(n: &str, cfg: &UsccConfig, issues: &mut Vec<IdIssue>) {
    uscc::check_uscc(n, cfg, issues)
}

/// 组织机构代码 (SPEC §6.3.1): a wrong shape is an error, a failed check character a warning.
pub fn check_org_code(n: &str, issues: &mut Vec<IdIssue>) {
    uscc::check_org_code(n, issues)
}

/// Legacy 15-digit 工商注册号 (SPEC §6.3.2): a wrong shape is an error, a failed check digit a
/// warning.
pub fn check_reg_no(n: &str, issues: &mut Vec<IdIssue>) {
    uscc::check_reg_no(n, issues)
}

/// ISO 3166-1 alpha-2 (GB/T 2659), including HK, MO, TW. Upper case only, as stored.
pub fn is_country(code: &str) -> bool {
    iso::is_country(code)
}

/// ISO 4217 (GB/T 12406) codes in use. Upper case only, as stored.
pub fn is_currency(code: &str) -> bool {
    iso::is_currency(code)
}

/// The ISO 3166-1 code of a country or region written by its Chinese short name (中国, 美国),
/// its full or official name (香港特别行政区), its English name or its code; `None` when unknown.
/// For the widget's country input, which can suggest the code for what was typed.
pub fn country_code(name: &str) -> Option<&'static str> {
    iso::country_code(name)
}

/// Every accepted country or region code with its Chinese and English display names, sorted by code.
pub fn iso_country_names() -> &'static [(&'static str, &'static str, &'static str)] {
    iso::country_names()
}

/// Every ISO 3166-1 country code and ISO 4217 currency code the validators accept (`accountability-checklist iso`).
pub fn iso_tables() -> (&'static [&'static str], &'static [&'static str]) {
    iso::tables()
}

/// The display name of a common country or region code; HK, MO and TW are named 中国香港,
/// 中国澳门, 中国台湾 (SPEC §6.7). `None` for codes outside the name table.
pub fn country_name(code: &str, locale: crate::locale::Locale) -> Option<&'static str> {
    iso::country_name(code, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;
    use proptest::prelude::*;

    #[test]
    fn codes_are_in_the_ident_group_with_full_width_chinese() {
        for code in IdentCode::ALL {
            assert!(code.as_str().starts_with("ident."), "{}", code.as_str());
            assert_eq!(IdentCode::parse(code.as_str()), Some(*code));
            let zh = code.message(Locale::ZhCn);
            assert!(!zh.is_empty() && !code.message(Locale::En).is_empty());
            // GB/T 15834: no half-width punctuation in Chinese prose.
            assert!(!zh.contains([',', ':', ';', '(', ')', '!', '?']), "{zh}");
        }
        assert_eq!(IdentCode::IdCardCheckDigit.as_str(), "ident.id_card_check_digit");
    }

    fn today() -> Date {
        Date::new(2025, 6, 1).unwrap()
    }

    fn run_all(s: &str) {
        let mut issues = Vec::new();
        let convert = IdCardConfig { legacy15: crate::config::Legacy15Policy::Convert, ..IdCardConfig::default() };
        check_id_card(s, &IdCardConfig::default(), today(), &mut issues);
        check_id_card(s, &convert, today(), &mut issues);
        check_residence_permit(s, today(), &mut issues);
        check_foreign_permanent_residence(s, today(), &mut issues);
        check_uscc(s, &UsccConfig::default(), &mut issues);
        check_org_code(s, &mut issues);
        check_reg_no(s, &mut issues);
        is_country(s);
        is_currency(s);
        country_name(s, Locale::En);
    }

    fn has(issues: &[IdIssue], code: IdentCode) -> bool {
        issues.iter().any(|i| i.code == code)
    }

    const USCC_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_strings_never_panic(s in any::<String>()) {
            run_all(&s);
        }

        #[test]
        fn identifier_shaped_strings_never_panic(s in "[0-9A-Z×Ｘ统\u{10000}]{0,20}") {
            run_all(&s);
        }

        #[test]
        fn mod11_2_check_char_validates_and_others_fail(body in "[0-9]{17}") {
            let good = id_card::mod11_2_check(body.as_bytes()).unwrap();
            for c in "0123456789X".bytes() {
                let n = format!("{body}{}", char::from(c));
                let mut issues = Vec::new();
                check_id_card(&n, &IdCardConfig::default(), today(), &mut issues);
                prop_assert_eq!(has(&issues, IdentCode::IdCardCheckDigit), c != good, "{}", n);
                let mut issues = Vec::new();
                check_residence_permit(&n, today(), &mut issues);
                prop_assert_eq!(has(&issues, IdentCode::IdCardCheckDigit), c != good, "{}", n);
            }
        }

        #[test]
        fn valid_bodies_give_valid_numbers(
            province in proptest::sample::select(vec!["11", "32", "44", "65", "71", "81"]),
            county in "[0-9]{4}",
            days in 0i64..36_000,
            seq in "[0-9]{3}",
        ) {
            let birth = today().add_days(-days).unwrap();
            let body = format!("{province}{county}{:04}{:02}{:02}{seq}", birth.year(), birth.month(), birth.day());
            let n = format!("{body}{}", char::from(id_card::mod11_2_check(body.as_bytes()).unwrap()));
            let mut issues = Vec::new();
            let info = check_id_card(&n, &IdCardConfig::default(), today(), &mut issues);
            prop_assert!(issues.is_empty(), "{} {:?}", n, issues);
            prop_assert_eq!(info.map(|i| i.birth), Some(birth));
        }

        #[test]
        fn uscc_check_char_validates_and_others_fail(
            head in proptest::collection::vec(proptest::sample::select(USCC_CHARSET.as_bytes().to_vec()), 2),
            division in "[0-9]{6}",
            tail in proptest::collection::vec(proptest::sample::select(USCC_CHARSET.as_bytes().to_vec()), 9),
        ) {
            let body = format!("{}{division}{}", String::from_utf8(head).unwrap(), String::from_utf8(tail).unwrap());
            let good = uscc::uscc_check(body.as_bytes()).unwrap();
            for c in USCC_CHARSET.bytes() {
                let n = format!("{body}{}", char::from(c));
                let mut issues = Vec::new();
                check_uscc(&n, &UsccConfig::default(), &mut issues);
                prop_assert_eq!(has(&issues, IdentCode::UsccCheckDigit), c != good, "{}", n);
                prop_assert!(issues.iter().all(|i| i.code != IdentCode::UsccCheckDigit || i.overridable));
            }
        }

        #[test]
        fn org_code_check_char_validates_and_others_fail(body in "[0-9A-Z]{8}") {
            let good = uscc::org_code_check(body.as_bytes()).unwrap();
            for c in "0123456789X".bytes() {
                let mut issues = Vec::new();
                check_org_code(&format!("{body}{}", char::from(c)), &mut issues);
                prop_assert_eq!(has(&issues, IdentCode::OrgCodeCheckDigit), c != good);
                prop_assert!(!has(&issues, IdentCode::OrgCodeFormat));
            }
        }

        #[test]
        fn reg_no_check_digit_validates_and_others_fail(body in "[0-9]{14}") {
            let good = uscc::reg_no_check(body.as_bytes()).unwrap();
            for c in b'0'..=b'9' {
                let mut issues = Vec::new();
                check_reg_no(&format!("{body}{}", char::from(c)), &mut issues);
                prop_assert_eq!(has(&issues, IdentCode::RegNoCheckDigit), c != good);
            }
        }
    }
}
