//! The widget's view: Yew function components that render a [`Store`] for any template. Compiled
//! natively too, so that tests render it to HTML (Yew's server-side renderer) without a browser.
//! The view never calls the web layer: what only the page can do (read a file, tell the time)
//! reaches it through the [`Host`] port that `crate::web` passes in at mount.
//!
//! Every input carries its JSON pointer in `data-path`; its message is an element
//! `[data-error-for]` referenced by `aria-describedby`. Buttons carry `data-action`. These
//! attributes are the contract with the host page and the end-to-end tests.
//!
//! This file only declares and re-exports: shared items live in leaf modules (`shared`, `dom`,
//! `text`, `answer`), so that no file imports one that imports it back.

mod answer;
mod app;
pub mod builtins;
mod changes;
mod country;
mod crosscheck;
mod dom;
mod form;
mod keys;
mod overview;
mod print;
mod review;
mod reviewer;
mod shared;
pub mod store;
mod summary;
pub mod text;
mod tools;

pub use app::{App, AppProps};
pub use dom::{dom_id, ADD_ROW, DISCARD_ASK, DISCARD_CONFIRM, END_PRINT, PRINT, REMOVE_ASK, REMOVE_CONFIRM};
pub use shared::{Host, Shared};
pub use store::state::Store;
