//! The record accessors, at their former path: they live in [`crate::access`], which the engine,
//! conditions and the talk schedule share with the rules.

pub use crate::access::*;
