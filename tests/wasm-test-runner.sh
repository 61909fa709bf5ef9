#!/bin/sh
# Cargo's runner for `cargo test --target wasm32-unknown-unknown` (.cargo/config.toml): the browser unit tests.
# The crate is built with target-cpu=mvp, but Rust's prebuilt compiler_builtins still writes the target's default
# features (+reference-types, +multivalue) into the module's target_features section, and wasm-bindgen would turn
# its externref transform on from it and fail ("failed to find __wbindgen_externref_table_alloc"). The section is
# dropped first, as `make pkg` does for the shipped module; then wasm-bindgen-test-runner runs as usual.
set -e
wasm="$1"
shift
node "$(dirname "$0")/e2e/strip-target-features.mjs" "$wasm" "$wasm" >/dev/null
exec wasm-bindgen-test-runner "$wasm" "$@"
