//! Named rules: the SPEC rules that templates cannot express declaratively, written in Rust and
//! looked up by their SPEC id (`A-R01`, `B-R05`, `C-R04` …). A template lists the ids that apply
//! to it; an unknown id rejects the template.
//!
//! Rules read the record through [`RuleCtx`] and push findings; they must not panic on any
//! record shape (a missing or mistyped value is simply not there), and must not import web APIs.

pub mod access;
pub mod cross;
pub mod geren;
pub mod ids;
pub mod rule;
pub mod shuzhi;
pub mod tanhua;

pub use rule::{NamedRule, RuleCtx};

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
        // The leaf list that template loading checks rule ids against is the rules implemented.
        let listed: Vec<(&str, crate::template::ChecklistKind)> = all().map(|r| (r.id, r.kind)).collect();
        assert_eq!(listed, ids::NAMED_RULES);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
