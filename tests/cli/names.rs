//! The built-in templates are named in four places that no compiler links: the core
//! (`template::builtin_names`), its build script (which compacts their JSON into the library), the
//! Makefile (which copies them to `www/pkg/templates/` for the loader) and the loader
//! (`BUILTIN_TEMPLATES` in `www/src/checklist.js`, which fetches them and checks `whenLoaded()`'s
//! names). A template added to one and not the others would be missing from the page, or fetched from
//! a file that is not there; this test holds the four to one list.

use std::collections::BTreeSet;

use checklist_core::template;

fn read(path: &str) -> String {
    std::fs::read_to_string(crate::docs::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The quoted names on the first line of `text` that contains `marker`.
fn quoted_names_after(text: &str, marker: &str, path: &str) -> BTreeSet<String> {
    let line = text.lines().find(|l| l.contains(marker)).unwrap_or_else(|| panic!("{path}: no line with `{marker}`"));
    let after = &line[line.find(marker).unwrap() + marker.len()..];
    after.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn the_built_in_templates_are_the_same_in_the_core_its_build_script_the_makefile_and_the_loader() {
    let core: BTreeSet<String> = template::builtin_names().iter().map(|s| s.to_string()).collect();
    assert_eq!(core.len(), 3, "{core:?}");
    for name in &core {
        assert!(template::builtin(name).is_some_and(|t| t.is_ok()), "{name} loads");
    }

    let build = quoted_names_after(&read("crates/core/build.rs"), "const TEMPLATES", "crates/core/build.rs");
    assert_eq!(build, core, "crates/core/build.rs TEMPLATES");

    let makefile = read("Makefile");
    let line = makefile.lines().find(|l| l.starts_with("TEMPLATES :=")).expect("Makefile: TEMPLATES :=");
    let make: BTreeSet<String> = line["TEMPLATES :=".len()..].split_whitespace().map(str::to_owned).collect();
    assert_eq!(make, core, "Makefile TEMPLATES");

    let loader = quoted_names_after(&read("www/src/checklist.js"), "const BUILTIN_TEMPLATES =", "www/src/checklist.js");
    assert_eq!(loader, core, "www/src/checklist.js BUILTIN_TEMPLATES");
}
