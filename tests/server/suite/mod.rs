//! The reference endpoint over real HTTP on 127.0.0.1: a server per test, bound to port 0 with a
//! fresh SQLite file and a small static directory, and a plain HTTP/1.1 client on a TCP socket
//! (so that paths such as `/../x` reach the server exactly as written).
//!
//! This directory is one module, compiled twice by main.rs, as `sqlite` and as `postgres` ([`on_postgres`]): in the second every
//! server gets a fresh database on a throw-away cluster (pg.rs) instead of a fresh file.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use crate::{fixture, pg};
use checklist_core::{envelope, template, Date};
use checklist_server::auth::{add_token, IpNet, Role};
use checklist_server::keys::{new_key_file, rotate_key_file, Cipher};
use checklist_server::{self as server, Options, CONTENT_SECURITY_POLICY};
use serde_json::{json, Value};

mod api;
mod outage;
mod posts;
mod reads;
mod security;

#[allow(unused_imports)] // registered as a test for the `postgres` copy only (main.rs)
pub(crate) use outage::postgres_outage_mid_load_loses_and_doubles_nothing;

const MIB: usize = 1024 * 1024;

// ---- test harness -------------------------------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    crate::scratch::dir(name)
}

/// A static directory with one file of each type, a sub-directory without index, and a secret
/// file next to (outside) it.
fn make_www(dir: &Path) -> PathBuf {
    let www = dir.join("www");
    std::fs::create_dir_all(www.join("pkg")).unwrap();
    std::fs::create_dir_all(www.join("empty")).unwrap();
    std::fs::write(dir.join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::write(www.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(www.join("app.js"), "export {};").unwrap();
    std::fs::write(www.join("pkg/app.mjs"), "export {};").unwrap();
    std::fs::write(www.join("pkg/app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(www.join("style.css"), "body{}").unwrap();
    std::fs::write(www.join("data.json"), "{}").unwrap();
    std::fs::write(www.join("logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(www.join("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    std::fs::write(www.join(".hidden"), "hidden").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("secret.txt"), www.join("link.txt")).unwrap();
    www
}

/// One token of each role, in one token file that every test server loads.
struct TestTokens {
    file: PathBuf,
    reviewer: String,
    auditor: String,
    submitter: String,
}

fn tokens() -> &'static TestTokens {
    static TOKENS: std::sync::OnceLock<TestTokens> = std::sync::OnceLock::new();
    TOKENS.get_or_init(|| {
        let file = temp_dir("tokens").join("tokens.json");
        let add = |role, name| add_token(&file, role, Some(name), "2026-01-15T00:00:00Z").unwrap().1;
        let reviewer = add(Role::Reviewer, "审阅员-1");
        let auditor = add(Role::Auditor, "auditor-1");
        let submitter = add(Role::Submitter, "portal-gateway");
        TestTokens { file, reviewer, auditor, submitter }
    })
}

/// A token of the right shape that is in no file.
const WRONG_TOKEN: &str = "act_0000000000000000000000000000000000000000000000000000000000000000";

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Whether this copy of the suite runs against PostgreSQL (module `postgres` of main.rs) rather
/// than SQLite (module `sqlite`).
fn on_postgres() -> bool {
    module_path!().ends_with("::postgres")
}

/// A fresh, empty database of the engine under test: an SQLite file in `dir`, or a new database
/// on the shared PostgreSQL cluster (its URL).
fn fresh_db(dir: &Path) -> PathBuf {
    if on_postgres() {
        PathBuf::from(pg::shared().database())
    } else {
        dir.join("checklists.sqlite3")
    }
}

/// Runs SQL in a test server's database, whichever the engine: each row's columns as text
/// (`None` for NULL), or the database's error message.
fn sql(db: &Path, query: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    if pg::is_url(db) {
        return pg::shared().sql(&db.to_string_lossy(), query);
    }
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    let mut stmt = conn.prepare(query).map_err(|e| e.to_string())?;
    let n = stmt.column_count();
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let cols = (0..n)
            .map(|i| {
                use rusqlite::types::ValueRef;
                match row.get_ref(i) {
                    Ok(ValueRef::Null) | Err(_) => None,
                    Ok(ValueRef::Integer(v)) => Some(v.to_string()),
                    Ok(ValueRef::Real(v)) => Some(v.to_string()),
                    Ok(ValueRef::Text(t) | ValueRef::Blob(t)) => Some(String::from_utf8_lossy(t).into_owned()),
                }
            })
            .collect();
        out.push(cols);
    }
    Ok(out)
}

/// The single value a query gives.
fn sql_one(db: &Path, query: &str) -> String {
    let rows = sql(db, query).unwrap_or_else(|e| panic!("{query}: {e}"));
    rows.first().and_then(|r| r.first()).cloned().flatten().unwrap_or_else(|| panic!("{query}: no value"))
}

/// Options for a test server on a fresh directory: port 0, the shared token file, a fixed "today".
fn options(today: &str) -> Options {
    let dir = temp_dir(today);
    let www = make_www(&dir);
    Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        db: fresh_db(&dir),
        www,
        today: Some(Date::parse(today).unwrap()),
        tokens: Some(tokens().file.clone()),
        ..Options::default()
    }
}

/// Starts a server on its own runtime thread; returns its address and database path.
fn start(today: &str) -> (SocketAddr, PathBuf) {
    start_with(options(today))
}

fn start_with(opts: Options) -> (SocketAddr, PathBuf) {
    let db = opts.db.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let server = server::bind(opts).await.unwrap();
            tx.send(server.local_addr()).unwrap();
            server.run().await.unwrap();
        });
    });
    (rx.recv_timeout(Duration::from_secs(30)).unwrap(), db)
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 request on a fresh connection (`Connection: close`); `raw_body` writes the body
/// as given (for chunked bodies), otherwise a Content-Length is added.
fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>, raw_body: bool) -> Resp {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let (Some(b), false) = (body, raw_body) {
        head.push_str(&format!("Content-Length: {}\r\n", b.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    if let Some(b) = body {
        // The server may answer (and stop reading) before the whole body is sent.
        let _ = stream.write_all(b);
    }
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Resp {
    let end =
        raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no response head: {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> =
        lines.map(|l| l.split_once(':').unwrap()).map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned())).collect();
    let mut body = raw[end + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let nl = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..nl]).unwrap().trim(), 16).unwrap();
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[nl + 2..nl + 2 + size]);
            rest = &rest[nl + 2 + size + 2..];
        }
        body = out;
    }
    Resp { status, headers, body }
}

/// A GET with the reviewer's token (reads need it since issue #18; `get_as` for other callers).
fn get(addr: SocketAddr, path: &str) -> Resp {
    get_as(addr, path, Some(&tokens().reviewer))
}

fn get_as(addr: SocketAddr, path: &str, token: Option<&str>) -> Resp {
    match token {
        Some(t) => send(addr, "GET", path, &[("Authorization", &bearer(t))], None, false),
        None => send(addr, "GET", path, &[], None, false),
    }
}

const JSON: (&str, &str) = ("Content-Type", "application/json");

fn post(addr: SocketAddr, body: &[u8], extra: &[(&str, &str)]) -> Resp {
    let mut headers = vec![JSON];
    headers.extend_from_slice(extra);
    send(addr, "POST", "/api/checklists", &headers, Some(body), false)
}

/// The export envelope of `data` as the widget writes it.
fn envelope_of(kind: &str, data: Value) -> String {
    let t = template::builtin(kind).unwrap().unwrap();
    envelope::to_json(&envelope::export(&t, data, vec![], vec![], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Submitted))
}

fn assert_security_headers(r: &Resp) {
    assert_eq!(r.header("content-security-policy"), Some(CONTENT_SECURITY_POLICY), "{r:?}");
    assert!(
        CONTENT_SECURITY_POLICY.contains("script-src 'self' 'wasm-unsafe-eval'")
            && CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'")
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
}

fn assert_api_error(r: &Resp, status: u16, code: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.text());
    assert_security_headers(r);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r.header("content-type").unwrap_or("").starts_with("application/json"));
    let v = r.json();
    assert_eq!(v["error"], code, "{v}");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    // Every finding in an error body carries its message in zh-CN and in both locales (issue #15).
    for f in v["findings"].as_array().into_iter().flatten() {
        let zh = f["messages"]["zh-CN"].as_str().unwrap_or_default();
        assert!(!zh.is_empty() && f["message"] == zh && f["messages"]["en"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
    }
    v
}

fn finding_codes(v: &Value) -> Vec<String> {
    v["findings"].as_array().map(|a| a.iter().map(|f| f["code"].as_str().unwrap_or("").to_owned()).collect()).unwrap_or_default()
}

// ---- callers and the database's bytes (used by security.rs and api.rs) -------------------------

/// The callers of the route table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Anonymous,
    WrongToken,
    NotBearer,
    Reviewer,
    Auditor,
    Submitter,
}

const CALLERS: [Who; 6] = [Who::Anonymous, Who::WrongToken, Who::NotBearer, Who::Reviewer, Who::Auditor, Who::Submitter];

fn authorization(who: Who) -> Option<String> {
    match who {
        Who::Anonymous => None,
        Who::WrongToken => Some(bearer(WRONG_TOKEN)),
        Who::NotBearer => Some(format!("Basic {}", tokens().reviewer)),
        Who::Reviewer => Some(bearer(&tokens().reviewer)),
        Who::Auditor => Some(bearer(&tokens().auditor)),
        Who::Submitter => Some(bearer(&tokens().submitter)),
    }
}

fn request_as(addr: SocketAddr, who: Who, method: &str, path: &str, body: Option<&[u8]>) -> Resp {
    let auth = authorization(who);
    let mut headers: Vec<(&str, &str)> = Vec::new();
    if let Some(a) = &auth {
        headers.push(("Authorization", a));
    }
    if body.is_some() {
        headers.push(JSON);
    }
    send(addr, method, path, &headers, body, false)
}

/// Every file of an SQLite database (main file, WAL, shared memory) as bytes; for PostgreSQL,
/// every row of both tables as the database gives them to anyone who can read them (its files
/// may compress long values, which would make a grep for the plain text miss).
fn database_bytes(db: &Path) -> Vec<u8> {
    if pg::is_url(db) {
        let rows = sql(db, "SELECT t::text FROM checklists t UNION ALL SELECT a::text FROM audit a").unwrap();
        return rows.into_iter().flatten().flatten().collect::<Vec<_>>().join("\n").into_bytes();
    }
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        all.extend(std::fs::read(PathBuf::from(p)).unwrap_or_default());
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}
