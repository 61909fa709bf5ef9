//! The envelope's digest: SHA-256 (`sha256-jcs`) or SM3 (`sm3-jcs`) over the RFC 8785 (JCS)
//! canonical JSON of `{"confirmations": …, "data": …}`. A leaf: `config` names the algorithm the
//! widget writes, `envelope` writes and checks digests.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest as _, Sha256};
use sm3::Sm3;

use crate::finding::Confirmation;

/// The default digest algorithm name carried in the envelope.
pub const DIGEST_ALGORITHM: &str = "sha256-jcs";
/// The 国密 digest algorithm name: SM3 over the same canonical JSON.
pub const DIGEST_ALGORITHM_SM3: &str = "sm3-jcs";

/// The digest algorithms an envelope may carry (`digest.algorithm`), and the one the widget
/// writes (`config.digestAlgorithm`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DigestAlgorithm {
    /// SHA-256 over the RFC 8785 canonical JSON.
    #[default]
    #[serde(rename = "sha256-jcs")]
    Sha256Jcs,
    /// SM3 (GB/T 32905) over the RFC 8785 canonical JSON.
    #[serde(rename = "sm3-jcs")]
    Sm3Jcs,
}

crate::from_json_enum!(DigestAlgorithm { Sha256Jcs = "sha256-jcs", Sm3Jcs = "sm3-jcs" });

impl DigestAlgorithm {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            DigestAlgorithm::Sha256Jcs => DIGEST_ALGORITHM,
            DigestAlgorithm::Sm3Jcs => DIGEST_ALGORITHM_SM3,
        }
    }

    /// The algorithm of a wire name; `None` for one this component does not know.
    pub fn parse(name: &str) -> Option<DigestAlgorithm> {
        match name {
            DIGEST_ALGORITHM => Some(DigestAlgorithm::Sha256Jcs),
            DIGEST_ALGORITHM_SM3 => Some(DigestAlgorithm::Sm3Jcs),
            _ => None,
        }
    }
}

/// SHA-256 (hex) over the canonical JSON of `{"confirmations": …, "data": …}`.
pub fn digest_hex(data: &Value, confirmations: &[Confirmation]) -> String {
    digest_hex_with(DigestAlgorithm::Sha256Jcs, data, confirmations)
}

/// The digest (hex) by `algorithm` over the canonical JSON of `{"confirmations": …, "data": …}`.
pub fn digest_hex_with(algorithm: DigestAlgorithm, data: &Value, confirmations: &[Confirmation]) -> String {
    let mut obj = serde_json::Map::new();
    obj.insert("confirmations".into(), serde_json::to_value(confirmations).unwrap_or(Value::Array(vec![])));
    obj.insert("data".into(), data.clone());
    let canonical = canonical_json(&Value::Object(obj));
    match algorithm {
        DigestAlgorithm::Sha256Jcs => to_hex(&Sha256::digest(canonical.as_bytes())),
        DigestAlgorithm::Sm3Jcs => to_hex(&Sm3::digest(canonical.as_bytes())),
    }
}

/// Lower-case hex of bytes.
pub fn to_hex(hash: &[u8]) -> String {
    let mut hex = String::with_capacity(hash.len() * 2);
    for &b in hash {
        hex.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        hex.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
    }
    hex
}

/// RFC 8785 canonical JSON: no insignificant white space, object keys sorted by UTF-16 code
/// units, strings with the minimal JSON escapes. Integers print as themselves; other numbers use
/// serde_json's shortest round-trip form (the data model stores decimals as strings, so records
/// never contain them in practice).
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            crate::sort::sort_by(&mut keys, |a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                if let Some(v) = map.get(k) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
