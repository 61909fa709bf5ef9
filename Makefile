# The two commands a newcomer needs are `make test` and (with the widget, issue #3) `make demo`.
# Everything they need is installed by the targets themselves.

CARGO ?= cargo

.PHONY: test setup bench

## Run every test: a check that the domain core compiles for WebAssembly, then the native unit,
## integration, property and CLI tests (and each benchmark once, as a test).
test: setup
	$(CARGO) check --lib --target wasm32-unknown-unknown
	$(CARGO) test --all-targets --no-fail-fast

## Toolchain pieces that a fresh machine lacks.
setup:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

## Benchmarks (figures, not tests): validation of a 个人有关事项 record with 10/100/1000 rows.
bench:
	$(CARGO) bench --bench validate
