//! The built-in templates a widget was given. The module carries none of them: the loader
//! (www/src/checklist.js) fetches the one a page uses from `pkg/templates/<name>.json`, with its
//! integrity, and passes its text to `mount` (a reviewer's page gets all three, since a record may
//! be of any kind). Texts are parsed when a template is needed, not before.

use std::collections::BTreeMap;
use std::rc::Rc;

use checklist_core::template::{self, Template, TemplateError};

/// Built-in template texts by name (`geren`, `shuzhi`, `tanhua`): cheap to clone and compare.
#[derive(Clone, Default, PartialEq)]
pub struct Builtins(Rc<BTreeMap<String, String>>);

impl Builtins {
    /// From the loader's JSON object of names to template texts. Only built-in names are kept: a
    /// host template is passed as an object in `template`, not under a built-in's name.
    pub fn from_json(text: &str) -> Result<Builtins, String> {
        let map: BTreeMap<String, String> = checklist_core::de::from_str(text).map_err(|e| e.to_string())?;
        Ok(Builtins::from_texts(map))
    }

    /// From `(name, text)` pairs; names that are not built-in are dropped.
    pub fn from_texts<N: Into<String>, T: Into<String>>(pairs: impl IntoIterator<Item = (N, T)>) -> Builtins {
        let mut map = BTreeMap::new();
        for (n, t) in pairs {
            let n: String = n.into();
            if template::builtin_names().contains(&n.as_str()) {
                map.insert(n, t.into());
            }
        }
        Builtins(Rc::new(map))
    }

    /// The built-in template `name`: `None` when it is not built in or was not given.
    pub fn get(&self, name: &str) -> Option<Result<Template, TemplateError>> {
        self.0.get(name).map(|text| template::load(text))
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::builtins::*;

    #[test]
    fn keeps_built_in_names_only_and_parses_on_demand() {
        let geren = template::builtin_json("geren").expect("built in");
        let b = Builtins::from_json(&serde_json::json!({ "geren": geren, "mine": "{}" }).to_string()).expect("an object of texts");
        assert!(b.get("mine").is_none(), "not a built-in name: dropped");
        assert_eq!(b.get("geren").expect("given").expect("loads").checklist_kind, template::ChecklistKind::Geren);
        assert!(b.get("shuzhi").is_none());
        assert!(Builtins::from_json("[1]").is_err());
        let broken = Builtins::from_texts([("tanhua", "{")]);
        assert!(broken.get("tanhua").expect("given").is_err(), "a broken text is an error, not a panic");
    }
}
