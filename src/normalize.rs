//! Input normalisation before validation (SPEC §2.2): full-width to half-width, identifier
//! clean-up, names with `·`. Pure string functions; they never reject anything, validation does.

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
            ' ' | '\t' | '\n' | '\r' | '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
            | '\u{2212}' | '\u{00A0}' => {}
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
        let spaces = ['\u{0085}', '\u{00A0}', '\u{1680}', '\u{2000}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}', ' ', '\t', '\n'];
        let plain = ["a", "1", "住宅", "）", "。", "𠮷", "é", "·", "~"];
        for p in plain {
            for q in plain {
                for sp in spaces {
                    for s in [format!("{p}{q}"), format!("{sp}{p}{q}"), format!("{p}{q}{sp}"), format!("{sp}{p}{sp}{q}{sp}"), format!("{sp}")] {
                        assert_eq!(trim(&s), s.trim(), "{s:?}");
                    }
                }
            }
        }
        assert_eq!(trim(""), "");
    }
}
