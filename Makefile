# The two commands a newcomer needs are `make test` and (with the widget, issue #3) `make demo`.
# Everything they need is installed by the targets themselves.

CARGO ?= cargo

.PHONY: test setup bench

## Run every test: native unit, integration and property tests, the CLI tests, and a check that
## the domain core compiles for WebAssembly.
test: setup
	$(CARGO) test --all-targets
	$(CARGO) test --doc
	$(CARGO) check --lib --target wasm32-unknown-unknown

## Toolchain pieces that a fresh machine lacks.
setup:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

## Benchmarks (figures, not tests): validation of a 个人有关事项 record with 10/100/1000 rows.
bench:
	$(CARGO) bench --bench validate
