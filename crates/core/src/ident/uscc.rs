//! Codes of organisations (SPEC §6.3): the 统一社会信用代码 (GB 32100-2015), the 组织机构代码
//! inside it (GB 11714-1997) and the legacy 15-digit 工商注册号 (GS 15-2006).
//!
//! Severity policy: a broken shape (length, characters) is an error, since no real code has it.
//! A failed check character is an error only for the credit code, and an overridable one, because
//! some pilot-era codes fail it (SPEC §6.3.5). The legacy 注册号's check digit is an error too
//! (C-R15 is E), overridable in the same way: 注册号 belong to closed entities whose licences the
//! user can no longer ask to have corrected, so a number checked against the licence must be
//! confirmable. The organisation-code check is a warning: early and 个体工商户 codes are known not
//! to comply (SPEC §6.3.1).

use crate::config::UsccConfig;
use crate::finding::codes::ident::IdentCode;
use crate::finding::Severity;
use crate::ident::issue::IdIssue;

/// The 31 symbols of GB 32100, in value order (no I, O, S, V, Z).
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// 3^(i−1) mod 31 for positions 1–17.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/// GB 11714 weights for the 8 body characters.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

fn value(c: u8) -> Option<u32> {
    CHARSET.iter().position(|&s| s == c).and_then(|p| u32::try_from(p).ok())
}

/// The GB 32100 check character of a 17-symbol body, `None` if the body is not 17 charset symbols.
pub(crate) fn uscc_check(body: &[u8]) -> Option<u8> {
    if body.len() != WEIGHTS.len() {
        return None;
    }
    let mut sum = 0u32;
    for (&c, &w) in body.iter().zip(WEIGHTS.iter()) {
        sum += value(c)? * w;
    }
    CHARSET.get(((31 - sum % 31) % 31) as usize).copied()
}

/// The GB 11714 check character of an 8-character body (digits, or letters A=10 … Z=35).
pub(crate) fn org_code_check(body: &[u8]) -> Option<u8> {
    if body.len() != ORG_WEIGHTS.len() {
        return None;
    }
    let mut sum = 0u32;
    for (&c, &w) in body.iter().zip(ORG_WEIGHTS.iter()) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        c => b'0' + c as u8,
    })
}

/// The ISO 7064 MOD 11,10 check digit of a 14-digit 注册号 body (SPEC §6.3.2).
pub(crate) fn reg_no_check(body: &[u8]) -> Option<u8> {
    if body.len() != 14 {
        return None;
    }
    let mut p = 10u32;
    for &c in body {
        if !c.is_ascii_digit() {
            return None;
        }
        let s = match (p + u32::from(c - b'0')) % 10 {
            0 => 10,
            s => s,
        };
        p = (2 * s) % 11;
    }
    Some(b'0' + ((11 - p) % 10) as u8)
}

/// 统一社会信用代码 (SPEC §6.3).
pub(crate) fn check_uscc(n: &str, cfg: &UsccConfig, issues: &mut Vec<IdIssue>) {
    let len = n.chars().count();
    if len != 18 {
        issues.push(IdIssue::new(IdentCode::UsccLength, Severity::Error).param("len", len.to_string()));
        return;
    }
    let mut bad: Vec<char> = Vec::new();
    for c in n.chars() {
        let ok = u8::try_from(c).ok().and_then(value).is_some();
        if !ok && !bad.contains(&c) {
            bad.push(c);
        }
    }
    if !bad.is_empty() {
        let chars = bad.iter().map(char::to_string).collect::<Vec<_>>().join("、");
        issues.push(IdIssue::new(IdentCode::UsccCharset, Severity::Error).param("chars", chars));
        return;
    }
    // All 18 characters are ASCII charset symbols now, so the string is 18 bytes.
    let Ok(b) = <&[u8; 18]>::try_from(n.as_bytes()) else { return };
    if !b[2..8].iter().all(u8::is_ascii_digit) {
        issues.push(IdIssue::new(IdentCode::UsccFormat, Severity::Error));
        return;
    }
    let category = ascii(&b[..2]);
    if !cfg.categories.contains(&category) {
        issues.push(IdIssue::new(IdentCode::UsccCategoryUnknown, Severity::Warning).param("category", category));
    }
    if let Some(expected) = uscc_check(&b[..17]) {
        if expected != b[17] {
            let mut issue = IdIssue::new(IdentCode::UsccCheckDigit, cfg.check_failure).param("expected", char::from(expected).to_string());
            issue.overridable = cfg.allow_override;
            issues.push(issue);
        }
    }
    if org_code_check(&b[8..16]) != Some(b[16]) {
        issues.push(IdIssue::new(IdentCode::UsccOrgCode, Severity::Warning).param("org_code", ascii(&b[8..17])));
    }
}

/// 组织机构代码 (SPEC §6.3.1), as entered on its own (the hyphen already stripped).
pub(crate) fn check_org_code(n: &str, issues: &mut Vec<IdIssue>) {
    let shaped = <&[u8; 9]>::try_from(n.as_bytes())
        .ok()
        .filter(|b| b[..8].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) && (b[8].is_ascii_digit() || b[8] == b'X'));
    let Some(b) = shaped else {
        issues.push(IdIssue::new(IdentCode::OrgCodeFormat, Severity::Error));
        return;
    };
    if let Some(expected) = org_code_check(&b[..8]) {
        if expected != b[8] {
            issues.push(IdIssue::new(IdentCode::OrgCodeCheckDigit, Severity::Warning).param("expected", char::from(expected).to_string()));
        }
    }
}

/// Legacy 15-digit 工商注册号 (SPEC §6.3.2).
pub(crate) fn check_reg_no(n: &str, issues: &mut Vec<IdIssue>) {
    let Some(b) = <&[u8; 15]>::try_from(n.as_bytes()).ok().filter(|b| b.iter().all(u8::is_ascii_digit)) else {
        issues.push(IdIssue::new(IdentCode::RegNoFormat, Severity::Error));
        return;
    };
    if let Some(expected) = reg_no_check(&b[..14]) {
        if expected != b[14] {
            let mut issue = IdIssue::new(IdentCode::RegNoCheckDigit, Severity::Error).param("expected", char::from(expected).to_string());
            issue.overridable = true;
            issues.push(issue);
        }
    }
}

fn ascii(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use crate::ident::uscc::*;

    fn uscc(n: &str) -> Vec<IdIssue> {
        uscc_with(n, &UsccConfig::default())
    }

    fn uscc_with(n: &str, cfg: &UsccConfig) -> Vec<IdIssue> {
        let mut issues = Vec::new();
        check_uscc(n, cfg, &mut issues);
        issues
    }

    fn codes(issues: &[IdIssue]) -> Vec<(IdentCode, Severity)> {
        issues.iter().map(|i| (i.code, i.severity)).collect()
    }

    /// A credit code whose inner organisation code and check character are both valid.
    fn complete_uscc(head: &str, org_body: &str) -> String {
        let org = org_code_check(org_body.as_bytes()).unwrap();
        let body = format!("{head}{org_body}{}", char::from(org));
        let c = uscc_check(body.as_bytes()).unwrap();
        format!("{body}{}", char::from(c))
    }

    #[test]
    fn spec_6_3_vectors() {
        assert_eq!(uscc("91350100M000100Y43"), vec![]);
        assert_eq!(uscc("91330424MA2B3C4D1J"), vec![]);
        let issues = uscc("91350100M0001TGQXM");
        // Its inner organisation code M0001TGQX is itself valid: only the GB 32100 check fails.
        assert_eq!(codes(&issues), vec![(IdentCode::UsccCheckDigit, Severity::Error)]);
        assert_eq!(issues[0].params, vec![("expected", "1".to_string())]);
        assert!(issues[0].overridable);
        assert_eq!(uscc("91350100M0001TGQX1"), vec![]);
        assert_eq!(IdentCode::UsccCheckDigit.message(crate::locale::Locale::ZhCn), "统一社会信用代码校验未通过，请核对");
    }

    #[test]
    fn check_failure_policy_comes_from_config() {
        let cfg = UsccConfig { check_failure: Severity::Warning, allow_override: false, ..UsccConfig::default() };
        let issues = uscc_with("91350100M000100Y44", &cfg);
        assert_eq!(codes(&issues), vec![(IdentCode::UsccCheckDigit, Severity::Warning)]);
        assert!(!issues[0].overridable);
        assert_eq!(issues[0].params, vec![("expected", "3".to_string())]);
    }

    #[test]
    fn table_of_uscc_cases() {
        let computed = complete_uscc("91330424", "MA2B3C4D");
        assert_eq!(computed, "91330424MA2B3C4D1J");
        let valid_org = complete_uscc("11110000", "00001234");
        let cases: &[(&str, &[(IdentCode, Severity)])] = &[
            (&valid_org, &[]),
            (&complete_uscc("52440300", "MJL12345"), &[]),
            (&complete_uscc("Y1110000", "12345678"), &[]),
            ("", &[(IdentCode::UsccLength, Severity::Error)]),
            ("91350100M000100Y4", &[(IdentCode::UsccLength, Severity::Error)]),
            ("91350100M000100Y433", &[(IdentCode::UsccLength, Severity::Error)]),
            // I, O, S, V, Z, lower case and non-ASCII are outside the charset.
            ("91350100M0001OOY43", &[(IdentCode::UsccCharset, Severity::Error)]),
            ("91350100M000100YZ3", &[(IdentCode::UsccCharset, Severity::Error)]),
            ("91350100m000100Y43", &[(IdentCode::UsccCharset, Severity::Error)]),
            ("91350100M000100Y4统", &[(IdentCode::UsccCharset, Severity::Error)]),
            // Positions 3–8 are a division code: digits only.
            ("913501A0M000100Y43", &[(IdentCode::UsccFormat, Severity::Error)]),
            // Unknown category pair 94 (工商 has only 1, 2, 3) and 2x (外交, not in the default table).
            (&complete_uscc("94350100", "M000100Y"), &[(IdentCode::UsccCategoryUnknown, Severity::Warning)]),
            (&complete_uscc("Y2110000", "00001234"), &[(IdentCode::UsccCategoryUnknown, Severity::Warning)]),
            // Both warnings and the overridable error together.
            ("94350100M000100Y41", &[(IdentCode::UsccCategoryUnknown, Severity::Warning), (IdentCode::UsccCheckDigit, Severity::Error)]),
        ];
        for (n, expected) in cases {
            assert_eq!(&codes(&uscc(n)), expected, "{n}");
        }
        let charset = uscc("91350100M0001OOY43");
        assert_eq!(charset[0].params, vec![("chars", "O".to_string())]);
        let mixed = uscc("I1350100M00010SV4Z");
        assert_eq!(mixed[0].params, vec![("chars", "I、S、V、Z".to_string())]);
    }

    #[test]
    fn inner_org_code_failure_is_a_warning_only() {
        // Body valid for GB 32100 but its positions 9–17 fail GB 11714.
        let body = "9133042412345670";
        let mut n = format!("{body}1");
        n.push(char::from(uscc_check(n.as_bytes()).unwrap()));
        assert_eq!(org_code_check(b"12345670"), Some(b'2'));
        let issues = uscc(&n);
        assert_eq!(codes(&issues), vec![(IdentCode::UsccOrgCode, Severity::Warning)]);
        assert_eq!(issues[0].params, vec![("org_code", "123456701".to_string())]);
        assert!(!issues[0].overridable);
    }

    #[test]
    fn org_codes() {
        let check = |n: &str| {
            let mut issues = Vec::new();
            check_org_code(n, &mut issues);
            codes(&issues)
        };
        for valid in ["M000100Y4", "D2143569X", "MA2B3C4D1"] {
            assert_eq!(check(valid), vec![], "{valid}");
        }
        let computed = format!("00001234{}", char::from(org_code_check(b"00001234").unwrap()));
        assert_eq!(check(&computed), vec![]);
        assert_eq!(check("D21435690"), vec![(IdentCode::OrgCodeCheckDigit, Severity::Warning)]);
        for bad in ["", "D2143569", "D2143569XX", "D2143569-X", "d2143569X", "D214356９X", "D2143569A"] {
            assert_eq!(check(bad), vec![(IdentCode::OrgCodeFormat, Severity::Error)], "{bad}");
        }
        let mut issues = Vec::new();
        check_org_code("D21435690", &mut issues);
        assert_eq!(issues[0].params, vec![("expected", "X".to_string())]);
    }

    #[test]
    fn org_code_check_maps_10_and_11() {
        // Σ mod 11 = 0 → c = 11 → '0'; Σ mod 11 = 1 → c = 10 → 'X'.
        assert_eq!(org_code_check(b"00000000"), Some(b'0'));
        assert_eq!(org_code_check(b"D2143569"), Some(b'X'));
        assert_eq!(org_code_check(b"D214356"), None);
        assert_eq!(org_code_check(b"D214356a"), None);
    }

    #[test]
    fn registration_numbers() {
        let check = |n: &str| {
            let mut issues = Vec::new();
            check_reg_no(n, &mut issues);
            codes(&issues)
        };
        assert_eq!(reg_no_check(b"11010500000000"), Some(b'4'));
        assert_eq!(check("110105000000004"), vec![]);
        assert_eq!(check("110105000000005"), vec![(IdentCode::RegNoCheckDigit, Severity::Error)]);
        for bad in ["", "11010500000000", "1101050000000040", "11010500000000X", "１10105000000004"] {
            assert_eq!(check(bad), vec![(IdentCode::RegNoFormat, Severity::Error)], "{bad}");
        }
    }
}
