//! Property tests: arbitrary input never panics template loading, import or validation, and
//! export → import gives back what was exported. A panic in WebAssembly kills the widget for the
//! user, so "bad input gets findings, never a panic" is checked on random input, not only on the
//! cases we thought of.

use checklist_core::envelope::{self, Imported};
use checklist_core::{template, Config, Date, Validator};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn today() -> Date {
    Date::parse("2026-01-15").unwrap()
}

/// Strings that look like what users and attackers type: Chinese, Extension B, identifiers,
/// dates, decimals, markup, control and bidi characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,20}",
        "[0-9Xx×Ｘ０-９ -]{15,20}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "-?[0-9]{0,12}(\\.[0-9]{0,6})?",
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("</script><script>alert(1)</script>".to_string()),
        Just("\u{202e}\u{200f}\u{0}\u{1b}[31m".to_string()),
        Just("𠮷野家·买买提•艾力".to_string()),
        Just("有".to_string()),
        Just("无".to_string()),
        Just("本人".to_string()),
        Just("B01".to_string()),
        Just("p1".to_string()),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A record shaped like the template (sections, fields, tables) with random values, so that the
/// random input reaches the deep checks rather than stopping at "not an object".
/// A section's key, its field keys, and each table's id with its column keys.
type SectionKeys = (String, Vec<String>, Vec<(String, Vec<String>)>);

fn shaped_record(t: &checklist_core::Template) -> impl Strategy<Value = Value> {
    let mut keys: Vec<SectionKeys> = Vec::new();
    for s in &t.sections {
        let mut fields: Vec<String> = s.fields.iter().map(|f| f.key.clone()).collect();
        fields.push("presence".into());
        let tables = s.tables.iter().map(|tb| (tb.id.clone(), tb.columns.iter().map(|c| c.key.clone()).collect())).collect();
        keys.push((s.id.clone(), fields, tables));
    }
    prop::collection::vec(json_value(), 64).prop_flat_map(move |pool| {
        let keys = keys.clone();
        (Just(pool), prop::collection::vec(any::<u16>(), 512)).prop_map(move |(pool, picks)| {
            let mut pick = picks.into_iter().cycle();
            let mut next = || pool[pick.next().unwrap_or(0) as usize % pool.len()].clone();
            let mut record = Map::new();
            for (sid, fields, tables) in &keys {
                let mut sec = Map::new();
                for f in fields {
                    sec.insert(f.clone(), next());
                }
                for (tid, cols) in tables {
                    let rows: Vec<Value> = (0..2).map(|_| Value::Object(cols.iter().map(|c| (c.clone(), next())).collect())).collect();
                    sec.insert(tid.clone(), Value::Array(rows));
                }
                record.insert(sid.clone(), Value::Object(sec));
            }
            Value::Object(record)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn template_loading_never_panics(v in json_value(), s in any::<String>()) {
        let _ = template::load(&v.to_string());
        let _ = template::load(&s);
    }

    #[test]
    fn import_never_panics(v in json_value(), s in any::<String>()) {
        let t = template::builtin("geren").unwrap().unwrap();
        for text in [v.to_string(), s] {
            let r: Imported = envelope::import(&text, Some(&t), &Config::default());
            // Whatever was read, unusable files always say why.
            prop_assert!(r.is_usable() || !r.findings.is_empty());
        }
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(v in json_value()) {
        for name in template::builtin_names() {
            let t = template::builtin(name).unwrap().unwrap();
            let validator = Validator::new(t, Config::default()).unwrap();
            let _ = validator.validate(&v, today());
        }
    }

    #[test]
    fn export_import_round_trips(data in json_value()) {
        let t = template::builtin("tanhua").unwrap().unwrap();
        let data = json!({ "payload": data });
        let env = envelope::export(&t, data.clone(), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Draft);
        let back = envelope::import(&envelope::to_json(&env), Some(&t), &Config::default());
        prop_assert!(back.is_usable(), "{:?}", back.findings);
        prop_assert_eq!(back.envelope.unwrap().data, data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_on_template_shaped_records(
        (name, record) in prop_oneof![Just("geren"), Just("tanhua"), Just("shuzhi")]
            .prop_flat_map(|n| (Just(n), shaped_record(&template::builtin(n).unwrap().unwrap())))
    ) {
        let t = template::builtin(name).unwrap().unwrap();
        let validator = Validator::new(t, Config::default()).unwrap();
        let report = validator.validate(&record, today());
        // Every finding points into the record and renders in both locales.
        for f in &report.findings {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'));
            prop_assert!(!f.message(checklist_core::Locale::ZhCn).is_empty());
            prop_assert!(!f.message(checklist_core::Locale::En).is_empty());
        }
    }
}

/// The fuzz targets' checks (tests/fuzz/src/checks.rs), shared with `make fuzz`.
#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod fuzz_checks;

/// Every input a fuzz run found a crash with is saved under tests/fuzz/regressions/<target>/ and replayed
/// here, together with hand-made hostile inputs, through exactly the checks the fuzzer runs.
#[test]
fn fuzz_regressions_and_hostile_inputs_replay_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz/regressions");
    let mut replayed = 0;
    for (target, check) in [
        ("import", fuzz_checks::import as fn(&[u8])),
        ("template", fuzz_checks::template),
        ("pattern", fuzz_checks::pattern),
        ("validate", fuzz_checks::validate),
    ] {
        let mut files: Vec<_> =
            std::fs::read_dir(dir.join(target)).map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        for f in files.iter().filter(|f| f.is_file() && f.file_name().is_some_and(|n| n != ".gitkeep")) {
            check(&std::fs::read(f).unwrap());
            replayed += 1;
        }
    }
    let fixture = include_str!("../fixtures/geren_valid.json");
    let t = template::builtin("geren").unwrap().unwrap();
    let env = envelope::to_json(&envelope::export(
        &t,
        serde_json::from_str(fixture).unwrap(),
        vec![],
        vec![],
        String::new(),
        envelope::Status::Draft,
    ));
    let hostile: Vec<Vec<u8>> = vec![
        env.as_bytes()[..env.len() / 2].to_vec(),
        env.replace("\"formatVersion\": 2", "\"formatVersion\": 99").into_bytes(),
        env.replacen("张建国", "李建国", 1).into_bytes(),
        env.replace("张建国", "<img src=x onerror=alert(1)></script>\u{202e}𠀀😀").into_bytes(),
        "[".repeat(100_000).into_bytes(),
        format!("{}{}", "{\"a\":".repeat(10_000), "1").into_bytes(),
        vec![0xff, 0xfe, 0x00, 0x80],
        b"\xef\xbb\xbf{\"format\":\"accountability-checklist/record\"}".to_vec(),
    ];
    for input in &hostile {
        fuzz_checks::import(input);
        fuzz_checks::template(input);
        fuzz_checks::validate(input);
    }
    eprintln!("replayed {replayed} saved fuzz input(s) and {} hostile inputs", hostile.len());
}
