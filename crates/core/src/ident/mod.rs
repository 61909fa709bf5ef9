//! Identifier validators (SPEC §6): 居民身份证 (GB 11643), 港澳台居民居住证, 外国人永久居留身份证,
//! 统一社会信用代码 (GB 32100), 组织机构代码 (GB 11714), the legacy 15-digit 注册号 (GS 15-2006),
//! ISO 3166-1 country and ISO 4217 currency codes.
//!
//! Every function takes an already normalised identifier (see `normalize::identifier`), pushes
//! what is wrong into `issues`, and never panics. Nothing here knows about templates or records.
//! Passport and permit numbers have no check digit: `document` matches them against the
//! patterns in `config::DocumentPatterns`, and says which validator applies to which document kind.

pub mod document;
mod id_card;
mod iso;
pub(crate) mod issue;
mod uscc;

use crate::config::{IdCardConfig, UsccConfig};
use crate::date::Date;
pub use crate::finding::codes::ident::IdentCode;
pub use issue::{IdIssue, PersonInfo};

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

/// A 统一社会信用代码, or for entities closed before the USCC era a 15-digit 注册号 (told apart by
/// their shape: 15 digits are a registration number).
pub fn check_uscc_or_reg_no(n: &str, cfg: &UsccConfig, issues: &mut Vec<IdIssue>) {
    if n.len() == 15 && n.bytes().all(|b| b.is_ascii_digit()) {
        uscc::check_reg_no(n, issues);
    } else {
        uscc::check_uscc(n, cfg, issues);
    }
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
