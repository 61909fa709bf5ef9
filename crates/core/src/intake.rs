//! Intake: what every reader of a record someone hands over does, written once. The reference
//! endpoint (a post, `POST /api/validate`), the CLI (`validate FILE…`) and the widget's review mode
//! all run the same sequence:
//!
//! ```text
//! import the envelope ─▶ choose the template ─▶ validate (as of its submission) ─▶ confirmations ─▶ blocked?
//! ```
//!
//! They differ in three decisions only, which a [`Policy`] names: whether the file is read again
//! against the chosen template (the endpoint), whether a record whose import reported an error is
//! still opened (review: a reviewer must see a changed record, with the verdict), and whether a
//! version-1 file marked submitted counts as submitted on its export date (the CLI). Which
//! templates exist is the caller's: it chooses one for the envelope it is shown.
//!
//! Like import and validation, intake never fails and never panics: every problem is a finding,
//! and [`Outcome`] says how far the record got. It never reads a clock: "today" is a parameter.

use std::borrow::Borrow;

use serde_json::Value;

use crate::config::Config;
use crate::date::Date;
use crate::engine::Validator;
use crate::envelope::{self, Envelope, ImportCode, Status};
use crate::finding::{Confirmation, Finding, Report};

/// Whether a record is as it was exported, by its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integrity {
    /// The digest matches: nothing changed after export.
    Intact,
    /// The digest does not match: the answers or confirmations changed after export.
    Changed,
    /// A version-0 file without a digest: changes cannot be ruled out.
    NoDigest,
    /// The digest uses an algorithm this component does not know.
    Unknown,
}

impl Integrity {
    /// The verdict the import findings give.
    pub fn of(findings: &[Finding]) -> Integrity {
        let has = |c: ImportCode| findings.iter().any(|f| f.code == c.into());
        if has(ImportCode::DigestMismatch) {
            Integrity::Changed
        } else if has(ImportCode::NoDigest) {
            Integrity::NoDigest
        } else if has(ImportCode::DigestAlgorithm) {
            Integrity::Unknown
        } else {
            Integrity::Intact
        }
    }
}

/// The decisions in which readers of a record differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Once the template is chosen, read the file again against it: a record of another checklist
    /// kind is an error, one exported with another template version a warning.
    pub against_template: bool,
    /// Validate a record whose import reported an error (a digest mismatch …) as long as its data
    /// is an object; otherwise such a record stops at [`Outcome::Unusable`].
    pub open_unusable: bool,
    /// A record without `submittedAt` but marked submitted or approved (as version-1 files are)
    /// counts as submitted on the date of its export stamp.
    pub submitted_by_export: bool,
}

impl Policy {
    /// The reference endpoint: only a usable record, checked against the chosen template.
    pub const ENDPOINT: Policy = Policy { against_template: true, open_unusable: false, submitted_by_export: false };
    /// The widget's review mode: a record changed after export is still opened, with the verdict.
    pub const REVIEW: Policy = Policy { against_template: false, open_unusable: true, submitted_by_export: false };
    /// The command line's `validate FILE…`: only a usable record; a version-1 file marked
    /// submitted is judged as of its export.
    pub const FILE: Policy = Policy { against_template: false, open_unusable: false, submitted_by_export: true };
}

/// How far a record got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The text is not an envelope that could be read (not JSON, another format, malformed): the
    /// findings say why (`import.not_json` among them when it is not JSON).
    Unreadable,
    /// Read, but an import error forbids using it (a digest mismatch, a checklist kind that
    /// contradicts its template …); with [`Policy::open_unusable`], only data that is not an object.
    Unusable,
    /// Read, but the caller has no template for it.
    UnknownTemplate,
    /// Validated with the chosen template.
    Checked,
}

/// A record read and judged.
#[derive(Debug, Clone)]
pub struct Intake<V> {
    /// How far it got.
    pub outcome: Outcome,
    /// The envelope (migrated to the current version), whenever the file could be read.
    pub envelope: Option<Envelope>,
    /// The validator of the chosen template, once one was chosen.
    pub validator: Option<V>,
    /// The import's findings, then (when [`Outcome::Checked`]) the validation's, confirmations
    /// applied.
    pub findings: Vec<Finding>,
    /// How many of `findings` the import reported.
    pub imported: usize,
    /// Whether the record may not be submitted: it was not validated, or the validation found an
    /// error or a warning nobody confirmed. Import findings do not count (a template-version
    /// warning does not block a post).
    pub blocks: bool,
    /// The digest verdict, whenever the file could be read.
    pub integrity: Option<Integrity>,
    /// The Asia/Shanghai date the record was submitted, by which its deadlines were judged.
    pub submitted_on: Option<Date>,
}

impl<V> Intake<V> {
    /// What the import reported (migration, template version, digest …).
    pub fn import_findings(&self) -> &[Finding] {
        &self.findings[..self.imported]
    }

    /// What the validation reported, confirmations applied.
    pub fn validation_findings(&self) -> &[Finding] {
        &self.findings[self.imported..]
    }

    fn stop(outcome: Outcome, envelope: Option<Envelope>, validator: Option<V>, findings: Vec<Finding>) -> Intake<V> {
        let integrity = envelope.as_ref().map(|_| Integrity::of(&findings));
        Intake { outcome, envelope, validator, imported: findings.len(), findings, blocks: true, integrity, submitted_on: None }
    }
}

/// Reads `text` (an export envelope of any version), chooses the template with `choose` (the
/// validator for the envelope, e.g. the one whose template id it names; `None` when there is
/// none), and validates the record with it as of its submission, confirmations applied.
/// `config` is the one import limits come from (the validators carry their own).
pub fn check<V: Borrow<Validator>>(
    text: &str,
    config: &Config,
    today: Date,
    policy: Policy,
    choose: impl FnOnce(&Envelope) -> Option<V>,
) -> Intake<V> {
    let imported = envelope::import(text, None, config);
    let usable = imported.is_usable();
    let Some(env) = imported.envelope else {
        return Intake::stop(Outcome::Unreadable, None, None, imported.findings);
    };
    if !opens(&env, usable, policy) {
        return Intake::stop(Outcome::Unusable, Some(env), None, imported.findings);
    }
    let Some(validator) = choose(&env) else {
        return Intake::stop(Outcome::UnknownTemplate, Some(env), None, imported.findings);
    };
    if !policy.against_template {
        return finish(env, validator, imported.findings, today, policy);
    }
    let again = envelope::import(text, Some(validator.borrow().template()), config);
    let usable = again.is_usable();
    match again.envelope {
        Some(env) if opens(&env, usable, policy) => finish(env, validator, again.findings, today, policy),
        env => Intake::stop(Outcome::Unusable, env, Some(validator), again.findings),
    }
}

/// [`check`] with the one template the caller was given (the CLI's `--template FILE`): the file
/// is read against it (another checklist kind is an error, another template version a warning)
/// and validated with it, whatever template it names.
pub fn check_against<V: Borrow<Validator>>(text: &str, validator: V, config: &Config, today: Date, policy: Policy) -> Intake<V> {
    let imported = envelope::import(text, Some(validator.borrow().template()), config);
    let usable = imported.is_usable();
    match imported.envelope {
        None => Intake::stop(Outcome::Unreadable, None, Some(validator), imported.findings),
        Some(env) if opens(&env, usable, policy) => finish(env, validator, imported.findings, today, policy),
        env => Intake::stop(Outcome::Unusable, env, Some(validator), imported.findings),
    }
}

/// Validates `data` as of `submitted_on` (its deadlines; `None` for a draft, judged as of
/// `today`) and applies the confirmations: the tail of every intake, and what a caller that has
/// the data without an envelope runs.
pub fn validate(validator: &Validator, data: &Value, confirmations: &[Confirmation], today: Date, submitted_on: Option<Date>) -> Report {
    let mut report = validator.validate_submitted(data, today, submitted_on);
    report.apply_confirmations(confirmations);
    report
}

/// The date a record counts as submitted on: its `submittedAt`, or with
/// [`Policy::submitted_by_export`] the export date of one marked submitted or approved.
pub fn submitted_on(env: &Envelope, policy: Policy) -> Option<Date> {
    env.submitted_on().or_else(|| match env.status {
        Status::Submitted | Status::Approved if policy.submitted_by_export => crate::date::date_of_stamp(&env.exported_at),
        _ => None,
    })
}

fn opens(env: &Envelope, usable: bool, policy: Policy) -> bool {
    usable || (policy.open_unusable && env.data.is_object())
}

fn finish<V: Borrow<Validator>>(env: Envelope, validator: V, mut findings: Vec<Finding>, today: Date, policy: Policy) -> Intake<V> {
    let submitted_on = submitted_on(&env, policy);
    let report = validate(validator.borrow(), &env.data, &env.validation.confirmations, today, submitted_on);
    let imported = findings.len();
    let integrity = Some(Integrity::of(&findings));
    let blocks = report.blocks_submit();
    findings.extend(report.findings);
    Intake {
        outcome: Outcome::Checked,
        envelope: Some(env),
        validator: Some(validator),
        findings,
        imported,
        blocks,
        integrity,
        submitted_on,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::date::Date;
    use crate::engine::Validator;
    use crate::envelope::{self, ImportCode, Status};
    use crate::intake::*;
    use crate::template::builtin;

    fn validators() -> Vec<Validator> {
        ["shuzhi", "tanhua", "geren"]
            .iter()
            .map(|k| Validator::new(builtin(k).expect("built in").expect("loads"), Config::default()).expect("validator"))
            .collect()
    }

    fn today() -> Date {
        Date::new(2026, 1, 15).expect("date")
    }

    fn exported(data: serde_json::Value, version: &str, status: Status) -> String {
        let mut t = builtin("geren").expect("built in").expect("loads");
        t.version = version.into();
        envelope::to_json(&envelope::export(&t, data, vec![], vec![], "2026-01-10T09:00:00+08:00".into(), status))
    }

    fn data() -> serde_json::Value {
        serde_json::from_str(include_str!("../../../tests/fixtures/geren_valid.json")).expect("fixture")
    }

    #[test]
    fn a_record_is_imported_chosen_validated_and_judged_once() {
        let vs = validators();
        let by_id = |env: &Envelope| vs.iter().find(|v| v.template().id == env.template.id);
        let current = builtin("geren").expect("built in").expect("loads").version;
        let text = exported(data(), &current, Status::Draft);
        let i = check(&text, &Config::default(), today(), Policy::ENDPOINT, by_id);
        assert_eq!((i.outcome, i.integrity, i.imported), (Outcome::Checked, Some(Integrity::Intact), 0));
        assert_eq!(i.validator.map(|v| v.template().id.as_str()), Some("geren"));
        // The same as validating the data directly.
        let direct = validate(i.validator.expect("chosen"), &data(), &[], today(), None);
        assert_eq!(i.validation_findings(), direct.findings.as_slice());
        assert_eq!(i.blocks, direct.blocks_submit());

        // Another template version: a warning when read against the chosen template (the endpoint), none otherwise.
        let older = exported(data(), "0.0.1", Status::Draft);
        let i = check(&older, &Config::default(), today(), Policy::ENDPOINT, by_id);
        assert_eq!(i.import_findings().iter().map(|f| f.code.as_str()).collect::<Vec<_>>(), ["import.template_version"]);
        let i = check(&older, &Config::default(), today(), Policy::FILE, by_id);
        assert!(i.import_findings().is_empty());

        // No template for it, and no envelope at all.
        let i = check(&text, &Config::default(), today(), Policy::ENDPOINT, |_| None::<&Validator>);
        assert_eq!((i.outcome, i.blocks, i.envelope.is_some()), (Outcome::UnknownTemplate, true, true));
        let i = check("{", &Config::default(), today(), Policy::ENDPOINT, by_id);
        assert_eq!((i.outcome, i.integrity), (Outcome::Unreadable, None));
        assert!(i.findings.iter().any(|f| f.code == ImportCode::NotJson.into()));
    }

    #[test]
    fn a_record_changed_after_export_is_refused_but_opened_for_review() {
        let vs = validators();
        let by_id = |env: &Envelope| vs.iter().find(|v| v.template().id == env.template.id);
        let current = builtin("geren").expect("built in").expect("loads").version;
        let text = exported(data(), &current, Status::Draft).replacen("\"C01\"", "\"C01x\"", 1);
        let refused = check(&text, &Config::default(), today(), Policy::ENDPOINT, by_id);
        assert_eq!((refused.outcome, refused.integrity), (Outcome::Unusable, Some(Integrity::Changed)));
        assert!(refused.validator.is_none() && refused.blocks);
        let opened = check(&text, &Config::default(), today(), Policy::REVIEW, by_id);
        assert_eq!((opened.outcome, opened.integrity), (Outcome::Checked, Some(Integrity::Changed)));
        assert!(opened.validation_findings().iter().any(|f| f.path.starts_with("/C01")), "the changed record is validated");
    }

    #[test]
    fn a_file_marked_submitted_without_a_submission_time_counts_from_its_export_for_the_cli_only() {
        let vs = validators();
        let by_id = |env: &Envelope| vs.iter().find(|v| v.template().id == env.template.id);
        let current = builtin("geren").expect("built in").expect("loads").version;
        let text = exported(data(), &current, Status::Submitted);
        let file = check(&text, &Config::default(), today(), Policy::FILE, by_id);
        assert_eq!(file.submitted_on, Date::new(2026, 1, 10));
        let post = check(&text, &Config::default(), today(), Policy::ENDPOINT, by_id);
        assert_eq!(post.submitted_on, None);
        let forced = check_against(&text, &vs[2], &Config::default(), today(), Policy::FILE);
        assert_eq!((forced.outcome, forced.submitted_on), (Outcome::Checked, Date::new(2026, 1, 10)));
    }
}
