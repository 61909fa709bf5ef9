//! The HTTP tests of tests/server.rs, against PostgreSQL: the same file, compiled into a second
//! test binary, in which every server gets a fresh database on a throw-away PostgreSQL cluster
//! (tests/common/pg.rs) instead of a fresh SQLite file. tests/server.rs tells the two apart by
//! this crate's name.

#[path = "server.rs"]
mod suite;

/// PostgreSQL-only: the database stops in the middle of a load and starts again (the body is in
/// tests/server.rs, next to the helpers it uses).
#[test]
fn postgres_outage_mid_load_loses_and_doubles_nothing() {
    suite::postgres_outage_mid_load_loses_and_doubles_nothing();
}
