//! The widget's part of the `import` fuzz target: a store that is handed an arbitrary file never
//! panics, and when the file is refused it keeps the user's data exactly. Replayed for every saved
//! input by tests/widget/robustness.rs (which includes this file).

use std::rc::Rc;

use checklist_core::{envelope, template, Config, Date, Locale, Validator};
use checklist_widget::ui::store::msg::Msg;
use checklist_widget::ui::store::state::Store;

/// Import of an arbitrary file through the widget's store: a refused file leaves the data alone.
pub fn import_into_store(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let t = template::builtin("geren").expect("built-in").expect("loads");
    let v = Rc::new(Validator::new(t, Config::default()).expect("validator"));
    let today = Date::new(2026, 1, 15).expect("a valid date");
    let mut store = Store::new(v, Locale::ZhCn, today, Some(serde_json::json!({ "header": { "name": "张三" } })), false);
    let before = store.record().clone();
    let usable = envelope::import(&text, Some(store.validator().template()), store.validator().config()).is_usable();
    store.update(Msg::Import(text.into_owned()));
    if !usable {
        assert_eq!(store.record(), &before, "a refused import changed the data");
    }
}
