//! Evaluating a template [`Condition`] on a record: the `when` of sections and checks, `requiredIf`,
//! `shownIf`, and the conditions named rules share with templates.

use serde_json::{Map, Value};

use crate::access;
use crate::normalize;
use crate::template::model::{Condition, Field};

impl Condition {
    /// The fields it reads outside the row or section it is evaluated on (keys that are JSON
    /// pointers from the record root, `/header/kind`), added to `out`.
    pub fn outside_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        if let Some(f) = self.field.as_deref().filter(|f| f.starts_with('/')) {
            out.push(f);
        }
        for c in self.all_of.iter().flatten().chain(self.any_of.iter().flatten()).chain(self.not.as_deref()) {
            c.outside_fields(out);
        }
    }

    /// Whether the condition holds for a row or section object `obj` of `record`. A missing or
    /// mistyped value never panics: it is simply not equal, not in a list, not filled.
    pub fn eval(&self, obj: &Map<String, Value>, record: &Value) -> bool {
        let c = self;
        if let Some(field) = &c.field {
            let v = access::filled(field, obj, record);
            let trimmed = |v: &Value| -> Value {
                match v {
                    Value::String(s) => Value::String(normalize::trim(s).to_owned()),
                    other => other.clone(),
                }
            };
            if let Some(eq) = &c.eq {
                if v.map(trimmed).as_ref() != Some(eq) {
                    return false;
                }
            }
            if let Some(ne) = &c.ne {
                if v.map(trimmed).as_ref() == Some(ne) {
                    return false;
                }
            }
            if let Some(list) = &c.one_of {
                match v {
                    Some(v) if list.contains(&trimmed(v)) => {}
                    _ => return false,
                }
            }
            if let Some(list) = &c.not_in {
                if let Some(v) = v {
                    if list.contains(&trimmed(v)) {
                        return false;
                    }
                }
            }
            let items = || v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(item) = &c.contains {
                if !items().contains(item) {
                    return false;
                }
            }
            if let Some(list) = &c.contains_any {
                if !items().iter().any(|i| list.contains(i)) {
                    return false;
                }
            }
            if let Some(filled) = c.filled {
                if v.is_some() != filled {
                    return false;
                }
            }
        }
        if let Some(all) = &c.all_of {
            if !all.iter().all(|s| s.eval(obj, record)) {
                return false;
            }
        }
        if let Some(any) = &c.any_of {
            if !any.iter().any(|s| s.eval(obj, record)) {
                return false;
            }
        }
        if let Some(not) = &c.not {
            if not.eval(obj, record) {
                return false;
            }
        }
        true
    }
}

impl Field {
    /// Whether the field applies (its `shownIf` holds, or it has none) in the row or section
    /// object `obj` of `record`. A field that does not apply is not shown, validated or printed.
    pub fn shown(&self, obj: &Map<String, Value>, record: &Value) -> bool {
        self.shown_if.as_ref().is_none_or(|c| c.eval(obj, record))
    }
}
