//! Review mode (组织部门 / 纪检机关): a record opened read-only from its export envelope, with the
//! verdict of its digest. `open_for_review` is the review mode's whole intake sequence (import →
//! choose the template → validate → confirmations), in one function.

use std::rc::Rc;

use serde_json::Value;

use super::msg::Effect;
use super::notice::Notice;
use super::state::{ReviewInfo, Store, View};
use crate::ui::text::{w, W};
use checklist_core::engine::Validator;
use checklist_core::envelope;
use checklist_core::intake::{self, Outcome, Policy};
use checklist_core::template::builtin_kind;

/// The built-in template an envelope (JSON text) names, for review mode without a `template`.
pub fn template_of_envelope(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    let id = v.pointer("/template/id").and_then(Value::as_str).or_else(|| v.get("checklistKind").and_then(Value::as_str))?;
    builtin_kind(id).map(|_| id.to_owned())
}

impl Store {
    /// Review mode: opens an envelope read-only. A file changed after export is still shown
    /// (that is what the reviewer must see), with the verdict; an unreadable one changes nothing.
    /// The sequence (import → choose the template → validate as of the submission → confirmations)
    /// is the core's intake, with the review policy: the endpoint and the CLI run the same one.
    pub fn open_for_review(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let current = self.validator.clone();
        let config = current.config().clone();
        let builtins = self.review.builtins.clone();
        let checked = intake::check(text, &config, self.today, Policy::REVIEW, |env| {
            let t = current.template();
            if env.checklist_kind == t.checklist_kind && env.template.id == t.id {
                return Some(current.clone());
            }
            // A record of another checklist switches the template (built-in ones only).
            builtins
                .get(&env.template.id)
                .or_else(|| builtins.get(env.checklist_kind.as_str()))
                .and_then(Result::ok)
                .and_then(|t| Validator::new(t, config.clone()).ok())
                .map(Rc::new)
        });
        let (env, validator, integrity) = match checked.outcome {
            Outcome::Checked => match (checked.envelope.clone(), checked.validator.clone(), checked.integrity) {
                (Some(env), Some(v), Some(integrity)) => (env, v, integrity),
                _ => return self.import_failed(&checked.findings, fx),
            },
            Outcome::UnknownTemplate => {
                let kind = checked.envelope.as_ref().map(|e| e.checklist_kind).unwrap_or(current.template().checklist_kind);
                let f = envelope::kind_mismatch(kind, current.template().checklist_kind);
                return self.import_failed(&[f], fx);
            }
            Outcome::Unreadable | Outcome::Unusable => return self.import_failed(&checked.findings, fx),
        };
        self.validator = validator;
        let algorithm = envelope::DigestAlgorithm::parse(&env.digest.algorithm).unwrap_or_default();
        let computed = envelope::digest_hex_with(algorithm, &env.data, &env.validation.confirmations);
        self.review.info = Some(ReviewInfo {
            integrity,
            exported_at: env.exported_at.clone(),
            status: match &env.submitted_at {
                Some(at) => format!("{}（{}）", env.status.label(), checklist_core::locale::stamp(self.locale, at)),
                None => env.status.label().to_owned(),
            },
            template: match self.validator.template() {
                t if t.id == env.template.id && builtin_kind(&t.id).is_some() => {
                    format!("{}{}{}", t.title.get(self.locale), w(self.locale, W::Version), env.template.version)
                }
                _ => format!("{} {}", env.template.id, env.template.version),
            },
            digest: env.digest.value.clone(),
            computed,
            confirmations: env.validation.confirmations.clone(),
            import_findings: checked.import_findings().to_vec(),
        });
        self.replace_data(env.data, env.validation.confirmations);
        // The reviewer sees lateness as of the submission, not as of the day of review: the intake
        // judged it so (replace_data judged it as of today, which is the same for a draft).
        if env.submitted_at.is_some() {
            self.submission.submitted_at = env.submitted_at;
            self.validation.findings = checked.validation_findings().to_vec();
            self.reindex();
        }
        self.validation.show_all = true;
        self.nav.view = View::Review;
        self.notice = Some(Notice::ReviewOpened(integrity));
        fx.push(Effect::Focus(String::new()));
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::builtins::Builtins;
    use crate::ui::store::msg::{FilePurpose, Msg};
    use crate::ui::store::state::View;
    use crate::ui::store::testing::{all_builtins, export, fixture, store};
    use checklist_core::intake::Integrity;
    use serde_json::Value;

    #[test]
    fn review_mode_says_whether_the_record_changed_after_export() {
        let mut s = store("geren");
        s.read_only = true;
        s.review.mode = true;
        s.review.builtins = all_builtins();
        let text = export("shuzhi", fixture("shuzhi"));
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Review, text.clone())));
        assert_eq!(s.validator.template().id, "shuzhi", "the template follows the record");
        assert_eq!(s.review.info.as_ref().map(|r| r.integrity), Some(Integrity::Intact));
        assert_eq!(s.nav.view, View::Review);
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["data"]["header"]["reporterName"] = Value::from("改过的名字");
        fx.extend(s.update(Msg::FileRead(FilePurpose::Review, v.to_string())));
        assert_eq!(s.review.info.as_ref().map(|r| r.integrity), Some(Integrity::Changed));
        assert_eq!(s.record.pointer("/header/reporterName"), Some(&Value::from("改过的名字")), "shown as it is");
        let before = s.record.clone();
        fx.extend(s.update(Msg::FileRead(FilePurpose::Review, "[]".into())));
        assert_eq!(s.record, before, "an unreadable file changes nothing");
    }

    #[test]
    fn a_record_of_a_kind_whose_template_was_not_given_changes_nothing() {
        let mut s = store("geren");
        s.read_only = true;
        s.review.mode = true;
        s.review.builtins = Builtins::from_texts([("geren", checklist_core::template::builtin_json("geren").expect("built in"))]);
        let before = s.record.clone();
        let fx = s.update(Msg::FileRead(FilePurpose::Review, export("shuzhi", fixture("shuzhi"))));
        assert!(matches!(s.notice, Some(crate::ui::store::notice::Notice::FileUnusable(_))), "the reviewer is told");
        assert!(!fx.is_empty(), "and the host");
        assert_eq!(s.validator.template().id, "geren");
        assert_eq!(s.record, before);
        assert!(s.review.info.is_none());
    }
}
