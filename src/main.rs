//! `accountability-checklist`: validate records, print schemas and templates.
fn main() {}
