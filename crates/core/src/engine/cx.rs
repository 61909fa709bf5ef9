//! The state of one validation call ([`Cx`]) and where a field lives in the record ([`Place`]).

use serde_json::{Map, Value};

use crate::date::Date;
use crate::engine::refs::RefIndex;
use crate::template::escape_token;

/// Per-call state: today, the report year, and lazily built reference indexes.
pub(crate) struct Cx<'r> {
    pub(crate) record: &'r Value,
    pub(crate) today: Date,
    pub(crate) year: Option<i32>,
    /// Row-id indexes of the tables that reference fields point into, by table pointer (a record
    /// has one or two such tables, so a list).
    pub(crate) refs: std::cell::RefCell<Vec<(String, RefIndex<'r>)>>,
}

static EMPTY_MAP: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();

pub(crate) fn empty_map() -> &'static Map<String, Value> {
    EMPTY_MAP.get_or_init(Map::new)
}

/// Where a field lives, for paths and lookups.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub(crate) section_index: usize,
    /// Table index + 1, or 0 for section fields.
    pub(crate) table_slot: usize,
    /// The object holding the field (section object or row).
    pub(crate) obj: &'a Map<String, Value>,
    /// JSON pointer of `obj`, or of its table when `row` is set.
    pub(crate) base: &'a str,
    /// The row index under `base`, for a table row. Kept apart so that a row's pointer is only
    /// formatted when a finding needs it (most rows have none).
    pub(crate) row: Option<usize>,
}

impl Place<'_> {
    /// The JSON pointer of the field `key` in this place.
    pub(crate) fn path(&self, key: &str) -> String {
        match self.row {
            Some(i) => format!("{}/{i}/{}", self.base, escape_token(key)),
            None => format!("{}/{}", self.base, escape_token(key)),
        }
    }
}
