//! The layering of ARCHITECTURE.md, read from the manifests and Cargo.lock: the domain core reaches no
//! browser, UI, HTTP, async or database crate, the widget no server crate, and the server no widget
//! or Yew crate. The compiler then keeps the code to it: a crate can only name what its manifest
//! depends on. A crate's direct dependencies come from its own manifest (every `[…dependencies]`
//! table but dev-dependencies, for every target); what they pull in comes from Cargo.lock.

use std::collections::{BTreeMap, BTreeSet};

/// Package name → names of the packages it depends on, from the workspace's Cargo.lock.
fn lock_graph() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).expect("Cargo.lock");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for block in text.split("[[package]]").skip(1) {
        let name = block.lines().find_map(|l| l.strip_prefix("name = \"")).map(|n| n.trim_end_matches('"').to_owned()).expect("name");
        let mut deps = BTreeSet::new();
        if let Some(list) = block.split("dependencies = [").nth(1) {
            for line in list.split(']').next().unwrap_or("").lines() {
                let dep = line.trim().trim_end_matches(',').trim_matches('"');
                // "getrandom 0.4.3" names a version when two of a package are locked.
                if let Some(dep) = dep.split(' ').next().filter(|d| !d.is_empty()) {
                    deps.insert(dep.to_owned());
                }
            }
        }
        graph.entry(name).or_default().extend(deps);
    }
    graph
}

/// The non-dev dependencies a workspace crate's manifest names, for every target.
fn manifest_deps(dir: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(format!("{}/{dir}/Cargo.toml", env!("CARGO_MANIFEST_DIR"))).expect("manifest");
    let mut deps = BTreeSet::new();
    let mut in_deps = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line.ends_with("dependencies]") && !line.ends_with("dev-dependencies]") && !line.starts_with("[workspace");
        } else if in_deps && !line.starts_with('#') {
            if let Some(name) = line.split(['=', '.', ' ']).next().filter(|n| !n.is_empty()) {
                deps.insert(name.to_owned());
            }
        }
    }
    deps
}

/// Every package reachable from `roots` in Cargo.lock.
fn reach_from(graph: &BTreeMap<String, BTreeSet<String>>, roots: &BTreeSet<String>) -> BTreeSet<String> {
    let mut seen = roots.clone();
    let mut todo: Vec<String> = roots.iter().cloned().collect();
    while let Some(p) = todo.pop() {
        for d in graph.get(&p).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

/// Every package `root` reaches in Cargo.lock (dev-dependencies of workspace crates included).
fn reach(graph: &BTreeMap<String, BTreeSet<String>>, root: &str) -> BTreeSet<String> {
    reach_from(graph, &graph.get(root).cloned().unwrap_or_default())
}

fn assert_never_reaches(root: &str, dir: &str, forbidden: &[&str]) {
    let graph = lock_graph();
    assert!(graph.contains_key(root), "{root} is not in Cargo.lock");
    let direct = manifest_deps(dir);
    assert!(direct.contains("serde"), "{dir}/Cargo.toml: no dependencies read");
    let reached = reach_from(&graph, &direct);
    let bad: Vec<&&str> = forbidden.iter().filter(|f| reached.contains(**f)).collect();
    assert!(bad.is_empty(), "{root} depends (directly or not) on {bad:?}, which ARCHITECTURE.md keeps out of it");
}

#[test]
fn the_core_depends_on_no_browser_ui_http_async_or_database_crate() {
    assert_never_reaches(
        "checklist-core",
        "crates/core",
        &[
            "yew",
            "web-sys",
            "js-sys",
            "wasm-bindgen",
            "gloo-net",
            "gloo-timers",
            "gloo-file",
            "axum",
            "hyper",
            "tokio",
            "rusqlite",
            "tokio-postgres",
            "checklist-widget",
            "checklist-server",
        ],
    );
}

#[test]
fn the_widget_depends_on_no_server_crate_and_the_server_on_no_browser_crate() {
    assert_never_reaches(
        "checklist-widget",
        "crates/widget",
        &["axum", "hyper", "rusqlite", "tokio-postgres", "deadpool-postgres", "checklist-server"],
    );
    // (Its crates' WebAssembly-only dependencies are in Cargo.lock too, so web-sys is not listed: the
    // server is never built for WebAssembly.)
    assert_never_reaches("checklist-server", "crates/server", &["yew", "gloo-net", "gloo-timers", "gloo-file", "checklist-widget"]);
}

#[test]
fn the_lock_graph_is_read_correctly() {
    // A check of the reader itself: known edges are found, so that the tests above cannot pass
    // vacuously on a misread file.
    let graph = lock_graph();
    assert!(reach(&graph, "checklist-widget").contains("yew"));
    assert!(reach(&graph, "checklist-server").contains("rusqlite"));
    assert!(reach(&graph, "accountability-checklist").contains("checklist-core"));
    let widget = manifest_deps("crates/widget");
    assert!(widget.contains("yew") && widget.contains("wasm-bindgen") && !widget.contains("wasm-bindgen-test"), "{widget:?}");
}

/// The lines of a manifest's tables whose header `keep` accepts, comments left out.
fn table_lines(path: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("manifest");
    let mut inside = false;
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = keep(line);
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            out.push(line.to_owned());
        }
    }
    out
}

#[test]
fn the_module_carries_no_built_in_template() {
    // The loader fetches the template a page uses (www/pkg/templates/); the core's default feature
    // `builtin-templates` would compile all three into the WebAssembly module. The workspace takes the core
    // without its defaults, and the widget's own (non-dev) dependencies never ask for the feature.
    let ws = table_lines("Cargo.toml", |h| h == "[workspace.dependencies]");
    let core = ws.iter().find(|l| l.starts_with("checklist-core")).expect("checklist-core in [workspace.dependencies]");
    assert!(core.contains("default-features = false"), "Cargo.toml: {core}");
    let widget = table_lines("crates/widget/Cargo.toml", |h| h.ends_with("dependencies]") && !h.ends_with("dev-dependencies]"));
    assert!(widget.iter().any(|l| l.starts_with("checklist-core")), "the widget's dependencies were not read: {widget:?}");
    let asking: Vec<&String> = widget.iter().filter(|l| l.contains("builtin-templates") || l.starts_with("checklist-core = {")).collect();
    assert!(asking.is_empty(), "crates/widget/Cargo.toml takes the core with features: {asking:?}");
    // The CLI and the endpoint do need them, and say so.
    for m in ["Cargo.toml", "crates/server/Cargo.toml"] {
        let deps = table_lines(m, |h| h == "[dependencies]");
        assert!(deps.iter().any(|l| l.starts_with("checklist-core") && l.contains("builtin-templates")), "{m}: {deps:?}");
    }
}

// ---- no import circles between files -------------------------------------------------------------

/// A crate's source files as modules: module path (`rules::geren`, `` for the crate root) → file.
fn modules(src: &std::path::Path) -> BTreeMap<String, std::path::PathBuf> {
    fn walk(dir: &std::path::Path, prefix: &[String], out: &mut BTreeMap<String, std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src dir").filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            let name = p.file_stem().and_then(|n| n.to_str()).unwrap_or("").to_owned();
            if p.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&p, &inner, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let mut path = prefix.to_vec();
                if !matches!(name.as_str(), "mod" | "lib" | "main") {
                    path.push(name);
                }
                out.insert(path.join("::"), p);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, &[], &mut out);
    out
}

/// Source text without comments, string and char literals (which may hold `crate::`-like text).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            // A raw string r"…" / r#"…"# is skipped by its closing quote and hashes.
            let hashes = text[..i].chars().rev().take_while(|&c| c == '#').count();
            let raw = i > hashes && b[i - hashes - 1] == b'r';
            i += 1;
            while i < b.len() {
                if !raw && b[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if b[i] == b'"' && b[i + 1..].iter().take(hashes).all(|&c| c == b'#') && (raw || hashes == 0) {
                    i += 1 + if raw { hashes } else { 0 };
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('x', '\n', '\u{..}'); a lifetime ('a) has no closing quote nearby.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The modules a file refers to: `crate::a::b…`, `super::…`, `self::…` and paths that start with the
/// name of one of its child modules, each resolved to the longest module prefix that is a file.
/// `mod x;` declarations are structure, not references, and are not counted; nor is a library's root.
fn references(module: &str, text: &str, all: &BTreeMap<String, std::path::PathBuf>) -> BTreeSet<String> {
    let code = code_only(text);
    let here: Vec<&str> = if module.is_empty() { vec![] } else { module.split("::").collect() };
    let children: BTreeSet<&str> = all
        .keys()
        .filter_map(|m| m.strip_prefix(module).map(|r| r.trim_start_matches("::")).filter(|r| !r.is_empty() && !r.contains("::")))
        .collect();
    let mut refs = BTreeSet::new();
    let tokens: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{' || c == ',')).collect();
    for tok in tokens {
        // `use a::{b, c::d}` arrives as one token `a::{b,c::d}`: the part before `{` is enough for the
        // module prefix, and the names inside are tried one by one.
        let (head, inner) = match tok.split_once('{') {
            Some((h, rest)) => (h.trim_end_matches("::"), rest.split(',').map(|s| s.trim_matches(|c| c == '{' || c == '}')).collect()),
            None => (tok.trim_end_matches(','), Vec::new()),
        };
        let mut candidates = vec![head.to_owned()];
        candidates.extend(inner.iter().filter(|s| !s.is_empty()).map(|s| format!("{head}::{s}")));
        for path in candidates {
            let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            let Some(first) = parts.first().copied() else { continue };
            let mut base: Vec<&str> = match first {
                "crate" => {
                    parts.remove(0);
                    vec![]
                }
                "self" => {
                    parts.remove(0);
                    here.clone()
                }
                "super" => {
                    let mut b = here.clone();
                    while parts.first() == Some(&"super") {
                        parts.remove(0);
                        b.pop();
                    }
                    b
                }
                name if children.contains(name) && parts.len() > 1 => here.clone(),
                _ => continue,
            };
            let mut best = base.join("::");
            for p in parts {
                base.push(p);
                let m = base.join("::");
                if all.contains_key(&m) {
                    best = m;
                } else {
                    break;
                }
            }
            // A library's root (lib.rs) only declares modules and re-exports their items; a name taken
            // from it (`crate::Config`) is the defining module's, not a reference to lib.rs.
            let facade = best.is_empty() && all.get("").is_some_and(|p| p.ends_with("lib.rs"));
            if best != module && all.contains_key(&best) && !facade {
                refs.insert(best);
            }
        }
    }
    refs
}

/// The import circles among a crate's files: every strongly connected component of more than one file,
/// as its files' references to each other (`a -> b`).
fn circles(src: &str) -> Vec<Vec<String>> {
    let all = modules(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(src));
    assert!(all.len() >= 2, "{src}: no modules found");
    let graph: BTreeMap<String, BTreeSet<String>> =
        all.iter().map(|(m, p)| (m.clone(), references(m, &std::fs::read_to_string(p).expect("source"), &all))).collect();
    // Tarjan's algorithm, iteratively small enough to write recursively here (a few dozen files).
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                scc.push(if w.is_empty() { "(crate root)".to_owned() } else { w.to_owned() });
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                t.out.push(scc);
            }
        }
    }
    let mut t = T { g: &graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on: BTreeSet::new(), out: Vec::new() };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
        .into_iter()
        .map(|scc| {
            let inside = |m: &String| scc.iter().any(|s| s == m || (m.is_empty() && s == "(crate root)"));
            graph
                .iter()
                .filter(|(m, _)| inside(m))
                .flat_map(|(m, refs)| refs.iter().filter(|r| inside(r)).map(move |r| format!("{m} -> {r}")))
                .collect()
        })
        .collect()
}

#[test]
fn the_circle_finder_finds_a_circle_and_resolves_paths() {
    // Two modules naming each other are one circle; a comment or a string naming a module is not a reference.
    let all: BTreeMap<String, std::path::PathBuf> =
        ["", "a", "b", "b::c"].iter().map(|m| (m.to_string(), std::path::PathBuf::new())).collect();
    assert_eq!(references("a", "use crate::b::c::X; // crate::a\nlet s = \"crate::b\";", &all), BTreeSet::from(["b::c".to_owned()]));
    assert_eq!(references("b", "use super::a::{Y, Z};\nc::f();", &all), BTreeSet::from(["a".to_owned(), "b::c".to_owned()]));
    assert_eq!(references("b::c", "use super::super::a; let x = 'a'; fn f<'b>() {}", &all), BTreeSet::from(["a".to_owned()]));
}

#[test]
fn no_import_circles_between_the_files_of_a_crate() {
    let found: Vec<(&str, Vec<Vec<String>>)> =
        ["crates/core/src", "crates/widget/src", "crates/server/src", "src"].into_iter().map(|src| (src, circles(src))).collect();
    let found: Vec<_> = found.into_iter().filter(|(_, c)| !c.is_empty()).collect();
    assert!(found.is_empty(), "files that import each other, directly or through others: {found:?}");
}

// ---- the clock is read at the edges only ------------------------------------------------------

/// Every `.rs` file under `dir` with the code (comments and literals stripped) that names one of `needles`.
fn files_naming(dir: &str, needles: &[&str]) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for path in modules(&root).into_values() {
        let code = code_only(&std::fs::read_to_string(&path).expect("source"));
        for n in needles.iter().filter(|n| code.contains(**n)) {
            found.push(format!("{}: {n}", path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display()));
        }
    }
    found
}

#[test]
fn the_core_never_reads_the_clock_and_the_server_reads_it_in_one_place() {
    // "Today" is a parameter of every rule in the core; the widget's web layer, the server and the CLI
    // supply it. In the server and the CLI the date comes from crates/server/src/clock.rs alone.
    assert_eq!(files_naming("crates/core/src", &["SystemTime", "Instant::now", "Date::now", "js_sys"]), Vec::<String>::new());
    let server: Vec<String> =
        files_naming("crates/server/src", &["SystemTime"]).into_iter().chain(files_naming("src", &["SystemTime"])).collect();
    assert_eq!(server, vec!["crates/server/src/clock.rs: SystemTime".to_owned()]);
}

// ---- rooms of one job each ----------------------------------------------------------------------

/// Every tracked Rust file of the repository (the fuzz crate included), as a path relative to it.
fn rust_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
            let p = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            if p.is_dir() {
                // Build output, installed packages and hidden directories hold no project sources.
                if !matches!(name.as_ref(), "target" | "node_modules" | "dist") && !name.starts_with('.') {
                    walk(&p, out);
                }
            } else if name.ends_with(".rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["src", "crates", "tests"] {
        walk(&root.join(dir), &mut out);
    }
    out
}

#[test]
fn no_rust_file_is_over_900_lines() {
    let files = rust_files();
    assert!(files.len() > 100, "only {} Rust files found", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).ok()?.lines().count();
            (n > 900).then(|| format!("{} ({n} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by job: {long:?}");
}

#[test]
fn the_view_never_calls_the_web_layer_or_browser_apis() {
    // The view reaches a chosen file and the clock through the `Host` port that `web` implements;
    // it names DOM types only to read an event's target (web_sys), never js_sys, gloo or `web::`.
    assert_eq!(files_naming("crates/widget/src/ui", &["js_sys", "gloo", "crate::web", "wasm_bindgen"]), Vec::<String>::new());
}
