//! What the store's unit tests share: a store for a built-in template, the valid fixtures, and
//! their export envelopes.

use std::rc::Rc;

use serde_json::Value;

use super::state::Store;
use crate::ui::builtins::Builtins;
use checklist_core::config::Config;
use checklist_core::date::Date;
use checklist_core::engine::Validator;
use checklist_core::envelope;
use checklist_core::locale::Locale;
use checklist_core::template::{builtin, builtin_json, builtin_names};

pub fn store(kind: &str) -> Store {
    let v = Validator::new(builtin(kind).expect("builtin").expect("loads"), Config::default()).expect("validator");
    Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, false)
}

/// Every built-in template, as the loader hands them to a reviewer's page.
pub fn all_builtins() -> Builtins {
    Builtins::from_texts(builtin_names().iter().map(|n| (*n, builtin_json(n).expect("built in"))))
}

pub fn fixture(kind: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/../../tests/fixtures/{kind}_valid.json", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    serde_json::from_str(&text).expect("json")
}

pub fn export(kind: &str, data: Value) -> String {
    let t = builtin(kind).unwrap().unwrap();
    envelope::to_json(
        &envelope::export(&t, data, vec![], vec![], "2025-01-20T10:00:00+08:00".into(), envelope::Status::Draft)
            .submitted("2025-01-20T10:00:00+08:00".into()),
    )
}
