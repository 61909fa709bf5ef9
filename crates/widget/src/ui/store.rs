//! The widget's state and every change a user can make, as plain Rust with no DOM: the view is a
//! function of a [`Store`], and [`Store::update`] turns a [`Msg`] into a new state plus the
//! [`Effect`]s the web layer must perform (post, download, save a draft, move focus, emit an
//! event). Everything here runs natively in tests.
//!
//! Invariant: no message ever discards what the user typed. A failed post, a rejected import or
//! a server's 422 change findings and notices, never `record`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::{Map, Value};

use checklist_core::date::Date;
use checklist_core::engine::Validator;
use checklist_core::envelope;
use checklist_core::finding::{Confirmation, Finding, Report, Severity};
use checklist_core::locale::Locale;
use checklist_core::template::{Field, FieldType, Section, PRESENCE_HAS, PRESENCE_KEY};

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

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The file replaced the data.
    pub applied: bool,
    /// Problems and notes about the file.
    pub findings: Vec<Finding>,
}

/// Pointer tokens of the row controls that focus moves to (`{row}/remove-row` …): element ids
/// made by `dom_id` like a field's, so that `Effect::Focus` reaches them. No template key may
/// take these names (they are not valid item keys: keys are camelCase).
pub const REMOVE_ASK: &str = "remove-row";
/// The 删除 button of a row's delete question.
pub const REMOVE_CONFIRM: &str = "confirm-remove";
/// A table's 添加一行 button.
pub const ADD_ROW: &str = "add-row";

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
    },
    /// Export the record as a file.
    Export {
        /// `YYYY-MM-DDTHH:mm:ss+08:00`.
        now: String,
    },
    /// Open the file picker.
    PickImport,
    /// A file's text to import.
    Import(String),
    /// The chosen file is over the import limit (bytes); it was not read.
    ImportTooLarge(u64),
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
    /// A draft was restored at start-up (stamp of when it was saved).
    DraftRestored(String),
    /// Throw away the restored draft and start from the host's data.
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
    /// Last year's data, print, review mode, shortcuts (`super::clerk`).
    Clerk(super::clerk::ClerkMsg),
}

/// Something outside the pure state the web layer must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Dispatch a `CustomEvent` on the host element.
    Emit {
        /// Event name (`checklist-change` …).
        name: &'static str,
        /// Its `detail`, as JSON.
        detail: Value,
    },
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
    /// Open the file picker.
    PickFile,
    /// Move focus to the element of this JSON pointer (or its nearest ancestor with one).
    Focus(String),
    /// Move focus to the error summary.
    FocusSummary,
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
    /// File pickers and printing for `super::clerk`.
    Clerk(super::clerk::ClerkEffect),
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
    /// Last year's base, the loaded talk record, print and review mode (`super::clerk`).
    pub clerk: super::clerk::Clerk,
    /// Path → indexes into `findings`.
    index: HashMap<String, Vec<usize>>,
    next_row: u64,
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
            clock: Rc::new(super::now_stamp),
            draft_tab: String::from("tab"),
            draft_rev: 0,
            draft_conflict: None,
            draft_keep: DraftKeep::Computer,
            draft_choice: false,
            unsent: false,
            clerk: Default::default(),
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

    /// Replaces the whole record (host `setData`, import): touched state resets.
    pub fn replace_data(&mut self, data: Value, confirmations: Vec<Confirmation>) {
        self.record = if data.is_object() { data } else { Value::Object(Map::new()) };
        self.confirmations = confirmations;
        self.touched.clear();
        self.show_all = false;
        self.summary = false;
        self.pending_remove = None;
        let unsent = self.unsent;
        self.data_changed();
        // Whose data it is decides: the callers for the user's (import, drafts) say so.
        self.unsent = unsent;
        self.revalidate();
    }

    /// Whether leaving the page now would lose changes: they are not sent, and the draft does
    /// not outlive this tab.
    pub fn warn_on_leave(&self) -> bool {
        self.unsent && !self.read_only && self.draft_keep != DraftKeep::Computer
    }

    /// Runs every check and named rule, applying confirmations. Returns whether the findings
    /// changed (nothing on screen depends on a pass that found the same).
    pub fn revalidate(&mut self) -> bool {
        let submitted_on = self.submitted_at.as_deref().and_then(checklist_core::date::date_of_stamp);
        let mut report = self.validator.validate_submitted(&self.record, self.today, submitted_on);
        report.apply_confirmations(&self.confirmations);
        if report.findings == self.findings {
            return false;
        }
        self.findings = report.findings;
        self.reindex();
        true
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, f) in self.findings.iter().enumerate() {
            self.index.entry(f.path.clone()).or_default().push(i);
        }
    }

    fn data_changed(&mut self) {
        self.rev += 1;
        self.idempotency_key = None;
        self.submitted_at = None;
        self.outcome = None;
        self.unsent = true;
        if matches!(self.submit, SubmitState::Done { .. } | SubmitState::Failed { .. }) {
            self.submit = SubmitState::Idle;
        }
    }

    /// Findings at exactly this path.
    pub fn findings_at(&self, path: &str) -> impl Iterator<Item = &Finding> {
        self.index.get(path).into_iter().flatten().map(move |&i| &self.findings[i])
    }

    /// The message to show under the field at `path`, when its errors should show.
    pub fn visible_message(&self, path: &str) -> Option<(Severity, String)> {
        if !(self.show_all || self.touched.contains(path)) {
            return None;
        }
        self.findings_at(path)
            .filter(|f| f.severity != Severity::Info && !f.confirmed)
            .min_by_key(|f| f.severity != Severity::Error)
            .map(|f| (f.severity, f.message(self.locale)))
    }

    /// Findings that block submit, in the order of the form (section, its fields, its tables,
    /// row, column), as the error summary lists them.
    pub fn blocking(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.findings.iter().filter(|f| f.blocks_submit()).collect();
        checklist_core::sort::sort_by_key(&mut v, |f| self.form_position(&f.path));
        v
    }

    /// Where a pointer sits in the form: section, then the presence question, the section's
    /// fields and its tables in template order, then row and column. Unknown parts sort last.
    pub fn form_position(&self, path: &str) -> [usize; 4] {
        let tpl = self.validator.template();
        let t = split_pointer(path);
        let Some(si) = t.first().and_then(|id| tpl.sections.iter().position(|s| &s.id == id)) else { return [usize::MAX; 4] };
        let sec = &tpl.sections[si];
        let Some(key) = t.get(1) else { return [si, 0, 0, 0] };
        if key == PRESENCE_KEY {
            return [si, 0, 0, 0];
        }
        if let Some(fi) = sec.fields.iter().position(|f| &f.key == key) {
            return [si, 1 + fi, 0, 0];
        }
        let Some(ti) = sec.tables.iter().position(|tb| &tb.id == key) else { return [si, usize::MAX, 0, 0] };
        let row = t.get(2).and_then(|r| r.parse::<usize>().ok()).map_or(0, |r| r + 1);
        let col = t.get(3).and_then(|c| sec.tables[ti].columns.iter().position(|k| &k.key == c)).map_or(0, |c| c + 1);
        [si, 1 + sec.fields.len() + ti, row, col]
    }

    /// Whether the rules demand the field at `path` now, as an error: `required`, or a
    /// `requiredIf` that holds for its row or section.
    pub fn required_now(&self, f: &Field, path: &str) -> bool {
        if matches!(f.required, checklist_core::template::Requirement::Required(Severity::Error)) {
            return true;
        }
        let Some(c) = &f.required_if else { return false };
        if f.required_if_severity.unwrap_or(Severity::Error) != Severity::Error {
            return false;
        }
        let empty = Map::new();
        let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
        let obj = self.record.pointer(parent).and_then(Value::as_object).unwrap_or(&empty);
        checklist_core::engine::eval(c, obj, &self.record)
    }

    /// What a message is about, for lists away from the field: `房产 第3行` for a table row's
    /// cell, else the section's title.
    pub fn where_is(&self, path: &str) -> Option<String> {
        let t = split_pointer(path);
        let sec = self.validator.template().section(t.first()?)?;
        if let (Some(tb), Some(row)) = (t.get(1).and_then(|k| sec.table(k)), t.get(2).and_then(|r| r.parse::<usize>().ok())) {
            return Some(match self.locale {
                Locale::En => format!("{} row {}", tb.title.get(self.locale), row + 1),
                Locale::ZhCn => format!("{} 第{}行", tb.title.get(self.locale), row + 1),
            });
        }
        Some(sec.title.get(self.locale).to_owned())
    }

    /// Whether anything blocks submit.
    pub fn blocks_submit(&self) -> bool {
        self.findings.iter().any(Finding::blocks_submit)
    }

    /// Error and warning counts (unconfirmed warnings only).
    pub fn counts(&self) -> (usize, usize) {
        let e = self.findings.iter().filter(|f| f.severity == Severity::Error).count();
        let w = self.findings.iter().filter(|f| f.severity == Severity::Warning && !f.confirmed).count();
        (e, w)
    }

    /// The field definition behind a JSON pointer (`/section/key` or `/section/table/i/key`).
    pub fn field_at(&self, path: &str) -> Option<&Field> {
        let parts: Vec<String> = split_pointer(path);
        let section = self.validator.template().section(parts.first()?)?;
        match parts.len() {
            2 => section.field(&parts[1]),
            4 => section.table(&parts[1])?.column(&parts[3]),
            _ => None,
        }
    }

    /// The value at a JSON pointer.
    pub fn value_at(&self, path: &str) -> Option<&Value> {
        self.record.pointer(path)
    }

    /// Applies a message and returns what the web layer must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        self.quiet = false;
        let editing = matches!(
            msg,
            Msg::Set { .. }
                | Msg::Input { .. }
                | Msg::Toggle { .. }
                | Msg::AddRow(_)
                | Msg::AskRemove(_)
                | Msg::ConfirmRemove
                | Msg::Import(_)
                | Msg::Submit
                | Msg::Confirm { .. }
                | Msg::DiscardDraft
        );
        if self.read_only && editing {
            return fx;
        }
        // A passing notice (已添加第 1 行, 导出成功) does not outlive the next edit; errors and
        // questions that wait for a choice stay.
        if matches!(msg, Msg::Set { .. } | Msg::Input { .. } | Msg::Toggle { .. })
            && self.notice.as_ref().is_some_and(|n| matches!(n.kind, "info" | "ok"))
        {
            self.notice = None;
        }
        match msg {
            Msg::Input { path, raw } => {
                // Errors show while typing once a field has been left, or when it already held
                // a value; a first entry into an empty field is judged when the user leaves it.
                let quiet = !self.touched.contains(&path) && checklist_core::engine::is_empty(self.value_at(&path));
                let value = self.field_at(&path).map(|f| convert(f.kind, &raw)).unwrap_or_else(|| text_value(&raw));
                self.set(&path, value, &mut fx);
                if quiet {
                    self.touched.remove(&path);
                }
            }
            Msg::ImportTooLarge(size) => {
                let f = Finding::new(envelope::ImportCode::TooLarge, Severity::Error, "")
                    .param("size", size)
                    .param("max", self.validator.config().import_max_bytes);
                self.notice = Some(Notice {
                    kind: "error",
                    text: format!(
                        "{}{}",
                        self.t("导入失败，当前数据未改动：", "Import failed; your data is unchanged: "),
                        f.message(self.locale)
                    ),
                });
                fx.push(Effect::Emit { name: "checklist-error", detail: serde_json::json!({ "kind": "import", "findings": [f] }) });
            }
            Msg::Set { path, value } => self.set(&path, value, &mut fx),
            Msg::Toggle { path, option, on } => {
                let mut list: Vec<Value> = self.value_at(&path).and_then(Value::as_array).cloned().unwrap_or_default();
                list.retain(|v| v.as_str() != Some(option.as_str()));
                if on {
                    list.push(Value::String(option));
                }
                let value = if list.is_empty() { None } else { Some(Value::Array(list)) };
                self.set(&path, value, &mut fx);
            }
            Msg::Touch(path) => {
                // Leaving a field stores its normalised form (`１８.６０` → `18.60`, `2018.7.2` →
                // `2018-07-02`): not while typing, which would move the caret and mangle a
                // half-typed date.
                let kind = self.field_at(&path).map(|f| f.kind);
                let normalised = kind.and_then(|k| checklist_core::normalize::value(k, self.value_at(&path)?));
                if let Some(v) = normalised {
                    let from = display(self.value_at(&path));
                    let to = display(Some(&v));
                    self.set(&path, Some(v), &mut fx);
                    self.notice = Some(Notice {
                        kind: "info",
                        text: format!("{}“{from}”{}“{to}”", self.t("已将", "Changed "), self.t("规范为", " to ")),
                    });
                }
                self.touched.insert(path);
            }
            Msg::AddRow(table) => {
                if let Some(row_path) = self.add_row(&table) {
                    self.after_change(&table, &mut fx);
                    fx.push(Effect::Focus(row_path));
                }
            }
            Msg::AskRemove(row) => {
                // The 删除 button gives way to the question: focus goes into it, never to <body>.
                fx.push(Effect::Focus(format!("{row}/{REMOVE_CONFIRM}")));
                self.pending_remove = Some(row);
            }
            Msg::CancelRemove => {
                if let Some(row) = self.pending_remove.take() {
                    fx.push(Effect::Focus(format!("{row}/{REMOVE_ASK}")));
                }
            }
            Msg::ConfirmRemove => {
                if let Some(row) = self.pending_remove.take() {
                    if let Some((table, index)) = row.rsplit_once('/') {
                        let table = table.to_owned();
                        if let (Some(Value::Array(rows)), Ok(i)) = (self.record.pointer_mut(&table), index.parse::<usize>()) {
                            if i < rows.len() {
                                rows.remove(i);
                                self.shift_touched(&table, i);
                                self.after_change(&table, &mut fx);
                                self.notice = Some(Notice { kind: "info", text: self.t("已删除一行。", "Row deleted.").into() });
                                fx.push(Effect::Focus(table));
                            }
                        }
                    }
                }
            }
            Msg::Validate => {
                self.revalidate();
                self.show_all = true;
                self.summary = true;
                self.view = View::Form;
                if self.blocking().is_empty() {
                    self.notice = Some(Notice { kind: "ok", text: self.t("校验通过。", "Validation passed.").into() });
                } else {
                    fx.push(Effect::FocusSummary);
                }
            }
            Msg::KeepOnComputer(on) => {
                if self.draft_choice {
                    self.draft_keep = if on { DraftKeep::Computer } else { DraftKeep::Tab };
                    self.notice = Some(Notice {
                        kind: "info",
                        text: if on {
                            self.t(
                                "草稿将保存在这台电脑上，提交成功后自动清除。",
                                "The draft is kept on this computer until it is submitted.",
                            )
                        } else {
                            self.t(
                                "已从这台电脑上清除草稿；草稿只保留到关闭本页为止。",
                                "The draft is removed from this computer; it lasts until this page is closed.",
                            )
                        }
                        .into(),
                    });
                    fx.push(Effect::KeepDraftOnComputer(on));
                }
            }
            Msg::ShowSummary => {
                self.summary = true;
                self.view = View::Form;
                fx.push(Effect::FocusSummary);
            }
            Msg::Review => {
                self.revalidate();
                self.view = View::Review;
                fx.push(Effect::Focus(String::new()));
            }
            Msg::BackToForm => {
                self.view = View::Form;
                fx.push(Effect::Focus(String::new()));
            }
            Msg::Submit => self.submit(&mut fx),
            Msg::Confirm { code, path, on, at } => {
                self.confirmations.retain(|c| !(c.code == code && c.path == path));
                if on {
                    let rule_id = self.findings.iter().find(|f| f.code.as_str() == code && f.path == path).and_then(|f| f.rule.clone());
                    self.confirmations.push(Confirmation { code, path, rule_id, confirmed_at: at });
                }
                self.data_changed();
                self.revalidate();
                fx.push(Effect::SaveDraft);
            }
            Msg::Export { now } => {
                self.normalize_record(&mut fx);
                let env = self.envelope(now);
                let name = self.export_file_name();
                fx.push(Effect::Download { name, text: envelope::to_json(&env) });
                self.notice = Some(Notice { kind: "ok", text: self.t("导出成功。", "Exported.").into() });
            }
            Msg::PickImport => fx.push(Effect::PickFile),
            Msg::Import(text) => {
                let imported = envelope::import(&text, Some(self.validator.template()), self.validator.config());
                self.last_import = Some(ImportReport { applied: imported.is_usable(), findings: imported.findings.clone() });
                if imported.is_usable() {
                    if let Some(env) = imported.envelope {
                        self.replace_data(env.data, env.validation.confirmations);
                        self.unsent = true;
                        self.notice = Some(Notice { kind: "ok", text: self.t("导入成功。", "Imported.").into() });
                        fx.push(Effect::SaveDraft);
                        fx.push(Effect::Emit { name: "checklist-change", detail: serde_json::json!({ "path": "", "source": "import" }) });
                    }
                } else {
                    let messages: Vec<String> =
                        imported.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message(self.locale)).collect();
                    let text = format!(
                        "{}{}",
                        self.t("导入失败，当前数据未改动：", "Import failed; your data is unchanged: "),
                        messages.join(self.t("；", "; "))
                    );
                    self.notice = Some(Notice { kind: "error", text });
                    fx.push(Effect::Emit {
                        name: "checklist-error",
                        detail: serde_json::json!({ "kind": "import", "findings": imported.findings }),
                    });
                }
            }
            Msg::SetLocale(l) => self.locale = l,
            Msg::Focus(path) => {
                self.view = View::Form;
                self.touched.insert(path.clone());
                self.show_row_of(&path);
                fx.push(Effect::Focus(path));
            }
            Msg::Page { table, page } => {
                let (_, pages) = self.page_of(&table);
                self.pages.insert(table.clone(), page.min(pages.saturating_sub(1)));
                fx.push(Effect::Focus(table));
            }
            Msg::Revalidate => self.quiet = !self.revalidate(),
            Msg::Submitted { receipt } => {
                self.submit = SubmitState::Done { receipt: receipt.clone() };
                self.unsent = false;
                // The notice's receipt line names the number: the text says it once, not twice.
                self.notice = Some(Notice { kind: "ok", text: self.t("提交成功。", "Submitted.").into() });
                self.outcome = Some(Notice { kind: "ok", text: self.t("提交成功。", "Submitted.").into() });
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::ClearDraft);
                fx.push(Effect::Emit { name: "checklist-submitted", detail: serde_json::json!({ "receiptId": receipt }) });
            }
            Msg::Rejected(findings) => {
                let mut report = Report { findings };
                report.apply_confirmations(&self.confirmations);
                self.findings = report.findings;
                self.reindex();
                self.show_all = true;
                self.summary = true;
                self.view = View::Form;
                self.submit = SubmitState::Failed { reason: FailReason::Rejected };
                self.notice = Some(Notice {
                    kind: "error",
                    text: self.t("服务器校验未通过，请按提示修改。", "The server found problems; please correct them.").into(),
                });
                self.outcome =
                    Some(self.blocked_outcome(self.t("未能提交：服务器校验未通过。", "Not submitted: the server found problems.")));
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::Emit {
                    name: "checklist-invalid",
                    detail: serde_json::json!({ "source": "server", "findings": self.findings }),
                });
            }
            Msg::Failed(reason) => {
                let text = match &reason {
                    FailReason::Network => self.t("提交失败：无法连接服务器。已填内容均已保留，请稍后点击“重新提交”。", "Submit failed: the server could not be reached. Everything you entered is kept; press Retry submit later.").to_owned(),
                    FailReason::Offline => self.t("提交失败：网络已断开（当前处于离线状态）。已填内容均已保留，恢复网络后请点击“重新提交”。", "Submit failed: you are offline. Everything you entered is kept; press Retry submit once you are back online.").to_owned(),
                    FailReason::Timeout(secs) => format!(
                        "{}{secs}{}",
                        self.t("提交失败：服务器在 ", "Submit failed: the server did not answer within "),
                        self.t(" 秒内没有响应。记录可能已送达；已填内容均已保留，点击“重新提交”不会产生重复记录。", " seconds. It may have arrived; everything you entered is kept, and Retry submit will not create a second record.")
                    ),
                    FailReason::RetryAfter { status, seconds } => {
                        let wait = if *seconds >= 120 {
                            format!("{}{}", seconds.div_ceil(60), self.t(" 分钟", " minutes"))
                        } else {
                            format!("{seconds}{}", self.t(" 秒", " seconds"))
                        };
                        format!(
                            "{}{status}{}{wait}{}",
                            self.t("提交失败：服务器暂时无法处理（状态 ", "Submit failed: the server is busy or under maintenance (status "),
                            self.t("），请在 ", "). Please retry in "),
                            self.t("后点击“重新提交”。已填内容均已保留。", ". Everything you entered is kept.")
                        )
                    }
                    FailReason::Status(s) => format!(
                        "{}{s}{}",
                        self.t("提交失败（服务器状态 ", "Submit failed (server status "),
                        self.t("）。已填内容均已保留，请稍后重试。", "). Everything you entered is kept; please retry.")
                    ),
                    FailReason::Rejected => self.t("服务器校验未通过。", "The server found problems.").to_owned(),
                };
                let status = match reason {
                    FailReason::Status(s) | FailReason::RetryAfter { status: s, .. } => Some(s),
                    _ => None,
                };
                self.submit = SubmitState::Failed { reason };
                self.notice = Some(Notice { kind: "error", text: text.clone() });
                self.outcome = Some(Notice { kind: "error", text: text.clone() });
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::Emit {
                    name: "checklist-error",
                    detail: serde_json::json!({ "kind": "submit", "status": status, "message": text }),
                });
            }
            Msg::DraftRestored(stamp) => {
                self.notice = Some(Notice {
                    kind: NOTICE_RESTORED,
                    text: format!(
                        "{}{}{}",
                        self.t("已恢复上次未提交的草稿（保存于 ", "Restored your unsent draft (saved "),
                        checklist_core::locale::stamp(self.locale, &stamp),
                        self.t("）。", ").")
                    ),
                });
            }
            Msg::DiscardDraft => {
                let initial = self.initial.take().unwrap_or_else(|| Value::Object(Map::new()));
                self.replace_data(initial, Vec::new());
                self.unsent = false;
                self.notice = Some(Notice { kind: "info", text: self.t("已放弃草稿。", "Draft discarded.").into() });
                fx.push(Effect::ClearDraft);
            }
            Msg::StillSending(secs) => {
                if self.submit == SubmitState::Sending {
                    self.notice = Some(Notice {
                        kind: "info",
                        text: format!(
                            "{}{secs}{}",
                            self.t("正在提交……已等待 ", "Submitting… waiting for the server for "),
                            self.t(" 秒，请勿关闭页面。", " s; please keep this page open.")
                        ),
                    });
                }
            }
            Msg::DraftConflict(text) => {
                let Some(info) = DraftInfo::parse(&text) else { return fx };
                if info.tab == self.draft_tab || info.revision <= self.draft_rev {
                    return fx; // our own write, or one we have already seen
                }
                let when = if info.saved_at.is_empty() {
                    String::new()
                } else {
                    format!(
                        "{}{}{}",
                        self.t("（保存于 ", " (saved "),
                        checklist_core::locale::stamp(self.locale, &info.saved_at),
                        self.t("）", ")")
                    )
                };
                self.notice = Some(Notice {
                    kind: "error",
                    text: format!(
                        "{}{when}{}",
                        self.t("另一个标签页或窗口修改了同一份草稿", "Another tab or window changed the same draft"),
                        self.t(
                            "。为避免互相覆盖，本页暂停保存草稿，本页已填内容仍然保留。请选择：载入另一页的版本，或保留本页的版本（将替换另一页保存的草稿）。",
                            ". So that neither overwrites the other, this page has stopped saving its draft; what you entered here is kept. Choose: load the other page's version, or keep this page's version (it replaces the other page's draft).",
                        )
                    ),
                });
                self.draft_conflict = Some(text);
            }
            Msg::DraftUseOther => {
                if let Some(text) = self.draft_conflict.take() {
                    if self.restore_draft(&text).is_some() {
                        self.notice = Some(Notice {
                            kind: "ok",
                            text: self.t("已载入另一标签页保存的草稿。", "Loaded the draft saved by the other tab.").into(),
                        });
                        fx.push(Effect::Emit { name: "checklist-change", detail: serde_json::json!({ "path": "", "source": "draft" }) });
                    }
                }
            }
            Msg::Clerk(m) => self.clerk_update(m, &mut fx),
            Msg::DraftKeepMine => {
                if let Some(text) = self.draft_conflict.take() {
                    if let Some(info) = DraftInfo::parse(&text) {
                        self.draft_rev = self.draft_rev.max(info.revision);
                    }
                    self.notice = Some(Notice {
                        kind: "ok",
                        text: self.t("已保留本页内容，并保存为草稿。", "Kept this page's version and saved it as the draft.").into(),
                    });
                    fx.push(Effect::SaveDraft);
                }
            }
        }
        fx
    }

    fn set(&mut self, path: &str, value: Option<Value>, fx: &mut Vec<Effect>) {
        if self.record.pointer(path) == value.as_ref() {
            self.touched.insert(path.to_owned());
            return;
        }
        set_pointer(&mut self.record, path, value.clone());
        self.touched.insert(path.to_owned());
        self.after_change(path, fx);
        fx.push(Effect::Emit { name: "checklist-change", detail: serde_json::json!({ "path": path, "value": value }) });
    }

    /// Re-checks what `path` can affect, then schedules the draft save and the full pass.
    fn after_change(&mut self, path: &str, fx: &mut Vec<Effect>) {
        self.data_changed();
        let (scope, fresh) = self.validator.recheck(&self.record, path, self.today);
        let template = self.validator.template();
        self.findings.retain(|f| !scope.covers(f, template));
        let mut report = Report { findings: fresh };
        report.apply_confirmations(&self.confirmations);
        self.findings.extend(report.findings);
        self.reindex();
        fx.push(Effect::SaveDraft);
        fx.push(Effect::ScheduleRevalidate);
    }

    fn add_row(&mut self, table_ptr: &str) -> Option<String> {
        let parts = split_pointer(table_ptr);
        let (sid, tid) = (parts.first()?.clone(), parts.get(1)?.clone());
        let table = self.validator.template().section(&sid)?.table(&tid)?;
        if let Some(max) = table.max_rows {
            let len = self.record.pointer(table_ptr).and_then(Value::as_array).map_or(0, Vec::len);
            if len >= max as usize {
                self.notice =
                    Some(Notice { kind: "error", text: format!("{}{max}", self.t("最多可填写行数：", "Most rows allowed: ")) });
                return None;
            }
        }
        let mut row = Map::new();
        if table.column("id").is_some() {
            let id = self.fresh_row_id(table_ptr);
            row.insert("id".into(), Value::String(id));
        }
        if self.record.pointer(table_ptr).and_then(Value::as_array).is_none() {
            set_pointer(&mut self.record, table_ptr, Some(Value::Array(Vec::new())));
        }
        let rows = self.record.pointer_mut(table_ptr)?.as_array_mut()?;
        rows.push(Value::Object(row));
        let index = rows.len() - 1;
        if let Some(page) = index.checked_div(self.page_size) {
            self.pages.insert(table_ptr.to_owned(), page);
        }
        self.notice = Some(Notice {
            kind: "info",
            text: format!("{}{}{}", self.t("已添加第 ", "Added row "), index + 1, self.t(" 行。", ".")),
        });
        Some(format!("{table_ptr}/{index}"))
    }

    fn fresh_row_id(&mut self, table_ptr: &str) -> String {
        let used: HashSet<String> = self
            .record
            .pointer(table_ptr)
            .and_then(Value::as_array)
            .map(|rows| rows.iter().filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_owned)).collect())
            .unwrap_or_default();
        loop {
            let id = format!("r{}", self.next_row);
            self.next_row += 1;
            if !used.contains(&id) {
                return id;
            }
        }
    }

    /// After removing row `removed` of `table`, touched paths of later rows move up one.
    fn shift_touched(&mut self, table: &str, removed: usize) {
        let prefix = format!("{table}/");
        let old: Vec<String> = self.touched.iter().filter(|p| p.starts_with(&prefix)).cloned().collect();
        for p in old {
            self.touched.remove(&p);
            let rest = &p[prefix.len()..];
            let (idx, tail) = rest.split_once('/').unwrap_or((rest, ""));
            if let Ok(i) = idx.parse::<usize>() {
                if i > removed {
                    self.touched.insert(format!("{prefix}{}/{tail}", i - 1));
                } else if i < removed {
                    self.touched.insert(p);
                }
            }
        }
    }

    fn submit(&mut self, fx: &mut Vec<Effect>) {
        if self.submit == SubmitState::Sending {
            return; // a double click sends once
        }
        if matches!(self.submit, SubmitState::Done { .. }) {
            // Nothing changed since the server stored it: say so instead of posting again.
            self.notice = Some(Notice {
                kind: "ok",
                text: self.t("该记录已提交，内容未改动，无需再次提交。", "Already submitted; nothing has changed since.").into(),
            });
            self.outcome = self.notice.clone();
            fx.push(Effect::FocusOutcome);
            return;
        }
        self.normalize_record(fx);
        self.revalidate();
        self.show_all = true;
        if self.blocks_submit() {
            self.summary = true;
            self.view = View::Form;
            self.outcome = Some(self.blocked_outcome(self.t("未能提交。", "Not submitted.")));
            fx.push(Effect::FocusOutcome);
            fx.push(Effect::Emit {
                name: "checklist-invalid",
                detail: serde_json::json!({ "source": "browser", "findings": self.findings }),
            });
            return;
        }
        self.summary = false;
        let key = match &self.idempotency_key {
            Some(k) => k.clone(),
            None => {
                let k = (self.key_source)();
                self.idempotency_key = Some(k.clone());
                k
            }
        };
        // A retry posts the same body: the same submission time, kept with the key.
        let at = match &self.submitted_at {
            Some(at) => at.clone(),
            None => {
                let at = self.submission_stamp();
                self.submitted_at = Some(at.clone());
                at
            }
        };
        let env = envelope::export_with(
            self.validator.config().digest_algorithm,
            self.validator.template(),
            self.record.clone(),
            self.findings.clone(),
            self.confirmations.clone(),
            String::new(),
            envelope::Status::Draft,
        )
        .submitted(at);
        let body = envelope::to_json(&env);
        self.submit = SubmitState::Sending;
        self.notice = Some(Notice { kind: "info", text: self.t("正在提交……", "Submitting…").into() });
        self.outcome = self.notice.clone();
        fx.push(Effect::Emit { name: "checklist-submit", detail: serde_json::from_str(&body).unwrap_or(Value::Null) });
        fx.push(Effect::Post { body, key });
    }

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
        let status =
            if matches!(self.submit, SubmitState::Done { .. }) { self.t("已提交", "submitted") } else { self.t("草稿", "draft") };
        format!("{}-{}-{status}.json", tpl.checklist_kind.name(self.locale), year.unwrap_or_else(|| self.today.year().to_string()))
    }

    /// The outcome of a submit that findings stopped: `lead`, then what to do about them.
    fn blocked_outcome(&self, lead: &str) -> Notice {
        let (e, w) = self.counts();
        let text = match (self.locale, e, w) {
            (Locale::En, e, 0) => format!("{lead} {e} problem(s) to correct; see the list of problems."),
            (Locale::En, 0, w) => format!("{lead} {w} warning(s) to check and confirm; see the list of problems."),
            (Locale::En, e, w) => format!("{lead} {e} problem(s) to correct and {w} warning(s) to confirm; see the list of problems."),
            (_, e, 0) => format!("{lead}有{e}项需要修改，请按问题清单逐项处理。"),
            (_, 0, w) => format!("{lead}有{w}项提示需要核实确认，请按问题清单逐项处理。"),
            (_, e, w) => format!("{lead}有{e}项需要修改、{w}项提示需要核实确认，请按问题清单逐项处理。"),
        };
        Notice { kind: "error", text }
    }

    /// The current page of a table and how many pages it has (at least 1).
    pub fn page_of(&self, table: &str) -> (usize, usize) {
        let len = self.record.pointer(table).and_then(Value::as_array).map_or(0, Vec::len);
        if self.page_size == 0 {
            return (0, 1);
        }
        let pages = len.div_ceil(self.page_size).max(1);
        (self.pages.get(table).copied().unwrap_or(0).min(pages - 1), pages)
    }

    /// The row range shown for a table.
    pub fn visible_rows(&self, table: &str) -> std::ops::Range<usize> {
        let len = self.record.pointer(table).and_then(Value::as_array).map_or(0, Vec::len);
        if self.page_size == 0 {
            return 0..len;
        }
        let (page, _) = self.page_of(table);
        let start = page * self.page_size;
        start..(start + self.page_size).min(len)
    }

    /// Turns the page of the table holding `path` (a cell or row pointer) to that row.
    fn show_row_of(&mut self, path: &str) {
        let tokens = split_pointer(path);
        if self.page_size == 0 || tokens.len() < 3 {
            return;
        }
        let Some(section) = self.validator.template().section(&tokens[0]) else { return };
        if section.table(&tokens[1]).is_none() {
            return;
        }
        if let Ok(i) = tokens[2].parse::<usize>() {
            let table = path.split('/').take(3).collect::<Vec<_>>().join("/");
            self.pages.insert(table, i / self.page_size);
        }
    }

    /// The status of a section for the task list.
    pub fn section_status(&self, section: &Section) -> SectionStatus {
        let prefix = format!("/{}", section.id);
        let obj = self.record.get(&section.id).and_then(Value::as_object);
        let started = obj.is_some_and(|o| o.values().any(|v| !checklist_core::engine::is_empty(Some(v))));
        let in_section = |f: &&Finding| f.path == prefix || f.path.starts_with(&format!("{prefix}/"));
        let errors: Vec<&Finding> = self.findings.iter().filter(in_section).filter(|f| f.blocks_submit()).collect();
        if errors.is_empty() {
            // Nothing is missing or wrong; a section nobody has touched is 已完成 only once the
            // whole record has been checked (an optional item left empty then counts as done).
            if !started && !self.show_all {
                SectionStatus::NotStarted
            } else {
                SectionStatus::Done
            }
        } else if !started {
            if self.show_all {
                SectionStatus::Problem
            } else {
                SectionStatus::NotStarted
            }
        } else if self.show_all || errors.iter().any(|f| self.touched.contains(&f.path)) {
            SectionStatus::Problem
        } else {
            SectionStatus::InProgress
        }
    }

    /// Whether a section's `when` holds.
    pub fn section_applies(&self, section: &Section) -> bool {
        let empty = Map::new();
        let obj = self.record.get(&section.id).and_then(Value::as_object).unwrap_or(&empty);
        section.when.as_ref().is_none_or(|c| checklist_core::engine::eval(c, obj, &self.record))
    }

    /// Whether a presence section is answered 有 (tables shown).
    pub fn has_presence(&self, section: &Section) -> bool {
        self.record.get(&section.id).and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) == Some(PRESENCE_HAS)
    }

    /// The envelope JSON of the current data (host `exportJson`).
    pub fn export_json(&self, now: String) -> String {
        envelope::to_json(&self.envelope(now))
    }

    /// The envelope of the current data exported at `now`: 已提交 with its `submittedAt` once
    /// the server stored this very data, else 草稿.
    /// The data is normalised (SPEC §2.2) even when the host exports without a user action.
    fn envelope(&self, now: String) -> envelope::Envelope {
        let mut data = self.record.clone();
        checklist_core::normalize::record(self.validator.template(), &mut data);
        let env = envelope::export_with(
            self.validator.config().digest_algorithm,
            self.validator.template(),
            data,
            self.findings.clone(),
            self.confirmations.clone(),
            now,
            envelope::Status::Draft,
        );
        match (&self.submit, &self.submitted_at) {
            (SubmitState::Done { .. }, Some(at)) => env.submitted(at.clone()),
            _ => env,
        }
    }

    /// `submittedAt` for a submit now: the clock's time of day on the store's "today", so that
    /// the stamp agrees with the date every rule was checked against (a host that fixes `today`
    /// fixes the submission date with it).
    fn submission_stamp(&self) -> String {
        let clock = (self.clock)();
        let time = clock.get(10..).filter(|t| t.len() == 15 && t.starts_with('T') && t.ends_with("+08:00")).unwrap_or("T00:00:00+08:00");
        format!("{}{time}", self.today)
    }

    /// Stores the normalised form of every field (SPEC §2.2) before the record leaves the
    /// widget (export, submit, print); each change is announced like an edit.
    pub(crate) fn normalize_record(&mut self, fx: &mut Vec<Effect>) {
        let changes = checklist_core::normalize::record(self.validator.template(), &mut self.record);
        if changes.is_empty() {
            return;
        }
        self.data_changed();
        self.revalidate();
        fx.push(Effect::SaveDraft);
        for c in changes {
            fx.push(Effect::Emit {
                name: "checklist-change",
                detail: serde_json::json!({ "path": c.path, "value": c.to, "source": "normalize" }),
            });
        }
    }

    /// A draft: the data, confirmations and when it was saved, with the revision it will have
    /// (one above the newest this tab has seen) and this tab's id. Call [`Store::draft_written`]
    /// once it is stored.
    pub fn draft_json(&self, saved_at: &str) -> String {
        serde_json::json!({
            "format": "accountability-checklist/draft",
            "template": { "id": self.validator.template().id, "version": self.validator.template().version },
            "savedAt": saved_at,
            "revision": self.draft_rev + 1,
            "tab": self.draft_tab,
            "data": self.record,
            "confirmations": self.confirmations,
            "clerk": self.clerk_draft(),
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
        let confirmations: Vec<Confirmation> =
            serde_json::from_value(v.get("confirmations").cloned().unwrap_or(Value::Array(vec![]))).ok()?;
        let stamp = v.get("savedAt").and_then(Value::as_str).unwrap_or("").to_owned();
        let before = std::mem::take(&mut self.record);
        self.replace_data(data, confirmations);
        self.unsent = true;
        if self.initial.is_none() {
            self.initial = Some(before);
        }
        self.restore_clerk_draft(v.get("clerk").unwrap_or(&Value::Null));
        self.draft_rev = self.draft_rev.max(v.get("revision").and_then(Value::as_u64).unwrap_or(0));
        Some(stamp)
    }

    /// The draft this tab wrote with [`Store::draft_json`] is stored.
    pub fn draft_written(&mut self) {
        self.draft_rev += 1;
    }

    /// Whether this tab may write its draft over `stored` (what the storage holds now): not
    /// while a conflict waits for the user, nor over another tab's draft newer than any this
    /// tab has seen. A stored text that is not a draft (or nothing) may be replaced.
    pub fn may_write_draft(&self, stored: Option<&str>) -> bool {
        if self.draft_conflict.is_some() {
            return false;
        }
        match stored.and_then(DraftInfo::parse) {
            Some(info) => info.tab == self.draft_tab || info.revision <= self.draft_rev,
            None => true,
        }
    }

    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        match self.locale {
            Locale::ZhCn => zh,
            Locale::En => en,
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

/// A section's place in the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    /// 未开始.
    NotStarted,
    /// 进行中.
    InProgress,
    /// 已完成.
    Done,
    /// 有问题.
    Problem,
}

impl SectionStatus {
    /// Label and CSS/data name.
    pub fn label(self, locale: Locale) -> (&'static str, &'static str) {
        let zh = locale == Locale::ZhCn;
        match self {
            SectionStatus::NotStarted => (if zh { "未开始" } else { "Not started" }, "todo"),
            SectionStatus::InProgress => (if zh { "进行中" } else { "In progress" }, "progress"),
            SectionStatus::Done => (if zh { "已完成" } else { "Complete" }, "done"),
            SectionStatus::Problem => (if zh { "有问题" } else { "Has problems" }, "problem"),
        }
    }
}

fn counter_keys() -> impl Fn() -> String {
    let n = std::cell::Cell::new(0u64);
    move || {
        n.set(n.get() + 1);
        format!("key-{}", n.get())
    }
}

/// Converts what an input holds into the JSON the record stores for a field of `kind`:
/// whole numbers for years and integers (so that exports match hand-written data), booleans
/// for `true`/`false`, arrays for country lists, text otherwise; empty input clears.
pub fn convert(kind: FieldType, raw: &str) -> Option<Value> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    match kind {
        FieldType::Year | FieldType::Integer if t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) => {
            t.parse::<u64>().ok().map(Value::from).or_else(|| text_value(raw))
        }
        FieldType::Boolean => match t {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => text_value(raw),
        },
        FieldType::Countries => Some(Value::Array(
            t.split(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        )),
        _ => text_value(raw),
    }
}

fn text_value(raw: &str) -> Option<Value> {
    if raw.trim().is_empty() {
        None
    } else {
        Some(Value::String(raw.to_owned()))
    }
}

/// How a stored value shows in an input.
pub fn display(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) => a.iter().map(|x| display(Some(x))).collect::<Vec<_>>().join(", "),
        Some(o) => o.to_string(),
    }
}

/// The tokens of a JSON pointer, unescaped.
pub fn split_pointer(path: &str) -> Vec<String> {
    path.strip_prefix('/').unwrap_or(path).split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect()
}

/// Sets (or with `None` removes) the value at `path`, creating objects on the way. Array
/// tokens must name an existing element (or the next one). Never panics; an impossible path
/// changes nothing.
pub fn set_pointer(root: &mut Value, path: &str, value: Option<Value>) {
    let tokens = split_pointer(path);
    let Some((last, parents)) = tokens.split_last() else {
        return;
    };
    let mut cur = root;
    for t in parents {
        cur = match cur {
            // A missing row is never invented: only named objects are created on the way.
            Value::Object(m) if !m.contains_key(t) && t.parse::<usize>().is_ok() => return,
            Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match t.parse::<usize>() {
                Ok(i) if i < a.len() => &mut a[i],
                _ => return,
            },
            _ => return,
        };
        if cur.is_null() {
            *cur = Value::Object(Map::new());
        }
    }
    match cur {
        Value::Object(m) => match value {
            Some(v) => {
                m.insert(last.clone(), v);
            }
            None => {
                m.remove(last);
            }
        },
        Value::Array(a) => {
            if let (Ok(i), Some(v)) = (last.parse::<usize>(), value) {
                if i < a.len() {
                    a[i] = v;
                } else if i == a.len() {
                    a.push(v);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use checklist_core::config::Config;
    use checklist_core::template::builtin;

    fn store(kind: &str) -> Store {
        let v = Validator::new(builtin(kind).expect("builtin").expect("loads"), Config::default()).expect("validator");
        Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, false)
    }

    #[test]
    fn a_whole_record_pass_that_finds_nothing_new_asks_for_no_render() {
        let mut s = store("geren");
        s.update(Msg::Revalidate);
        assert!(s.quiet, "same findings as at mount");
        s.findings.pop();
        s.update(Msg::Revalidate);
        assert!(!s.quiet, "a changed finding is shown");
        s.update(Msg::Touch("/header/name".into()));
        assert!(!s.quiet, "every other message renders");
    }

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
    fn discarding_a_restored_draft_returns_to_the_host_data() {
        let v = Validator::new(builtin("geren").expect("builtin").expect("loads"), Config::default()).expect("validator");
        let host = serde_json::json!({ "header": { "name": "张三" } });
        let mut s = Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), Some(host.clone()), false);
        let mut other = store("geren");
        other.update(Msg::Input { path: "/header/name".into(), raw: "李四".into() });
        assert!(s.restore_draft(&other.draft_json("2026-01-15 10:00")).is_some());
        assert_eq!(s.record["header"]["name"], "李四");
        s.update(Msg::DiscardDraft);
        assert_eq!(s.record, host);
    }

    #[test]
    fn pointer_set_creates_objects_and_ignores_impossible_paths() {
        let mut v = serde_json::json!({});
        set_pointer(&mut v, "/header/name", Some("张三".into()));
        assert_eq!(v, serde_json::json!({ "header": { "name": "张三" } }));
        set_pointer(&mut v, "/header/name/deeper", Some(1.into()));
        assert_eq!(v, serde_json::json!({ "header": { "name": "张三" } }));
        set_pointer(&mut v, "/C11/rows/3/x", Some(1.into()));
        assert_eq!(v["C11"], serde_json::json!({ "rows": {} }), "no row 3 is invented");
        set_pointer(&mut v, "/header/name", None);
        assert_eq!(v["header"], serde_json::json!({}));
    }

    #[test]
    fn typing_shows_errors_only_once_touched_and_keeps_data() {
        let mut s = store("geren");
        assert!(s.visible_message("/header/idNumber").is_none(), "untouched fields stay quiet");
        let fx = s.update(Msg::Input { path: "/header/idNumber".into(), raw: "110105197506150037".into() });
        assert!(fx.contains(&Effect::SaveDraft));
        assert!(s.visible_message("/header/idNumber").is_none(), "a first entry is judged on leaving the field");
        s.update(Msg::Touch("/header/idNumber".into()));
        let (sev, msg) = s.visible_message("/header/idNumber").expect("error shows once typed");
        assert_eq!(sev, Severity::Error);
        assert!(msg.contains("校验"), "{msg}");
        s.update(Msg::Input { path: "/header/idNumber".into(), raw: "110105197506150036".into() });
        assert!(s.visible_message("/header/idNumber").is_none());
        assert_eq!(s.record.pointer("/header/idNumber"), Some(&Value::from("110105197506150036")));
    }

    #[test]
    fn submit_with_errors_sends_nothing_and_says_so_where_the_user_is() {
        let mut s = store("geren");
        let fx = s.update(Msg::Submit);
        assert!(fx.contains(&Effect::FocusOutcome), "focus moves to the outcome next to 提交");
        let outcome = s.outcome.clone().expect("an outcome next to the action bar");
        assert_eq!(outcome.kind, "error");
        assert!(outcome.text.starts_with("未能提交。有") && outcome.text.contains("项需要修改"), "{}", outcome.text);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Post { .. })));
        assert!(s.summary && s.show_all);
    }

    #[test]
    fn leaving_asks_first_only_while_unsent_changes_live_in_this_tab_alone() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.draft_keep = DraftKeep::Tab;
        s.draft_choice = true;
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
        s.draft_choice = false;
        assert!(s.update(Msg::KeepOnComputer(true)).is_empty(), "no choice when the host decided where drafts live");
    }

    #[test]
    fn the_delete_question_takes_focus_and_gives_it_back() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/C11/rows".into()));
        let fx = s.update(Msg::AskRemove("/C11/rows/0".into()));
        assert_eq!(fx, [Effect::Focus(format!("/C11/rows/0/{REMOVE_CONFIRM}"))]);
        let fx = s.update(Msg::CancelRemove);
        assert_eq!(fx, [Effect::Focus(format!("/C11/rows/0/{REMOVE_ASK}"))], "back to the row's 删除");
        s.update(Msg::AskRemove("/C11/rows/0".into()));
        let fx = s.update(Msg::ConfirmRemove);
        assert!(fx.contains(&Effect::Focus("/C11/rows".into())), "to the table's heading: {fx:?}");
    }

    #[test]
    fn the_summary_follows_the_form_and_names_table_rows() {
        let mut s = store("geren");
        s.update(Msg::Set { path: "/C11/presence".into(), value: Some(Value::from("有")) });
        s.update(Msg::AddRow("/C11/rows".into()));
        s.update(Msg::AddRow("/C11/rows".into()));
        s.update(Msg::Validate);
        let paths: Vec<[usize; 4]> = s.blocking().iter().map(|f| s.form_position(&f.path)).collect();
        assert!(paths.windows(2).all(|w| w[0] <= w[1]), "form order: {paths:?}");
        let row = s.blocking().iter().find(|f| f.path.starts_with("/C11/rows/1/")).map(|f| f.path.clone()).expect("a row error");
        assert_eq!(s.where_is(&row).as_deref(), Some("房产 第2行"));
        assert_eq!(s.where_is("/header/name").as_deref(), Some("基本信息"));
    }

    #[test]
    fn passing_notices_go_with_the_next_edit_and_untouched_sections_are_not_done() {
        let mut s = store("geren");
        let c15 = s.validator.template().section("C15").expect("C15").clone();
        assert_eq!(s.section_status(&c15), SectionStatus::NotStarted, "nothing typed: not 已完成");
        s.update(Msg::AddRow("/C11/rows".into()));
        assert!(s.notice.is_some());
        s.update(Msg::Input { path: "/header/name".into(), raw: "张".into() });
        assert!(s.notice.is_none(), "已添加第 1 行 is stale once the user types on");
        s.update(Msg::Validate);
        assert_eq!(s.section_status(&c15), SectionStatus::Done, "checked, nothing missing");
    }

    #[test]
    fn the_required_mark_follows_required_if() {
        let mut s = store("geren");
        let f = s.field_at("/header/changedItems").expect("field").clone();
        assert!(!s.required_now(&f, "/header/changedItems"), "an annual report names no changed items");
        s.update(Msg::Set { path: "/header/reportType".into(), value: Some(Value::from("事后报告")) });
        assert!(s.required_now(&f, "/header/changedItems"), "a change report must name them: the mark shows");
    }

    #[test]
    fn the_export_file_is_named_for_what_it_holds() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
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
    fn every_submit_ends_with_an_outcome_next_to_the_button_and_focus_on_it() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture, vec![]);
        s.update(Msg::Submit);
        assert_eq!(s.outcome.as_ref().map(|o| o.kind), Some("info"), "sending");
        let fx = s.update(Msg::Failed(FailReason::Timeout(30)));
        assert!(fx.contains(&Effect::FocusOutcome));
        assert!(s.outcome.as_ref().is_some_and(|o| o.kind == "error" && o.text.contains("重新提交")), "{:?}", s.outcome);
        s.update(Msg::Submit);
        let fx = s.update(Msg::Submitted { receipt: "R-1".into() });
        assert!(fx.contains(&Effect::FocusOutcome));
        assert_eq!(s.outcome.as_ref().map(|o| o.kind), Some("ok"));
        let notice = s.notice.clone().expect("notice").text;
        assert!(!notice.contains("R-1"), "the notice's receipt line names the number; its text does not repeat it: {notice}");
        let fx = s.update(Msg::Submit);
        assert!(
            fx.contains(&Effect::FocusOutcome) && !fx.iter().any(|e| matches!(e, Effect::Post { .. })),
            "already submitted: said, not sent"
        );
        s.update(Msg::Set { path: "/header/position".into(), value: Some(Value::from("处长")) });
        assert!(s.outcome.is_none(), "a change of data clears the outcome");
    }

    #[test]
    fn retries_reuse_the_key_until_the_data_changes() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture, vec![]);
        let key_of = |fx: &[Effect]| fx.iter().find_map(|e| if let Effect::Post { key, .. } = e { Some(key.clone()) } else { None });
        let first = key_of(&s.update(Msg::Submit)).expect("valid data posts");
        assert!(s.update(Msg::Submit).is_empty(), "a second click while sending sends nothing");
        s.update(Msg::Failed(FailReason::Network));
        assert!(matches!(s.submit, SubmitState::Failed { .. }));
        let again = key_of(&s.update(Msg::Submit)).expect("retry posts");
        assert_eq!(first, again, "a retry is the same submission");
        s.update(Msg::Failed(FailReason::Status(503)));
        s.update(Msg::Input { path: "/header/position".into(), raw: "局长".into() });
        let changed = key_of(&s.update(Msg::Submit)).expect("posts");
        assert_ne!(first, changed, "changed data is a new submission");
        s.update(Msg::Submitted { receipt: "r1".into() });
        assert!(key_of(&s.update(Msg::Submit)).is_none(), "unchanged data is not posted again after success");
        s.update(Msg::Input { path: "/header/position".into(), raw: "副局长".into() });
        assert!(key_of(&s.update(Msg::Submit)).is_some(), "a correction after success is a new submission");
    }

    #[test]
    fn bad_import_leaves_data_untouched() {
        let mut s = store("geren");
        s.update(Msg::Input { path: "/header/name".into(), raw: "张三".into() });
        let before = s.record.clone();
        let fx = s.update(Msg::Import("{ not json".into()));
        assert_eq!(s.record, before);
        assert!(fx.iter().any(|e| matches!(e, Effect::Emit { name: "checklist-error", .. })));
        assert_eq!(s.notice.as_ref().map(|n| n.kind), Some("error"));
    }

    #[test]
    fn export_then_import_round_trips() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut a = store("geren");
        a.replace_data(fixture.clone(), vec![]);
        let text = a.export_json("2026-01-15T10:00:00+08:00".into());
        let mut b = store("geren");
        b.update(Msg::Import(text));
        assert_eq!(b.record, fixture);
    }

    #[test]
    fn rows_get_fresh_ids_and_removal_asks_first() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/family/members".into()));
        s.update(Msg::AddRow("/family/members".into()));
        let ids: Vec<&str> =
            s.record.pointer("/family/members").and_then(Value::as_array).expect("rows").iter().filter_map(|r| r["id"].as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        s.update(Msg::AskRemove("/family/members/0".into()));
        assert_eq!(
            s.record.pointer("/family/members").and_then(Value::as_array).map(Vec::len),
            Some(2),
            "nothing removed before confirming"
        );
        s.update(Msg::ConfirmRemove);
        assert_eq!(s.record.pointer("/family/members").and_then(Value::as_array).map(Vec::len), Some(1));
    }

    #[test]
    fn long_tables_page_and_every_row_stays_reachable() {
        let mut s = store("geren");
        s.page_size = 10;
        s.update(Msg::Set { path: "/C11/presence".into(), value: Some("有".into()) });
        for _ in 0..25 {
            s.update(Msg::AddRow("/C11/rows".into()));
        }
        assert_eq!(s.page_of("/C11/rows"), (2, 3), "adding a row shows its page");
        assert_eq!(s.visible_rows("/C11/rows"), 20..25);
        s.update(Msg::Page { table: "/C11/rows".into(), page: 0 });
        assert_eq!(s.visible_rows("/C11/rows"), 0..10);
        s.update(Msg::Page { table: "/C11/rows".into(), page: 99 });
        assert_eq!(s.page_of("/C11/rows").0, 2, "clamped to the last page");
        s.update(Msg::Focus("/C11/rows/13/areaM2".into()));
        assert_eq!(s.visible_rows("/C11/rows"), 10..20, "a summary link turns to its row's page");
        s.page_size = 0;
        assert_eq!(s.visible_rows("/C11/rows"), 0..25, "no paging shows every row");
    }

    #[test]
    fn conversions_follow_the_field_type() {
        assert_eq!(convert(FieldType::Year, " 2025 "), Some(Value::from(2025u64)));
        assert_eq!(convert(FieldType::Year, "二〇二五"), Some(Value::from("二〇二五")));
        assert_eq!(convert(FieldType::Boolean, "true"), Some(Value::Bool(true)));
        assert_eq!(convert(FieldType::Countries, "US，JP 、DE"), Some(serde_json::json!(["US", "JP", "DE"])));
        assert_eq!(convert(FieldType::Text, "  "), None);
    }

    #[test]
    fn read_only_ignores_edits() {
        let v = Validator::new(builtin("geren").expect("builtin").expect("loads"), Config::default()).expect("validator");
        let mut s = Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, true);
        assert!(s.update(Msg::Input { path: "/header/name".into(), raw: "x".into() }).is_empty());
        assert_eq!(s.record, serde_json::json!({}));
    }

    #[test]
    fn a_newer_draft_of_another_tab_is_a_conflict_never_overwritten() {
        let mut a = store("tanhua");
        a.draft_tab = "A".into();
        let mut b = store("tanhua");
        b.draft_tab = "B".into();
        a.update(Msg::Input { path: "/header/unitName".into(), raw: "甲".into() });
        let from_a = a.draft_json("t1");
        assert!(b.may_write_draft(None), "nothing stored yet");
        assert!(a.may_write_draft(Some(&from_a)), "a tab may replace its own draft");
        a.draft_written();
        assert!(!b.may_write_draft(Some(&from_a)), "B has not seen A's revision 1");
        b.update(Msg::Input { path: "/header/unitName".into(), raw: "乙".into() });
        b.update(Msg::DraftConflict(from_a.clone()));
        assert!(b.draft_conflict.is_some());
        assert!(b.notice.as_ref().is_some_and(|n| n.text.contains("另一个标签页")), "explained: {:?}", b.notice);
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
        assert!(a.draft_conflict.is_none());
        // An echo of a tab's own or already-seen draft is no conflict.
        let own = a.draft_json("t3");
        a.update(Msg::DraftConflict(own));
        assert!(a.draft_conflict.is_none());
    }

    #[test]
    fn failures_say_what_happened_and_keep_the_data() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture.clone(), vec![]);
        for (reason, needle) in [
            (FailReason::Timeout(30), "30 秒内没有响应"),
            (FailReason::Offline, "离线"),
            (FailReason::RetryAfter { status: 503, seconds: 90 }, "请在 90 秒后"),
            (FailReason::RetryAfter { status: 503, seconds: 600 }, "10 分钟"),
            (FailReason::Status(500), "500"),
        ] {
            s.update(Msg::Submit);
            s.update(Msg::StillSending(5));
            assert!(s.notice.as_ref().is_some_and(|n| n.text.contains("已等待 5 秒")));
            let fx = s.update(Msg::Failed(reason.clone()));
            let text = &s.notice.as_ref().expect("notice").text;
            assert!(text.contains(needle) && text.contains("保留"), "{reason:?}: {text}");
            assert!(fx.iter().any(|e| matches!(e, Effect::Emit { name: "checklist-error", .. })));
            assert_eq!(s.record, fixture);
            s.update(Msg::StillSending(9));
            assert!(!s.notice.as_ref().is_some_and(|n| n.text.contains("已等待 9")), "no progress once failed");
        }
        s.locale = Locale::En;
        s.update(Msg::Submit);
        s.update(Msg::Failed(FailReason::RetryAfter { status: 503, seconds: 30 }));
        assert!(s.notice.as_ref().is_some_and(|n| n.text.contains("retry in 30 seconds")), "{:?}", s.notice);
    }

    #[test]
    fn leaving_a_field_stores_its_normalised_form_and_says_so() {
        let mut s = store("geren");
        // (field, typed, stored)
        let cases: &[(&str, &str, Value)] = &[
            ("/header/idNumber", "１１０１０５１９４９１２３１００２ｘ", Value::from("11010519491231002X")),
            ("/header/eventDate", "2025年8月2日", Value::from("2025-08-02")),
            ("/header/year", "２０２５", Value::from(2025u64)),
        ];
        for (path, typed, stored) in cases {
            s.update(Msg::Input { path: (*path).into(), raw: (*typed).into() });
            assert_eq!(s.record.pointer(path), Some(&Value::from(*typed)), "kept as typed while typing");
            let fx = s.update(Msg::Touch((*path).into()));
            assert_eq!(s.record.pointer(path), Some(stored), "{path}");
            assert!(fx.iter().any(|e| matches!(e, Effect::Emit { name: "checklist-change", .. })));
            let notice = s.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
            assert!(notice.contains(typed) && notice.contains(&display(Some(stored))), "{notice}");
        }
        // Already in stored form: nothing changes, nothing is announced.
        s.notice = None;
        assert!(s.update(Msg::Touch("/header/year".into())).is_empty());
        assert!(s.notice.is_none());
    }

    #[test]
    fn what_leaves_the_widget_is_normalised_and_a_submitted_export_says_so() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut typed = fixture.clone();
        typed["header"]["idNumber"] = Value::from(to_full_width(fixture["header"]["idNumber"].as_str().expect("id")).to_lowercase());
        typed["C09"]["salaryWan"] = Value::from(to_full_width(fixture["C09"]["salaryWan"].as_str().expect("salary")));
        let mut s = store("geren");
        s.clock = Rc::new(|| "2026-11-30T10:20:30+08:00".to_owned());
        s.replace_data(typed, vec![]);
        let draft: Value = serde_json::from_str(&s.export_json("2026-01-15T09:00:00+08:00".into())).expect("json");
        assert_eq!(draft["data"], fixture, "the export holds the normalised values");
        assert_eq!((draft["status"].as_str(), draft.get("submittedAt")), (Some("草稿"), None));
        let fx = s.update(Msg::Submit);
        let body = fx.iter().find_map(|e| if let Effect::Post { body, .. } = e { Some(body.clone()) } else { None }).expect("posts");
        let posted: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(posted["data"], fixture, "the post holds the normalised values");
        // The stamp's date is the store's today (the host's), its time the clock's.
        assert_eq!((posted["status"].as_str(), posted["submittedAt"].as_str()), (Some("已提交"), Some("2026-01-15T10:20:30+08:00")));
        s.update(Msg::Submitted { receipt: "r1".into() });
        let after: Value = serde_json::from_str(&s.export_json("2026-03-01T09:00:00+08:00".into())).expect("json");
        assert_eq!((after["status"].as_str(), after["submittedAt"].as_str()), (Some("已提交"), Some("2026-01-15T10:20:30+08:00")));
        // A correction after success is a draft again.
        s.update(Msg::Input { path: "/header/position".into(), raw: "副局长".into() });
        let edited: Value = serde_json::from_str(&s.export_json("2026-03-01T09:00:00+08:00".into())).expect("json");
        assert_eq!((edited["status"].as_str(), edited.get("submittedAt")), (Some("草稿"), None));
    }

    fn to_full_width(s: &str) -> String {
        s.chars().map(|c| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect()
    }
}
