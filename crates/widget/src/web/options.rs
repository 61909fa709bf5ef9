//! The options of `mount` (documented in docs/), read with readable errors: a bad option comes back
//! as a thrown JavaScript `Error` naming it.

use std::collections::BTreeMap;

use serde_json::Value;

/// How long a POST may take before the widget gives up waiting (the `timeoutMs` option).
pub(crate) const POST_TIMEOUT_MS: u32 = 30_000;

/// The longest `timeoutMs` a host may set (10 minutes).
pub(crate) const POST_TIMEOUT_MAX_MS: u32 = 600_000;

/// Options of [`mount`] (documented in the README).
#[derive(Default)]
pub(crate) struct Options {
    pub(crate) template: Option<Value>,
    pub(crate) data: Option<Value>,
    pub(crate) endpoint: Option<String>,
    pub(crate) headers: BTreeMap<String, String>,
    pub(crate) credentials: Option<String>,
    pub(crate) locale: Option<String>,
    pub(crate) today: Option<String>,
    pub(crate) draft_storage: Option<String>,
    pub(crate) draft_key: Option<String>,
    pub(crate) read_only: bool,
    pub(crate) timeout_ms: Option<u32>,
    pub(crate) page_size: Option<usize>,
    pub(crate) config: Option<Value>,
    /// `review`: read-only review mode (see `ui::clerk`); `fill` (default).
    pub(crate) mode: Option<String>,
    /// Review mode: the envelope to open (JSON text).
    pub(crate) envelope: Option<String>,
    /// With `draftStorage: "host"`: the draft the host kept (the `draft` of a `checklist-draft`), text or object.
    pub(crate) draft: Option<Value>,
}

// Unknown options are ignored (hosts may pass newer ones to an older widget).
checklist_core::from_json_struct!(Options [lenient] {
    template, data, endpoint, headers: opt, credentials, locale, today, draft_storage, draft_key, read_only: opt, timeout_ms,
    page_size, config, mode, envelope, draft
});
