//! The command-line tool's tests, the documentation's links, the layering and the names kept in step across
//! languages, one binary (`cargo test --test cli`).

mod cli;
mod docs;
mod layering;
mod names;
#[path = "../scratch.rs"]
mod scratch;
