//! The words of the view, one catalogue per locale: `zh_cn.rs` and `en.rs` each hold every fixed
//! word ([`W`]) and every sentence with values in it (notices) in their language, so that a
//! translator works in one file and nothing else in the widget spells out a sentence. Looked up at
//! render time, so a language switch re-translates everything on screen.
//!
//! This file only declares and re-exports.

mod en;
mod key;
mod lookup;
mod zh_cn;

pub use key::{P, W};
pub use lookup::{notice, say, w};
