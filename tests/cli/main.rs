//! The command-line tool's tests and the documentation's links, one binary (`cargo test --test cli`).

mod cli;
mod docs;
mod layering;
#[path = "../scratch.rs"]
mod scratch;
