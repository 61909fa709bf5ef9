//! What an identifier check reports: its issues and, for a valid ID number, what the number says
//! about its holder. A leaf the validators share.

use crate::date::Date;
use crate::finding::codes::ident::IdentCode;
use crate::finding::Severity;

/// One problem with an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdIssue {
    /// Machine code.
    pub code: IdentCode,
    /// Severity.
    pub severity: Severity,
    /// Message params.
    pub params: Vec<(&'static str, String)>,
    /// The user may override it after checking (USCC check failure, SPEC §6.3).
    pub overridable: bool,
}

impl IdIssue {
    /// An issue without params, not overridable.
    pub fn new(code: IdentCode, severity: Severity) -> IdIssue {
        IdIssue { code, severity, params: Vec::new(), overridable: false }
    }

    /// Adds a message param.
    pub fn param(mut self, key: &'static str, value: impl Into<String>) -> IdIssue {
        self.params.push((key, value.into()));
        self
    }
}

/// What a valid ID number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonInfo {
    /// Birth date encoded in the number.
    pub birth: Date,
    /// Gender from the sequence code's parity (odd = male), when the number encodes it.
    pub male: Option<bool>,
}
