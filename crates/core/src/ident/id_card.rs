//! Personal ID numbers in the GB 11643 layout (SPEC §6.1–§6.2): 居民身份证, 港澳台居民居住证 and
//! the 2023 外国人永久居留身份证. All three share the 18-character layout (region + birth date +
//! sequence + check) and the ISO 7064 MOD 11-2 check character, so they share one parser here.
//!
//! A number only yields a [`PersonInfo`] when this module found no error in it: a birth date
//! read from a number with a wrong check character may itself be the typo, and cross-checking it
//! against the `birthDate` field would blame the wrong field.

use crate::config::{IdCardConfig, Legacy15Policy};
use crate::date::Date;
use crate::finding::codes::ident::IdentCode;
use crate::finding::Severity;
use crate::ident::issue::{IdIssue, PersonInfo};

/// Weights of positions 1–17, 2^(18−i) mod 11 (SPEC §6.1.2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// `r → check character`, indexed by the weighted sum mod 11.
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// Province-level codes accepted as the first two digits (SPEC §6.1.4). Only the province is
/// checked: codes of abolished counties stay valid on old cards.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    83,
];

/// Prefixes of 港澳台居民居住证 numbers: Hong Kong, Macao, Taiwan (SPEC §6.2).
const RESIDENCE_PERMIT_PREFIXES: [&[u8; 6]; 3] = [b"810000", b"820000", b"830000"];

/// The MOD 11-2 check character of a 17-digit body, or `None` unless `body` is 17 ASCII digits.
pub(crate) fn mod11_2_check(body: &[u8]) -> Option<u8> {
    if body.len() != WEIGHTS.len() {
        return None;
    }
    let mut sum = 0u32;
    for (&b, &w) in body.iter().zip(WEIGHTS.iter()) {
        if !b.is_ascii_digit() {
            return None;
        }
        sum += u32::from(b - b'0') * w;
    }
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// 居民身份证号码 (SPEC §6.1).
pub(crate) fn check_id_card(n: &str, cfg: &IdCardConfig, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    let start = issues.len();
    if n.chars().count() == 15 {
        return legacy15(n, cfg, today, issues);
    }
    let b = eighteen(n, issues)?;
    check_province([b[0], b[1]], issues);
    let birth = check_birth(&b[6..14], today, Some(cfg.max_age), issues);
    check_char(b, IdentCode::IdCardCheckDigit, issues);
    person(issues, start, birth, Some(is_odd(b[16])))
}

/// 港澳台居民居住证 (SPEC §6.2). The number is a 公民身份号码 in all but its region code, so it
/// reuses the ID-card codes for length, format and check character. There is no age bound:
/// the configured maximum age is not passed to this function.
pub(crate) fn check_residence_permit(n: &str, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    let start = issues.len();
    let b = eighteen(n, issues)?;
    let prefix = [b[0], b[1], b[2], b[3], b[4], b[5]];
    if !RESIDENCE_PERMIT_PREFIXES.iter().any(|p| **p == prefix) {
        issues.push(IdIssue::new(IdentCode::ResidencePermitPrefix, Severity::Error).param("prefix", ascii(&prefix)));
    }
    let birth = check_birth(&b[6..14], today, None, issues);
    check_char(b, IdentCode::IdCardCheckDigit, issues);
    person(issues, start, birth, Some(is_odd(b[16])))
}

/// 外国人永久居留身份证 (SPEC §6.2). The 2023 version is `9` + province (2) + nationality (3) +
/// birth date (8) + sequence (3) + check (1) and is checked with MOD 11-2; its province and
/// nationality parts are [GK] and left unchecked, and it does not say whether the sequence parity
/// encodes gender, so `male` is `None`. The 15-character 2017 version (3 letters + 12 digits)
/// is checked for format only and yields no `PersonInfo`.
pub(crate) fn check_foreign_permanent_residence(n: &str, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    let start = issues.len();
    let format_error = |issues: &mut Vec<IdIssue>| issues.push(IdIssue::new(IdentCode::ForeignPrFormat, Severity::Error));
    let bytes = n.as_bytes();
    if let Ok(b) = <&[u8; 15]>::try_from(bytes) {
        if !(b[..3].iter().all(u8::is_ascii_uppercase) && b[3..].iter().all(u8::is_ascii_digit)) {
            format_error(issues);
        }
        return None;
    }
    let Ok(b) = <&[u8; 18]>::try_from(bytes) else {
        format_error(issues);
        return None;
    };
    if b[0] != b'9' || !is_gb11643_shape(b) {
        format_error(issues);
        return None;
    }
    let birth = check_birth(&b[6..14], today, None, issues);
    check_char(b, IdentCode::ForeignPrCheckDigit, issues);
    person(issues, start, birth, None)
}

/// A legacy 15-digit number (GB 11643-1989: region + YYMMDD + sequence, no check character).
fn legacy15(n: &str, cfg: &IdCardConfig, today: Date, issues: &mut Vec<IdIssue>) -> Option<PersonInfo> {
    let start = issues.len();
    let Some(b) = <&[u8; 15]>::try_from(n.as_bytes()).ok().filter(|b| b.iter().all(u8::is_ascii_digit)) else {
        issues.push(IdIssue::new(IdentCode::IdCardFormat, Severity::Error));
        return None;
    };
    if cfg.legacy15 == Legacy15Policy::Reject {
        issues.push(IdIssue::new(IdentCode::IdCardLegacy15, Severity::Error));
        return None;
    }
    // GB 11643-1999 升位: insert the century 19 before YYMMDD, then append the check character.
    let mut full = [0u8; 18];
    full[..6].copy_from_slice(&b[..6]);
    full[6..8].copy_from_slice(b"19");
    full[8..17].copy_from_slice(&b[6..]);
    full[17] = mod11_2_check(&full[..17])?;
    check_province([b[0], b[1]], issues);
    let birth = check_birth(&full[6..14], today, Some(cfg.max_age), issues);
    let info = person(issues, start, birth, Some(is_odd(b[14])))?;
    issues.push(IdIssue::new(IdentCode::IdCardLegacy15Converted, Severity::Warning).param("converted", ascii(&full)));
    Some(info)
}

/// The 18 bytes of a number shaped `17 digits + digit or X`, or the length / format issue.
fn eighteen<'a>(n: &'a str, issues: &mut Vec<IdIssue>) -> Option<&'a [u8; 18]> {
    let len = n.chars().count();
    if len != 18 {
        issues.push(IdIssue::new(IdentCode::IdCardLength, Severity::Error).param("len", len.to_string()));
        return None;
    }
    // 18 characters but not 18 bytes means a non-ASCII character: a format problem.
    match <&[u8; 18]>::try_from(n.as_bytes()) {
        Ok(b) if is_gb11643_shape(b) => Some(b),
        _ => {
            issues.push(IdIssue::new(IdentCode::IdCardFormat, Severity::Error));
            None
        }
    }
}

fn is_gb11643_shape(b: &[u8; 18]) -> bool {
    b[..17].iter().all(u8::is_ascii_digit) && (b[17].is_ascii_digit() || b[17] == b'X')
}

fn check_province(digits: [u8; 2], issues: &mut Vec<IdIssue>) {
    let code = digits.iter().fold(0u8, |acc, &d| acc.wrapping_mul(10).wrapping_add(d.wrapping_sub(b'0')));
    if !PROVINCES.contains(&code) {
        issues.push(IdIssue::new(IdentCode::IdCardProvinceUnknown, Severity::Error).param("province", ascii(&digits)));
    }
}

/// Reads `YYYYMMDD` and checks that the day exists, is not after `today` and, when `max_age` is
/// given, is at most that many years ago. The century is not checked on its own: a year outside
/// 18xx–20xx fails the future or age test anyway.
fn check_birth(digits: &[u8], today: Date, max_age: Option<u32>, issues: &mut Vec<IdIssue>) -> Option<Date> {
    let text = ascii(digits);
    let num =
        |r: std::ops::Range<usize>| digits.get(r).map(|d| d.iter().fold(0u32, |acc, &c| acc * 10 + u32::from(c.wrapping_sub(b'0') % 10)));
    let date = match (num(0..4), num(4..6), num(6..8)) {
        (Some(y), Some(m), Some(d)) if digits.len() == 8 => Date::new(y as i32, m, d),
        _ => None,
    };
    let Some(date) = date else {
        issues.push(IdIssue::new(IdentCode::IdBirthInvalid, Severity::Error).param("birth", text));
        return None;
    };
    if date > today {
        issues.push(IdIssue::new(IdentCode::IdBirthFuture, Severity::Error).param("birth", text));
        return None;
    }
    if let Some(max) = max_age {
        if i64::from(date.age_on(today)) > i64::from(max) {
            issues.push(IdIssue::new(IdentCode::IdAgeImplausible, Severity::Error).param("birth", text).param("max_age", max.to_string()));
            return None;
        }
    }
    Some(date)
}

fn check_char(b: &[u8; 18], code: IdentCode, issues: &mut Vec<IdIssue>) {
    if let Some(expected) = mod11_2_check(&b[..17]) {
        if expected != b[17] {
            issues.push(IdIssue::new(code, Severity::Error).param("expected", char::from(expected).to_string()));
        }
    }
}

/// `PersonInfo` only when no error was pushed since `start` (see the module docs).
fn person(issues: &[IdIssue], start: usize, birth: Option<Date>, male: Option<bool>) -> Option<PersonInfo> {
    let failed = issues.get(start..).is_some_and(|new| new.iter().any(|i| i.severity == Severity::Error));
    if failed {
        return None;
    }
    Some(PersonInfo { birth: birth?, male })
}

fn is_odd(digit: u8) -> bool {
    digit.wrapping_sub(b'0') % 2 == 1
}

fn ascii(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use crate::ident::id_card::*;

    fn today() -> Date {
        Date::new(2025, 6, 1).unwrap()
    }

    fn codes(issues: &[IdIssue]) -> Vec<(IdentCode, Severity)> {
        issues.iter().map(|i| (i.code, i.severity)).collect()
    }

    fn id(n: &str) -> (Option<PersonInfo>, Vec<IdIssue>) {
        id_with(n, &IdCardConfig::default())
    }

    fn id_with(n: &str, cfg: &IdCardConfig) -> (Option<PersonInfo>, Vec<IdIssue>) {
        let mut issues = Vec::new();
        let info = check_id_card(n, cfg, today(), &mut issues);
        (info, issues)
    }

    /// Builds a valid number from a 17-digit body with the algorithm under test.
    fn complete(body: &str) -> String {
        let c = mod11_2_check(body.as_bytes()).unwrap();
        format!("{body}{}", char::from(c))
    }

    #[test]
    fn spec_6_1_valid_vectors() {
        let old_enough = IdCardConfig { max_age: 200, ..IdCardConfig::default() };
        for n in ["11010519491231002X", "440524188001010014", "110105198001010016", "32010619751231002X"] {
            let (info, issues) = id_with(n, &old_enough);
            assert!(issues.is_empty(), "{n}: {issues:?}");
            assert!(info.is_some(), "{n}");
        }
        let (info, _) = id("11010519491231002X");
        assert_eq!(info, Some(PersonInfo { birth: Date::new(1949, 12, 31).unwrap(), male: Some(false) }));
        let (info, _) = id("110105198001010016");
        assert_eq!(info, Some(PersonInfo { birth: Date::new(1980, 1, 1).unwrap(), male: Some(true) }));
    }

    #[test]
    fn spec_vector_born_1880_fails_default_age_bound() {
        // SPEC §6.1 lists 440524188001010014 as valid, but §6.1.3 bounds the age at 120: the check
        // character passes and only the age bound (max_age 120) objects.
        let (info, issues) = id("440524188001010014");
        assert_eq!(codes(&issues), vec![(IdentCode::IdAgeImplausible, Severity::Error)]);
        assert_eq!(issues[0].params, vec![("birth", "18800101".to_string()), ("max_age", "120".to_string())]);
        assert_eq!(info, None);
    }

    #[test]
    fn spec_6_1_invalid_vectors() {
        let (info, issues) = id("330482199002290042");
        assert_eq!(codes(&issues), vec![(IdentCode::IdBirthInvalid, Severity::Error)]);
        assert_eq!(info, None);

        let (info, issues) = id("110101199003071234");
        assert_eq!(codes(&issues), vec![(IdentCode::IdCardCheckDigit, Severity::Error)]);
        assert_eq!(issues[0].params, vec![("expected", "3".to_string())]);
        assert_eq!(info, None);
        assert!(id("110101199003071233").1.is_empty());
    }

    #[test]
    fn table_of_id_card_cases() {
        let cases: &[(&str, &[IdentCode])] = &[
            ("", &[IdentCode::IdCardLength]),
            ("11010519491231002", &[IdentCode::IdCardLength]),
            ("11010519491231002XX", &[IdentCode::IdCardLength]),
            ("1101051949123100２X", &[IdentCode::IdCardFormat]),
            ("11010519491231002x", &[IdentCode::IdCardFormat]),
            ("1101051949123100X2", &[IdentCode::IdCardFormat]),
            ("110105194912310021", &[IdentCode::IdCardCheckDigit]),
            // Province 99 does not exist; 16 (a gap in the list) neither.
            (&complete("99010519491231002"), &[IdentCode::IdCardProvinceUnknown]),
            (&complete("16010519491231002"), &[IdentCode::IdCardProvinceUnknown]),
            // Taiwan, Hong Kong, Macao province codes are accepted.
            (&complete("71000019800101001"), &[]),
            (&complete("81000019800101001"), &[]),
            (&complete("82000019800101001"), &[]),
            (&complete("83000019800101001"), &[]),
            // Leap years: 2000-02-29 exists, 1900-02-29 does not, month 13 and day 00 do not.
            (&complete("11010520000229001"), &[]),
            (&complete("11010519000229001"), &[IdentCode::IdBirthInvalid]),
            (&complete("11010519801301001"), &[IdentCode::IdBirthInvalid]),
            (&complete("11010519800100001"), &[IdentCode::IdBirthInvalid]),
            (&complete("11010500000101001"), &[IdentCode::IdBirthInvalid]),
            // Born after today (2025-06-01); today itself is fine.
            (&complete("11010520250602001"), &[IdentCode::IdBirthFuture]),
            (&complete("11010520250601001"), &[]),
            // Age: exactly 120 passes, 121 fails.
            (&complete("11010519050601001"), &[]),
            (&complete("11010519040601001"), &[IdentCode::IdAgeImplausible]),
            // Several independent problems are all reported.
            ("990105199002290041", &[IdentCode::IdCardProvinceUnknown, IdentCode::IdBirthInvalid, IdentCode::IdCardCheckDigit]),
        ];
        for (n, expected) in cases {
            let (info, issues) = id(n);
            let got: Vec<IdentCode> = issues.iter().map(|i| i.code).collect();
            assert_eq!(&got, expected, "{n}");
            assert!(issues.iter().all(|i| i.severity == Severity::Error && !i.overridable), "{n}");
            assert_eq!(info.is_some(), expected.is_empty(), "{n}");
        }
        assert_eq!(id("11010519491231002").1[0].params, vec![("len", "17".to_string())]);
    }

    #[test]
    fn gender_follows_the_17th_digit() {
        for (seq, male) in [("001", true), ("002", false), ("019", true), ("990", false)] {
            let (info, issues) = id(&complete(&format!("32010619751231{seq}")));
            assert!(issues.is_empty());
            assert_eq!(info.unwrap().male, Some(male), "{seq}");
        }
    }

    #[test]
    fn legacy_15_digit_reject_and_convert() {
        let (info, issues) = id("110105491231002");
        assert_eq!(codes(&issues), vec![(IdentCode::IdCardLegacy15, Severity::Error)]);
        assert_eq!(IdentCode::IdCardLegacy15.message(crate::locale::Locale::ZhCn), "请填写18位公民身份号码");
        assert_eq!(info, None);

        let convert = IdCardConfig { legacy15: Legacy15Policy::Convert, ..IdCardConfig::default() };
        let (info, issues) = id_with("110105491231002", &convert);
        assert_eq!(codes(&issues), vec![(IdentCode::IdCardLegacy15Converted, Severity::Warning)]);
        // The standard's own example: 110105491231002 becomes 11010519491231002X.
        assert_eq!(issues[0].params, vec![("converted", "11010519491231002X".to_string())]);
        assert_eq!(info, Some(PersonInfo { birth: Date::new(1949, 12, 31).unwrap(), male: Some(false) }));

        let (info, issues) = id_with("110105900229004", &convert);
        assert_eq!(codes(&issues), vec![(IdentCode::IdBirthInvalid, Severity::Error)]);
        assert_eq!(info, None);
        let (_, issues) = id_with("990105491231002", &convert);
        assert_eq!(codes(&issues), vec![(IdentCode::IdCardProvinceUnknown, Severity::Error)]);
        for policy in [Legacy15Policy::Reject, Legacy15Policy::Convert] {
            let cfg = IdCardConfig { legacy15: policy, ..IdCardConfig::default() };
            let (_, issues) = id_with("11010549123100X", &cfg);
            assert_eq!(codes(&issues), vec![(IdentCode::IdCardFormat, Severity::Error)]);
        }
    }

    #[test]
    fn residence_permits() {
        let check = |n: &str| {
            let mut issues = Vec::new();
            let info = check_residence_permit(n, today(), &mut issues);
            (info, issues.iter().map(|i| i.code).collect::<Vec<_>>())
        };
        // SPEC §6.2 vectors.
        let (info, got) = check("810000199408230021");
        assert!(got.is_empty(), "{got:?}");
        assert_eq!(info, Some(PersonInfo { birth: Date::new(1994, 8, 23).unwrap(), male: Some(false) }));
        assert_eq!(check("830000199201300022").1, vec![]);
        assert_eq!(check(&complete("82000019851111001")).1, vec![]);
        assert_eq!(check("810000199408230022").1, vec![IdentCode::IdCardCheckDigit]);
        // A mainland ID number is not a residence permit number.
        assert_eq!(check("11010519491231002X").1, vec![IdentCode::ResidencePermitPrefix]);
        assert_eq!(check(&complete("81000119940823002")).1, vec![IdentCode::ResidencePermitPrefix]);
        assert_eq!(check(&complete("81000019940230002")).1, vec![IdentCode::IdBirthInvalid]);
        assert_eq!(check(&complete("81000020300101002")).1, vec![IdentCode::IdBirthFuture]);
        assert_eq!(check("8100001994082300").1, vec![IdentCode::IdCardLength]);
        assert_eq!(check("81000019940823002A").1, vec![IdentCode::IdCardFormat]);
    }

    #[test]
    fn foreign_permanent_residence() {
        let check = |n: &str| {
            let mut issues = Vec::new();
            let info = check_foreign_permanent_residence(n, today(), &mut issues);
            (info, issues.iter().map(|i| (i.code, i.severity)).collect::<Vec<_>>())
        };
        let valid = complete("93115619850312001");
        let (info, got) = check(&valid);
        assert!(got.is_empty(), "{got:?}");
        assert_eq!(info, Some(PersonInfo { birth: Date::new(1985, 3, 12).unwrap(), male: None }));
        let mut wrong = valid[..17].to_string();
        wrong.push(if valid.ends_with('0') { '1' } else { '0' });
        assert_eq!(check(&wrong).1, vec![(IdentCode::ForeignPrCheckDigit, Severity::Error)]);
        assert_eq!(check(&complete("93115619850230001")).1, vec![(IdentCode::IdBirthInvalid, Severity::Error)]);
        // 2017 version: 3 letters + 12 digits, format only.
        assert_eq!(check("USA310085031201"), (None, vec![]));
        for bad in ["US3310085031201", "USA31008503120X", "11010519491231002X", "9311561985031200", "", "ÜSA310085031201"] {
            assert_eq!(check(bad).1, vec![(IdentCode::ForeignPrFormat, Severity::Error)], "{bad}");
        }
    }
}
