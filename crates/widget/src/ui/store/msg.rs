//! What can happen to the widget's state: [`Msg`] (a user action, a host call, an answer from the
//! network) and what the web layer must do after it, [`Effect`]. Plain data: no state, no DOM.

use serde_json::Value;

use super::country::ComboKey;
use checklist_core::finding::Finding;
use checklist_core::locale::Locale;

/// Why a POST failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailReason {
    /// No answer: the connection was refused, reset or failed.
    Network,
    /// The browser is offline (`navigator.onLine` is false).
    Offline,
    /// No answer within this many seconds; the widget gave up waiting.
    Timeout(u32),
    /// The server answered with this HTTP status.
    Status(u16),
    /// The server is busy or down (503, 429) and said when to come back (`Retry-After`).
    RetryAfter {
        /// HTTP status.
        status: u16,
        /// Seconds to wait, as the server said.
        seconds: u64,
    },
    /// The server refused the record with findings (422).
    Rejected,
}

/// What a file chosen in one of the widget's file pickers is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// A record exported earlier, to replace the data (导入文件).
    Import,
    /// Last year's export: the base of this year's record (复制上年数据).
    Base,
    /// The 谈话 record whose talks the 述职 report's A5/A6 counts must match (X-R01).
    Talks,
    /// An exported or posted record to review (review mode).
    Review,
}

impl FilePurpose {
    /// The `data-file` attribute of the picker's input.
    pub fn as_str(self) -> &'static str {
        match self {
            FilePurpose::Import => "import",
            FilePurpose::Base => "base",
            FilePurpose::Talks => "talks",
            FilePurpose::Review => "review",
        }
    }
}

/// A change requested by the user or the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A field's new value (already converted to JSON; `None` clears it).
    Set {
        /// JSON pointer.
        path: String,
        /// New value.
        value: Option<Value>,
    },
    /// The user typed `raw` into the field at `path` (converted by the field's type).
    Input {
        /// JSON pointer.
        path: String,
        /// What the input holds.
        raw: String,
    },
    /// A multi-choice box was ticked or cleared.
    Toggle {
        /// JSON pointer of the array.
        path: String,
        /// The option.
        option: String,
        /// Ticked.
        on: bool,
    },
    /// The field lost focus: show its errors from now on.
    Touch(String),
    /// Focus entered a row of a long list: its selects get all their options
    /// ([`Store::rows_used`]). The table's pointer and the row's index.
    UseRow(String, usize),
    /// A key in the list of a country field being typed in.
    Combo(String, ComboKey),
    /// Add a row to the table at this pointer.
    AddRow(String),
    /// Ask before removing this row.
    AskRemove(String),
    /// Remove the row asked about.
    ConfirmRemove,
    /// Keep the row asked about.
    CancelRemove,
    /// 校验: validate everything and show the summary.
    Validate,
    /// The user chose whether to keep the draft on this computer (local storage) rather than
    /// only in this tab.
    KeepOnComputer(bool),
    /// Move to the error summary as it stands (from the submit outcome), without re-checking:
    /// a server's findings stay as it sent them.
    ShowSummary,
    /// Show the 核对 view.
    Review,
    /// Back to the form.
    BackToForm,
    /// Submit: validate, then post when nothing blocks.
    Submit,
    /// The user confirmed (or withdrew confirmation of) a warning.
    Confirm {
        /// Finding code.
        code: String,
        /// Finding path.
        path: String,
        /// Confirmed.
        on: bool,
        /// `YYYY-MM-DDTHH:mm:ss+08:00`.
        at: String,
        /// Ticked in the error summary, whose entry then goes away: focus moves on to the next entry
        /// (or to 提交 when nothing is left), never to `<body>`.
        in_summary: bool,
    },
    /// Export the record as a file.
    Export {
        /// `YYYY-MM-DDTHH:mm:ss+08:00`.
        now: String,
    },
    /// Open the file picker for a purpose.
    PickFile(FilePurpose),
    /// The text of a file chosen for a purpose (the host port read it).
    FileRead(FilePurpose, String),
    /// The file chosen for a purpose is over the import limit (bytes); it was not read.
    FileTooLarge(FilePurpose, u64),
    /// A file's text to import (`importJson`, or the 导入文件 picker).
    Import(String),
    /// The locale switch.
    SetLocale(Locale),
    /// Move focus to the field (or nearest section) of a finding.
    Focus(String),
    /// Show a page of a long table.
    Page {
        /// JSON pointer of the table.
        table: String,
        /// Page index (from 0); clamped.
        page: usize,
    },
    /// The debounced whole-record pass (named rules).
    Revalidate,
    /// The server stored the record.
    Submitted {
        /// Receipt id.
        receipt: String,
    },
    /// The server refused the record with these findings (422).
    Rejected(Vec<Finding>),
    /// The POST failed without a usable answer.
    Failed(FailReason),
    /// At start-up: restore this draft (its text) when it is one of this template, and say so.
    RestoreDraft(String),
    /// The host replaced the whole record (`setData`): touched state resets, nothing is emitted.
    SetData(Value),
    /// Ask before throwing away the restored draft (it cannot be undone).
    AskDiscardDraft,
    /// Keep the restored draft after all.
    CancelDiscardDraft,
    /// Throw away the restored draft and start from the host's data (the question's answer).
    DiscardDraft,
    /// A POST has been in flight this many seconds (progress for slow answers).
    StillSending(u32),
    /// Another tab (or window) saved a newer draft under the same key: this is its text.
    /// Drafts are not written until the user chooses.
    DraftConflict(String),
    /// Resolve a draft conflict by loading the other tab's draft.
    DraftUseOther,
    /// Resolve a draft conflict by keeping this tab's data (and saving it as the draft).
    DraftKeepMine,
    /// Forget last year's base.
    ClearBase,
    /// Show the print view and print.
    Print,
    /// Leave the print view.
    EndPrint,
    /// Alt+Shift+S: save the draft now.
    SaveDraftNow,
    /// Alt+Shift+N: move to the next problem after the field at this pointer (if any).
    NextProblem(Option<String>),
    /// Enter in a table cell (its pointer): a new row after the last cell of the last row, else
    /// the first cell of the next row.
    EnterInCell(String),
}

/// Something outside the pure state the web layer must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Dispatch a `CustomEvent` on the host element.
    Emit(HostEvent),
    /// POST the envelope.
    Post {
        /// The envelope JSON.
        body: String,
        /// The idempotency key, stable across retries of the same data.
        key: String,
    },
    /// Offer a file for download.
    Download {
        /// File name.
        name: String,
        /// Content.
        text: String,
    },
    /// Open the file picker of a purpose (`input[data-file=<purpose>]`; the import's
    /// `input[data-action=import-file]`).
    PickFile(FilePurpose),
    /// Move focus to the element of this JSON pointer (or its nearest ancestor with one).
    Focus(String),
    /// Move focus to the error summary.
    FocusSummary,
    /// Move focus to the summary's link of this index (the last one if there are fewer), or to 提交
    /// when the summary is gone.
    FocusSummaryLink(usize),
    /// Move focus to the submit outcome next to the action bar ([`Store::outcome`]).
    FocusOutcome,
    /// Save a draft (debounced by the web layer).
    SaveDraft,
    /// Delete the draft.
    ClearDraft,
    /// Move the draft to this computer's storage (`true`: local) or back to the tab's (session),
    /// deleting it where it was.
    KeepDraftOnComputer(bool),
    /// Run the whole-record pass soon (debounced by the web layer).
    ScheduleRevalidate,
    /// Mark the host for printing, then call `window.print()` once the print view is rendered.
    Print,
    /// Remove the print marks.
    EndPrint,
}

/// A `CustomEvent` the widget dispatches on its host element (bubbling, composed). The web layer
/// builds each `detail` (findings with their messages in the locale shown).
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// `checklist-change` `{path, value}`: a value typed, chosen or set by `setValue`.
    Changed {
        /// JSON pointer.
        path: String,
        /// The new value (`null`: cleared).
        value: Option<Value>,
    },
    /// `checklist-change` `{path, value, source: "normalize"}`: the normalised form stored.
    Normalised {
        /// JSON pointer.
        path: String,
        /// The stored value.
        value: Value,
    },
    /// `checklist-change` `{path: "", source}`: the whole record replaced (`import`, `draft`,
    /// `last-year`).
    Replaced(&'static str),
    /// `checklist-submit`: the envelope about to be posted (its JSON text).
    Submit(String),
    /// `checklist-submitted` `{receiptId}`.
    Submitted(String),
    /// `checklist-invalid` `{source, findings}`: submit stopped by findings (`browser` or
    /// `server`).
    Invalid {
        /// Whose findings.
        source: &'static str,
        /// The findings.
        findings: Vec<Finding>,
    },
    /// `checklist-error` `{kind: "import", findings}`: a file refused.
    ImportError(Vec<Finding>),
    /// `checklist-error` `{kind: "submit", status, message}`: the POST failed.
    SubmitError(FailReason),
    /// `checklist-error` `{kind: "draft", message}`: the draft could not be stored.
    DraftError,
    /// `checklist-draft` `{key, draft}`: the draft for the host to keep (`None`: delete it).
    Draft {
        /// The draft key.
        key: String,
        /// The draft's JSON text.
        draft: Option<String>,
    },
}

impl HostEvent {
    /// The event's name.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Changed { .. } | HostEvent::Normalised { .. } | HostEvent::Replaced(_) => "checklist-change",
            HostEvent::Submit(_) => "checklist-submit",
            HostEvent::Submitted(_) => "checklist-submitted",
            HostEvent::Invalid { .. } => "checklist-invalid",
            HostEvent::ImportError(_) | HostEvent::SubmitError(_) | HostEvent::DraftError => "checklist-error",
            HostEvent::Draft { .. } => "checklist-draft",
        }
    }
}
