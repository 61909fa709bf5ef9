//! How much a finding matters. A leaf: templates, config and identifier checks name severities
//! without knowing about findings.

use serde::Serialize;

/// How much a finding matters (SPEC §0.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks submit; a draft can still be saved.
    Error,
    /// Submit is allowed once the user confirms it; the confirmation is recorded.
    Warning,
    /// A hint only.
    Info,
}

crate::from_json_enum!(Severity { Error = "error", Warning = "warning", Info = "info" });

impl Severity {
    /// SPEC's one-letter tag: `E`, `W` or `I`.
    pub fn letter(self) -> &'static str {
        match self {
            Severity::Error => "E",
            Severity::Warning => "W",
            Severity::Info => "I",
        }
    }
}
