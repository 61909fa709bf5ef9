//! JSON pointers and values as the form handles them: the tokens of a pointer, setting a value by
//! pointer, what an input holds converted to the record's JSON, and a value shown in an input.

use serde_json::{Map, Value};

use checklist_core::template::FieldType;

/// Converts what an input holds into the JSON the record stores for a field of `kind`:
/// whole numbers for years and integers (so that exports match hand-written data), booleans
/// for `true`/`false`, arrays for country lists, text otherwise; empty input clears.
pub fn convert(kind: FieldType, raw: &str) -> Option<Value> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    match kind {
        FieldType::Year | FieldType::Integer if t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) => {
            t.parse::<u64>().ok().map(Value::from).or_else(|| text_value(raw))
        }
        FieldType::Boolean => match t {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => text_value(raw),
        },
        FieldType::Countries => Some(Value::Array(
            super::country::items(t).into_iter().filter(|s| !s.is_empty()).map(|s| Value::String(s.to_owned())).collect(),
        )),
        _ => text_value(raw),
    }
}

pub(super) fn text_value(raw: &str) -> Option<Value> {
    if raw.trim().is_empty() {
        None
    } else {
        Some(Value::String(raw.to_owned()))
    }
}

/// How a stored value shows in an input.
pub fn display(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) => a.iter().map(|x| display(Some(x))).collect::<Vec<_>>().join(", "),
        Some(o) => o.to_string(),
    }
}

/// The tokens of a JSON pointer, unescaped.
pub fn split_pointer(path: &str) -> Vec<String> {
    path.strip_prefix('/').unwrap_or(path).split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect()
}

/// Sets (or with `None` removes) the value at `path`, creating objects on the way. Array
/// tokens must name an existing element (or the next one). Never panics; an impossible path
/// changes nothing.
pub fn set_pointer(root: &mut Value, path: &str, value: Option<Value>) {
    let tokens = split_pointer(path);
    let Some((last, parents)) = tokens.split_last() else {
        return;
    };
    let mut cur = root;
    for t in parents {
        cur = match cur {
            // A missing row is never invented: only named objects are created on the way.
            Value::Object(m) if !m.contains_key(t) && t.parse::<usize>().is_ok() => return,
            Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match t.parse::<usize>() {
                Ok(i) if i < a.len() => &mut a[i],
                _ => return,
            },
            _ => return,
        };
        if cur.is_null() {
            *cur = Value::Object(Map::new());
        }
    }
    match cur {
        Value::Object(m) => match value {
            Some(v) => {
                m.insert(last.clone(), v);
            }
            None => {
                m.remove(last);
            }
        },
        Value::Array(a) => {
            if let (Ok(i), Some(v)) = (last.parse::<usize>(), value) {
                if i < a.len() {
                    a[i] = v;
                } else if i == a.len() {
                    a.push(v);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_set_creates_objects_and_ignores_impossible_paths() {
        let mut v = serde_json::json!({});
        set_pointer(&mut v, "/header/name", Some("张三".into()));
        assert_eq!(v, serde_json::json!({ "header": { "name": "张三" } }));
        set_pointer(&mut v, "/header/name/deeper", Some(1.into()));
        assert_eq!(v, serde_json::json!({ "header": { "name": "张三" } }));
        set_pointer(&mut v, "/C11/rows/3/x", Some(1.into()));
        assert_eq!(v["C11"], serde_json::json!({ "rows": {} }), "no row 3 is invented");
        set_pointer(&mut v, "/header/name", None);
        assert_eq!(v["header"], serde_json::json!({}));
    }

    #[test]
    fn conversions_follow_the_field_type() {
        assert_eq!(convert(FieldType::Year, " 2025 "), Some(Value::from(2025u64)));
        assert_eq!(convert(FieldType::Year, "二〇二五"), Some(Value::from("二〇二五")));
        assert_eq!(convert(FieldType::Boolean, "true"), Some(Value::Bool(true)));
        assert_eq!(convert(FieldType::Countries, "US，JP 、DE"), Some(serde_json::json!(["US", "JP", "DE"])));
        assert_eq!(convert(FieldType::Countries, "US,,"), Some(serde_json::json!(["US"])));
        assert_eq!(convert(FieldType::Countries, "美国、United States"), Some(serde_json::json!(["美国", "United States"])));
        assert_eq!(convert(FieldType::Text, "  "), None);
    }
}
