//! Reference indexes: the rows of a table that `ref` / `refs` fields point into, by row id, built
//! once per validation call (C-R03 subjects are checked against the referenced row).

use std::collections::HashMap;

use serde_json::Value;

use crate::access;

/// The rows of a referenced table by their `id` (the first row wins for a duplicate id, which
/// the table's own rule reports). Small tables, such as the family register that property and
/// investment rows point to, are scanned: hashing each id cost more than comparing a few.
pub(crate) enum RefIndex<'r> {
    Small(Vec<(&'r str, RefRow<'r>)>),
    Large(HashMap<&'r str, RefRow<'r>>),
}

/// What a reference check needs of a referenced row, read once per row rather than per cell.
#[derive(Clone, Copy)]
pub(crate) struct RefRow<'r> {
    /// 称谓 (`relation`), trimmed; empty when absent.
    pub(crate) relation: &'r str,
    /// A child living with the filer (`子女` with `livesTogether: true`).
    pub(crate) dependent: bool,
}

impl<'r> RefRow<'r> {
    fn of(row: &'r Value) -> RefRow<'r> {
        let relation = access::text(row, "relation").unwrap_or("");
        RefRow { relation, dependent: relation == "子女" && access::boolean(row, "livesTogether") == Some(true) }
    }
}

impl<'r> RefIndex<'r> {
    const SCAN_MAX: usize = 16;

    pub(crate) fn new(rows: &'r [Value]) -> RefIndex<'r> {
        let ids = rows.iter().filter_map(|row| Some((row.get("id")?.as_str()?, row)));
        if rows.len() <= Self::SCAN_MAX {
            let mut v: Vec<(&str, RefRow<'r>)> = Vec::with_capacity(rows.len());
            for (id, row) in ids {
                if !v.iter().any(|(k, _)| *k == id) {
                    v.push((id, RefRow::of(row)));
                }
            }
            RefIndex::Small(v)
        } else {
            let mut m = HashMap::with_capacity(rows.len());
            for (id, row) in ids {
                m.entry(id).or_insert_with(|| RefRow::of(row));
            }
            RefIndex::Large(m)
        }
    }

    pub(crate) fn get(&self, id: &str) -> Option<RefRow<'r>> {
        match self {
            RefIndex::Small(v) => v.iter().find(|(k, _)| *k == id).map(|(_, row)| *row),
            RefIndex::Large(m) => m.get(id).copied(),
        }
    }
}
