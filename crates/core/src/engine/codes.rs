//! Codes of the generic, template-declared checks: declared in `finding/codes/field.rs` (the
//! registry of every code), named here too so that `engine::codes::FieldCode` keeps working.

pub use crate::finding::codes::field::FieldCode;
