# The two commands a newcomer needs are `make test` and `make demo`.
# Everything they need is installed by the targets themselves (`make tools`, idempotent), from package
# registries only (apt, crates.io, npm): see ../shared/toolchain.md for why each piece comes from where.

CARGO ?= cargo
SHELL := /bin/bash

WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
WASM := $(TARGET_DIR)/$(WASM_TARGET)/release/checklist_widget.wasm
# wasm-bindgen --out-name keeps the file names portals already load (www/pkg/accountability_checklist*).
PKG_NAME := accountability_checklist
PKG := www/pkg
BIN := $(TARGET_DIR)/server/accountability-checklist
E2E := tests/e2e
NODE_BIN := $(E2E)/node_modules/.bin
# WebAssembly 1.0 (MVP) only, for kernels back to Chromium 78 (docs/browsers.md). .cargo/config.toml builds
# with target-cpu=mvp; tests/e2e/strip-target-features.mjs drops the features section that the prebuilt
# compiler_builtins fills with the target's defaults, so that wasm-bindgen emits no externref or multi-value
# glue; whatever post-MVP instruction is left (the standard library is prebuilt with the
# target's defaults) is lowered by the first wasm-opt run, which accepts those proposals on input only. The
# second run optimises with MVP features alone, so it can neither keep nor introduce any, and
# tests/e2e/wasm-mvp.mjs (wabt) checks the result before it ships.
# -Oz, with GUFA (whole-module flow analysis) and --converge (repeat until nothing shrinks): -0.6 KB brotli; no producers
# section (toolchain names, 0.1 KB). Tried and left out: --merge-similar-functions (+69 bytes brotli on this module),
# --gufa-optimizing, a second -Oz, -inline-threshold=0 for LLVM (+0.8 KB), opt-level "s" (+39 KB).
WASM_OPT_PASSES := -Oz --gufa --converge --strip-producers
# The shipped module's standard library is compiled with it (cargo -Zbuild-std, from the rust-src component of
# the same rustc, 1.95 on these machines; RUSTC_BOOTSTRAP=1 lets that stable compiler take the two unstable options), for size:
# - panics trap at once (-Cpanic=immediate-abort). With panic = "abort" they already ended the widget in a trap,
#   after Yew's panic hook had written the message and source line to the console; the formatting machinery, every
#   panic's message and location were linked in for that line. A panic is a bug (none is known; the fuzz targets
#   look for them), and every user paid about 14 KB for its console line: the trap's RuntimeError stays;
# - the standard library's optimize_for_size feature (smaller sorts and string searching).
# Both together: wasm -16.1 KB brotli (16,493 bytes), glue -0.3 KB (docs/performance.md);
# - target-cpu=mvp reaches the standard library too, so nothing post-MVP comes from it.
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so target-cpu=mvp is repeated here. Host crates (build scripts,
# proc macros) are not affected: with --target, RUSTFLAGS applies to the target's crates only. The browser unit
# tests (make wasm-test) still build on the prebuilt standard library; the e2e tests run this module.
# Tried with it and left out: -Zinline-mir=no (no change), -Zmir-opt-level=1 (+0.8 KB), -Zfmt-debug=none (-0.3 KB,
# but the JSON readers' error messages quote values with {:?}).
WASM_BUILD_STD := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
WASM_CARGO := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-cpu=mvp -Zunstable-options -Cpanic=immediate-abort" $(CARGO)
# The lowering run also gives the module's imports, their module and its exports one- or two-letter names (wasm-bindgen's
# import names carry a hash each and compress badly: -3.3 KB brotli); it prints the map, with which
# tests/e2e/minify-names.mjs renames them in the glue and checks that glue and module agree. Not inside the -Oz run:
# --converge would repeat it and print one map per round.
WASM_MINIFY_NAMES := --minify-imports-and-exports-and-modules
# wasm-bindgen's glue module is lowered to what that kernel parses (it uses `?.` since 0.2.1xx), and
# minified (-1.4 KB brotli: it is a build product nobody reads; import and export names are kept).
JS_TARGET := chrome78
WASM_LOWER_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
WASM_LOWERING := --llvm-memory-copy-fill-lowering --llvm-nontrapping-fptoint-lowering --signext-lowering --strip-target-features
# poppler-utils: pdftotext / pdftoppm read the printed PDF in tests/e2e/print.test.mjs.
# postgresql: the server tests and `make load` run against a throw-away PostgreSQL too (tests/server/pg.rs
# starts its own cluster in a temporary directory; the package's system service is not used).
APT_PACKAGES := chromium chromium-driver fonts-wqy-zenhei brotli poppler-utils postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

DEMO_ADDR ?= 127.0.0.1:8080
DEMO_DB ?= target/demo/demo.sqlite3
# The demo runs as a deployment should: reads need a token (new ones at every start, printed below),
# records are encrypted at rest with a key kept across starts (so earlier records stay readable).
DEMO_TOKENS ?= target/demo/tokens.json
DEMO_KEY ?= target/demo/data.key
# "Today" for the demo server: the current date in Asia/Shanghai unless given (make demo DEMO_TODAY=2026-01-15).
DEMO_TODAY ?= $(shell TZ=Asia/Shanghai date +%F)

.PHONY: size-floor www dist old-kernels integrity load fuzz bench-browser peer-page bench-kernel profile-browser test setup tools apt-tools wasm-bindgen-cli npm-tools native lint wasm-test pkg size server demo e2e bench test-tools data-check

## Run every test, stopping at the first failing layer: formatting and lints (natively and for WebAssembly);
## the native unit, integration, property and CLI tests (one test binary per crate); the shipped data against
## reference data; the browser unit tests (wasm-bindgen-test in headless Chromium); the size budget; the
## end-to-end tests (Playwright and old Chromium kernels against the reference server and the built widget).
test: tools lint native data-check wasm-test size-guard e2e

native: setup
	$(CARGO) test --workspace --all-targets --no-fail-fast

## rustfmt (rustfmt.toml) over the workspace, the fuzz crate and the size-floor crate; clippy with every warning an error, over every
## target natively and over the two crates that are compiled to WebAssembly (the web layer exists only there).
lint: setup
	$(CARGO) fmt --all --check
	$(CARGO) fmt --manifest-path tests/fuzz/Cargo.toml --check
	$(CARGO) fmt --manifest-path tests/size-floor/Cargo.toml --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p checklist-core -p checklist-widget --lib --target $(WASM_TARGET) -- -D warnings

## Browser unit tests (tests/widget/browser.rs); the runner comes from .cargo/config.toml.
wasm-test: tools
	CHROMEDRIVER=$$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
		$(CARGO) test -p checklist-widget --target $(WASM_TARGET) --test browser

## Toolchain pieces that a fresh machine lacks. Each step is skipped when already present.
tools: setup apt-tools wasm-bindgen-cli npm-tools test-tools old-kernels

## Real headless Chromium 78, 85 and 92 from npm packages, for tests/e2e/compat.test.mjs (sha512-pinned).
old-kernels: apt-tools
	@bash $(E2E)/old-kernels.sh $(TARGET_DIR)/old-chromium

setup:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@{ $(CARGO) fmt --version && $(CARGO) clippy --version; } >/dev/null 2>&1 || rustup component add rustfmt clippy
	@rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src

# Node 20 (playwright-core's minimum) is part of this project's machine image; Debian's own nodejs (18)
# is only a last resort when npm is missing altogether.
apt-tools:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null \
		&& command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null \
		&& ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
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

## Test-only reference data (never used at run time): PyPI chinesecalendar and pycountry, npm chinese-days,
## pinned, in target/test-tools/. `data-check` compares the shipped holiday calendar and ISO code tables with them.
TEST_TOOLS := $(TARGET_DIR)/test-tools
test-tools: $(TEST_TOOLS)/.installed-2
$(TEST_TOOLS)/.installed-2:
	python3 -m pip install --quiet --disable-pip-version-check --target $(TEST_TOOLS)/py chinesecalendar==1.11.0 pycountry==26.2.16
	npm install --silent --no-audit --no-fund --no-save --prefix $(TEST_TOOLS) chinese-days@1.5.7 i18n-iso-countries@7.14.0
	@touch $@

data-check: test-tools
	$(CARGO) run --quiet --bin accountability-checklist -- holidays | node tests/holidays/check.mjs $(TEST_TOOLS)
	$(CARGO) run --quiet --bin accountability-checklist -- holidays | PYTHONPATH=$(TEST_TOOLS)/py python3 tests/holidays/check.py
	$(CARGO) run --quiet --bin accountability-checklist -- iso | PYTHONPATH=$(TEST_TOOLS)/py python3 tests/iso/check.py
	$(CARGO) run --quiet --bin accountability-checklist -- iso | node tests/iso/check-names.mjs $(TEST_TOOLS)

## The WebAssembly package in www/pkg/ (gitignored). Cargo is incremental, so this always runs it.
pkg: tools
	$(WASM_CARGO) rustc $(WASM_BUILD_STD) -p checklist-widget --lib --release --target $(WASM_TARGET) --crate-type cdylib
	$(call wasm_package,$(WASM),$(PKG),$(TARGET_DIR)/wasm-mvp)
	@$(MAKE) --no-print-directory www integrity

# The steps from a cargo-built module to what ships: $(1) the module, $(2) the package directory (it gets
# $(PKG_NAME)_bg.wasm and $(PKG_NAME).js), $(3) a scratch directory, $(4) --allow-none for a module without
# closures (glue-traps.mjs makes the glue's closure wrappers hand a trap of the module to the loader, which shows
# it in each widget). make size-floor runs them too.
define wasm_package
	@mkdir -p $(3)
	node $(E2E)/strip-target-features.mjs $(1) $(3)/$(PKG_NAME).wasm
	wasm-bindgen --target web --no-typescript --out-name $(PKG_NAME) --out-dir $(2) $(3)/$(PKG_NAME).wasm
	$(NODE_BIN)/wasm-opt $(WASM_LOWER_FEATURES) $(WASM_LOWERING) $(WASM_MINIFY_NAMES) $(2)/$(PKG_NAME)_bg.wasm \
		-o $(2)/$(PKG_NAME)_bg.wasm > $(3)/names.json
	$(NODE_BIN)/wasm-opt --mvp-features $(WASM_OPT_PASSES) $(2)/$(PKG_NAME)_bg.wasm -o $(2)/$(PKG_NAME)_bg.wasm
	node $(E2E)/wasm-mvp.mjs $(2)/$(PKG_NAME)_bg.wasm
	node $(E2E)/minify-names.mjs $(2)/$(PKG_NAME).js $(3)/names.json $(2)/$(PKG_NAME)_bg.wasm
	node $(E2E)/glue-traps.mjs $(2)/$(PKG_NAME).js $(4)
	$(NODE_BIN)/esbuild $(2)/$(PKG_NAME).js --target=$(JS_TARGET) --format=esm --minify --log-level=warning \
		--outfile=$(2)/$(PKG_NAME).js --allow-overwrite
endef

## The least a page could download while the widget is Yew with the core's rules in the browser (issue #17):
## tests/size-floor/ built and packaged as the module is: the core's entry points a filler uses, a minimal Yew
## view, and the two together; printed beside the real module. Not part of `make test`.
SIZE_FLOOR_DIR := $(TARGET_DIR)/size-floor
size-floor: pkg
	@for features in core ui core,ui; do \
		$(WASM_CARGO) rustc $(WASM_BUILD_STD) --manifest-path tests/size-floor/Cargo.toml --features $$features \
			--release --target $(WASM_TARGET) --target-dir $(SIZE_FLOOR_DIR) -q || exit 1; \
		cp $(SIZE_FLOOR_DIR)/$(WASM_TARGET)/release/accountability_checklist_size_floor.wasm \
			$(SIZE_FLOOR_DIR)/$$(echo $$features | tr , -).wasm; \
	done
	$(call wasm_package,$(SIZE_FLOOR_DIR)/core.wasm,$(SIZE_FLOOR_DIR)/core,$(SIZE_FLOOR_DIR)/core,--allow-none)
	$(call wasm_package,$(SIZE_FLOOR_DIR)/ui.wasm,$(SIZE_FLOOR_DIR)/ui,$(SIZE_FLOOR_DIR)/ui)
	$(call wasm_package,$(SIZE_FLOOR_DIR)/core-ui.wasm,$(SIZE_FLOOR_DIR)/core-ui,$(SIZE_FLOOR_DIR)/core-ui)
	node $(E2E)/size-floor.mjs $(SIZE_FLOOR_DIR)

## What a portal loads besides pkg/: the loader and the two stylesheets, minified from their sources in www/src/ into
## www/ (gitignored build products, same names and places as before): -2.6 KB brotli for the loader, -0.6 KB for the
## CSS. Syntax stays what Chromium 78 parses (esbuild lowers to JS_TARGET); export names, rule order and fallback
## declarations are kept. Seconds, no Rust: `make www integrity` after editing www/src/ is enough.
## The built-in templates, which the module does not carry: the loader fetches the one a page uses from
## www/pkg/templates/<name>.json (the sources in crates/core/src/templates/ without whitespace, -0.3 KB brotli).
WWW_SOURCES := checklist.js checklist.css checklist-print.css
TEMPLATES := geren shuzhi tanhua
www: npm-tools
	@for f in $(WWW_SOURCES); do \
		case $$f in *.js) fmt=--format=esm;; *) fmt=;; esac; \
		$(NODE_BIN)/esbuild www/src/$$f --target=$(JS_TARGET) $$fmt --minify --log-level=warning --outfile=www/$$f || exit 1; \
	done
	@mkdir -p $(PKG)/templates
	@for t in $(TEMPLATES); do \
		node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))))' \
			crates/core/src/templates/$$t.json $(PKG)/templates/$$t.json || exit 1; \
	done

## Subresource Integrity: www/pkg/integrity.js (the wasm's sha384, which the loader fetches it with) and
## www/pkg/integrity.json (sha384 of every file a portal loads, for <script integrity> and modulepreload).
integrity:
	@sri() { echo "sha384-$$(openssl dgst -sha384 -binary "$$1" | openssl base64 -A)"; }; \
	printf '// Generated by `make pkg`: the integrity of the files the loader fetches itself.\nexport const WASM_INTEGRITY = "%s";\nexport const CSS_INTEGRITY = "%s";\nexport const TEMPLATE_INTEGRITY = { %s };\n' \
		"$$(sri $(PKG)/accountability_checklist_bg.wasm)" "$$(sri www/checklist.css)" \
		"$$(sep=''; for t in $(TEMPLATES); do printf '%s%s: "%s"' "$$sep" "$$t" "$$(sri $(PKG)/templates/$$t.json)"; sep=', '; done)" > $(PKG)/integrity.js; \
	{ printf '{\n'; sep=''; \
	  for f in checklist.js checklist.css pkg/accountability_checklist.js pkg/integrity.js pkg/accountability_checklist_bg.wasm $(foreach t,$(TEMPLATES),pkg/templates/$(t).json); do \
	    printf '%s  "%s": "%s"' "$$sep" "$$f" "$$(sri www/$$f)"; sep=$$',\n'; \
	  done; printf '\n}\n'; } > $(PKG)/integrity.json; \
	echo "wrote $(PKG)/integrity.json"

## The release archive, dist/accountability-checklist-<version>.tar.gz (version from Cargo.toml, semver; CHANGELOG.md):
## the loader, CSS, pkg/, integrity.json, the built-in templates, the JSON Schemas, the OpenAPI document, a minimal
## embedding example, package.json (so that `npm install ./accountability-checklist-<version>.tar.gz` works), the
## README with ARCHITECTURE.md and docs/ (the pages and pictures it links to, so that its links work in the archive),
## CHANGELOG.md, and a CycloneDX SBOM + third-party licence texts of the crates compiled into the module
## (tests/e2e/sbom.mjs). tests/e2e/dist.test.mjs unpacks it into an empty directory, serves it and mounts the widget.
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
DIST_NAME := accountability-checklist-$(VERSION)
DIST_DIR := $(TARGET_DIR)/dist/package
dist: pkg
	rm -rf $(DIST_DIR) && mkdir -p $(DIST_DIR)/pkg $(DIST_DIR)/templates $(DIST_DIR)/schemas $(DIST_DIR)/example dist
	cp www/checklist.js www/checklist.css www/checklist-print.css $(DIST_DIR)/
	cp $(PKG)/accountability_checklist.js $(PKG)/accountability_checklist_bg.wasm $(PKG)/integrity.js $(PKG)/integrity.json $(DIST_DIR)/pkg/
	cp -r $(PKG)/templates $(DIST_DIR)/pkg/
	cp $(PKG)/integrity.json $(DIST_DIR)/integrity.json
	cp crates/core/src/templates/*.json $(DIST_DIR)/templates/
	cp crates/core/src/schemas/*.json $(DIST_DIR)/schemas/
	cp crates/server/src/openapi.json www/dist/example/index.html www/dist/example/example.js $(DIST_DIR)/
	mv $(DIST_DIR)/index.html $(DIST_DIR)/example.js $(DIST_DIR)/example/
	sed 's/@VERSION@/$(VERSION)/' www/dist/package.json.in > $(DIST_DIR)/package.json
	cp README.md ARCHITECTURE.md docs/CHANGELOG.md $(DIST_DIR)/
	mkdir -p $(DIST_DIR)/docs/screenshots
	cp docs/*.md $(DIST_DIR)/docs/
	cp docs/screenshots/*.png $(DIST_DIR)/docs/screenshots/
	node tests/e2e/sbom.mjs $(DIST_DIR)
	tar -C $(dir $(DIST_DIR)) --owner=0 --group=0 --numeric-owner --sort=name -czf dist/$(DIST_NAME).tar.gz package
	@echo "wrote dist/$(DIST_NAME).tar.gz"

## What a portal downloads: raw and brotli (-q 11) sizes of the widget's files.
size: pkg
	node $(E2E)/size.mjs

## Fails when the widget's brotli size exceeds the budget in tests/size-budget.json (part of `make test`).
size-guard: pkg
	node $(E2E)/size.mjs --check

## The reference server (release build).
server:
	$(CARGO) build --profile server --bin accountability-checklist

## Run the demo: the widget, www/index.html and www/portal.html served by the reference server on
## http://127.0.0.1:8080/ (records stored under target/demo/, encrypted with target/demo/data.key). Prints a
## reviewer token (paste it into the records section of the page) and an auditor token (GET /api/audit).
demo: tools pkg server
	@mkdir -p $(dir $(DEMO_DB))
	@rm -f $(DEMO_TOKENS)
	@[ -f $(DEMO_KEY) ] || $(BIN) key new --out $(DEMO_KEY)
	@$(BIN) token add --tokens $(DEMO_TOKENS) --role reviewer --name demo-reviewer
	@$(BIN) token add --tokens $(DEMO_TOKENS) --role auditor --name demo-auditor
	$(BIN) serve --addr $(DEMO_ADDR) --db $(DEMO_DB) --www www --today $(DEMO_TODAY) --tokens $(DEMO_TOKENS) --data-key-file $(DEMO_KEY)

## End-to-end tests (tests/e2e/run.mjs): each starts the built server on a free port with a temporary
## database. `make e2e E2E_ONLY=portal` runs only the test files whose name contains "portal".
e2e: tools pkg server dist
	AC_BIN=$(BIN) node $(E2E)/run.mjs $(E2E_ONLY)

## Benchmarks (figures, not tests): validation of a 个人有关事项 record with 10/100/1000 rows.
bench:
	$(CARGO) bench -p checklist-core --bench validate

## Load test of the reference endpoint (a benchmark, not a test): LOAD_REQUESTS distinct submissions (every
## 5th also retried with its Idempotency-Key) from LOAD_CONCURRENCY keep-alive connections against the release
## server on 127.0.0.1, at most LOAD_SECONDS; prints accepted submissions/s and latency percentiles and fails on
## any lost or duplicated record. Twice: one server on SQLite, then two replicas over one throw-away PostgreSQL,
## posted to alternately (LOAD_ENGINE=sqlite or postgres for one of them).
LOAD_REQUESTS ?= 2000
LOAD_CONCURRENCY ?= 16
LOAD_SECONDS ?= 60
LOAD_ENGINE ?= both
load: server apt-tools
	AC_BIN=$(BIN) $(CARGO) bench -p checklist-server --bench load -- --requests $(LOAD_REQUESTS) --concurrency $(LOAD_CONCURRENCY) --seconds $(LOAD_SECONDS) --engine $(LOAD_ENGINE)

## Fuzzing (not part of `make test`): each target in tests/fuzz/ (import, template, pattern, validate) runs for
## FUZZ_SECONDS under libFuzzer (cargo-fuzz from crates.io; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
## cargo-fuzz's -Z flags). Crashes land in tests/fuzz/artifacts/<target>/; copy each to
## tests/fuzz/regressions/<target>/ and `cargo test --workspace` replays it from then on (tests/core/robustness.rs,
## tests/widget/robustness.rs).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= import template pattern validate
fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz
	cd tests/fuzz && $(CARGO) run --quiet --bin seed
	cd tests/fuzz && for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run --fuzz-dir . $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) \
			-dict=envelope.dict -rss_limit_mb=2048 -print_final_stats=1 || exit 1; \
	done

## The browser benchmark of ../shared/perf/PEERS.md (transfer, ready, key→err, the keystroke's frame, validate, heap,
## DOM nodes, wasm memory; N = 10, 100, 1000, paged and unpaged; median of 5 fresh-browser runs), on the built-in
## 个人有关事项 template and on PEERS.md's workload, with react-jsonschema-form on that workload in the same run.
## `make bench-browser BENCH_N="1000"`; BENCH_PAGE_SIZE=0 measures only the unpaged table, BENCH_WORKLOAD=peers only
## that workload, BENCH_PEERS=0 leaves react-jsonschema-form out.
BENCH_N ?=
bench-browser: tools pkg server peer-page
	AC_BIN=$(BIN) node $(E2E)/bench.mjs $(BENCH_N)

## The peer of the benchmark: react-jsonschema-form on PEERS.md's workload (tests/e2e/peers/, npm packages pinned
## there), bundled into target/peers/. Benchmarks only: nothing of it ships or is tested.
PEERS_NODE := $(E2E)/peers/node_modules/.package-lock.json
peer-page: $(TARGET_DIR)/peers/index.html
$(PEERS_NODE): $(E2E)/peers/package.json $(E2E)/peers/package-lock.json
	npm ci --prefix $(E2E)/peers --no-audit --no-fund
	@touch $@
$(TARGET_DIR)/peers/index.html: $(PEERS_NODE) $(E2E)/peers/rjsf.jsx $(E2E)/peers/build.mjs www/bench/measure.js
	node $(E2E)/peers/build.mjs $(TARGET_DIR)/peers

## The same benchmark in a real old kernel (tests/e2e/bench-kernel.mjs over the DevTools protocol): ready, key→err,
## the keystroke's frame, validate and heap at N = 1000, paged and unpaged, in Chromium 85 (BENCH_KERNEL=78 or 92).
BENCH_KERNEL ?= 85
bench-kernel: tools pkg server
	AC_BIN=$(BIN) node --experimental-websocket $(E2E)/bench-kernel.mjs $(BENCH_KERNEL) 1000

## Where the time goes in the browser (not a test): Chromium's CPU profile of page load, of validate() and of
## keystrokes in the unpaged table (with a trace of their frames) at N = 1000, with a build that keeps function
## names (target/profile-www/, never www/pkg/).
profile-browser: tools pkg server
	AC_BIN=$(BIN) node $(E2E)/profile.mjs load 1000
	AC_BIN=$(BIN) node $(E2E)/profile.mjs validate 1000
	AC_BIN=$(BIN) node $(E2E)/profile.mjs keystroke 1000
