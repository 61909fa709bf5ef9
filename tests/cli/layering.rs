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
