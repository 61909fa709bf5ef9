//! Validation: the whole-record pass and its index by path, which messages show where (a field's
//! once touched, all after 校验 or 提交), the error summary in form order, section statuses, and the
//! questions the view asks about the template (`required_now`, `section_applies`).

use serde_json::{Map, Value};

use super::msg::{Effect, Msg};
use super::notice::Notice;
use super::pointer::split_pointer;
use super::state::{Store, View};
use crate::ui::text::{say, w, P, W};
use checklist_core::finding::codes::field::FieldCode;
use checklist_core::finding::codes::Code;
use checklist_core::finding::{Finding, Severity};
use checklist_core::locale::Locale;
use checklist_core::template::{Field, Section, PRESENCE_HAS, PRESENCE_KEY};

const SET_ASIDE: Code = Code::Field(FieldCode::SetAside);
const WITHOUT_ROWS: Code = Code::Field(FieldCode::PresenceWithoutRows);

impl Store {
    /// 校验, the debounced whole-record pass, and the summary shown.
    pub(super) fn update_validation(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Validate => {
                self.revalidate();
                self.validation.show_all = true;
                self.validation.summary = true;
                self.nav.view = View::Form;
                if self.blocking().is_empty() {
                    self.notice = Some(Notice::ValidationPassed);
                } else {
                    fx.push(Effect::FocusSummary);
                }
            }
            Msg::Revalidate => self.quiet = !self.revalidate(),
            Msg::ShowSummary => {
                self.validation.summary = true;
                self.nav.view = View::Form;
                fx.push(Effect::FocusSummary);
            }
            _ => {}
        }
    }
}

impl Store {
    /// Runs every check and named rule, applying confirmations. Returns whether the findings
    /// changed (nothing on screen depends on a pass that found the same).
    pub fn revalidate(&mut self) -> bool {
        let submitted_on = self.submission.submitted_at.as_deref().and_then(checklist_core::date::date_of_stamp);
        let mut report = self.validator.validate_submitted(&self.record, self.today, submitted_on);
        report.apply_confirmations(&self.confirmations);
        if report.findings == self.validation.findings {
            return false;
        }
        self.validation.findings = report.findings;
        self.reindex();
        true
    }

    pub(super) fn reindex(&mut self) {
        self.validation.index.clear();
        for (i, f) in self.validation.findings.iter().enumerate() {
            self.validation.index.entry(f.path.clone()).or_default().push(i);
        }
    }

    /// Findings at exactly this path.
    pub fn findings_at(&self, path: &str) -> impl Iterator<Item = &Finding> {
        self.validation.index.get(path).into_iter().flatten().map(move |&i| &self.validation.findings[i])
    }

    /// The paths under `prefix` that have findings, in no particular order: what a table reads
    /// to group its rows' messages in one pass over the findings rather than one look-up per cell.
    pub fn finding_paths_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.validation.index.keys().map(String::as_str).filter(move |p| p.starts_with(prefix))
    }

    /// Whether finding `f` shows now: after 校验 or 提交 every one does; before, those of the fields
    /// the user has left. 有此类情况 without a row waits for 校验: adding the rows is what the user
    /// does next, and an error the moment 有 is chosen would only tell them to do it.
    fn shows(&self, f: &Finding) -> bool {
        self.validation.show_all || (self.editing.touched.contains(&f.path) && f.code != WITHOUT_ROWS)
    }

    /// The message to show under the field at `path`, when its errors should show.
    pub fn visible_message(&self, path: &str) -> Option<(Severity, String)> {
        self.findings_at(path)
            .filter(|f| f.severity != Severity::Info && !f.confirmed && self.shows(f))
            .min_by_key(|f| f.severity != Severity::Error)
            .map(|f| (f.severity, f.message(self.locale)))
    }

    /// Findings that block submit, in the order of the form (section, its fields, its tables,
    /// row, column), as the error summary lists them.
    pub fn blocking(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.validation.findings.iter().filter(|f| f.blocks_submit()).collect();
        checklist_core::sort::sort_by_key(&mut v, |f| self.form_position(&f.path));
        v
    }

    /// Where a pointer sits in the form: section, then the presence question, the section's
    /// fields and its tables in template order, then row and column. Unknown parts sort last.
    pub fn form_position(&self, path: &str) -> [usize; 4] {
        let tpl = self.validator.template();
        let t = split_pointer(path);
        let Some(si) = t.first().and_then(|id| tpl.sections.iter().position(|s| &s.id == id)) else { return [usize::MAX; 4] };
        let sec = &tpl.sections[si];
        let Some(key) = t.get(1) else { return [si, 0, 0, 0] };
        if key == PRESENCE_KEY {
            return [si, 0, 0, 0];
        }
        if let Some(fi) = sec.fields.iter().position(|f| &f.key == key) {
            return [si, 1 + fi, 0, 0];
        }
        let Some(ti) = sec.tables.iter().position(|tb| &tb.id == key) else { return [si, usize::MAX, 0, 0] };
        let row = t.get(2).and_then(|r| r.parse::<usize>().ok()).map_or(0, |r| r + 1);
        let col = t.get(3).and_then(|c| sec.tables[ti].columns.iter().position(|k| &k.key == c)).map_or(0, |c| c + 1);
        [si, 1 + sec.fields.len() + ti, row, col]
    }

    /// Whether the rules demand the field at `path` now, as an error: `required`, or a
    /// `requiredIf` that holds for its row or section.
    pub fn required_now(&self, f: &Field, path: &str) -> bool {
        let empty = Map::new();
        let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
        let obj = self.record.pointer(parent).and_then(Value::as_object).unwrap_or(&empty);
        if !f.shown(obj, &self.record) {
            return false;
        }
        if matches!(f.required, checklist_core::template::Requirement::Required(Severity::Error)) {
            return true;
        }
        let Some(c) = &f.required_if else { return false };
        if f.required_if_severity.unwrap_or(Severity::Error) != Severity::Error {
            return false;
        }
        checklist_core::engine::eval(c, obj, &self.record)
    }

    /// Whether a field of the row or section object `obj` applies now (its `shownIf`): a field
    /// that does not is neither shown nor printed, and the engine does not check it.
    pub fn applies(&self, f: &Field, obj: Option<&Map<String, Value>>) -> bool {
        f.shown_if.is_none() || f.shown(obj.unwrap_or(&Map::new()), &self.record)
    }

    /// Values typed in fields of `section` that no longer apply, one line each, for a notice in
    /// the section ("家庭成员登记表 第1行：已填写的“子女类别”…"): kept in the record, said so, never
    /// dropped. Empty when there are none.
    pub fn set_aside(&self, section: &Section) -> String {
        let prefix = format!("/{}/", section.id);
        let l = self.locale;
        let mut out = String::new();
        for f in self.validation.findings.iter().filter(|f| f.code == SET_ASIDE && f.path.starts_with(&prefix)) {
            if !out.is_empty() {
                out.push('\n');
            }
            if f.path[prefix.len()..].contains('/') {
                out.push_str(&self.where_is(&f.path).unwrap_or_default());
                out.push_str(w(l, W::Colon));
            }
            out.push_str(&f.message(l));
        }
        out
    }

    /// What a message is about, for lists away from the field: `房产 第3行` for a table row's
    /// cell, else the section's title. A table whose title another section's table shares (the
    /// 个人有关事项 C02 and C03 both have 证件) is named with its section's title first, so that
    /// two lines of the summary never read the same and lead to different places.
    pub fn where_is(&self, path: &str) -> Option<String> {
        let t = split_pointer(path);
        let template = self.validator.template();
        let sec = template.section(t.first()?)?;
        let l = self.locale;
        if let (Some(tb), Some(row)) = (t.get(1).and_then(|k| sec.table(k)), t.get(2).and_then(|r| r.parse::<usize>().ok())) {
            let title = tb.title.get(l);
            let shared = template.sections.iter().flat_map(|s| &s.tables).filter(|other| other.title.get(l) == title).count() > 1;
            let table = if shared { format!("{} {title}", sec.title.get(l)) } else { title.to_owned() };
            return Some(say(l, P::TableRow { table: &table, row: row + 1 }));
        }
        Some(sec.title.get(l).to_owned())
    }

    /// Whether anything blocks submit.
    pub fn blocks_submit(&self) -> bool {
        self.validation.findings.iter().any(Finding::blocks_submit)
    }

    /// Error and warning counts (unconfirmed warnings only).
    pub fn counts(&self) -> (usize, usize) {
        let e = self.validation.findings.iter().filter(|f| f.severity == Severity::Error).count();
        let w = self.validation.findings.iter().filter(|f| f.severity == Severity::Warning && !f.confirmed).count();
        (e, w)
    }

    /// The field definition behind a JSON pointer (`/section/key` or `/section/table/i/key`).
    pub fn field_at(&self, path: &str) -> Option<&Field> {
        let parts: Vec<String> = split_pointer(path);
        let section = self.validator.template().section(parts.first()?)?;
        match parts.len() {
            2 => section.field(&parts[1]),
            4 => section.table(&parts[1])?.column(&parts[3]),
            _ => None,
        }
    }

    /// The value at a JSON pointer.
    pub fn value_at(&self, path: &str) -> Option<&Value> {
        self.record.pointer(path)
    }

    /// The status of a section for the task list.
    pub fn section_status(&self, section: &Section) -> SectionStatus {
        let prefix = format!("/{}", section.id);
        let obj = self.record.get(&section.id).and_then(Value::as_object);
        // Started: something filled that applies. A value kept in a field that no longer applies (set
        // aside, `set_aside`) does not count: the user has nothing there to finish.
        let started = obj.is_some_and(|o| {
            o.iter().any(|(k, v)| !checklist_core::engine::is_empty(Some(v)) && section.field(k).is_none_or(|f| self.applies(f, Some(o))))
        });
        let in_section = |f: &&Finding| f.path == prefix || f.path.starts_with(&format!("{prefix}/"));
        let errors: Vec<&Finding> = self.validation.findings.iter().filter(in_section).filter(|f| f.blocks_submit()).collect();
        if errors.is_empty() {
            // Nothing is missing or wrong; a section nobody has touched is 已完成 only once the
            // whole record has been checked (an optional item left empty then counts as done).
            if !started && !self.validation.show_all {
                SectionStatus::NotStarted
            } else {
                SectionStatus::Done
            }
        } else if !started {
            if self.validation.show_all {
                SectionStatus::Problem
            } else {
                SectionStatus::NotStarted
            }
        } else if errors.iter().any(|f| self.shows(f)) {
            SectionStatus::Problem
        } else {
            SectionStatus::InProgress
        }
    }

    /// Whether a section's `when` holds.
    pub fn section_applies(&self, section: &Section) -> bool {
        let empty = Map::new();
        let obj = self.record.get(&section.id).and_then(Value::as_object).unwrap_or(&empty);
        section.when.as_ref().is_none_or(|c| checklist_core::engine::eval(c, obj, &self.record))
    }

    /// Whether a presence section is answered 有 (tables shown).
    pub fn has_presence(&self, section: &Section) -> bool {
        self.record.get(&section.id).and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) == Some(PRESENCE_HAS)
    }
}

/// A section's place in the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    /// 未开始.
    NotStarted,
    /// 进行中.
    InProgress,
    /// 已完成.
    Done,
    /// 有问题.
    Problem,
}

impl SectionStatus {
    /// Label and CSS/data name.
    pub fn label(self, locale: Locale) -> (&'static str, &'static str) {
        match self {
            SectionStatus::NotStarted => (w(locale, W::StatusNotStarted), "todo"),
            SectionStatus::InProgress => (w(locale, W::StatusInProgress), "progress"),
            SectionStatus::Done => (w(locale, W::StatusDone), "done"),
            SectionStatus::Problem => (w(locale, W::StatusProblem), "problem"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::testing::store;

    #[test]
    fn a_whole_record_pass_that_finds_nothing_new_asks_for_no_render() {
        let mut s = store("geren");
        s.update(Msg::Revalidate);
        assert!(s.quiet, "same findings as at mount");
        s.validation.findings.pop();
        s.update(Msg::Revalidate);
        assert!(!s.quiet, "a changed finding is shown");
        s.update(Msg::Touch("/header/name".into()));
        assert!(!s.quiet, "every other message renders");
    }

    #[test]
    fn the_summary_follows_the_form_and_names_table_rows() {
        let mut s = store("geren");
        s.update(Msg::Set { path: "/C11/presence".into(), value: Some(Value::from("有")) });
        s.update(Msg::AddRow("/C11/rows".into()));
        s.update(Msg::AddRow("/C11/rows".into()));
        s.update(Msg::Validate);
        let paths: Vec<[usize; 4]> = s.blocking().iter().map(|f| s.form_position(&f.path)).collect();
        assert!(paths.windows(2).all(|w| w[0] <= w[1]), "form order: {paths:?}");
        let row = s.blocking().iter().find(|f| f.path.starts_with("/C11/rows/1/")).map(|f| f.path.clone()).expect("a row error");
        assert_eq!(s.where_is(&row).as_deref(), Some("房产 第2行"));
        assert_eq!(s.where_is("/header/name").as_deref(), Some("基本信息"));
        // C02 and C03 both have a table called 证件: their rows are told apart by the section.
        let (c02, c03) = (s.where_is("/C02/documents/0/docType").unwrap(), s.where_is("/C03/documents/0/docType").unwrap());
        assert_ne!(c02, c03);
        assert!(c02.starts_with("本人持有普通护照") && c02.ends_with("证件 第1行"), "{c02}");
    }

    #[test]
    fn a_section_holding_only_set_aside_values_is_not_started() {
        let mut s = store("shuzhi");
        let a10 = s.validator().template().section("A10").expect("A10").clone();
        assert_eq!(s.section_status(&a10), SectionStatus::NotStarted);
        // A reason for not disclosing, typed, then the answer it belonged to taken back: the value is
        // kept and said to be set aside, but nothing that applies has been filled in.
        s.update(Msg::Set { path: "/A10/disclosedInTeam".into(), value: Some(Value::Bool(false)) });
        s.update(Msg::Set { path: "/A10/notDisclosedReason".into(), value: Some(Value::from("会议推迟")) });
        assert_ne!(s.section_status(&a10), SectionStatus::NotStarted, "started");
        s.update(Msg::Set { path: "/A10/disclosedInTeam".into(), value: None });
        assert!(!s.set_aside(&a10).is_empty(), "the reason is set aside");
        assert_eq!(s.section_status(&a10), SectionStatus::NotStarted, "only a set-aside value: not started");
        s.update(Msg::Set { path: "/A10/disclosedInTeam".into(), value: Some(Value::Bool(true)) });
        assert_ne!(s.section_status(&a10), SectionStatus::NotStarted, "an answer that applies: started");
    }

    #[test]
    fn the_required_mark_follows_required_if() {
        let mut s = store("geren");
        let f = s.field_at("/header/changedItems").expect("field").clone();
        assert!(!s.required_now(&f, "/header/changedItems"), "an annual report names no changed items");
        s.update(Msg::Set { path: "/header/reportType".into(), value: Some(Value::from("事后报告")) });
        assert!(s.required_now(&f, "/header/changedItems"), "a change report must name them: the mark shows");
    }

    #[test]
    fn choosing_has_such_matters_waits_for_validate_before_asking_for_rows() {
        let mut s = store("geren");
        let presence = format!("/C04/{PRESENCE_KEY}");
        s.update(Msg::Set { path: presence.clone(), value: Some(Value::from(PRESENCE_HAS)) });
        assert!(s.findings_at(&presence).any(|f| f.code == WITHOUT_ROWS), "the engine finds it at once");
        assert_eq!(s.visible_message(&presence), None, "but it is not shown the moment 有 is chosen");
        let c04 = s.validator.template().section("C04").unwrap().clone();
        assert_ne!(s.section_status(&c04), SectionStatus::Problem);
        s.update(Msg::Validate);
        let (sev, text) = s.visible_message(&presence).expect("shown after 校验");
        assert_eq!(sev, Severity::Error);
        assert!(text.contains("至少填写一条记录"), "{text}");
        assert_eq!(s.section_status(&c04), SectionStatus::Problem);
    }
}
