//! PostgreSQL storage (issue #16): `serve --db postgres://…` keeps the same tables as SQLite in a
//! database that several replicas share. A connection pool (deadpool-postgres over tokio-postgres),
//! a schema created or migrated at start-up under an advisory lock (so replicas starting together
//! do not race), idempotency decided by the database's UNIQUE constraint, and bounded waits
//! everywhere: an unreachable database is a [`StoreError::Unavailable`] (a 503) within
//! [`OP_TIMEOUT`], never a hang.
//!
//! The schema is described in docs/postgresql.md.

use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use tokio_postgres::{NoTls, Row};

use super::store::{
    AuditEntry, AuditRow, Body, Inserted, Keyed, NewRecord, Receipt, Storage, StoreError, StoreFuture, StoredBody, Summary,
};

/// The longest any one storage call may take, waiting for a connection included.
pub(crate) const OP_TIMEOUT: Duration = Duration::from_secs(5);
/// The longest a new connection may take to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Connections per replica.
const POOL_SIZE: usize = 16;
/// `pg_advisory_xact_lock` key held while the schema is created or migrated ("acchkmig").
const MIGRATION_LOCK: i64 = 0x6163_6368_6b6d_6967;

/// The schema versions, in order; each runs once, in the transaction that records it in
/// `schema_version`.
const MIGRATIONS: &[(i32, &str)] = &[(
    1,
    "
CREATE TABLE checklists (
    seq              bigserial PRIMARY KEY,
    receipt_id       text NOT NULL UNIQUE,
    idempotency_key  text UNIQUE,
    request_hash     text NOT NULL,
    template_id      text NOT NULL,
    template_version text NOT NULL,
    checklist_kind   text NOT NULL,
    digest           text NOT NULL,
    received_at      text NOT NULL,
    envelope         text NOT NULL,
    submitted_by     text,
    submitter_token  text,
    sealed           bytea,
    cipher           text,
    key_id           text
);
CREATE TABLE audit (
    seq        bigserial PRIMARY KEY,
    at         text NOT NULL,
    action     text NOT NULL,
    result     text NOT NULL,
    status     integer NOT NULL,
    who        text,
    role       text,
    receipt_id text,
    remote     text NOT NULL
);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE PROCEDURE audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE PROCEDURE audit_append_only();
",
)];

/// Whether `--db` names a PostgreSQL database rather than an SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The URL without its password, for messages.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

/// The accepted posts and the audit trail in a PostgreSQL database.
pub(crate) struct PgStore {
    pool: Pool,
}

impl PgStore {
    /// Connects to `url` (its password, when it has none, is `password`), then creates or
    /// migrates the schema.
    pub async fn open(url: &str, password: Option<String>) -> Result<PgStore, String> {
        let mut cfg: tokio_postgres::Config = url.parse().map_err(|e| format!("not a PostgreSQL URL: {e}"))?;
        if cfg.get_password().is_none() {
            if let Some(p) = password {
                cfg.password(p);
            }
        }
        cfg.connect_timeout(CONNECT_TIMEOUT);
        cfg.keepalives(true);
        cfg.keepalives_idle(Duration::from_secs(30));
        cfg.application_name("accountability-checklist");
        // The server ends a statement (or a wait for a lock) that outlives the client's patience.
        cfg.options(format!("-c statement_timeout={ms} -c lock_timeout={ms}", ms = OP_TIMEOUT.as_millis()));
        let manager = Manager::from_config(cfg, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(OP_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .recycle_timeout(Some(CONNECT_TIMEOUT))
            .build()
            .map_err(|e| e.to_string())?;
        migrate(&pool).await.map_err(|e| e.to_string())?;
        Ok(PgStore { pool })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(pool_error)
    }
}

/// Creates the tables, or brings them to the newest version, once across all replicas.
async fn migrate(pool: &Pool) -> Result<(), StoreError> {
    let mut client = pool.get().await.map_err(pool_error)?;
    let tx = client.transaction().await.map_err(pg_error)?;
    // A migration may take longer than a request may.
    tx.batch_execute("SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0").await.map_err(pg_error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(pg_error)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .await
    .map_err(pg_error)?;
    let current: i32 =
        tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[]).await.map_err(pg_error)?.try_get(0).map_err(pg_error)?;
    let newest = MIGRATIONS.last().map_or(0, |m| m.0);
    if current > newest {
        return Err(StoreError::Failed(format!(
            "the database has schema version {current}, newer than this program knows ({newest}): run a newer release"
        )));
    }
    for (version, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        tx.batch_execute(sql).await.map_err(|e| StoreError::Failed(format!("migration to schema version {version}: {}", describe(&e))))?;
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[version]).await.map_err(pg_error)?;
    }
    tx.commit().await.map_err(pg_error)
}

/// A driver error, with the server's message when there is one.
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

/// Connection trouble, shutdowns, timeouts and lock conflicts are worth a retry (503); a
/// refused statement is not (500).
fn pg_error(e: tokio_postgres::Error) -> StoreError {
    let text = describe(&e);
    match e.code().map(|c| c.code()) {
        // 08 connection exception, 53 insufficient resources, 57 operator intervention (admin
        // shutdown, cannot connect now, statement timeout), 40 serialization failure / deadlock,
        // 55P03 lock not available (lock_timeout).
        Some(code) if ["08", "53", "57", "40"].iter().any(|class| code.starts_with(class)) || code == "55P03" => {
            StoreError::Unavailable(text)
        }
        Some(_) => StoreError::Failed(text),
        // No SQLSTATE: the connection failed, closed or timed out.
        None => StoreError::Unavailable(text),
    }
}

fn pool_error(e: PoolError) -> StoreError {
    match e {
        PoolError::Backend(e) => pg_error(e),
        other => StoreError::Unavailable(other.to_string()),
    }
}

/// Runs `f` with a pooled connection, giving up after [`OP_TIMEOUT`].
async fn bounded<T>(f: impl std::future::Future<Output = Result<T, StoreError>>) -> Result<T, StoreError> {
    tokio::time::timeout(OP_TIMEOUT, f).await.unwrap_or_else(|_| Err(StoreError::Unavailable("timed out".into())))
}

fn col<'a, T: tokio_postgres::types::FromSql<'a>>(row: &'a Row, i: usize) -> Result<T, StoreError> {
    row.try_get(i).map_err(|e| StoreError::Failed(format!("column {i}: {e}")))
}

async fn by_key(client: &deadpool_postgres::Client, key: &str) -> Result<Option<Keyed>, StoreError> {
    let stmt = client
        .prepare_cached("SELECT receipt_id, received_at, digest, request_hash FROM checklists WHERE idempotency_key = $1")
        .await
        .map_err(pg_error)?;
    let Some(row) = client.query_opt(&stmt, &[&key]).await.map_err(pg_error)? else { return Ok(None) };
    Ok(Some(Keyed {
        receipt: Receipt { receipt_id: col(&row, 0)?, received_at: col(&row, 1)?, digest: col(&row, 2)? },
        request_hash: col(&row, 3)?,
    }))
}

impl Storage for PgStore {
    fn by_key(&self, key: String) -> StoreFuture<'_, Option<Keyed>> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            by_key(&client, &key).await
        }))
    }

    fn insert(&self, rec: NewRecord) -> StoreFuture<'_, Inserted> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            let (plain, sealed, cipher, key_id) = match &rec.envelope {
                Body::Plain(text) => (text.as_str(), None, None, None),
                Body::Sealed(s) => ("", Some(s.blob.as_slice()), Some(s.cipher), Some(s.key_id.as_str())),
            };
            // A concurrent insert of the same key (from any replica) makes this one wait for it,
            // then do nothing: the key's owner is decided by the UNIQUE constraint.
            let stmt = client
                .prepare_cached(
                    "INSERT INTO checklists (receipt_id, idempotency_key, request_hash, template_id, template_version,
                                             checklist_kind, digest, received_at, envelope,
                                             submitted_by, submitter_token, sealed, cipher, key_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                     ON CONFLICT (idempotency_key) DO NOTHING",
                )
                .await
                .map_err(pg_error)?;
            let changed = client
                .execute(
                    &stmt,
                    &[
                        &rec.receipt.receipt_id,
                        &rec.idempotency_key,
                        &rec.request_hash,
                        &rec.template_id,
                        &rec.template_version,
                        &rec.checklist_kind,
                        &rec.receipt.digest,
                        &rec.receipt.received_at,
                        &plain,
                        &rec.submitted_by,
                        &rec.submitter_token,
                        &sealed,
                        &cipher,
                        &key_id,
                    ],
                )
                .await
                .map_err(pg_error)?;
            if changed == 1 {
                return Ok(Inserted::New(rec.receipt));
            }
            // Not inserted, so the key was taken; the row that took it is committed by now.
            let Some(key) = rec.idempotency_key.as_deref() else { return Err(StoreError::Failed("insert changed no row".into())) };
            match by_key(&client, key).await? {
                Some(keyed) => Ok(Inserted::KeyTaken(keyed)),
                None => Err(StoreError::Failed("idempotency key taken, but its record not found".into())),
            }
        }))
    }

    fn list(&self, limit: u32, before: Option<String>) -> StoreFuture<'_, Option<Vec<Summary>>> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            let below = match before {
                None => i64::MAX,
                Some(id) => match client.query_opt("SELECT seq FROM checklists WHERE receipt_id = $1", &[&id]).await.map_err(pg_error)? {
                    Some(row) => col(&row, 0)?,
                    None => return Ok(None),
                },
            };
            let stmt = client
                .prepare_cached(
                    "SELECT receipt_id, template_id, checklist_kind, received_at, digest FROM checklists
                     WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                )
                .await
                .map_err(pg_error)?;
            let rows = client.query(&stmt, &[&below, &i64::from(limit)]).await.map_err(pg_error)?;
            rows.iter()
                .map(|r| {
                    Ok(Summary {
                        receipt_id: col(r, 0)?,
                        template_id: col(r, 1)?,
                        checklist_kind: col(r, 2)?,
                        received_at: col(r, 3)?,
                        digest: col(r, 4)?,
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
        }))
    }

    fn envelope(&self, receipt_id: String) -> StoreFuture<'_, Option<StoredBody>> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            let stmt = client
                .prepare_cached("SELECT envelope, sealed, cipher, key_id FROM checklists WHERE receipt_id = $1")
                .await
                .map_err(pg_error)?;
            let Some(row) = client.query_opt(&stmt, &[&receipt_id]).await.map_err(pg_error)? else { return Ok(None) };
            Ok(Some(match col::<Option<Vec<u8>>>(&row, 1)? {
                None => StoredBody::Plain(col(&row, 0)?),
                Some(blob) => StoredBody::Sealed {
                    cipher: col::<Option<String>>(&row, 2)?.unwrap_or_default(),
                    key_id: col::<Option<String>>(&row, 3)?.unwrap_or_default(),
                    blob,
                },
            }))
        }))
    }

    fn audit(&self, e: AuditEntry) -> StoreFuture<'_, ()> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            let stmt = client
                .prepare_cached(
                    "INSERT INTO audit (at, action, result, status, who, role, receipt_id, remote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .await
                .map_err(pg_error)?;
            client
                .execute(&stmt, &[&e.at, &e.action, &e.result, &i32::from(e.status), &e.who, &e.role, &e.receipt_id, &e.remote])
                .await
                .map_err(pg_error)
                .map(|_| ())
        }))
    }

    fn audit_rows(&self, limit: u32, before: Option<i64>) -> StoreFuture<'_, Vec<AuditRow>> {
        Box::pin(bounded(async move {
            let client = self.client().await?;
            let stmt = client
                .prepare_cached(
                    "SELECT seq, at, action, result, status, who, role, receipt_id, remote FROM audit
                     WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                )
                .await
                .map_err(pg_error)?;
            let rows = client.query(&stmt, &[&before.unwrap_or(i64::MAX), &i64::from(limit)]).await.map_err(pg_error)?;
            rows.iter()
                .map(|r| {
                    Ok(AuditRow {
                        seq: col(r, 0)?,
                        at: col(r, 1)?,
                        action: col(r, 2)?,
                        result: col(r, 3)?,
                        status: u16::try_from(col::<i32>(r, 4)?).unwrap_or(0),
                        who: col(r, 5)?,
                        role: col(r, 6)?,
                        receipt_id: col(r, 7)?,
                        remote: col(r, 8)?,
                    })
                })
                .collect()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_engine_and_passwords_stay_out_of_messages() {
        assert!(is_postgres_url("postgres://u@h:5432/db") && is_postgres_url("postgresql://h/db"));
        assert!(!is_postgres_url("checklists.sqlite3") && !is_postgres_url("/var/lib/postgres://x"));
        assert_eq!(
            redacted("postgres://app:s3cret@db.example:5432/checklists?sslmode=disable"),
            "postgres://app@db.example:5432/checklists?sslmode=disable"
        );
        assert_eq!(redacted("postgresql://app@h/db"), "postgresql://app@h/db");
        assert_eq!(redacted("postgresql://h/db"), "postgresql://h/db");
        assert_eq!(redacted("postgres://a:p@ss@h/db"), "postgres://a@h/db", "an @ in the password");
    }
}
