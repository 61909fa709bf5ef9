//! The ids of the named rules and the checklist each belongs to: what a template may list in its
//! `rules`. A leaf, so that loading a template checks its rule list without depending on the rules
//! themselves; `rules::tests` keeps it equal to the rules implemented.

use crate::template::model::ChecklistKind;

/// Every named rule's SPEC id with its checklist, in the order `rules::all` yields them.
pub const NAMED_RULES: &[(&str, ChecklistKind)] = &[
    // 述职 / 述责述廉 (rules/shuzhi.rs)
    ("A-R01", ChecklistKind::Shuzhi),
    ("A-R02", ChecklistKind::Shuzhi),
    ("A-R03", ChecklistKind::Shuzhi),
    ("A-R04", ChecklistKind::Shuzhi),
    ("A-R06", ChecklistKind::Shuzhi),
    ("A-R07", ChecklistKind::Shuzhi),
    ("A-R08", ChecklistKind::Shuzhi),
    ("A-R10", ChecklistKind::Shuzhi),
    // 谈话 (rules/tanhua.rs)
    ("B-R01", ChecklistKind::Tanhua),
    ("B-R02", ChecklistKind::Tanhua),
    ("B-R03", ChecklistKind::Tanhua),
    ("B-R04", ChecklistKind::Tanhua),
    ("B-R05", ChecklistKind::Tanhua),
    ("B-R07", ChecklistKind::Tanhua),
    ("B-R08", ChecklistKind::Tanhua),
    ("B-R09", ChecklistKind::Tanhua),
    ("B-R10", ChecklistKind::Tanhua),
    ("B-R11", ChecklistKind::Tanhua),
    ("B-R12", ChecklistKind::Tanhua),
    ("B-R13", ChecklistKind::Tanhua),
    ("B-R14", ChecklistKind::Tanhua),
    ("B-R15", ChecklistKind::Tanhua),
    ("B-R16", ChecklistKind::Tanhua),
    // 个人有关事项 (rules/geren.rs)
    ("C-R03", ChecklistKind::Geren),
    ("C-R04", ChecklistKind::Geren),
    ("C-R05", ChecklistKind::Geren),
    ("C-R06", ChecklistKind::Geren),
    ("C-R07", ChecklistKind::Geren),
    ("C-R08", ChecklistKind::Geren),
    ("C-R09", ChecklistKind::Geren),
    ("C-R11", ChecklistKind::Geren),
    ("C-R12", ChecklistKind::Geren),
    ("C-R13", ChecklistKind::Geren),
    ("C-R15", ChecklistKind::Geren),
    ("C-R16", ChecklistKind::Geren),
    ("C-R17", ChecklistKind::Geren),
    ("C-R18", ChecklistKind::Geren),
    ("C-R19", ChecklistKind::Geren),
    ("C-R21", ChecklistKind::Geren),
];

/// The checklist of the named rule `id`; `None` for an id no rule has.
pub fn kind_of(id: &str) -> Option<ChecklistKind> {
    NAMED_RULES.iter().find(|(r, _)| *r == id).map(|&(_, kind)| kind)
}
