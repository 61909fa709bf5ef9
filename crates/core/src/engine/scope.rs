//! What a re-check covers: the findings of one row, of a section's own fields, or of a section.

use crate::finding::Finding;
use crate::template::{Template, PRESENCE_KEY};

/// What a [`Validator::recheck`] re-checked: the findings it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One row of a table.
    Row {
        /// Section id.
        section: String,
        /// Table id.
        table: String,
        /// Row index.
        index: usize,
    },
    /// A section's own fields and checks (not its tables).
    SectionFields {
        /// Section id.
        section: String,
    },
    /// A whole section (presence, fields, every row).
    Section {
        /// Section id.
        section: String,
    },
}

impl Scope {
    /// Whether a finding at `path` belongs to this scope (and so is replaced by a recheck).
    /// Findings of named rules are never covered: only a full validation replaces those.
    pub fn covers(&self, finding: &Finding, template: &Template) -> bool {
        if finding.from_named_rule {
            return false;
        }
        let mut parts = finding.path.strip_prefix('/').unwrap_or(&finding.path).split('/');
        let section = parts.next().unwrap_or("");
        let second = parts.next();
        match self {
            Scope::Section { section: s } => s == section,
            Scope::SectionFields { section: s } => {
                s == section && second.is_some_and(|k| template.section(s).is_some_and(|sec| sec.table(k).is_none()) && k != PRESENCE_KEY)
            }
            Scope::Row { section: s, table, index } => {
                s == section && second == Some(table.as_str()) && parts.next().and_then(|i| i.parse::<usize>().ok()) == Some(*index)
            }
        }
    }
}
