//! Named rules of the shuzhi checklist.

use super::{NamedRule, RuleCtx};
use crate::finding::Finding;

crate::finding_codes! {
    /// Findings of the shuzhi rules.
    pub enum ShuzhiCode in "shuzhi" {
        /// Placeholder until the rules land.
        Placeholder = "placeholder" { zh: "（待实现）", en: "(pending)" },
    }
}

/// The rules of this checklist.
pub static RULES: &[NamedRule] = &[];

#[allow(dead_code)]
fn unused(_: &RuleCtx<'_>, _: &mut Vec<Finding>) {}
