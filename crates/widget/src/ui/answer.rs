//! How an answer reads away from its input (核对, print, the change list): options by their label,
//! countries by name, references by the referenced row's name, units after numbers.

use serde_json::Value;

use super::store::pointer::display;
use super::store::state::Store;
use super::text::{w, W};
use checklist_core::ident;
use checklist_core::template::{Field, FieldType};

/// Options of a `ref` / `refs` field: (row id, label).
pub(crate) fn ref_options(s: &Store, f: &Field) -> Vec<(String, String)> {
    let Some(r) = &f.reference else { return Vec::new() };
    s.record()
        .pointer(&r.table)
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .filter_map(|row| {
                    let id = row.get("id")?.as_str()?.to_owned();
                    let name = display(row.get(&r.label));
                    let rel = row.get("relation").and_then(Value::as_str).map(|x| format!("（{x}）")).unwrap_or_default();
                    Some((id.clone(), if name.is_empty() { id } else { format!("{name}{rel}") }))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The answer of field `f` as text.
pub(crate) fn answer_text(s: &Store, f: &Field, v: Option<&Value>) -> String {
    let l = s.locale();
    match (f.kind, v) {
        (_, None) => w(l, W::NotFilled).to_owned(),
        (FieldType::Boolean, Some(Value::Bool(b))) => w(l, if *b { W::Yes } else { W::No }).to_owned(),
        (FieldType::Country, Some(Value::String(x))) => ident::country_name(x, l).map_or_else(|| x.clone(), str::to_owned),
        (FieldType::Countries, Some(Value::Array(a))) => {
            a.iter().filter_map(Value::as_str).map(|x| ident::country_name(x, l).unwrap_or(x)).collect::<Vec<_>>().join(w(l, W::ListSep))
        }
        (FieldType::Enum, Some(Value::String(x))) => {
            f.options.iter().find(|o| o.value() == x).map(|o| o.label(l).to_owned()).unwrap_or_else(|| x.clone())
        }
        (FieldType::Ref | FieldType::Refs, Some(v)) => {
            let opts = ref_options(s, f);
            let name = |id: &str| opts.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()).unwrap_or_else(|| id.to_owned());
            match v {
                Value::Array(a) => a.iter().filter_map(Value::as_str).map(name).collect::<Vec<_>>().join("、"),
                Value::String(x) => name(x),
                other => display(Some(other)),
            }
        }
        (_, v) => {
            let mut x = display(v);
            if let Some(u) = &f.unit {
                x.push(' ');
                x.push_str(u);
            }
            x
        }
    }
}
