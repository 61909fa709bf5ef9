//! English: every word and sentence of the view in English.

use super::key::{P, W};
use crate::ui::store::msg::FailReason;
use crate::ui::store::notice::Notice;
use checklist_core::finding::{Finding, Severity};
use checklist_core::intake::Integrity;
use checklist_core::locale::{stamp, Locale};

const L: Locale = Locale::En;

/// A fixed word.
pub(crate) fn word(w: W) -> &'static str {
    match w {
        W::FileSubmitted => "submitted",
        W::FileDraft => "draft",
        W::Version => ", version ",
        W::StatusNotStarted => "Not started",
        W::StatusInProgress => "In progress",
        W::StatusDone => "Complete",
        W::StatusProblem => "Has problems",
        W::OtherLanguage => "中文",
        W::YearChanged => "Changed",
        W::YearUnchanged => "Unchanged",
        W::NotFilled => "Not filled",
        W::ListSep => ", ",
        W::ReadOnly => "Read-only",
        W::KeepTheDraftOnThisComputer => "Keep the draft on this computer",
        W::IfTickedWhatYouHaveNot => "If ticked, what you have not submitted is kept in this computer's browser, so you can close the page and continue later; anyone else who uses this computer may also see it, so do not tick this on a shared computer. The draft is removed once submitted. If not ticked, the draft lasts until this page is closed, and you are asked before closing.",
        W::Receipt => "Receipt: ",
        W::DiscardTheDraftQuestion => "Discard the draft? What was restored will be cleared and cannot be recovered.",
        W::Discard => "Discard",
        W::DiscardTheDraft => "Discard the draft",
        W::LoadTheOtherPageSVersion => "Load the other page's version",
        W::KeepThisPageSVersion => "Keep this page's version",
        W::Progress => "Progress",
        W::KeepANoteOfIt => " (keep a note of it)",
        W::GoToTheListOfProblems => "Go to the list of problems",
        W::Actions => "Actions",
        W::Validate => "Validate",
        W::CheckAnswers => "Check answers",
        W::BackToForm => "Back",
        W::Submitting => "Submitting…",
        W::RetrySubmit => "Retry submit",
        W::Submit => "Submit",
        W::ExportJSON => "Export JSON",
        W::ImportJSON => "Import JSON",
        W::ChangedSinceLastYear => "Changed since last year",
        W::UnchangedSinceLastYear => "Unchanged since last year",
        W::EmptyRow => "(empty row)",
        W::RowsAdded => ": added ",
        W::RowsRemoved => ": removed ",
        W::RowsChanged => ": changed ",
        W::OpenParen => " (",
        W::CloseParen => ")",
        W::ThisItem => "This item",
        W::Colon => ": ",
        W::ChangesSinceLastYear => "Changes since last year",
        W::NothingChangedSinceLastYear => "Nothing changed since last year.",
        W::StopComparing => "Stop comparing",
        W::LoadAnotherTalkRecord => "Load another talk record",
        W::LoadTheTalkRecordCheckThe => "Load the talk record (check the talk counts)",
        W::CheckAgainstTheTalkRecord => "Check against the talk record",
        W::LoadThisYearSExportedTalk => "Load this year's exported talk checklist to check the talk counts in this report.",
        W::TheTalkCountsAgreeWithThe => "The talk counts agree with the talk record.",
        W::CountItem => "Item",
        W::InTheReport => "In the report",
        W::FromTheTalkRecord => "From the talk record",
        W::Result => "Result",
        W::Agrees => "Agrees",
        W::Differs => "Differs",
        W::RequiredMark => " (required)",
        W::KeyItem => "Key item",
        W::PresenceHas => "Has such matters",
        W::PresenceNone => "None",
        W::ComparedWithLastYear => "Compared with last year",
        W::Yes => "Yes",
        W::No => "No",
        W::Select => "Select",
        W::DatePlaceholder => "e.g. 2018-07-02",
        W::AddRow => "Add row",
        W::Pages => ": pages",
        W::Previous => "Previous",
        W::Page => "Page",
        W::Next => "Next",
        W::Delete => "Delete",
        W::Cancel => "Cancel",
        W::AppointmentTalk => "Appointment talk",
        W::SupervisionTalk => "Supervision talk",
        W::PlannedTalk => "Planned talk",
        W::TalkScheduleMostUrgentFirst => "Talk schedule (most urgent first)",
        W::NoData => "No data",
        W::DueAndHeldTalksPerSubordinate => "Due and held talks per subordinate 一把手",
        W::Interviewee => "Interviewee",
        W::Type => "Type",
        W::Due => "Due",
        W::HeldOn => "Held on",
        W::Status => "Status",
        W::NoSubordinateInTheRoster => "No subordinate 一把手 in the roster.",
        W::PerSubordinateRequiredHeldOverdueAnd => "Per subordinate 一把手: required, held, overdue and due within 30 days",
        W::SubordinateLeader => "Subordinate 一把手",
        W::TalksRequired => "Required",
        W::TalksHeld => "Held",
        W::Overdue => "Overdue",
        W::DueWithin30Days => "Due within 30 days",
        W::TalkCountsForTheReportWhat => "Talk counts for the report (what it is checked against)",
        W::TalkCount => "Count",
        W::TableNone => ": none",
        W::Number => "No.",
        W::IHaveReadAndMakeThis => "☑ I have read and make this pledge.",
        W::IHaveReadAndMakeThis2 => "☐ I have read and make this pledge (not ticked).",
        W::Signature => "Signature: ",
        W::TypedName => "(typed: ",
        W::NotFilledLower => "not filled",
        W::DateSigned => "Date signed: ",
        W::YearSuffix => "",
        W::MonthSuffix => "",
        W::DaySuffix => "",
        W::ReadAndSignedBy => "Read and signed by: ",
        W::DateColon => "Date: ",
        W::ThisItemColon => "This item: ",
        W::ComparedWithLastYearColon => "; compared with last year: ",
        W::Unit => "Unit",
        W::PrincipalLeader => "Principal leader",
        W::Reporter => "Reporter",
        W::Position => "Position",
        W::PrintPreview => "Print preview",
        W::PrintPreviewThisIsWhatPrints => "Print preview: this is what prints, on A4.",
        W::Print => "Print",
        W::BackFromPrint => "Back",
        W::CheckYourAnswers => "Check your answers",
        W::PleaseConfirmTheseWarnings => "Please confirm these warnings",
        W::Edit => "Edit",
        W::ReviewMode => "Review mode",
        W::OpenAnExportedOrSubmittedRecord => "Open an exported or submitted record (JSON).",
        W::UnchangedThisRecordWasNotChanged => "Unchanged: this record was not changed after export.",
        W::TheDigestSHA256MatchesThe => "The digest (SHA-256) matches the content.",
        W::ChangedThisRecordWasModifiedAfter => "Changed: this record was modified after export!",
        W::TheDigestDoesNotMatchAnswers => "The digest does not match: answers or confirmations were changed after export. Do not rely on it; check with the filer.",
        W::CannotTellTheFileHasNo => "Cannot tell: the file has no digest.",
        W::OldFormatFilesCarryNoDigest => "Old-format files carry no digest, so changes after export cannot be ruled out.",
        W::CannotTellUnknownDigestAlgorithm => "Cannot tell: unknown digest algorithm.",
        W::TheFileSDigestCannotBe => "The file's digest cannot be checked.",
        W::ExportedAt => "Exported at",
        W::NotGiven => "not given",
        W::Template => "Template",
        W::DigestInTheFile => "Digest in the file",
        W::DigestOfTheContent => "Digest of the content",
        W::ValidationPassedNoProblemsFound => "Validation passed: no problems found.",
        W::Error => "Error",
        W::Warning => "Warning",
        W::Note => "Note",
        W::ConfirmedByTheFiler => " (confirmed by the filer)",
        W::WarningsTheFilerConfirmed => "Warnings the filer confirmed",
        W::NoneFound => "None.",
        W::ConfirmedWarningsAndWhen => "Confirmed warnings and when",
        W::Matter => "Item",
        W::ConfirmedAt => "Confirmed at",
        W::NoLongerRaised => "(no longer raised)",
        W::OpenARecordFile => "Open a record file",
        W::WarningColon => "Warning: ",
        W::CheckedThisIsCorrect => "Checked: this is correct",
        W::CopyLastYearSData => "Copy last year's data",
    }
}

/// A phrase with values in it.
pub(crate) fn say(p: P<'_>) -> String {
    match p {
        P::SummaryTitle { errors: e, warnings: 0 } => format!("Validation failed: {e} errors"),
        P::SummaryTitle { errors: 0, warnings: w } => format!("Validation failed: {w} warnings to confirm"),
        P::SummaryTitle { errors: e, warnings: w } => format!("Validation failed: {e} errors, {w} warnings to confirm"),
        P::BaseNote { year, changed } => format!("Compared with last year's record ({year}): {changed} items changed. "),
        P::CountsDiffer(n) => format!("{n} counts differ from the talk record."),
        P::TalkCountsCaption(y) => format!("Talk counts {y}: report vs talk record"),
        P::RowCount(len) => format!(" ({len} rows)"),
        P::RowsOfTotal { from, to, len } => format!("Rows {from}–{to} of {len}"),
        P::ErrorsOnOtherPages { count, first } => format!("{count} rows on other pages have errors (first: row {first})"),
        P::RowLabel(n) => format!("row {n}"),
        P::DeleteRow(row) => format!("Delete {row}?"),
        P::DaysLeft(days) if days < 0 => format!(" ({} days overdue)", -days),
        P::DaysLeft(days) => format!(" (in {days} days)"),
        P::Gap { name, required, held, kind } => format!("{name}: {required} required, {held} held ({kind})"),
        P::YearOverview(year) => format!("Year overview {year}"),
        P::TableRow { table, row } => format!("{table} row {row}"),
        P::PrintRow { table, row } => format!("{table} — row {row}"),
        P::PrintYear(year) => format!("Year: {year}"),
        P::ErrorsBeforeSubmit(e) => format!("{e} errors must be corrected before submitting."),
        P::FindingsHeading { errors: 0, warnings: 0 } => "Findings: no errors, no warnings".into(),
        P::FindingsHeading { errors: e, warnings: 0 } => format!("Findings: {e} errors"),
        P::FindingsHeading { errors: 0, warnings: w } => format!("Findings: {w} warnings"),
        P::FindingsHeading { errors: e, warnings: w } => format!("Findings: {e} errors, {w} warnings"),
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
        Notice::Confirmed(0) => "Warning confirmed; no problems left.".into(),
        Notice::Confirmed(left) => format!("Warning confirmed; {left} problem(s) left."),
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
        FailReason::Status(s @ (401 | 403)) => format!(
            "Submit failed: not allowed to submit, or the sign-in has expired (server status {s}). Everything you entered is kept; sign in to the portal again, or ask the administrator, then submit."
        ),
        FailReason::Status(413) => {
            "Submit failed: the record is larger than the server accepts (server status 413). Everything you entered is kept; please ask the administrator.".into()
        }
        FailReason::Status(s) => format!("Submit failed (server status {s}). Everything you entered is kept; please retry."),
        FailReason::Rejected => "The server found problems.".into(),
    }
}
