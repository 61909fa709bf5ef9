//! The traversal: sections (when, 有/无 presence C-R01/C-R02), their fields and checks, tables
//! (row counts) and rows, whose cells are matched to columns in one merge walk.

use serde_json::{Map, Value};

use crate::access;
use crate::date::Date;
use crate::engine::cx::{empty_map, Cx, Place};
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::template::{escape_token, Field, Section, Table, PRESENCE_KEY};

impl Validator {
    pub(crate) fn cx<'r>(&self, record: &'r Value, today: Date) -> Cx<'r> {
        Cx { record, today, year: access::report_year(record), refs: Default::default() }
    }

    pub(crate) fn section_applies(&self, cx: &Cx<'_>, section: &Section, sobj: &Map<String, Value>) -> bool {
        section.when.as_ref().is_none_or(|c| c.eval(sobj, cx.record))
    }

    pub(crate) fn check_section(&self, cx: &Cx<'_>, si: usize, section: &Section, out: &mut Vec<Finding>) {
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
                        if access::is_empty(sobj.get(key)) {
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

    pub(crate) fn check_section_fields(
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
            self.check_shown_field(cx, &place, fi, field, place.obj.get(&field.key), out);
        }
        for check in &section.checks {
            self.run_check(cx, &place, check, |k| section.field(k), out);
        }
    }

    /// A field that applies is checked; one that does not (`shownIf`) is not, and a value typed
    /// in it is reported as set aside, so that it is never dropped without a word.
    fn check_shown_field(&self, cx: &Cx<'_>, place: &Place<'_>, fi: usize, field: &Field, value: Option<&Value>, out: &mut Vec<Finding>) {
        if field.shown(place.obj, cx.record) {
            self.check_field(cx, place, fi, field, value, out);
        } else if !access::is_empty(value) {
            out.push(Finding::labelled(FieldCode::SetAside, Severity::Info, place.path(&field.key), &field.label));
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_row(
        &self,
        cx: &Cx<'_>,
        si: usize,
        ti: usize,
        table: &Table,
        ri: usize,
        row: &Value,
        tbase: &str,
        out: &mut Vec<Finding>,
    ) {
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
            self.check_shown_field(cx, &place, fi, field, cells[fi], out);
        }
        for check in &table.checks {
            self.run_check(cx, &place, check, |k| table.column(k), out);
        }
    }
}
