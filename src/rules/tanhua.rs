//! Named rules of the tanhua checklist.

use super::{NamedRule, RuleCtx};
use crate::finding::Finding;

crate::finding_codes! {
    /// Findings of the tanhua rules.
    pub enum TanhuaCode in "tanhua" {
        /// Placeholder until the rules land.
        Placeholder = "placeholder" { zh: "（待实现）", en: "(pending)" },
    }
}

/// The rules of this checklist.
pub static RULES: &[NamedRule] = &[];

#[allow(dead_code)]
fn unused(_: &RuleCtx<'_>, _: &mut Vec<Finding>) {}
