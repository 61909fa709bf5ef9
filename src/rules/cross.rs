//! Cross-checks between records of different checklists (SPEC X-R01, X-R02).

crate::finding_codes! {
    /// Findings of the cross-checks.
    pub enum CrossCode in "cross" {
        /// Placeholder until the rules land.
        Placeholder = "placeholder" { zh: "（待实现）", en: "(pending)" },
    }
}
