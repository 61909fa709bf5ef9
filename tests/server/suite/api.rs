//! POST /api/validate, the OpenAPI document, and host-kept drafts (issue #15).

use super::*;

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
