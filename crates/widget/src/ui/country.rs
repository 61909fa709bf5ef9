//! The country control (`country`, `countries` fields): the field's text input made an ARIA 1.2
//! combobox. It takes a name in either language or a code; as the user types, a list of matching
//! countries shows under it (↑ ↓ move through it, Enter or a click picks, Esc closes it). The
//! store keeps codes; the input shows names. Leaving the field, or Enter with no option chosen,
//! stores the code of a known name (`Msg::Touch`); unknown text stays as typed and gets its error.
//! What is being typed, and the option moved to, are the store's (`Store::typing`,
//! `store/country.rs`).

use serde_json::Value;
use yew::prelude::*;

use super::dom::dom_id;
use super::shared::Shared;
use super::store::country::{name, query, shown, suggestions, ComboKey};
use super::store::msg::Msg;
use super::store::state::Store;
use super::text::{w, W};
use checklist_core::template::{Field, FieldType};

/// What a country field adds to its input (`form::field`): the text (names, or what is being
/// typed), the combobox's state attributes, its keys, and the list.
pub(crate) struct Combo {
    pub text: String,
    pub expanded: &'static str,
    pub controls: Option<String>,
    pub active: Option<String>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub list: Html,
}

/// The combobox of field `f` at `path` holding `value`; `None` for a field of another type.
pub(crate) fn combo(s: &Store, sh: &Shared, f: &Field, path: &str, value: Option<&Value>) -> Option<Combo> {
    if !matches!(f.kind, FieldType::Country | FieldType::Countries) {
        return None;
    }
    let l = s.locale();
    let id = dom_id(path);
    let list_id = format!("{id}:list");
    let typing = s.typing().filter(|t| t.path == path);
    let text = typing.map_or_else(|| shown(value, l, w(l, W::ListSep)), |t| t.text.clone());
    let found = typing.filter(|t| t.open).map(|t| suggestions(query(&t.text, f.kind == FieldType::Countries))).unwrap_or_default();
    let open = !found.is_empty();
    let active = typing.and_then(|t| t.active).filter(|a| *a < found.len());
    let option_id = |a: usize| format!("{id}:{a}");
    let p = path.to_owned();
    let typed = typing.is_some();
    let onkeydown = sh.cb(move |e: KeyboardEvent| {
        // keyCode 229: a key the input method is handling (its Enter chooses a character).
        if e.is_composing() || e.key_code() == 229 {
            return None;
        }
        // Not typed in yet: ↓ and ↑ open the list of what the field shows (Store::combo); other keys are the input's.
        if !typed && !matches!(e.key().as_str(), "ArrowDown" | "ArrowUp") {
            return None;
        }
        let key = match (e.key().as_str(), active) {
            ("ArrowDown", _) => ComboKey::Down,
            ("ArrowUp", _) => ComboKey::Up,
            // Picking is the Enter's whole meaning here (no new row); a closed list's Esc is the page's.
            ("Enter", Some(a)) if open => ComboKey::Pick(a),
            ("Escape", _) if open => ComboKey::Close,
            // Enter with nothing chosen stores what was typed, as leaving does; Enter-in-cell follows.
            ("Enter", _) => return Some(Msg::Touch(p.clone())),
            _ => return None,
        };
        e.prevent_default();
        e.stop_propagation();
        Some(Msg::Combo(p.clone(), key))
    });
    let list = if open {
        html! {
            <ul class="ac-listbox" role="listbox" id={list_id.clone()} aria-label={f.label.get(l).to_owned()}>
                { for found.iter().enumerate().map(|(a, code)| {
                    let p = path.to_owned();
                    html! {
                        // mousedown would take focus from the input, and leaving it closes the list.
                        <li role="option" id={option_id(a)} aria-selected={if active == Some(a) { "true" } else { "false" }}
                            onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                            onclick={sh.cb(move |_: MouseEvent| Some(Msg::Combo(p.clone(), ComboKey::Pick(a))))}>{ name(code, l) }</li>
                    }
                }) }
            </ul>
        }
    } else {
        Html::default()
    };
    Some(Combo {
        text,
        expanded: if open { "true" } else { "false" },
        controls: open.then_some(list_id),
        active: active.map(option_id),
        onkeydown,
        list,
    })
}
