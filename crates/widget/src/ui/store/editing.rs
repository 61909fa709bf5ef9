//! Editing: typing, choosing, leaving a field (which stores its normalised form), rows added and
//! removed (after a question), confirmations of warnings, and the whole record replaced. Each change
//! re-checks the scope it can affect and schedules the draft and the whole-record pass.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::country::{picked, query, shown, suggestions, to_codes, ComboKey, Typing};
use super::msg::{Effect, HostEvent, Msg};
use super::notice::Notice;
use super::pointer::{convert, display, set_pointer, split_pointer, text_value};
use super::state::{Store, SubmitState};
use crate::ui::dom::{esc, REMOVE_ASK, REMOVE_CONFIRM};
use crate::ui::text::{w, W};
use checklist_core::finding::{Confirmation, Report, Severity};
use checklist_core::template::FieldType;

impl Store {
    /// Typing, choices, rows and confirmations.
    pub(super) fn update_editing(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Input { path, raw } => {
                // Errors show while typing once a field has been left, or when it already held
                // a value; a first entry into an empty field is judged when the user leaves it.
                let quiet = !self.editing.touched.contains(&path) && checklist_core::engine::is_empty(self.value_at(&path));
                let kind = self.field_at(&path).map(|f| f.kind);
                if matches!(kind, Some(FieldType::Country | FieldType::Countries)) {
                    self.editing.typing = Some(Typing { path: path.clone(), text: raw.clone(), open: true, active: None });
                }
                let value = kind.map(|k| convert(k, &raw)).unwrap_or_else(|| text_value(&raw));
                self.set(&path, value, fx);
                if quiet {
                    self.editing.touched.remove(&path);
                }
            }
            Msg::Set { path, value } => self.set(&path, value, fx),
            Msg::SetData(data) => self.replace_data(data, Vec::new()),
            Msg::Toggle { path, option, on } => {
                let mut list: Vec<Value> = self.value_at(&path).and_then(Value::as_array).cloned().unwrap_or_default();
                list.retain(|v| v.as_str() != Some(option.as_str()));
                if on {
                    list.push(Value::String(option));
                }
                let value = if list.is_empty() { None } else { Some(Value::Array(list)) };
                self.set(&path, value, fx);
            }
            Msg::Combo(path, key) => self.combo(path, key, fx),
            Msg::UseRow(table, index) => {
                let used = self.editing.used_rows.entry(table).or_default();
                if !used.contains(&index) {
                    used.push(index);
                }
            }
            Msg::Touch(path) => {
                if self.editing.typing.as_ref().is_some_and(|t| t.path == path) {
                    self.editing.typing = None;
                }
                // Leaving a field stores its normalised form (`１８.６０` → `18.60`, `2018.7.2` →
                // `2018-07-02`): not while typing, which would move the caret and mangle a
                // half-typed date.
                let kind = self.field_at(&path).map(|f| f.kind);
                // A country typed by name (中国, 香港特别行政区, us) is stored by its code; the input
                // shows the name again, so there is nothing to announce. Unknown text stays.
                let coded = kind.and_then(|k| to_codes(k, self.value_at(&path)?));
                if let Some(v) = coded {
                    self.set(&path, Some(v), fx);
                } else if let Some(v) = kind.and_then(|k| checklist_core::normalize::value(k, self.value_at(&path)?)) {
                    let from = display(self.value_at(&path));
                    let to = display(Some(&v));
                    self.set(&path, Some(v), fx);
                    // Announced only when what it became is valid: "已将“xyz”规范为“XYZ”" beside
                    // 未能识别 would say the input was fixed when it was not.
                    if !self.findings_at(&path).any(|f| f.severity == Severity::Error) {
                        self.notice = Some(Notice::Normalised { from, to });
                    }
                }
                // Passing through an empty field with Tab judges nothing: a keyboard user moving
                // through the form would otherwise leave a trail of 不能为空. Its errors wait for
                // 校验 / 提交, or for the user to leave it with something in it (then they follow it).
                if self.editing.touched.contains(&path) || !checklist_core::engine::is_empty(self.value_at(&path)) {
                    self.editing.touched.insert(path);
                }
            }
            Msg::AddRow(table) => {
                if let Some(row_path) = self.add_row(&table) {
                    // A row added at the end moves no other row: only the new one is new to the view.
                    self.after_change_in(&table, Rows::One(&row_path), fx);
                    fx.push(Effect::Focus(row_path));
                }
            }
            Msg::AskRemove(row) => {
                // The 删除 button gives way to the question: focus goes into it, never to <body>.
                fx.push(Effect::Focus(format!("{row}/{REMOVE_CONFIRM}")));
                self.editing.pending_remove = Some(row);
            }
            Msg::CancelRemove => {
                if let Some(row) = self.editing.pending_remove.take() {
                    fx.push(Effect::Focus(format!("{row}/{REMOVE_ASK}")));
                }
            }
            Msg::ConfirmRemove => {
                if let Some(row) = self.editing.pending_remove.take() {
                    if let Some((table, index)) = row.rsplit_once('/') {
                        let table = table.to_owned();
                        if let (Some(Value::Array(rows)), Ok(i)) = (self.record.pointer_mut(&table), index.parse::<usize>()) {
                            if i < rows.len() {
                                rows.remove(i);
                                self.shift_touched(&table, i);
                                self.after_change(&table, fx);
                                self.notice = Some(Notice::RowDeleted);
                                fx.push(Effect::Focus(table));
                            }
                        }
                    }
                }
            }
            Msg::Confirm { code, path, on, at, in_summary } => {
                let entry = in_summary.then(|| self.blocking().iter().position(|f| f.code.as_str() == code && f.path == path)).flatten();
                self.confirmations.retain(|c| !(c.code == code && c.path == path));
                if on {
                    let rule_id =
                        self.validation.findings.iter().find(|f| f.code.as_str() == code && f.path == path).and_then(|f| f.rule.clone());
                    self.confirmations.push(Confirmation { code, path, rule_id, confirmed_at: at });
                }
                self.data_changed();
                self.revalidate();
                fx.push(Effect::SaveDraft);
                if let (Some(i), true) = (entry, on) {
                    let left = self.blocking().len();
                    self.notice = Some(Notice::Confirmed(left));
                    fx.push(Effect::FocusSummaryLink(i));
                }
            }
            _ => {}
        }
    }
}

impl Store {
    /// A key in a country field's list: move through the options, close the list, or store the
    /// option picked (the input then shows its name).
    fn combo(&mut self, path: String, key: ComboKey, fx: &mut Vec<Effect>) {
        let multi = self.field_at(&path).is_some_and(|f| f.kind == FieldType::Countries);
        // ↓ or ↑ in a field not typed in (it shows the names of what it holds) opens the list of
        // that text's matches, as if it had just been typed.
        if matches!(key, ComboKey::Down | ComboKey::Up) && self.editing.typing.as_ref().is_none_or(|t| t.path != path) {
            let l = self.locale();
            let text = shown(self.value_at(&path), l, w(l, W::ListSep));
            self.editing.typing = Some(Typing { path: path.clone(), text, open: false, active: None });
        }
        let Some(t) = self.editing.typing.as_mut().filter(|t| t.path == path) else { return };
        let found = suggestions(query(&t.text, multi));
        let n = found.len().max(1);
        match key {
            ComboKey::Down => t.active = Some(t.active.filter(|_| t.open).map_or(0, |i| (i + 1) % n)),
            ComboKey::Up => t.active = Some(t.active.filter(|_| t.open).map_or(n - 1, |i| (i + n - 1) % n)),
            ComboKey::Close => t.active = None,
            ComboKey::Pick(i) => {
                if let Some(code) = found.get(i) {
                    let value = picked(&t.text, multi, code);
                    self.editing.typing = None;
                    self.set(&path, Some(value), fx);
                }
                return;
            }
        }
        t.open = key != ComboKey::Close;
    }

    /// Replaces the whole record (host `setData`, import): touched state resets.
    pub fn replace_data(&mut self, data: Value, confirmations: Vec<Confirmation>) {
        self.record = if data.is_object() { data } else { Value::Object(Map::new()) };
        self.confirmations = confirmations;
        self.editing.touched.clear();
        self.validation.show_all = false;
        self.validation.summary = false;
        self.editing.pending_remove = None;
        self.editing.typing = None;
        let unsent = self.submission.unsent;
        self.data_changed();
        // Whose data it is decides: the callers for the user's (import, drafts) say so.
        self.submission.unsent = unsent;
        self.revalidate();
    }

    /// The data changed, anywhere: every memoised row may have to render again.
    pub(super) fn data_changed(&mut self) {
        self.data_changed_in(Rows::All);
    }

    fn data_changed_in(&mut self, rows: Rows<'_>) {
        self.editing.rev += 1;
        let rev = self.editing.rev as usize;
        match rows.row(self) {
            Some(Some((table, index))) => {
                let revs = self.editing.row_revs.entry(table.to_owned()).or_default();
                if revs.len() <= index {
                    revs.resize(index + 1, 0);
                }
                revs[index] = rev;
            }
            Some(None) => {}
            None => {
                self.editing.rows_rev = rev;
                self.editing.row_revs.clear();
            }
        }
        self.submission.idempotency_key = None;
        self.submission.submitted_at = None;
        self.submission.outcome = None;
        self.submission.unsent = true;
        if matches!(self.submission.state, SubmitState::Done { .. } | SubmitState::Failed { .. }) {
            self.submission.state = SubmitState::Idle;
        }
    }

    pub(super) fn set(&mut self, path: &str, value: Option<Value>, fx: &mut Vec<Effect>) {
        if self.record.pointer(path) == value.as_ref() {
            self.editing.touched.insert(path.to_owned());
            return;
        }
        set_pointer(&mut self.record, path, value.clone());
        self.editing.touched.insert(path.to_owned());
        self.after_change(path, fx);
        fx.push(Effect::Emit(HostEvent::Changed { path: path.to_owned(), value }));
    }

    /// Re-checks what `path` can affect, then schedules the draft save and the full pass.
    pub(super) fn after_change(&mut self, path: &str, fx: &mut Vec<Effect>) {
        self.after_change_in(path, Rows::One(path), fx);
    }

    /// [`Store::after_change`], where `rows` says which table rows the change can have altered.
    fn after_change_in(&mut self, path: &str, rows: Rows<'_>, fx: &mut Vec<Effect>) {
        self.data_changed_in(rows);
        let (scope, fresh) = self.validator.recheck(&self.record, path, self.today);
        let template = self.validator.template();
        self.validation.findings.retain(|f| !scope.covers(f, template));
        let mut report = Report { findings: fresh };
        report.apply_confirmations(&self.confirmations);
        self.validation.findings.extend(report.findings);
        self.reindex();
        fx.push(Effect::SaveDraft);
        fx.push(Effect::ScheduleRevalidate);
    }

    pub(super) fn add_row(&mut self, table_ptr: &str) -> Option<String> {
        let parts = split_pointer(table_ptr);
        let (sid, tid) = (parts.first()?.clone(), parts.get(1)?.clone());
        let table = self.validator.template().section(&sid)?.table(&tid)?;
        if let Some(max) = table.max_rows {
            let len = self.record.pointer(table_ptr).and_then(Value::as_array).map_or(0, Vec::len);
            if len >= max as usize {
                self.notice = Some(Notice::TooManyRows(max));
                return None;
            }
        }
        let mut row = Map::new();
        if table.column("id").is_some() {
            let id = self.fresh_row_id(table_ptr);
            row.insert("id".into(), Value::String(id));
        }
        if self.record.pointer(table_ptr).and_then(Value::as_array).is_none() {
            set_pointer(&mut self.record, table_ptr, Some(Value::Array(Vec::new())));
        }
        let rows = self.record.pointer_mut(table_ptr)?.as_array_mut()?;
        rows.push(Value::Object(row));
        let index = rows.len() - 1;
        if let Some(page) = index.checked_div(self.nav.page_size) {
            self.nav.pages.insert(table_ptr.to_owned(), page);
        }
        self.notice = Some(Notice::RowAdded(index + 1));
        Some(format!("{table_ptr}/{index}"))
    }

    pub(super) fn fresh_row_id(&mut self, table_ptr: &str) -> String {
        let used: HashSet<String> = self
            .record
            .pointer(table_ptr)
            .and_then(Value::as_array)
            .map(|rows| rows.iter().filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_owned)).collect())
            .unwrap_or_default();
        loop {
            let id = format!("r{}", self.editing.next_row);
            self.editing.next_row += 1;
            if !used.contains(&id) {
                return id;
            }
        }
    }

    /// After removing row `removed` of `table`, touched paths of later rows move up one.
    pub(super) fn shift_touched(&mut self, table: &str, removed: usize) {
        let prefix = format!("{table}/");
        let old: Vec<String> = self.editing.touched.iter().filter(|p| p.starts_with(&prefix)).cloned().collect();
        for p in old {
            self.editing.touched.remove(&p);
            let rest = &p[prefix.len()..];
            let (idx, tail) = rest.split_once('/').unwrap_or((rest, ""));
            if let Ok(i) = idx.parse::<usize>() {
                if i > removed {
                    self.editing.touched.insert(format!("{prefix}{}/{tail}", i - 1));
                } else if i < removed {
                    self.editing.touched.insert(p);
                }
            }
        }
    }

    /// Stores the normalised form of every field (SPEC §2.2) before the record leaves the
    /// widget (export, submit, print); each change is announced like an edit.
    pub(crate) fn normalize_record(&mut self, fx: &mut Vec<Effect>) {
        let changes = checklist_core::normalize::record(self.validator.template(), &mut self.record);
        if changes.is_empty() {
            return;
        }
        self.data_changed();
        self.revalidate();
        fx.push(Effect::SaveDraft);
        for c in changes {
            fx.push(Effect::Emit(HostEvent::Normalised { path: c.path, value: c.to }));
        }
    }
}

/// Which table rows a change of the data can have altered, for [`RowVersions`](super::state::RowVersions).
#[derive(Clone, Copy)]
enum Rows<'a> {
    /// What lies at this pointer changed: one row when it lies in a row, none when it is a
    /// section's own field, every row otherwise (a table, a section or the record replaced).
    One(&'a str),
    /// Any row (rows removed, the record replaced, normalised or restored).
    All,
}

impl<'a> Rows<'a> {
    /// `Some(Some((table, index)))`: that row; `Some(None)`: no row; `None`: any row.
    fn row(self, s: &Store) -> Option<Option<(&'a str, usize)>> {
        let Rows::One(path) = self else { return None };
        let (sid, rest) = path.strip_prefix('/')?.split_once('/')?;
        let sec = s.validator.template().sections.iter().find(|sec| esc(&sec.id) == sid)?;
        let (key, rest) = rest.split_once('/').unwrap_or((rest, ""));
        if !sec.tables.iter().any(|tb| esc(&tb.id) == key) {
            // A section's own field (or a part of it): no row holds it.
            return sec.fields.iter().any(|f| esc(&f.key) == key).then_some(None);
        }
        let row = rest.split('/').next().filter(|r| !r.is_empty())?;
        let index = row.parse::<usize>().ok().filter(|i| i.to_string() == row)?;
        Some(Some((&path[..path.len() - rest.len() - 1], index)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::testing::{fixture, store};
    use crate::ui::store::validation::SectionStatus;
    use checklist_core::config::Config;
    use checklist_core::date::Date;
    use checklist_core::engine::Validator;
    use checklist_core::finding::Severity;
    use checklist_core::locale::Locale;
    use checklist_core::template::builtin;
    use std::rc::Rc;

    #[test]
    fn typing_shows_errors_only_once_touched_and_keeps_data() {
        let mut s = store("geren");
        assert!(s.visible_message("/header/idNumber").is_none(), "untouched fields stay quiet");
        let fx = s.update(Msg::Input { path: "/header/idNumber".into(), raw: "110105197506150037".into() });
        assert!(fx.contains(&Effect::SaveDraft));
        assert!(s.visible_message("/header/idNumber").is_none(), "a first entry is judged on leaving the field");
        s.update(Msg::Touch("/header/idNumber".into()));
        let (sev, msg) = s.visible_message("/header/idNumber").expect("error shows once typed");
        assert_eq!(sev, Severity::Error);
        assert!(msg.contains("校验"), "{msg}");
        s.update(Msg::Input { path: "/header/idNumber".into(), raw: "110105197506150036".into() });
        assert!(s.visible_message("/header/idNumber").is_none());
        assert_eq!(s.record.pointer("/header/idNumber"), Some(&Value::from("110105197506150036")));
    }

    #[test]
    fn a_row_version_changes_with_its_row_and_with_changes_that_can_move_rows() {
        let mut s = store("geren");
        for _ in 0..3 {
            s.update(Msg::AddRow("/C11/rows".into()));
        }
        let seen = |s: &Store| (0..3).map(|i| s.row_versions("/C11/rows").of(i)).collect::<Vec<usize>>();
        let before = seen(&s);
        s.update(Msg::Input { path: "/C11/rows/1/areaM2".into(), raw: "12".into() });
        let after = seen(&s);
        assert_eq!((after[0], after[2]), (before[0], before[2]), "the other rows keep theirs");
        assert!(after[1] > before[1], "the typed-in row's changes");
        s.update(Msg::Input { path: "/header/name".into(), raw: "张".into() });
        assert_eq!(seen(&s), after, "a section's own field holds no row");
        s.update(Msg::AskRemove("/C11/rows/0".into()));
        s.update(Msg::ConfirmRemove);
        let removed = seen(&s);
        assert!(removed.iter().zip(&after).all(|(r, a)| r > a), "rows move up: every row's changes");
        s.replace_data(s.record.clone(), Vec::new());
        assert!(seen(&s).iter().zip(&removed).all(|(r, a)| r > a), "a replaced record changes every row's");
    }

    #[test]
    fn the_delete_question_takes_focus_and_gives_it_back() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/C11/rows".into()));
        let fx = s.update(Msg::AskRemove("/C11/rows/0".into()));
        assert_eq!(fx, [Effect::Focus(format!("/C11/rows/0/{REMOVE_CONFIRM}"))]);
        let fx = s.update(Msg::CancelRemove);
        assert_eq!(fx, [Effect::Focus(format!("/C11/rows/0/{REMOVE_ASK}"))], "back to the row's 删除");
        s.update(Msg::AskRemove("/C11/rows/0".into()));
        let fx = s.update(Msg::ConfirmRemove);
        assert!(fx.contains(&Effect::Focus("/C11/rows".into())), "to the table's heading: {fx:?}");
    }

    #[test]
    fn rows_get_fresh_ids_and_removal_asks_first() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/family/members".into()));
        s.update(Msg::AddRow("/family/members".into()));
        let ids: Vec<&str> =
            s.record.pointer("/family/members").and_then(Value::as_array).expect("rows").iter().filter_map(|r| r["id"].as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        s.update(Msg::AskRemove("/family/members/0".into()));
        assert_eq!(
            s.record.pointer("/family/members").and_then(Value::as_array).map(Vec::len),
            Some(2),
            "nothing removed before confirming"
        );
        s.update(Msg::ConfirmRemove);
        assert_eq!(s.record.pointer("/family/members").and_then(Value::as_array).map(Vec::len), Some(1));
    }

    #[test]
    fn read_only_ignores_edits() {
        let v = Validator::new(builtin("geren").expect("builtin").expect("loads"), Config::default()).expect("validator");
        let mut s = Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, true);
        assert!(s.update(Msg::Input { path: "/header/name".into(), raw: "x".into() }).is_empty());
        assert_eq!(s.record, serde_json::json!({}));
    }

    #[test]
    fn leaving_a_field_stores_its_normalised_form_and_says_so() {
        let mut s = store("geren");
        // (field, typed, stored)
        let cases: &[(&str, &str, Value)] = &[
            ("/header/idNumber", "１１０１０５１９４９１２３１００２ｘ", Value::from("11010519491231002X")),
            ("/header/eventDate", "2025年8月2日", Value::from("2025-08-02")),
            ("/header/year", "２０２５", Value::from(2025u64)),
        ];
        for (path, typed, stored) in cases {
            s.update(Msg::Input { path: (*path).into(), raw: (*typed).into() });
            assert_eq!(s.record.pointer(path), Some(&Value::from(*typed)), "kept as typed while typing");
            let fx = s.update(Msg::Touch((*path).into()));
            assert_eq!(s.record.pointer(path), Some(stored), "{path}");
            assert!(fx.iter().any(|e| matches!(e, Effect::Emit(ev) if ev.name() == "checklist-change")));
            let notice = s.notice_text().unwrap_or_default();
            assert!(notice.contains(typed) && notice.contains(&display(Some(stored))), "{notice}");
        }
        // Already in stored form: nothing changes, nothing is announced.
        s.notice = None;
        assert!(s.update(Msg::Touch("/header/year".into())).is_empty());
        assert!(s.notice.is_none());
    }

    #[test]
    fn passing_notices_go_with_the_next_edit_and_untouched_sections_are_not_done() {
        let mut s = store("geren");
        let c15 = s.validator.template().section("C15").expect("C15").clone();
        assert_eq!(s.section_status(&c15), SectionStatus::NotStarted, "nothing typed: not 已完成");
        s.update(Msg::AddRow("/C11/rows".into()));
        assert!(s.notice.is_some());
        s.update(Msg::Input { path: "/header/name".into(), raw: "张".into() });
        assert!(s.notice.is_none(), "已添加第 1 行 is stale once the user types on");
        s.update(Msg::Validate);
        assert_eq!(s.section_status(&c15), SectionStatus::Done, "checked, nothing missing");
    }

    #[test]
    fn ticking_a_warning_in_the_summary_moves_focus_to_the_next_entry_and_says_so() {
        let mut s = store("geren");
        let mut data = fixture("geren");
        // Two warnings: a spouse without 工作单位 (requiredIf, severity warning), twice over.
        data["family"]["members"][1].as_object_mut().unwrap().remove("employer");
        s.update(Msg::SetData(data));
        s.update(Msg::Validate);
        let warnings: Vec<(String, String)> =
            s.blocking().iter().filter(|f| f.severity == Severity::Warning).map(|f| (f.code.as_str().to_owned(), f.path.clone())).collect();
        assert!(!warnings.is_empty(), "{:?}", s.blocking());
        let (code, path) = warnings[0].clone();
        let at = s.blocking().iter().position(|f| f.code.as_str() == code && f.path == path).unwrap();
        let before = s.blocking().len();
        let fx = s.update(Msg::Confirm { code, path, on: true, at: "2026-01-15T10:00:00+08:00".into(), in_summary: true });
        let left = s.blocking().len();
        assert_eq!(left, before - 1);
        assert!(fx.contains(&Effect::FocusSummaryLink(at)), "focus goes to the entry that takes its place: {fx:?}");
        assert_eq!(s.notice, Some(Notice::Confirmed(left)));
        let said = s.notice_text().unwrap();
        assert!(said.starts_with("已确认该提示"), "{said}");

        // Ticked elsewhere (核对), focus stays where it is.
        let (code, path) = warnings.last().cloned().unwrap();
        s.update(Msg::Confirm { code: code.clone(), path: path.clone(), on: false, at: String::new(), in_summary: false });
        let fx = s.update(Msg::Confirm { code, path, on: true, at: "2026-01-15T10:00:00+08:00".into(), in_summary: false });
        assert!(!fx.iter().any(|e| matches!(e, Effect::FocusSummaryLink(_))), "{fx:?}");
    }

    #[test]
    fn leaving_a_field_announces_its_normalised_form_only_when_that_is_valid() {
        let mut s = store("geren");
        s.update(Msg::Input { path: "/header/eventDate".into(), raw: "2025.6.15".into() });
        s.update(Msg::Touch("/header/eventDate".into()));
        assert_eq!(s.record["header"]["eventDate"], "2025-06-15");
        assert!(matches!(s.notice, Some(Notice::Normalised { .. })), "{:?}", s.notice);
        s.notice = None;
        // Unknown text in a country field is no country after normalising either: nothing to announce.
        if s.record.pointer("/family/members/0").is_none() {
            s.update(Msg::AddRow("/family/members".into()));
        }
        let nationality = "/family/members/0/nationality";
        s.update(Msg::Input { path: nationality.into(), raw: "xyz".into() });
        s.update(Msg::Touch(nationality.into()));
        assert!(s.findings_at(nationality).any(|f| f.severity == Severity::Error), "{:?}", s.record.pointer(nationality));
        assert!(!matches!(s.notice, Some(Notice::Normalised { .. })), "{:?}", s.notice);
    }

    #[test]
    fn tabbing_through_an_empty_field_leaves_it_quiet_until_validate() {
        let mut s = store("geren");
        let name = "/header/unitName";
        s.update(Msg::Touch(name.into()));
        assert!(s.findings_at(name).any(|f| f.severity == Severity::Error), "the engine finds it empty");
        assert_eq!(s.visible_message(name), None, "passing through with Tab says nothing");
        // Typed, left, cleared, left: the user has worked on it, so 不能为空 follows it.
        s.update(Msg::Input { path: name.into(), raw: "某某局".into() });
        s.update(Msg::Touch(name.into()));
        s.update(Msg::Input { path: name.into(), raw: String::new() });
        s.update(Msg::Touch(name.into()));
        assert!(s.visible_message(name).is_some_and(|(_, m)| m.contains("不能为空")), "{:?}", s.visible_message(name));
        // 校验 shows every field's errors.
        let other = "/header/position";
        s.update(Msg::Touch(other.into()));
        assert_eq!(s.visible_message(other), None);
        s.update(Msg::Validate);
        assert!(s.visible_message(other).is_some());
    }
}
