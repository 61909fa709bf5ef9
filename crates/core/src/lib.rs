//! # checklist-core
//!
//! Checklists for supervising “一把手” and leadership teams: the annual 述职 / 述责述廉 report,
//! the 监督谈话 schedule and records, and the 个人有关事项 report. This crate is the pure domain
//! core: templates as data, the validation engine and every SPEC rule, identifier validators,
//! talk-schedule computations and the versioned export format. The same code validates in the
//! browser (WebAssembly, through `checklist-widget`) and on the server (native, `checklist-server`);
//! see `ARCHITECTURE.md`.
//!
//! Architecture invariant, kept by this crate's manifest: it depends on no browser, UI, HTTP, async or
//! database crate, and it never reads a clock ("today" is always a parameter).
#![deny(missing_docs)]

pub mod access;
pub mod compare;
pub mod config;
pub mod date;
pub mod de;
pub mod decimal;
pub mod engine;
pub mod envelope;
pub mod finding;
pub mod holidays;
pub mod ident;
pub mod intake;
pub mod locale;
pub mod normalize;
pub mod pattern;
pub mod rules;
pub mod schedule;
pub mod sort;
pub mod template;

#[cfg(feature = "schema")]
pub mod schema;

pub use config::Config;
pub use date::Date;
pub use engine::Validator;
pub use finding::{Code, Confirmation, Finding, Report, Severity};
pub use locale::{Locale, Text};
pub use template::Template;
