//! The widget's state and every change a user can make, as plain Rust with no DOM: the view is a
//! function of a [`Store`], and [`Store::update`] turns a [`Msg`] into a new state plus the
//! [`Effect`]s the web layer must perform (post, download, save a draft, move focus, emit an
//! event). Everything here runs natively in tests.
//!
//! One file per concern, each with the update of its messages: `editing`, `validation`, `submit`,
//! `drafts`, `transfer` (import / export and the file pickers), `navigation`, `last_year`,
//! `review`, `print`; `update` routes a message to its concern, `state` holds the data, `msg` the
//! messages and effects, `pointer` the JSON-pointer helpers, `country` country fields (codes
//! stored, names typed and shown). This file only declares: it re-exports nothing, so that its children may
//! use `super::` and `pub(super)` without importing a file that imports them back.

pub mod country;
pub mod drafts;
pub mod editing;
pub mod last_year;
pub mod msg;
pub mod navigation;
pub mod notice;
pub mod pointer;
pub mod print;
pub mod read;
pub mod review;
pub mod state;
pub mod submit;
#[cfg(test)]
mod testing;
pub mod transfer;
pub mod update;
pub mod validation;
