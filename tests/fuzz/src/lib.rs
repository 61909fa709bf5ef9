//! Fuzz targets for `make fuzz` (cargo-fuzz, libFuzzer); the checks live in `checks.rs`.
mod checks;
pub use checks::{import, pattern, template, validate};
