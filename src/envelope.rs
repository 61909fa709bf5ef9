//! The versioned export envelope (导出JSON) and import.

crate::finding_codes! {
    /// Problems with an imported file.
    pub enum ImportCode in "import" {
        /// Placeholder.
        Placeholder = "placeholder" { zh: "（待实现）", en: "(pending)" },
    }
}
