//! What the fuzz targets check, as plain functions over bytes: the same code runs under libFuzzer
//! (`make fuzz`, `tests/fuzz/fuzz_targets/`) and, for every saved crash input under
//! `tests/fuzz/regressions/<target>/`, in the normal test run (tests/core/robustness.rs includes this file;
//! the widget's part of the import target is store.rs, replayed by tests/widget/robustness.rs).
//! Each function panics (a fuzz "crash") only when an invariant breaks; the library itself must never
//! panic on any input.

use std::rc::Rc;

use checklist_core::envelope;
use checklist_core::template;
use checklist_core::{Config, Date, Locale, Template, Validator};
use serde_json::Value;

thread_local! {
    /// The built-in templates and their validators, parsed once per thread (parsing them per input would
    /// make the fuzzer spend its time in the 106 KB of template JSON).
    static BUILTIN: Vec<(Template, Rc<Validator>)> = template::builtin_names()
        .iter()
        .map(|n| {
            let t = template::builtin(n).expect("built-in").expect("loads");
            let v = Validator::new(t.clone(), Config::default()).expect("validator");
            (t, Rc::new(v))
        })
        .collect();
}

fn builtins<R>(f: impl FnOnce(&[(Template, Rc<Validator>)]) -> R) -> R {
    BUILTIN.with(|b| f(b))
}

fn today() -> Date {
    Date::new(2026, 1, 15).expect("a valid date")
}

/// Import of an arbitrary file, with and without an expected template: never a panic; an unusable
/// file always says why; a usable one re-exports and re-imports to the same data (store.rs adds the
/// widget: a store that imports an unusable file keeps its data exactly).
pub fn import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let config = Config::default();
    let r = envelope::import(&text, None, &config);
    assert!(r.is_usable() || !r.findings.is_empty(), "an unusable import must say why");
    builtins(|all| {
        for (t, _) in all {
            let r = envelope::import(&text, Some(t), &config);
            assert!(r.is_usable() || !r.findings.is_empty());
            if r.is_usable() {
                let env = r.envelope.expect("usable has an envelope");
                let again = envelope::to_json(&envelope::export(
                    t,
                    env.data.clone(),
                    vec![],
                    env.validation.confirmations.clone(),
                    String::new(),
                    envelope::Status::Draft,
                ));
                let back = envelope::import(&again, Some(t), &config);
                assert!(back.is_usable(), "re-export of a usable import must import: {:?}", back.findings);
                assert_eq!(back.envelope.expect("envelope").data, env.data, "round trip changes the data");
            }
        }
    });
}

/// Template loading (a host's own template) and config overrides: never a panic; a template that
/// loads builds a validator that validates an empty and a random record without panicking.
pub fn template(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = Config::from_json(&text);
    let Ok(t) = template::load(&text) else { return };
    let Ok(v) = Validator::new(t, Config::default()) else { return };
    let _ = v.validate(&serde_json::json!({}), today());
    let _ = v.validate(&Value::String(text.into_owned()), today());
}

/// Validation of arbitrary JSON against every built-in template, full pass and one-row re-check:
/// never a panic, and every finding renders a message in both locales.
pub fn validate(data: &[u8]) {
    let Ok(record) = serde_json::from_slice::<Value>(data) else { return };
    let pointer = first_leaf_pointer(&record, String::new(), 0);
    builtins(|all| {
        for (_, v) in all {
            let report = v.validate(&record, today());
            for f in &report.findings {
                assert!(f.path.is_empty() || f.path.starts_with('/'), "finding path {:?}", f.path);
                assert!(!f.message(Locale::ZhCn).is_empty() && !f.message(Locale::En).is_empty());
            }
            let _ = v.recheck(&record, &pointer, today());
        }
    });
}

/// A pointer into `v` (the first leaf), so that re-checks run on paths that exist.
fn first_leaf_pointer(v: &Value, at: String, depth: usize) -> String {
    if depth > 8 {
        return at;
    }
    match v {
        Value::Object(m) => match m.iter().next() {
            Some((k, child)) => first_leaf_pointer(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), depth + 1),
            None => at,
        },
        Value::Array(a) => match a.first() {
            Some(child) => first_leaf_pointer(child, format!("{at}/0"), depth + 1),
            None => at,
        },
        _ => at,
    }
}

/// A pattern and a text, split at the first NUL byte: compiling and matching never panic, and
/// wherever regex-lite (which `src/pattern.rs` replaced) also accepts the pattern, both agree on
/// whether the text matches.
pub fn pattern(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let (pat, text) = input.split_once('\0').unwrap_or((&input, ""));
    if pat.chars().count() > 64 || text.chars().count() > 256 {
        return;
    }
    let Ok(ours) = checklist_core::pattern::Pattern::new(pat) else { return };
    let matched = ours.is_match(text);
    if let Ok(theirs) = regex_lite::Regex::new(pat) {
        assert_eq!(matched, theirs.is_match(text), "pattern {pat:?} on {text:?}");
    }
}
