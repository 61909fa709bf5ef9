//! The command-line tool, run as a real process on real files.

use std::path::PathBuf;
use std::process::Command;

use accountability_checklist::{envelope, template};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_accountability-checklist"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ac-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    let env = envelope::export(&t, serde_json::json!({"header": {}}), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Draft);
    let path = dir.join("empty.json");
    std::fs::write(&path, envelope::to_json(&env)).unwrap();
    let out = bin().args(["validate", "--json"]).args(TODAY).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report[0]["findings"].as_array().unwrap();
    let unanswered: Vec<&Value> = findings.iter().filter(|f| f["code"] == "field.presence_unanswered").collect();
    assert_eq!(unanswered.len(), 13, "every item C02–C14 must be answered (C01 is always filled)");
    assert!(unanswered.iter().all(|f| f["rule"] == "C-R01" && f["severity"] == "error" && f["message"] == "请据实填写或明确填报“无”"));
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
