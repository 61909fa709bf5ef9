//! The domain core's integration tests, one binary (`cargo test -p checklist-core --test core`): the
//! engine on a host template, each checklist's rules end to end, messages, patterns, properties and
//! rule coverage. Fixtures are in tests/fixtures/.

mod de;
mod engine;
mod geren_cases;
mod geren_rules;
mod messages;
mod pattern;
mod robustness;
mod rule_coverage;
mod shown_if;
mod shuzhi_rules;
mod tanhua_quiet;
mod tanhua_rules;
