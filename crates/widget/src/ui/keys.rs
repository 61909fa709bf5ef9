//! Keyboard speed for clerks: one keydown listener on the widget root. Alt+Shift+S saves the
//! draft, Alt+Shift+V validates, Alt+Shift+N moves to the next problem (matched by the physical
//! key, never while an IME is composing); Enter in the last cell of a table row adds a row (or
//! moves to the next row's first cell). The decisions are in `store/navigation.rs` (pure, tested).

use yew::prelude::*;

use super::shared::Shared;
use super::store::msg::Msg;
use super::store::navigation::shortcut;

/// The root's `onkeydown`.
pub(crate) fn on_keydown(sh: &Shared) -> Callback<KeyboardEvent> {
    let sh = sh.clone();
    Callback::from(move |e: KeyboardEvent| {
        // keyCode 229: a key that an IME is handling (Chinese input).
        if e.is_composing() || e.key_code() == 229 {
            return;
        }
        let target_path = e.target_dyn_into::<web_sys::Element>().and_then(|el| {
            let tag = el.tag_name().to_ascii_uppercase();
            let typ = el.get_attribute("type").unwrap_or_default();
            let field = tag == "SELECT" || (tag == "INPUT" && !matches!(typ.as_str(), "file" | "button" | "submit"));
            el.get_attribute("data-path").map(|p| (p, field))
        });
        if let Some(which) = shortcut(&e.code(), e.alt_key(), e.shift_key(), e.ctrl_key(), e.meta_key(), false) {
            e.prevent_default();
            let msg = match which {
                "save" => Msg::SaveDraftNow,
                "validate" => Msg::Validate,
                _ => Msg::NextProblem(target_path.map(|(p, _)| p)),
            };
            sh.dispatch(msg);
            return;
        }
        if e.key() == "Enter" && !(e.alt_key() || e.shift_key() || e.ctrl_key() || e.meta_key()) {
            if let Some((path, true)) = target_path {
                let handled = sh.store.try_borrow().ok().and_then(|s| s.enter_target(&path)).is_some();
                if handled {
                    e.prevent_default();
                    sh.dispatch(Msg::EnterInCell(path));
                }
            }
        }
    })
}
