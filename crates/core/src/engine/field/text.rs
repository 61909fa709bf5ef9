//! Text, names and mobile numbers; the template's `pattern`s (of text and identifiers).

use crate::engine::cx::Place;
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::normalize;
use crate::template::{Field, FieldType};

impl Validator {
    /// `text`, `name` and `mobile` values: lengths in characters, name characters, the mobile
    /// number's shape, the pattern.
    pub(crate) fn check_text(
        &self,
        place: &Place<'_>,
        fi: usize,
        field: &Field,
        s: &str,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let s = normalize::text(s);
        // A character is at least one byte: a text no longer in bytes than the limit
        // needs no count (most cells), and the count is taken at most once.
        let chars = std::cell::OnceCell::new();
        let chars = || *chars.get_or_init(|| s.chars().count() as u32);
        if let Some(max) = field.max_length {
            if s.len() as u64 > u64::from(max) && chars() > max {
                out.push(make(FieldCode::TooLong, Severity::Error).param("max", max));
            }
        }
        if let Some(min) = field.min_length {
            if chars() < min {
                out.push(make(FieldCode::TooShort, Severity::Error).param("min", min).param("count", chars()));
            }
        }
        if field.kind == FieldType::Name {
            let (name, dot_fixed) = normalize::name(&s);
            if !name.chars().all(normalize::is_name_char) {
                out.push(make(FieldCode::NameChars, Severity::Error));
            } else if dot_fixed {
                out.push(make(FieldCode::NameDot, Severity::Warning));
            }
            if field.max_length.is_none() && name.chars().count() > 50 {
                out.push(make(FieldCode::TooLong, Severity::Error).param("max", 50));
            }
        }
        if field.kind == FieldType::Mobile {
            let m = normalize::identifier(&s);
            let ok = m.len() == 11
                && m.as_bytes()[0] == b'1'
                && (b'3'..=b'9').contains(&m.as_bytes()[1])
                && m.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                out.push(make(FieldCode::Mobile, Severity::Error));
            }
        }
        self.check_pattern(place, fi, field, &s, make, out);
    }

    pub(crate) fn check_pattern(
        &self,
        place: &Place<'_>,
        fi: usize,
        field: &Field,
        s: &str,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        if field.pattern.is_none() {
            return;
        }
        if let Some(re) = self.patterns.get(&(place.section_index, place.table_slot, fi)) {
            if !re.is_match(s) {
                out.push(make(FieldCode::Pattern, field.pattern_severity.unwrap_or(Severity::Error)));
            }
        }
    }
}
