//! The documentation names only what exists. In README.md, ARCHITECTURE.md and docs/*.md:
//! - every relative `[text](path)` and `<img src="path">` names a file or directory of the repository, and
//!   every `#anchor` (alone or after a path to a Markdown file) names a heading of that file. Links to other
//!   sites are not followed;
//! - every repository path written in code (a code span or a code block) that starts with `crates/`, `src/`,
//!   `tests/`, `www/`, `docs/` or `.ci/` names a file or directory (a trailing `/` for a directory), so that
//!   the docs cannot go on naming files that moved. Placeholders (`<crate>`, `*`, `…`, `{a,b}`) are not
//!   paths, and what .gitignore names (`www/pkg/`, built by `make pkg`) is a build product.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    let mut more: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// Link targets outside code blocks and code spans: `](target)` and `src="target"`.
fn targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        // Drop code spans, which may show link syntax as an example.
        let mut plain = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
        }
        for (start, _) in plain.match_indices("](") {
            let rest = &plain[start + 2..];
            if let Some(end) = rest.find(')') {
                out.push(rest[..end].trim().to_owned());
            }
        }
        for (start, _) in plain.match_indices("src=\"") {
            let rest = &plain[start + 5..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].to_owned());
            }
        }
    }
    out
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(file: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(file).unwrap_or_default();
    let mut in_fence = false;
    let mut out = BTreeSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && line.starts_with('#') {
            out.insert(anchor(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn every_relative_link_and_image_in_the_docs_resolves() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = fs::read_to_string(&doc).expect("readable");
        let dir = doc.parent().expect("a directory");
        for target in targets(&text) {
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target.as_str(), None),
            };
            let file = if path.is_empty() { doc.clone() } else { dir.join(path) };
            // `../shared/…` names the workplace's shared folder beside the repository: not part of it.
            if path.starts_with("../shared/") || (path.starts_with("../../shared/") && dir.ends_with("docs")) {
                continue;
            }
            if !file.exists() {
                broken.push(format!("{}: {target} (no such file)", doc.display()));
                continue;
            }
            if let Some(fragment) = fragment {
                if file.extension().is_some_and(|x| x == "md") && !anchors(&file).contains(fragment) {
                    broken.push(format!("{}: {target} (no such heading)", doc.display()));
                }
            }
        }
    }
    assert!(checked > 10, "only {checked} links found: the scanner is broken");
    assert!(broken.is_empty(), "broken links:\n  {}", broken.join("\n  "));
}

/// The repository paths written in code spans and code blocks: words that start with one of `PREFIXES`,
/// without placeholders, cut at a `:` (`file.rs:12`, `file.rs::item`) and trailing punctuation.
const PREFIXES: [&str; 6] = ["crates/", "src/", "tests/", "www/", "docs/", ".ci/"];

fn code_paths(text: &str) -> Vec<String> {
    let mut code = Vec::new();
    let mut in_fence = false;
    // A code span may run over a line break, never over a paragraph: spans are found per paragraph.
    let mut paragraph = String::new();
    let spans = |paragraph: &mut String, code: &mut Vec<String>| {
        // The odd parts between backticks (a double-backtick span splits the same way).
        code.extend(paragraph.split('`').skip(1).step_by(2).map(str::to_owned));
        paragraph.clear();
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            spans(&mut paragraph, &mut code);
        } else if in_fence {
            code.push(line.to_owned());
        } else if line.trim().is_empty() {
            spans(&mut paragraph, &mut code);
        } else {
            paragraph.push_str(line);
            paragraph.push('\n');
        }
    }
    spans(&mut paragraph, &mut code);
    let mut out = Vec::new();
    for chunk in &code {
        for word in chunk.split(|c: char| c.is_whitespace() || "=()\"',;|[]".contains(c)) {
            if !PREFIXES.iter().any(|p| word.starts_with(p)) {
                continue;
            }
            if word.contains(['<', '>', '*', '…', '{', '}', '$']) || word.contains("...") {
                continue;
            }
            let word = word.split(':').next().unwrap_or(word).trim_end_matches(['.', ',', ';']);
            out.push(word.to_owned());
        }
    }
    out
}

/// Directories and files .gitignore names by a plain path (no glob): build products such as `www/pkg/`.
fn ignored() -> Vec<String> {
    let text = fs::read_to_string(root().join(".gitignore")).unwrap_or_default();
    text.lines()
        .map(|l| l.trim().trim_start_matches('/').trim_end_matches('/'))
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(['*', '?', '[', '!']))
        .map(|l| format!("{l}/"))
        .collect()
}

#[test]
fn every_repository_path_written_in_the_docs_exists() {
    let ignored = ignored();
    let mut missing = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = fs::read_to_string(&doc).expect("readable");
        for path in code_paths(&text) {
            if ignored.iter().any(|i| format!("{path}/").starts_with(i.as_str())) {
                continue;
            }
            checked += 1;
            let file = root().join(&path);
            let ok = if path.ends_with('/') { file.is_dir() } else { file.exists() };
            if !ok {
                missing.push(format!("{}: `{path}`", doc.strip_prefix(root()).unwrap_or(&doc).display()));
            }
        }
    }
    missing.dedup();
    assert!(checked > 50, "only {checked} paths found: the scanner is broken");
    assert!(missing.is_empty(), "the docs name paths that do not exist:\n  {}", missing.join("\n  "));
}

#[test]
fn the_path_scanner_finds_paths_in_code_and_skips_placeholders() {
    let text = "Code in `crates/core/src/rules/` and `node tests/e2e/bench.mjs 1000`, not in tests/prose.rs.\n\
                `tests/<crate>/main.rs`, `docs/*.md`, `src/…`, `tests/{a,b}.rs`, `www/pkg/x.js:12`, `src/cli.rs::run`, `a\n\
                span over a line break: src/main.rs`.\n\n\
                ```\nmount(el, {template}); // crates/core/src/schemas/template.schema.json\n```\n\
                A stray ` stays in its paragraph.\n\nsrc/not-code.rs and `docs/`.";
    assert_eq!(
        code_paths(text),
        [
            "crates/core/src/rules/",
            "tests/e2e/bench.mjs",
            "www/pkg/x.js",
            "src/cli.rs",
            "src/main.rs",
            "crates/core/src/schemas/template.schema.json",
            "docs/"
        ]
    );
    assert!(ignored().iter().any(|i| i == "www/pkg/"), "{:?}", ignored());
}

#[test]
fn the_link_scanner_finds_links_and_skips_code() {
    let text = "See [a](docs/a.md) and ![pic](x.png).\n`[not](a link)`\n```\n[nor](this)\n```\n<img src=\"y.png\">";
    assert_eq!(targets(text), ["docs/a.md", "x.png", "y.png"]);
    assert_eq!(anchor(" Clerks and reviewers"), "clerks-and-reviewers");
    assert_eq!(anchor(" Supported browsers"), "supported-browsers");
}
