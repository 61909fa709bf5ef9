//! What a cadre reads is words, not codes (issue 14, point 3): each checklist is rendered (Yew's
//! server-side renderer) filled and empty, with every error and the review screen shown, and its
//! visible text (text nodes, option labels, placeholders, aria-labels) is scanned for item codes
//! (C01, B02, A5, X-R01, C-R13), machine time stamps, `YYYY`, and, in zh-CN, English words.

use crate::common::{fixture, render, today};
use checklist_core::template::builtin_names;
use checklist_core::Locale;
use checklist_widget::ui::store::msg::Msg;
use checklist_widget::ui::Shared;
use regex_lite::Regex;
use serde_json::Value;

/// What a person sees: text between tags (not inside `<style>`), plus the attributes read out or
/// shown (`placeholder`, `aria-label`, `title`, `alt`). Each piece is one entry.
fn visible_text(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let attr = Regex::new(r#"\s(?:placeholder|aria-label|title|alt)="([^"]*)""#).expect("re");
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = rest[..lt].trim();
        if !text.is_empty() {
            out.push(unescape(text));
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt..lt + gt + 1];
        for c in attr.captures_iter(tag) {
            out.push(unescape(&c[1]));
        }
        rest = &rest[lt + gt + 1..];
        if tag.starts_with("<style") {
            rest = rest.find("</style>").map_or("", |i| &rest[i..]);
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Code-like tokens in `text`: item and rule codes, ISO stamps, date masks; in Chinese, English
/// words too (the language switch, which says "English" in English, is the one exception).
fn codes_in(text: &str, locale: Locale) -> Vec<String> {
    let code = Regex::new(r"(?:^|[^A-Za-z0-9])((?:[A-Z]{1,2}-)?[A-Z]{1,2}\d{1,2}(?:-[A-Z]{2})?)(?:$|[^A-Za-z0-9])").expect("re");
    let stamp = Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}|YYYY|MM-DD").expect("re");
    let english = Regex::new(r"[A-Za-z]{2,}").expect("re");
    let mut found: Vec<String> = code.captures_iter(text).map(|c| c[1].to_owned()).collect();
    found.extend(stamp.find_iter(text).map(|m| m.as_str().to_owned()));
    if locale == Locale::ZhCn && text != "English" {
        found.extend(english.find_iter(text).map(|m| m.as_str().to_owned()));
    }
    found
}

async fn scan(what: &str, sh: &Shared, locale: Locale, problems: &mut Vec<String>) {
    let html = render(sh).await;
    for piece in visible_text(&html) {
        let codes = codes_in(&piece, locale);
        if !codes.is_empty() {
            problems.push(format!("{what}: {codes:?} in “{piece}”"));
        }
    }
}

#[tokio::test]
async fn no_checklist_shows_codes_or_english_in_chinese_or_codes_in_english() {
    let mut problems = Vec::new();
    for kind in builtin_names() {
        for locale in [Locale::ZhCn, Locale::En] {
            let filled = crate::common::shared(kind, Some(fixture(kind)), today(kind), locale, false);
            scan(&format!("{kind} {locale:?} filled"), &filled, locale, &mut problems).await;
            filled.dispatch(Msg::Review);
            scan(&format!("{kind} {locale:?} 核对"), &filled, locale, &mut problems).await;

            // Every error shown: the empty record after 提交, and the filled one with its first
            // table's rows emptied (row messages) after 一键校验.
            let empty = crate::common::shared(kind, None, today(kind), locale, false);
            empty.dispatch(Msg::Submit);
            scan(&format!("{kind} {locale:?} empty, submitted"), &empty, locale, &mut problems).await;

            let mut broken = fixture(kind);
            if let Some(obj) = broken.as_object_mut() {
                for section in obj.values_mut().filter_map(Value::as_object_mut) {
                    for rows in section.values_mut().filter_map(Value::as_array_mut) {
                        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
                            row.retain(|k, _| k == "id");
                        }
                    }
                }
            }
            let errors = crate::common::shared(kind, Some(broken), today(kind), locale, false);
            errors.dispatch(Msg::Validate);
            scan(&format!("{kind} {locale:?} rows emptied, validated"), &errors, locale, &mut problems).await;
        }
    }
    assert!(problems.is_empty(), "{} code-like token(s) on screen:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_scanner_finds_what_it_is_meant_to_find() {
    // A scanner that finds nothing proves nothing: each kind of token the issue names is caught.
    for (text, token) in [
        ("事后报告事项：C01", "C01"),
        ("计划谈话 B02", "B02"),
        ("与谈话记录核对（X-R01）", "X-R01"),
        ("规则 C-R13", "C-R13"),
        ("核对A5、A6", "A5"),
        ("保存于 2026-11-30T08:51:15+08:00", "2026-11-30T08"),
        ("YYYY-MM-DD", "YYYY"),
        ("文件是“shuzhi”记录", "shuzhi"),
        ("状态 draft", "draft"),
    ] {
        assert!(codes_in(text, Locale::ZhCn).iter().any(|c| c == token), "{text}: {:?}", codes_in(text, Locale::ZhCn));
    }
    assert!(codes_in("2026年11月30日 08:51 保存的草稿", Locale::ZhCn).is_empty());
    assert!(codes_in("English", Locale::ZhCn).is_empty());
    assert_eq!(codes_in("Check the C01 item", Locale::En), ["C01"]);
    assert_eq!(
        visible_text(r#"<p title="t">甲<b>乙</b></p><style>.a{}</style><input placeholder="如 2018-07-02">"#),
        ["t", "甲", "乙", "如 2018-07-02"]
    );
}
