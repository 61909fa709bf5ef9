//! The finding-code registry: every machine code a finding can carry, with its message in every
//! locale. This directory *is* the wire contract (portal back ends branch on these strings): a
//! message may be reworded, a code is never renamed or reused.
//!
//! Codes are grouped by the part of the core that raises them, one file per group; each group is
//! declared with [`finding_codes!`](crate::finding_codes), which makes a message in every locale
//! part of the declaration itself, so a code without a message does not compile. A leaf: the
//! groups depend on `locale` only, and every module that raises findings imports them from here.

pub mod cross;
pub mod field;
pub mod geren;
pub mod ident;
pub mod import;
pub mod shuzhi;
pub mod tanhua;

use std::fmt;

use serde::{Serialize, Serializer};

use crate::locale::Locale;

/// Declares a group of finding codes with their messages. Each code is written
/// `Variant = "machine_code" { zh: "…", en: "…" }`; `{name}` in a message is replaced by the
/// finding's param `name` (and `{label}` by the field label in the reader's locale).
#[macro_export]
macro_rules! finding_codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal { zh: $zh:literal, en: $en:literal $(,)? } ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $variant ),* }

        impl $name {
            /// Every code of this group, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The group prefix of the machine code.
            pub const PREFIX: &'static str = $prefix;

            /// The stable machine code, e.g. `id_card.check_digit`.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, ".", $code)),* }
            }

            /// The message template in `locale`.
            pub fn message(self, locale: $crate::locale::Locale) -> &'static str {
                match locale {
                    $crate::locale::Locale::ZhCn => match self { $($name::$variant => $zh),* },
                    $crate::locale::Locale::En => match self { $($name::$variant => $en),* },
                }
            }

            /// The code whose machine code is `s`.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $(concat!($prefix, ".", $code) => Some($name::$variant),)* _ => None }
            }
        }
    };
}

/// Declares `Code` over the groups of codes, so that a group is added in one place.
macro_rules! code_groups {
    ($( $(#[$doc:meta])* $variant:ident($ty:path) ),* $(,)?) => {
        /// A stable machine code: serialized as a dotted snake_case string such as
        /// `geren.self_missing`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant($ty), )*
        }

        impl Code {
            /// The stable machine code.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant(c) => c.as_str(), )* }
            }

            /// The message template in `locale`.
            pub fn message_template(self, locale: Locale) -> &'static str {
                match self { $( Code::$variant(c) => c.message(locale), )* }
            }

            /// Parses a machine code of any group.
            pub fn parse(s: &str) -> Option<Code> {
                $( if let Some(c) = <$ty>::parse(s) { return Some(Code::$variant(c)); } )*
                None
            }

            /// Every code of every group.
            pub fn all() -> Vec<Code> {
                let mut all = Vec::new();
                $( all.extend(<$ty>::ALL.iter().copied().map(Code::$variant)); )*
                all
            }
        }

        $( impl From<$ty> for Code {
            fn from(c: $ty) -> Code { Code::$variant(c) }
        } )*
    };
}

code_groups! {
    /// Generic field checks declared in templates.
    Field(field::FieldCode),
    /// Identifier checks (ID cards, credit codes, passports …).
    Ident(ident::IdentCode),
    /// Rules of the 述职 / 述责述廉 checklist.
    Shuzhi(shuzhi::ShuzhiCode),
    /// Rules of the 谈话 checklist.
    Tanhua(tanhua::TanhuaCode),
    /// Rules of the 个人有关事项 checklist.
    Geren(geren::GerenCode),
    /// Cross-checks between checklists.
    Cross(cross::CrossCode),
    /// Problems with an imported file.
    Import(import::ImportCode),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl crate::de::FromJson for Code {
    fn from_json(v: &serde_json::Value) -> Result<Code, crate::de::Bad> {
        let s = v.as_str().ok_or_else(|| crate::de::invalid(v, "a finding code"))?;
        Code::parse(s).ok_or_else(|| crate::de::Bad::new(format!("unknown finding code `{s}`")))
    }
}

crate::from_json_struct!(@serde Code);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FindingCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Code::all().into_iter().map(Code::as_str).collect();
        schemars::json_schema!({ "type": "string", "enum": codes })
    }
}
