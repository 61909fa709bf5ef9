//! The export envelope (导出JSON): the versioned wire format in which a record leaves the widget,
//! is posted to a portal and is handed to reviewers, and the import that reads it back.
//!
//! The wire types here are separate from the in-memory ones and append-only: a new version adds
//! fields and a migration, it never changes the meaning of an old one. Version 0 is the shape SPEC
//! §9.3 suggests (`schemaVersion`, `checklistKind`, …, no digest); version 1 had a free-text
//! `status` and no submission time; version 2 adds `submittedAt` and SPEC §2.3's status
//! (草稿 / 已提交 / 已退回 / 已通过). Versions 0 and 1 are migrated on import.
//!
//! The digest is SHA-256 (`sha256-jcs`, the default) or SM3 (`sm3-jcs`, GB/T 32905, for
//! deployments that must use 商用密码 algorithms) over the RFC 8785 (JCS) canonical JSON of
//! `{"confirmations": …, "data": …}`, so that a change to the answers or to the confirmed warnings
//! after export is detectable by any back end that can canonicalise JSON.
//!
//! Import never fails and never panics: every problem is a finding, and a caller must leave its
//! current data untouched when any finding is an error.

pub mod digest;

use serde::Serialize;
use serde_json::Value;

use crate::config::Config;
pub use crate::finding::codes::import::ImportCode;
use crate::finding::{Confirmation, Finding, Severity};
use crate::template::{ChecklistKind, Template};
pub use digest::{canonical_json, digest_hex, digest_hex_with, to_hex, DigestAlgorithm, DIGEST_ALGORITHM, DIGEST_ALGORITHM_SM3};

/// `format` of every envelope.
pub const FORMAT: &str = "accountability-checklist/record";
/// The current envelope version.
pub const FORMAT_VERSION: u32 = 2;
/// Which template a record follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateRef {
    /// Template id (`geren`, or a host template's id).
    pub id: String,
    /// Template version.
    pub version: String,
}

/// The digest of an envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DigestV1 {
    /// `sha256-jcs` (SHA-256) or `sm3-jcs` (SM3, GB/T 32905) over the RFC 8785 canonical JSON of
    /// `{"confirmations", "data"}`. A string, not the enum, so that an unknown name is a finding
    /// (`import.digest_algorithm`) rather than a malformed file.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["sha256-jcs", "sm3-jcs"])))]
    pub algorithm: String,
    /// Lower-case hex.
    pub value: String,
}

/// Findings and confirmations at export time, for the reviewer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidationV1 {
    /// Every finding when the record was exported (with `confirmed` set on confirmed warnings).
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Warnings the filer confirmed (SPEC §0.2).
    #[serde(default)]
    pub confirmations: Vec<Confirmation>,
}

/// Where a record stands (SPEC §2.3 `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Status {
    /// 草稿: not submitted.
    #[default]
    #[serde(rename = "草稿")]
    Draft,
    /// 已提交: submitted (`submittedAt` says when).
    #[serde(rename = "已提交")]
    Submitted,
    /// 已退回: returned to the filer by the receiving department.
    #[serde(rename = "已退回")]
    Returned,
    /// 已通过: accepted by the receiving department.
    #[serde(rename = "已通过")]
    Approved,
}

impl Status {
    /// The SPEC §2.3 label (also the wire value).
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::Submitted => "已提交",
            Status::Returned => "已退回",
            Status::Approved => "已通过",
        }
    }

    /// A version-1 status: SPEC's labels, or the English words the widget wrote before
    /// version 2 (`draft`, `submitted`); an empty status is a draft.
    fn from_v1(s: &str) -> Option<Status> {
        match s.trim() {
            "" | "草稿" | "draft" => Some(Status::Draft),
            "已提交" | "submitted" => Some(Status::Submitted),
            "已退回" | "returned" => Some(Status::Returned),
            "已通过" | "approved" => Some(Status::Approved),
            _ => None,
        }
    }
}

/// Version 2 of the export envelope (the POST body too).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvelopeV2 {
    /// Always `accountability-checklist/record`.
    pub format: String,
    /// Always 2 for this version.
    pub format_version: u32,
    /// The template the data follows.
    pub template: TemplateRef,
    /// The checklist kind.
    pub checklist_kind: ChecklistKind,
    /// Regulation version of the template (`R17`, `Y2021`).
    pub regulation_version: String,
    /// When it was exported, `YYYY-MM-DDTHH:mm:ss+08:00`.
    pub exported_at: String,
    /// 草稿 / 已提交 / 已退回 / 已通过 (SPEC §2.3).
    #[serde(default)]
    pub status: Status,
    /// When the filer submitted it (提交), `YYYY-MM-DDTHH:mm:ss+08:00`; absent for a draft. The
    /// rules measure lateness by it (C-R05 … C-R07). Not covered by the digest: a receiving
    /// server records its own `receivedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// The record data (mirrors the template).
    pub data: Value,
    /// Findings and confirmations.
    #[serde(default)]
    pub validation: ValidationV1,
    /// Tamper evidence.
    pub digest: DigestV1,
}

crate::from_json_struct!(TemplateRef [] { id, version });
crate::from_json_struct!(DigestV1 [] { algorithm, value });
crate::from_json_struct!(ValidationV1 [] { findings: opt, confirmations: opt });
crate::from_json_enum!(Status { Draft = "草稿", Submitted = "已提交", Returned = "已退回", Approved = "已通过" });
crate::from_json_struct!(EnvelopeV2 [] {
    format, format_version, template, checklist_kind, regulation_version, exported_at, status: opt, submitted_at, data,
    validation: opt, digest
});

/// The envelope in its current version.
pub type Envelope = EnvelopeV2;

impl EnvelopeV2 {
    /// The same envelope marked 已提交 at `at` (`YYYY-MM-DDTHH:mm:ss+08:00`).
    pub fn submitted(mut self, at: String) -> Envelope {
        self.status = Status::Submitted;
        self.submitted_at = Some(at);
        self
    }

    /// The Asia/Shanghai date of `submittedAt`, when there is a readable one: what the deadline
    /// rules measure lateness by.
    pub fn submitted_on(&self) -> Option<crate::date::Date> {
        crate::date::shanghai_date_of_stamp(self.submitted_at.as_deref()?)
    }
}

/// Builds an envelope for `data` exported now (`exported_at` in `+08:00`), with the default
/// `sha256-jcs` digest and no submission time (see [`EnvelopeV2::submitted`]).
pub fn export(
    template: &Template,
    data: Value,
    findings: Vec<Finding>,
    confirmations: Vec<Confirmation>,
    exported_at: String,
    status: Status,
) -> Envelope {
    export_with(DigestAlgorithm::Sha256Jcs, template, data, findings, confirmations, exported_at, status)
}

/// [`export`] with the digest algorithm of the caller's choice (`config.digestAlgorithm`).
pub fn export_with(
    algorithm: DigestAlgorithm,
    template: &Template,
    data: Value,
    findings: Vec<Finding>,
    confirmations: Vec<Confirmation>,
    exported_at: String,
    status: Status,
) -> Envelope {
    let value = digest_hex_with(algorithm, &data, &confirmations);
    EnvelopeV2 {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        template: TemplateRef { id: template.id.clone(), version: template.version.clone() },
        checklist_kind: template.checklist_kind,
        regulation_version: template.regulation_version.clone(),
        exported_at,
        status,
        submitted_at: None,
        data,
        validation: ValidationV1 { findings, confirmations },
        digest: DigestV1 { algorithm: algorithm.as_str().to_owned(), value },
    }
}

/// The envelope as pretty JSON, as it is written to a file.
pub fn to_json(envelope: &Envelope) -> String {
    // Serializing a Value-bearing struct to a String cannot fail: every key is a string.
    serde_json::to_string_pretty(envelope).unwrap_or_default()
}

/// The result of reading a file: the envelope when it could be read, and every problem found.
/// The caller must not apply the envelope when any finding is an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The envelope, migrated to the current version, when the file could be read.
    pub envelope: Option<Envelope>,
    /// Problems (errors block applying the file) and notes (migration, template version).
    pub findings: Vec<Finding>,
}

impl Imported {
    /// Whether the envelope may replace the current data.
    pub fn is_usable(&self) -> bool {
        self.envelope.is_some() && !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    fn fail(finding: Finding) -> Imported {
        Imported { envelope: None, findings: vec![finding] }
    }
}

/// Reads an exported file. `expected` is the template the caller is showing: a file of another
/// checklist kind is refused, another template version is a warning. The data itself is not
/// validated here: run the [`crate::Validator`] on it.
pub fn import(text: &str, expected: Option<&Template>, config: &Config) -> Imported {
    if text.len() > config.import_max_bytes {
        return Imported::fail(
            Finding::new(ImportCode::TooLarge, Severity::Error, "").param("size", text.len()).param("max", config.import_max_bytes),
        );
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Imported::fail(
                Finding::new(ImportCode::NotJson, Severity::Error, "").param("line", e.line()).param("column", e.column()),
            )
        }
    };
    let mut findings = Vec::new();
    let mut migrated_from_v1 = false;
    let Value::Object(obj) = &value else {
        return Imported::fail(Finding::new(ImportCode::NotEnvelope, Severity::Error, ""));
    };
    let value = match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {
            let version = obj.get("formatVersion").and_then(Value::as_u64);
            match version {
                Some(v) if v == FORMAT_VERSION as u64 => value,
                Some(1) => {
                    migrated_from_v1 = true;
                    migrate_v1(value, &mut findings)
                }
                Some(v) if v > FORMAT_VERSION as u64 => {
                    return Imported::fail(
                        Finding::new(ImportCode::VersionTooNew, Severity::Error, "/formatVersion")
                            .param("version", v)
                            .param("supported", FORMAT_VERSION),
                    )
                }
                _ => {
                    return Imported::fail(
                        Finding::new(ImportCode::Malformed, Severity::Error, "/formatVersion")
                            .param("at", "/formatVersion")
                            .param("detail", "formatVersion"),
                    )
                }
            }
        }
        Some(Value::String(f)) => {
            return Imported::fail(Finding::new(ImportCode::WrongFormat, Severity::Error, "/format").param("format", f));
        }
        Some(_) => return Imported::fail(Finding::new(ImportCode::NotEnvelope, Severity::Error, "/format")),
        None if obj.contains_key("schemaVersion") && obj.contains_key("checklistKind") && obj.contains_key("data") => {
            match migrate_v0(obj, &mut findings) {
                Some(v) => v,
                None => return Imported { envelope: None, findings },
            }
        }
        None => return Imported::fail(Finding::new(ImportCode::NotEnvelope, Severity::Error, "")),
    };
    let envelope: Envelope = match crate::de::from_value(&value) {
        Ok(e) => e,
        Err(e) => {
            findings.push(Finding::new(ImportCode::Malformed, Severity::Error, "").param("at", e.path).param("detail", e.message));
            return Imported { envelope: None, findings };
        }
    };
    if migrated_from_v1 {
        findings.push(Finding::new(ImportCode::Migrated, Severity::Info, "").param("from", 1).param("to", FORMAT_VERSION));
    }
    if envelope.digest.algorithm.is_empty() {
        findings.push(Finding::new(ImportCode::NoDigest, Severity::Warning, "/digest"));
    } else {
        match DigestAlgorithm::parse(&envelope.digest.algorithm) {
            None => findings
                .push(Finding::new(ImportCode::DigestAlgorithm, Severity::Error, "/digest").param("algorithm", &envelope.digest.algorithm)),
            Some(alg) => {
                if digest_hex_with(alg, &envelope.data, &envelope.validation.confirmations) != envelope.digest.value.to_ascii_lowercase() {
                    findings.push(Finding::new(ImportCode::DigestMismatch, Severity::Error, "/digest"));
                }
            }
        }
    }
    check_kind(&envelope, &mut findings);
    if let Some(at) = &envelope.submitted_at {
        if crate::date::shanghai_date_of_stamp(at).is_none() {
            findings.push(Finding::new(ImportCode::SubmittedAtInvalid, Severity::Error, "/submittedAt").param("value", at));
        }
    }
    if let Some(t) = expected {
        if envelope.checklist_kind != t.checklist_kind {
            findings.push(kind_mismatch(envelope.checklist_kind, t.checklist_kind));
        } else if envelope.template.version != t.version || envelope.template.id != t.id {
            findings.push(
                Finding::new(ImportCode::TemplateVersion, Severity::Warning, "/template")
                    .param("found", format!("{} {}", envelope.template.id, envelope.template.version))
                    .param("current", format!("{} {}", t.id, t.version)),
            );
        }
    }
    if !envelope.data.is_object() {
        findings.push(
            Finding::new(ImportCode::Malformed, Severity::Error, "/data").param("at", "data").param("detail", "data must be an object"),
        );
    }
    Imported { envelope: Some(envelope), findings }
}

/// `checklistKind` must agree with the kind of the built-in template the file names, and with
/// the data: a record holding another checklist's sections and none of its own was relabelled.
fn check_kind(envelope: &Envelope, findings: &mut Vec<Finding>) {
    let found = envelope.checklist_kind;
    // Host templates may use any section ids: only a built-in template's data is recognisable.
    let Some(kind) = crate::template::builtin_kind(&envelope.template.id) else { return };
    if kind != found {
        findings.push(
            Finding::new(ImportCode::KindContradictsTemplate, Severity::Error, "/checklistKind")
                .param("found", found.as_str())
                .param("template", &envelope.template.id)
                .param("expected", kind.as_str()),
        );
        return;
    }
    if let Some(kind) = kind_of_data(&envelope.data) {
        if kind != found {
            findings.push(
                Finding::new(ImportCode::KindContradictsData, Severity::Error, "/checklistKind")
                    .param("found", found.as_str())
                    .param("expected", kind.as_str()),
            );
        }
    }
}

/// A file of one checklist offered to another: the wire names as `found` / `expected`, and what
/// people call them (`found_name`, `found_name_en` …) for the messages.
pub fn kind_mismatch(found: ChecklistKind, expected: ChecklistKind) -> Finding {
    use crate::locale::Locale::{En, ZhCn};
    Finding::new(ImportCode::KindMismatch, Severity::Error, "/checklistKind")
        .param("found", found.as_str())
        .param("expected", expected.as_str())
        .param("found_name", found.name(ZhCn))
        .param("expected_name", expected.name(ZhCn))
        .param("found_name_en", found.name(En))
        .param("expected_name_en", expected.name(En))
}

/// The built-in checklist whose sections the data holds, when that is unambiguous: section ids
/// only one built-in checklist has (`A1`…, `talks`, `C01`…), and none of another's.
fn kind_of_data(data: &Value) -> Option<ChecklistKind> {
    let obj = data.as_object()?;
    let marks = |ids: &[&str]| ids.iter().any(|id| obj.contains_key(*id));
    let shuzhi = marks(&["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13", "A14", "A15"]);
    let tanhua = marks(&["roster", "plans", "talks"]);
    let geren = marks(&["family", "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12", "C13", "C14", "C16"]);
    match (shuzhi, tanhua, geren) {
        (true, false, false) => Some(ChecklistKind::Shuzhi),
        (false, true, false) => Some(ChecklistKind::Tanhua),
        (false, false, true) => Some(ChecklistKind::Geren),
        _ => None,
    }
}

/// Version 1 → 2: the free-text status becomes SPEC §2.3's (the widget wrote `draft` and
/// `submitted`); version 1 had no submission time.
fn migrate_v1(mut value: Value, findings: &mut Vec<Finding>) -> Value {
    if let Some(obj) = value.as_object_mut() {
        let raw = obj.get("status").and_then(Value::as_str).unwrap_or("").to_owned();
        let status = Status::from_v1(&raw).unwrap_or_else(|| {
            findings.push(Finding::new(ImportCode::StatusUnknown, Severity::Warning, "/status").param("status", &raw));
            Status::Draft
        });
        obj.insert("status".into(), Value::String(status.label().to_owned()));
        obj.insert("formatVersion".into(), Value::from(FORMAT_VERSION));
    }
    value
}

/// SPEC §9.3's suggested shape → version 2. Confirmations there are `{ruleId, confirmedAt}` and
/// name no finding; those cannot be matched and are dropped with a warning.
fn migrate_v0(obj: &serde_json::Map<String, Value>, findings: &mut Vec<Finding>) -> Option<Value> {
    let kind = obj.get("checklistKind").and_then(Value::as_str).unwrap_or("");
    if !["shuzhi", "tanhua", "geren"].contains(&kind) {
        findings.push(
            Finding::new(ImportCode::Malformed, Severity::Error, "/checklistKind").param("at", "checklistKind").param("detail", kind),
        );
        return None;
    }
    let mut kept = Vec::new();
    let mut dropped = 0usize;
    if let Some(list) = obj.get("validation").and_then(|v| v.get("confirmations")).and_then(Value::as_array) {
        for c in list {
            match crate::de::from_value::<Confirmation>(c) {
                Ok(c) => kept.push(c),
                Err(_) => dropped += 1,
            }
        }
    }
    if dropped > 0 {
        findings
            .push(Finding::new(ImportCode::ConfirmationsDropped, Severity::Warning, "/validation/confirmations").param("count", dropped));
    }
    findings.push(Finding::new(ImportCode::Migrated, Severity::Info, "").param("from", 0).param("to", FORMAT_VERSION));
    let str_of = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    Some(serde_json::json!({
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "template": { "id": kind, "version": str_of("schemaVersion") },
        "checklistKind": kind,
        "regulationVersion": str_of("regulationVersion"),
        "exportedAt": str_of("exportedAt"),
        "status": obj.get("status").and_then(Value::as_str).and_then(Status::from_v1).unwrap_or_default(),
        "submittedAt": obj.get("submittedAt").and_then(Value::as_str),
        "data": obj.get("data").cloned().unwrap_or(Value::Null),
        "validation": { "findings": [], "confirmations": kept },
        // Version 0 carries no digest: an empty algorithm marks it so that import warns.
        "digest": { "algorithm": "", "value": "" },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use sha2::Digest as _;
    use sm3::Sm3;

    fn template() -> Template {
        crate::template::builtin("geren").unwrap().unwrap()
    }

    fn codes(i: &Imported) -> Vec<&'static str> {
        i.findings.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn canonical_json_follows_rfc8785_ordering_and_escapes() {
        let v = json!({"b": 1, "a": [true, null, "x\n\"\u{1}"], "\u{e000}": 0, "\u{10000}": 0, "名": "𠮷"});
        // U+10000 is D800 DC00 in UTF-16 and sorts before U+E000, unlike in UTF-8.
        assert_eq!(canonical_json(&v), "{\"a\":[true,null,\"x\\n\\\"\\u0001\"],\"b\":1,\"名\":\"𠮷\",\"\u{10000}\":0,\"\u{e000}\":0}");
    }

    #[test]
    fn export_then_import_round_trips() {
        let t = template();
        let data = json!({"header": {"year": 2025, "name": "买买提·艾力"}, "C15": {"text": "<img src=x onerror=alert(1)>"}});
        let conf = vec![Confirmation {
            code: "field.outlier".into(),
            path: "/C11/rows/0/areaM2".into(),
            rule_id: None,
            confirmed_at: "2026-01-15T10:00:00+08:00".into(),
        }];
        let env = export(&t, data.clone(), vec![], conf.clone(), "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        let text = to_json(&env);
        let back = import(&text, Some(&t), &Config::default());
        assert!(back.is_usable(), "{:?}", back.findings);
        let back = back.envelope.unwrap();
        assert_eq!(back.data, data);
        assert_eq!(back.validation.confirmations, conf);
        assert_eq!(back, env);
    }

    #[test]
    fn tampering_is_detected() {
        let t = template();
        let env = export(&t, json!({"header": {"year": 2025}}), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        let text = to_json(&env).replace("2025", "2024");
        assert_eq!(codes(&import(&text, Some(&t), &Config::default())), ["import.digest_mismatch"]);
        let mut env2 = env.clone();
        env2.validation.confirmations.push(Confirmation { code: "x".into(), path: "/".into(), rule_id: None, confirmed_at: String::new() });
        assert_eq!(codes(&import(&to_json(&env2), Some(&t), &Config::default())), ["import.digest_mismatch"]);
    }

    #[test]
    fn bad_files_get_one_clear_finding_each() {
        let t = template();
        let cfg = Config { import_max_bytes: 200, ..Config::default() };
        let cases: &[(&str, &str)] = &[
            ("{\"format\": \"accountability-checklist/rec", "import.not_json"),
            ("", "import.not_json"),
            ("[1,2]", "import.not_envelope"),
            ("{\"hello\": 1}", "import.not_envelope"),
            ("{\"format\": \"other\"}", "import.wrong_format"),
            ("{\"format\": \"accountability-checklist/record\", \"formatVersion\": 9}", "import.version_too_new"),
            ("{\"format\": \"accountability-checklist/record\", \"formatVersion\": 1}", "import.malformed"),
            (&"x".repeat(201), "import.too_large"),
        ];
        for (text, code) in cases {
            let r = import(text, Some(&t), &cfg);
            assert!(!r.is_usable(), "{text}");
            assert_eq!(codes(&r), [*code], "{text}");
        }
    }

    #[test]
    fn other_kinds_and_versions_are_reported() {
        let t = template();
        let shuzhi = crate::template::builtin("shuzhi").unwrap().unwrap();
        let env = export(&shuzhi, json!({}), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        assert_eq!(codes(&import(&to_json(&env), Some(&t), &Config::default())), ["import.kind_mismatch"]);
        let mut old = t.clone();
        old.version = "0.9.0".into();
        let env = export(&old, json!({}), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        let r = import(&to_json(&env), Some(&t), &Config::default());
        assert!(r.is_usable());
        assert_eq!(codes(&r), ["import.template_version"]);
    }

    #[test]
    fn spec_9_3_files_are_migrated() {
        let v0 = json!({
            "schemaVersion": "1.0.0", "checklistKind": "geren", "regulationVersion": "R17",
            "exportedAt": "2026-01-15T10:00:00+08:00", "data": {"header": {"year": 2025}},
            "validation": {"errors": [], "warnings": [], "confirmations": [{"ruleId": "C-R11", "confirmedAt": "2026-01-15T10:00:00+08:00"}]}
        });
        let r = import(&v0.to_string(), Some(&template()), &Config::default());
        assert!(r.is_usable(), "{:?}", r.findings);
        assert_eq!(codes(&r), ["import.confirmations_dropped", "import.migrated", "import.no_digest"]);
        let env = r.envelope.unwrap();
        assert_eq!(env.format_version, FORMAT_VERSION);
        assert_eq!(env.data, json!({"header": {"year": 2025}}));
    }

    #[test]
    fn sm3_matches_the_gb_t_32905_vectors() {
        // GB/T 32905-2016 appendix A: "abc", and "abcd" sixteen times (64 bytes, two blocks after padding).
        assert_eq!(to_hex(&Sm3::digest(b"abc")), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assert_eq!(to_hex(&Sm3::digest("abcd".repeat(16).as_bytes())), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    #[test]
    fn sm3_envelopes_round_trip_and_detect_tampering() {
        let t = template();
        let data = json!({"header": {"year": 2025, "name": "张建国"}});
        let env = export_with(DigestAlgorithm::Sm3Jcs, &t, data.clone(), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        assert_eq!(env.digest.algorithm, "sm3-jcs");
        assert_eq!(env.digest.value, digest_hex_with(DigestAlgorithm::Sm3Jcs, &data, &[]));
        assert_ne!(env.digest.value, digest_hex(&data, &[]), "SM3 and SHA-256 differ");
        let back = import(&to_json(&env), Some(&t), &Config::default());
        assert!(back.is_usable(), "{:?}", back.findings);
        assert_eq!(back.envelope.unwrap(), env);
        let tampered = to_json(&env).replace("张建国", "李建国");
        assert_eq!(codes(&import(&tampered, Some(&t), &Config::default())), ["import.digest_mismatch"]);
        // An SM3 value under the SHA-256 name (or the reverse) does not verify.
        let swapped = to_json(&env).replace("sm3-jcs", "sha256-jcs");
        assert_eq!(codes(&import(&swapped, Some(&t), &Config::default())), ["import.digest_mismatch"]);
        let unknown = to_json(&env).replace("sm3-jcs", "md5-jcs");
        assert_eq!(codes(&import(&unknown, Some(&t), &Config::default())), ["import.digest_algorithm"]);
        for alg in [DigestAlgorithm::Sha256Jcs, DigestAlgorithm::Sm3Jcs] {
            assert_eq!(DigestAlgorithm::parse(alg.as_str()), Some(alg));
        }
    }

    #[test]
    fn version_1_files_import_with_spec_statuses() {
        let t = template();
        let v2 = export(&t, json!({"header": {"year": 2025}}), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), Status::Draft);
        // (status written by version 1, status read, extra findings)
        let cases: &[(&str, Status, &[&str])] = &[
            ("draft", Status::Draft, &["import.migrated"]),
            ("submitted", Status::Submitted, &["import.migrated"]),
            ("草稿", Status::Draft, &["import.migrated"]),
            ("已通过", Status::Approved, &["import.migrated"]),
            ("已退回", Status::Returned, &["import.migrated"]),
            ("pending", Status::Draft, &["import.status_unknown", "import.migrated"]),
        ];
        for (written, read, want) in cases {
            let mut v1 = serde_json::to_value(&v2).unwrap();
            v1["formatVersion"] = json!(1);
            v1["status"] = json!(written);
            let r = import(&v1.to_string(), Some(&t), &Config::default());
            assert!(r.is_usable(), "{written}: {:?}", r.findings);
            assert_eq!(codes(&r), *want, "{written}");
            let env = r.envelope.unwrap();
            assert_eq!((env.status, env.format_version, env.submitted_at), (*read, FORMAT_VERSION, None), "{written}");
        }
    }

    #[test]
    fn submitted_envelopes_carry_their_submission_time() {
        let t = template();
        let env = export(&t, json!({"header": {"year": 2025}}), vec![], vec![], "2026-03-02T09:00:00+08:00".into(), Status::Draft)
            .submitted("2026-01-30T16:20:00+08:00".into());
        let text = to_json(&env);
        assert!(text.contains("\"status\": \"已提交\"") && text.contains("\"submittedAt\": \"2026-01-30T16:20:00+08:00\""), "{text}");
        let back = import(&text, Some(&t), &Config::default());
        assert!(back.is_usable() && back.findings.is_empty(), "{:?}", back.findings);
        let back = back.envelope.unwrap();
        assert_eq!(back.submitted_on().map(|d| d.to_string()).as_deref(), Some("2026-01-30"));
        // Another offset is read as its Beijing date.
        let utc = Envelope { submitted_at: Some("2026-01-31T16:30:00Z".into()), ..back.clone() };
        assert_eq!(utc.submitted_on().map(|d| d.to_string()).as_deref(), Some("2026-02-01"));
        let bad = Envelope { submitted_at: Some("30 January".into()), ..back };
        assert_eq!(codes(&import(&to_json(&bad), Some(&t), &Config::default())), ["import.submitted_at_invalid"]);
        // A draft has no submittedAt key at all.
        assert!(!to_json(&export(&t, json!({}), vec![], vec![], String::new(), Status::Draft)).contains("submittedAt"));
    }

    #[test]
    fn a_checklist_kind_that_contradicts_template_or_data_is_an_error() {
        let geren = template();
        let shuzhi = crate::template::builtin("shuzhi").unwrap().unwrap();
        // (template the file names, kind it claims, data, expected codes without a template given)
        let cases: &[(&Template, ChecklistKind, Value, &[&str])] = &[
            (&geren, ChecklistKind::Geren, json!({"family": {}, "C01": {}}), &[]),
            (&geren, ChecklistKind::Shuzhi, json!({"family": {}}), &["import.kind_contradicts_template"]),
            (&shuzhi, ChecklistKind::Shuzhi, json!({"family": {}, "C11": {}}), &["import.kind_contradicts_data"]),
            (&shuzhi, ChecklistKind::Shuzhi, json!({"header": {}, "A1": {}}), &[]),
            // Mixed or unrecognisable data says nothing about the kind.
            (&shuzhi, ChecklistKind::Shuzhi, json!({"header": {}}), &[]),
            (&shuzhi, ChecklistKind::Shuzhi, json!({"A1": {}, "C11": {}}), &[]),
        ];
        for (t, kind, data, want) in cases {
            let mut env = export(t, data.clone(), vec![], vec![], String::new(), Status::Draft);
            env.checklist_kind = *kind;
            let r = import(&to_json(&env), None, &Config::default());
            assert_eq!(codes(&r), *want, "{} {kind:?} {data}", t.id);
            assert_eq!(r.is_usable(), want.is_empty());
        }
    }
}
