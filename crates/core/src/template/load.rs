//! Parsing and checking templates. Every problem names its place in the JSON as a JSON pointer.

use std::collections::HashSet;
use std::fmt;

use crate::template::model::{ChecklistKind, Condition, Field, FieldType, Template, CHANGED_KEY, PRESENCE_KEY};

/// Largest template accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 2 * 1024 * 1024;

/// Why a template was rejected: every problem found, each with its place in the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// `(JSON pointer, message)` pairs.
    pub problems: Vec<(String, String)>,
}

impl TemplateError {
    fn one(path: impl Into<String>, message: impl Into<String>) -> TemplateError {
        TemplateError { problems: vec![(path.into(), message.into())] }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (path, msg)) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            let at = if path.is_empty() { "/" } else { path };
            write!(f, "template {at}: {msg}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

/// Parses and checks a template from JSON text.
pub fn load(json: &str) -> Result<Template, TemplateError> {
    if json.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::one("", format!("larger than {MAX_TEMPLATE_BYTES} bytes")));
    }
    // Parse to a `Value` first and deserialize from that: one deserializer type for templates,
    // config, options and envelopes keeps the path-tracking code in the WebAssembly small.
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| TemplateError::one("", format!("not JSON: {e}")))?;
    let template: Template = crate::de::from_value(&value).map_err(|e| TemplateError::one(e.pointer, e.message))?;
    check(&template)?;
    Ok(template)
}

/// The built-in template names.
pub fn builtin_names() -> &'static [&'static str] {
    &["shuzhi", "tanhua", "geren"]
}

/// The checklist kind of a built-in template, by name, without loading it (the widget has only the
/// template in use, and an import needs no template to tell a relabelled file).
pub fn builtin_kind(name: &str) -> Option<ChecklistKind> {
    Some(match name {
        "shuzhi" => ChecklistKind::Shuzhi,
        "tanhua" => ChecklistKind::Tanhua,
        "geren" => ChecklistKind::Geren,
        _ => return None,
    })
}

/// A built-in template by name (`shuzhi`, `tanhua`, `geren`).
#[cfg(feature = "builtin-templates")]
pub fn builtin(name: &str) -> Option<Result<Template, TemplateError>> {
    let json = builtin_json(name)?;
    Some(load(json))
}

/// The JSON text of a built-in template: `src/templates/<name>.json` without the whitespace between
/// tokens (build.rs). Not in the WebAssembly module: the widget's loader fetches the one in use.
#[cfg(feature = "builtin-templates")]
pub fn builtin_json(name: &str) -> Option<&'static str> {
    Some(match name {
        "shuzhi" => include_str!(concat!(env!("OUT_DIR"), "/shuzhi.json")),
        "tanhua" => include_str!(concat!(env!("OUT_DIR"), "/tanhua.json")),
        "geren" => include_str!(concat!(env!("OUT_DIR"), "/geren.json")),
        _ => return None,
    })
}

/// The readable source of a built-in template, as a host copies it to start its own (the CLI's
/// `template NAME`). Native only: the WebAssembly module carries the compact text alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "shuzhi" => include_str!("../templates/shuzhi.json"),
        "tanhua" => include_str!("../templates/tanhua.json"),
        "geren" => include_str!("../templates/geren.json"),
        _ => return None,
    })
}

/// Semantic checks that serde cannot express.
fn check(t: &Template) -> Result<(), TemplateError> {
    let mut problems = Vec::new();
    let mut p = |path: String, msg: String| problems.push((path, msg));

    if t.id.trim().is_empty() {
        p("/id".into(), "must not be empty".into());
    }
    let mut section_ids = HashSet::new();
    for (si, s) in t.sections.iter().enumerate() {
        let sp = format!("/sections/{si}");
        if s.id.trim().is_empty() || s.id.contains('/') || s.id.contains('~') {
            p(format!("{sp}/id"), "must be a non-empty key without `/` or `~`".into());
        }
        if !section_ids.insert(s.id.as_str()) {
            p(format!("{sp}/id"), format!("duplicate section id `{}`", s.id));
        }
        let mut keys = HashSet::new();
        for reserved in [PRESENCE_KEY, CHANGED_KEY] {
            keys.insert(reserved);
        }
        for (fi, f) in s.fields.iter().enumerate() {
            let fp = format!("{sp}/fields/{fi}");
            if !keys.insert(f.key.as_str()) {
                p(format!("{fp}/key"), format!("duplicate or reserved key `{}`", f.key));
            }
            check_field(f, &fp, &mut p);
        }
        for (fi, f) in s.fields.iter().enumerate() {
            check_shown_if(f, &format!("{sp}/fields/{fi}"), &s.fields, false, &mut p);
        }
        for (ti, table) in s.tables.iter().enumerate() {
            let tp = format!("{sp}/tables/{ti}");
            if !keys.insert(table.id.as_str()) {
                p(format!("{tp}/id"), format!("duplicate or reserved key `{}`", table.id));
            }
            if table.columns.is_empty() {
                p(format!("{tp}/columns"), "a table needs at least one column".into());
            }
            if let (Some(min), Some(max)) = (table.min_rows, table.max_rows) {
                if min > max {
                    p(format!("{tp}/minRows"), "minRows is larger than maxRows".into());
                }
            }
            let mut cols = HashSet::new();
            for (ci, c) in table.columns.iter().enumerate() {
                let cp = format!("{tp}/columns/{ci}");
                if !cols.insert(c.key.as_str()) {
                    p(format!("{cp}/key"), format!("duplicate column `{}`", c.key));
                }
                check_field(c, &cp, &mut p);
            }
            for (ci, c) in table.columns.iter().enumerate() {
                check_shown_if(c, &format!("{tp}/columns/{ci}"), &table.columns, true, &mut p);
            }
            for (ki, k) in table.checks.iter().enumerate() {
                for (side, key) in [("left", &k.left), ("right", &k.right)] {
                    if !key.starts_with('/') && !cols.contains(key.as_str()) {
                        p(format!("{tp}/checks/{ki}/{side}"), format!("no column `{key}` in this table"));
                    }
                }
            }
        }
        for (ki, k) in s.checks.iter().enumerate() {
            for (side, key) in [("left", &k.left), ("right", &k.right)] {
                if !key.starts_with('/') && s.field(key).is_none() {
                    p(format!("{sp}/checks/{ki}/{side}"), format!("no field `{key}` in this section"));
                }
            }
        }
        if let Some(presence) = &s.presence {
            if let Some(key) = &presence.none_reason_field {
                if s.field(key).is_none() {
                    p(format!("{sp}/presence/noneReasonField"), format!("no field `{key}` in this section"));
                }
            }
        }
        if let Some(c) = &s.when {
            check_condition(c, &format!("{sp}/when"), &mut p);
        }
    }
    for (ri, rule) in t.rules.iter().enumerate() {
        match crate::rules::ids::kind_of(rule) {
            None => p(format!("/rules/{ri}"), format!("unknown rule `{rule}`")),
            Some(kind) if kind != t.checklist_kind => p(
                format!("/rules/{ri}"),
                format!("rule `{rule}` belongs to `{}` checklists, not `{}`", kind.as_str(), t.checklist_kind.as_str()),
            ),
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(TemplateError { problems })
    }
}

fn check_field(f: &Field, fp: &str, p: &mut impl FnMut(String, String)) {
    if f.key.trim().is_empty() || f.key.contains('/') || f.key.contains('~') {
        p(format!("{fp}/key"), "must be a non-empty key without `/` or `~`".into());
    }
    match f.kind {
        FieldType::Enum | FieldType::MultiEnum => {
            if f.options.is_empty() {
                p(format!("{fp}/options"), "an enum field needs options".into());
            }
            let mut seen = HashSet::new();
            for (oi, o) in f.options.iter().enumerate() {
                if !seen.insert(o.value()) {
                    p(format!("{fp}/options/{oi}"), format!("duplicate option `{}`", o.value()));
                }
            }
        }
        FieldType::Ref | FieldType::Refs if f.reference.is_none() => {
            p(format!("{fp}/reference"), "a ref field needs `reference`".into());
        }
        FieldType::IdNumber if f.links.as_ref().and_then(|l| l.id_type.as_ref()).is_none() => {
            p(format!("{fp}/links/idType"), "an idNumber field needs `links.idType`".into());
        }
        _ => {}
    }
    if f.checkbox && f.kind != FieldType::Boolean {
        p(format!("{fp}/checkbox"), "only a boolean field can be one checkbox".into());
    }
    if let Some(pattern) = &f.pattern {
        if let Err(e) = crate::pattern::Pattern::new(pattern) {
            p(format!("{fp}/pattern"), format!("not a valid regular expression: {e}"));
        }
    }
    if let Some(d) = f.decimals {
        if d > 4 {
            p(format!("{fp}/decimals"), "at most 4 decimals are supported".into());
        }
    }
    for (name, bound) in [("min", &f.min), ("max", &f.max)] {
        if let Some(v) = bound {
            let ok = match v {
                serde_json::Value::Number(n) => n.is_i64() || n.is_u64(),
                serde_json::Value::String(s) => crate::decimal::Decimal::parse(s, 20, 4).is_ok(),
                _ => false,
            };
            if !ok {
                p(format!("{fp}/{name}"), "must be an integer or a decimal string".into());
            }
        }
    }
    if let Some(w) = &f.warn_above {
        if crate::decimal::Decimal::parse(w, 20, 4).is_err() {
            p(format!("{fp}/warnAbove"), "must be a decimal string".into());
        }
    }
    if let Some(c) = &f.required_if {
        check_condition(c, &format!("{fp}/requiredIf"), p);
    }
}

/// A `shownIf` is a valid condition whose fields exist: another field of the section (or a
/// pointer from the record root), or, for a column (`row`), another cell of its own row: the form
/// keeps each row's rendering until that row changes, and a keystroke re-checks one row. The
/// fields are checked natively, not in the WebAssembly build.
fn check_shown_if(f: &Field, fp: &str, siblings: &[Field], row: bool, p: &mut impl FnMut(String, String)) {
    let Some(c) = &f.shown_if else { return };
    let cp = format!("{fp}/shownIf");
    check_condition(c, &cp, p);
    // Natively only (the CLI, the endpoint, the tests): an authoring check that costs the widget's
    // download 0.4 KB; check a host template with `accountability-checklist validate --template FILE`.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(key) = unknown_field(c, &f.key, siblings, row) {
        p(cp, format!("`{key}` is not another field of this section, nor a cell of this row"));
    }
    #[cfg(target_arch = "wasm32")]
    let _ = (siblings, row);
}

#[cfg(not(target_arch = "wasm32"))]
/// The first field a `shownIf` of the field `own` names that is neither a sibling nor, outside a
/// row, a pointer from the record root.
fn unknown_field<'c>(c: &'c Condition, own: &str, siblings: &[Field], row: bool) -> Option<&'c str> {
    if let Some(key) = c.field.as_deref() {
        let known = if key.starts_with('/') {
            !row
        } else {
            key != own && (siblings.iter().any(|s| s.key == key) || (!row && key == PRESENCE_KEY))
        };
        if !known {
            return Some(key);
        }
    }
    let subs = c.all_of.iter().chain(&c.any_of).flatten().chain(c.not.as_deref());
    subs.filter_map(|s| unknown_field(s, own, siblings, row)).next()
}

fn check_condition(c: &Condition, cp: &str, p: &mut impl FnMut(String, String)) {
    let has_op = c.eq.is_some()
        || c.ne.is_some()
        || c.one_of.is_some()
        || c.not_in.is_some()
        || c.contains.is_some()
        || c.contains_any.is_some()
        || c.filled.is_some();
    if has_op && c.field.is_none() {
        p(format!("{cp}/field"), "a condition with an operator needs `field`".into());
    }
    if !has_op && c.all_of.is_none() && c.any_of.is_none() && c.not.is_none() {
        p(cp.to_owned(), "a condition needs an operator or allOf / anyOf / not".into());
    }
    for (name, list) in [("allOf", &c.all_of), ("anyOf", &c.any_of)] {
        if let Some(list) = list {
            for (i, sub) in list.iter().enumerate() {
                check_condition(sub, &format!("{cp}/{name}/{i}"), p);
            }
        }
    }
    if let Some(sub) = &c.not {
        check_condition(sub, &format!("{cp}/not"), p);
    }
}

#[cfg(test)]
mod tests {
    use crate::template::load::*;

    #[test]
    fn builtins_are_their_sources_without_whitespace() {
        for name in builtin_names() {
            let src = builtin_source(name).expect("source");
            let built = builtin_json(name).expect("built-in");
            assert!(built.len() < src.len(), "{name}: nothing removed");
            let (a, b): (serde_json::Value, serde_json::Value) = (serde_json::from_str(src).unwrap(), serde_json::from_str(built).unwrap());
            assert_eq!(a, b, "{name}: the compact text is the same JSON");
        }
    }

    #[test]
    fn builtins_load_and_their_kinds_are_known_without_loading() {
        for name in builtin_names() {
            let t = builtin(name).expect("listed").unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(t.id, *name);
            assert_eq!(builtin_kind(name), Some(t.checklist_kind), "{name}");
        }
        assert!(builtin("nope").is_none());
        assert_eq!(builtin_kind("nope"), None);
    }

    #[test]
    fn syntax_and_type_errors_name_the_place() {
        let e = load(r#"{"id":"x","version":"1","checklistKind":"geren","regulationVersion":"R17","title":{"zh":"t"},"sections":[{"id":"a","title":{"zh":"a"},"fields":[{"key":"k","label":{"zh":"k"},"type":"bogus"}]}]}"#).unwrap_err();
        assert_eq!(e.problems[0].0, "/sections/0/fields/0/type");
        let e = load("{").unwrap_err();
        assert!(e.to_string().contains("EOF"), "{e}");
        let e = load(
            r#"{"id":"x","version":"1","checklistKind":"shuzhi","regulationVersion":"Y2021","title":{"zh":"t"},"sections":[],"extra":1}"#,
        )
        .unwrap_err();
        assert!(e.problems[0].1.contains("unknown field"), "{e}");
    }

    #[test]
    fn semantic_errors_are_all_reported() {
        let json = r#"{"id":"x","version":"1","checklistKind":"geren","regulationVersion":"R17","title":{"zh":"t"},
          "sections":[
            {"id":"a","title":{"zh":"a"},"fields":[
              {"key":"k","label":{"zh":"k"},"type":"enum"},
              {"key":"k","label":{"zh":"k"},"type":"text","pattern":"("},
              {"key":"r","label":{"zh":"r"},"type":"ref"},
              {"key":"c","label":{"zh":"c"},"type":"text","checkbox":true}]},
            {"id":"a","title":{"zh":"b"}}],
          "rules":["Z-R99","A-R01"]}"#;
        let e = load(json).unwrap_err();
        let paths: Vec<&str> = e.problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/sections/0/fields/0/options",
                "/sections/0/fields/1/key",
                "/sections/0/fields/1/pattern",
                "/sections/0/fields/2/reference",
                "/sections/0/fields/3/checkbox",
                "/sections/1/id",
                "/rules/0",
                "/rules/1"
            ]
        );
    }

    #[test]
    fn a_shown_if_names_another_field_of_its_row_or_section() {
        let json = r#"{"id":"x","version":"1","checklistKind":"geren","regulationVersion":"R17","title":{"zh":"t"},
          "sections":[
            {"id":"a","title":{"zh":"a"},"fields":[
              {"key":"kind","label":{"zh":"k"},"type":"text"},
              {"key":"ok","label":{"zh":"o"},"type":"text","shownIf":{"anyOf":[{"field":"kind","eq":"x"},{"field":"/b/t/0/k","filled":true}]}},
              {"key":"self","label":{"zh":"s"},"type":"text","shownIf":{"field":"self","filled":true}},
              {"key":"typo","label":{"zh":"t"},"type":"text","shownIf":{"not":{"field":"knd","eq":"x"}}},
              {"key":"empty","label":{"zh":"e"},"type":"text","shownIf":{}}]},
            {"id":"b","title":{"zh":"b"},"tables":[{"id":"t","title":{"zh":"t"},"columns":[
              {"key":"relation","label":{"zh":"r"},"type":"text"},
              {"key":"k","label":{"zh":"k"},"type":"text","shownIf":{"field":"relation","ne":"本人"}},
              {"key":"far","label":{"zh":"f"},"type":"text","shownIf":{"field":"/a/kind","eq":"x"}}]}]}]}"#;
        let e = load(json).unwrap_err();
        let paths: Vec<&str> = e.problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/sections/0/fields/2/shownIf",
                "/sections/0/fields/3/shownIf",
                "/sections/0/fields/4/shownIf",
                "/sections/1/tables/0/columns/2/shownIf"
            ],
            "{e}"
        );
    }
}
