//! Typed reading of JSON values (templates, config, envelopes, findings, the widget's options),
//! with errors that say where the first problem is (`sections[3].fields[0].type`).
//!
//! The types implement [`FromJson`] through the two macros below, [`from_json_struct!`] and
//! [`from_json_enum!`], instead of `#[derive(Deserialize)]`. The derive's visitors, monomorphised
//! for `serde_json::Value`, were about 41 KB of the WebAssembly module's 250 KB of compressed code;
//! these readers walk the already-parsed `Value` with a few shared, non-generic helpers. The same
//! code runs natively and in the browser, so the endpoint, the CLI and the widget accept and
//! reject exactly the same JSON, and name the same place when they reject it.
//!
//! The macros keep serde's conventions, so that the `Serialize` derive and the JSON Schema (both
//! still from serde attributes) describe what is read: field names are the camelCase of the Rust
//! names unless renamed, an `Option` field may be absent or `null`, unknown fields are an error
//! unless the type is marked `lenient`. `tests/core/de.rs` checks every type against its own
//! serialisation. Each type also implements `serde::Deserialize` through its reader, for code
//! that meets it inside serde-derived types.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[doc(hidden)]
pub use serde as __serde;
pub use serde_json::{Map, Value};

/// Where reading failed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    /// Dotted path (`sections[3].type`), `.` for the root.
    pub path: String,
    /// JSON pointer of the same place (`/sections/3/type`), empty for the root.
    pub pointer: String,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for DeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A reading error on its way up: the message, and the path so far from the innermost place
/// outwards (each level adds its key or index as the error passes through it).
#[derive(Debug)]
pub struct Bad {
    rev: Vec<Seg>,
    message: String,
}

#[derive(Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

impl Bad {
    /// An error at the current place.
    pub fn new(message: impl Into<String>) -> Bad {
        Bad { rev: Vec::new(), message: message.into() }
    }

    fn in_key(mut self, key: &str) -> Bad {
        self.rev.push(Seg::Key(key.to_owned()));
        self
    }

    fn in_index(mut self, i: usize) -> Bad {
        self.rev.push(Seg::Index(i));
        self
    }

    /// The finished error, with its path.
    pub fn finish(self) -> DeError {
        let (mut path, mut pointer) = (String::new(), String::new());
        for seg in self.rev.iter().rev() {
            match seg {
                Seg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    pointer.push('/');
                    pointer.push_str(&k.replace('~', "~0").replace('/', "~1"));
                }
                Seg::Index(i) => {
                    let _ = write!(path, "[{i}]");
                    let _ = write!(pointer, "/{i}");
                }
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        DeError { path, pointer, message: self.message }
    }
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    /// Reads `v`.
    fn from_json(v: &Value) -> Result<Self, Bad>;

    /// The value of an absent field of this type: `None` when the field is required. `Option`
    /// fields may be left out, as with serde.
    fn absent() -> Option<Self> {
        None
    }
}

/// Reads `T` from `value`; the error names the place.
pub fn from_value<T: FromJson>(value: &Value) -> Result<T, DeError> {
    T::from_json(value).map_err(Bad::finish)
}

/// Reads `T` from JSON text.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, DeError> {
    let v: Value = serde_json::from_str(text).map_err(|e| DeError { path: ".".into(), pointer: String::new(), message: e.to_string() })?;
    from_value(&v)
}

/// serde's description of a value, for "invalid type" messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// "invalid type: string \"x\", expected u32".
pub fn invalid(v: &Value, expected: &str) -> Bad {
    Bad::new(format!("invalid type: {}, expected {expected}", describe(v)))
}

/// The object `v` is, or an error naming `what` was expected.
pub fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>, Bad> {
    v.as_object().ok_or_else(|| invalid(v, what))
}

/// Whether the JSON key `json` names the field `name`: the camelCase of a snake_case Rust name
/// (`due_soon_days` is `dueSoonDays`), or a rename given as is (`type`).
/// The same rule as [`camel`], compared byte by byte so that no name is allocated: one helper
/// shared by both cost 140 bytes of the module more (measured), and `tests/core/de.rs` holds
/// the two to each other.
pub fn key_is(json: &str, name: &str) -> bool {
    let mut j = json.bytes();
    let mut upper = false;
    for b in name.bytes() {
        if b == b'_' {
            upper = true;
            continue;
        }
        let want = if upper { b.to_ascii_uppercase() } else { b };
        upper = false;
        if j.next() != Some(want) {
            return false;
        }
    }
    j.next().is_none()
}

/// The JSON name of a field: the camelCase of its Rust name (`due_soon_days` → `dueSoonDays`).
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else {
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        }
    }
    out
}

fn one_of(names: &[&str]) -> String {
    let mut s = String::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "`{}`", camel(n));
    }
    s
}

/// An unknown key: an error ("unknown field `x`, expected one of …") unless `lenient`.
pub fn unknown(key: &str, fields: &[&str], lenient: bool) -> Result<(), Bad> {
    if lenient {
        return Ok(());
    }
    Err(Bad::new(format!("unknown field `{key}`, expected one of {}", one_of(fields))))
}

/// The field `key` of an object, read as `T`; errors inside it name the key.
pub fn field<T: FromJson>(v: &Value, key: &str) -> Result<T, Bad> {
    T::from_json(v).map_err(|e| e.in_key(key))
}

/// An absent field: its `absent` value, or "missing field `x`".
pub fn missing<T: FromJson>(name: &str) -> Result<T, Bad> {
    T::absent().ok_or_else(|| Bad::new(format!("missing field `{}`", camel(name))))
}

/// A unit variant by its wire name, or "unknown variant `x`, expected one of …".
pub fn variant<T: Copy>(v: &Value, all: &[(T, &str)], what: &str) -> Result<T, Bad> {
    let s = v.as_str().ok_or_else(|| invalid(v, what))?;
    all.iter().find(|(_, n)| *n == s).map(|(t, _)| *t).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
        Bad::new(format!("unknown variant `{s}`, expected one of {}", one_of(&names)))
    })
}

/// serde's `Deserialize` through the reader, for `impl Deserialize` of the macros.
pub fn deserialize<'de, T: FromJson, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    from_value(&v).map_err(<D::Error as serde::de::Error>::custom)
}

impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok(v.clone())
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str().map(str::to_owned).ok_or_else(|| invalid(v, "a string"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_bool().ok_or_else(|| invalid(v, "a boolean"))
    }
}

fn unsigned(v: &Value, max: u64, what: &str) -> Result<u64, Bad> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(n) => Err(Bad::new(format!("invalid value: integer `{n}`, expected {what}"))),
        None if v.as_i64().is_some() => Err(Bad::new(format!("invalid value: {}, expected {what}", describe(v)))),
        None => Err(invalid(v, what)),
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        unsigned(v, u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl FromJson for u64 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        unsigned(v, u64::MAX, "u64")
    }
}

impl FromJson for usize {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        unsigned(v, usize::MAX as u64, "usize").map(|n| n as usize)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        T::from_json(v).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let a = v.as_array().ok_or_else(|| invalid(v, "a sequence"))?;
        a.iter().enumerate().map(|(i, x)| T::from_json(x).map_err(|e| e.in_index(i))).collect()
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        // Inserted one by one: collecting into a BTreeMap links a stable sort per element type.
        let mut out = BTreeMap::new();
        for (k, x) in object(v, "a map")? {
            out.insert(k.clone(), field(x, k)?);
        }
        Ok(out)
    }
}

/// Implements [`FromJson`] (and `serde::Deserialize` through it) for a struct, from its field list:
///
/// ```text
/// from_json_struct!(Section [] { id, title, hint, key_item: opt, kind as "type", label: (default_label()) });
/// from_json_struct!(Config [defaults] { talk, due_soon_days });   // absent fields: Config::default()'s
/// from_json_struct!(Finding [lenient] { code, from_named_rule: skip });   // unknown keys ignored
/// ```
///
/// A field is read from the camelCase of its name, or from the name after `as`. Absent, it is an
/// error unless it is an `Option`, marked `opt` (its type's `Default`), given a default expression in
/// parentheses, or the container is `[defaults]`. `skip` fields are never read (their `Default`).
#[macro_export]
macro_rules! from_json_struct {
    ($ty:ident [defaults] { $($f:ident $(as $json:literal)?),* $(,)? }) => {
        impl $crate::de::FromJson for $ty {
            fn from_json(v: &$crate::de::Value) -> Result<Self, $crate::de::Bad> {
                const FIELDS: &[&str] = &[$($crate::from_json_struct!(@key $f $($json)?)),*];
                let m = $crate::de::object(v, stringify!($ty))?;
                let mut out = <$ty as Default>::default();
                'keys: for (k, val) in m {
                    $(
                        if $crate::de::key_is(k, $crate::from_json_struct!(@key $f $($json)?)) {
                            out.$f = $crate::de::field(val, k)?;
                            continue 'keys;
                        }
                    )*
                    $crate::de::unknown(k, FIELDS, false)?;
                }
                Ok(out)
            }
        }
        $crate::from_json_struct!(@serde $ty);
        $crate::from_json_struct!(@fields $ty $($f $($json)?),*);
    };
    ($ty:ident [$($lenient:ident)?] { $($f:ident $(as $json:literal)? $(: $how:tt)?),* $(,)? }) => {
        impl $crate::de::FromJson for $ty {
            fn from_json(v: &$crate::de::Value) -> Result<Self, $crate::de::Bad> {
                const FIELDS: &[&str] = &[$($crate::from_json_struct!(@key $f $($json)?)),*];
                let m = $crate::de::object(v, stringify!($ty))?;
                $( #[allow(unused_mut)] let mut $f = None; )*
                'keys: for (k, val) in m {
                    $( $crate::from_json_struct!(@take k, val, $f, $crate::from_json_struct!(@key $f $($json)?), 'keys $(, $how)?); )*
                    $crate::de::unknown(k, FIELDS, $crate::from_json_struct!(@lenient $($lenient)?))?;
                }
                Ok($ty {
                    $( $f: match $f {
                        Some(x) => x,
                        None => $crate::from_json_struct!(@absent $crate::from_json_struct!(@key $f $($json)?) $(, $how)?),
                    }, )*
                })
            }
        }
        $crate::from_json_struct!(@serde $ty);
        $crate::from_json_struct!(@fields $ty $($f $($json)?),*);
    };
    (@fields $ty:ident $($f:ident $($json:literal)?),*) => {
        #[allow(dead_code)]
        impl $ty {
            /// The fields read, by Rust name or rename (tests compare them with the JSON Schema).
            pub const JSON_FIELDS: &'static [&'static str] = &[$($crate::from_json_struct!(@key $f $($json)?)),*];
        }
    };
    (@key $f:ident) => { stringify!($f) };
    (@key $f:ident $json:literal) => { $json };
    (@lenient) => { false };
    (@lenient lenient) => { true };
    (@take $k:ident, $val:ident, $f:ident, $key:expr, $l:lifetime, skip) => {};
    (@take $k:ident, $val:ident, $f:ident, $key:expr, $l:lifetime $(, $how:tt)?) => {
        if $crate::de::key_is($k, $key) {
            $f = Some($crate::de::field($val, $k)?);
            continue $l;
        }
    };
    (@absent $key:expr) => { $crate::de::missing($key)? };
    (@absent $key:expr, opt) => { Default::default() };
    (@absent $key:expr, skip) => { Default::default() };
    (@absent $key:expr, ($e:expr)) => { $e };
    (@serde $ty:ident) => {
        impl<'de> $crate::de::__serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::de::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::de::deserialize(d)
            }
        }
    };
}

/// Implements [`FromJson`] (and `serde::Deserialize`) for a unit-only enum from its variants'
/// wire names: `from_json_enum!(Severity { Error = "error", Warning = "warning" });`. The enum
/// gets `JSON_NAMES`, every variant with its name (the tests check it against `Serialize`).
#[macro_export]
macro_rules! from_json_enum {
    ($ty:ident { $($v:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every variant with its JSON name.
            pub const JSON_NAMES: &'static [($ty, &'static str)] = &[$(($ty::$v, $name)),*];
        }
        impl $crate::de::FromJson for $ty {
            fn from_json(v: &$crate::de::Value) -> Result<Self, $crate::de::Bad> {
                $crate::de::variant(v, $ty::JSON_NAMES, concat!("a ", stringify!($ty)))
            }
        }
        $crate::from_json_struct!(@serde $ty);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct T {
        a: Vec<U>,
        b_c: Option<String>,
    }
    #[derive(Debug, PartialEq)]
    struct U {
        n: u32,
        kind: bool,
    }
    crate::from_json_struct!(T [] { a, b_c });
    crate::from_json_struct!(U [] { n, kind as "type": (false) });

    #[test]
    fn errors_name_the_place() {
        let e = from_value::<T>(&serde_json::json!({ "a": [{ "n": 1 }, { "n": "x" }] })).expect_err("bad");
        assert_eq!(e.path, "a[1].n");
        assert_eq!(e.pointer, "/a/1/n");
        assert_eq!(e.message, "invalid type: string \"x\", expected u32");
        let e = from_value::<T>(&serde_json::json!({ "a": [], "bC": "x", "b_c": 1 })).expect_err("unknown");
        assert_eq!((e.path.as_str(), e.message.as_str()), (".", "unknown field `b_c`, expected one of `a`, `bC`"));
        let e = from_value::<T>(&serde_json::json!({})).expect_err("missing");
        assert_eq!(e.message, "missing field `a`");
        let e = from_value::<U>(&serde_json::json!({ "n": -1 })).expect_err("negative");
        assert_eq!(e.message, "invalid value: integer `-1`, expected u32");
        let e = from_value::<U>(&serde_json::json!({ "n": 4294967296u64 })).expect_err("too big");
        assert_eq!(e.message, "invalid value: integer `4294967296`, expected u32");
    }

    #[test]
    fn names_defaults_and_nulls_follow_serde() {
        let t = from_value::<T>(&serde_json::json!({ "a": [{ "n": 7, "type": true }, { "n": 0 }], "bC": null })).unwrap();
        assert_eq!(t, T { a: vec![U { n: 7, kind: true }, U { n: 0, kind: false }], b_c: None });
        assert!(key_is("dueSoonDays", "due_soon_days") && key_is("houseAreaM2", "house_area_m2") && key_is("legacy15", "legacy15"));
        assert!(
            !key_is("due_soon_days", "due_soon_days") && !key_is("dueSoon", "due_soon_days") && !key_is("dueSoonDaysX", "due_soon_days")
        );
        // Through serde, the same reader and the same message.
        let e = serde_json::from_value::<U>(serde_json::json!({ "n": true })).unwrap_err().to_string();
        assert_eq!(e, "n: invalid type: boolean `true`, expected u32");
    }
}
