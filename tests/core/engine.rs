//! The validation engine on a host-supplied template: every declarative check, table-driven;
//! and the promise the UI relies on: re-checking one row gives exactly the findings a full
//! validation gives for that row.

use checklist_core::{template, Config, Date, Finding, Severity, Validator};
use serde_json::{json, Value};

fn validator() -> Validator {
    let t = template::load(include_str!("../fixtures/host_template.json")).expect("host template loads");
    Validator::new(t, Config::default()).expect("compiles")
}

fn today() -> Date {
    Date::parse("2026-01-15").unwrap()
}

fn valid() -> Value {
    json!({
        "header": {"year": 2025, "name": "张三", "gender": "女", "birthDate": "1949-12-31",
                   "idNumber": "11010519491231002X", "hasCar": false,
                   "startDate": "2025-01-01", "endDate": "2026-03-01"},
        "family": {"members": [
            {"id": "p1", "relation": "本人", "name": "张三"},
            {"id": "p2", "relation": "配偶", "name": "买买提·艾力"},
            {"id": "p3", "relation": "子女", "name": "𠮷𠮷", "livesTogether": true},
            {"id": "p4", "relation": "子女", "name": "李四", "livesTogether": false}
        ]},
        "C11": {"presence": "有", "changedSinceLastYear": "无变化", "rows": [
            {"owner": "p1", "areaM2": "89.50", "use": "住宅", "tradeDate": "2025-06-01", "priceWan": "120.5", "share": "50", "country": "CN"},
            {"owner": "p3", "areaM2": "12", "use": "车位", "tradeDate": "2025-07-01"}
        ]},
        "C13": {"presence": "有", "rows": [
            {"uscc": "91350100M000100Y43", "capitalWan": "100", "subscribedWan": "10", "employees": 12},
            {"uscc": "110105000000004", "capitalWan": "50", "subscribedWan": "50"}
        ]}
    })
}

fn codes_at(findings: &[Finding], path: &str) -> Vec<(String, Severity)> {
    findings.iter().filter(|f| f.path == path).map(|f| (f.code.as_str().to_string(), f.severity)).collect()
}

#[test]
fn the_valid_record_has_no_findings() {
    let r = validator().validate(&valid(), today());
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

/// maxLength counts characters, not bytes: five Han characters (15 bytes) fit a limit of 5, six
/// ASCII letters do not; the engine counts only when the byte length exceeds the limit.
#[test]
fn max_length_counts_characters() {
    let v = validator();
    for (note, too_long) in [("一二三四五", false), ("𠮷𠮷𠮷𠮷𠮷", false), ("abcde", false), ("abcdef", true), ("一二三四五六", true)]
    {
        let mut r = valid();
        r["header"]["note"] = json!(note);
        let codes = codes_at(&v.validate(&r, today()).findings, "/header/note");
        assert_eq!(codes.iter().any(|(c, _)| c == "field.too_long"), too_long, "{note}: {codes:?}");
    }
}

/// References are resolved through a scanned list for small tables and a hash map for large
/// ones: both must find every row, keep the first of a duplicated id and report unknown ids.
#[test]
fn references_resolve_in_small_and_large_tables() {
    for extra in [0usize, 30] {
        let mut r = valid();
        let members = r["family"]["members"].as_array_mut().unwrap();
        for i in 0..extra {
            members.push(json!({"id": format!("x{i}"), "relation": "其他", "name": "王五"}));
        }
        // A duplicate of p1 placed last: the first p1 (本人) is the one referred to.
        members.push(json!({"id": "p1", "relation": "其他", "name": "王五"}));
        let v = validator();
        let findings = v.validate(&r, today()).findings;
        assert!(codes_at(&findings, "/C11/rows/0/owner").is_empty(), "{extra} extra rows: {findings:#?}");
        r["C11"]["rows"][0]["owner"] = json!("p9");
        let findings = v.validate(&r, today()).findings;
        assert_eq!(codes_at(&findings, "/C11/rows/0/owner"), [("field.unknown_ref".to_string(), Severity::Error)], "{extra}");
        if extra > 0 {
            r["C11"]["rows"][0]["owner"] = json!(format!("x{}", extra - 1));
            let findings = v.validate(&r, today()).findings;
            assert_eq!(codes_at(&findings, "/C11/rows/0/owner"), [("field.subject_not_allowed".to_string(), Severity::Error)]);
        }
    }
}

#[test]
fn each_declarative_check_reports_its_code_at_its_path() {
    use Severity::*;
    // (pointer to change, new value or None to remove, expected path, expected code, severity)
    let cases: Vec<(&str, Option<Value>, &str, &str, Severity)> = vec![
        ("/header/name", None, "/header/name", "field.required", Error),
        ("/header/name", Some(json!("   ")), "/header/name", "field.required", Error),
        ("/header/name", Some(json!("张三<b>")), "/header/name", "field.name_chars", Error),
        ("/header/name", Some(json!("买买提•艾力")), "/header/name", "field.name_dot", Warning),
        ("/header/name", Some(json!(42)), "/header/name", "field.wrong_type", Error),
        ("/header/year", Some(json!(2026)), "/header/year", "field.year_not_ended", Error),
        ("/header/year", Some(json!("20x5")), "/header/year", "field.year_format", Error),
        ("/header/gender", Some(json!("男")), "/header/idNumber", "ident.gender_mismatch", Error),
        ("/header/birthDate", Some(json!("1949-12-30")), "/header/idNumber", "ident.birth_mismatch", Error),
        ("/header/birthDate", Some(json!("1990-02-29")), "/header/birthDate", "field.no_such_day", Error),
        ("/header/birthDate", Some(json!("01/02/1990")), "/header/birthDate", "field.date_format", Error),
        ("/header/birthDate", Some(json!("2026-01-16")), "/header/birthDate", "field.date_in_future", Error),
        ("/header/mobile", Some(json!("12345678901")), "/header/mobile", "field.mobile", Error),
        ("/header/note", Some(json!("一二三四五六")), "/header/note", "field.too_long", Error),
        ("/header/note", Some(json!("#1")), "/header/note", "field.pattern", Error),
        ("/header/hasCar", None, "/header/hasCar", "field.expected", Warning),
        ("/header/hasCar", Some(json!("否")), "/header/hasCar", "field.wrong_type", Error),
        ("/header/hasCar", Some(json!(true)), "/header/carPlate", "field.required", Error),
        ("/header/endDate", Some(json!("2024-12-31")), "/header/endDate", "field.date_not_before", Error),
        ("/family/members", Some(json!([])), "/family/members", "field.rows_too_few", Error),
        ("/family/members/3/livesTogether", None, "/family/members/3/livesTogether", "field.required", Error),
        ("/family/members/1/relation", Some(json!("朋友")), "/family/members/1/relation", "field.not_an_option", Error),
        ("/C11/presence", None, "/C11/presence", "field.presence_unanswered", Error),
        ("/C11/presence", Some(json!("无")), "/C11/presence", "field.none_with_rows", Error),
        ("/C11/rows", Some(json!([])), "/C11/presence", "field.presence_without_rows", Error),
        ("/C11/rows/0/owner", Some(json!("p9")), "/C11/rows/0/owner", "field.unknown_ref", Error),
        ("/C11/rows/0/owner", Some(json!("p4")), "/C11/rows/0/owner", "field.subject_not_allowed", Error),
        ("/C11/rows/0/areaM2", Some(json!("0")), "/C11/rows/0/areaM2", "field.not_above_min", Error),
        ("/C11/rows/0/areaM2", Some(json!("1000.01")), "/C11/rows/0/areaM2", "field.outlier", Warning),
        ("/C11/rows/0/areaM2", Some(json!("89.505")), "/C11/rows/0/areaM2", "field.decimal_format", Error),
        ("/C11/rows/0/areaM2", Some(json!(89.5)), "/C11/rows/0/areaM2", "field.wrong_type", Error),
        ("/C11/rows/0/priceWan", Some(json!("-1")), "/C11/rows/0/priceWan", "field.amount_format", Error),
        ("/C11/rows/0/priceWan", Some(json!("1e3")), "/C11/rows/0/priceWan", "field.amount_format", Error),
        ("/C11/rows/0/share", Some(json!("100.01")), "/C11/rows/0/share", "field.above_max", Error),
        ("/C11/rows/0/share", Some(json!("0")), "/C11/rows/0/share", "field.not_above_min", Error),
        ("/C11/rows/0/tradeDate", Some(json!("2024-06-01")), "/C11/rows/0/tradeDate", "field.date_outside_year", Warning),
        ("/C11/rows/0/country", Some(json!("XX")), "/C11/rows/0/country", "ident.country_unknown", Error),
        ("/C13/rows/0/subscribedWan", Some(json!("100.01")), "/C13/rows/0/subscribedWan", "field.value_not_above", Warning),
        ("/C13/rows/0/employees", Some(json!(0)), "/C13/rows/0/employees", "field.below_min", Error),
        ("/C13/rows/0/employees", Some(json!("-3")), "/C13/rows/0/employees", "field.below_min", Error),
        ("/C13/rows/0/employees", Some(json!("3.5")), "/C13/rows/0/employees", "field.integer_format", Error),
        ("/C13/rows/0/employees", Some(json!(100001)), "/C13/rows/0/employees", "field.above_max", Error),
        ("/C13/rows/0/uscc", Some(json!("91350100M000100Y4<")), "/C13/rows/0/uscc", "field.identifier_chars", Error),
        ("/C13", Some(json!("无")), "/C13", "field.wrong_type", Error),
        ("/C13/rows", Some(json!({})), "/C13/rows", "field.wrong_type", Error),
        ("/C13/rows/1", Some(json!("row")), "/C13/rows/1", "field.wrong_type", Error),
    ];
    let v = validator();
    for (pointer, value, path, code, sev) in cases {
        let mut record = valid();
        match value {
            Some(value) => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                match record.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}")) {
                    Value::Object(m) => {
                        m.insert(key.to_string(), value);
                    }
                    Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
                    _ => panic!("{pointer}"),
                }
            }
            None => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                record.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
            }
        }
        let findings = v.validate(&record, today()).findings;
        let got = codes_at(&findings, path);
        assert!(
            got.contains(&(code.to_string(), sev)),
            "changing {pointer}: expected {code} ({sev:?}) at {path}, got {got:?}\nall: {findings:#?}"
        );
    }
}

#[test]
fn normalisation_accepts_full_width_and_lower_case_identifiers() {
    let mut record = valid();
    record["header"]["idNumber"] = json!("１１０１０５ １９４９１２３１ ００２ｘ");
    record["C13"]["rows"][0]["uscc"] = json!("9135-0100-m000-100y43");
    let findings = validator().validate(&record, today()).findings;
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn rows_and_section_fields_recheck_exactly_like_a_full_validation() {
    let v = validator();
    let mut record = valid();
    record["C11"]["rows"][1]["areaM2"] = json!("abc");
    record["C11"]["rows"][1]["owner"] = json!("p4");
    record["C11"]["rows"][0]["tradeDate"] = json!("2030-01-01");
    record["C13"]["rows"][1]["uscc"] = json!("110105000000005");
    record["header"]["endDate"] = json!("2020-01-01");
    let full = v.validate(&record, today()).findings;
    for (section, table, n) in [("C11", "rows", 2), ("C13", "rows", 2), ("family", "members", 4)] {
        for i in 0..n {
            let prefix = format!("/{section}/{table}/{i}/");
            let expected: Vec<&Finding> = full.iter().filter(|f| f.path.starts_with(&prefix)).collect();
            let got = v.validate_row(&record, section, table, i, today());
            assert_eq!(got.iter().collect::<Vec<_>>(), expected, "{prefix}");
        }
    }
    let expected: Vec<&Finding> = full.iter().filter(|f| f.path.starts_with("/header/")).collect();
    let got = v.validate_section_fields(&record, "header", today());
    assert_eq!(got.iter().collect::<Vec<_>>(), expected);
    assert!(!expected.is_empty());
    // Out-of-range requests find nothing rather than failing.
    assert!(v.validate_row(&record, "C11", "rows", 99, today()).is_empty());
    assert!(v.validate_row(&record, "nope", "rows", 0, today()).is_empty());
}

#[test]
fn sections_answered_none_are_not_checked_row_by_row() {
    let mut record = valid();
    record["C13"] = json!({"presence": "无"});
    let findings = validator().validate(&record, today()).findings;
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn recheck_picks_the_smallest_scope_that_a_change_can_affect() {
    use checklist_core::engine::Scope;
    let v = validator();
    let mut record = valid();
    record["C11"]["rows"][1]["areaM2"] = json!("-2");
    record["header"]["name"] = json!("");
    let full = v.validate(&record, today()).findings;
    let cases = [
        ("/C11/rows/1/areaM2", Scope::Row { section: "C11".into(), table: "rows".into(), index: 1 }),
        ("/header/name", Scope::SectionFields { section: "header".into() }),
        ("/C11/presence", Scope::Section { section: "C11".into() }),
        ("/C11/rows", Scope::Section { section: "C11".into() }),
        ("/C11/rows/1", Scope::Section { section: "C11".into() }),
    ];
    for (changed, expected_scope) in cases {
        let (scope, findings) = v.recheck(&record, changed, today());
        assert_eq!(scope, expected_scope, "{changed}");
        let covered: Vec<&Finding> = full.iter().filter(|f| scope.covers(f, v.template())).collect();
        assert_eq!(findings.iter().collect::<Vec<_>>(), covered, "{changed}");
        assert!(!covered.is_empty(), "{changed}");
    }
}

/// The engine matches a row's cells to columns in one merge walk that relies on serde_json's map
/// iterating in key order (no `preserve_order` feature). This fails if a dependency turns it on.
#[test]
fn json_objects_iterate_in_key_order() {
    let v: serde_json::Value = serde_json::from_str(r#"{"zeta": 1, "alpha": 2, "mid": 3, "Beta": 4}"#).expect("json");
    let keys: Vec<&String> = v.as_object().expect("object").keys().collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// The benchmark's second workload (`make bench-browser`, tests/e2e/bench.mjs): ../shared/perf/PEERS.md's
/// 个人有关事项 page as a host template, the one react-jsonschema-form is measured on. PEERS.md starts from
/// a valid record, grown to N real-estate rows, and the benchmark's keystroke makes the last row's area
/// invalid: both must hold, or the figures measure something else.
#[test]
fn the_peers_workload_is_valid_and_the_benchmark_keystroke_is_an_error() {
    let t = template::load(include_str!("../fixtures/peers_template.json")).expect("the PEERS template loads");
    let v = Validator::new(t, Config::default()).expect("compiles");
    let mut record: Value = serde_json::from_str(include_str!("../fixtures/peers_valid.json")).expect("fixture");
    let row = record["C11"]["rows"][0].clone();
    record["C11"]["rows"] = Value::Array(vec![row; 50]);
    let r = v.validate(&record, today());
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    record["C11"]["rows"][49]["areaM2"] = json!("128.56x");
    let codes = codes_at(&v.validate(&record, today()).findings, "/C11/rows/49/areaM2");
    assert!(codes.iter().any(|(_, s)| *s == Severity::Error), "{codes:?}");
}
