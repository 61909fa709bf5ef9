//! The widget's half of the `import` fuzz target (tests/fuzz/src/store.rs): every saved import crash
//! input under tests/fuzz/regressions/import/, and hand-made hostile files, go through the store, which
//! must not panic and must keep the user's data when it refuses a file. The core's half is replayed by
//! tests/core/robustness.rs.

#[path = "../fuzz/src/store.rs"]
mod fuzz_store;

#[test]
fn fuzz_import_regressions_and_hostile_files_leave_the_store_intact() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz/regressions/import");
    let mut files: Vec<_> = std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let mut inputs: Vec<Vec<u8>> =
        files.iter().filter(|f| f.is_file() && f.file_name().is_some_and(|n| n != ".gitkeep")).map(|f| std::fs::read(f).unwrap()).collect();
    let saved = inputs.len();
    let fixture = include_str!("../fixtures/geren_valid.json");
    inputs.extend([
        fixture.as_bytes()[..fixture.len() / 2].to_vec(),
        "[".repeat(100_000).into_bytes(),
        vec![0xff, 0xfe, 0x00, 0x80],
        b"\xef\xbb\xbf{\"format\":\"accountability-checklist/record\"}".to_vec(),
    ]);
    for input in &inputs {
        fuzz_store::import_into_store(input);
    }
    eprintln!("replayed {saved} saved import input(s) and {} hostile files through the store", inputs.len() - saved);
}
