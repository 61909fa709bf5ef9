//! English: every word and sentence of the view in English.

use super::key::W;
use crate::ui::store::msg::FailReason;
use crate::ui::store::notice::Notice;
use crate::ui::store::verdict::Integrity;
use checklist_core::finding::{Finding, Severity};
use checklist_core::locale::{stamp, Locale};

const L: Locale = Locale::En;

/// A fixed word.
pub(crate) fn word(w: W) -> &'static str {
    match w {
        W::FileSubmitted => "submitted",
        W::FileDraft => "draft",
        W::Version => ", version ",
    }
}

/// The messages of the errors among `findings`, joined.
fn errors(findings: &[Finding]) -> String {
    let messages: Vec<String> = findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message(L)).collect();
    messages.join("; ")
}

/// What a notice says.
pub(crate) fn notice(n: &Notice) -> String {
    match n {
        Notice::Normalised { from, to } => format!("Changed “{from}” to “{to}”"),
        Notice::RowAdded(n) => format!("Added row {n}."),
        Notice::RowDeleted => "Row deleted.".into(),
        Notice::TooManyRows(max) => format!("Most rows allowed: {max}"),
        Notice::RowEmpty => "This row is empty; no row added.".into(),
        Notice::ValidationPassed => "Validation passed.".into(),
        Notice::NoProblems => "No problems left.".into(),
        Notice::Problem { n, of, finding } => {
            format!("Problem {n} of {of}: {}", finding.as_ref().map(|f| f.message(L)).unwrap_or_default())
        }
        Notice::KeptOnComputer(true) => "The draft is kept on this computer until it is submitted.".into(),
        Notice::KeptOnComputer(false) => "The draft is removed from this computer; it lasts until this page is closed.".into(),
        Notice::DraftRestored(at) => format!("Restored your unsent draft (saved {}).", stamp(L, at)),
        Notice::DraftDiscarded => "Draft discarded.".into(),
        Notice::DraftConflict(at) => {
            let when = if at.is_empty() { String::new() } else { format!(" (saved {})", stamp(L, at)) };
            format!(
                "Another tab or window changed the same draft{when}. So that neither overwrites the other, this page has stopped saving its draft; what you entered here is kept. Choose: load the other page's version, or keep this page's version (it replaces the other page's draft)."
            )
        }
        Notice::DraftLoadedOther => "Loaded the draft saved by the other tab.".into(),
        Notice::DraftKeptMine => "Kept this page's version and saved it as the draft.".into(),
        Notice::DraftSaved => "Draft saved.".into(),
        Notice::Exported => "Exported.".into(),
        Notice::Imported => "Imported.".into(),
        Notice::ImportFailed(f) => format!("Import failed; your data is unchanged: {}", errors(f)),
        Notice::FileUnusable(f) => format!("The file cannot be used; your data is unchanged: {}", errors(f)),
        Notice::Sending => "Submitting…".into(),
        Notice::StillSending(s) => format!("Submitting… waiting for the server for {s} s; please keep this page open."),
        Notice::Submitted => "Submitted.".into(),
        Notice::AlreadySubmitted => "Already submitted; nothing has changed since.".into(),
        Notice::Failed(reason) => failed(reason),
        Notice::ServerFoundProblems => "The server found problems; please correct them.".into(),
        Notice::Blocked { server, errors: e, warnings: w } => {
            let lead = if *server { "Not submitted: the server found problems." } else { "Not submitted." };
            match (*e, *w) {
                (e, 0) => format!("{lead} {e} problem(s) to correct; see the list of problems."),
                (0, w) => format!("{lead} {w} warning(s) to check and confirm; see the list of problems."),
                (e, w) => format!("{lead} {e} problem(s) to correct and {w} warning(s) to confirm; see the list of problems."),
            }
        }
        Notice::BaseRemoved => "Last year's data removed; no comparison any more.".into(),
        Notice::BaseLoaded(year) => {
            format!("Loaded last year's record ({year}): it is the base of the comparison; what you have entered is kept as it is.")
        }
        Notice::BaseCopied(year) => format!(
            "Copied last year's record ({year}): the year moved on; signature, pledge and the year's own items (trips, income) must be filled in again. Each item shows whether it changed since last year."
        ),
        Notice::TalksLoaded => "Loaded the talk record; the talk counts are checked against it.".into(),
        Notice::ReviewOpened(Integrity::Intact) => "Record opened: unchanged since export (digest matches).".into(),
        Notice::ReviewOpened(Integrity::Changed) => "Record opened: WARNING, it was changed after export (digest mismatch).".into(),
        Notice::ReviewOpened(Integrity::NoDigest) => {
            "Record opened: the file has no digest, so changes after export cannot be ruled out.".into()
        }
        Notice::ReviewOpened(Integrity::Unknown) => {
            "Record opened: unknown digest algorithm, so changes after export cannot be ruled out.".into()
        }
    }
}

/// Why a submission failed, and what to do.
fn failed(reason: &FailReason) -> String {
    match reason {
        FailReason::Network => {
            "Submit failed: the server could not be reached. Everything you entered is kept; press Retry submit later.".into()
        }
        FailReason::Offline => "Submit failed: you are offline. Everything you entered is kept; press Retry submit once you are back online.".into(),
        FailReason::Timeout(secs) => format!(
            "Submit failed: the server did not answer within {secs} seconds. It may have arrived; everything you entered is kept, and Retry submit will not create a second record."
        ),
        FailReason::RetryAfter { status, seconds } => {
            let wait = if *seconds >= 120 { format!("{} minutes", seconds.div_ceil(60)) } else { format!("{seconds} seconds") };
            format!("Submit failed: the server is busy or under maintenance (status {status}). Please retry in {wait}. Everything you entered is kept.")
        }
        FailReason::Status(s) => format!("Submit failed (server status {s}). Everything you entered is kept; please retry."),
        FailReason::Rejected => "The server found problems.".into(),
    }
}
