//! The widget's state: [`Store`] and the types of its parts. How each part changes is in the file of
//! its concern (editing, validation, submit, drafts, transfer, navigation, last year, review,
//! print); `Store::update` (update.rs) routes each `Msg` there.
//!
//! Invariant: no message ever discards what the user typed. A failed post, a rejected import or
//! a server's 422 change findings and notices, never `record`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::{Map, Value};

use checklist_core::compare::Comparison;
use checklist_core::date::Date;
use checklist_core::engine::Validator;
use checklist_core::finding::{Confirmation, Finding};
use checklist_core::locale::Locale;

use super::country::Typing;
use super::msg::FailReason;
use super::notice::Notice;
use crate::ui::builtins::Builtins;
use checklist_core::intake::Integrity;

/// Rows per page of a long table unless the host chooses (`pageSize`).
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// Which screen the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The form itself.
    Form,
    /// 核对: every answer read-only, warnings to confirm, then submit.
    Review,
}

/// Where a submission stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitState {
    /// Nothing sent since the last change.
    Idle,
    /// A POST is in flight.
    Sending,
    /// The server stored the record.
    Done {
        /// The server's receipt id.
        receipt: String,
    },
    /// The last POST failed; the data is intact and the same idempotency key will be reused.
    Failed {
        /// What happened, in the user's words.
        reason: FailReason,
    },
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The file replaced the data.
    pub applied: bool,
    /// Problems and notes about the file.
    pub findings: Vec<Finding>,
}

/// How long this tab's draft outlives the tab: what decides whether leaving the page must ask
/// first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKeep {
    /// No draft is written (`draftStorage: "none"`).
    Nowhere,
    /// Only while this tab lives (session storage).
    Tab,
    /// On this computer until it is submitted or discarded (local storage), or by the host.
    Computer,
}

/// A record opened in review mode.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewInfo {
    /// The digest verdict.
    pub integrity: Integrity,
    /// When it was exported (as the file says).
    pub exported_at: String,
    /// 草稿 / submitted / … as the file says.
    pub status: String,
    /// `id version` of the template it was filled in with.
    pub template: String,
    /// The digest the file carries.
    pub digest: String,
    /// The digest of the data and confirmations as they are now.
    pub computed: String,
    /// Warnings the filer confirmed.
    pub confirmations: Vec<Confirmation>,
    /// What the import reported (template version, migration, digest).
    pub import_findings: Vec<Finding>,
}

/// Last year's record and the loaded 谈话 record: the bases of comparisons.
#[derive(Default)]
pub struct LastYear {
    /// Last year's data (the `data` of its export), the base of the comparison.
    pub base: Option<Rc<Value>>,
    /// The loaded 谈话 record's data (述职 only), for X-R01.
    pub talks: Option<Rc<Value>>,
    /// The comparison with the base, cached by the store's revision.
    pub(super) cache: RefCell<Option<(u64, usize, Rc<Comparison>)>>,
}

/// Review mode (组织部门 / 纪检机关): a record opened read-only with its digest verdict.
#[derive(Default)]
pub struct Review {
    /// Review mode: read-only, opened from an envelope, with the digest verdict.
    pub mode: bool,
    /// The record under review (none yet, or the last file could not be read).
    pub info: Option<ReviewInfo>,
    /// The built-in templates given at mount: a record of another kind opens with its own.
    pub(super) builtins: Builtins,
}

/// The widget's state. Its fields are private to the store: the view reads it through the
/// accessors in `read.rs`, and it changes only by [`Store::update`] (or, before the view exists,
/// [`Store::configure`]).
pub struct Store {
    /// The template and config, compiled.
    pub(super) validator: Rc<Validator>,
    /// Display language.
    pub(super) locale: Locale,
    /// The day deadlines and "not in the future" refer to.
    pub(super) today: Date,
    /// Read-only: nothing can be typed, added or submitted.
    pub(super) read_only: bool,
    /// The record's data.
    pub(super) record: Value,
    /// Warnings the user confirmed.
    pub(super) confirmations: Vec<Confirmation>,
    /// The last status message.
    pub(super) notice: Option<Notice>,
    /// Set by [`Store::update`] when the message changed nothing the view shows (a whole-record
    /// pass that found what the row checks had already found), so the view need not render.
    pub(super) quiet: bool,
    pub(super) editing: Editing,
    pub(super) validation: Validation,
    pub(super) submission: Submission,
    pub(super) drafts: Drafts,
    pub(super) transfer: Transfer,
    pub(super) nav: Navigation,
    pub(super) last_year: LastYear,
    pub(super) review: Review,
    pub(super) print: Print,
}

/// Editing: what the user touched, the row waiting for its delete question, fresh row ids.
pub struct Editing {
    /// Fields the user has typed in or left: their errors show inline.
    pub(super) touched: HashSet<String>,
    /// A row waiting for delete confirmation.
    pub(super) pending_remove: Option<String>,
    pub(super) next_row: u64,
    /// Changes since the store was made (drives memoisation and draft saves).
    pub(super) rev: u64,
    /// The country field being typed in.
    pub(super) typing: Option<Typing>,
    /// Rows of long lists that focus has entered, by table pointer ([`Store::rows_used`]).
    pub(super) used_rows: HashMap<String, Vec<usize>>,
    /// When each table row's data last changed, for the view's memoised rows ([`RowVersions`]):
    /// table pointer → by row index, the `rev` of the row's last change (as `usize`: the type the
    /// findings' index already instantiates, which costs no code; a version that wraps after 2³²
    /// changes only has to differ from the last one shown). Cleared by a change that may alter any
    /// row, which `rows_rev` then records.
    pub(super) row_revs: HashMap<String, Vec<usize>>,
    /// The `rev` of the last change that may have altered any row (rows removed, a whole table,
    /// section or record replaced).
    pub(super) rows_rev: usize,
}

/// The versions of one table's rows: a number that changes whenever the row's data may have
/// changed, so that the view's memoised rows compare a number instead of the row's data.
pub struct RowVersions<'a> {
    pub(super) all: usize,
    pub(super) rows: &'a [usize],
}

impl RowVersions<'_> {
    /// The version of row `index`.
    pub fn of(&self, index: usize) -> usize {
        self.rows.get(index).map_or(self.all, |&v| v.max(self.all))
    }
}

/// Validation: the findings, indexed by path, and how much of them shows.
pub struct Validation {
    /// Current findings (confirmations applied).
    pub(super) findings: Vec<Finding>,
    /// Path → indexes into `findings`.
    pub(super) index: HashMap<String, Vec<usize>>,
    /// After a validate or submit attempt every error shows.
    pub(super) show_all: bool,
    /// Whether the error summary is shown.
    pub(super) summary: bool,
}

/// Submit: where the submission stands, its key and time (kept across retries), its outcome.
pub struct Submission {
    /// Submission state.
    pub(super) state: SubmitState,
    /// Idempotency key of the data as last submitted; a change of data drops it.
    pub(super) idempotency_key: Option<String>,
    /// When 提交 was pressed for the data as it stands (`YYYY-MM-DDTHH:mm:ss+08:00`): posted as
    /// `submittedAt`, kept across retries with the idempotency key (a retry is the same
    /// submission), exported with 已提交 after success, dropped by a change of data. In review
    /// mode, the opened record's. Deadlines are measured by it.
    pub(super) submitted_at: Option<String>,
    /// What the last 提交 came to (sent, blocked, failed, stored), shown next to the action bar
    /// where the user pressed it (the top notice says it too). Cleared by a change of data.
    pub(super) outcome: Option<Notice>,
    /// The clock for `submittedAt` (the web layer's is the browser's; natively a fixed stamp).
    pub(super) clock: fn() -> String,
    /// A source of fresh keys (the web layer's is based on `crypto.getRandomValues`).
    pub(super) key_source: fn() -> String,
    /// The data holds changes the server has not stored (typed, imported, or restored from a
    /// draft); the host's own data is not such a change.
    pub(super) unsent: bool,
}

/// Drafts: this tab's id and the newest revision it has seen, a conflict with another tab, where
/// the draft is kept.
pub struct Drafts {
    /// This tab's id in the drafts it writes (the web layer sets a random one).
    pub(super) tab: String,
    /// The revision of the newest draft this tab has written or read: another tab's draft with
    /// a higher revision is a conflict, never silently overwritten.
    pub(super) rev: u64,
    /// Another tab's newer draft (its text) while the user has not chosen what to keep.
    pub(super) conflict: Option<String>,
    /// Where the draft is kept (the web layer sets it from `draftStorage`).
    pub(super) keep: DraftKeep,
    /// The user may choose to keep the draft on this computer (`Msg::KeepOnComputer`): offered
    /// when drafts would otherwise last only as long as the tab.
    pub(super) choice: bool,
    /// What a restored draft replaced (the host's data, when the draft is restored at mount), so
    /// that the draft can be discarded. Kept only then: copying every record at mount cost as
    /// much as parsing it.
    pub(super) initial: Option<Value>,
    /// 放弃草稿 was pressed: the question (放弃 / 取消) is shown.
    pub(super) asking_discard: bool,
}

/// Transfer: what the last import found (the host's `importJson` returns it).
#[derive(Default)]
pub struct Transfer {
    pub(super) last_import: Option<ImportReport>,
}

/// Navigation: the screen, the pages of long tables, the problem Alt+Shift+N moved to last.
pub struct Navigation {
    /// Current screen.
    pub(super) view: View,
    /// Rows shown per page of a long table (0: no paging). Paging keeps a keystroke and the
    /// first render cheap at 1,000 rows; every row stays reachable by the pager and the error
    /// summary's links.
    pub(super) page_size: usize,
    /// Current page of each paged table, by the table's JSON pointer.
    pub(super) pages: HashMap<String, usize>,
    /// The problem Alt+Shift+N moved to last (rows and sections have no `data-path`).
    pub(super) last_problem: Option<String>,
}

/// Print: whether the print view is shown.
#[derive(Default)]
pub struct Print {
    pub(super) printing: bool,
}

/// What the web layer sets up at mount, before the view exists (see [`Store::configure`]).
pub struct Setup {
    /// The clock for `submittedAt`.
    pub clock: fn() -> String,
    /// A source of fresh idempotency keys.
    pub key_source: fn() -> String,
    /// This tab's id in its drafts.
    pub draft_tab: String,
    /// Rows per page of long tables, when the host chose.
    pub page_size: Option<usize>,
    /// Review mode (`mode: "review"`).
    pub review: bool,
    /// Where the draft is kept.
    pub draft_keep: DraftKeep,
    /// Whether the user may move the draft to this computer.
    pub draft_choice: bool,
    /// The built-in templates the loader fetched (review mode opens a record with its own).
    pub builtins: Builtins,
}

impl Store {
    /// A store for `validator`'s template with `data` (an empty record when `None`).
    pub fn new(validator: Rc<Validator>, locale: Locale, today: Date, data: Option<Value>, read_only: bool) -> Store {
        let record = match data {
            Some(v @ Value::Object(_)) => v,
            _ => Value::Object(Map::new()),
        };
        let mut s = Store {
            validator,
            locale,
            today,
            read_only,
            record,
            confirmations: Vec::new(),
            notice: None,
            quiet: false,
            editing: Editing {
                touched: HashSet::new(),
                pending_remove: None,
                next_row: 1,
                rev: 0,
                typing: None,
                used_rows: HashMap::new(),
                row_revs: HashMap::new(),
                rows_rev: 0,
            },
            validation: Validation { findings: Vec::new(), index: HashMap::new(), show_all: false, summary: false },
            submission: Submission {
                state: SubmitState::Idle,
                idempotency_key: None,
                submitted_at: None,
                outcome: None,
                clock: fixed_clock,
                key_source: counter_key,
                unsent: false,
            },
            drafts: Drafts {
                tab: String::from("tab"),
                rev: 0,
                conflict: None,
                keep: DraftKeep::Computer,
                choice: false,
                initial: None,
                asking_discard: false,
            },
            transfer: Transfer::default(),
            nav: Navigation { view: View::Form, page_size: DEFAULT_PAGE_SIZE, pages: HashMap::new(), last_problem: None },
            last_year: LastYear::default(),
            review: Review::default(),
            print: Print::default(),
        };
        s.revalidate();
        s
    }
}

/// `submittedAt`'s clock until the web layer sets the browser's: a fixed stamp (native tests).
fn fixed_clock() -> String {
    String::from("1970-01-01T08:00:00+08:00")
}

/// Keys until the web layer sets its source: a counter (native tests).
fn counter_key() -> String {
    thread_local!(static N: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
    N.with(|n| {
        n.set(n.get() + 1);
        format!("key-{}", n.get())
    })
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            clock: fixed_clock,
            key_source: counter_key,
            draft_tab: String::from("tab"),
            page_size: None,
            review: false,
            draft_keep: DraftKeep::Computer,
            draft_choice: false,
            builtins: Builtins::default(),
        }
    }
}
