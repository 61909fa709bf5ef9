//! Named rules: the SPEC rules that templates cannot express declaratively, written in Rust and
//! looked up by their SPEC id (`A-R01`, `B-R05`, `C-R04` …). A template lists the ids that apply
//! to it; an unknown id rejects the template.
//!
//! Rules read the record through [`RuleCtx`] and push findings; they must not panic on any
//! record shape (a missing or mistyped value is simply not there), and must not import web APIs.

pub mod access;
pub mod cross;
pub mod geren;
pub mod shuzhi;
pub mod tanhua;

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
    /// One line on what it checks (for docs and `--explain`).
    pub summary: &'static str,
    /// The check.
    pub run: fn(&RuleCtx<'_>, &mut Vec<Finding>),
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

/// Every named rule of every checklist.
pub fn all() -> impl Iterator<Item = &'static NamedRule> {
    shuzhi::RULES.iter().chain(tanhua::RULES).chain(geren::RULES)
}

/// The named rule with this SPEC id.
pub fn named(id: &str) -> Option<&'static NamedRule> {
    all().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique() {
        let mut ids: Vec<&str> = all().map(|r| r.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
