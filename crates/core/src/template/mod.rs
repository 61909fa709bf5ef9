//! The template format: a checklist described as data. A template lists sections; a section has
//! fields and repeating tables; fields have a type and declarative rules; a template names the
//! Rust rules (SPEC rule ids) that apply to it. The three built-in checklists are templates in
//! `src/templates/*.json`; a host may supply its own built from the same vocabulary.
//!
//! Record data mirrors the template: `record[section.id][field.key]` is a field's value and
//! `record[section.id][table.id]` is an array of row objects keyed by column.
//!
//! This module owns the format (`model`), parsing and checking templates (`load`), the pointers a
//! template defines (`pointer`) and the evaluation of its conditions on a record (`condition`). The
//! submodules import each other's items by their own paths, never through this file, which only
//! declares and re-exports them.
//!
//! It must not validate records (that is `engine`) and never panics on bad input: a malformed
//! template is a [`TemplateError`] that names the place in the JSON.

mod condition;
mod load;
pub(crate) mod model;
pub(crate) mod pointer;

#[cfg(not(target_arch = "wasm32"))]
pub use load::builtin_source;
#[cfg(feature = "builtin-templates")]
pub use load::{builtin, builtin_json};
pub use load::{builtin_kind, builtin_names, load, TemplateError};
pub use model::{
    Check, ChecklistKind, CompareOp, Condition, EnumOption, Field, FieldType, IdLinks, PresenceLabels, PresenceSpec, Reference,
    Requirement, Section, Table, Template, YearBound, CHANGED_KEY, PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE,
};
pub(crate) use pointer::escape_token;
pub use pointer::{SetRefusal, Target};
