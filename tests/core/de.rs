//! The JSON readers (`checklist_core::de`) against the two descriptions of the same types that
//! serde attributes still generate: the committed JSON Schemas (schemars) and `Serialize`. A field
//! or variant renamed in one place and not the other fails here.

use std::collections::BTreeSet;

use checklist_core::config::*;
use checklist_core::de::{camel, from_value, key_is, FromJson};
use checklist_core::envelope::digest::DigestAlgorithm;
use checklist_core::envelope::{self, DigestV1, EnvelopeV2, Status, TemplateRef, ValidationV1};
use checklist_core::finding::codes::geren::GerenCode;
use checklist_core::finding::{Confirmation, Finding, Severity};
use checklist_core::locale::{Locale, Text};
use checklist_core::template::{self, *};
use serde::Serialize;
use serde_json::{json, Value};

const TEMPLATE_SCHEMA: &str = include_str!("../../crates/core/src/schemas/template.schema.json");
const CONFIG_SCHEMA: &str = include_str!("../../crates/core/src/schemas/config.schema.json");
const ENVELOPE_SCHEMA: &str = include_str!("../../crates/core/src/schemas/envelope.schema.json");

/// The definition `name` of a schema (the root when it is the schema's title).
fn def(schema: &str, name: &str) -> Value {
    let s: Value = serde_json::from_str(schema).unwrap();
    if s["title"] == name {
        return s;
    }
    s["$defs"].get(name).unwrap_or_else(|| panic!("no {name} in the schema")).clone()
}

fn properties(d: &Value) -> BTreeSet<String> {
    d["properties"].as_object().unwrap_or_else(|| panic!("no properties: {d}")).keys().cloned().collect()
}

/// The wire names of an enum definition: `enum: [...]`, or `oneOf` of `const`s / `enum`s.
fn names(d: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut take = |v: &Value| {
        if let Some(c) = v.get("const").and_then(Value::as_str) {
            out.insert(c.to_owned());
        }
        for e in v.get("enum").and_then(Value::as_array).into_iter().flatten() {
            out.insert(e.as_str().unwrap().to_owned());
        }
    };
    take(d);
    for alt in d.get("oneOf").and_then(Value::as_array).into_iter().flatten() {
        take(alt);
    }
    out
}

fn read_fields(fields: &[&str]) -> BTreeSet<String> {
    fields.iter().filter(|f| **f != "from_named_rule").map(|f| camel(f)).collect()
}

macro_rules! same_fields {
    ($schema:expr, $($ty:ident),*) => {$(
        assert_eq!(read_fields($ty::JSON_FIELDS), properties(&def($schema, stringify!($ty))), "fields of {}", stringify!($ty));
    )*};
}

macro_rules! same_variants {
    ($schema:expr, $($ty:ident),*) => {$(
        let read: BTreeSet<String> = $ty::JSON_NAMES.iter().map(|(_, n)| n.to_string()).collect();
        assert_eq!(read, names(&def($schema, stringify!($ty))), "variants of {}", stringify!($ty));
        for (v, n) in $ty::JSON_NAMES {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(n), "{} serialises as it is read", stringify!($ty));
            assert_eq!(from_value::<$ty>(&json!(n)).unwrap(), *v);
        }
    )*};
}

#[test]
fn every_reader_knows_the_fields_and_variants_the_schemas_give() {
    same_fields!(
        TEMPLATE_SCHEMA,
        Template,
        Section,
        PresenceSpec,
        PresenceLabels,
        Table,
        Field,
        Reference,
        IdLinks,
        Condition,
        Check,
        Text
    );
    same_variants!(TEMPLATE_SCHEMA, ChecklistKind, FieldType, YearBound, CompareOp, Severity);
    same_fields!(
        CONFIG_SCHEMA,
        Config,
        TalkConfig,
        PairingConfig,
        AppointmentTalkConfig,
        SupervisionTalkConfig,
        HeartToHeartConfig,
        JjzzConfig,
        InquiryConfig,
        GerenConfig,
        Outliers,
        ShuzhiConfig,
        MshConfig,
        UsccConfig,
        IdCardConfig,
        DocumentPatterns,
        WorkingCalendar
    );
    same_variants!(CONFIG_SCHEMA, Legacy15Policy, DigestAlgorithm);
    same_fields!(ENVELOPE_SCHEMA, EnvelopeV2, TemplateRef, DigestV1, ValidationV1, Finding, Confirmation);
    same_variants!(ENVELOPE_SCHEMA, Status);
    for (l, n) in Locale::JSON_NAMES {
        assert_eq!(serde_json::to_value(l).unwrap(), json!(n));
    }
}

/// `T` read back from its own serialisation is itself.
fn round_trip<T: Serialize + FromJson + PartialEq + std::fmt::Debug>(x: &T) {
    let v = serde_json::to_value(x).unwrap();
    assert_eq!(&from_value::<T>(&v).unwrap_or_else(|e| panic!("{e}: {v}")), x);
}

#[test]
fn serialised_values_read_back_as_themselves() {
    for name in template::builtin_names() {
        round_trip(&template::builtin(name).unwrap().unwrap());
    }
    let host: Template = from_value(&serde_json::from_str(include_str!("../fixtures/host_template.json")).unwrap()).unwrap();
    round_trip(&host);
    round_trip(&Config::default());
    // Every field away from its default, so that a key read into the wrong field shows.
    let mut c = Config::default();
    c.talk.pairings = Some(vec![PairingConfig {
        talk_type: "B02".into(),
        initiators: vec!["SJ_YBS".into()],
        targets: vec![],
        trigger: Some("x".into()),
    }]);
    c.geren.as_of_date = Some("2026-01-01".into());
    c.id_card.legacy15 = Legacy15Policy::Convert;
    c.digest_algorithm = DigestAlgorithm::Sm3Jcs;
    c.calendar.official = false;
    round_trip(&c);
    let f = Finding::new(GerenCode::SelfMissing, Severity::Warning, "/family").param("age", 19);
    let confirmed = Confirmation {
        code: f.code.as_str().into(),
        path: f.path.clone(),
        rule_id: None,
        confirmed_at: "2026-01-01T00:00:00+08:00".into(),
    };
    round_trip(&f);
    round_trip(&confirmed);
    let geren = template::builtin("geren").unwrap().unwrap();
    let e = envelope::export(&geren, json!({ "header": {} }), vec![f], vec![confirmed], "2026-01-02T09:00:00+08:00".into(), Status::Draft);
    round_trip(&e.clone().submitted("2026-01-02T10:00:00+08:00".into()));
}

#[test]
fn strict_types_refuse_unknown_fields_and_lenient_ones_ignore_them() {
    let e = Config::from_json(r#"{"geren":{"outliers":{"houseArea":1}}}"#).unwrap_err();
    assert!(e.starts_with("config geren.outliers: unknown field `houseArea`, expected one of `houseAreaM2`"), "{e}");
    let e = from_value::<Condition>(&json!({ "field": "x", "eq": 1, "in_": [] })).unwrap_err();
    assert_eq!((e.pointer.as_str(), e.message.starts_with("unknown field `in_`")), ("", true), "{e}");
    // Findings from a newer endpoint may carry more than this version knows.
    let f = from_value::<Finding>(&json!({ "code": "geren.self_missing", "path": "", "severity": "error", "hint": "x" })).unwrap();
    assert_eq!(f.code.as_str(), "geren.self_missing");
    let t = from_value::<Text>(&json!({ "zh": "是", "en": "Yes", "ja": "はい" })).unwrap();
    assert_eq!(t.get(Locale::En), "Yes");
}

#[test]
fn bad_values_are_named_by_pointer() {
    let mut geren: Value = serde_json::from_str(template::builtin_json("geren").unwrap()).unwrap();
    geren["sections"][2]["fields"][0]["type"] = json!("money");
    let e = template::load(&geren.to_string()).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("/sections/2/fields/0/type") && text.contains("unknown variant `money`"), "{text}");
    geren["sections"][2]["fields"][0]["type"] = json!("text");
    geren["sections"][2]["fields"][0]["required"] = json!("often");
    let text = template::load(&geren.to_string()).unwrap_err().to_string();
    assert!(text.contains("/sections/2/fields/0/required") && text.contains("`required` must be true, false"), "{text}");
    geren["sections"][2]["fields"][0]["required"] = json!(true);
    geren["sections"][2]["fields"][0]["options"] = json!(["a", { "value": "b" }]);
    let text = template::load(&geren.to_string()).unwrap_err().to_string();
    assert!(text.contains("/sections/2/fields/0/options/1") && text.contains("missing field `en`"), "{text}");
    let e = Config::from_json(r#"{"talk":{"supervision":{"minPerYear":-1}}}"#).unwrap_err();
    assert_eq!(e, "config talk.supervision.minPerYear: invalid value: integer `-1`, expected u32");
    let e = Config::from_json(r#"{"idCard":{"legacy15":"keep"}}"#).unwrap_err();
    assert_eq!(e, "config idCard.legacy15: unknown variant `keep`, expected one of `reject`, `convert`");
    let e = from_value::<EnvelopeV2>(&json!({ "format": "x" })).unwrap_err();
    assert_eq!(e.message, "missing field `formatVersion`");
}

/// `key_is` (allocation-free) and `camel` (for messages) spell one rule twice: every field name of the
/// readers agrees between them.
#[test]
fn key_matching_and_message_names_apply_one_rule() {
    let names = [
        Config::JSON_FIELDS,
        TalkConfig::JSON_FIELDS,
        GerenConfig::JSON_FIELDS,
        DocumentPatterns::JSON_FIELDS,
        Field::JSON_FIELDS,
        Section::JSON_FIELDS,
        EnvelopeV2::JSON_FIELDS,
        Finding::JSON_FIELDS,
    ]
    .concat();
    for name in names {
        assert!(key_is(&camel(name), name), "{name}");
        assert!(!key_is(&format!("{}x", camel(name)), name), "{name}");
        assert!(!name.contains('_') || !key_is(name, name), "the snake_case name is not the JSON one: {name}");
    }
}
