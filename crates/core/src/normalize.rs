//! Input normalisation before validation (SPEC §2.2): full-width to half-width, identifier
//! clean-up, names with `·`, and the stored form of every numeric, date, year, identifier and
//! code field ([`field`], [`value`], [`record`]). Pure functions; they never reject anything,
//! validation does.
//!
//! One rule for the whole product: the engine validates the normalised value, and the widget
//! stores, exports, posts and prints it, so that the widget, the CLI and the server agree on what
//! a typed `１８.６０` or `2018年7月2日` means.

use std::borrow::Cow;

use serde_json::Value;

use crate::template::{FieldType, Template};

/// Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, and the ideographic space to a space.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// An identifier as validators see it: half-width, upper case, without spaces or hyphens, the
/// check character `x` / `×` / `Ｘ` as `X`.
pub fn identifier(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in to_half_width(s).chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' | '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{00A0}' => {}
            '×' => out.push('X'),
            c => out.push(c.to_ascii_uppercase()),
        }
    }
    out
}

/// Whether `identifier` changed anything, i.e. whether the raw text should be kept for audit.
pub fn identifier_changed(raw: &str) -> bool {
    identifier(raw) != raw
}

/// Free text: trimmed, runs of ideographic spaces collapsed to one. Line breaks are kept.
/// Borrows when nothing changes, which is almost always.
pub fn text(s: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = trim(s);
    if !has_double_ideographic_space(trimmed) {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut prev_ideographic = false;
    for c in trimmed.chars() {
        let ideographic = c == '\u{3000}';
        if !(ideographic && prev_ideographic) {
            out.push(c);
        }
        prev_ideographic = ideographic;
    }
    std::borrow::Cow::Owned(out)
}

/// `str::trim` (Unicode whitespace at both ends), with a fast path for the usual value whose first
/// and last characters plainly are not whitespace: ASCII letters, digits and punctuation, and
/// three- or four-byte characters whose lead byte is E4 or above (CJK ideographs, full-width
/// forms; every Unicode space below U+FFFF has lead byte C2, E1, E2 or E3, none above U+FFFF).
/// Every cell is trimmed on every validation, and `str::trim` decodes characters at both ends.
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let n = b.len();
    if n == 0 {
        return s;
    }
    let start_plain = b[0].is_ascii_graphic() || b[0] >= 0xE4;
    let end_plain = b[n - 1].is_ascii_graphic() || (n >= 3 && b[n - 3] >= 0xE4 && b[n - 3] < 0xF0) || (n >= 4 && b[n - 4] >= 0xF0);
    if start_plain && end_plain {
        s
    } else {
        s.trim()
    }
}

/// Whether `s` holds two ideographic spaces (U+3000, bytes E3 80 80) in a row. A byte scan: a
/// substring search builds a searcher on every call, and this runs for every text cell.
fn has_double_ideographic_space(s: &str) -> bool {
    const PAIR: &[u8] = "\u{3000}\u{3000}".as_bytes();
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&x| x == 0xE3) {
        let at = from + p;
        if b[at..].starts_with(PAIR) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Look-alikes of the middle dot `·` (U+00B7) that people type in names such as `买买提·艾力`.
pub const MIDDLE_DOT_LOOKALIKES: &[char] = &['•', '．', '・', '‧', '∙', '⋅', '\u{FF65}'];

/// A person's name: trimmed, dot look-alikes mapped to `·`. Returns the name and whether a
/// look-alike was replaced (which deserves a warning, SPEC §2.2).
pub fn name(s: &str) -> (String, bool) {
    let trimmed = s.trim();
    let mut replaced = false;
    let out = trimmed
        .chars()
        .map(|c| {
            if MIDDLE_DOT_LOOKALIKES.contains(&c) {
                replaced = true;
                '·'
            } else {
                c
            }
        })
        .collect();
    (out, replaced)
}

/// Whether every character may appear in a name: Han ideographs of every CJK block (including
/// Extension B and later, as GB 18030-2022 requires), `·`, Latin letters and spaces.
pub fn is_name_char(c: char) -> bool {
    c == '·' || c == ' ' || c.is_ascii_alphabetic() || is_han(c)
}

/// Han script ideographs, by block.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF      // Extension A
        | 0x4E00..=0x9FFF    // URO
        | 0xF900..=0xFAFF    // Compatibility ideographs
        | 0x3007             // 〇
        | 0x20000..=0x2A6DF  // Extension B
        | 0x2A700..=0x2EBEF  // Extensions C–F, I
        | 0x2EBF0..=0x2EE5F  // Extension I
        | 0x2F800..=0x2FA1F  // Compatibility supplement
        | 0x30000..=0x323AF  // Extensions G, H
    )
}

/// What a field's text becomes before it is validated and stored, by the field's type:
/// numbers without spaces, dates as `YYYY-MM-DD`, identifiers compact and upper-case, codes
/// upper-case; other text is left as typed (its own checks trim it). Borrows when nothing
/// changes, which is the usual case.
pub fn field(kind: FieldType, s: &str) -> Cow<'_, str> {
    match kind {
        FieldType::Year => year(s),
        FieldType::Integer
        | FieldType::MoneyWan
        | FieldType::MoneyYuan
        | FieldType::AreaM2
        | FieldType::Percent
        | FieldType::FundShares => number(s),
        FieldType::Date => date(s),
        FieldType::IdCard
        | FieldType::IdNumber
        | FieldType::Uscc
        | FieldType::UsccOrRegNo
        | FieldType::OrgCode
        | FieldType::Passport
        | FieldType::TravelPermit
        | FieldType::Mobile => {
            if s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(identifier(s))
            }
        }
        FieldType::Country | FieldType::Countries | FieldType::Currency => code(s),
        _ => Cow::Borrowed(s),
    }
}

/// Whether any character needs [`to_half_width`] or is white space.
fn needs_compacting(s: &str) -> bool {
    !s.bytes().all(|b| b.is_ascii_graphic())
}

/// A number as typed (`１８.６０`, ` 18. 60 `): half-width, without white space. Other
/// characters stay for the validator to report.
pub fn number(s: &str) -> Cow<'_, str> {
    if !needs_compacting(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(to_half_width(s).chars().filter(|c| !c.is_whitespace()).collect())
}

/// A year as typed: a number, and a trailing `年` (`２０２５年`) dropped.
pub fn year(s: &str) -> Cow<'_, str> {
    let n = number(s);
    match n.strip_suffix('年') {
        Some(rest) => Cow::Owned(rest.to_owned()),
        None => n,
    }
}

/// A code (country, currency): half-width, trimmed, upper case.
pub fn code(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(to_half_width(s).trim().to_ascii_uppercase())
}

/// A date as people write it, in the stored form `YYYY-MM-DD`: `2018.7.2`, `2018/7/2`,
/// `2018-7-2`, `20180702` and `2018年7月2日` (full-width digits too) all become `2018-07-02`.
/// Whether the day exists is the validator's question (`2018.2.30` becomes `2018-02-30`, reported
/// as no such day); text of any other shape is only made half-width and trimmed.
pub fn date(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return Cow::Borrowed(s);
    }
    let half = to_half_width(s);
    let t = half.trim();
    match loose_date(t) {
        Some((y, m, d)) => Cow::Owned(format!("{y:04}-{m:02}-{d:02}")),
        None if t == s => Cow::Borrowed(s),
        None => Cow::Owned(t.to_owned()),
    }
}

/// Year, month and day of a loosely written date, if it has one of the accepted shapes.
fn loose_date(t: &str) -> Option<(u32, u32, u32)> {
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some((t[..4].parse().ok()?, t[4..6].parse().ok()?, t[6..].parse().ok()?));
    }
    // Digit runs and the separators between them.
    let mut nums: Vec<&str> = Vec::with_capacity(3);
    let mut seps: Vec<char> = Vec::with_capacity(3);
    let mut start = None;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
        } else {
            if let Some(st) = start.take() {
                nums.push(&t[st..i]);
            } else {
                return None; // two separators in a row, or a leading one
            }
            seps.push(c);
        }
    }
    if let Some(st) = start {
        nums.push(&t[st..]);
    }
    let shape_ok = match (seps.as_slice(), nums.len()) {
        ([a, b], 3) if a == b && matches!(a, '-' | '.' | '/') => true,
        (['年', '月'], 3) => true,
        (['年', '月', '日'], 3) => true,
        _ => false,
    };
    let digits_ok = nums.len() == 3 && nums[0].len() == 4 && (1..=2).contains(&nums[1].len()) && (1..=2).contains(&nums[2].len());
    if !(shape_ok && digits_ok) {
        return None;
    }
    Some((nums[0].parse().ok()?, nums[1].parse().ok()?, nums[2].parse().ok()?))
}

/// The stored form of a JSON value of a field of `kind`, when it differs from `v`: normalised
/// text, and a whole number for a year or count typed as (full-width) digits.
pub fn value(kind: FieldType, v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => {
            let n = field(kind, s);
            if matches!(kind, FieldType::Year | FieldType::Integer)
                && !n.is_empty()
                && n.len() <= 15
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                return n.parse::<u64>().ok().map(Value::from);
            }
            match n {
                Cow::Owned(o) if o != *s => Some(Value::String(o)),
                _ => None,
            }
        }
        Value::Array(items) if kind == FieldType::Countries => {
            let mut changed = false;
            let out: Vec<Value> = items
                .iter()
                .map(|item| match value(kind, item) {
                    Some(n) => {
                        changed = true;
                        n
                    }
                    None => item.clone(),
                })
                .collect();
            changed.then_some(Value::Array(out))
        }
        _ => None,
    }
}

/// One value [`record`] changed: where, what was there and what is stored now.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// JSON pointer of the value.
    pub path: String,
    /// The value as typed.
    pub from: Value,
    /// The value as stored.
    pub to: Value,
}

/// Normalises every field of `template` in `data` in place (section fields and table cells) and
/// says what changed. Values of the wrong JSON type are left for validation to report.
pub fn record(template: &Template, data: &mut Value) -> Vec<Change> {
    let mut changes = Vec::new();
    for section in &template.sections {
        let Some(sobj) = data.get_mut(&section.id).and_then(Value::as_object_mut) else { continue };
        let base = format!("/{}", crate::template::escape_token(&section.id));
        for f in &section.fields {
            if let Some(v) = sobj.get_mut(&f.key) {
                apply(f.kind, v, format!("{base}/{}", crate::template::escape_token(&f.key)), &mut changes);
            }
        }
        for table in &section.tables {
            let Some(rows) = sobj.get_mut(&table.id).and_then(Value::as_array_mut) else { continue };
            for (i, row) in rows.iter_mut().enumerate() {
                let Some(robj) = row.as_object_mut() else { continue };
                for c in &table.columns {
                    if let Some(v) = robj.get_mut(&c.key) {
                        let path =
                            format!("{base}/{}/{i}/{}", crate::template::escape_token(&table.id), crate::template::escape_token(&c.key));
                        apply(c.kind, v, path, &mut changes);
                    }
                }
            }
        }
    }
    changes
}

fn apply(kind: FieldType, v: &mut Value, path: String, changes: &mut Vec<Change>) {
    if let Some(n) = value(kind, v) {
        let from = std::mem::replace(v, n.clone());
        changes.push(Change { path, from, to: n });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_half_width_upper_case_and_compact() {
        assert_eq!(identifier("１１０１０５ １９４９１２３１００２ｘ"), "11010519491231002X");
        assert_eq!(identifier("11010519491231002×"), "11010519491231002X");
        assert_eq!(identifier("11010519491231002Ｘ"), "11010519491231002X");
        assert_eq!(identifier("9135-0100-M000100Y43"), "91350100M000100Y43");
        assert!(identifier_changed("9135 0100M000100Y43"));
        assert!(!identifier_changed("91350100M000100Y43"));
    }

    #[test]
    fn names_keep_rare_characters_and_fix_dots() {
        assert_eq!(name(" 买买提•艾力 "), ("买买提·艾力".to_string(), true));
        assert_eq!(name("𠮷野家"), ("𠮷野家".to_string(), false));
        assert_eq!("𠮷野家".chars().count(), 3);
        assert!("𠮷野家".chars().all(is_name_char));
        assert!("买买提·艾力".chars().all(is_name_char));
        assert!(!"张三<img>".chars().all(is_name_char));
    }

    #[test]
    fn text_collapses_ideographic_spaces() {
        assert_eq!(text("  第一段\u{3000}\u{3000}\u{3000}内容\n第二段  "), "第一段\u{3000}内容\n第二段");
        // One ideographic space is kept; other characters starting with byte E3 (〃 is E3 80 83,
        // 々 is E3 80 85) are not mistaken for it.
        assert_eq!(text("第一\u{3000}〃\u{3000}々"), "第一\u{3000}〃\u{3000}々");
        assert_eq!(text("〃\u{3000}\u{3000}"), "〃");
        assert_eq!(text("a\u{3000}\u{3000}b"), "a\u{3000}b");
        // Unicode whitespace at either end is trimmed, ASCII-only text is borrowed as is.
        assert_eq!(text("\u{3000}内容\u{00A0}"), "内容");
        assert_eq!(text("\t x \n"), "x");
        assert!(matches!(text("abc"), std::borrow::Cow::Borrowed("abc")));
        assert_eq!(text(""), "");
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let spaces = [
            '\u{0085}', '\u{00A0}', '\u{1680}', '\u{2000}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}', ' ',
            '\t', '\n',
        ];
        let plain = ["a", "1", "住宅", "）", "。", "𠮷", "é", "·", "~"];
        for p in plain {
            for q in plain {
                for sp in spaces {
                    for s in
                        [format!("{p}{q}"), format!("{sp}{p}{q}"), format!("{p}{q}{sp}"), format!("{sp}{p}{sp}{q}{sp}"), format!("{sp}")]
                    {
                        assert_eq!(trim(&s), s.trim(), "{s:?}");
                    }
                }
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn numbers_dates_and_codes_take_their_stored_form() {
        let cases: &[(FieldType, &str, &str)] = &[
            (FieldType::MoneyWan, "１８.６０", "18.60"),
            (FieldType::MoneyWan, "１８．６０", "18.60"),
            (FieldType::MoneyWan, " 18.60\u{3000}", "18.60"),
            (FieldType::AreaM2, "１２０", "120"),
            (FieldType::Percent, "３３.３３", "33.33"),
            (FieldType::Year, "２０２５", "2025"),
            (FieldType::Year, "２０２５年", "2025"),
            (FieldType::Date, "２０２５-０８-０２", "2025-08-02"),
            (FieldType::Date, "2018.7.2", "2018-07-02"),
            (FieldType::Date, "2018/7/2", "2018-07-02"),
            (FieldType::Date, "2018-7-2", "2018-07-02"),
            (FieldType::Date, "20180702", "2018-07-02"),
            (FieldType::Date, "2018年7月2日", "2018-07-02"),
            (FieldType::Date, "２０１８年７月２日", "2018-07-02"),
            (FieldType::Date, " 2018-07-02 ", "2018-07-02"),
            (FieldType::Date, "2018.2.30", "2018-02-30"),
            // Not a date shape: only half-width and trimmed; the validator reports the format.
            (FieldType::Date, "2018.7/2", "2018.7/2"),
            (FieldType::Date, "7/2/2018", "7/2/2018"),
            (FieldType::Date, "2018年7月", "2018年7月"),
            (FieldType::Date, "18.7.2", "18.7.2"),
            (FieldType::IdCard, "３３０１０６１９９００１０１００１ｘ", "33010619900101001X"),
            (FieldType::Passport, "e９８７６５４３２", "E98765432"),
            (FieldType::TravelPermit, "c１２３４５６７８", "C12345678"),
            (FieldType::UsccOrRegNo, "１１０１０５００００００００４", "110105000000004"),
            (FieldType::Country, " ｕｓ ", "US"),
            (FieldType::Currency, "ｕｓｄ", "USD"),
            (FieldType::Mobile, "１３８ ００１３ ８０００", "13800138000"),
            (FieldType::Text, " 全角１ ", " 全角１ "),
        ];
        for (kind, typed, stored) in cases {
            assert_eq!(field(*kind, typed), *stored, "{kind:?} {typed:?}");
        }
        assert!(matches!(field(FieldType::Date, "2018-07-02"), Cow::Borrowed(_)));
        assert!(matches!(field(FieldType::MoneyWan, "18.60"), Cow::Borrowed(_)));
    }

    #[test]
    fn values_and_records_are_normalised_in_place() {
        use serde_json::json;
        assert_eq!(value(FieldType::Year, &json!("２０２５")), Some(json!(2025)));
        assert_eq!(value(FieldType::Integer, &json!("１２")), Some(json!(12)));
        assert_eq!(value(FieldType::Year, &json!(2025)), None);
        assert_eq!(value(FieldType::Countries, &json!(["us", "JP"])), Some(json!(["US", "JP"])));
        assert_eq!(value(FieldType::Date, &json!("2025-08-02")), None);
        let t = crate::template::builtin("geren").expect("built in").expect("loads");
        let mut data = json!({"header": {"year": "２０２５", "idNumber": "１１０１０５１９４９１２３１００２ｘ"},
            "C11": {"presence": "有", "rows": [{"areaM2": "８９.５", "tradeDate": "2018年7月2日", "address": " 全角 "}]}});
        let changes = record(&t, &mut data);
        assert_eq!(data.pointer("/header/year"), Some(&json!(2025)));
        assert_eq!(data.pointer("/header/idNumber"), Some(&json!("11010519491231002X")));
        assert_eq!(data.pointer("/C11/rows/0/areaM2"), Some(&json!("89.5")));
        assert_eq!(data.pointer("/C11/rows/0/tradeDate"), Some(&json!("2018-07-02")));
        assert_eq!(data.pointer("/C11/rows/0/address"), Some(&json!(" 全角 ")), "free text is left as typed");
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["/header/year", "/header/idNumber", "/C11/rows/0/areaM2", "/C11/rows/0/tradeDate"]);
        assert!(record(&t, &mut data).is_empty(), "normalising twice changes nothing");
    }
}
