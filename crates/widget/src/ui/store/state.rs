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

use super::msg::FailReason;

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

/// The notice kind of a restored draft.
pub const NOTICE_RESTORED: &str = "restored";

/// A status message shown in the polite live region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Kind, for styling (`ok`, `error`, `info`, or [`NOTICE_RESTORED`], which also offers to
    /// discard the draft).
    pub kind: &'static str,
    /// Text in the current locale at the time it was raised.
    pub text: String,
}

/// Whether an opened record is as it was exported.
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
}

/// The widget's state.
pub struct Store {
    /// The template and config, compiled.
    pub validator: Rc<Validator>,
    /// Display language.
    pub locale: Locale,
    /// The day deadlines and "not in the future" refer to.
    pub today: Date,
    /// Read-only: nothing can be typed, added or submitted.
    pub read_only: bool,
    /// The record's data.
    pub record: Value,
    /// Current findings (confirmations applied).
    pub findings: Vec<Finding>,
    /// Warnings the user confirmed.
    pub confirmations: Vec<Confirmation>,
    /// Fields the user has typed in or left: their errors show inline.
    pub touched: HashSet<String>,
    /// After a validate or submit attempt every error shows.
    pub show_all: bool,
    /// Whether the error summary is shown.
    pub summary: bool,
    /// Current screen.
    pub view: View,
    /// A row waiting for delete confirmation.
    pub pending_remove: Option<String>,
    /// The last status message.
    pub notice: Option<Notice>,
    /// What the last 提交 came to (sent, blocked, failed, stored), shown next to the action bar
    /// where the user pressed it (the top notice says it too). Cleared by a change of data.
    pub outcome: Option<Notice>,
    /// Submission state.
    pub submit: SubmitState,
    /// Idempotency key of the data as last submitted; a change of data drops it.
    pub idempotency_key: Option<String>,
    /// When 提交 was pressed for the data as it stands (`YYYY-MM-DDTHH:mm:ss+08:00`): posted as
    /// `submittedAt`, kept across retries with the idempotency key (a retry is the same
    /// submission), exported with 已提交 after success, dropped by a change of data. In review
    /// mode, the opened record's. Deadlines are measured by it.
    pub submitted_at: Option<String>,
    /// The clock for `submittedAt` (the web layer's is the browser's; natively a fixed stamp).
    pub clock: Rc<dyn Fn() -> String>,
    /// A source of fresh keys (the web layer sets one based on `crypto.getRandomValues`).
    pub key_source: Rc<dyn Fn() -> String>,
    /// What a restored draft replaced (the host's data, when the draft is restored at mount), so
    /// that the draft can be discarded. Kept only then: copying every record at mount cost as
    /// much as parsing it.
    pub initial: Option<Value>,
    /// Rows shown per page of a long table (0: no paging). Paging keeps a keystroke and the
    /// first render cheap at 1,000 rows; every row stays reachable by the pager and the error
    /// summary's links.
    pub page_size: usize,
    /// Current page of each paged table, by the table's JSON pointer.
    pub pages: HashMap<String, usize>,
    /// What the last `Msg::Import` found (the host's `importJson` returns it).
    pub last_import: Option<ImportReport>,
    /// Changes since the store was made (drives memoisation and draft saves).
    pub rev: u64,
    /// This tab's id in the drafts it writes (the web layer sets a random one).
    pub draft_tab: String,
    /// The revision of the newest draft this tab has written or read: another tab's draft with
    /// a higher revision is a conflict, never silently overwritten.
    pub draft_rev: u64,
    /// Another tab's newer draft (its text) while the user has not chosen what to keep.
    pub draft_conflict: Option<String>,
    /// Where the draft is kept (the web layer sets it from `draftStorage`).
    pub draft_keep: DraftKeep,
    /// The user may choose to keep the draft on this computer ([`Msg::KeepOnComputer`]): offered
    /// when drafts would otherwise last only as long as the tab.
    pub draft_choice: bool,
    /// The data holds changes the server has not stored (typed, imported, or restored from a
    /// draft); the host's own data is not such a change.
    pub unsent: bool,
    /// Last year's base and the loaded talk record.
    pub last_year: LastYear,
    /// Review mode and the record under review.
    pub review: Review,
    /// The print view is shown.
    pub printing: bool,
    /// The problem Alt+Shift+N moved to last (rows and sections have no `data-path`).
    pub last_problem: Option<String>,
    /// Path → indexes into `findings`.
    pub(super) index: HashMap<String, Vec<usize>>,
    pub(super) next_row: u64,
    /// Set by [`Store::update`] when the message changed nothing the view shows (a whole-record
    /// pass that found what the row checks had already found), so the view need not render.
    pub quiet: bool,
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
            initial: None,
            record,
            findings: Vec::new(),
            confirmations: Vec::new(),
            touched: HashSet::new(),
            show_all: false,
            summary: false,
            view: View::Form,
            pending_remove: None,
            notice: None,
            outcome: None,
            submit: SubmitState::Idle,
            idempotency_key: None,
            key_source: Rc::new(counter_keys()),
            submitted_at: None,
            clock: Rc::new(fixed_clock),
            draft_tab: String::from("tab"),
            draft_rev: 0,
            draft_conflict: None,
            draft_keep: DraftKeep::Computer,
            draft_choice: false,
            unsent: false,
            last_year: LastYear::default(),
            review: Review::default(),
            printing: false,
            last_problem: None,
            page_size: DEFAULT_PAGE_SIZE,
            pages: HashMap::new(),
            last_import: None,
            rev: 0,
            index: HashMap::new(),
            next_row: 1,
            quiet: false,
        };
        s.revalidate();
        s
    }

    /// `zh` or `en`, by the store's locale.
    pub(super) fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        match self.locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }
}

/// `submittedAt`'s clock until the web layer sets the browser's: a fixed stamp (native tests).
fn fixed_clock() -> String {
    String::from("1970-01-01T08:00:00+08:00")
}

fn counter_keys() -> impl Fn() -> String {
    let n = std::cell::Cell::new(0u64);
    move || {
        n.set(n.get() + 1);
        format!("key-{}", n.get())
    }
}
