//! `shownIf`: fields and columns that do not apply are neither checked nor required, a value
//! typed in one is set aside with an info finding (never dropped), a column's condition is read
//! in its own row, a re-check agrees with the full pass, and a bad condition is refused at load.

use crate::geren_rules::{fixture, listing, set, validate};
use checklist_core::template::{builtin, builtin_source, load};
use checklist_core::{Config, Date, Severity, Validator};
use serde_json::{json, Value};

fn findings_at(r: &checklist_core::Report, path: &str) -> Vec<(String, Severity)> {
    r.findings.iter().filter(|f| f.path == path).map(|f| (f.code.as_str().to_owned(), f.severity)).collect()
}

fn set_aside() -> (String, Severity) {
    ("field.set_aside".to_owned(), Severity::Info)
}

/// A one-section template whose `detail` is required, but only shown when `kind` is `x`.
fn tiny() -> Validator {
    let t = load(
        r#"{"id":"t","version":"1","checklistKind":"geren","regulationVersion":"R17","title":{"zh":"t"},
          "sections":[{"id":"s","title":{"zh":"s"},"fields":[
            {"key":"kind","label":{"zh":"类别"},"type":"text"},
            {"key":"detail","label":{"zh":"说明"},"type":"date","required":true,"shownIf":{"field":"kind","eq":"x"}},
            {"key":"until","label":{"zh":"截止"},"type":"date"}],
            "checks":[{"left":"until","op":"ge","right":"detail"}]}]}"#,
    )
    .expect("loads");
    Validator::new(t, Config::default()).expect("compiles")
}

fn today() -> Date {
    Date::parse("2026-01-15").unwrap()
}

#[test]
fn a_hidden_required_field_is_not_required_and_not_checked() {
    let v = tiny();
    let r = v.validate(&json!({"s": {"kind": "y"}}), today());
    assert!(r.findings.is_empty(), "hidden, so not missing: {:?}", r.findings);
    let r = v.validate(&json!({"s": {"kind": "x"}}), today());
    assert_eq!(findings_at(&r, "/s/detail"), [("field.required".to_owned(), Severity::Error)], "shown: required");
    // A value that would be wrong, and a check it would fail, while it does not apply: set aside only.
    let r = v.validate(&json!({"s": {"kind": "y", "detail": "2025-13-40", "until": "2000-01-01"}}), today());
    assert_eq!(findings_at(&r, "/s/detail"), [set_aside()]);
    assert!(!r.blocks_submit(), "{:?}", r.findings);
    let r = v.validate(&json!({"s": {"kind": "x", "detail": "2025-03-01", "until": "2000-01-01"}}), today());
    assert_eq!(findings_at(&r, "/s/until").len(), 1, "shown again: the check runs: {:?}", r.findings);
}

#[test]
fn the_annual_header_does_not_ask_for_change_report_fields() {
    // The fixture is an annual report; change-report and new-appointee fields are empty and not
    // required. Filled in, they are set aside (info), not checked, and nothing blocks.
    let mut record = fixture();
    set(&mut record, "/header/eventDate", json!("not a date"));
    set(&mut record, "/header/changedItems", json!(["C01"]));
    set(&mut record, "/header/qualifiedDate", json!("2025-02-30"));
    let r = validate(&record);
    for path in ["/header/eventDate", "/header/changedItems", "/header/qualifiedDate"] {
        assert_eq!(findings_at(&r, path), [set_aside()], "{path}:\n{}", listing(&r));
    }
    assert!(!r.blocks_submit(), "{}", listing(&r));
    let f = r.findings.iter().find(|f| f.path == "/header/eventDate").unwrap();
    assert_eq!(f.message(checklist_core::Locale::ZhCn), "已填写的“事项发生日期”按目前的填报情况不适用：已保留，但不校验、不打印");
    // Switched to a change report, the same date applies again and is checked.
    set(&mut record, "/header/reportType", json!("事后报告"));
    let r = validate(&record);
    assert_eq!(findings_at(&r, "/header/eventDate"), [("field.date_format".to_owned(), Severity::Error)], "{}", listing(&r));
}

#[test]
fn a_leader_disclosure_is_asked_only_of_a_yibashou() {
    let mut record = fixture();
    set(&mut record, "/header/isYiBaShou", json!(false));
    let r = validate(&record);
    // The fixture's 待公开 stays in the record, set aside.
    assert_eq!(findings_at(&r, "/header/disclosureStatus"), [set_aside()], "{}", listing(&r));
    set(&mut record, "/header/disclosureStatus", Value::Null);
    let r = validate(&record);
    assert!(r.findings.iter().all(|f| !f.path.starts_with("/header/disclos")), "{}", listing(&r));
}

#[test]
fn a_column_is_shown_by_its_own_row() {
    let mut record = fixture();
    // Row 0 is 本人: a child's kind typed there is set aside, not checked against the options.
    set(&mut record, "/family/members/0/childKind", json!("不是选项"));
    let r = validate(&record);
    assert_eq!(findings_at(&r, "/family/members/0/childKind"), [set_aside()], "{}", listing(&r));
    // The same value in a child's row is checked.
    let child = record["family"]["members"].as_array().unwrap().iter().position(|m| m["relation"] == "子女").expect("a child");
    set(&mut record, &format!("/family/members/{child}/childKind"), json!("不是选项"));
    let r = validate(&record);
    assert_eq!(
        findings_at(&r, &format!("/family/members/{child}/childKind")),
        [("field.not_an_option".to_owned(), Severity::Error)],
        "{}",
        listing(&r)
    );
}

#[test]
fn a_recheck_agrees_with_the_full_pass_on_set_aside_values() {
    let v = Validator::new(builtin("geren").unwrap().unwrap(), Config::default()).unwrap();
    let day = Date::parse(crate::geren_rules::TODAY).unwrap();
    let mut record = fixture();
    set(&mut record, "/header/eventDate", json!("2025-03-01"));
    set(&mut record, "/family/members/0/childKind", json!("婚生子女"));
    let full = v.validate(&record, day);
    for changed in ["/header/reportType", "/family/members/0/relation"] {
        let (scope, mut got) = v.recheck(&record, changed, day);
        let mut want: Vec<_> = full.findings.iter().filter(|f| scope.covers(f, v.template())).cloned().collect();
        let key = |f: &checklist_core::Finding| (f.path.clone(), f.code.as_str());
        got.sort_by_key(key);
        want.sort_by_key(key);
        assert_eq!(got, want, "{changed}");
        assert!(got.iter().any(|f| f.code.as_str() == "field.set_aside"), "{changed}: {got:?}");
    }
}

/// The readable source of the 个人有关事项 template with one edit, which must apply.
fn edited(from: &str, to: &str, n: usize) -> String {
    let src = builtin_source("geren").expect("source");
    assert!(src.contains(from), "the template no longer contains {from}");
    src.replacen(from, to, n)
}

#[test]
fn a_bad_shown_if_is_refused_at_load() {
    // The family register's 子女类别 made to look at the header: a column sees only its row.
    let json =
        edited(r#""shownIf": {"field": "relation", "eq": "子女"}"#, r#""shownIf": {"field": "/header/reportType", "eq": "子女"}"#, 1);
    let e = load(&json).unwrap_err();
    assert_eq!(e.problems.len(), 1, "{e}");
    assert!(e.problems[0].0.ends_with("/columns/2/shownIf") && e.problems[0].1.contains("`/header/reportType` is not"), "{e}");
    // A typo in a field name, and an operator without a field.
    let json = edited(r#""shownIf": {"field": "reportType""#, r#""shownIf": {"field": "reportTyp""#, 1);
    let e = load(&json).unwrap_err();
    assert!(e.problems[0].1.contains("`reportTyp` is not another field of this section"), "{e}");
    assert!(e.problems[0].0.starts_with("/sections/0/fields/"), "{e}");
    let json = edited(r#""shownIf": {"field": "reportType", "eq""#, r#""shownIf": {"eq""#, 1);
    let e = load(&json).unwrap_err();
    assert!(e.problems.iter().any(|(p, m)| p.ends_with("/shownIf/field") && m.contains("needs `field`")), "{e}");
}
