//! Element ids: each JSON pointer has one (`dom_id`), and the controls focus moves to that are not
//! fields have pointer tokens of their own. Ids are scoped by the widget's shadow root; the web
//! layer finds elements by them to move focus.

/// Pointer tokens of the row controls that focus moves to (`{row}/remove-row` …): element ids
/// made by `dom_id` like a field's, so that `Effect::Focus` reaches them. No template key may
/// take these names (they are not valid item keys: keys are camelCase).
pub const REMOVE_ASK: &str = "remove-row";
/// The 删除 button of a row's delete question.
pub const REMOVE_CONFIRM: &str = "confirm-remove";
/// A table's 添加一行 button.
pub const ADD_ROW: &str = "add-row";
/// The pointer token of the 打印 button's element id (see [`REMOVE_ASK`]).
pub const PRINT: &str = "print";
/// The pointer token of the print view's 返回 button.
pub const END_PRINT: &str = "end-print";
/// The pointer token of the restored-draft notice's 放弃草稿 button (see [`REMOVE_ASK`]).
pub const DISCARD_ASK: &str = "discard-draft";
/// The 放弃草稿 button of the question that follows it.
pub const DISCARD_CONFIRM: &str = "confirm-discard-draft";

/// The element id of a JSON pointer (ids are scoped by the widget's shadow root).
pub fn dom_id(path: &str) -> String {
    let mut s = String::from("ac");
    for c in path.chars() {
        match c {
            '/' => s.push('.'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => s.push(c),
            c => s.push_str(&format!("_{:x}", c as u32)),
        }
    }
    s
}

/// A JSON-pointer token for a key (`~` and `/` escaped).
pub fn esc(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
