//! Last year's record (复制上年数据) as the base of this year's and of the comparison with it, and
//! the 谈话 record loaded into a 述职 report for X-R01. Typed answers are never overwritten: only
//! an empty record starts from last year's, rolled forward.

use std::rc::Rc;

use serde_json::Value;

use super::msg::{Effect, HostEvent, Msg};
use super::notice::Notice;
use super::pointer::display;
use super::state::Store;
use checklist_core::compare::{self, Comparison};
use checklist_core::envelope;
use checklist_core::template::ChecklistKind;

impl Store {
    /// Forgetting last year's base.
    pub(super) fn update_last_year(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        if msg == Msg::ClearBase && self.last_year.base.take().is_some() {
            self.notice = Some(Notice::BaseRemoved);
            fx.push(Effect::SaveDraft);
        }
    }
}

impl Store {
    /// The comparison of the record with last year's base (cached until the data changes).
    pub fn comparison(&self) -> Option<Rc<Comparison>> {
        let base = self.last_year.base.as_ref()?;
        let key = Rc::as_ptr(base) as usize;
        if let Some((rev, k, c)) = self.last_year.cache.borrow().as_ref() {
            if *rev == self.editing.rev && *k == key {
                return Some(c.clone());
            }
        }
        let c = Rc::new(compare::compare(self.validator.template(), base, &self.record));
        *self.last_year.cache.borrow_mut() = Some((self.editing.rev, key, c.clone()));
        Some(c)
    }

    /// 复制上年数据: last year's export becomes the base; an empty record starts from it rolled
    /// forward; a record already being filled in keeps every answer and is only compared.
    pub(super) fn open_base(&mut self, text: &str, fx: &mut Vec<Effect>) {
        if self.read_only {
            return;
        }
        let imported = envelope::import(text, Some(self.validator.template()), self.validator.config());
        let Some(env) = imported.envelope.as_ref().filter(|_| imported.is_usable()) else {
            return self.import_failed(&imported.findings, fx);
        };
        let last = env.data.clone();
        let started = self.record.as_object().is_some_and(|o| o.values().any(|v| !checklist_core::engine::is_empty(Some(v))));
        self.last_year.base = Some(Rc::new(last.clone()));
        let year = display(last.pointer("/header/year"));
        if started {
            self.notice = Some(Notice::BaseLoaded(year));
            fx.push(Effect::SaveDraft);
        } else {
            let next = compare::roll_forward(self.validator.template(), &last);
            self.replace_data(next, Vec::new());
            self.notice = Some(Notice::BaseCopied(year));
            fx.push(Effect::SaveDraft);
            fx.push(Effect::Emit(HostEvent::Replaced("last-year")));
        }
    }

    /// The 谈话 record for X-R01 (述职 only).
    pub(super) fn open_talks(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let imported = envelope::import(text, None, self.validator.config());
        let usable = imported.is_usable();
        match imported.envelope {
            Some(env) if usable && env.checklist_kind == ChecklistKind::Tanhua => {
                self.last_year.talks = Some(Rc::new(env.data));
                self.notice = Some(Notice::TalksLoaded);
                fx.push(Effect::SaveDraft);
            }
            Some(env) if usable => {
                let f = envelope::kind_mismatch(env.checklist_kind, ChecklistKind::Tanhua);
                self.import_failed(&[f], fx);
            }
            _ => self.import_failed(&imported.findings, fx),
        }
    }

    /// The draft's extra parts (last year's base, the loaded talk record).
    pub fn last_year_draft(&self) -> Value {
        serde_json::json!({ "base": self.last_year.base.as_deref(), "talks": self.last_year.talks.as_deref() })
    }

    /// Restores the extra parts of a draft (see [`Store::last_year_draft`]); anything unreadable is
    /// ignored.
    pub fn restore_last_year_draft(&mut self, draft: &Value) {
        let obj = |k: &str| draft.get(k).filter(|v| v.is_object()).cloned().map(Rc::new);
        self.last_year.base = obj("base");
        self.last_year.talks = obj("talks");
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::store::msg::{Effect, FilePurpose, Msg};
    use crate::ui::store::testing::{export, fixture, store};
    use serde_json::Value;

    #[test]
    fn copy_last_year_starts_an_empty_record_and_keeps_the_base_in_the_draft() {
        let mut s = store("geren");
        let last = fixture("geren");
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Base, export("geren", last.clone()))));
        assert!(fx.contains(&Effect::SaveDraft));
        let year = last.pointer("/header/year").and_then(Value::as_i64).unwrap();
        assert_eq!(s.record.pointer("/header/year"), Some(&Value::from(year + 1)));
        assert!(s.record.get("C16").is_none());
        let c = s.comparison().expect("compared");
        assert!(c.section("C16").is_some_and(|d| d.is_changed()));
        assert!(!c.section("family").is_some_and(|d| d.is_changed()));
        // The base survives a draft round trip.
        let draft = s.draft_json("2026-01-15T10:00:00+08:00");
        let mut t = store("geren");
        assert!(t.restore_draft(&draft).is_some());
        assert_eq!(t.last_year.base.as_deref(), Some(&last));
    }

    #[test]
    fn copy_last_year_never_overwrites_typed_answers() {
        let mut s = store("geren");
        s.update(Msg::Input { path: "/header/name".into(), raw: "王五".into() });
        let before = s.record.clone();
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Base, export("geren", fixture("geren")))));
        assert_eq!(s.record, before);
        assert!(s.last_year.base.is_some());
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Base, "{ nope".into())));
        assert_eq!(s.record, before);
        assert_eq!(s.notice.as_ref().map(|n| n.kind()), Some("error"));
    }

    #[test]
    fn talks_are_loaded_only_from_a_talk_record() {
        let mut s = store("shuzhi");
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Talks, export("geren", fixture("geren")))));
        assert!(s.last_year.talks.is_none());
        fx.extend(s.update(Msg::FileRead(FilePurpose::Talks, export("tanhua", fixture("tanhua")))));
        assert!(s.last_year.talks.is_some());
    }
}
