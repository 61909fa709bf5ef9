//! What the view, the handle and the tests read of the store: its fields are private, these are
//! the questions that may be asked. Nothing here changes the state.

use std::rc::Rc;

use serde_json::Value;

use super::country::Typing;
use super::msg::FailReason;
use super::notice::Notice;
use super::state::{DraftKeep, ImportReport, ReviewInfo, RowVersions, Setup, Store, SubmitState, View};
use crate::ui::text::notice;
use checklist_core::date::Date;
use checklist_core::engine::Validator;
use checklist_core::finding::Finding;
use checklist_core::locale::Locale;

impl Store {
    /// Sets up what the web layer decides at mount (before the view exists, so nothing is
    /// rendered or emitted): the clock, the key source, the tab's id, paging, review mode and
    /// where drafts are kept.
    pub fn configure(&mut self, setup: Setup) {
        self.submission.clock = setup.clock;
        self.submission.key_source = setup.key_source;
        self.drafts.tab = setup.draft_tab;
        if let Some(n) = setup.page_size {
            self.nav.page_size = n;
        }
        self.review.mode = setup.review;
        self.review.builtins = setup.builtins;
        self.drafts.keep = setup.draft_keep;
        self.drafts.choice = setup.draft_choice;
    }

    /// The template and config, compiled.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// Display language.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The day deadlines and "not in the future" refer to.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Read-only: nothing can be typed, added or submitted.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The record's data.
    pub fn record(&self) -> &Value {
        &self.record
    }

    /// Current findings (confirmations applied).
    pub fn findings(&self) -> &[Finding] {
        &self.validation.findings
    }

    /// Whether every error shows (after 校验 or 提交).
    pub fn show_all(&self) -> bool {
        self.validation.show_all
    }

    /// Whether the error summary is shown.
    pub fn summary_shown(&self) -> bool {
        self.validation.summary
    }

    /// Whether the user has typed in or left the field at `path`.
    pub fn touched(&self, path: &str) -> bool {
        self.editing.touched.contains(path)
    }

    /// The country field being typed in, with its text and list.
    pub fn typing(&self) -> Option<&Typing> {
        self.editing.typing.as_ref()
    }

    /// The versions of the rows of the table at `table` (its JSON pointer): each changes when
    /// its row's data may have changed.
    pub fn row_versions(&self, table: &str) -> RowVersions<'_> {
        RowVersions { all: self.editing.rows_rev, rows: self.editing.row_revs.get(table).map_or(&[], Vec::as_slice) }
    }

    /// The rows of the table at `table` that focus has entered: in a long list, the
    /// others' selects show only their chosen option (the view's `RowView`).
    pub fn rows_used(&self, table: &str) -> &[usize] {
        self.editing.used_rows.get(table).map_or(&[], Vec::as_slice)
    }

    /// The row waiting for its delete question.
    pub fn pending_remove(&self) -> Option<&str> {
        self.editing.pending_remove.as_deref()
    }

    /// The last status message.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// What the last status message says, in the current locale.
    pub fn notice_text(&self) -> Option<String> {
        self.notice.as_ref().map(|n| notice(self.locale, n))
    }

    /// What the outcome next to the action bar says, in the current locale.
    pub fn outcome_text(&self) -> Option<String> {
        self.submission.outcome.as_ref().map(|n| notice(self.locale, n))
    }

    /// What the last 提交 came to, shown next to the action bar.
    pub fn outcome(&self) -> Option<&Notice> {
        self.submission.outcome.as_ref()
    }

    /// Where the submission stands.
    pub fn submit_state(&self) -> &SubmitState {
        &self.submission.state
    }

    /// Why the last POST failed, if it did.
    pub fn fail_reason(&self) -> Option<&FailReason> {
        match &self.submission.state {
            SubmitState::Failed { reason } => Some(reason),
            _ => None,
        }
    }

    /// The current screen.
    pub fn view(&self) -> View {
        self.nav.view
    }

    /// Whether the print view is shown.
    pub fn printing(&self) -> bool {
        self.print.printing
    }

    /// Where the draft is kept.
    pub fn draft_keep(&self) -> DraftKeep {
        self.drafts.keep
    }

    /// Whether the user may move the draft to this computer.
    pub fn draft_choice(&self) -> bool {
        self.drafts.choice
    }

    /// Whether 放弃草稿 was pressed and the question (放弃 / 取消) is shown.
    pub fn asking_discard(&self) -> bool {
        self.drafts.asking_discard
    }

    /// Whether another tab's newer draft waits for the user's choice.
    pub fn draft_conflict(&self) -> bool {
        self.drafts.conflict.is_some()
    }

    /// What the last import found.
    pub fn last_import(&self) -> Option<&ImportReport> {
        self.transfer.last_import.as_ref()
    }

    /// Last year's data, when loaded.
    pub fn base(&self) -> Option<&Rc<Value>> {
        self.last_year.base.as_ref()
    }

    /// The loaded 谈话 record's data.
    pub fn talks(&self) -> Option<&Rc<Value>> {
        self.last_year.talks.as_ref()
    }

    /// Review mode.
    pub fn review_mode(&self) -> bool {
        self.review.mode
    }

    /// The record under review.
    pub fn review_info(&self) -> Option<&ReviewInfo> {
        self.review.info.as_ref()
    }

    /// Whether the last update changed nothing the view shows.
    pub fn quiet(&self) -> bool {
        self.quiet
    }
}
