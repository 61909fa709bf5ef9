//! A template prepared for validation: its patterns compiled, its named rules resolved.

use std::collections::HashMap;

use crate::config::Config;
use crate::ident::document::Documents;
use crate::pattern::Pattern as Regex;
use crate::rules;
use crate::template::{Field, Template, TemplateError};

/// A template ready to validate records: patterns compiled, named rules resolved.
pub struct Validator {
    pub(crate) template: Template,
    pub(crate) config: Config,
    /// Field patterns by (section, table + 1 or 0, field) index.
    pub(crate) patterns: HashMap<(usize, usize, usize), Regex>,
    pub(crate) docs: Documents,
    pub(crate) rules: Vec<&'static rules::NamedRule>,
    /// For each section and table, column indexes in key order: a row's cells are matched to
    /// columns in one merge walk over the row's (sorted) keys instead of a map lookup per column.
    pub(crate) column_order: Vec<Vec<Vec<usize>>>,
}

impl Validator {
    /// Prepares `template` with `config`. Fails when a configured document pattern or a field
    /// pattern does not compile, or a named rule is unknown (templates from [`crate::template::load`]
    /// are already checked).
    pub fn new(template: Template, config: Config) -> Result<Validator, TemplateError> {
        let mut problems = Vec::new();
        let mut patterns = HashMap::new();
        for (si, s) in template.sections.iter().enumerate() {
            let mut add = |slot: usize, fi: usize, f: &Field, path: String| {
                if let Some(p) = &f.pattern {
                    match Regex::new(p) {
                        Ok(re) => {
                            patterns.insert((si, slot, fi), re);
                        }
                        Err(e) => problems.push((path, format!("not a valid regular expression: {e}"))),
                    }
                }
            };
            for (fi, f) in s.fields.iter().enumerate() {
                add(0, fi, f, format!("/sections/{si}/fields/{fi}/pattern"));
            }
            for (ti, t) in s.tables.iter().enumerate() {
                for (fi, f) in t.columns.iter().enumerate() {
                    add(ti + 1, fi, f, format!("/sections/{si}/tables/{ti}/columns/{fi}/pattern"));
                }
            }
        }
        let docs = Documents::compile(&config.documents, &mut problems);
        let mut named = Vec::new();
        for (i, id) in template.rules.iter().enumerate() {
            match rules::named(id) {
                Some(r) => named.push(r),
                None => problems.push((format!("/rules/{i}"), format!("unknown rule `{id}`"))),
            }
        }
        if !problems.is_empty() {
            return Err(TemplateError { problems });
        }
        let column_order = template
            .sections
            .iter()
            .map(|s| {
                s.tables
                    .iter()
                    .map(|t| {
                        let mut order: Vec<usize> = (0..t.columns.len()).collect();
                        crate::sort::sort_by(&mut order, |&a, &b| t.columns[a].key.cmp(&t.columns[b].key));
                        order
                    })
                    .collect()
            })
            .collect();
        Ok(Validator { template, config, patterns, docs, rules: named, column_order })
    }

    /// The template.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }
}
