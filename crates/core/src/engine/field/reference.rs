//! `ref` / `refs`: the row id exists in the referenced table, and the row is one of the allowed
//! subjects (C-R03).

use serde_json::Value;

use crate::engine::cx::Cx;
use crate::engine::refs::RefIndex;
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::template::Field;

impl Validator {
    pub(crate) fn check_ref(
        &self,
        cx: &Cx<'_>,
        field: &Field,
        id: &str,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let Some(reference) = &field.reference else { return };
        let mut refs = cx.refs.borrow_mut();
        let slot = match refs.iter().position(|(t, _)| *t == reference.table) {
            Some(i) => i,
            None => {
                let rows = cx.record.pointer(&reference.table).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
                refs.push((reference.table.clone(), RefIndex::new(rows)));
                refs.len() - 1
            }
        };
        let index = &refs[slot].1;
        let Some(row) = index.get(id) else {
            out.push(make(FieldCode::UnknownRef, Severity::Error).param("value", id));
            return;
        };
        if reference.subjects.is_empty() {
            return;
        }
        let allowed = reference.subjects.iter().any(|s| s == row.relation || (s == "共同生活的子女" && row.dependent));
        if !allowed {
            out.push(make(FieldCode::SubjectNotAllowed, Severity::Error).rule("C-R03").param("subjects", reference.subjects.join("、")));
        }
    }
}
