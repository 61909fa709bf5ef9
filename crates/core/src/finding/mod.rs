//! Findings: what validation reports. Owns the `Finding` type, confirmations and reports; the
//! severities (`severity.rs`) and the stable machine codes with their messages in every locale
//! (`codes/`, the wire contract) are leaves that this module re-exports. Validation never stops at
//! the first problem and never fails: it returns findings.

pub mod codes;
pub mod severity;

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

pub use codes::Code;
pub use severity::Severity;

use crate::locale::{Locale, Text};

/// One problem (or hint) found in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable machine code.
    pub code: Code,
    /// SPEC rule id (`C-R01` …) when the finding enforces a numbered rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// JSON pointer (RFC 6901) into the record's data: the field the user must look at.
    pub path: String,
    /// How much it matters.
    pub severity: Severity,
    /// Values for the message placeholders. `label_zh` / `label_en` name the field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    /// An error the user may override after checking (for example a pilot-era credit code that
    /// fails the check digit, SPEC §6.3): once confirmed it counts as a confirmed warning.
    #[serde(default, skip_serializing_if = "is_false")]
    pub overridable: bool,
    /// Set when the user confirmed this warning (or overridable error).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confirmed: bool,
    /// Raised by a named rule (whole-record pass) rather than a declarative check; row and
    /// section re-checks leave these alone. Not part of the wire format.
    #[serde(skip)]
    pub from_named_rule: bool,
}

crate::from_json_struct!(Finding [lenient] { code, rule, path, severity, params: opt, overridable: opt, confirmed: opt, from_named_rule: skip });
crate::from_json_struct!(Confirmation [lenient] { code, path, rule_id, confirmed_at });
crate::from_json_struct!(Report [lenient] { findings });

fn is_false(b: &bool) -> bool {
    !*b
}

impl Finding {
    /// A finding with no params.
    pub fn new(code: impl Into<Code>, severity: Severity, path: impl Into<String>) -> Finding {
        Finding {
            code: code.into(),
            rule: None,
            path: path.into(),
            severity,
            params: BTreeMap::new(),
            overridable: false,
            confirmed: false,
            from_named_rule: false,
        }
    }

    /// A finding naming a field by its label in both locales (params `label_zh`, `label_en`).
    pub fn labelled(code: impl Into<Code>, severity: Severity, path: String, label: &Text) -> Finding {
        Finding::new(code, severity, path).param("label_zh", &label.zh).param("label_en", label.get(Locale::En))
    }

    /// Tags the finding with a SPEC rule id.
    pub fn rule(mut self, rule: &str) -> Finding {
        self.rule = Some(rule.to_owned());
        self
    }

    /// Adds a message param.
    pub fn param(mut self, key: &str, value: impl fmt::Display) -> Finding {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    /// Marks the finding as an error the user may override.
    pub fn overridable(mut self) -> Finding {
        self.overridable = true;
        self
    }

    /// Whether this finding alone blocks submit: an error, or a warning nobody confirmed.
    pub fn blocks_submit(&self) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Warning => !self.confirmed,
            Severity::Info => false,
        }
    }

    /// The key a confirmation must carry to confirm this finding.
    pub fn confirmation_key(&self) -> (&str, &str) {
        (self.code.as_str(), &self.path)
    }

    /// The human message in `locale`, placeholders filled from params.
    pub fn message(&self, locale: Locale) -> String {
        render(self.code.message_template(locale), &self.params, locale)
    }

    /// The finding as it leaves the crate (widget events and `validate()`, the endpoint's bodies, the CLI's
    /// `--json`): its wire fields plus `message` in `locale` and `messages` in every locale (`zh-CN`, `en`).
    /// The one place that JSON is built.
    pub fn to_json(&self, locale: Locale) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(m) = &mut v {
            m.insert("message".into(), self.message(locale).into());
            // Inserted one by one: collecting pairs into the map links a stable sort (4 KB of WebAssembly).
            let mut messages = serde_json::Map::new();
            for l in [Locale::ZhCn, Locale::En] {
                messages.insert(l.tag().to_owned(), self.message(l).into());
            }
            m.insert("messages".into(), serde_json::Value::Object(messages));
        }
        v
    }

    /// [`Finding::to_json`], by its former name.
    #[inline]
    pub fn to_json_with_messages(&self, locale: Locale) -> serde_json::Value {
        self.to_json(locale)
    }
}

/// [`Finding::to_json`] for a list: a JSON array.
pub fn with_messages(findings: &[Finding], locale: Locale) -> serde_json::Value {
    serde_json::Value::Array(findings.iter().map(|f| f.to_json(locale)).collect())
}

/// Fills `{name}` placeholders (see below for locale-specific params); unknown
/// placeholders are kept as written so that a missing param is visible, never a panic.
pub fn render(template: &str, params: &BTreeMap<String, String>, locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                // `{x}` takes param `x_en` in English when there is one (labels of other fields),
                // and `{label}` takes `label_zh` / `label_en`.
                let value = if name == "label" {
                    let key = if locale == Locale::En { "label_en" } else { "label_zh" };
                    params.get(key).or_else(|| params.get("label_zh"))
                } else if locale == Locale::En {
                    params.get(&format!("{name}_en")).or_else(|| params.get(name))
                } else {
                    params.get(name)
                };
                match value {
                    Some(v) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A warning the user confirmed (SPEC §2.3 `confirmations[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Confirmation {
    /// The machine code of the confirmed finding.
    pub code: String,
    /// The path of the confirmed finding.
    pub path: String,
    /// SPEC rule id, for the reviewer's benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
    /// When the user confirmed, `YYYY-MM-DDTHH:mm:ss+08:00`.
    pub confirmed_at: String,
}

/// The result of validating a record: every finding, with confirmations applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Findings in document order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Marks findings that a confirmation covers. A confirmed overridable error becomes a
    /// confirmed warning; a confirmation never hides a plain error.
    pub fn apply_confirmations(&mut self, confirmations: &[Confirmation]) {
        for f in &mut self.findings {
            let confirmable = f.severity == Severity::Warning || f.overridable;
            if !confirmable {
                continue;
            }
            if confirmations.iter().any(|c| c.code == f.code.as_str() && c.path == f.path) {
                f.confirmed = true;
                if f.overridable {
                    f.severity = Severity::Warning;
                }
            }
        }
    }

    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// Errors, and warnings nobody confirmed, block submit (SPEC §0.2).
    pub fn blocks_submit(&self) -> bool {
        self.findings.iter().any(Finding::blocks_submit)
    }

    /// Whether any error (confirmed or not) remains.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::codes::field::FieldCode;

    #[test]
    fn messages_fill_params_by_locale() {
        let f = Finding::new(FieldCode::DateNotBefore, Severity::Error, "/C02/trips/0/endDate")
            .param("label_zh", "回国日期")
            .param("label_en", "Return date")
            .param("other", "出国日期")
            .param("other_en", "Departure date");
        assert_eq!(f.message(Locale::ZhCn), "回国日期不能早于出国日期");
        assert_eq!(f.message(Locale::En), "Return date cannot be before Departure date");
        // A missing param stays visible instead of vanishing or panicking.
        let g = Finding::new(FieldCode::TooLong, Severity::Error, "/x");
        assert_eq!(g.message(Locale::ZhCn), "{label}不能超过{max}个字");
        assert_eq!(render("{unclosed", &BTreeMap::new(), Locale::En), "{unclosed");
    }

    #[test]
    fn findings_leave_the_crate_with_a_message_in_every_locale() {
        let f = Finding::new(FieldCode::DateNotBefore, Severity::Error, "/C02/trips/0/endDate")
            .param("label_zh", "回国日期")
            .param("label_en", "Return date")
            .param("other", "出国日期")
            .param("other_en", "Departure date");
        let v = with_messages(std::slice::from_ref(&f), Locale::En);
        assert_eq!(v[0]["code"], "field.date_not_before");
        assert_eq!(v[0]["path"], "/C02/trips/0/endDate");
        assert_eq!(v[0]["message"], "Return date cannot be before Departure date");
        assert_eq!(v[0]["messages"]["zh-CN"], "回国日期不能早于出国日期");
        assert_eq!(v[0]["messages"]["en"], "Return date cannot be before Departure date");
        // The extra fields do not stop it being read back as a finding (the widget reads 422 bodies).
        assert_eq!(serde_json::from_value::<Finding>(v[0].clone()).ok(), Some(f));
    }

    #[test]
    fn confirmations_turn_warnings_and_overridable_errors_into_confirmed_warnings() {
        let warn = Finding::new(FieldCode::Outlier, Severity::Warning, "/C11/rows/0/areaM2");
        let over = Finding::new(FieldCode::Pattern, Severity::Error, "/C13/rows/0/uscc").overridable();
        let hard = Finding::new(FieldCode::Required, Severity::Error, "/header/name");
        let mut report = Report { findings: vec![warn, over, hard] };
        assert!(report.blocks_submit());
        let c = |code: &str, path: &str| Confirmation {
            code: code.into(),
            path: path.into(),
            rule_id: None,
            confirmed_at: "2026-01-15T10:00:00+08:00".into(),
        };
        report.apply_confirmations(&[
            c("field.outlier", "/C11/rows/0/areaM2"),
            c("field.pattern", "/C13/rows/0/uscc"),
            c("field.required", "/header/name"),
        ]);
        assert!(report.findings[0].confirmed);
        assert_eq!((report.findings[1].severity, report.findings[1].confirmed), (Severity::Warning, true));
        assert_eq!((report.findings[2].severity, report.findings[2].confirmed), (Severity::Error, false));
        assert!(report.blocks_submit());
        report.findings.pop();
        assert!(!report.blocks_submit());
    }
}
