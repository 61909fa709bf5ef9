//! Benchmark: validating a 个人有关事项 record with N property rows (C11) in full, and re-checking
//! one changed row, as the widget does on a keystroke. Run with `make bench` (criterion prints
//! the figures). The record is the valid fixture with its C11 table grown to N rows.

use checklist_core::{template, Config, Date, Validator};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::{json, Value};

fn record_with_rows(n: usize) -> Value {
    let mut record: Value = serde_json::from_str(include_str!("../fixtures/geren_valid.json")).expect("fixture is JSON");
    let row = record.pointer("/C11/rows/0").cloned().expect("fixture has a C11 row");
    let rows: Vec<Value> = (0..n)
        .map(|i| {
            let mut r = row.clone();
            r["areaM2"] = json!(format!("{}.{:02}", 40 + i % 200, i % 100));
            r["address"] = json!(format!("北京市西城区某某街道{}号", i + 1));
            r
        })
        .collect();
    record["C11"]["rows"] = Value::Array(rows);
    record
}

fn bench(c: &mut Criterion) {
    let t = template::builtin("geren").expect("built in").expect("loads");
    let v = Validator::new(t, Config::default()).expect("compiles");
    let today = Date::parse("2026-01-15").expect("date");
    let mut group = c.benchmark_group("geren");
    for n in [10usize, 100, 1000] {
        let mut record = record_with_rows(n);
        let baseline = v.validate(&record, today);
        assert!(!baseline.has_errors(), "the benchmark record must be valid: {:#?}", baseline.findings);
        group.bench_with_input(BenchmarkId::new("validate_all", n), &record, |b, r| b.iter(|| v.validate(r, today)));
        // A keystroke in the last row's area cell that makes it invalid.
        record["C11"]["rows"][n - 1]["areaM2"] = json!("12.345");
        group.bench_with_input(BenchmarkId::new("recheck_last_row", n), &record, |b, r| {
            b.iter(|| v.validate_row(r, "C11", "rows", n - 1, today))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
