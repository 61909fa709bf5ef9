//! Drafts: what this tab writes (`draft_json`) and restores, whether it may overwrite what the
//! storage holds (another tab's newer draft is a conflict the user resolves), where the draft is
//! kept, and whether leaving the page must ask first.

use serde_json::{Map, Value};

use super::msg::{Effect, HostEvent, Msg};
use super::notice::Notice;
use super::state::{DraftKeep, Store};
use crate::ui::dom::{DISCARD_ASK, DISCARD_CONFIRM};
use checklist_core::finding::Confirmation;

impl Store {
    /// Where the draft is kept, restored or discarded drafts, conflicts between tabs.
    pub(super) fn update_drafts(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::KeepOnComputer(on) if self.drafts.choice => {
                self.drafts.keep = if on { DraftKeep::Computer } else { DraftKeep::Tab };
                self.notice = Some(Notice::KeptOnComputer(on));
                fx.push(Effect::KeepDraftOnComputer(on));
            }
            Msg::RestoreDraft(text) => {
                if let Some(stamp) = self.restore_draft(&text) {
                    self.notice = Some(Notice::DraftRestored(stamp));
                }
            }
            Msg::AskDiscardDraft => {
                // The button gives way to the question: focus goes into it, never to <body>.
                self.drafts.asking_discard = true;
                fx.push(Effect::Focus(format!("/{DISCARD_CONFIRM}")));
            }
            Msg::CancelDiscardDraft => {
                self.drafts.asking_discard = false;
                fx.push(Effect::Focus(format!("/{DISCARD_ASK}")));
            }
            Msg::DiscardDraft => {
                self.drafts.asking_discard = false;
                // The notice says so; focus goes to the form's title, at the top of what was reset.
                fx.push(Effect::Focus(String::new()));
                let initial = self.drafts.initial.take().unwrap_or_else(|| Value::Object(Map::new()));
                self.replace_data(initial, Vec::new());
                self.submission.unsent = false;
                self.notice = Some(Notice::DraftDiscarded);
                fx.push(Effect::ClearDraft);
            }
            Msg::DraftConflict(text) => {
                let Some(info) = DraftInfo::parse(&text) else { return };
                if info.tab == self.drafts.tab || info.revision <= self.drafts.rev {
                    return; // our own write, or one we have already seen
                }
                self.notice = Some(Notice::DraftConflict(info.saved_at));
                self.drafts.conflict = Some(text);
            }
            Msg::DraftUseOther => {
                if let Some(text) = self.drafts.conflict.take() {
                    if self.restore_draft(&text).is_some() {
                        self.notice = Some(Notice::DraftLoadedOther);
                        fx.push(Effect::Emit(HostEvent::Replaced("draft")));
                    }
                }
            }
            Msg::DraftKeepMine => {
                if let Some(text) = self.drafts.conflict.take() {
                    if let Some(info) = DraftInfo::parse(&text) {
                        self.drafts.rev = self.drafts.rev.max(info.revision);
                    }
                    self.notice = Some(Notice::DraftKeptMine);
                    fx.push(Effect::SaveDraft);
                }
            }
            Msg::SaveDraftNow if !self.read_only => {
                fx.push(Effect::SaveDraft);
                self.notice = Some(Notice::DraftSaved);
            }
            _ => {}
        }
    }
}

impl Store {
    /// Whether leaving the page now would lose changes: they are not sent, and the draft does
    /// not outlive this tab.
    pub fn warn_on_leave(&self) -> bool {
        self.submission.unsent && !self.read_only && self.drafts.keep != DraftKeep::Computer
    }

    /// A draft: the data, confirmations and when it was saved, with the revision it will have
    /// (one above the newest this tab has seen) and this tab's id. Call [`Store::draft_written`]
    /// once it is stored.
    pub fn draft_json(&self, saved_at: &str) -> String {
        serde_json::json!({
            "format": "accountability-checklist/draft",
            "template": { "id": self.validator.template().id, "version": self.validator.template().version },
            "savedAt": saved_at,
            "revision": self.drafts.rev + 1,
            "tab": self.drafts.tab,
            "data": self.record,
            "confirmations": self.confirmations,
            "clerk": self.last_year_draft(),
        })
        .to_string()
    }

    /// Restores a draft written by [`Store::draft_json`]; returns its stamp, or `None` (and
    /// changes nothing) when the text is not a draft of this template.
    pub fn restore_draft(&mut self, text: &str) -> Option<String> {
        let v: Value = serde_json::from_str(text).ok()?;
        if v.get("format")?.as_str()? != "accountability-checklist/draft"
            || v.pointer("/template/id")?.as_str()? != self.validator.template().id
        {
            return None;
        }
        let data = v.get("data")?.clone();
        if !data.is_object() {
            return None;
        }
        let confirmations: Vec<Confirmation> = match v.get("confirmations") {
            None => Vec::new(),
            Some(c) => checklist_core::de::from_value(c).ok()?,
        };
        let stamp = v.get("savedAt").and_then(Value::as_str).unwrap_or("").to_owned();
        let before = std::mem::take(&mut self.record);
        self.replace_data(data, confirmations);
        self.submission.unsent = true;
        if self.drafts.initial.is_none() {
            self.drafts.initial = Some(before);
        }
        self.restore_last_year_draft(v.get("clerk").unwrap_or(&Value::Null));
        self.drafts.rev = self.drafts.rev.max(v.get("revision").and_then(Value::as_u64).unwrap_or(0));
        Some(stamp)
    }

    /// The draft this tab wrote with [`Store::draft_json`] is stored.
    pub fn draft_written(&mut self) {
        self.drafts.rev += 1;
    }

    /// Whether this tab may write its draft over `stored` (what the storage holds now): not
    /// while a conflict waits for the user, nor over another tab's draft newer than any this
    /// tab has seen. A stored text that is not a draft (or nothing) may be replaced.
    pub fn may_write_draft(&self, stored: Option<&str>) -> bool {
        if self.drafts.conflict.is_some() {
            return false;
        }
        match stored.and_then(DraftInfo::parse) {
            Some(info) => info.tab == self.drafts.tab || info.revision <= self.drafts.rev,
            None => true,
        }
    }
}

/// What a stored draft says about who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftInfo {
    /// The writer's revision (0 for drafts written before revisions existed).
    pub revision: u64,
    /// The writer's tab id.
    pub tab: String,
    /// When it was saved.
    pub saved_at: String,
}

impl DraftInfo {
    /// Reads the header of a draft written by [`Store::draft_json`]; `None` for anything else.
    pub fn parse(text: &str) -> Option<DraftInfo> {
        let v: Value = serde_json::from_str(text).ok()?;
        if v.get("format")?.as_str()? != "accountability-checklist/draft" {
            return None;
        }
        Some(DraftInfo {
            revision: v.get("revision").and_then(Value::as_u64).unwrap_or(0),
            tab: v.get("tab").and_then(Value::as_str).unwrap_or("").to_owned(),
            saved_at: v.get("savedAt").and_then(Value::as_str).unwrap_or("").to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::testing::store;
    use checklist_core::config::Config;
    use checklist_core::date::Date;
    use checklist_core::engine::Validator;
    use checklist_core::locale::Locale;
    use checklist_core::template::builtin;
    use std::rc::Rc;

    #[test]
    fn discarding_a_restored_draft_returns_to_the_host_data() {
        let v = Validator::new(builtin("geren").expect("builtin").expect("loads"), Config::default()).expect("validator");
        let host = serde_json::json!({ "header": { "name": "张三" } });
        let mut s = Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), Some(host.clone()), false);
        let mut other = store("geren");
        other.update(Msg::Input { path: "/header/name".into(), raw: "李四".into() });
        assert!(s.restore_draft(&other.draft_json("2026-01-15 10:00")).is_some());
        assert_eq!(s.record["header"]["name"], "李四");
        // 放弃草稿 asks first (it cannot be undone); 取消 keeps the draft and gives focus back.
        let fx = s.update(Msg::AskDiscardDraft);
        assert!(s.asking_discard() && fx.contains(&Effect::Focus("/confirm-discard-draft".into())), "{fx:?}");
        let fx = s.update(Msg::CancelDiscardDraft);
        assert!(!s.asking_discard() && fx.contains(&Effect::Focus("/discard-draft".into())), "{fx:?}");
        assert_eq!(s.record["header"]["name"], "李四", "kept");
        s.update(Msg::AskDiscardDraft);
        let fx = s.update(Msg::DiscardDraft);
        assert_eq!(s.record, host);
        assert!(!s.asking_discard() && fx.contains(&Effect::Focus(String::new())), "focus goes to the title: {fx:?}");
    }

    #[test]
    fn leaving_asks_first_only_while_unsent_changes_live_in_this_tab_alone() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.drafts.keep = DraftKeep::Tab;
        s.drafts.choice = true;
        s.replace_data(fixture, vec![]);
        assert!(!s.warn_on_leave(), "the host's own data is not an unsent change");
        s.update(Msg::Set { path: "/header/position".into(), value: Some(Value::from("处长")) });
        assert!(s.warn_on_leave(), "typed, not sent, kept only in the tab");
        let fx = s.update(Msg::KeepOnComputer(true));
        assert!(fx.contains(&Effect::KeepDraftOnComputer(true)));
        assert!(!s.warn_on_leave(), "kept on this computer: nothing to lose");
        s.update(Msg::KeepOnComputer(false));
        assert!(s.warn_on_leave());
        s.update(Msg::Submit);
        s.update(Msg::Submitted { receipt: "R-2".into() });
        assert!(!s.warn_on_leave(), "sent");
        s.drafts.choice = false;
        assert!(s.update(Msg::KeepOnComputer(true)).is_empty(), "no choice when the host decided where drafts live");
    }

    #[test]
    fn a_newer_draft_of_another_tab_is_a_conflict_never_overwritten() {
        let mut a = store("tanhua");
        a.drafts.tab = "A".into();
        let mut b = store("tanhua");
        b.drafts.tab = "B".into();
        a.update(Msg::Input { path: "/header/unitName".into(), raw: "甲".into() });
        let from_a = a.draft_json("t1");
        assert!(b.may_write_draft(None), "nothing stored yet");
        assert!(a.may_write_draft(Some(&from_a)), "a tab may replace its own draft");
        a.draft_written();
        assert!(!b.may_write_draft(Some(&from_a)), "B has not seen A's revision 1");
        b.update(Msg::Input { path: "/header/unitName".into(), raw: "乙".into() });
        b.update(Msg::DraftConflict(from_a.clone()));
        assert!(b.drafts.conflict.is_some());
        assert!(b.notice_text().is_some_and(|t| t.contains("另一个标签页")), "explained: {:?}", b.notice);
        assert_eq!(b.record.pointer("/header/unitName"), Some(&Value::from("乙")), "B's typing is kept");
        assert!(!b.may_write_draft(None), "no draft writes while the user has not chosen");
        // Keeping B's version: B's next draft has a higher revision than A's.
        assert_eq!(b.update(Msg::DraftKeepMine), vec![Effect::SaveDraft]);
        let from_b = b.draft_json("t2");
        assert!(b.may_write_draft(Some(&from_a)));
        assert_eq!(DraftInfo::parse(&from_b).map(|i| i.revision), Some(2));
        b.draft_written();
        // A sees B's newer draft: now A is in conflict and can take B's version.
        assert!(!a.may_write_draft(Some(&from_b)));
        a.update(Msg::DraftConflict(from_b));
        a.update(Msg::DraftUseOther);
        assert_eq!(a.record.pointer("/header/unitName"), Some(&Value::from("乙")));
        assert!(a.drafts.conflict.is_none());
        // An echo of a tab's own or already-seen draft is no conflict.
        let own = a.draft_json("t3");
        a.update(Msg::DraftConflict(own));
        assert!(a.drafts.conflict.is_none());
    }
}
