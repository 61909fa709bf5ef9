//! JSON Schemas generated from the Rust types, for portal back ends written in other languages.
//! The generated files ship in `src/schemas/`; a test keeps them equal to what the types generate.

use crate::config::Config;
use crate::envelope::Envelope;
use crate::template::Template;

/// One published schema: (name, file name, generator).
pub type Published = (&'static str, &'static str, fn() -> String);

/// The schemas this crate publishes.
pub const SCHEMAS: &[Published] = &[
    ("envelope", "envelope.schema.json", envelope),
    ("template", "template.schema.json", template),
    ("config", "config.schema.json", config),
];

fn pretty(schema: schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The export envelope (and POST body).
pub fn envelope() -> String {
    pretty(schemars::schema_for!(Envelope))
}

/// The template format.
pub fn template() -> String {
    pretty(schemars::schema_for!(Template))
}

/// The configuration object.
pub fn config() -> String {
    pretty(schemars::schema_for!(Config))
}

/// The schema named `name`.
pub fn by_name(name: &str) -> Option<String> {
    SCHEMAS.iter().find(|(n, _, _)| *n == name).map(|(_, _, f)| f())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_schema_files_match_the_types() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schemas");
        for (name, file, generate) in SCHEMAS {
            let shipped = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
            assert!(
                shipped == generate(),
                "crates/core/src/schemas/{file} is out of date: run `cargo run -- schema {name} > crates/core/src/schemas/{file}`"
            );
        }
    }

    #[test]
    fn schemas_are_json_and_name_their_types() {
        let env: serde_json::Value = serde_json::from_str(&envelope()).unwrap();
        assert_eq!(env["title"], "EnvelopeV2");
        assert!(env["properties"]["digest"].is_object());
        let codes = &env["$defs"]["FindingCode"]["enum"];
        assert!(codes.as_array().unwrap().iter().any(|c| c == "field.required"));
        let t: serde_json::Value = serde_json::from_str(&template()).unwrap();
        assert_eq!(t["title"], "Template");
    }
}
