//! Typed deserialisation from a JSON value that says where the first problem is.
//!
//! Natively the path comes from `serde_path_to_error` (`sections[3].fields[0].type`). In the
//! WebAssembly build that crate's per-type wrappers cost about 120 KB before compression, so
//! there the error carries serde's own message (which names unknown fields and expected types)
//! and, for types whose fields are all optional (options, config), the top-level key at fault;
//! otherwise the path `?`. Hosts check templates with the native CLI, which names the pointer.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Where deserialisation failed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    /// Dotted path (`sections[3].type`), `.` for the root, `?` when unknown (WebAssembly).
    pub path: String,
    /// JSON pointer of the same place (`/sections/3/type`), empty when unknown.
    pub pointer: String,
    /// What was wrong.
    pub message: String,
}

/// Deserialises `T` from `value`.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, DeError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_path_to_error::deserialize(value).map_err(|e| {
            use serde_path_to_error::Segment;
            let mut pointer = String::new();
            for seg in e.path().iter() {
                pointer.push('/');
                match seg {
                    Segment::Seq { index } => pointer.push_str(&index.to_string()),
                    Segment::Map { key } | Segment::Enum { variant: key } => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
                    Segment::Unknown => pointer.push('?'),
                }
            }
            DeError { path: e.path().to_string(), pointer, message: e.inner().to_string() }
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        let place = first_bad_key::<T>(&value);
        serde_json::from_value(value).map_err(|e| match place {
            Some(key) => DeError { pointer: format!("/{}", key.replace('~', "~0").replace('/', "~1")), path: key, message: e.to_string() },
            None => DeError { path: "?".into(), pointer: String::new(), message: e.to_string() },
        })
    }
}

/// For types whose every field is optional (options, config): the first top-level key whose
/// value alone fails to deserialise. `None` for other types or values.
#[cfg(target_arch = "wasm32")]
fn first_bad_key<T: DeserializeOwned>(value: &Value) -> Option<String> {
    let obj = value.as_object()?;
    serde_json::from_value::<T>(Value::Object(serde_json::Map::new())).ok()?;
    obj.iter().find_map(|(k, v)| {
        let mut one = serde_json::Map::new();
        one.insert(k.clone(), v.clone());
        serde_json::from_value::<T>(Value::Object(one)).is_err().then(|| k.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        a: Vec<U>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct U {
        n: u32,
    }

    #[test]
    fn errors_name_the_place() {
        let e = from_value::<T>(serde_json::json!({ "a": [{ "n": 1 }, { "n": "x" }] })).expect_err("bad");
        assert_eq!(e.path, "a[1].n");
        assert_eq!(e.pointer, "/a/1/n");
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }
}
