//! The reference endpoint over real HTTP on 127.0.0.1: a server per test, bound to port 0 with a
//! fresh SQLite file and a small static directory, and a plain HTTP/1.1 client on a TCP socket
//! (so that paths such as `/../x` reach the server exactly as written).
//!
//! main.rs compiles this file twice, as `sqlite` and as `postgres` ([`on_postgres`]): in the second every
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

const MIB: usize = 1024 * 1024;

// ---- test harness -------------------------------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("ac-server-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

// ---- posts --------------------------------------------------------------------------------

#[test]
fn valid_fixtures_are_accepted_listed_and_fetched() {
    for (kind, today) in [("geren", "2026-01-15"), ("shuzhi", "2026-01-20"), ("tanhua", "2025-12-20")] {
        let (addr, _) = start(today);
        let body = envelope_of(kind, fixture(kind));
        let r = post(addr, body.as_bytes(), &[]);
        assert_eq!(r.status, 201, "{kind}: {}", r.text());
        assert_security_headers(&r);
        assert_eq!(r.header("cache-control"), Some("no-store"));
        let v = r.json();
        let id = v["receiptId"].as_str().unwrap().to_owned();
        assert_eq!(id.len(), 32, "128-bit hex id");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(r.header("location"), Some(format!("/api/checklists/{id}").as_str()));
        let sent: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["digest"], sent["digest"]["value"]);
        let at = v["receivedAt"].as_str().unwrap();
        assert!(at.len() == 25 && at.ends_with("+08:00") && &at[10..11] == "T", "RFC 3339, Beijing time: {at}");

        // The stored envelope is the one posted.
        let got = get(addr, &format!("/api/checklists/{id}"));
        assert_eq!(got.status, 200);
        assert_eq!(got.header("content-type"), Some("application/json"));
        assert_eq!(got.header("cache-control"), Some("no-store"));
        assert_security_headers(&got);
        assert_eq!(got.text(), body);

        // The list names the receipt and nothing personal.
        let list = get(addr, "/api/checklists");
        assert_eq!(list.status, 200);
        assert_eq!(list.header("cache-control"), Some("no-store"));
        let items = list.json();
        assert_eq!(items, json!([{"receiptId": id, "templateId": kind, "checklistKind": kind, "receivedAt": at, "digest": v["digest"]}]));
    }
}

#[test]
fn list_is_newest_first_and_ids_are_not_sequential() {
    let (addr, _) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));
    let ids: Vec<String> = (0..3)
        .map(|_| {
            let r = post(addr, body.as_bytes(), &[]);
            assert_eq!(r.status, 201, "{}", r.text());
            r.json()["receiptId"].as_str().unwrap().to_owned()
        })
        .collect();
    assert!(ids[0] != ids[1] && ids[1] != ids[2], "without a key every post is a new record");
    let list = get(addr, "/api/checklists").json();
    let listed: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["receiptId"].as_str().unwrap()).collect();
    assert_eq!(listed, [ids[2].as_str(), ids[1].as_str(), ids[0].as_str()]);
    let text = get(addr, "/api/checklists").text();
    for personal in ["张建国", "110105197506150036", "北京市朝阳区某局"] {
        assert!(!text.contains(personal), "the list must hold no personal data");
    }
}

/// The list is paged, newest first: `?limit=N` gives the newest N and, when the page is full, a
/// `Link: <…?limit=N&before=LAST>; rel="next"` to the next; following the links gives every
/// record once, in order, without personal data. Anything else in the query is a 400.
#[test]
fn the_list_is_paged_newest_first() {
    let (addr, _) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));
    let mut ids: Vec<String> = (0..5).map(|_| post(addr, body.as_bytes(), &[]).json()["receiptId"].as_str().unwrap().to_owned()).collect();
    ids.reverse();
    let mut path = "/api/checklists?limit=2".to_owned();
    let mut pages: Vec<Vec<String>> = Vec::new();
    loop {
        let r = get(addr, &path);
        assert_eq!(r.status, 200, "{}", r.text());
        let text = r.text();
        assert!(!text.contains("张建国") && !text.contains("110105197506150036"), "no personal data: {text}");
        let items: Vec<Value> = serde_json::from_str(&text).unwrap();
        for item in &items {
            let mut keys: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["checklistKind", "digest", "receiptId", "receivedAt", "templateId"]);
        }
        pages.push(items.iter().map(|i| i["receiptId"].as_str().unwrap().to_owned()).collect());
        match r.header("link") {
            Some(link) => {
                let last = pages.last().unwrap().last().unwrap();
                assert_eq!(link, format!("</api/checklists?limit=2&before={last}>; rel=\"next\""));
                path = link[1..link.find('>').unwrap()].to_owned();
            }
            None => break,
        }
    }
    // 2 + 2 + 1: the last page is not full, so it names no next one.
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    assert_eq!(pages.concat(), ids);
    assert_eq!(get(addr, &format!("/api/checklists?before={}", ids[0])).json().as_array().unwrap().len(), 4);
    assert_eq!(get(addr, &format!("/api/checklists?before={}", ids[4])).json(), json!([]));
    for bad in ["limit=0", "limit=10001", "limit=x", "limit", "before=zz", "before=0123456789abcdef0123456789abcdef"] {
        assert_api_error(&get(addr, &format!("/api/checklists?{bad}")), 400, "bad_request");
    }
    assert_eq!(get(addr, "/api/checklists?limit=3&page=9").json().as_array().unwrap().len(), 3, "other parameters are ignored");
    assert_eq!(get_as(addr, "/api/checklists?limit=2", None).status, 401, "paging needs the reviewer too");
}

#[test]
fn an_invalid_id_number_is_refused_with_its_finding() {
    let (addr, _) = start("2026-01-15");
    let data = fixture("geren").to_string().replace("110105197703080049", "110105197703080048");
    let r = post(addr, envelope_of("geren", serde_json::from_str(&data).unwrap()).as_bytes(), &[]);
    let v = assert_api_error(&r, 422, "validation_failed");
    let ident: Vec<&Value> =
        v["findings"].as_array().unwrap().iter().filter(|f| f["code"].as_str().unwrap().starts_with("ident.")).collect();
    assert!(!ident.is_empty(), "{v}");
    assert_eq!(ident[0]["path"], "/family/members/1/idNumber");
    assert_eq!(ident[0]["severity"], "error");
    assert!(ident[0]["messages"]["en"].as_str().is_some_and(|m| !m.is_empty() && ident[0]["message"] != m), "{v}");
    assert_eq!(get(addr, "/api/checklists").json(), json!([]), "nothing is stored");
}

#[test]
fn unconfirmed_warnings_block_and_confirmed_ones_pass() {
    let (addr, _) = start("2026-01-15");
    let mut data = fixture("geren");
    // C-R13: a floor area above the outlier limit is a warning.
    data["C11"]["rows"][0]["areaM2"] = json!("5000.00");
    let r = post(addr, envelope_of("geren", data.clone()).as_bytes(), &[]);
    let v = assert_api_error(&r, 422, "validation_failed");
    let outlier = v["findings"].as_array().unwrap().iter().find(|f| f["severity"] == "warning").cloned().unwrap_or_else(|| panic!("{v}"));
    let t = template::builtin("geren").unwrap().unwrap();
    let confirmation = checklist_core::Confirmation {
        code: outlier["code"].as_str().unwrap().to_owned(),
        path: outlier["path"].as_str().unwrap().to_owned(),
        rule_id: None,
        confirmed_at: "2026-01-15T10:00:00+08:00".into(),
    };
    let env = envelope::export(&t, data, vec![], vec![confirmation], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Submitted);
    let r = post(addr, envelope::to_json(&env).as_bytes(), &[]);
    assert_eq!(r.status, 201, "{}", r.text());
}

#[test]
fn tampered_and_foreign_envelopes_are_refused() {
    let (addr, _) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));

    // Data changed after export.
    let tampered = body.replacen("张建国", "李建国", 1);
    let v = assert_api_error(&post(addr, tampered.as_bytes(), &[]), 422, "import_failed");
    assert!(finding_codes(&v).contains(&"import.digest_mismatch".to_owned()), "{v}");

    // Digest value changed.
    let mut env: Value = serde_json::from_str(&body).unwrap();
    env["digest"]["value"] = json!("0".repeat(64));
    let v = assert_api_error(&post(addr, env.to_string().as_bytes(), &[]), 422, "import_failed");
    assert_eq!(finding_codes(&v), ["import.digest_mismatch"]);

    // Unknown template.
    let mut env: Value = serde_json::from_str(&body).unwrap();
    env["template"]["id"] = json!("nope");
    let v = assert_api_error(&post(addr, env.to_string().as_bytes(), &[]), 422, "unknown_template");
    assert_eq!(v["findings"][0]["path"], "/template/id");

    // Template and checklist kind disagree.
    let mut env: Value = serde_json::from_str(&body).unwrap();
    env["checklistKind"] = json!("shuzhi");
    let v = assert_api_error(&post(addr, env.to_string().as_bytes(), &[]), 422, "import_failed");
    assert!(finding_codes(&v).contains(&"import.kind_contradicts_template".to_owned()), "{v}");

    // JSON, but not an envelope; a newer format version.
    let v = assert_api_error(&post(addr, b"{\"hello\": 1}", &[]), 422, "import_failed");
    assert_eq!(finding_codes(&v), ["import.not_envelope"]);
    let mut env: Value = serde_json::from_str(&body).unwrap();
    env["formatVersion"] = json!(99);
    let v = assert_api_error(&post(addr, env.to_string().as_bytes(), &[]), 422, "import_failed");
    assert_eq!(finding_codes(&v), ["import.version_too_new"]);

    assert_eq!(get(addr, "/api/checklists").json(), json!([]), "nothing is stored");
}

#[test]
fn malformed_requests_get_400_415_413() {
    let (addr, _) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));

    // 415: no or another Content-Type; charset=utf-8 is fine.
    let r = send(addr, "POST", "/api/checklists", &[], Some(body.as_bytes()), false);
    assert_api_error(&r, 415, "unsupported_media_type");
    let r = send(addr, "POST", "/api/checklists", &[("Content-Type", "text/plain")], Some(body.as_bytes()), false);
    assert_api_error(&r, 415, "unsupported_media_type");
    let r = send(addr, "POST", "/api/checklists", &[("Content-Type", "application/json; charset=latin1")], Some(body.as_bytes()), false);
    assert_api_error(&r, 415, "unsupported_media_type");
    let r = send(addr, "POST", "/api/checklists", &[("Content-Type", "application/json; charset=utf-8")], Some(body.as_bytes()), false);
    assert_eq!(r.status, 201, "{}", r.text());

    // 400: broken JSON, invalid UTF-8, deep nesting (serde_json's recursion limit, no stack overflow).
    let half = (0..=body.len() / 2).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
    let v = assert_api_error(&post(addr, &body.as_bytes()[..half], &[]), 400, "invalid_json");
    assert_eq!(finding_codes(&v), ["import.not_json"]);
    assert_api_error(&post(addr, b"{\"format\": \"\xff\xfe\"}", &[]), 400, "invalid_utf8");
    let deep = "[".repeat(100_000);
    let v = assert_api_error(&post(addr, deep.as_bytes(), &[]), 400, "invalid_json");
    assert_eq!(finding_codes(&v), ["import.not_json"]);
    let deep_obj = format!("{{\"format\": \"accountability-checklist/record\", \"data\": {}", "{\"a\":".repeat(100_000));
    assert_api_error(&post(addr, deep_obj.as_bytes(), &[]), 400, "invalid_json");
    assert_api_error(&post(addr, b"", &[]), 400, "invalid_json");

    // 413: declared too large (answered before the body is read) …
    let r = send(addr, "POST", "/api/checklists", &[JSON, ("Content-Length", "5242881")], None, true);
    assert_api_error(&r, 413, "payload_too_large");
    // … and a chunked body that turns out too large (5 MiB + 1 byte).
    let mut chunked = Vec::new();
    let limit = 5 * MIB;
    let mut left = limit + 1;
    while left > 0 {
        let n = left.min(64 * 1024);
        chunked.extend_from_slice(format!("{n:x}\r\n").as_bytes());
        chunked.extend(std::iter::repeat_n(b' ', n));
        chunked.extend_from_slice(b"\r\n");
        left -= n;
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let r = send(addr, "POST", "/api/checklists", &[JSON, ("Transfer-Encoding", "chunked")], Some(&chunked), true);
    assert_api_error(&r, 413, "payload_too_large");
    // Exactly at the limit is read (and is then just not an envelope).
    let mut at_limit = vec![b' '; limit];
    at_limit[..2].copy_from_slice(b"{}");
    let v = assert_api_error(&post(addr, &at_limit, &[]), 422, "import_failed");
    assert_eq!(finding_codes(&v), ["import.not_envelope"]);

    // 400: bad idempotency keys.
    for key in ["", "has space", "ключ", &"k".repeat(201)] {
        let r = post(addr, body.as_bytes(), &[("Idempotency-Key", key)]);
        assert_api_error(&r, 400, "invalid_idempotency_key");
    }
    let r = post(addr, body.as_bytes(), &[("Idempotency-Key", &"k".repeat(200))]);
    assert_eq!(r.status, 201, "{}", r.text());

    // Junk never panics the server: each gets a JSON error and the server still answers.
    for junk in [
        &b"null"[..],
        b"[]",
        b"\"x\"",
        b"1e999999",
        b"{\"format\":1}",
        b"{\"schemaVersion\":\"1\",\"checklistKind\":\"geren\",\"data\":[]}",
        b"\xef\xbb\xbf{}",
    ] {
        let r = post(addr, junk, &[]);
        assert!([400, 422].contains(&r.status), "{} {}", String::from_utf8_lossy(junk), r.text());
        assert!(r.json()["error"].is_string());
    }
    assert_eq!(get(addr, "/api/checklists").status, 200);
}

// ---- idempotency --------------------------------------------------------------------------

#[test]
fn a_repeated_key_returns_the_same_receipt_or_409() {
    let (addr, _) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));
    let key = [("Idempotency-Key", "upload-2026-01-15-0001")];
    let first = post(addr, body.as_bytes(), &key);
    assert_eq!(first.status, 201, "{}", first.text());
    let again = post(addr, body.as_bytes(), &key);
    assert_eq!(again.status, 201);
    assert_eq!(again.json(), first.json(), "the same response body");
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(get(addr, "/api/checklists").json().as_array().unwrap().len(), 1, "nothing new stored");

    // Same key, another body: 409, nothing stored.
    let other = envelope_of("geren", {
        let mut d = fixture("geren");
        d["C15"] = json!({"text": "补充说明"});
        d
    });
    let r = post(addr, other.as_bytes(), &key);
    assert_api_error(&r, 409, "idempotency_conflict");
    // A failing body under a fresh key does not take the key; the key is then free for a good body.
    let bad = body.replacen("张建国", "李建国", 1);
    let fresh = [("Idempotency-Key", "upload-2026-01-15-0002")];
    assert_eq!(post(addr, bad.as_bytes(), &fresh).status, 422);
    assert_eq!(post(addr, other.as_bytes(), &fresh).status, 201);
    assert_eq!(get(addr, "/api/checklists").json().as_array().unwrap().len(), 2);
}

#[test]
fn concurrent_duplicates_store_one_record() {
    let (addr, db) = start("2026-01-15");
    let body = Arc::new(envelope_of("geren", fixture("geren")));
    for round in 0..3 {
        let key = format!("concurrent-{round}");
        let n = 2 + round * 3; // 2, 5, 8 posts at once
        let barrier = Arc::new(Barrier::new(n));
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let (body, barrier, key) = (body.clone(), barrier.clone(), key.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    post(addr, body.as_bytes(), &[("Idempotency-Key", &key)])
                })
            })
            .collect();
        let responses: Vec<Resp> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let first = responses[0].json();
        for r in &responses {
            assert_eq!(r.status, 201, "{}", r.text());
            assert_eq!(r.json(), first, "every duplicate gets the same receipt");
        }
    }
    assert_eq!(get(addr, "/api/checklists").json().as_array().unwrap().len(), 3);
    // And in the database itself (SQLite in WAL mode).
    assert_eq!(sql_one(&db, "SELECT count(*) FROM checklists"), "3");
    if !on_postgres() {
        assert_eq!(sql_one(&db, "PRAGMA journal_mode"), "wal");
    }
}

// ---- reads, routing, static files ----------------------------------------------------------

#[test]
fn unknown_receipts_and_routes_are_json_404_and_wrong_methods_405() {
    let (addr, _) = start("2026-01-15");
    for path in
        ["/api/checklists/0123456789abcdef0123456789abcdef", "/api/checklists/not-an-id", "/api/checklists/%ff", "/api/nothing", "/api"]
    {
        assert_api_error(&get(addr, path), 404, "not_found");
    }
    let r = send(addr, "DELETE", "/api/checklists", &[], None, false);
    assert_api_error(&r, 405, "method_not_allowed");
    assert!(r.header("allow").unwrap().contains("POST"));
    let r = send(addr, "POST", "/api/checklists/0123456789abcdef0123456789abcdef", &[JSON], Some(b"{}"), false);
    assert_api_error(&r, 405, "method_not_allowed");
    let r = send(addr, "PUT", "/index.html", &[], Some(b"x"), false);
    assert_eq!(r.status, 405);
    assert_security_headers(&r);
}

#[test]
fn static_files_have_their_content_types() {
    let (addr, _) = start("2026-01-15");
    for (path, ct) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/pkg/app.mjs", "text/javascript; charset=utf-8"),
        ("/pkg/app_bg.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/data.json", "application/json"),
        ("/logo.png", "image/png"),
        ("/logo.svg", "image/svg+xml"),
        ("/pkg/%61pp.mjs", "text/javascript; charset=utf-8"),
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ct), "{path}");
        assert_security_headers(&r);
        assert_eq!(r.header("cache-control"), None, "static files may be cached");
    }
    assert_eq!(get(addr, "/").text(), "<!doctype html><title>demo</title>");
    assert_eq!(get(addr, "/pkg/app_bg.wasm").body, b"\0asm\x01\0\0\0");

    let head = send(addr, "HEAD", "/pkg/app_bg.wasm", &[], None, false);
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-type"), Some("application/wasm"));
    assert_eq!(head.header("content-length"), Some("8"));
    assert!(head.body.is_empty());
    assert_security_headers(&head);
    let head = send(addr, "HEAD", "/api/checklists", &[("Authorization", &bearer(&tokens().reviewer))], None, false);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    // No directory listing, no hidden files, 404 for the rest.
    for path in ["/pkg", "/pkg/", "/empty/", "/missing.js", "/.hidden", "/index.html/x"] {
        let r = get(addr, path);
        assert_eq!(r.status, 404, "{path}");
        assert_security_headers(&r);
    }
}

#[test]
fn paths_cannot_leave_the_static_directory() {
    let (addr, _) = start("2026-01-15");
    for path in [
        "/../secret.txt",
        "/../Cargo.toml",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/pkg/../../secret.txt",
        "/pkg/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/%2e%2e%5csecret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/link.txt",
        "/.%2e/secret.txt",
        "/%00",
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.text().contains("TOP-SECRET") && !r.text().contains("[package]"), "{path}");
        assert_security_headers(&r);
    }
}

// ---- the binary ---------------------------------------------------------------------------

/// The command-line tool, which `serve`s this crate: built by the workspace's root package next to the
/// test binaries (`cargo test --workspace`, as `make test` runs it).
fn cli_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let bin =
        exe.parent().and_then(Path::parent).expect("target dir").join(format!("accountability-checklist{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.is_file(), "{} is missing: run the tests with `cargo test --workspace`, which builds it", bin.display());
    bin
}

#[test]
fn the_binary_serves_prints_its_address_and_logs_nothing_personal() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    let dir = temp_dir("binary");
    let www = make_www(&dir);
    let mut child = Command::new(cli_binary())
        .args(["serve", "--addr", "127.0.0.1:0", "--today", "2026-01-15"])
        .arg("--tokens")
        .arg(&tokens().file)
        .arg("--db")
        .arg(fresh_db(&dir))
        .arg("--www")
        .arg(&www)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr: SocketAddr = line
        .strip_prefix("listening on http://")
        .and_then(|s| s.trim_end().strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .parse()
        .unwrap();
    let body = envelope_of("geren", fixture("geren"));
    let r = post(addr, body.as_bytes(), &[("Idempotency-Key", "binary-1")]);
    assert_eq!(r.status, 201, "{}", r.text());
    let data = fixture("geren").to_string().replace("110105197703080049", "110105197703080048");
    assert_eq!(post(addr, envelope_of("geren", serde_json::from_str(&data).unwrap()).as_bytes(), &[]).status, 422);
    assert_eq!(get(addr, "/").status, 200);
    assert_eq!(get(addr, "/api/checklists").status, 200);
    assert_eq!(get_as(addr, "/api/checklists", Some(WRONG_TOKEN)).status, 401);
    assert_eq!(get(addr, &format!("/api/checklists?access_token={}", tokens().reviewer)).status, 400);
    child.kill().unwrap();
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    let _ = child.wait();
    assert!(log.contains("POST /api/checklists 201 "), "{log}");
    assert!(log.contains("POST /api/checklists 422 "), "{log}");
    assert!(log.contains("GET / 200 "), "{log}");
    for personal in ["张建国", "110105", "binary-1", "朝阳"] {
        assert!(!log.contains(personal), "the log must hold no personal data: {log}");
    }
    // Nor any token, valid or not, sent in a header or (refused) in the query.
    for secret in [&tokens().reviewer[4..], &WRONG_TOKEN[4..]] {
        assert!(!log.contains(secret), "the log must hold no token: {log}");
    }
    assert!(log.contains("GET /api/checklists 401 ") && log.contains("GET /api/checklists 400 "), "{log}");
    assert!(log.contains("PLAIN TEXT"), "without a key file the server warns at start: {log}");

    // Usage errors exit 2.
    let out = Command::new(cli_binary()).args(["serve", "--addr", "nowhere"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---- hostile input (issue #5) ---------------------------------------------------------------

/// Script payloads, control characters, bidi marks, emoji and Extension-B names in every kind of text
/// field: accepted as plain data and given back byte for byte.
#[test]
fn hostile_text_is_stored_and_returned_byte_for_byte() {
    let (addr, _) = start("2026-01-15");
    let payloads = [
        "<img src=x onerror=alert(1)>",
        "javascript:alert(document.cookie)",
        "</script><script>alert(1)</script>",
        "a\u{202e}b\u{200f}c\u{1b}[31m\u{7}\t",
        "👨‍👩‍👧 😀 \u{fe0f}",
        "𠀀𠀁𪚥 \"quoted\" \\back\\slash",
    ];
    let mut data = fixture("geren");
    // A text field of the header, a textarea-like narrative, and table cells of two tables.
    data["header"]["unitName"] = json!(format!("{}{}", payloads[3], payloads[5]));
    data["header"]["position"] = json!(format!("{}{}", payloads[0], payloads[4]));
    data["C11"]["rows"][0]["address"] = json!(payloads[2]);
    data["C11"]["rows"][0]["certNo"] = json!(payloads[1]);
    let body = envelope_of("geren", data.clone());
    let r = post(addr, body.as_bytes(), &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["receiptId"].as_str().unwrap().to_owned();
    let back = get(addr, &format!("/api/checklists/{id}"));
    assert_eq!(back.status, 200);
    assert_eq!(back.body, body.as_bytes(), "the envelope comes back exactly as posted");
    let stored: Value = back.json();
    assert_eq!(stored["data"], data);
    assert!(back.header("content-type").unwrap_or("").starts_with("application/json"), "never served as HTML");
    assert_security_headers(&back);
}

/// An envelope that skipped the browser's checks (empty answers, a broken ID, a missing pledge) is
/// refused with every finding, and nothing is stored.
#[test]
fn an_envelope_that_skipped_browser_validation_is_refused_with_findings() {
    let (addr, _) = start("2026-01-15");
    for data in [json!({}), json!({ "header": { "name": "张三", "idNumber": "11010519491231002X" } }), {
        let mut d = fixture("geren");
        d["header"]["idNumber"] = json!("110105197506150037");
        d.as_object_mut().unwrap().remove("C16");
        d
    }] {
        let r = post(addr, envelope_of("geren", data.clone()).as_bytes(), &[]);
        let v = assert_api_error(&r, 422, "validation_failed");
        let findings = v["findings"].as_array().unwrap();
        assert!(findings.iter().any(|f| f["severity"] == "error"), "{v}");
        assert!(findings.iter().all(|f| f["code"].is_string() && f["path"].is_string()), "{v}");
    }
    assert_eq!(get(addr, "/api/checklists").json(), json!([]), "nothing is stored");
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

/// Bounded memory: 16 concurrent chunked bodies of 20 MiB each (320 MiB in all, no Content-Length) are
/// cut off at the 5 MiB limit with 413; the process does not grow by anything like what was sent.
#[test]
fn oversized_bodies_in_parallel_keep_memory_bounded() {
    let (addr, _) = start("2026-01-15");
    let before = rss_kib();
    let mut chunk = format!("{:x}\r\n", 1024 * 1024).into_bytes();
    chunk.extend(std::iter::repeat_n(b'[', 1024 * 1024));
    chunk.extend_from_slice(b"\r\n");
    let chunk = Arc::new(chunk);
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let chunk = chunk.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(addr).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
                let head = format!("POST /api/checklists HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                s.write_all(head.as_bytes()).unwrap();
                for _ in 0..20 {
                    if s.write_all(&chunk).is_err() {
                        break; // the server stopped reading: that is the point
                    }
                }
                let _ = s.write_all(b"0\r\n\r\n");
                let mut raw = Vec::new();
                let _ = s.read_to_end(&mut raw);
                parse_response(&raw).status
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 413);
    }
    let grown_mib = rss_kib().saturating_sub(before) / 1024;
    assert!(grown_mib < 160, "the process grew by {grown_mib} MiB for 320 MiB of refused bodies");
    assert_eq!(get(addr, "/api/checklists").status, 200, "still serving");
}

// ---- authentication, roles, audit, encryption at rest (issue #18) -------------------------

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

/// Every route, by every kind of caller, with and without `--submit-auth`: the status of each.
#[test]
fn every_route_answers_each_caller_as_its_role_allows() {
    let body = envelope_of("geren", fixture("geren"));
    for submit_auth in [false, true] {
        // Two wrong credentials per route: above the default limit of failures per minute.
        let (addr, _) = start_with(Options { submit_auth, max_auth_failures: 1000, ..options("2026-01-15") });
        let stored = post(addr, body.as_bytes(), &[("Authorization", &bearer(&tokens().submitter))]);
        assert_eq!(stored.status, 201, "{}", stored.text());
        let id = stored.json()["receiptId"].as_str().unwrap().to_owned();
        let record = format!("/api/checklists/{id}");
        let post_status = if submit_auth { [401, 401, 401, 403, 403, 201] } else { [201, 401, 401, 201, 201, 201] };
        //            anonymous, wrong token, not Bearer, reviewer, auditor, submitter
        let table: Vec<(&str, &str, bool, [u16; 6])> = vec![
            ("GET", "/api/checklists", false, [401, 401, 401, 200, 403, 403]),
            ("HEAD", "/api/checklists", false, [401, 401, 401, 200, 403, 403]),
            ("GET", record.as_str(), false, [401, 401, 401, 200, 403, 403]),
            ("GET", "/api/checklists/0123456789abcdef0123456789abcdef", false, [401, 401, 401, 404, 403, 403]),
            ("GET", "/api/checklists/not-an-id", false, [401, 401, 401, 404, 403, 403]),
            ("GET", "/api/audit", false, [401, 401, 401, 403, 200, 403]),
            ("POST", "/api/checklists", true, post_status),
            // Validation is open like posting, and needs a submitter token with --submit-auth (issue #15).
            ("POST", "/api/validate", true, post_status.map(|s| if s == 201 { 200 } else { s })),
            ("GET", "/api/openapi.json", false, [200; 6]),
            ("GET", "/api/validate", false, [405; 6]),
            ("DELETE", "/api/checklists", false, [405; 6]),
            ("POST", "/api/audit", false, [405; 6]),
            ("GET", "/api/nothing", false, [404; 6]),
            ("GET", "/", false, [200; 6]),
        ];
        for (method, path, with_body, expected) in &table {
            for (who, want) in CALLERS.iter().zip(expected) {
                let r = request_as(addr, *who, method, path, with_body.then_some(body.as_bytes()));
                assert_eq!(r.status, *want, "{method} {path} as {who:?} (submit_auth {submit_auth}): {}", r.text());
                assert_security_headers(&r);
                if r.status == 401 {
                    let challenge =
                        r.header("www-authenticate").unwrap_or_else(|| panic!("{method} {path} as {who:?}: 401 without WWW-Authenticate"));
                    assert!(challenge.starts_with("Bearer "), "{challenge}");
                    if *who != Who::Anonymous {
                        assert!(challenge.contains("error=\"invalid_token\""), "{challenge}");
                    }
                }
                if r.status == 200 && path.starts_with("/api/checklists/") && method == &"GET" {
                    assert_eq!(r.text(), body, "the record as posted");
                }
            }
        }
    }
}

#[test]
fn submission_times_are_read_and_a_future_one_is_refused() {
    let (addr, _) = start("2026-01-15");
    let t = template::builtin("geren").unwrap().unwrap();
    let submitted = |at: &str| {
        let env = envelope::export(&t, fixture("geren"), vec![], vec![], String::new(), envelope::Status::Draft).submitted(at.into());
        envelope::to_json(&env)
    };
    // (submittedAt, status, error code): the server's today is 2026-01-15.
    let cases: &[(&str, u16, Option<&str>)] = &[
        ("2026-01-15T09:30:00+08:00", 201, None),
        // 2026-01-14T20:00Z is 2026-01-15 04:00 in Beijing: still today.
        ("2026-01-14T20:00:00Z", 201, None),
        // 2026-01-15T17:00Z is the 16th in Beijing: after the server's today.
        ("2026-01-15T17:00:00Z", 422, Some("submitted_in_future")),
        ("2026-01-16T08:00:00+08:00", 422, Some("submitted_in_future")),
        ("2126-01-01T08:00:00+08:00", 422, Some("submitted_in_future")),
        ("yesterday", 422, Some("import_failed")),
    ];
    for (at, status, code) in cases {
        let r = post(addr, submitted(at).as_bytes(), &[]);
        match code {
            None => assert_eq!(r.status, *status, "{at}: {}", r.text()),
            Some(code) => {
                let v = assert_api_error(&r, *status, code);
                assert!(finding_codes(&v).iter().any(|c| c.starts_with("import.submitted_")), "{at}: {v}");
            }
        }
    }
}

#[test]
fn a_server_without_tokens_lets_nobody_read() {
    let (addr, _) = start_with(Options { tokens: None, max_auth_failures: 1000, ..options("2026-01-15") });
    let body = envelope_of("geren", fixture("geren"));
    let r = post(addr, body.as_bytes(), &[]);
    assert_eq!(r.status, 201, "submitting stays open");
    let id = r.json()["receiptId"].as_str().unwrap().to_owned();
    for who in CALLERS {
        for path in ["/api/checklists".to_owned(), format!("/api/checklists/{id}"), "/api/audit".to_owned()] {
            assert_eq!(request_as(addr, who, "GET", &path, None).status, 401, "{path} as {who:?}");
        }
    }
}

/// Reads, refusals and submits are in the audit, which only an auditor reads; it names who (token
/// name or trusted user), the receipt, the address and the result, and holds no record content.
/// SQLite triggers refuse to change or delete it.
#[test]
fn reads_and_refusals_are_audited_and_the_audit_is_append_only() {
    let (addr, db) = start("2026-01-15");
    let body = envelope_of("geren", fixture("geren"));
    let id = post(addr, body.as_bytes(), &[]).json()["receiptId"].as_str().unwrap().to_owned();
    let record = format!("/api/checklists/{id}");
    assert_eq!(get(addr, &record).status, 200);
    assert_eq!(get(addr, "/api/checklists").status, 200);
    assert_eq!(get_as(addr, &record, None).status, 401);
    assert_eq!(get_as(addr, &record, Some(WRONG_TOKEN)).status, 401);
    assert_eq!(get_as(addr, &record, Some(&tokens().auditor)).status, 403);
    assert_eq!(get(addr, "/api/checklists/0123456789abcdef0123456789abcdef").status, 404);
    assert_eq!(get_as(addr, "/api/audit", Some(&tokens().reviewer)).status, 403);

    let r = get_as(addr, "/api/audit", Some(&tokens().auditor));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let text = r.text();
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    let line = |action: &str, result: &str, status: u16| -> Vec<&Value> {
        rows.iter().filter(|r| r["action"] == action && r["result"] == result && r["status"] == status).collect()
    };
    let submit = line("submit", "ok", 201);
    assert_eq!(submit.len(), 1, "{text}");
    assert_eq!(submit[0]["receiptId"], id.as_str());
    assert!(submit[0]["who"].is_null(), "an anonymous post: {text}");
    let read = line("read", "ok", 200);
    assert_eq!(read.len(), 1, "{text}");
    assert_eq!(read[0]["who"], "审阅员-1");
    assert_eq!(read[0]["role"], "reviewer");
    assert_eq!(read[0]["receiptId"], id.as_str());
    assert_eq!(read[0]["remote"], "127.0.0.1");
    assert!(read[0]["at"].as_str().unwrap().ends_with("+08:00"));
    assert_eq!(line("list", "ok", 200).len(), 1, "{text}");
    assert_eq!(line("read", "unauthenticated", 401)[0]["receiptId"], id.as_str());
    assert_eq!(line("read", "invalid_token", 401).len(), 1, "{text}");
    assert!(line("read", "invalid_token", 401)[0]["who"].is_null(), "a wrong token names nobody");
    assert_eq!(line("read", "forbidden", 403)[0]["who"], "auditor-1");
    assert_eq!(line("read", "not_found", 404).len(), 1, "{text}");
    assert_eq!(line("audit", "forbidden", 403)[0]["who"], "审阅员-1");
    assert_eq!(line("audit", "ok", 200).len(), 1, "reading the audit is audited: {text}");
    let seqs: Vec<i64> = rows.iter().map(|r| r["seq"].as_i64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[0] > w[1]), "newest first: {seqs:?}");
    // No record content, no token.
    for secret in ["张建国", "110105197506150036", "朝阳", &tokens().reviewer[4..], &WRONG_TOKEN[4..]] {
        assert!(!text.contains(secret), "the audit holds {secret}: {text}");
    }
    // Paging.
    let page = get_as(addr, &format!("/api/audit?limit=2&before={}", seqs[0]), Some(&tokens().auditor)).json();
    assert_eq!(page.as_array().unwrap().iter().map(|r| r["seq"].as_i64().unwrap()).collect::<Vec<_>>(), seqs[1..3]);
    assert_eq!(get_as(addr, "/api/audit?limit=0", Some(&tokens().auditor)).status, 400);

    // Append-only, even for someone with SQL access through the application's schema.
    // The ten requests above that reached a handler or were refused (the `limit=0` one is a 400 after
    // authentication and reads nothing).
    assert_eq!(sql_one(&db, "SELECT count(*) FROM audit"), "10");
    let mut attempts = vec!["UPDATE audit SET result = 'ok'", "DELETE FROM audit", "DELETE FROM audit WHERE seq = 1"];
    if on_postgres() {
        attempts.push("TRUNCATE audit");
    }
    for attempt in attempts {
        let e = sql(&db, attempt).unwrap_err();
        assert!(e.contains("append-only"), "{attempt}: {e}");
    }
    assert_eq!(sql_one(&db, "SELECT count(*) FROM audit"), "10");
    assert!(
        sql(&db, "INSERT INTO audit (at, action, result, status, remote) VALUES ('x', 'read', 'ok', 200, 'x')").is_ok(),
        "appending works"
    );
    assert_eq!(sql_one(&db, "SELECT count(*) FROM audit"), "11");
}

/// A credential in the URL is refused (and audited) even when valid: it would end up in proxy logs.
#[test]
fn tokens_are_never_accepted_in_urls() {
    let (addr, _) = start("2026-01-15");
    let t = &tokens().reviewer;
    for (who, path) in [
        (None, format!("/api/checklists?access_token={t}")),
        (None, format!("/api/checklists?token={t}")),
        (None, format!("/api/checklists?q={t}")),
        (Some(t.as_str()), format!("/api/checklists?api_key={t}")),
        (None, format!("/api/audit?access_token={}", tokens().auditor)),
        (None, format!("/api/checklists/0123456789abcdef0123456789abcdef?Authorization=Bearer%20{t}")),
    ] {
        let r = get_as(addr, &path, who);
        assert_api_error(&r, 400, "token_in_url");
    }
    let r = send(addr, "POST", &format!("/api/checklists?access_token={}", tokens().submitter), &[JSON], Some(b"{}"), false);
    assert_api_error(&r, 400, "token_in_url");
    // A query that names no credential is not refused for that.
    assert_eq!(get(addr, "/api/checklists?page=1&contact_unit=x").status, 200);
}

/// After `max_auth_failures` wrong tokens from one address within a minute, requests from it that
/// carry or need a credential get 429 with Retry-After, even with a valid token.
#[test]
fn failed_authentication_is_rate_limited() {
    let (addr, _) = start_with(Options { max_auth_failures: 3, ..options("2026-01-15") });
    // Anonymous requests are refused but do not count: no token was guessed.
    for _ in 0..5 {
        assert_eq!(get_as(addr, "/api/checklists", None).status, 401);
    }
    for _ in 0..3 {
        assert_eq!(get_as(addr, "/api/checklists", Some(WRONG_TOKEN)).status, 401);
    }
    for token in [Some(WRONG_TOKEN), Some(tokens().reviewer.as_str()), None] {
        let r = get_as(addr, "/api/checklists", token);
        let v = assert_api_error(&r, 429, "too_many_attempts");
        let secs: u64 = r.header("retry-after").unwrap_or_else(|| panic!("{v}")).parse().unwrap();
        assert!((1..=60).contains(&secs), "{secs}");
    }
    // An open, anonymous post is not a login attempt and still goes through.
    assert_eq!(post(addr, envelope_of("geren", fixture("geren")).as_bytes(), &[]).status, 201);
    let audit = get_as(addr, "/api/audit", Some(&tokens().auditor));
    assert_eq!(audit.status, 429, "the limit is per address, whatever the token");
}

/// `--trust-user-header`: the user a trusted proxy names is stored with the record and audited;
/// the same header from any other address is refused.
#[test]
fn the_user_header_is_believed_only_from_trusted_proxies() {
    let body = envelope_of("geren", fixture("geren"));
    let trusted = Options {
        trust_user_header: Some("X-Portal-User".into()),
        trusted_proxies: vec![IpNet::parse("127.0.0.0/8").unwrap()],
        ..options("2026-01-15")
    };
    let (addr, db) = start_with(trusted);
    let r = post(addr, body.as_bytes(), &[("X-Portal-User", "zhang.jianguo@portal")]);
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["receiptId"].as_str().unwrap().to_owned();
    let r = post(addr, body.as_bytes(), &[("X-Portal-User", "wang@portal"), ("Authorization", &bearer(&tokens().submitter))]);
    assert_eq!(r.status, 201, "{}", r.text());
    let id2 = r.json()["receiptId"].as_str().unwrap().to_owned();
    let who = |id: &str| -> (Option<String>, Option<String>) {
        let row = sql(&db, &format!("SELECT submitted_by, submitter_token FROM checklists WHERE receipt_id = '{id}'")).unwrap().remove(0);
        (row[0].clone(), row[1].clone())
    };
    assert_eq!(who(&id), (Some("zhang.jianguo@portal".into()), None));
    assert_eq!(who(&id2), (Some("wang@portal".into()), Some("portal-gateway".into())));
    let audit = get_as(addr, "/api/audit", Some(&tokens().auditor)).json();
    let submits: Vec<&Value> = audit.as_array().unwrap().iter().filter(|r| r["action"] == "submit").collect();
    assert_eq!(
        submits.iter().map(|r| r["who"].as_str().unwrap()).collect::<Vec<_>>(),
        ["wang@portal (portal-gateway)", "zhang.jianguo@portal"]
    );
    assert_eq!(post(addr, body.as_bytes(), &[("X-Portal-User", "a\u{1}b")]).status, 400, "control characters");

    let untrusted = Options {
        trust_user_header: Some("X-Portal-User".into()),
        trusted_proxies: vec![IpNet::parse("10.0.0.0/8").unwrap()],
        ..options("2026-01-15")
    };
    let (addr, _) = start_with(untrusted);
    let r = post(addr, body.as_bytes(), &[("X-Portal-User", "zhang.jianguo@portal")]);
    assert_api_error(&r, 403, "untrusted_user_header");
    assert_eq!(post(addr, body.as_bytes(), &[]).status, 201, "without the header the post is fine");
    let r = send(addr, "GET", "/api/checklists", &[("Authorization", &bearer(&tokens().reviewer)), ("X-Portal-User", "x")], None, false);
    assert_api_error(&r, 403, "untrusted_user_header");
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

/// With a data key file the database holds no name and no ID number of a stored record (it does
/// without one: the same grep finds both); records read back byte for byte, with AES-256-GCM and
/// with SM4-GCM; after `key rotate` the old records still open and new ones use the new key.
#[test]
fn records_are_encrypted_at_rest_and_survive_key_rotation() {
    let body = envelope_of("geren", fixture("geren"));
    let personal = ["张建国", "110105197506150036"];
    assert!(personal.iter().all(|p| body.contains(p)), "the fixture holds what the grep looks for");

    let (addr, db) = start("2026-01-15");
    assert_eq!(post(addr, body.as_bytes(), &[]).status, 201);
    let bytes = database_bytes(&db);
    assert!(personal.iter().all(|p| contains(&bytes, p)), "without a key the record is in plain text (the grep works)");

    for cipher in [Cipher::Aes256Gcm, Cipher::Sm4Gcm] {
        let opts = options("2026-01-15");
        let key_file = temp_dir("key").join("data.key");
        new_key_file(&key_file, "2026-01-15T00:00:00Z").unwrap();
        let (addr, db) = start_with(Options { data_key_file: Some(key_file.clone()), cipher, ..opts.clone() });
        let old = post(addr, body.as_bytes(), &[]).json()["receiptId"].as_str().unwrap().to_owned();
        let bytes = database_bytes(&db);
        for p in personal {
            assert!(!contains(&bytes, p), "{cipher:?}: {p} found in the database file");
        }
        assert_eq!(get(addr, &format!("/api/checklists/{old}")).text(), body);

        // Rotate, then serve the same database with the rotated file.
        assert_eq!(rotate_key_file(&key_file, "2026-01-16T00:00:00Z").unwrap(), "k2");
        let (addr2, _) = start_with(Options { data_key_file: Some(key_file.clone()), cipher, ..opts.clone() });
        let new = post(addr2, body.as_bytes(), &[]).json()["receiptId"].as_str().unwrap().to_owned();
        assert_eq!(get(addr2, &format!("/api/checklists/{old}")).text(), body, "sealed under k1, read after rotation");
        assert_eq!(get(addr2, &format!("/api/checklists/{new}")).text(), body);
        let key_of = |id: &str| -> (String, String) {
            let row = sql(&db, &format!("SELECT key_id, cipher FROM checklists WHERE receipt_id = '{id}'")).unwrap().remove(0);
            (row[0].clone().unwrap(), row[1].clone().unwrap())
        };
        assert_eq!(key_of(&old), ("k1".into(), cipher_name(cipher)));
        assert_eq!(key_of(&new), ("k2".into(), cipher_name(cipher)));
        // A sealed row moved under another receipt id does not open (the id is associated data).
        sql(
            &db,
            &format!(
                "UPDATE checklists SET sealed = (SELECT sealed FROM checklists WHERE receipt_id = '{old}') WHERE receipt_id = '{new}'"
            ),
        )
        .unwrap();
        assert_api_error(&get(addr2, &format!("/api/checklists/{new}")), 500, "internal");
        // Without the key file the records cannot be read: a 500, not plain text and not a panic.
        let (addr3, _) = start_with(Options { data_key_file: None, ..opts.clone() });
        assert_api_error(&get(addr3, &format!("/api/checklists/{old}")), 500, "internal");
    }
}

fn cipher_name(c: Cipher) -> String {
    c.as_str().to_owned()
}

/// The schema is created or migrated when a server starts. SQLite: a database written before
/// issue #18 (schema version 1) is migrated and its records stay readable. PostgreSQL: two
/// replicas starting at once on an empty database both come up and create the schema once (an
/// advisory lock orders them); they then share records; a database from a newer release is
/// refused with a clear message.
#[test]
fn the_schema_is_created_or_migrated_at_start() {
    let opts = options("2026-01-15");
    if !on_postgres() {
        let conn = rusqlite::Connection::open(&opts.db).unwrap();
        conn.execute_batch(
            "CREATE TABLE checklists (seq INTEGER PRIMARY KEY AUTOINCREMENT, receipt_id TEXT NOT NULL UNIQUE, idempotency_key TEXT UNIQUE,
                request_hash TEXT NOT NULL, template_id TEXT NOT NULL, template_version TEXT NOT NULL, checklist_kind TEXT NOT NULL,
                digest TEXT NOT NULL, received_at TEXT NOT NULL, envelope TEXT NOT NULL);
             INSERT INTO checklists VALUES (1, '0123456789abcdef0123456789abcdef', NULL, 'h', 'geren', '1', 'geren', 'd', '2026-01-01T00:00:00Z', '{\"old\":true}');
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);
        let (addr, db) = start_with(opts);
        assert_eq!(get(addr, "/api/checklists/0123456789abcdef0123456789abcdef").text(), "{\"old\":true}");
        assert_eq!(sql_one(&db, "PRAGMA user_version"), "2");
        return;
    }
    let barrier = Arc::new(Barrier::new(2));
    let replicas: Vec<_> = (0..2)
        .map(|_| {
            let (opts, barrier) = (opts.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                start_with(opts).0
            })
        })
        .collect();
    let addrs: Vec<SocketAddr> = replicas.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(sql(&opts.db, "SELECT version FROM schema_version").unwrap(), vec![vec![Some("1".to_owned())]], "created once");
    let body = envelope_of("geren", fixture("geren"));
    let r = post(addrs[0], body.as_bytes(), &[("Idempotency-Key", "replica-a")]);
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["receiptId"].as_str().unwrap().to_owned();
    assert_eq!(get(addrs[1], &format!("/api/checklists/{id}")).text(), body, "the other replica reads it");
    assert_eq!(post(addrs[1], body.as_bytes(), &[("Idempotency-Key", "replica-a")]).json()["receiptId"], id.as_str());
    // A third start finds the schema in place and changes nothing.
    let (addr3, _) = start_with(opts.clone());
    assert_eq!(get(addr3, "/api/checklists").json().as_array().unwrap().len(), 1);
    assert_eq!(sql_one(&opts.db, "SELECT count(*) FROM schema_version"), "1");
    // A database a newer release migrated is not touched.
    sql(&opts.db, "INSERT INTO schema_version (version) VALUES (99)").unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let err = rt.block_on(server::bind(opts.clone())).err().expect("a newer schema is refused").to_string();
    assert!(err.contains("schema version 99") && err.contains("newer"), "{err}");
}

/// A database that cannot be reached at start is a start-up error naming it without its password,
/// within the connect timeout; a password file is refused for an SQLite path.
#[test]
fn an_unreachable_database_is_a_clear_start_up_error() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://app:s3cret@127.0.0.1:{port}/checklists");
    let err = rt
        .block_on(server::bind(Options { db: PathBuf::from(&url), ..options("2026-01-15") }))
        .err()
        .expect("nothing listens there")
        .to_string();
    assert!(err.starts_with(&format!("postgres://app@127.0.0.1:{port}/checklists: ")), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
    let opts = Options { db_password_file: Some(PathBuf::from("/nonexistent")), ..options("2026-01-15") };
    let err = rt.block_on(server::bind(opts)).err().expect("refused").to_string();
    if on_postgres() {
        assert!(err.contains("--db-password-file /nonexistent"), "{err}");
    } else {
        assert!(err.contains("only used with --db postgres://"), "{err}");
    }
}

/// No CORS header unless `--allow-origin` names the origin; then only that origin gets one.
#[test]
fn cors_is_closed_unless_configured() {
    let preflight = |addr, origin: &str| {
        send(
            addr,
            "OPTIONS",
            "/api/checklists",
            &[("Origin", origin), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "authorization")],
            None,
            false,
        )
    };
    let (addr, _) = start("2026-01-15");
    let r = preflight(addr, "https://portal.example");
    assert_eq!(r.header("access-control-allow-origin"), None);
    assert_ne!(r.status, 204);
    let r = send(
        addr,
        "GET",
        "/api/checklists",
        &[("Origin", "https://portal.example"), ("Authorization", &bearer(&tokens().reviewer))],
        None,
        false,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), None);

    let (addr, _) = start_with(Options { allow_origins: vec!["https://portal.example".into()], ..options("2026-01-15") });
    let r = preflight(addr, "https://portal.example");
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("https://portal.example"));
    assert!(r.header("access-control-allow-headers").unwrap().contains("authorization"));
    let r = preflight(addr, "https://evil.example");
    assert_eq!(r.header("access-control-allow-origin"), None);
    let r = send(
        addr,
        "GET",
        "/api/checklists",
        &[("Origin", "https://portal.example"), ("Authorization", &bearer(&tokens().reviewer))],
        None,
        false,
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("https://portal.example"));
    assert_eq!(r.header("vary"), Some("Origin"));
    let r = send(addr, "GET", "/api/checklists", &[("Origin", "https://evil.example")], None, false);
    assert_eq!(r.status, 401);
    assert_eq!(r.header("access-control-allow-origin"), None);
}

/// SM3 envelopes (`sm3-jcs`) are accepted, and tampering with them is detected, like SHA-256 ones.
#[test]
fn sm3_envelopes_are_verified_by_the_endpoint() {
    let (addr, _) = start("2026-01-15");
    let t = template::builtin("geren").unwrap().unwrap();
    let env = envelope::export_with(
        envelope::DigestAlgorithm::Sm3Jcs,
        &t,
        fixture("geren"),
        vec![],
        vec![],
        "2026-01-15T10:00:00+08:00".into(),
        envelope::Status::Draft,
    )
    .submitted("2026-01-15T10:00:00+08:00".into());
    let body = envelope::to_json(&env);
    let r = post(addr, body.as_bytes(), &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["digest"], env.digest.value.as_str());
    let v = assert_api_error(&post(addr, body.replacen("张建国", "李建国", 1).as_bytes(), &[]), 422, "import_failed");
    assert_eq!(finding_codes(&v), ["import.digest_mismatch"]);
}

// ---- POST /api/validate and the OpenAPI document (issue #15) -------------------------------

fn validate_req(addr: SocketAddr, body: &[u8]) -> Resp {
    send(addr, "POST", "/api/validate", &[JSON], Some(body), false)
}

#[test]
fn validate_answers_findings_with_messages_and_stores_nothing() {
    let (addr, _) = start("2026-01-15");
    // A valid envelope: 200, nothing blocks submit.
    let r = validate_req(addr, envelope_of("geren", fixture("geren")).as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    assert_security_headers(&r);
    let v = r.json();
    assert_eq!(v["blocksSubmit"], false, "{v}");
    assert_eq!(v["templateId"], "geren");
    // A bad id number: 200 with the finding and its messages, where a post would get 422.
    let bad: Value = serde_json::from_str(&fixture("geren").to_string().replace("110105197703080049", "110105197703080048")).unwrap();
    let r = validate_req(addr, envelope_of("geren", bad.clone()).as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["blocksSubmit"], true);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "/family/members/1/idNumber")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    assert!(f["code"].as_str().unwrap().starts_with("ident."), "{f}");
    assert_eq!(f["message"], f["messages"]["zh-CN"]);
    assert!(f["messages"]["en"].as_str().is_some_and(|m| !m.is_empty() && f["message"] != m), "{f}");
    // The same record as {templateId, data}: the same findings.
    let r2 = validate_req(addr, json!({ "templateId": "geren", "data": bad }).to_string().as_bytes());
    assert_eq!(r2.status, 200, "{}", r2.text());
    assert_eq!(r2.json()["blocksSubmit"], true);
    assert!(r2.json()["findings"].as_array().unwrap().iter().any(|g| g["path"] == f["path"] && g["code"] == f["code"]));
    // Stateless: nothing was stored.
    assert_eq!(get(addr, "/api/checklists").json(), json!([]));
}

#[test]
fn validate_has_the_limits_and_errors_of_posting() {
    let (addr, _) = start("2026-01-15");
    type Case<'a> = (Vec<u8>, Vec<(&'a str, &'a str)>, u16, &'a str);
    let cases: Vec<Case> = vec![
        (b"{ not json".to_vec(), vec![JSON], 400, "invalid_json"),
        (vec![0xff, 0xfe], vec![JSON], 400, "invalid_utf8"),
        (b"{}".to_vec(), vec![("Content-Type", "text/plain")], 415, "unsupported_media_type"),
        (vec![b' '; 5 * 1024 * 1024 + 1], vec![JSON], 413, "payload_too_large"),
        (b"{\"hello\": 1}".to_vec(), vec![JSON], 422, "import_failed"),
        (json!({ "templateId": "nope", "data": {} }).to_string().into_bytes(), vec![JSON], 422, "unknown_template"),
        (json!({ "templateId": "geren", "data": [] }).to_string().into_bytes(), vec![JSON], 422, "import_failed"),
        (json!({ "templateId": "geren", "data": {}, "confirmations": 5 }).to_string().into_bytes(), vec![JSON], 422, "import_failed"),
    ];
    for (body, headers, status, code) in cases {
        let r = send(addr, "POST", "/api/validate", &headers, Some(&body), false);
        assert_api_error(&r, status, code);
    }
    let tampered = envelope_of("geren", fixture("geren")).replace("张建国", "李建国");
    let v = assert_api_error(&validate_req(addr, tampered.as_bytes()), 422, "import_failed");
    assert!(finding_codes(&v).contains(&"import.digest_mismatch".to_owned()), "{v}");
}

/// Every operation of the OpenAPI document is routed (no 404 from the fallback, no 405), every method it does
/// not list is 405 with the route's Allow, and the served document is the shipped one.
#[test]
fn the_openapi_document_matches_what_the_server_answers() {
    let (addr, _) = start("2026-01-15");
    let r = get_as(addr, "/api/openapi.json", None);
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert_eq!(doc, serde_json::from_str::<Value>(checklist_server::OPENAPI).unwrap());
    let paths = doc["paths"].as_object().unwrap();
    for (path, ops) in paths {
        let concrete = path.replace("{receiptId}", "0123456789abcdef0123456789abcdef").replace("{key}", "k-0123456789abcdef");
        let methods: Vec<String> = ops.as_object().unwrap().keys().filter(|k| *k != "parameters").map(|k| k.to_uppercase()).collect();
        for method in ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"] {
            let body = (method == "POST" || method == "PUT").then_some(&b"{}"[..]);
            let r = request_as(addr, Who::Reviewer, method, &concrete, body);
            if methods.iter().any(|m| m == method) {
                assert_ne!(r.status, 405, "{method} {path} is documented but not routed");
                if r.status == 404 && method != "HEAD" {
                    assert_ne!(r.json()["message"], "未找到", "{method} {path} fell through to the fallback");
                }
            } else {
                assert_eq!(r.status, 405, "{method} {path} is routed but not documented: {}", r.text());
                let mut allow: Vec<&str> = r.header("allow").unwrap_or("").split(", ").collect();
                allow.sort_unstable();
                let mut documented: Vec<&str> = methods.iter().map(String::as_str).collect();
                documented.sort_unstable();
                assert_eq!(allow, documented, "{path}");
            }
        }
    }
    // An /api path the document does not have is not routed.
    assert_api_error(&get(addr, "/api/validation"), 404, "not_found");
}

// ---- host-kept drafts (issue #15) ------------------------------------------------------------

fn draft_req(addr: SocketAddr, method: &str, key: &str, body: Option<&[u8]>, extra: &[(&str, &str)]) -> Resp {
    let mut headers = vec![JSON];
    headers.extend_from_slice(extra);
    send(addr, method, &format!("/api/drafts/{key}"), &headers, body, false)
}

/// On PostgreSQL the endpoint keeps no drafts yet (they live in a table of the SQLite file): every draft
/// call answers 501 `drafts_unavailable`, after the same key and role checks as on SQLite.
fn drafts_are_unavailable(addr: SocketAddr, extra: &[(&str, &str)]) {
    let key = "dk_0123456789abcdefghijklmnopqrstuv";
    for (method, body) in [("PUT", Some(&b"{\"rev\":1}"[..])), ("GET", None), ("DELETE", None)] {
        assert_api_error(&draft_req(addr, method, key, body, extra), 501, "drafts_unavailable");
    }
}

#[test]
fn drafts_are_kept_by_their_key_sealed_at_rest_and_audited() {
    if on_postgres() {
        let (addr, _) = start("2026-01-15");
        return drafts_are_unavailable(addr, &[]);
    }
    let opts = options("2026-01-15");
    let key_file = opts.db.with_file_name("data.key");
    new_key_file(&key_file, "2026-01-15T00:00:00Z").unwrap();
    let (addr, db) = start_with(Options { data_key_file: Some(key_file), ..opts });
    let key = "dk_0123456789abcdefghijklmnopqrstuv";
    let draft = json!({ "data": { "header": { "name": "张建国", "idNumber": "110105197506150036" } }, "rev": 3 }).to_string();
    assert_eq!(draft_req(addr, "GET", key, None, &[]).status, 404);
    let r = draft_req(addr, "PUT", key, Some(draft.as_bytes()), &[]);
    assert_eq!(r.status, 204, "{}", r.text());
    assert_security_headers(&r);
    let r = draft_req(addr, "GET", key, None, &[]);
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), draft, "the draft as it was put");
    // Another key does not read it; the database holds neither the personal data nor the key.
    assert_eq!(draft_req(addr, "GET", &key.replace('0', "1"), None, &[]).status, 404);
    let bytes = database_bytes(&db);
    for p in ["张建国", "110105197506150036", key] {
        assert!(!contains(&bytes, p), "{p} found in the database file");
    }
    // Replaced, then deleted (204 either way).
    let newer = json!({ "data": {}, "rev": 4 }).to_string();
    assert_eq!(draft_req(addr, "PUT", key, Some(newer.as_bytes()), &[]).status, 204);
    assert_eq!(draft_req(addr, "GET", key, None, &[]).text(), newer);
    assert_eq!(draft_req(addr, "DELETE", key, None, &[]).status, 204);
    assert_eq!(draft_req(addr, "GET", key, None, &[]).status, 404);
    assert_eq!(draft_req(addr, "DELETE", key, None, &[]).status, 204);
    // Keys that could be personal data or guessed are refused; bodies must be JSON objects.
    assert_api_error(&draft_req(addr, "PUT", "u123", Some(b"{}"), &[]), 400, "invalid_draft_key");
    assert_api_error(&draft_req(addr, "PUT", key, Some(b"[1]"), &[]), 400, "invalid_json");
    assert_api_error(&draft_req(addr, "PUT", key, Some(b"{}"), &[("Content-Type", "text/plain")]), 415, "unsupported_media_type");
    // Every call is in the audit trail, without the key.
    let audit = get_as(addr, "/api/audit", Some(&tokens().auditor)).json();
    let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|l| l["action"].as_str().unwrap()).collect();
    for a in ["draft_read", "draft_write", "draft_delete"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    assert!(!audit.to_string().contains(key));
}

#[test]
fn guessing_draft_keys_is_rate_limited_and_submit_auth_covers_drafts() {
    if on_postgres() {
        let (addr, _) = start_with(Options { submit_auth: true, ..options("2026-01-15") });
        assert_api_error(&draft_req(addr, "GET", "dk_0123456789abcdefghijklmnopqrstuv", None, &[]), 401, "unauthorized");
        return drafts_are_unavailable(addr, &[("Authorization", &bearer(&tokens().submitter))]);
    }
    let (addr, _) = start_with(Options { max_auth_failures: 3, ..options("2026-01-15") });
    let key = |i: u32| format!("guess_{i:026}");
    for i in 0..3 {
        assert_eq!(draft_req(addr, "GET", &key(i), None, &[]).status, 404);
    }
    let r = draft_req(addr, "GET", &key(3), None, &[]);
    assert_api_error(&r, 429, "too_many_attempts");
    assert!(r.header("retry-after").is_some());

    let (addr, _) = start_with(Options { submit_auth: true, ..options("2026-01-15") });
    let k = "sa_0123456789abcdefghijklmnopqrstuvw";
    assert_api_error(&draft_req(addr, "PUT", k, Some(b"{}"), &[]), 401, "unauthorized");
    let reviewer = bearer(&tokens().reviewer);
    assert_api_error(&draft_req(addr, "GET", k, None, &[("Authorization", &reviewer)]), 403, "forbidden");
    let submitter = bearer(&tokens().submitter);
    assert_eq!(draft_req(addr, "PUT", k, Some(b"{\"rev\":1}"), &[("Authorization", &submitter)]).status, 204);
    assert_eq!(draft_req(addr, "GET", k, None, &[("Authorization", &submitter)]).text(), "{\"rev\":1}");
}

// ---- PostgreSQL outage (issue #16; registered as a test in tests/server_pg.rs only) -----------

/// One post with the widget's patience (30 s, `POST_TIMEOUT_MS`): `None` when no answer came in
/// that time, which is what a hanging server would cause.
fn post_as_the_widget(addr: SocketAddr, body: &[u8], key: &str) -> Option<Resp> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let head = format!(
        "POST /api/checklists HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nIdempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    Some(parse_response(&raw))
}

/// PostgreSQL stops in the middle of a load and starts again. Four clients post distinct records
/// to two replicas; every post during the outage is answered, within the widget's timeout, with
/// 503 and `Retry-After` (never a 500, never a hang), and reads too; each client then retries
/// with the same key, as the widget does, until it gets its receipt. Afterwards every key has
/// exactly one stored record, the one whose receipt its client was given.
#[allow(dead_code)]
pub(crate) fn postgres_outage_mid_load_loses_and_doubles_nothing() {
    let cluster = pg::Cluster::start();
    let url = cluster.database();
    let opts = Options { db: PathBuf::from(&url), ..options("2026-01-15") };
    let replicas = [start_with(opts.clone()).0, start_with(opts).0];
    let body = Arc::new(envelope_of("geren", fixture("geren")));
    let accepted = Arc::new(AtomicUsize::new(0));
    let unavailable = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let (body, accepted, unavailable, stop) = (body.clone(), accepted.clone(), unavailable.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut receipts: Vec<(String, String)> = Vec::new();
                let mut i = 0;
                // Until the outage is over, and at least ten posts each.
                while !stop.load(Ordering::SeqCst) || i < 10 {
                    let key = format!("outage-{c}-{i}");
                    let mut attempt = 0;
                    let receipt = loop {
                        let addr = replicas[(i + attempt) % 2];
                        let r = post_as_the_widget(addr, body.as_bytes(), &key)
                            .unwrap_or_else(|| panic!("{key}: no answer within the client's timeout"));
                        match r.status {
                            201 => break r.json()["receiptId"].as_str().unwrap().to_owned(),
                            503 => {
                                let v = assert_api_error(&r, 503, "unavailable");
                                assert!(
                                    r.header("retry-after").and_then(|s| s.parse::<u32>().ok()).is_some_and(|s| s > 0),
                                    "{v} {:?}",
                                    r.headers
                                );
                                unavailable.fetch_add(1, Ordering::SeqCst);
                                attempt += 1;
                                // The widget waits Retry-After; a short pause keeps the test quick.
                                std::thread::sleep(Duration::from_millis(100));
                            }
                            other => panic!("{key}: {other} {}", r.text()),
                        }
                    };
                    accepted.fetch_add(1, Ordering::SeqCst);
                    receipts.push((key, receipt));
                    i += 1;
                }
                receipts
            })
        })
        .collect();
    let wait_for = |what: &str, cond: &dyn Fn() -> bool| {
        for _ in 0..1200 {
            if cond() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("waited a minute for {what}");
    };
    wait_for("posts before the outage", &|| accepted.load(Ordering::SeqCst) >= 20);
    cluster.stop();
    let during = accepted.load(Ordering::SeqCst);
    wait_for("posts refused during the outage", &|| unavailable.load(Ordering::SeqCst) >= 8);
    // A read during the outage is a 503 too (its audit line cannot be written, so it is not answered).
    let r = get(replicas[0], "/api/checklists");
    assert_api_error(&r, 503, "unavailable");
    assert!(r.header("retry-after").is_some());
    cluster.start_again();
    wait_for("posts after the outage", &|| accepted.load(Ordering::SeqCst) >= during + 20);
    stop.store(true, Ordering::SeqCst);
    let receipts: Vec<(String, String)> = clients.into_iter().flat_map(|h| h.join().unwrap()).collect();

    assert!(unavailable.load(Ordering::SeqCst) >= 8);
    let stored: std::collections::HashMap<String, String> = cluster
        .sql(&url, "SELECT idempotency_key, receipt_id FROM checklists")
        .unwrap()
        .into_iter()
        .map(|row| (row[0].clone().unwrap(), row[1].clone().unwrap()))
        .collect();
    assert_eq!(sql_count(&cluster, &url), receipts.len(), "one record per key, none lost or doubled");
    for (key, receipt) in &receipts {
        assert_eq!(stored.get(key), Some(receipt), "{key}: the stored record is the one whose receipt was given");
    }
    let listed = get(replicas[1], "/api/checklists?limit=10000").json();
    assert_eq!(listed.as_array().unwrap().len(), receipts.len());
}

fn sql_count(cluster: &pg::Cluster, url: &str) -> usize {
    cluster.sql(url, "SELECT count(*) FROM checklists").unwrap()[0][0].as_deref().unwrap().parse().unwrap()
}
