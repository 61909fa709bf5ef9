//! Every finding code has a message in every locale, with the same placeholders, and Chinese
//! messages use full-width punctuation (GB/T 15834-2011, SPEC §7.4).

use std::collections::BTreeSet;

use checklist_core::{Code, Locale};

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

#[test]
fn every_code_has_both_messages_with_the_same_placeholders() {
    let all = Code::all();
    assert!(all.len() > 100, "only {} codes", all.len());
    let mut seen = BTreeSet::new();
    for code in all {
        assert!(seen.insert(code.as_str()), "duplicate machine code {code}");
        assert_eq!(Code::parse(code.as_str()), Some(code));
        let zh = code.message_template(Locale::ZhCn);
        let en = code.message_template(Locale::En);
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{code} lacks a message");
        assert_ne!(zh, en, "{code}: the English message is a copy of the Chinese one");
        assert_eq!(placeholders(zh), placeholders(en), "{code}: placeholders differ between zh-CN and en");
        assert!(
            code.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'),
            "{code} is not snake_case"
        );
    }
}

#[test]
fn chinese_messages_use_full_width_punctuation() {
    for code in Code::all() {
        let zh = code.message_template(Locale::ZhCn);
        // Placeholders are not prose.
        let prose: String = {
            let mut s = String::new();
            let mut depth = 0;
            for c in zh.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => s.push(c),
                    _ => {}
                }
            }
            s
        };
        for bad in [',', ';', ':', '(', ')', '?', '!', '"'] {
            assert!(!prose.contains(bad), "{code}: ASCII `{bad}` in Chinese message «{zh}»");
        }
    }
}
