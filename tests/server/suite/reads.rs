//! Reads, routing and static files; the `serve` binary itself; hostile input stored byte for byte.

use super::*;

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
