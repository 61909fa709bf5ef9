//! Transfer: the record leaving the widget as an export envelope (a file, or `exportJson`) and
//! coming back from one (导入文件, `importJson`); the file pickers, whose files go to the concern they
//! are for (import here, last year's record, the talk record, the record under review).

use super::msg::{Effect, FilePurpose, HostEvent, Msg};
use super::notice::Notice;
use super::pointer::display;
use super::state::{ImportReport, Store, SubmitState};
use crate::ui::text::{w, W};
use checklist_core::envelope;
use checklist_core::finding::{Finding, Severity};
use checklist_core::template::FieldType;

impl Store {
    /// Export, import and the file pickers.
    pub(super) fn update_transfer(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Export { now } => {
                self.normalize_record(fx);
                let env = self.envelope(now);
                let name = self.export_file_name();
                fx.push(Effect::Download { name, text: envelope::to_json(&env) });
                self.notice = Some(Notice::Exported);
            }
            Msg::PickFile(p) => {
                let allowed = match p {
                    FilePurpose::Review => self.review.mode,
                    FilePurpose::Base => !self.read_only,
                    FilePurpose::Import | FilePurpose::Talks => true,
                };
                if allowed {
                    fx.push(Effect::PickFile(p));
                }
            }
            Msg::FileRead(FilePurpose::Import, text) => self.update_transfer(Msg::Import(text), fx),
            Msg::FileRead(FilePurpose::Base, text) => self.open_base(&text, fx),
            Msg::FileRead(FilePurpose::Talks, text) => self.open_talks(&text, fx),
            Msg::FileRead(FilePurpose::Review, text) if self.review.mode => {
                self.open_for_review(&text, fx);
            }
            Msg::FileTooLarge(_, size) => {
                let f = Finding::new(envelope::ImportCode::TooLarge, Severity::Error, "")
                    .param("size", size)
                    .param("max", self.validator.config().import_max_bytes);
                self.notice = Some(Notice::ImportFailed(vec![f.clone()]));
                fx.push(Effect::Emit(HostEvent::ImportError(vec![f])));
            }
            Msg::Import(text) => {
                let imported = envelope::import(&text, Some(self.validator.template()), self.validator.config());
                self.transfer.last_import = Some(ImportReport { applied: imported.is_usable(), findings: imported.findings.clone() });
                if imported.is_usable() {
                    if let Some(env) = imported.envelope {
                        self.replace_data(env.data, env.validation.confirmations);
                        self.submission.unsent = true;
                        self.notice = Some(Notice::Imported);
                        fx.push(Effect::SaveDraft);
                        fx.push(Effect::Emit(HostEvent::Replaced("import")));
                    }
                } else {
                    self.notice = Some(Notice::ImportFailed(imported.findings.clone()));
                    fx.push(Effect::Emit(HostEvent::ImportError(imported.findings)));
                }
            }
            _ => {}
        }
    }
}

impl Store {
    /// `个人有关事项报告-2025-草稿.json`: what the record is, its year (the header's, else
    /// today's), and whether the server has it.
    pub fn export_file_name(&self) -> String {
        let tpl = self.validator.template();
        let year = tpl
            .sections
            .first()
            .and_then(|sec| sec.fields.iter().find(|f| f.kind == FieldType::Year).map(|f| format!("/{}/{}", sec.id, f.key)));
        let year = year
            .and_then(|p| self.value_at(&p))
            .map(|v| display(Some(v)))
            .filter(|y| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()));
        let status = if matches!(self.submission.state, SubmitState::Done { .. }) {
            w(self.locale, W::FileSubmitted)
        } else {
            w(self.locale, W::FileDraft)
        };
        format!("{}-{}-{status}.json", tpl.checklist_kind.name(self.locale), year.unwrap_or_else(|| self.today.year().to_string()))
    }

    /// The envelope JSON of the current data (host `exportJson`).
    pub fn export_json(&self, now: String) -> String {
        envelope::to_json(&self.envelope(now))
    }

    /// The envelope of the current data exported at `now`: 已提交 with its `submittedAt` once
    /// the server stored this very data, else 草稿.
    /// The data is normalised (SPEC §2.2) even when the host exports without a user action.
    pub(super) fn envelope(&self, now: String) -> envelope::Envelope {
        let mut data = self.record.clone();
        checklist_core::normalize::record(self.validator.template(), &mut data);
        let env = envelope::export_with(
            self.validator.config().digest_algorithm,
            self.validator.template(),
            data,
            self.validation.findings.clone(),
            self.confirmations.clone(),
            now,
            envelope::Status::Draft,
        );
        match (&self.submission.state, &self.submission.submitted_at) {
            (SubmitState::Done { .. }, Some(at)) => env.submitted(at.clone()),
            _ => env,
        }
    }

    pub(super) fn import_failed(&mut self, findings: &[Finding], fx: &mut Vec<Effect>) {
        self.notice = Some(Notice::FileUnusable(findings.to_vec()));
        fx.push(Effect::Emit(HostEvent::ImportError(findings.to_vec())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::pointer::display;
    use crate::ui::store::testing::store;
    use checklist_core::config::Config;
    use checklist_core::date::Date;
    use checklist_core::engine::Validator;
    use checklist_core::locale::Locale;
    use checklist_core::template::builtin;
    use serde_json::Value;
    use std::rc::Rc;

    #[test]
    fn exports_carry_the_configured_digest_algorithm() {
        for (name, alg) in [("sha256-jcs", envelope::DigestAlgorithm::Sha256Jcs), ("sm3-jcs", envelope::DigestAlgorithm::Sm3Jcs)] {
            let config = Config::from_json(&format!("{{\"digestAlgorithm\": \"{name}\"}}")).expect("config");
            assert_eq!(config.digest_algorithm, alg);
            let v = Validator::new(builtin("geren").expect("builtin").expect("loads"), config.clone()).expect("validator");
            let s = Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, false);
            let text = s.export_json("2026-01-15T10:00:00+08:00".into());
            let back = envelope::import(&text, None, &config);
            assert!(back.is_usable(), "{:?}", back.findings);
            assert_eq!(back.envelope.expect("envelope").digest.algorithm, name);
        }
        assert!(Config::from_json("{\"digestAlgorithm\": \"md5\"}").is_err(), "unknown algorithms are refused");
    }

    #[test]
    fn the_export_file_is_named_for_what_it_holds() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let year = display(fixture.pointer("/header/year"));
        let mut s = store("geren");
        s.replace_data(fixture, vec![]);
        assert_eq!(s.export_file_name(), format!("个人有关事项报告-{year}-草稿.json"));
        s.update(Msg::Submit);
        s.update(Msg::Submitted { receipt: "R-3".into() });
        assert_eq!(s.export_file_name(), format!("个人有关事项报告-{year}-已提交.json"));
        s.locale = Locale::En;
        assert_eq!(s.export_file_name(), format!("personal matters report-{year}-submitted.json"));
    }

    #[test]
    fn bad_import_leaves_data_untouched() {
        let mut s = store("geren");
        s.update(Msg::Input { path: "/header/name".into(), raw: "张三".into() });
        let before = s.record.clone();
        let fx = s.update(Msg::Import("{ not json".into()));
        assert_eq!(s.record, before);
        assert!(fx.iter().any(|e| matches!(e, Effect::Emit(ev) if ev.name() == "checklist-error")));
        assert_eq!(s.notice.as_ref().map(|n| n.kind()), Some("error"));
    }

    #[test]
    fn export_then_import_round_trips() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut a = store("geren");
        a.replace_data(fixture.clone(), vec![]);
        let text = a.export_json("2026-01-15T10:00:00+08:00".into());
        let mut b = store("geren");
        b.update(Msg::Import(text));
        assert_eq!(b.record, fixture);
    }
}
