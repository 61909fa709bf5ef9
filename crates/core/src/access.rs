//! Tolerant readers for record data, the one place that reads values out of a JSON record for the
//! engine, conditions, named rules and the talk schedule: every accessor returns `None` (or an
//! empty slice) for a missing, empty or mistyped value, so that no caller panics on odd input.
//! Declarative field checks already report the malformed value itself.

use serde_json::{Map, Value};

use crate::date::Date;
use crate::decimal::Decimal;
use crate::normalize;
use crate::template::model::{PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE};
use crate::template::pointer::escape_token;

/// The trimmed, non-empty string at `key` of `obj`.
pub fn text<'a>(obj: &'a Value, key: &str) -> Option<&'a str> {
    obj.get(key)?.as_str().map(normalize::trim).filter(|s| !s.is_empty())
}

/// The date at `key`.
pub fn date(obj: &Value, key: &str) -> Option<Date> {
    Date::parse(&normalize::date(text(obj, key)?)).ok()
}

/// The whole number at `key`: a JSON integer or a digit string.
pub fn int(obj: &Value, key: &str) -> Option<i64> {
    match obj.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => {
            let s = normalize::number(s);
            if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                s.parse().ok()
            }
        }
        _ => None,
    }
}

/// The boolean at `key`.
pub fn boolean(obj: &Value, key: &str) -> Option<bool> {
    obj.get(key)?.as_bool()
}

/// The decimal string at `key` (up to 4 decimals).
pub fn decimal(obj: &Value, key: &str) -> Option<Decimal> {
    Decimal::parse(&normalize::number(text(obj, key)?), 20, 4).ok()
}

/// The strings of a multi-choice value at `key`.
pub fn strings<'a>(obj: &'a Value, key: &str) -> impl Iterator<Item = &'a str> {
    obj.get(key).and_then(Value::as_array).map(|a| a.as_slice()).unwrap_or(&[]).iter().filter_map(Value::as_str)
}

/// Whether the multi-choice value at `key` contains `item`.
pub fn contains(obj: &Value, key: &str, item: &str) -> bool {
    strings(obj, key).any(|s| s == item)
}

/// The section object `record[section]` (Null when absent).
pub fn section<'a>(record: &'a Value, section: &str) -> &'a Value {
    record.get(section).unwrap_or(&Value::Null)
}

/// The rows of `record[section][table]`; empty when absent or not an array.
pub fn rows<'a>(record: &'a Value, section: &str, table: &str) -> &'a [Value] {
    record.get(section).and_then(|s| s.get(table)).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// The 有/无 answer of a section: `Some(true)` for 有, `Some(false)` for 无.
pub fn presence(record: &Value, section: &str) -> Option<bool> {
    match text(self::section(record, section), PRESENCE_KEY)? {
        PRESENCE_HAS => Some(true),
        PRESENCE_NONE => Some(false),
        _ => None,
    }
}

/// JSON pointer of a section field: `/section/key`.
pub fn field_path(section: &str, key: &str) -> String {
    format!("/{}/{}", escape_token(section), escape_token(key))
}

/// JSON pointer of a cell: `/section/table/index/key`.
pub fn cell_path(section: &str, table: &str, index: usize, key: &str) -> String {
    format!("/{}/{}/{}/{}", escape_token(section), escape_token(table), index, escape_token(key))
}

/// JSON pointer of a row: `/section/table/index`.
pub fn row_path(section: &str, table: &str, index: usize) -> String {
    format!("/{}/{}/{}", escape_token(section), escape_token(table), index)
}

/// The report year at `/header/year`.
pub fn report_year(record: &Value) -> Option<i32> {
    int(section(record, "header"), "year").and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..=9999).contains(y))
}

/// Whether a value counts as not filled: missing, null, blank text, or an empty list.
pub fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => normalize::trim(s).is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// The filled value at `key`: a sibling key of `obj` (the row or section object), or a JSON
/// pointer from the record root when it starts with `/`. `None` when it is not filled.
pub fn filled<'a>(key: &str, obj: &'a Map<String, Value>, record: &'a Value) -> Option<&'a Value> {
    let v = if key.starts_with('/') { record.pointer(key) } else { obj.get(key) };
    v.filter(|v| !is_empty(Some(v)))
}

/// The 有/无 answer of a section object: `Some(true)` for 有, `Some(false)` for 无.
pub fn presence_of(sobj: &Map<String, Value>) -> Option<bool> {
    match sobj.get(PRESENCE_KEY).and_then(Value::as_str).map(normalize::trim) {
        Some(PRESENCE_HAS) => Some(true),
        Some(PRESENCE_NONE) => Some(false),
        _ => None,
    }
}
