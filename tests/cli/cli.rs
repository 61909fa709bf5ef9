//! The command-line tool, run as a real process on real files.

use std::path::PathBuf;
use std::process::Command;

use checklist_core::{envelope, template};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_accountability-checklist"))
}

fn temp_dir(name: &str) -> PathBuf {
    crate::scratch::dir(name)
}

fn export_fixture(kind: &str, dir: &std::path::Path, status: envelope::Status) -> PathBuf {
    let t = template::builtin(kind).unwrap().unwrap();
    let data: Value = serde_json::from_str(&std::fs::read_to_string(format!("tests/fixtures/{kind}_valid.json")).unwrap()).unwrap();
    let env = envelope::export(&t, data, vec![], vec![], "2026-01-15T10:00:00+08:00".into(), status);
    let path = dir.join(format!("{kind}.json"));
    std::fs::write(&path, envelope::to_json(&env)).unwrap();
    path
}

const TODAY: [&str; 2] = ["--today", "2026-01-20"];

#[test]
fn a_valid_export_passes_and_a_tampered_one_fails() {
    let dir = temp_dir("tamper");
    let path = export_fixture("geren", &dir, envelope::Status::Draft);
    let out = bin().args(["validate"]).args(TODAY).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("校验通过"), "{stdout}");

    let text = std::fs::read_to_string(&path).unwrap().replacen("\"2025\"", "\"2024\"", 1).replacen(": 2025", ": 2024", 1);
    std::fs::write(&path, text).unwrap();
    let out = bin().args(["validate", "--locale", "en"]).args(TODAY).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("import.digest_mismatch") && stdout.contains("changed after export"), "{stdout}");
}

#[test]
fn json_output_carries_codes_paths_and_messages() {
    let dir = temp_dir("json");
    let t = template::builtin("geren").unwrap().unwrap();
    let env = envelope::export(
        &t,
        serde_json::json!({"header": {}}),
        vec![],
        vec![],
        "2026-01-15T10:00:00+08:00".into(),
        envelope::Status::Draft,
    );
    let path = dir.join("empty.json");
    std::fs::write(&path, envelope::to_json(&env)).unwrap();
    let out = bin().args(["validate", "--json"]).args(TODAY).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report[0]["findings"].as_array().unwrap();
    let unanswered: Vec<&Value> = findings.iter().filter(|f| f["code"] == "field.presence_unanswered").collect();
    assert_eq!(unanswered.len(), 13, "every item C02–C14 must be answered (C01 is always filled)");
    assert!(unanswered.iter().all(|f| f["rule"] == "C-R01" && f["severity"] == "error" && f["message"] == "请据实填写或明确填报“无”"));
    assert!(unanswered.iter().all(
        |f| f["messages"]["zh-CN"] == f["message"] && f["messages"]["en"].as_str().is_some_and(|m| !m.is_empty() && f["message"] != m)
    ));
    assert!(findings.iter().any(|f| f["path"] == "/header/year" && f["code"] == "field.required"));
}

#[test]
fn bare_data_needs_a_template_and_bad_files_are_reported() {
    let dir = temp_dir("bare");
    let bare = dir.join("bare.json");
    std::fs::copy("tests/fixtures/tanhua_valid.json", &bare).unwrap();
    let out = bin().args(["validate", "--today", "2025-12-20", "--template", "tanhua"]).arg(&bare).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"accountability-checklist/rec").unwrap();
    let out = bin().args(["validate"]).args(TODAY).arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("import.not_json"));

    let out = bin().args(["validate"]).args(TODAY).arg(dir.join("missing.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["validate", "--today", "2026-02-30", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--today"));
    let out = bin().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schema_template_and_rules_print() {
    let out = bin().args(["schema"]).output().unwrap();
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(all["envelope"].is_object() && all["template"].is_object() && all["config"].is_object());
    for name in template::builtin_names() {
        let out = bin().args(["template", name]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        template::load(&String::from_utf8_lossy(&out.stdout)).unwrap();
    }
    let out = bin().args(["rules"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("C-R04\t")), "{text}");
}

/// `export --digest sm3-jcs` writes an SM3 envelope that `validate` verifies; a change after export
/// is caught (issue #18: the CLI produces and verifies both digests).
#[test]
fn export_writes_sm3_and_sha256_envelopes_that_validate_verifies() {
    let dir = temp_dir("sm3");
    let data = dir.join("data.json");
    std::fs::copy("tests/fixtures/geren_valid.json", &data).unwrap();
    for digest in ["sm3-jcs", "sha256-jcs"] {
        let out = bin().args(["export", "--template", "geren", "--digest", digest, "--today", "2026-01-15"]).arg(&data).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let env: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(env["digest"]["algorithm"], digest);
        let path = dir.join(format!("{digest}.json"));
        std::fs::write(&path, &out.stdout).unwrap();
        let ok = bin().args(["validate", "--today", "2026-01-15"]).arg(&path).output().unwrap();
        assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
        std::fs::write(&path, String::from_utf8_lossy(&out.stdout).replacen("张建国", "李建国", 1)).unwrap();
        let bad = bin().args(["validate", "--today", "2026-01-15"]).arg(&path).output().unwrap();
        assert_eq!(bad.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&bad.stdout).contains("import.digest_mismatch"));
    }
    let out = bin().args(["export", "--template", "geren", "--digest", "md5"]).arg(&data).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `token add` prints the token once and stores only its hash; `key new` refuses to overwrite;
/// `key rotate` adds a current key; bad arguments exit 2 with a message, never a panic.
#[test]
fn token_and_key_commands() {
    let dir = temp_dir("tokens");
    let tokens = dir.join("tokens.json");
    let _ = std::fs::remove_file(&tokens);
    let out = bin().args(["token", "add", "--tokens"]).arg(&tokens).args(["--role", "reviewer", "--name", "审阅员"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let token = stdout.lines().last().unwrap().trim().to_owned();
    assert!(token.starts_with("act_") && token.len() == 68, "{stdout}");
    let file = std::fs::read_to_string(&tokens).unwrap();
    assert!(file.contains("审阅员") && !file.contains(&token[4..]), "{file}");
    let again = bin().args(["token", "add", "--tokens"]).arg(&tokens).args(["--role", "reviewer", "--name", "审阅员"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "a name is used once");
    let revoke = bin().args(["token", "revoke", "--tokens"]).arg(&tokens).args(["--name", "审阅员"]).output().unwrap();
    assert_eq!(revoke.status.code(), Some(0));
    for args in [
        &["token", "add", "--role", "reviewer"][..],
        &["token", "add", "--tokens", "x", "--role", "admin"],
        &["token"],
        &["key", "new"],
        &["key", "spin"],
    ] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }

    let key = dir.join("data.key");
    let _ = std::fs::remove_file(&key);
    assert_eq!(bin().args(["key", "new", "--out"]).arg(&key).output().unwrap().status.code(), Some(0));
    let before = std::fs::read_to_string(&key).unwrap();
    assert_eq!(bin().args(["key", "new", "--out"]).arg(&key).output().unwrap().status.code(), Some(2), "never overwrites a key");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), before);
    let out = bin().args(["key", "rotate", "--key-file"]).arg(&key).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&key).unwrap()).unwrap();
    assert_eq!(file["current"], "k2");
    assert_eq!(file["keys"].as_array().unwrap().len(), 2);
    // A server with --submit-auth but no tokens, or a user header without proxies, does not start.
    for args in
        [&["serve", "--submit-auth", "--addr", "127.0.0.1:0"][..], &["serve", "--trust-user-header", "X-User", "--addr", "127.0.0.1:0"]]
    {
        let out = bin().args(args).arg("--db").arg(dir.join("x.sqlite3")).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
