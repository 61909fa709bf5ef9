//! Country fields (`country`, `countries`): stored as ISO 3166-1 codes, typed and shown as names.
//! What the suggestion list offers for what was typed, the items of a `countries` input, a typed
//! name turned into its code, and a stored value shown by name. The names are the core's
//! (`ident`): no second table.

use serde_json::Value;

use checklist_core::ident;
use checklist_core::locale::Locale;
use checklist_core::template::FieldType;

/// A country field being typed in: its text as typed (shown as it is, not by name, so that `CH`
/// on the way to `China` is not turned into 瑞士 under the caret), whether its list is open, and
/// the option moved to with ↑ ↓. Gone when the field is left or a suggestion picked.
#[derive(Debug, Clone, PartialEq)]
pub struct Typing {
    /// The field's JSON pointer.
    pub path: String,
    /// What the input holds.
    pub text: String,
    /// The list shows (Esc closes it, ↓ opens it again).
    pub open: bool,
    /// The option moved to.
    pub active: Option<usize>,
}

/// A key in a country field's list (the view sends it only while the field is typed in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComboKey {
    /// ↓: the next option, from the last to the first; opens a closed list.
    Down,
    /// ↑: the previous option, from the first to the last.
    Up,
    /// Esc: close the list, keep the text.
    Close,
    /// Enter on an option, or a click: store its country.
    Pick(usize),
}

/// At most this many suggestions show: enough to pick from, few enough to read out.
pub const MAX_SUGGESTIONS: usize = 8;

/// What separates the countries of a `countries` input: commas (either width), 、 and semicolons.
fn is_sep(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；')
}

/// The items of a `countries` input (`美国、日本`, `US, JP`). Spaces do not separate them, so
/// that `United States` stays one name.
pub fn items(raw: &str) -> Vec<&str> {
    raw.split(is_sep).map(str::trim).collect()
}

/// The part of the input the suggestions are for: all of it for one country, the item after the
/// last separator for several (empty right after a separator).
pub fn query(raw: &str, multi: bool) -> &str {
    if multi {
        items(raw).pop().unwrap_or(raw)
    } else {
        raw.trim()
    }
}

/// The codes of the countries whose name (in either language) or code matches `query`: the
/// country `query` names exactly first (so that 香港特别行政区 offers 中国香港), then names that
/// start with it, then names that contain it; shorter names first within each. Empty for an
/// empty query.
pub fn suggestions(query: &str) -> Vec<&'static str> {
    let q = query.trim();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    if q.is_empty() {
        return Vec::new();
    }
    let exact = ident::country_code(q);
    let lower = q.to_ascii_lowercase();
    for (code, zh, en) in ident::iso_country_names() {
        let en = en.to_ascii_lowercase();
        let rank = if exact == Some(*code) {
            0
        } else if zh.starts_with(q) || en.starts_with(&lower) {
            1
        } else if zh.contains(q) || en.contains(&lower) {
            2
        } else {
            continue;
        };
        let key = rank * 1000 + zh.chars().count();
        // Insertion into a short sorted list: no sort routine for one caller.
        let at = found.iter().position(|(k, _)| *k > key).unwrap_or(found.len());
        if at < MAX_SUGGESTIONS {
            found.insert(at, (key, code));
            found.truncate(MAX_SUGGESTIONS);
        }
    }
    found.into_iter().map(|(_, c)| c).collect()
}

/// A country as typed, by its code when the name (or code) is known, else as typed.
fn code_of(typed: &str) -> Value {
    Value::from(ident::country_code(typed).unwrap_or(typed))
}

/// The value a country field stores for `value` as typed: names (中国, China, 香港特别行政区, us)
/// become their codes; unknown text stays as typed for the validator to report. `None` when
/// nothing changes.
pub fn to_codes(kind: FieldType, value: &Value) -> Option<Value> {
    let coded = match (kind, value) {
        (FieldType::Country, Value::String(s)) => code_of(s),
        (FieldType::Countries, Value::Array(a)) => a.iter().map(|v| v.as_str().map_or_else(|| v.clone(), code_of)).collect(),
        _ => return None,
    };
    (coded != *value).then_some(coded)
}

/// The value after the suggestion `code` was picked in an input holding `raw`: the code for one
/// country; for several, the items before the last one (by code where known) and then `code`.
pub fn picked(raw: &str, multi: bool, code: &str) -> Value {
    if !multi {
        return Value::from(code);
    }
    let mut list = items(raw);
    list.pop();
    let mut out: Vec<Value> = list.into_iter().filter(|s| !s.is_empty()).map(code_of).collect();
    out.push(Value::from(code));
    Value::Array(out)
}

/// The name of a code in `locale` (the code itself when it is none).
pub fn name(code: &str, locale: Locale) -> &str {
    ident::country_name(code, locale).unwrap_or(code)
}

/// A stored country value as the input shows it: names, joined by `sep` for several; text that
/// is not a code as it was typed.
pub fn shown(value: Option<&Value>, locale: Locale, sep: &str) -> String {
    match value {
        Some(Value::String(s)) => name(s, locale).to_owned(),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(|s| name(s, locale)).collect::<Vec<_>>().join(sep),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::store::country::*;
    use serde_json::json;

    #[test]
    fn suggestions_put_the_likeliest_first() {
        assert_eq!(suggestions("美").first(), Some(&"US"), "{:?}", suggestions("美"));
        assert_eq!(suggestions("中国").first(), Some(&"CN"));
        assert_eq!(suggestions("香港特别行政区"), ["HK"], "an official name offers its region");
        assert_eq!(suggestions("jap"), ["JP"]);
        assert_eq!(suggestions("us").first(), Some(&"US"), "a code offers its country");
        assert!(suggestions("国").len() == MAX_SUGGESTIONS);
        assert!(suggestions("").is_empty() && suggestions("火星").is_empty());
    }

    #[test]
    fn names_become_codes_and_unknown_text_stays() {
        assert_eq!(to_codes(FieldType::Country, &json!("中国")), Some(json!("CN")));
        assert_eq!(to_codes(FieldType::Country, &json!("us")), Some(json!("US")));
        assert_eq!(to_codes(FieldType::Country, &json!("CN")), None);
        assert_eq!(to_codes(FieldType::Country, &json!("火星")), None);
        assert_eq!(to_codes(FieldType::Countries, &json!(["美国", "United States", "火星"])), Some(json!(["US", "US", "火星"])));
        assert_eq!(to_codes(FieldType::Text, &json!("中国")), None);
    }

    #[test]
    fn items_and_picks_of_several_countries() {
        assert_eq!(items("美国、日本，德国"), ["美国", "日本", "德国"]);
        assert_eq!(items("US, United States"), ["US", "United States"]);
        assert_eq!(query("美国、日", true), "日");
        assert_eq!(query("美国、", true), "");
        assert_eq!(query(" 美国 ", false), "美国");
        assert_eq!(picked("美国、日", true, "JP"), json!(["US", "JP"]));
        assert_eq!(picked("火星、日", true, "JP"), json!(["火星", "JP"]));
        assert_eq!(picked("美", false, "US"), json!("US"));
        assert_eq!(shown(Some(&json!(["US", "JP", "火星"])), Locale::ZhCn, "、"), "美国、日本、火星");
        assert_eq!(shown(Some(&json!("HK")), Locale::En, ", "), "Hong Kong, China");
    }
}
