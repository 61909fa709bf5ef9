//! The pattern matcher (src/pattern.rs) against regex-lite, which it replaced in the widget: the
//! same patterns compile, and every text matches or not alike. regex-lite is a dev-dependency
//! only, for this comparison.

use checklist_core::pattern::Pattern;
use proptest::prelude::*;

/// The configured document patterns, the built-in templates' patterns, and syntax corners.
const PATTERNS: &[&str] = &[
    r"^E\d{8}$",
    r"^E[A-HJ-NP-Z]\d{7}$",
    r"^G\d{8}$",
    r"^1[45]\d{7}$",
    r"^(PE|SE|DE)\d{7}$",
    r"^[PSD]\d{7,8}$",
    r"^(K\d{8}|KJ\d{7}|H\d{8})$",
    r"^M[AB]\d{7}$",
    r"^C[0-9A-HJ-NP-Z]\d{7}$",
    r"^W\d{8}$",
    r"^L\d{8}$",
    r"^T\d{8}$",
    r"^[HM]\d{8}(\d{2})?$",
    r"^\d{8}$",
    r"^[0-9A-Z]{10,12}$",
    r"^[^#]*$",
    r"^\d{6}$",
    r"a",
    r"ab|c",
    r"^a*$",
    r"^(a|b)*c$",
    r"^(?:ab)+$",
    r"a{2,}",
    r"^a{1,3}b?$",
    r"^.$",
    r"^\w+\s*\d?$",
    r"[^a-c]",
    r"\D\S\W",
    r"^[\d\s]+$",
    r"^[a\-z]$",
    r"^[-z]+$",
    r"x$",
    r"^$",
    r"",
    r"^(a*)*b$",
    r"^(ab|a)(bc|c)$",
    r"\.",
    r"^[一-龥]+$",
    r"^a+?$",
    r"(x|y|)z",
];

fn alphabet() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a', 'b', 'c', 'x', 'y', 'z', '0', '1', '9', 'E', 'H', 'K', 'J', 'P', 'S', 'D', 'M', '#', '.', '-', ' ', '\n', '_', '中', '龥',
            '𠮷',
        ]),
        0..14,
    )
    .prop_map(|v| v.into_iter().collect())
}

#[test]
fn the_same_patterns_compile() {
    for p in PATTERNS {
        assert!(Pattern::new(p).is_ok(), "{p}");
        assert!(regex_lite::Regex::new(p).is_ok(), "{p}");
    }
    // Refused by both (our messages are our own).
    for p in ["(", "a)", "[a", "[b-a]", "*a", "a{2", "a{3,2}", r"\"] {
        assert!(Pattern::new(p).is_err() && regex_lite::Regex::new(p).is_err(), "{p}");
    }
}

#[test]
fn document_numbers_match_alike() {
    let samples = [
        "E12345678",
        "EA1234567",
        "EI1234567",
        "G12345678",
        "145678901",
        "PE1234567",
        "P12345678",
        "K12345678",
        "KJ1234567",
        "MA1234567",
        "C01234567",
        "W12345678",
        "H1234567890",
        "12345678",
        "ABCDE12345",
        "",
        "e12345678",
        "E1234567８",
    ];
    for p in PATTERNS {
        let ours = Pattern::new(p).expect("compiles");
        let theirs = regex_lite::Regex::new(p).expect("compiles");
        for s in samples {
            assert_eq!(ours.is_match(s), theirs.is_match(s), "{p} on {s:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]
    #[test]
    fn random_texts_match_alike(text in alphabet()) {
        for p in PATTERNS {
            let ours = Pattern::new(p).expect("compiles");
            let theirs = regex_lite::Regex::new(p).expect("compiles");
            prop_assert_eq!(ours.is_match(&text), theirs.is_match(&text), "{} on {:?}", p, text);
        }
    }
}
