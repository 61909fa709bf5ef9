#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| accountability_checklist_fuzz::pattern(data));
