//! Storage of accepted posts and of the audit trail: the [`Storage`] trait the handlers call, and
//! its SQLite implementation ([`SqliteStore`], one connection behind a mutex, each call inside
//! `spawn_blocking`). The PostgreSQL one is in [`super::pg`]; both keep the same tables.
//!
//! An envelope is stored either in plain text (`envelope`) or, with a data key, sealed (`sealed`,
//! `cipher`, `key_id`; `envelope` is then empty): this module stores what it is given and never
//! sees a key. The `audit` table is append-only: triggers abort every UPDATE and DELETE on it.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

/// The schema version in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS checklists (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id       TEXT NOT NULL UNIQUE,
    idempotency_key  TEXT UNIQUE,
    request_hash     TEXT NOT NULL,
    template_id      TEXT NOT NULL,
    template_version TEXT NOT NULL,
    checklist_kind   TEXT NOT NULL,
    digest           TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    envelope         TEXT NOT NULL
);
";

/// Version 1 → 2 (issue #18): who submitted, sealed envelopes, the audit trail.
const MIGRATE_2: &str = "
ALTER TABLE checklists ADD COLUMN submitted_by TEXT;
ALTER TABLE checklists ADD COLUMN submitter_token TEXT;
ALTER TABLE checklists ADD COLUMN sealed BLOB;
ALTER TABLE checklists ADD COLUMN cipher TEXT;
ALTER TABLE checklists ADD COLUMN key_id TEXT;
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL,
    result     TEXT NOT NULL,
    status     INTEGER NOT NULL,
    who        TEXT,
    role       TEXT,
    receipt_id TEXT,
    remote     TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
";

/// Why a storage call failed.
#[derive(Debug)]
pub(crate) enum StoreError {
    /// The database cannot be reached now (down, restarting, timed out): worth retrying, a 503.
    Unavailable(String),
    /// Anything else: a 500.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "database unavailable: {m}"),
            StoreError::Failed(m) => f.write_str(m),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Failed(e.to_string())
    }
}

/// What a [`Storage`] call returns.
pub(crate) type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Where accepted posts and the audit trail are kept: one implementation per engine, with the
/// same behaviour (the HTTP tests run against both).
pub(crate) trait Storage: Send + Sync {
    /// The receipt stored under an idempotency key.
    fn by_key(&self, key: String) -> StoreFuture<'_, Option<Keyed>>;
    /// Stores a post. The idempotency key's UNIQUE constraint decides between concurrent posts
    /// with the same key (from this process or another one): the loser gets the winner's receipt
    /// back and stores nothing.
    fn insert(&self, rec: NewRecord) -> StoreFuture<'_, Inserted>;
    /// At most `limit` stored posts, newest first, older than the receipt `before` when given;
    /// `None` when `before` names no stored receipt.
    fn list(&self, limit: u32, before: Option<String>) -> StoreFuture<'_, Option<Vec<Summary>>>;
    /// The envelope of a receipt, as it was stored.
    fn envelope(&self, receipt_id: String) -> StoreFuture<'_, Option<StoredBody>>;
    /// Appends a line to the audit trail.
    fn audit(&self, e: AuditEntry) -> StoreFuture<'_, ()>;
    /// Audit lines newest first: at most `limit`, and only those before `before` (a `seq`) when given.
    fn audit_rows(&self, limit: u32, before: Option<i64>) -> StoreFuture<'_, Vec<AuditRow>>;
}

/// The accepted posts in an SQLite file.
pub(crate) struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

/// Runs `f` on the connection in `spawn_blocking`.
fn blocking<T: Send + 'static>(
    conn: &Arc<Mutex<Connection>>,
    f: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
) -> StoreFuture<'static, T> {
    let conn = conn.clone();
    Box::pin(async move {
        tokio::task::spawn_blocking(move || f(&mut lock(&conn)))
            .await
            .map_err(|e| StoreError::Failed(e.to_string()))?
            .map_err(StoreError::from)
    })
}

fn lock(conn: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock cannot leave a half-done transaction behind (rusqlite
    // rolls back on drop), so a poisoned lock is still usable.
    conn.lock().unwrap_or_else(|e| e.into_inner())
}

impl Storage for SqliteStore {
    fn by_key(&self, key: String) -> StoreFuture<'_, Option<Keyed>> {
        blocking(&self.conn, move |c| by_key(c, &key))
    }
    fn insert(&self, rec: NewRecord) -> StoreFuture<'_, Inserted> {
        blocking(&self.conn, move |c| insert(c, &rec))
    }
    fn list(&self, limit: u32, before: Option<String>) -> StoreFuture<'_, Option<Vec<Summary>>> {
        blocking(&self.conn, move |c| list(c, limit, before.as_deref()))
    }
    fn envelope(&self, receipt_id: String) -> StoreFuture<'_, Option<StoredBody>> {
        blocking(&self.conn, move |c| envelope(c, &receipt_id))
    }
    fn audit(&self, e: AuditEntry) -> StoreFuture<'_, ()> {
        blocking(&self.conn, move |c| audit(c, &e))
    }
    fn audit_rows(&self, limit: u32, before: Option<i64>) -> StoreFuture<'_, Vec<AuditRow>> {
        blocking(&self.conn, move |c| audit_rows(c, limit, before))
    }
}

/// What the receipt of an accepted post says (the 201 body).
#[derive(Debug, Clone)]
pub(crate) struct Receipt {
    pub receipt_id: String,
    pub received_at: String,
    pub digest: String,
}

/// A receipt found by idempotency key, with the hash of the body that created it.
#[derive(Debug, Clone)]
pub(crate) struct Keyed {
    pub receipt: Receipt,
    pub request_hash: String,
}

/// A post to store.
pub(crate) struct NewRecord {
    pub receipt: Receipt,
    pub idempotency_key: Option<String>,
    pub request_hash: String,
    pub template_id: String,
    pub template_version: String,
    pub checklist_kind: String,
    pub envelope: Body,
    /// The user a trusted proxy named (`--trust-user-header`).
    pub submitted_by: Option<String>,
    /// The name of the token the post carried.
    pub submitter_token: Option<String>,
}

/// A stored envelope: as posted, or sealed with a data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    Plain(String),
    Sealed(super::keys::Sealed),
}

/// A stored envelope as read back (a sealed one names its cipher and key).
#[derive(Debug, Clone)]
pub(crate) enum StoredBody {
    Plain(String),
    Sealed { cipher: String, key_id: String, blob: Vec<u8> },
}

/// One line of the audit trail. Never holds record content.
#[derive(Debug, Clone)]
pub(crate) struct AuditEntry {
    pub at: String,
    /// `list`, `read`, `submit`, `audit`.
    pub action: &'static str,
    /// `ok`, or why it was refused (`unauthenticated`, `invalid_token`, `forbidden`, …).
    pub result: String,
    pub status: u16,
    /// Token name or trusted user; `None`: anonymous.
    pub who: Option<String>,
    pub role: Option<&'static str>,
    pub receipt_id: Option<String>,
    pub remote: String,
}

/// An audit line as read back.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub result: String,
    pub status: u16,
    pub who: Option<String>,
    pub role: Option<String>,
    pub receipt_id: Option<String>,
    pub remote: String,
}

/// The outcome of [`Store::insert`].
pub(crate) enum Inserted {
    /// Stored.
    New(Receipt),
    /// The idempotency key was taken (by a concurrent post, or one that was stored first).
    KeyTaken(Keyed),
}

/// One line of the list: no personal data.
#[derive(Debug, Clone)]
pub(crate) struct Summary {
    pub receipt_id: String,
    pub template_id: String,
    pub checklist_kind: String,
    pub received_at: String,
    pub digest: String,
}

impl SqliteStore {
    /// Opens (creating when missing) the database at `path`, in WAL mode.
    pub fn open(path: &Path) -> rusqlite::Result<SqliteStore> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // journal_mode returns the resulting mode as a row.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
        conn.execute_batch(SCHEMA)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < 2 {
            conn.execute_batch(&format!("BEGIN IMMEDIATE; {MIGRATE_2} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"))?;
        }
        Ok(SqliteStore { conn: Arc::new(Mutex::new(conn)) })
    }
}

fn insert(conn: &mut Connection, rec: &NewRecord) -> rusqlite::Result<Inserted> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (plain, sealed, cipher, key_id) = match &rec.envelope {
        Body::Plain(text) => (text.as_str(), None, None, None),
        Body::Sealed(s) => ("", Some(s.blob.as_slice()), Some(s.cipher), Some(s.key_id.as_str())),
    };
    let changed = tx.execute(
        "INSERT INTO checklists (receipt_id, idempotency_key, request_hash, template_id, template_version,
                                 checklist_kind, digest, received_at, envelope,
                                 submitted_by, submitter_token, sealed, cipher, key_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (idempotency_key) DO NOTHING",
        params![
            rec.receipt.receipt_id,
            rec.idempotency_key,
            rec.request_hash,
            rec.template_id,
            rec.template_version,
            rec.checklist_kind,
            rec.receipt.digest,
            rec.receipt.received_at,
            plain,
            rec.submitted_by,
            rec.submitter_token,
            sealed,
            cipher,
            key_id,
        ],
    )?;
    let outcome = if changed == 1 {
        Inserted::New(rec.receipt.clone())
    } else {
        match rec.idempotency_key.as_deref().map(|k| by_key(&tx, k)).transpose()?.flatten() {
            Some(keyed) => Inserted::KeyTaken(keyed),
            None => return Err(rusqlite::Error::QueryReturnedNoRows),
        }
    };
    tx.commit()?;
    Ok(outcome)
}

fn list(conn: &Connection, limit: u32, before: Option<&str>) -> rusqlite::Result<Option<Vec<Summary>>> {
    let below = match before {
        None => i64::MAX,
        Some(id) => match conn.query_row("SELECT seq FROM checklists WHERE receipt_id = ?1", [id], |r| r.get(0)).optional()? {
            Some(seq) => seq,
            None => return Ok(None),
        },
    };
    let mut stmt = conn.prepare_cached(
        "SELECT receipt_id, template_id, checklist_kind, received_at, digest FROM checklists
         WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![below, limit], |r| {
        Ok(Summary { receipt_id: r.get(0)?, template_id: r.get(1)?, checklist_kind: r.get(2)?, received_at: r.get(3)?, digest: r.get(4)? })
    })?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map(Some)
}

fn envelope(conn: &Connection, receipt_id: &str) -> rusqlite::Result<Option<StoredBody>> {
    conn.query_row("SELECT envelope, sealed, cipher, key_id FROM checklists WHERE receipt_id = ?1", [receipt_id], |r| {
        let sealed: Option<Vec<u8>> = r.get(1)?;
        Ok(match sealed {
            None => StoredBody::Plain(r.get(0)?),
            Some(blob) => StoredBody::Sealed {
                cipher: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                key_id: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                blob,
            },
        })
    })
    .optional()
}

fn audit(conn: &Connection, e: &AuditEntry) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (at, action, result, status, who, role, receipt_id, remote) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![e.at, e.action, e.result, e.status, e.who, e.role, e.receipt_id, e.remote])
    .map(|_| ())
}

fn audit_rows(conn: &Connection, limit: u32, before: Option<i64>) -> rusqlite::Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, action, result, status, who, role, receipt_id, remote FROM audit
         WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![before.unwrap_or(i64::MAX), limit], |r| {
        Ok(AuditRow {
            seq: r.get(0)?,
            at: r.get(1)?,
            action: r.get(2)?,
            result: r.get(3)?,
            status: r.get(4)?,
            who: r.get(5)?,
            role: r.get(6)?,
            receipt_id: r.get(7)?,
            remote: r.get(8)?,
        })
    })?;
    rows.collect()
}

fn by_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Keyed>> {
    conn.query_row("SELECT receipt_id, received_at, digest, request_hash FROM checklists WHERE idempotency_key = ?1", [key], |r| {
        Ok(Keyed { receipt: Receipt { receipt_id: r.get(0)?, received_at: r.get(1)?, digest: r.get(2)? }, request_hash: r.get(3)? })
    })
    .optional()
}
