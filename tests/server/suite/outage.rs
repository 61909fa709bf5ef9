//! A PostgreSQL outage in the middle of a load (issue #16): registered as a test in main.rs for
//! the `postgres` copy only.

use super::*;

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
