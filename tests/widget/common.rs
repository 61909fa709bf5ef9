//! Helpers shared by the integration tests: the valid fixtures with the day each is valid on, and
//! the widget's store rendered with Yew's server-side renderer. Each test module uses a part.
#![allow(dead_code)]

use std::rc::Rc;

use checklist_core::template::{builtin, builtin_json, builtin_names};
use checklist_core::{Config, Date, Locale, Validator};
use checklist_widget::ui::builtins::Builtins;
use checklist_widget::ui::store::msg::FilePurpose;
use checklist_widget::ui::store::state::Store;
use checklist_widget::ui::{App, AppProps, Host, Shared};
use serde_json::Value;
use yew::LocalServerRenderer;

/// `tests/fixtures/<kind>_valid.json`.
pub fn fixture(kind: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/../../tests/fixtures/{kind}_valid.json", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    serde_json::from_str(&text).expect("json")
}

/// The day each fixture is valid on.
pub fn today(kind: &str) -> Date {
    match kind {
        "geren" => Date::new(2026, 1, 15),
        "shuzhi" => Date::new(2026, 1, 20),
        _ => Date::new(2025, 12, 20),
    }
    .expect("date")
}

/// The host port of native tests: no file is ever chosen (event handlers do not run in a
/// server-side render), and the clock is fixed.
pub const TEST_HOST: Host = Host { read_file: no_file, now: fixed_now };

fn no_file(_: &Shared, _: FilePurpose, _: web_sys::File) {}

fn fixed_now() -> String {
    String::from("2026-01-15T10:00:00+08:00")
}

/// A widget store for a built-in template, with no effects performed.
pub fn shared(kind: &str, data: Option<Value>, today: Date, locale: Locale, read_only: bool) -> Shared {
    let t = builtin(kind).expect("builtin").expect("loads");
    let v = Validator::new(t, Config::default()).expect("validator");
    Shared::new(Store::new(Rc::new(v), locale, today, data, read_only), TEST_HOST, |_, _| {})
}

/// Every built-in template, as the loader hands them to a reviewer's page.
pub fn builtins() -> Builtins {
    Builtins::from_texts(builtin_names().iter().map(|n| (*n, builtin_json(n).expect("built in"))))
}

/// The widget's HTML.
pub async fn render(sh: &Shared) -> String {
    LocalServerRenderer::<App>::with_props(AppProps { shared: sh.clone() }).hydratable(false).render().await
}
