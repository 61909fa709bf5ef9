//! SQLite storage of accepted posts: one table, one connection behind a mutex. Every function
//! here blocks; the handlers call them inside `spawn_blocking`.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

/// The schema version in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

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

/// The accepted posts.
pub(crate) struct Store {
    conn: Mutex<Connection>,
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
    pub envelope: String,
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

impl Store {
    /// Opens (creating when missing) the database at `path`, in WAL mode.
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // journal_mode returns the resulting mode as a row.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
        conn.execute_batch(SCHEMA)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == 0 {
            conn.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};"))?;
        }
        Ok(Store { conn: Mutex::new(conn) })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind (rusqlite
        // rolls back on drop), so a poisoned lock is still usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The receipt stored under an idempotency key.
    pub fn by_key(&self, key: &str) -> rusqlite::Result<Option<Keyed>> {
        by_key(&self.conn(), key)
    }

    /// Stores a post. The idempotency key's UNIQUE constraint decides between concurrent posts
    /// with the same key: the loser gets the winner's receipt back and stores nothing.
    pub fn insert(&self, rec: &NewRecord) -> rusqlite::Result<Inserted> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "INSERT INTO checklists (receipt_id, idempotency_key, request_hash, template_id, template_version,
                                     checklist_kind, digest, received_at, envelope)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
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
                rec.envelope,
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

    /// Every stored post, newest first.
    pub fn list(&self) -> rusqlite::Result<Vec<Summary>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT receipt_id, template_id, checklist_kind, received_at, digest FROM checklists ORDER BY seq DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Summary {
                receipt_id: r.get(0)?,
                template_id: r.get(1)?,
                checklist_kind: r.get(2)?,
                received_at: r.get(3)?,
                digest: r.get(4)?,
            })
        })?;
        rows.collect()
    }

    /// The envelope of a receipt, as it was posted.
    pub fn envelope(&self, receipt_id: &str) -> rusqlite::Result<Option<String>> {
        self.conn()
            .query_row("SELECT envelope FROM checklists WHERE receipt_id = ?1", [receipt_id], |r| r.get(0))
            .optional()
    }
}

fn by_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Keyed>> {
    conn.query_row(
        "SELECT receipt_id, received_at, digest, request_hash FROM checklists WHERE idempotency_key = ?1",
        [key],
        |r| {
            Ok(Keyed {
                receipt: Receipt { receipt_id: r.get(0)?, received_at: r.get(1)?, digest: r.get(2)? },
                request_hash: r.get(3)?,
            })
        },
    )
    .optional()
}
