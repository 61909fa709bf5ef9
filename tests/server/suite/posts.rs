//! Posting records (validation, refusals, limits, confirmations) and idempotent retries.

use super::*;

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
