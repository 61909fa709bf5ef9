//! Fuzz targets for `make fuzz` (cargo-fuzz, libFuzzer); the checks live in `checks.rs` (the core)
//! and `store.rs` (the widget's store).
mod checks;
mod store;
pub use checks::{pattern, template, validate};

/// The `import` target: the core's import, then the same bytes through the widget's store.
pub fn import(data: &[u8]) {
    checks::import(data);
    store::import_into_store(data);
}
