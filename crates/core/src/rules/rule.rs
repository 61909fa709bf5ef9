//! What a named rule is and what it sees. A leaf the rule modules share.

use serde_json::Value;

use crate::config::Config;
use crate::date::Date;
use crate::finding::{Finding, Severity};
use crate::template::{ChecklistKind, Template};

/// A rule implemented in Rust.
pub struct NamedRule {
    /// SPEC id, e.g. `C-R04`.
    pub id: &'static str,
    /// The checklist it belongs to.
    pub kind: ChecklistKind,
    /// SPEC's severity for the rule (individual findings may be milder, e.g. E/W rules).
    pub severity: Severity,
    /// One line on what it checks, for the command-line tool's `rules` list; empty in WebAssembly
    /// ([`summary`]).
    pub summary: &'static str,
    /// The check.
    pub run: fn(&RuleCtx<'_>, &mut Vec<Finding>),
}

/// A rule's summary as [`NamedRule::summary`] holds it: the text natively, and nothing in WebAssembly,
/// where nothing reads it (the widget names findings, never rules): the texts would otherwise ship in
/// every portal's module (about 1 KB brotli).
pub const fn summary(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

/// What a named rule sees.
pub struct RuleCtx<'a> {
    /// The whole record data.
    pub record: &'a Value,
    /// The template it follows.
    pub template: &'a Template,
    /// Configuration.
    pub config: &'a Config,
    /// Today in Asia/Shanghai.
    pub today: Date,
    /// The Asia/Shanghai date the record was submitted (提交), when it has been: deadlines are
    /// measured by it, and by `today` only for drafts.
    pub submitted_on: Option<Date>,
}

impl RuleCtx<'_> {
    /// The day a filing is judged on: its submission date, or today for a draft.
    pub fn filed_on(&self) -> Date {
        self.submitted_on.unwrap_or(self.today)
    }
}
