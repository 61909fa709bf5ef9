# The two commands a newcomer needs are `make test` and `make demo`.
# Everything they need is installed by the targets themselves (`make tools`, idempotent), from package
# registries only (apt, crates.io, npm): see ../shared/toolchain.md for why each piece comes from where.

CARGO ?= cargo
SHELL := /bin/bash

WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
WASM := $(TARGET_DIR)/$(WASM_TARGET)/release/accountability_checklist.wasm
PKG := www/pkg
BIN := $(TARGET_DIR)/server/accountability-checklist
E2E := tests/e2e
NODE_BIN := $(E2E)/node_modules/.bin
# Rust 1.95's wasm32 target emits these proposals by default. wasm-opt also reads them from the module's
# target_features section; naming them keeps it working if that section is ever stripped.
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue
APT_PACKAGES := chromium chromium-driver fonts-wqy-zenhei brotli
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

DEMO_ADDR ?= 127.0.0.1:8080
DEMO_DB ?= target/demo/demo.sqlite3
# "Today" for the demo server: the current date in Asia/Shanghai unless given (make demo DEMO_TODAY=2026-01-15).
DEMO_TODAY ?= $(shell TZ=Asia/Shanghai date +%F)

.PHONY: test setup tools apt-tools wasm-bindgen-cli npm-tools native wasm-check wasm-test pkg size server demo e2e bench

## Run every test, stopping at the first failing layer: the native unit, integration, property and CLI
## tests; a check that the domain core compiles for WebAssembly; the browser unit tests (wasm-bindgen-test in
## headless Chromium); the end-to-end tests (Playwright against the reference server and the built widget).
test: tools native wasm-check wasm-test e2e

native: setup
	$(CARGO) test --all-targets --no-fail-fast

wasm-check: setup
	$(CARGO) check --lib --target $(WASM_TARGET)

## Browser unit tests (tests/browser.rs); the runner comes from .cargo/config.toml.
wasm-test: tools
	CHROMEDRIVER=$$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
		$(CARGO) test --target $(WASM_TARGET) --test browser

## Toolchain pieces that a fresh machine lacks. Each step is skipped when already present.
tools: setup apt-tools wasm-bindgen-cli npm-tools

setup:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)

# Node 20 (playwright-core's minimum) is part of this project's machine image; Debian's own nodejs (18)
# is only a last resort when npm is missing altogether.
apt-tools:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null \
		&& command -v npm >/dev/null && dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then :; else \
		echo "installing $(APT_PACKAGES) (apt)"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(APT_PACKAGES) \
			$$(command -v npm >/dev/null || echo nodejs npm); \
	fi

wasm-bindgen-cli:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (crates.io, 2-4 min)"; \
		$(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# playwright-core (driving the system Chromium, no browser download), axe-core, binaryen (wasm-opt).
npm-tools: $(E2E)/node_modules/.package-lock.json
$(E2E)/node_modules/.package-lock.json: $(E2E)/package.json $(E2E)/package-lock.json
	npm ci --prefix $(E2E) --no-audit --no-fund
	@touch $@

## The WebAssembly package in www/pkg/ (gitignored). Cargo is incremental, so this always runs it.
pkg: tools
	$(CARGO) rustc --lib --release --target $(WASM_TARGET) --crate-type cdylib
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) $(WASM)
	$(NODE_BIN)/wasm-opt -Oz $(WASM_OPT_FEATURES) $(PKG)/accountability_checklist_bg.wasm -o $(PKG)/accountability_checklist_bg.wasm

## What a portal downloads: raw and brotli (-q 11) sizes of the widget's files.
size: pkg
	@raw_total=0; br_total=0; \
	for f in $(PKG)/*.wasm $(PKG)/*.js www/checklist.js www/checklist.css; do \
		[ -f "$$f" ] || { echo "missing: $$f"; continue; }; \
		raw=$$(stat -c %s "$$f"); br=$$(brotli -q 11 -c "$$f" | wc -c); \
		raw_total=$$((raw_total + raw)); br_total=$$((br_total + br)); \
		awk -v f="$$f" -v r=$$raw -v b=$$br 'BEGIN { printf "%-45s %9.1f KB raw %8.1f KB brotli\n", f, r/1024, b/1024 }'; \
	done; \
	awk -v r=$$raw_total -v b=$$br_total 'BEGIN { printf "%-45s %9.1f KB raw %8.1f KB brotli\n", "total", r/1024, b/1024 }'

## The reference server (release build).
server:
	$(CARGO) build --profile server --bin accountability-checklist

## Run the demo: the widget, www/index.html and www/portal.html served by the reference server on
## http://127.0.0.1:8080/ (records stored under target/demo/).
demo: tools pkg server
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN) serve --addr $(DEMO_ADDR) --db $(DEMO_DB) --www www --today $(DEMO_TODAY)

## End-to-end tests (tests/e2e/run.mjs): each starts the built server on a free port with a temporary
## database. `make e2e E2E_ONLY=portal` runs only the test files whose name contains "portal".
e2e: tools pkg server
	AC_BIN=$(BIN) node $(E2E)/run.mjs $(E2E_ONLY)

## Benchmarks (figures, not tests): validation of a 个人有关事项 record with 10/100/1000 rows.
bench:
	$(CARGO) bench --bench validate
