//! Authentication, roles, the audit trail, and encryption at rest (issue #18).

use super::*;

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
