//! Host-kept drafts (issue #15): `PUT`, `GET` and `DELETE /api/drafts/{key}`, an example of where a portal
//! keeps what the widget's `draftStorage: "host"` hands it (`checklist-draft`), so that a draft follows its
//! user across devices.
//!
//! The rule (docs/security.md, Drafts): the key is a capability. Whoever holds it may read, replace and delete
//! that one draft, so it must be unguessable and never personal data: 32–128 characters of `A–Z a–z 0–9 _ -`
//! (for example an HMAC of the user's account id under a portal secret, or a random value kept with the
//! account). Only its SHA-256 is stored. A `GET` of a key that holds nothing counts as a failed
//! authentication of the caller's address (the `--max-auth-failures` limit, then `429`), so keys cannot be
//! guessed by trying; with `--submit-auth` every draft route also needs a `submitter` token (the portal's back
//! end calls it on its user's behalf). Drafts are personal data: sealed with the data key when one is
//! configured, never logged, every call audited (`draft_read`, `draft_write`, `draft_delete`), a read before it
//! is answered; drafts untouched for [`DRAFT_DAYS`] days are deleted.
//!
//! Owns the `drafts` table (its own connection to the same SQLite file). Must not store a draft in plain text
//! when a key is configured, nor answer a read it could not audit.

use std::net::SocketAddr;
use std::path::Path as FsPath;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest as _, Sha256};

use super::api::{self, error};
use super::auth::Role;
use super::App;

/// Drafts not written for this many days are deleted (at the next write of any draft).
pub const DRAFT_DAYS: i64 = 30;

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS drafts (
    key_hash   TEXT PRIMARY KEY,
    updated_ms INTEGER NOT NULL,
    cipher     TEXT,
    key_id     TEXT,
    body       BLOB NOT NULL
);";

/// The `drafts` table.
pub(crate) struct Drafts {
    conn: Mutex<Connection>,
}

/// A stored draft: sealed (`cipher`, `key_id`) or plain.
struct Stored {
    cipher: Option<String>,
    key_id: Option<String>,
    body: Vec<u8>,
}

impl Drafts {
    /// Opens the table in the database at `path` (created when missing).
    pub(crate) fn open(path: &FsPath) -> rusqlite::Result<Drafts> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Drafts { conn: Mutex::new(conn) })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn put(&self, key_hash: &str, now_ms: i64, stored: &Stored) -> rusqlite::Result<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM drafts WHERE updated_ms < ?1", params![now_ms - DRAFT_DAYS * 86_400_000])?;
        conn.execute(
            "INSERT INTO drafts (key_hash, updated_ms, cipher, key_id, body) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(key_hash) DO UPDATE SET updated_ms = ?2, cipher = ?3, key_id = ?4, body = ?5",
            params![key_hash, now_ms, stored.cipher, stored.key_id, stored.body],
        )?;
        Ok(())
    }

    fn get(&self, key_hash: &str) -> rusqlite::Result<Option<Stored>> {
        self.conn()
            .query_row("SELECT cipher, key_id, body FROM drafts WHERE key_hash = ?1", params![key_hash], |r| {
                Ok(Stored { cipher: r.get(0)?, key_id: r.get(1)?, body: r.get(2)? })
            })
            .optional()
    }

    fn delete(&self, key_hash: &str) -> rusqlite::Result<()> {
        self.conn().execute("DELETE FROM drafts WHERE key_hash = ?1", params![key_hash]).map(drop)
    }
}

/// Whether `key` is a draft key: 32–128 characters of `A–Z a–z 0–9 _ -`.
pub(crate) fn is_draft_key(key: &str) -> bool {
    (32..=128).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn key_hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The associated data a sealed draft is bound to: a sealed draft copied to another key does not open.
fn aad(hash: &str) -> String {
    format!("draft:{hash}")
}

use crate::clock::unix_ms as now_ms;

/// Auth, key shape and the failure limit, shared by the three routes; `Ok` is the caller and the key's hash.
async fn admit(
    app: &Arc<App>,
    headers: &HeaderMap,
    remote: std::net::IpAddr,
    key: &str,
    action: &'static str,
) -> Result<(api::Caller, String), Response> {
    if let Some(secs) = app.limiter.blocked(remote) {
        let mut res = error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", "认证失败次数过多，请稍后再试", None);
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        return Err(api::refuse(app, remote, action, &api::Caller::default(), None, res, "rate_limited").await);
    }
    let need = app.submit_auth.then_some(Role::Submitter);
    let caller = api::authorize(app, headers, remote, need, action, None).await?;
    if !is_draft_key(key) {
        let res = error(StatusCode::BAD_REQUEST, "invalid_draft_key", "草稿键须为32至128个字母、数字、下划线或连字符", None);
        return Err(api::refuse(app, remote, action, &caller, None, res, "invalid_draft_key").await);
    }
    Ok((caller, key_hash(key)))
}

/// `501` when the endpoint keeps no drafts: on PostgreSQL, drafts are not stored yet (docs/postgresql.md).
fn unsupported() -> Response {
    error(StatusCode::NOT_IMPLEMENTED, "drafts_unavailable", "本服务端使用PostgreSQL时不保存草稿", None)
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// `PUT /api/drafts/{key}`: stores the body (JSON, at most `import_max_bytes`) as that key's draft.
pub(crate) async fn put(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(key): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let remote = peer.ip().to_canonical();
    let (caller, hash) = match admit(&app, &headers, remote, &key, "draft_write").await {
        Ok(a) => a,
        Err(res) => return res,
    };
    if !api::is_json(&headers) {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "请求类型必须为application/json", None);
    }
    let bytes = match api::read_body(&app, &headers, body).await {
        Ok(b) => b,
        Err(res) => return res,
    };
    if serde_json::from_slice::<serde_json::Value>(&bytes).map_or(true, |v| !v.is_object()) {
        return error(StatusCode::BAD_REQUEST, "invalid_json", "请求内容不是有效的JSON对象", None);
    }
    let stored = match &app.keys {
        Some(keys) => match keys.seal(&aad(&hash), &bytes) {
            Ok(s) => Stored { cipher: Some(s.cipher.to_owned()), key_id: Some(s.key_id), body: s.blob },
            Err(_) => return api::internal(),
        },
        None => Stored { cipher: None, key_id: None, body: bytes.to_vec() },
    };
    let Some(now) = now_ms() else { return api::internal() };
    let app2 = app.clone();
    let res = match tokio::task::spawn_blocking(move || app2.drafts.as_ref().map(|d| d.put(&hash, now, &stored))).await {
        Ok(Some(Ok(()))) => no_content(),
        Ok(None) => unsupported(),
        _ => api::internal(),
    };
    let _ =
        api::audit_line(&app, remote, "draft_write", &caller, None, res.status(), if res.status().is_success() { "ok" } else { "failed" })
            .await;
    res
}

/// `GET /api/drafts/{key}`: the draft as it was put, or `404` (which counts as a failed attempt).
pub(crate) async fn get(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    let remote = peer.ip().to_canonical();
    let (caller, hash) = match admit(&app, &headers, remote, &key, "draft_read").await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let app2 = app.clone();
    let h2 = hash.clone();
    let found = match tokio::task::spawn_blocking(move || app2.drafts.as_ref().map(|d| d.get(&h2))).await {
        Ok(Some(Ok(found))) => found,
        Ok(None) => return unsupported(),
        _ => return api::internal(),
    };
    let Some(stored) = found else {
        app.limiter.failed(remote);
        let res = error(StatusCode::NOT_FOUND, "not_found", "未找到该草稿", None);
        return api::refuse(&app, remote, "draft_read", &caller, None, res, "not_found").await;
    };
    let plain = match (&stored.cipher, &stored.key_id, &app.keys) {
        (None, _, _) => stored.body,
        (Some(cipher), Some(key_id), Some(keys)) => match keys.open(cipher, key_id, &aad(&hash), &stored.body) {
            Ok(p) => p,
            Err(_) => return api::refuse(&app, remote, "draft_read", &caller, None, api::internal(), "undecryptable").await,
        },
        _ => return api::refuse(&app, remote, "draft_read", &caller, None, api::internal(), "undecryptable").await,
    };
    // Audited before the answer: a read that cannot be audited is not answered.
    if api::audit_line(&app, remote, "draft_read", &caller, None, StatusCode::OK, "ok").await.is_err() {
        return api::internal();
    }
    let mut res = (StatusCode::OK, plain).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

/// `DELETE /api/drafts/{key}`: `204` whether or not there was one (so it tells nothing about other keys).
pub(crate) async fn delete(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    let remote = peer.ip().to_canonical();
    let (caller, hash) = match admit(&app, &headers, remote, &key, "draft_delete").await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let app2 = app.clone();
    let res = match tokio::task::spawn_blocking(move || app2.drafts.as_ref().map(|d| d.delete(&hash))).await {
        Ok(Some(Ok(()))) => no_content(),
        Ok(None) => unsupported(),
        _ => api::internal(),
    };
    let _ =
        api::audit_line(&app, remote, "draft_delete", &caller, None, res.status(), if res.status().is_success() { "ok" } else { "failed" })
            .await;
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_keys_are_long_opaque_tokens() {
        assert!(is_draft_key(&"a".repeat(32)));
        assert!(is_draft_key("Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx"));
        for bad in [
            "",
            "u123",
            &"a".repeat(31),
            &"a".repeat(129),
            "110105197703080049110105197703080049/..",
            "张三张三张三张三张三张三张三张三张三张三张三张",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.",
        ] {
            assert!(!is_draft_key(bad), "{bad}");
        }
    }
}
