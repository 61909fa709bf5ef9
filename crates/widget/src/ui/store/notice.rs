//! What the widget tells the user in its status line (and next to 提交): what happened, as data.
//! The words are the view's, from the catalogue of the locale shown (`ui::text`), so a language
//! switch re-translates the notice on screen.

use checklist_core::finding::Finding;

use super::msg::FailReason;
use checklist_core::intake::Integrity;

/// A status message: what happened, rendered in the current locale at view time.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Leaving a field stored its normalised form.
    Normalised {
        /// As typed.
        from: String,
        /// As stored.
        to: String,
    },
    /// A row was added (its number, from 1).
    RowAdded(usize),
    /// A row was deleted.
    RowDeleted,
    /// The table has its most rows (this many).
    TooManyRows(u32),
    /// Enter in an empty last row: no row added.
    RowEmpty,
    /// 校验 found nothing that blocks.
    ValidationPassed,
    /// Alt+Shift+N found nothing left to do.
    NoProblems,
    /// A warning was confirmed in the error summary; this many problems are left.
    Confirmed(usize),
    /// Alt+Shift+N moved to problem `n` of `of`; the finding shown there.
    Problem {
        /// Its number, from 1.
        n: usize,
        /// How many there are.
        of: usize,
        /// The message's finding.
        finding: Option<Finding>,
    },
    /// The draft is now kept on this computer (`true`) or only in this tab.
    KeptOnComputer(bool),
    /// A draft saved at this stamp was restored.
    DraftRestored(String),
    /// The restored draft was discarded.
    DraftDiscarded,
    /// Another tab saved a newer draft (at this stamp, if known): the user chooses.
    DraftConflict(String),
    /// The other tab's draft was loaded.
    DraftLoadedOther,
    /// This tab's version was kept and saved.
    DraftKeptMine,
    /// Alt+Shift+S saved the draft.
    DraftSaved,
    /// The export file was offered.
    Exported,
    /// An imported file replaced the data.
    Imported,
    /// An import was refused: these findings say why.
    ImportFailed(Vec<Finding>),
    /// A file for last year's record or the talk record was refused.
    FileUnusable(Vec<Finding>),
    /// A POST is in flight.
    Sending,
    /// A POST has been in flight this many seconds.
    StillSending(u32),
    /// The server stored the record.
    Submitted,
    /// Nothing changed since the server stored it.
    AlreadySubmitted,
    /// The POST failed.
    Failed(FailReason),
    /// The server refused the record with findings.
    ServerFoundProblems,
    /// 提交 was stopped by findings (by the server's, when `server`).
    Blocked {
        /// The server's findings stopped it.
        server: bool,
        /// Errors to correct.
        errors: usize,
        /// Warnings to confirm.
        warnings: usize,
    },
    /// Last year's base was removed.
    BaseRemoved,
    /// Last year's record (of this year) is the base of the comparison; answers kept.
    BaseLoaded(String),
    /// Last year's record (of this year) was copied into the empty record.
    BaseCopied(String),
    /// The talk record was loaded.
    TalksLoaded,
    /// A record was opened for review with this verdict.
    ReviewOpened(Integrity),
}

impl Notice {
    /// `ok`, `info`, `error`, or `restored` (which also offers to discard the draft): for styling
    /// (`ac-notice-{kind}`) and the `data-outcome` attribute.
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::DraftRestored(_) => "restored",
            Notice::ValidationPassed
            | Notice::NoProblems
            | Notice::Confirmed(0)
            | Notice::DraftLoadedOther
            | Notice::DraftKeptMine
            | Notice::DraftSaved
            | Notice::Exported
            | Notice::Imported
            | Notice::Submitted
            | Notice::AlreadySubmitted
            | Notice::BaseCopied(_)
            | Notice::TalksLoaded
            | Notice::ReviewOpened(Integrity::Intact) => "ok",
            Notice::TooManyRows(_)
            | Notice::DraftConflict(_)
            | Notice::ImportFailed(_)
            | Notice::FileUnusable(_)
            | Notice::Failed(_)
            | Notice::ServerFoundProblems
            | Notice::Blocked { .. }
            | Notice::ReviewOpened(_) => "error",
            _ => "info",
        }
    }
}
