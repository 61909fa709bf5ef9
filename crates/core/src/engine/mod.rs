//! The validation engine: applies a template's declarative checks and its named rules to a
//! record and returns every finding. It never stops at the first problem, never fails and never
//! panics, whatever JSON it is given.
//!
//! Two entry points serve the UI's two speeds: [`Validator::validate`] checks the whole record
//! (on submit, import, server side), [`Validator::validate_row`] and
//! [`Validator::validate_section_fields`] re-check one row or one section's own fields, in time
//! independent of the size of other tables (on a keystroke). Named rules span rows and sections
//! and run only in the full pass.
//!
//! Architecture invariant: no web imports, no clock. "Today" is a parameter.
//!
//! Where things are: [`Validator`] and its preparation (`validator`), the entry points (here),
//! what a re-check covers (`scope`), the per-call state (`cx`) and reference indexes (`refs`), the
//! traversal of sections, tables and rows (`walk`), one field's checks by type (`field/`) and the
//! cross-field checks (`check`). The files import each other's items by their own paths, never
//! through this one, which declares them and holds the API.

mod check;
pub mod codes;
mod cx;
mod field;
mod refs;
mod scope;
mod validator;
mod walk;

pub use crate::access::is_empty;
pub use scope::Scope;
pub use validator::Validator;

use serde_json::{Map, Value};

use crate::access;
use crate::date::Date;
use crate::engine::cx::empty_map;
use crate::finding::{Finding, Report};
use crate::rules::RuleCtx;
use crate::template::{escape_token, Condition, PRESENCE_KEY};

impl Validator {
    /// Validates the whole record: every section, field, row, cross-field check and named rule.
    /// For a draft: deadlines are measured against `today`.
    pub fn validate(&self, record: &Value, today: Date) -> Report {
        self.validate_submitted(record, today, None)
    }

    /// [`Validator::validate`] for a record submitted on `submitted_on` (the Asia/Shanghai date
    /// of the envelope's `submittedAt`): lateness (C-R05 … C-R07) and the reference date of ages
    /// (C-R04) are measured by the submission, not by the day someone looks at it.
    pub fn validate_submitted(&self, record: &Value, today: Date, submitted_on: Option<Date>) -> Report {
        let cx = self.cx(record, today);
        let mut out = Vec::new();
        for (si, section) in self.template.sections.iter().enumerate() {
            self.check_section(&cx, si, section, &mut out);
        }
        let ctx = RuleCtx { record, template: &self.template, config: &self.config, today, submitted_on };
        let declarative = out.len();
        for rule in &self.rules {
            (rule.run)(&ctx, &mut out);
        }
        for f in &mut out[declarative..] {
            f.from_named_rule = true;
        }
        Report { findings: out }
    }

    /// Re-checks one row's cells and row checks, as after a keystroke in that row. Returns no
    /// findings when the section does not apply (its `when` fails, or it is answered 无).
    pub fn validate_row(&self, record: &Value, section_id: &str, table_id: &str, index: usize, today: Date) -> Vec<Finding> {
        let mut out = Vec::new();
        let Some((si, section)) = self.template.sections.iter().enumerate().find(|(_, s)| s.id == section_id) else {
            return out;
        };
        let Some((ti, table)) = section.tables.iter().enumerate().find(|(_, t)| t.id == table_id) else {
            return out;
        };
        let cx = self.cx(record, today);
        let sobj = record.get(&section.id).and_then(Value::as_object).unwrap_or(empty_map());
        if !self.section_applies(&cx, section, sobj) || access::presence_of(sobj) == Some(false) {
            return out;
        }
        let base = format!("/{}/{}", escape_token(&section.id), escape_token(&table.id));
        if let Some(row) = sobj.get(&table.id).and_then(Value::as_array).and_then(|rows| rows.get(index)) {
            self.check_row(&cx, si, ti, table, index, row, &base, &mut out);
        }
        out
    }

    /// Re-checks a section's own fields and section checks (not its tables), as after a
    /// keystroke in a single-valued field.
    pub fn validate_section_fields(&self, record: &Value, section_id: &str, today: Date) -> Vec<Finding> {
        let mut out = Vec::new();
        let Some((si, section)) = self.template.sections.iter().enumerate().find(|(_, s)| s.id == section_id) else {
            return out;
        };
        let cx = self.cx(record, today);
        let sobj = record.get(&section.id).and_then(Value::as_object).unwrap_or(empty_map());
        if !self.section_applies(&cx, section, sobj) {
            return out;
        }
        let base = format!("/{}", escape_token(&section.id));
        self.check_section_fields(&cx, si, section, sobj, &base, &mut out);
        out
    }

    /// Re-checks what a change at `changed` (a JSON pointer) can affect without touching other
    /// rows: the row of a changed cell, the own fields of a section for a changed section field,
    /// or the whole section for a changed presence answer or table (rows added or removed).
    /// The caller replaces its findings that [`Scope::covers`] with the ones returned. Named rules
    /// are not run; run [`Validator::validate`] for those (on submit, or debounced).
    pub fn recheck(&self, record: &Value, changed: &str, today: Date) -> (Scope, Vec<Finding>) {
        let mut parts = changed.strip_prefix('/').unwrap_or(changed).split('/');
        let section_id = parts.next().unwrap_or("").to_owned();
        let second = parts.next();
        let third = parts.next().and_then(|i| i.parse::<usize>().ok());
        let section = self.template.section(&section_id);
        let is_table = |key: &str| section.is_some_and(|s| s.table(key).is_some());
        let scope = match (second, third) {
            (Some(table), Some(index)) if is_table(table) && parts.next().is_some() => {
                Scope::Row { section: section_id, table: table.to_owned(), index }
            }
            (Some(key), None) if !is_table(key) && key != PRESENCE_KEY => Scope::SectionFields { section: section_id },
            _ => Scope::Section { section: section_id },
        };
        let findings = match &scope {
            Scope::Row { section, table, index } => self.validate_row(record, section, table, *index, today),
            Scope::SectionFields { section } => self.validate_section_fields(record, section, today),
            Scope::Section { section } => self.validate_section(record, section, today),
        };
        (scope, findings)
    }

    /// Validates one section completely (its fields, presence and every row), without named rules.
    pub fn validate_section(&self, record: &Value, section_id: &str, today: Date) -> Vec<Finding> {
        let mut out = Vec::new();
        if let Some((si, section)) = self.template.sections.iter().enumerate().find(|(_, s)| s.id == section_id) {
            let cx = self.cx(record, today);
            self.check_section(&cx, si, section, &mut out);
        }
        out
    }
}

/// Evaluates a template condition against a row or section object and the record: see
/// [`Condition::eval`], where conditions are evaluated (kept here as a path for callers).
pub fn eval(c: &Condition, obj: &Map<String, Value>, record: &Value) -> bool {
    c.eval(obj, record)
}
