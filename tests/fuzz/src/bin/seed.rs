//! Writes the seed corpus for the fuzz targets (run by `make fuzz` before fuzzing): export envelopes of
//! the valid fixtures (import), the built-in templates and config (template), the fixtures (validate), the
//! configured document patterns each with a number (pattern).
use std::fs;
use std::path::Path;

use checklist_core::{envelope, template};

fn main() -> std::io::Result<()> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = fuzz.join("../fixtures");
    let templates = fuzz.join("../../src/templates");
    for t in ["import", "template", "validate", "pattern"] {
        fs::create_dir_all(fuzz.join("corpus").join(t))?;
    }
    for name in template::builtin_names() {
        let t = template::builtin(name).expect("built-in").expect("loads");
        let data: serde_json::Value = serde_json::from_str(&fs::read_to_string(fixtures.join(format!("{name}_valid.json")))?)?;
        let env = envelope::export(&t, data.clone(), vec![], vec![], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Draft);
        fs::write(fuzz.join("corpus/import").join(format!("{name}.json")), envelope::to_json(&env))?;
        fs::write(fuzz.join("corpus/validate").join(format!("{name}.json")), data.to_string())?;
        fs::copy(templates.join(format!("{name}.json")), fuzz.join("corpus/template").join(format!("{name}.json")))?;
    }
    fs::write(fuzz.join("corpus/template/config.json"), r#"{"dueSoonDays": 14, "importMaxBytes": 100}"#)?;
    // Pattern, NUL, text.
    let d = checklist_core::Config::default().documents;
    let all = [
        d.passport,
        d.official_passport,
        d.sar_passport,
        d.hk_macau_permit,
        d.taiwan_permit,
        d.hk_macau_resident_permit,
        d.taiwan_resident_permit,
    ];
    for (i, p) in all.iter().flatten().enumerate() {
        fs::write(fuzz.join("corpus/pattern").join(format!("doc{i}")), format!("{p}\0E12345678"))?;
    }
    fs::write(fuzz.join("corpus/pattern/template"), "^[^#]*$\0一二#")?;
    Ok(())
}
