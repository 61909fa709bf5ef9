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

pub mod codes;

pub use crate::access::is_empty;

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::access;
use crate::config::Config;
use crate::date::{Date, DateError};
use crate::decimal::{Decimal, DecimalError};
use crate::finding::{Finding, Report, Severity};
use crate::ident::{self, IdIssue, IdentCode, PersonInfo};
use crate::normalize;
use crate::pattern::Pattern as Regex;
use crate::rules::{self, RuleCtx};
use crate::template::{
    escape_token, CompareOp, Condition, Field, FieldType, Requirement, Section, Table, Template, TemplateError, YearBound, PRESENCE_KEY,
};
use codes::FieldCode;

/// What a [`Validator::recheck`] re-checked: the findings it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One row of a table.
    Row {
        /// Section id.
        section: String,
        /// Table id.
        table: String,
        /// Row index.
        index: usize,
    },
    /// A section's own fields and checks (not its tables).
    SectionFields {
        /// Section id.
        section: String,
    },
    /// A whole section (presence, fields, every row).
    Section {
        /// Section id.
        section: String,
    },
}

impl Scope {
    /// Whether a finding at `path` belongs to this scope (and so is replaced by a recheck).
    /// Findings of named rules are never covered: only a full validation replaces those.
    pub fn covers(&self, finding: &Finding, template: &Template) -> bool {
        if finding.from_named_rule {
            return false;
        }
        let mut parts = finding.path.strip_prefix('/').unwrap_or(&finding.path).split('/');
        let section = parts.next().unwrap_or("");
        let second = parts.next();
        match self {
            Scope::Section { section: s } => s == section,
            Scope::SectionFields { section: s } => {
                s == section && second.is_some_and(|k| template.section(s).is_some_and(|sec| sec.table(k).is_none()) && k != PRESENCE_KEY)
            }
            Scope::Row { section: s, table, index } => {
                s == section && second == Some(table.as_str()) && parts.next().and_then(|i| i.parse::<usize>().ok()) == Some(*index)
            }
        }
    }
}

/// Compiled regular expressions of the configured document patterns.
struct DocPatterns {
    passport: Vec<Regex>,
    official_passport: Vec<Regex>,
    sar_passport: Vec<Regex>,
    hk_macau_permit: Vec<Regex>,
    taiwan_permit: Vec<Regex>,
    hk_macau_resident_permit: Vec<Regex>,
    taiwan_resident_permit: Vec<Regex>,
}

/// A template ready to validate records: patterns compiled, named rules resolved.
pub struct Validator {
    template: Template,
    config: Config,
    /// Field patterns by (section, table + 1 or 0, field) index.
    patterns: HashMap<(usize, usize, usize), Regex>,
    docs: DocPatterns,
    rules: Vec<&'static rules::NamedRule>,
    /// For each section and table, column indexes in key order: a row's cells are matched to
    /// columns in one merge walk over the row's (sorted) keys instead of a map lookup per column.
    column_order: Vec<Vec<Vec<usize>>>,
}

/// Where a field lives, for paths and lookups.
#[derive(Clone, Copy)]
struct Place<'a> {
    section_index: usize,
    /// Table index + 1, or 0 for section fields.
    table_slot: usize,
    /// The object holding the field (section object or row).
    obj: &'a Map<String, Value>,
    /// JSON pointer of `obj`, or of its table when `row` is set.
    base: &'a str,
    /// The row index under `base`, for a table row. Kept apart so that a row's pointer is only
    /// formatted when a finding needs it (most rows have none).
    row: Option<usize>,
}

impl Place<'_> {
    /// The JSON pointer of the field `key` in this place.
    fn path(&self, key: &str) -> String {
        match self.row {
            Some(i) => format!("{}/{i}/{}", self.base, escape_token(key)),
            None => format!("{}/{}", self.base, escape_token(key)),
        }
    }
}

/// The rows of a referenced table by their `id` (the first row wins for a duplicate id, which
/// the table's own rule reports). Small tables, such as the family register that property and
/// investment rows point to, are scanned: hashing each id cost more than comparing a few.
enum RefIndex<'r> {
    Small(Vec<(&'r str, RefRow<'r>)>),
    Large(HashMap<&'r str, RefRow<'r>>),
}

/// What a reference check needs of a referenced row, read once per row rather than per cell.
#[derive(Clone, Copy)]
struct RefRow<'r> {
    /// 称谓 (`relation`), trimmed; empty when absent.
    relation: &'r str,
    /// A child living with the filer (`子女` with `livesTogether: true`).
    dependent: bool,
}

impl<'r> RefRow<'r> {
    fn of(row: &'r Value) -> RefRow<'r> {
        let relation = access::text(row, "relation").unwrap_or("");
        RefRow { relation, dependent: relation == "子女" && access::boolean(row, "livesTogether") == Some(true) }
    }
}

impl<'r> RefIndex<'r> {
    const SCAN_MAX: usize = 16;

    fn new(rows: &'r [Value]) -> RefIndex<'r> {
        let ids = rows.iter().filter_map(|row| Some((row.get("id")?.as_str()?, row)));
        if rows.len() <= Self::SCAN_MAX {
            let mut v: Vec<(&str, RefRow<'r>)> = Vec::with_capacity(rows.len());
            for (id, row) in ids {
                if !v.iter().any(|(k, _)| *k == id) {
                    v.push((id, RefRow::of(row)));
                }
            }
            RefIndex::Small(v)
        } else {
            let mut m = HashMap::with_capacity(rows.len());
            for (id, row) in ids {
                m.entry(id).or_insert_with(|| RefRow::of(row));
            }
            RefIndex::Large(m)
        }
    }

    fn get(&self, id: &str) -> Option<RefRow<'r>> {
        match self {
            RefIndex::Small(v) => v.iter().find(|(k, _)| *k == id).map(|(_, row)| *row),
            RefIndex::Large(m) => m.get(id).copied(),
        }
    }
}

/// Per-call state: today, the report year, and lazily built reference indexes.
struct Cx<'r> {
    record: &'r Value,
    today: Date,
    year: Option<i32>,
    /// Row-id indexes of the tables that reference fields point into, by table pointer (a record
    /// has one or two such tables, so a list).
    refs: std::cell::RefCell<Vec<(String, RefIndex<'r>)>>,
}

static EMPTY_MAP: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();

fn empty_map() -> &'static Map<String, Value> {
    EMPTY_MAP.get_or_init(Map::new)
}

impl Validator {
    /// Prepares `template` with `config`. Fails when a configured document pattern or a field
    /// pattern does not compile, or a named rule is unknown (templates from [`crate::template::load`]
    /// are already checked).
    pub fn new(template: Template, config: Config) -> Result<Validator, TemplateError> {
        let mut problems = Vec::new();
        let mut patterns = HashMap::new();
        for (si, s) in template.sections.iter().enumerate() {
            let mut add = |slot: usize, fi: usize, f: &Field, path: String| {
                if let Some(p) = &f.pattern {
                    match Regex::new(p) {
                        Ok(re) => {
                            patterns.insert((si, slot, fi), re);
                        }
                        Err(e) => problems.push((path, format!("not a valid regular expression: {e}"))),
                    }
                }
            };
            for (fi, f) in s.fields.iter().enumerate() {
                add(0, fi, f, format!("/sections/{si}/fields/{fi}/pattern"));
            }
            for (ti, t) in s.tables.iter().enumerate() {
                for (fi, f) in t.columns.iter().enumerate() {
                    add(ti + 1, fi, f, format!("/sections/{si}/tables/{ti}/columns/{fi}/pattern"));
                }
            }
        }
        let mut compile = |name: &str, list: &[String]| -> Vec<Regex> {
            list.iter()
                .enumerate()
                .filter_map(|(i, p)| match Regex::new(p) {
                    Ok(re) => Some(re),
                    Err(e) => {
                        problems.push((format!("config/documents/{name}/{i}"), format!("not a valid regular expression: {e}")));
                        None
                    }
                })
                .collect()
        };
        let d = &config.documents;
        let docs = DocPatterns {
            passport: compile("passport", &d.passport),
            official_passport: compile("officialPassport", &d.official_passport),
            sar_passport: compile("sarPassport", &d.sar_passport),
            hk_macau_permit: compile("hkMacauPermit", &d.hk_macau_permit),
            taiwan_permit: compile("taiwanPermit", &d.taiwan_permit),
            hk_macau_resident_permit: compile("hkMacauResidentPermit", &d.hk_macau_resident_permit),
            taiwan_resident_permit: compile("taiwanResidentPermit", &d.taiwan_resident_permit),
        };
        let mut named = Vec::new();
        for (i, id) in template.rules.iter().enumerate() {
            match rules::named(id) {
                Some(r) => named.push(r),
                None => problems.push((format!("/rules/{i}"), format!("unknown rule `{id}`"))),
            }
        }
        if !problems.is_empty() {
            return Err(TemplateError { problems });
        }
        let column_order = template
            .sections
            .iter()
            .map(|s| {
                s.tables
                    .iter()
                    .map(|t| {
                        let mut order: Vec<usize> = (0..t.columns.len()).collect();
                        crate::sort::sort_by(&mut order, |&a, &b| t.columns[a].key.cmp(&t.columns[b].key));
                        order
                    })
                    .collect()
            })
            .collect();
        Ok(Validator { template, config, patterns, docs, rules: named, column_order })
    }

    /// The template.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn cx<'r>(&self, record: &'r Value, today: Date) -> Cx<'r> {
        Cx { record, today, year: access::report_year(record), refs: Default::default() }
    }

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

    fn section_applies(&self, cx: &Cx<'_>, section: &Section, sobj: &Map<String, Value>) -> bool {
        section.when.as_ref().is_none_or(|c| c.eval(sobj, cx.record))
    }

    fn check_section(&self, cx: &Cx<'_>, si: usize, section: &Section, out: &mut Vec<Finding>) {
        let base = format!("/{}", escape_token(&section.id));
        let raw = cx.record.get(&section.id);
        let sobj = match raw {
            Some(Value::Object(m)) => m,
            None | Some(Value::Null) => empty_map(),
            Some(_) => {
                if self.section_applies(cx, section, empty_map()) {
                    out.push(
                        Finding::new(FieldCode::WrongType, Severity::Error, base.clone())
                            .param("label_zh", &section.title.zh)
                            .param("label_en", section.title.get(crate::locale::Locale::En))
                            .param("expected", "object"),
                    );
                }
                return;
            }
        };
        if !self.section_applies(cx, section, sobj) {
            return;
        }
        if let Some(presence) = &section.presence {
            let rule = presence.rule.as_deref().unwrap_or("C-R01");
            let ppath = format!("{base}/{PRESENCE_KEY}");
            match access::presence_of(sobj) {
                None => {
                    out.push(
                        Finding::new(FieldCode::PresenceUnanswered, Severity::Error, ppath)
                            .rule(rule)
                            .param("label_zh", &section.title.zh)
                            .param("label_en", section.title.get(crate::locale::Locale::En)),
                    );
                    // Nothing else is meaningful until the question is answered; rows already
                    // typed stay in the data untouched.
                    return;
                }
                Some(false) => {
                    for table in &section.tables {
                        let n = sobj.get(&table.id).and_then(Value::as_array).map_or(0, Vec::len);
                        if n > 0 {
                            out.push(Finding::new(FieldCode::NoneWithRows, Severity::Error, ppath.clone()).rule("C-R02").param("count", n));
                        }
                    }
                    if let Some(key) = &presence.none_reason_field {
                        if is_empty(sobj.get(key)) {
                            out.push(
                                Finding::new(FieldCode::NoneReasonRequired, Severity::Error, format!("{base}/{}", escape_token(key)))
                                    .rule(rule),
                            );
                        }
                    }
                    return;
                }
                Some(true) => {
                    if presence.rows_required && !section.tables.is_empty() {
                        let total: usize =
                            section.tables.iter().map(|t| sobj.get(&t.id).and_then(Value::as_array).map_or(0, Vec::len)).sum();
                        if total == 0 {
                            out.push(Finding::new(FieldCode::PresenceWithoutRows, Severity::Error, ppath).rule("C-R02"));
                        }
                    }
                }
            }
        }
        self.check_section_fields(cx, si, section, sobj, &base, out);
        for (ti, table) in section.tables.iter().enumerate() {
            let tbase = format!("{base}/{}", escape_token(&table.id));
            let rows = match sobj.get(&table.id) {
                None | Some(Value::Null) => &[][..],
                Some(Value::Array(rows)) => rows.as_slice(),
                Some(_) => {
                    out.push(
                        Finding::new(FieldCode::WrongType, Severity::Error, tbase.clone())
                            .param("label_zh", &table.title.zh)
                            .param("label_en", table.title.get(crate::locale::Locale::En))
                            .param("expected", "array"),
                    );
                    continue;
                }
            };
            if let Some(min) = table.min_rows {
                if rows.len() < min as usize {
                    out.push(Finding::labelled(FieldCode::RowsTooFew, Severity::Error, tbase.clone(), &table.title).param("min", min));
                }
            }
            if let Some(max) = table.max_rows {
                if rows.len() > max as usize {
                    out.push(Finding::labelled(FieldCode::RowsTooMany, Severity::Error, tbase.clone(), &table.title).param("max", max));
                }
            }
            for (ri, row) in rows.iter().enumerate() {
                self.check_row(cx, si, ti, table, ri, row, &tbase, out);
            }
        }
    }

    fn check_section_fields(
        &self,
        cx: &Cx<'_>,
        si: usize,
        section: &Section,
        sobj: &Map<String, Value>,
        base: &str,
        out: &mut Vec<Finding>,
    ) {
        let place = Place { section_index: si, table_slot: 0, obj: sobj, base, row: None };
        for (fi, field) in section.fields.iter().enumerate() {
            self.check_field(cx, &place, fi, field, place.obj.get(&field.key), out);
        }
        for check in &section.checks {
            self.run_check(cx, &place, check, |k| section.field(k), out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_row(&self, cx: &Cx<'_>, si: usize, ti: usize, table: &Table, ri: usize, row: &Value, tbase: &str, out: &mut Vec<Finding>) {
        let Some(obj) = row.as_object() else {
            out.push(
                Finding::labelled(FieldCode::WrongType, Severity::Error, format!("{tbase}/{ri}"), &table.title).param("expected", "object"),
            );
            return;
        };
        let place = Place { section_index: si, table_slot: ti + 1, obj, base: tbase, row: Some(ri) };
        // serde_json's map iterates in key order (tests/engine.rs keeps that true), so one merge
        // walk finds every column's cell.
        // On the stack for tables of up to 32 columns (every built-in one): no allocation per row.
        let mut stack: [Option<&Value>; 32] = [None; 32];
        let mut heap: Vec<Option<&Value>>;
        let cells: &mut [Option<&Value>] = if table.columns.len() <= stack.len() {
            &mut stack[..table.columns.len()]
        } else {
            heap = vec![None; table.columns.len()];
            &mut heap
        };
        if let Some(order) = self.column_order.get(si).and_then(|t| t.get(ti)) {
            let mut cols = order.iter().copied().peekable();
            for (key, value) in obj {
                while let Some(&ci) = cols.peek() {
                    match table.columns[ci].key.as_str().cmp(key.as_str()) {
                        std::cmp::Ordering::Less => {
                            cols.next();
                        }
                        std::cmp::Ordering::Equal => {
                            cells[ci] = Some(value);
                            cols.next();
                            break;
                        }
                        std::cmp::Ordering::Greater => break,
                    }
                }
            }
        }
        for (fi, field) in table.columns.iter().enumerate() {
            self.check_field(cx, &place, fi, field, cells[fi], out);
        }
        for check in &table.checks {
            self.run_check(cx, &place, check, |k| table.column(k), out);
        }
    }

    fn check_field(&self, cx: &Cx<'_>, place: &Place<'_>, fi: usize, field: &Field, value: Option<&Value>, out: &mut Vec<Finding>) {
        // Paths and labels are built only when there is something to report: most cells are
        // valid, and allocating per cell dominated the full pass.
        let make = |code: FieldCode, sev: Severity| {
            let path = place.path(&field.key);
            let f = Finding::labelled(code, sev, path, &field.label);
            match &field.rule {
                Some(r) => f.rule(r),
                None => f,
            }
        };
        if is_empty(value) {
            if field.computed {
                return;
            }
            let sev = match field.required {
                Requirement::Required(sev) => Some(sev),
                Requirement::Optional => field
                    .required_if
                    .as_ref()
                    .filter(|c| c.eval(place.obj, cx.record))
                    .map(|_| field.required_if_severity.unwrap_or(Severity::Error)),
            };
            if let Some(sev) = sev {
                out.push(make(FieldCode::Required, sev));
            }
            return;
        }
        let value = value.unwrap_or(&Value::Null);
        let wrong_type = |expected: &str| make(FieldCode::WrongType, Severity::Error).param("expected", expected);
        match field.kind {
            FieldType::Text | FieldType::Name | FieldType::Mobile => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("text")) };
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
                self.check_pattern(place, fi, field, &s, &make, out);
            }
            FieldType::Enum => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("option")) };
                let t = normalize::trim(s);
                if !field.options.iter().any(|o| o.value() == t) {
                    out.push(make(FieldCode::NotAnOption, Severity::Error).param("value", s));
                }
            }
            FieldType::MultiEnum => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list")) };
                for item in items {
                    match item.as_str() {
                        Some(s) if field.options.iter().any(|o| o.value() == s) => {}
                        Some(s) => out.push(make(FieldCode::NotAnOption, Severity::Error).param("value", s)),
                        None => out.push(wrong_type("list of options")),
                    }
                }
            }
            FieldType::Boolean => {
                if !value.is_boolean() {
                    out.push(wrong_type("true/false"));
                }
            }
            FieldType::Date => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("date")) };
                match Date::parse(&normalize::date(s)) {
                    Err(DateError::Format) => out.push(make(FieldCode::DateFormat, Severity::Error)),
                    Err(DateError::NoSuchDay) => out.push(make(FieldCode::NoSuchDay, Severity::Error)),
                    Ok(d) => {
                        if field.not_future.unwrap_or(true) && d > cx.today {
                            out.push(make(FieldCode::DateInFuture, Severity::Error));
                        }
                        if let (Some(sev), Some(year)) = (field.in_report_year, cx.year) {
                            if d.year() != year {
                                out.push(make(FieldCode::DateOutsideYear, sev).param("year", year));
                            }
                        }
                    }
                }
            }
            FieldType::Year => {
                let y = match value {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) => {
                        let s = normalize::year(s);
                        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                            s.parse().ok()
                        } else {
                            None
                        }
                    }
                    _ => return out.push(wrong_type("year")),
                };
                match y {
                    Some(y) if (1900..=9999).contains(&y) => {
                        let current = cx.today.year() as i64;
                        match field.year_bound.unwrap_or(YearBound::NotAfterCurrent) {
                            YearBound::NotAfterCurrent if y > current => {
                                out.push(make(FieldCode::YearInFuture, Severity::Error).param("current", current))
                            }
                            YearBound::BeforeCurrent if y >= current => {
                                out.push(make(FieldCode::YearNotEnded, Severity::Error).param("current", current))
                            }
                            _ => {}
                        }
                        self.check_bounds(field, Decimal::from_int(y as u64), &make, out);
                    }
                    _ => out.push(make(FieldCode::YearFormat, Severity::Error)),
                }
            }
            FieldType::Integer => {
                let n = match value {
                    Value::Number(n) => n.as_u64().map(Ok).unwrap_or(Err(n.as_i64().is_some())),
                    Value::String(s) => {
                        let s = normalize::number(s);
                        if s.starts_with('-') && s.len() > 1 && s[1..].bytes().all(|b| b.is_ascii_digit()) {
                            Err(true)
                        } else if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
                            s.parse().map_err(|_| false)
                        } else {
                            Err(false)
                        }
                    }
                    _ => return out.push(wrong_type("number")),
                };
                match n {
                    Ok(n) => self.check_bounds(field, Decimal::from_int(n), &make, out),
                    // A negative whole number: report it against the minimum (default 0).
                    Err(true) => out.push(
                        make(FieldCode::BelowMin, Severity::Error).param("min", bound_text(&field.min).unwrap_or_else(|| "0".into())),
                    ),
                    Err(false) => out.push(make(FieldCode::IntegerFormat, Severity::Error)),
                }
            }
            FieldType::MoneyWan | FieldType::MoneyYuan | FieldType::AreaM2 | FieldType::Percent | FieldType::FundShares => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("decimal text such as \"12.30\"")) };
                let decimals = field.decimals.unwrap_or(match field.kind {
                    FieldType::MoneyWan | FieldType::MoneyYuan => self.config.geren.amount_decimals,
                    _ => 2,
                }) as usize;
                let int_digits = match field.kind {
                    FieldType::MoneyWan => 10,
                    FieldType::MoneyYuan => 13,
                    FieldType::Percent => 3,
                    _ => 12,
                };
                let is_money = matches!(field.kind, FieldType::MoneyWan | FieldType::MoneyYuan);
                match Decimal::parse(&normalize::number(s), int_digits, decimals) {
                    Err(e) => {
                        let code = if is_money || e == DecimalError::Negative { FieldCode::AmountFormat } else { FieldCode::DecimalFormat };
                        out.push(make(code, Severity::Error).param("decimals", decimals));
                    }
                    Ok(d) => {
                        match field.kind {
                            FieldType::AreaM2 if field.min.is_none() && d.is_zero() => {
                                out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", 0))
                            }
                            FieldType::Percent if field.min.is_none() && field.max.is_none() => {
                                if d.is_zero() {
                                    out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", 0));
                                } else if d > Decimal::from_int(100) {
                                    out.push(make(FieldCode::AboveMax, Severity::Error).param("max", 100));
                                }
                            }
                            _ => {}
                        }
                        self.check_bounds(field, d, &make, out);
                        if let Some(limit) = field.warn_above.as_deref().and_then(|w| Decimal::parse(w, 20, 4).ok()) {
                            if d > limit {
                                out.push(
                                    make(FieldCode::Outlier, Severity::Warning)
                                        .param("limit", limit)
                                        .param("unit", field.unit.as_deref().unwrap_or("")),
                                );
                            }
                        }
                    }
                }
            }
            FieldType::IdCard
            | FieldType::IdNumber
            | FieldType::Uscc
            | FieldType::UsccOrRegNo
            | FieldType::OrgCode
            | FieldType::Passport
            | FieldType::TravelPermit => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("text")) };
                let n = normalize::identifier(s);
                if !n.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    out.push(make(FieldCode::IdentifierChars, Severity::Error));
                    return;
                }
                let mut issues = Vec::new();
                let info = self.check_identifier(cx, field, place.obj, &n, &mut issues);
                for issue in issues {
                    out.push(ident_finding(issue, &make));
                }
                if let (Some(info), Some(links)) = (info, &field.links) {
                    self.cross_check_person(place, links, info, &make, out);
                }
                self.check_pattern(place, fi, field, &n, &make, out);
            }
            FieldType::Country | FieldType::Currency => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("code")) };
                let ok = if field.kind == FieldType::Country {
                    ident::is_country(&normalize::code(s))
                } else {
                    ident::is_currency(&normalize::code(s))
                };
                if !ok {
                    let code = if field.kind == FieldType::Country { IdentCode::CountryUnknown } else { IdentCode::CurrencyUnknown };
                    out.push(Finding { code: code.into(), ..make(FieldCode::Required, Severity::Error) }.param("value", s));
                }
            }
            FieldType::Countries => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list of codes")) };
                for item in items {
                    match item.as_str() {
                        Some(s) if ident::is_country(&normalize::code(s)) => {}
                        Some(s) => out.push(
                            Finding { code: IdentCode::CountryUnknown.into(), ..make(FieldCode::Required, Severity::Error) }
                                .param("value", s),
                        ),
                        None => out.push(wrong_type("list of codes")),
                    }
                }
            }
            FieldType::Ref => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("row id")) };
                self.check_ref(cx, field, s, &make, out);
            }
            FieldType::Refs => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list of row ids")) };
                for item in items {
                    match item.as_str() {
                        Some(s) => self.check_ref(cx, field, s, &make, out),
                        None => out.push(wrong_type("list of row ids")),
                    }
                }
            }
        }
    }

    fn check_pattern(
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

    fn check_bounds(&self, field: &Field, d: Decimal, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
        if let Some(min) = bound(&field.min) {
            if field.min_exclusive && d <= min {
                out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", min));
            } else if d < min {
                out.push(make(FieldCode::BelowMin, Severity::Error).param("min", min));
            }
        }
        if let Some(max) = bound(&field.max) {
            if d > max {
                out.push(make(FieldCode::AboveMax, Severity::Error).param("max", max));
            }
        }
    }

    fn check_identifier(
        &self,
        cx: &Cx<'_>,
        field: &Field,
        obj: &Map<String, Value>,
        n: &str,
        issues: &mut Vec<IdIssue>,
    ) -> Option<PersonInfo> {
        let cfg = &self.config;
        let sibling = |key: Option<&String>| key.and_then(|k| obj.get(k)).and_then(Value::as_str).map(normalize::trim).unwrap_or("");
        match field.kind {
            FieldType::IdCard => ident::check_id_card(n, &cfg.id_card, cx.today, issues),
            FieldType::IdNumber => {
                let kind = sibling(field.links.as_ref().and_then(|l| l.id_type.as_ref()));
                match kind {
                    "居民身份证" => ident::check_id_card(n, &cfg.id_card, cx.today, issues),
                    "港澳居民居住证" | "台湾居民居住证" | "港澳台居民居住证" => {
                        ident::check_residence_permit(n, cx.today, issues)
                    }
                    "外国人永久居留身份证" => ident::check_foreign_permanent_residence(n, cx.today, issues),
                    "港澳居民来往内地通行证" => {
                        self.match_docs(n, &[&self.docs.hk_macau_resident_permit], issues);
                        None
                    }
                    "台湾居民来往大陆通行证" => {
                        self.match_docs(n, &[&self.docs.taiwan_resident_permit], issues);
                        None
                    }
                    "护照" => {
                        self.match_docs(n, &[&self.docs.passport, &self.docs.sar_passport, &self.docs.official_passport], issues);
                        None
                    }
                    _ => None,
                }
            }
            FieldType::Uscc => {
                ident::check_uscc(n, &cfg.uscc, issues);
                None
            }
            FieldType::UsccOrRegNo => {
                if n.len() == 15 && n.bytes().all(|b| b.is_ascii_digit()) {
                    ident::check_reg_no(n, issues);
                } else {
                    ident::check_uscc(n, &cfg.uscc, issues);
                }
                None
            }
            FieldType::OrgCode => {
                ident::check_org_code(n, issues);
                None
            }
            FieldType::Passport => {
                if self.docs.official_passport.iter().any(|re| re.is_match(n)) {
                    issues.push(IdIssue {
                        code: IdentCode::OfficialPassport,
                        severity: Severity::Warning,
                        params: vec![],
                        overridable: false,
                    });
                } else {
                    self.match_docs(n, &[&self.docs.passport], issues);
                }
                None
            }
            FieldType::TravelPermit => {
                let kind = sibling(field.links.as_ref().and_then(|l| l.doc_type.as_ref()));
                let lists: Vec<&Vec<Regex>> = if kind.contains("台湾") {
                    vec![&self.docs.taiwan_permit]
                } else if kind.contains("港澳") {
                    vec![&self.docs.hk_macau_permit]
                } else {
                    vec![&self.docs.hk_macau_permit, &self.docs.taiwan_permit]
                };
                self.match_docs(n, &lists, issues);
                None
            }
            _ => None,
        }
    }

    fn match_docs(&self, n: &str, lists: &[&Vec<Regex>], issues: &mut Vec<IdIssue>) {
        if !lists.iter().any(|list| list.iter().any(|re| re.is_match(n))) {
            issues.push(IdIssue { code: IdentCode::DocumentUncommon, severity: Severity::Warning, params: vec![], overridable: false });
        }
    }

    fn cross_check_person(
        &self,
        place: &Place<'_>,
        links: &crate::template::IdLinks,
        info: PersonInfo,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let base = make(FieldCode::Required, Severity::Error);
        if let Some(key) = &links.birth_date {
            if let Some(d) = place.obj.get(key).and_then(Value::as_str).and_then(|s| Date::parse(&normalize::date(s)).ok()) {
                if d != info.birth {
                    out.push(Finding { code: IdentCode::BirthMismatch.into(), ..base.clone() }.param("birth", info.birth));
                }
            }
        }
        if let (Some(key), Some(male)) = (&links.gender, info.male) {
            match place.obj.get(key).and_then(Value::as_str).map(normalize::trim) {
                Some("男") if !male => out.push(Finding { code: IdentCode::GenderMismatch.into(), ..base.clone() }),
                Some("女") if male => out.push(Finding { code: IdentCode::GenderMismatch.into(), ..base.clone() }),
                _ => {}
            }
        }
    }

    fn check_ref(&self, cx: &Cx<'_>, field: &Field, id: &str, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
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

    fn run_check<'f>(
        &self,
        cx: &Cx<'_>,
        place: &Place<'_>,
        check: &crate::template::Check,
        lookup: impl Fn(&str) -> Option<&'f Field>,
        out: &mut Vec<Finding>,
    ) {
        if let Some(c) = &check.when {
            if !c.eval(place.obj, cx.record) {
                return;
            }
        }
        let Some(left_field) = lookup(&check.left) else { return };
        let left = access::filled(&check.left, place.obj, cx.record);
        let right = access::filled(&check.right, place.obj, cx.record);
        let (Some(left), Some(right)) = (left, right) else { return };
        let ord = match left_field.kind {
            FieldType::Date => match (
                left.as_str().and_then(|s| Date::parse(&normalize::date(s)).ok()),
                right.as_str().and_then(|s| Date::parse(&normalize::date(s)).ok()),
            ) {
                (Some(a), Some(b)) => Some((a.cmp(&b), true)),
                _ => None,
            },
            FieldType::Integer
            | FieldType::Year
            | FieldType::MoneyWan
            | FieldType::MoneyYuan
            | FieldType::AreaM2
            | FieldType::Percent
            | FieldType::FundShares => match (as_decimal(left), as_decimal(right)) {
                (Some(a), Some(b)) => Some((a.cmp(&b), false)),
                _ => None,
            },
            _ => match (left.as_str().map(normalize::trim), right.as_str().map(normalize::trim)) {
                (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => Some((a.cmp(b), false)),
                _ => None,
            },
        };
        let Some((ord, is_date)) = ord else { return };
        use std::cmp::Ordering::*;
        let (ok, code) = match check.op {
            CompareOp::Lt => (ord == Less, if is_date { FieldCode::DateBefore } else { FieldCode::ValueBelow }),
            CompareOp::Le => (ord != Greater, if is_date { FieldCode::DateNotAfter } else { FieldCode::ValueNotAbove }),
            CompareOp::Gt => (ord == Greater, if is_date { FieldCode::DateAfter } else { FieldCode::ValueAbove }),
            CompareOp::Ge => (ord != Less, if is_date { FieldCode::DateNotBefore } else { FieldCode::ValueNotBelow }),
            CompareOp::Eq => (ord == Equal, FieldCode::MustEqual),
            CompareOp::Ne => (ord != Equal, FieldCode::MustDiffer),
        };
        if ok {
            return;
        }
        let path = place.path(&check.left);
        let mut f = Finding::labelled(code, check.severity.unwrap_or(Severity::Error), path, &left_field.label);
        if let Some(right_field) = lookup(&check.right) {
            f = f.param("other", &right_field.label.zh).param("other_en", right_field.label.get(crate::locale::Locale::En));
        } else {
            f = f.param("other", &check.right);
        }
        if let Some(r) = &check.rule {
            f = f.rule(r);
        }
        out.push(f);
    }
}

fn ident_finding(issue: IdIssue, make: &impl Fn(FieldCode, Severity) -> Finding) -> Finding {
    let mut f = make(FieldCode::Required, issue.severity);
    f.code = issue.code.into();
    for (k, v) in issue.params {
        f.params.insert(k.to_owned(), v);
    }
    f.overridable = issue.overridable;
    f
}

fn bound(v: &Option<Value>) -> Option<Decimal> {
    match v.as_ref()? {
        Value::Number(n) => n.as_u64().map(Decimal::from_int),
        Value::String(s) => Decimal::parse(s, 20, 4).ok(),
        _ => None,
    }
}

fn bound_text(v: &Option<Value>) -> Option<String> {
    match v.as_ref()? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn as_decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => n.as_u64().map(Decimal::from_int),
        Value::String(s) => Decimal::parse(&normalize::number(s), 20, 4).ok(),
        _ => None,
    }
}

/// Evaluates a template condition against a row or section object and the record: see
/// [`Condition::eval`], where conditions are evaluated (kept here as a path for callers).
pub fn eval(c: &Condition, obj: &Map<String, Value>, record: &Value) -> bool {
    c.eval(obj, record)
}
