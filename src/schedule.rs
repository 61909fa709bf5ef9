//! Talk schedule computations (SPEC §4.3–4.5).
