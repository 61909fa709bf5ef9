//! The addresses a template gives a record: which JSON pointers name a field, a presence answer,
//! a table, a row or a cell. The host's `setValue` is checked here, so that a misspelt pointer or
//! a row that does not exist is refused instead of growing the record (issue #15).
//!
//! This module reads the template and, for row indices, the record's table lengths. It must not
//! judge values (that is `engine`) and never panics.

use serde_json::Value;

use crate::template::model::{Field, Table, Template, CHANGED_KEY, PRESENCE_KEY};

/// What a pointer names in a record of a template.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    /// `/section/key`: a single-valued field.
    Field(&'a Field),
    /// `/section/presence` or `/section/changedSinceLastYear`: a 有/无 question's answers.
    Answer,
    /// `/section/table`: a whole table (an array of rows).
    Table(&'a Table),
    /// `/section/table/i`: one row (an object).
    Row(&'a Table, usize),
    /// `/section/table/i/key`: one cell of a row.
    Cell(&'a Table, usize, &'a Field),
}

/// Why a host may not set a value at a pointer; `as_str` is the stable machine reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetRefusal {
    /// The template defines nothing at this pointer.
    UnknownPointer,
    /// The pointer names a row the record does not have.
    NoSuchRow,
    /// A table must be set to an array of objects, a row to an object.
    WrongShape,
}

impl SetRefusal {
    /// The machine reason (`unknown_pointer`, `no_such_row`, `wrong_shape`).
    pub fn as_str(self) -> &'static str {
        match self {
            SetRefusal::UnknownPointer => "unknown_pointer",
            SetRefusal::NoSuchRow => "no_such_row",
            SetRefusal::WrongShape => "wrong_shape",
        }
    }
}

/// Escapes one JSON-pointer reference token (RFC 6901).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// An RFC 6901 array index: `0` or digits without a leading zero (no sign, no spaces).
fn index(token: &str) -> Option<usize> {
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    if !digits || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

impl Template {
    /// What `pointer` names, or `None` when the template defines nothing there.
    pub fn target(&self, pointer: &str) -> Option<Target<'_>> {
        let rest = pointer.strip_prefix('/')?;
        let tokens: Vec<String> = rest.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect();
        let section = self.section(tokens.first()?)?;
        let table = || section.table(&tokens[1]);
        match tokens.len() {
            2 => {
                let answer =
                    section.presence.as_ref().is_some_and(|p| tokens[1] == PRESENCE_KEY || (p.track_change && tokens[1] == CHANGED_KEY));
                if answer {
                    Some(Target::Answer)
                } else if let Some(f) = section.field(&tokens[1]) {
                    Some(Target::Field(f))
                } else {
                    table().map(Target::Table)
                }
            }
            3 => Some(Target::Row(table()?, index(&tokens[2])?)),
            4 => {
                let t = table()?;
                Some(Target::Cell(t, index(&tokens[2])?, t.column(&tokens[3])?))
            }
            _ => None,
        }
    }

    /// Whether a host may set `value` at `pointer` in `record`: the template must define the
    /// pointer, a row must exist, and tables and rows keep their shape (`null` clears anything).
    pub fn check_set(&self, record: &Value, pointer: &str, value: &Value) -> Result<(), SetRefusal> {
        let target = self.target(pointer).ok_or(SetRefusal::UnknownPointer)?;
        let rows = |t: &Table| {
            let section = pointer[1..].split('/').next().unwrap_or_default().replace("~1", "/").replace("~0", "~");
            record.get(&section).and_then(|s| s.get(&t.id)).and_then(Value::as_array).map_or(0, Vec::len)
        };
        match target {
            Target::Row(t, i) | Target::Cell(t, i, _) if i >= rows(t) => Err(SetRefusal::NoSuchRow),
            Target::Table(_) if !(value.is_null() || value.as_array().is_some_and(|a| a.iter().all(Value::is_object))) => {
                Err(SetRefusal::WrongShape)
            }
            Target::Row(..) if !value.is_object() => Err(SetRefusal::WrongShape),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::template::load::builtin;
    use crate::template::pointer::*;
    use serde_json::json;

    fn geren() -> Template {
        builtin("geren").expect("built-in").expect("loads")
    }

    #[test]
    fn pointers_the_template_defines_are_found() {
        let t = geren();
        assert!(matches!(t.target("/header/name"), Some(Target::Field(f)) if f.key == "name"));
        assert_eq!(t.target("/C11/presence"), Some(Target::Answer));
        assert!(matches!(t.target("/C11/rows"), Some(Target::Table(_))));
        assert!(matches!(t.target("/C11/rows/0"), Some(Target::Row(_, 0))));
        assert!(matches!(t.target("/C11/rows/12/areaM2"), Some(Target::Cell(_, 12, f)) if f.key == "areaM2"));
    }

    #[test]
    fn pointers_the_template_does_not_define_are_not() {
        let t = geren();
        for p in [
            "",
            "/",
            "header/name",
            "/header/nmae",
            "/nope/name",
            "/header/name/x",
            "/C11/rows/01/areaM2",
            "/C11/rows/+1/areaM2",
            "/C11/rows/-1",
            "/C11/rows/0/nope",
            "/C11/rows/0/areaM2/x",
            "/header/presence",
            "/C11/rows/99999999999999999999999",
        ] {
            assert_eq!(t.target(p), None, "{p}");
        }
    }

    #[test]
    fn setting_refuses_missing_rows_and_wrong_shapes() {
        let t = geren();
        let record = json!({ "C11": { "presence": "有", "rows": [{}] } });
        assert_eq!(t.check_set(&record, "/header/name", &json!("张三")), Ok(()));
        assert_eq!(t.check_set(&record, "/header/nmae", &json!("x")), Err(SetRefusal::UnknownPointer));
        assert_eq!(t.check_set(&record, "/C11/rows/0/areaM2", &json!("100")), Ok(()));
        assert_eq!(t.check_set(&record, "/C11/rows/3/areaM2", &json!("100")), Err(SetRefusal::NoSuchRow));
        assert_eq!(t.check_set(&json!({}), "/C11/rows/0/areaM2", &json!("100")), Err(SetRefusal::NoSuchRow));
        assert_eq!(t.check_set(&record, "/C11/rows/0", &json!({})), Ok(()));
        assert_eq!(t.check_set(&record, "/C11/rows/0", &json!("x")), Err(SetRefusal::WrongShape));
        assert_eq!(t.check_set(&record, "/C11/rows", &json!([{}, {}])), Ok(()));
        assert_eq!(t.check_set(&record, "/C11/rows", &json!(null)), Ok(()));
        assert_eq!(t.check_set(&record, "/C11/rows", &json!({})), Err(SetRefusal::WrongShape));
        assert_eq!(t.check_set(&record, "/C11/rows", &json!([1])), Err(SetRefusal::WrongShape));
    }
}
