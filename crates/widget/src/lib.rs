//! # checklist-widget
//!
//! The embeddable checklist: the Yew view ([`ui`]: state, rendering, the error summary, review and
//! print) and, in WebAssembly only, the web layer ([`web`]: the custom element and handle, storage,
//! fetch, files, the clock). All domain logic comes from `checklist-core`; see `ARCHITECTURE.md`.
#![deny(missing_docs)]

pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
