//! The reference endpoint's tests, one binary (`cargo test -p checklist-server --test server`): the
//! HTTP suite (suite/) compiled twice, once per storage engine. In `sqlite` every server gets a
//! fresh SQLite file; in `postgres` a fresh database on a throw-away PostgreSQL cluster (pg.rs).
//! The suite tells the two apart by its module path ([`sqlite`] / [`postgres`]).
// Loading suite/ twice is the point: one copy per storage engine, in one binary.
#![allow(clippy::duplicate_mod)]

mod pg;
#[path = "../scratch.rs"]
mod scratch;

#[path = "suite/mod.rs"]
mod sqlite;

#[path = "suite/mod.rs"]
mod postgres;

use serde_json::Value;

/// `tests/fixtures/<kind>_valid.json`.
fn fixture(kind: &str) -> Value {
    let path = format!("{}/../../tests/fixtures/{kind}_valid.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// PostgreSQL only: the database stops in the middle of a load and starts again (the body is in
/// suite/outage.rs, next to the helpers it uses).
#[test]
fn postgres_outage_mid_load_loses_and_doubles_nothing() {
    postgres::postgres_outage_mid_load_loses_and_doubles_nothing();
}
