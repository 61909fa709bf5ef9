//! Load test of the reference endpoint (issue #5): many distinct submissions posted concurrently over
//! HTTP/1.1 keep-alive on 127.0.0.1, some of them retried with the same Idempotency-Key (as a browser does
//! after a lost answer), then the stored records are checked against what was accepted: zero lost, zero
//! duplicated. Reports accepted submissions per second and latency percentiles.
//!
//! `make load` (= `cargo bench --bench load -- --requests 2000 --concurrency 16 --seconds 60`, against the
//! release server binary `$AC_BIN`, its request log discarded) is the benchmark; its figures are in the
//! README. Under `cargo test` (no `--bench` argument) the same program runs a small smoke pass against an
//! in-process server and fails on any lost or duplicated record; it asserts nothing about speed.
//!
//! Both engines (issue #16): one server on SQLite, then two replicas over one PostgreSQL (a throw-away
//! cluster, tests/common/pg.rs), each worker posting alternately to both and sending every same-key
//! retry to the other replica, so that idempotency is decided across processes. `--engine sqlite` or
//! `--engine postgres` runs one of them.

mod pg;
#[path = "../scratch.rs"]
mod scratch;

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use checklist_core::{envelope, template, Date};
use checklist_server as server;
use serde_json::Value;

struct Args {
    requests: usize,
    concurrency: usize,
    seconds: u64,
    /// Every n-th submission is sent twice with the same key (0: never).
    retry_every: usize,
    bench: bool,
    engines: Vec<Engine>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Engine {
    Sqlite,
    Postgres,
}

fn args() -> Args {
    let mut a =
        Args { requests: 40, concurrency: 4, seconds: 60, retry_every: 5, bench: false, engines: vec![Engine::Sqlite, Engine::Postgres] };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut num = |name: &str| it.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or_else(|| panic!("{name} needs a number"));
        match x.as_str() {
            "--bench" => a.bench = true,
            "--requests" => a.requests = num("--requests") as usize,
            "--concurrency" => a.concurrency = num("--concurrency").max(1) as usize,
            "--seconds" => a.seconds = num("--seconds"),
            "--retry-every" => a.retry_every = num("--retry-every") as usize,
            "--engine" => {
                a.engines = match it.next().as_deref() {
                    Some("sqlite") => vec![Engine::Sqlite],
                    Some("postgres") => vec![Engine::Postgres],
                    Some("both") => vec![Engine::Sqlite, Engine::Postgres],
                    other => panic!("--engine sqlite|postgres|both, not {other:?}"),
                }
            }
            _ => {} // cargo's own flags (filters, --nocapture …)
        }
    }
    if a.bench && !std::env::args().any(|x| x == "--requests") {
        a.requests = 2000;
        a.concurrency = 16;
    }
    a
}

/// A minimal HTTP/1.1 client on one keep-alive connection.
struct Conn {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn request(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        if self.stream.is_none() {
            let s = TcpStream::connect(self.addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.stream = Some(BufReader::new(s));
        }
        let r = self.exchange(method, path, headers, body);
        if r.is_err() {
            self.stream = None;
        }
        r
    }

    fn exchange(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        let reader = self.stream.as_mut().expect("connected");
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n", self.addr, body.len());
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        let s = reader.get_mut();
        s.write_all(head.as_bytes())?;
        s.write_all(body)?;
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut len = 0usize;
        let mut close = false;
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let lower = l.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                len = v.trim().parse().map_err(std::io::Error::other)?;
            } else if lower.starts_with("connection:") && lower.contains("close") {
                close = true;
            }
        }
        let mut out = vec![0; len];
        reader.read_exact(&mut out)?;
        if close {
            self.stream = None;
        }
        Ok((status, out))
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A reviewer token (reading the list back needs one) in a token file of `dir`.
fn reviewer_token(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let tokens = dir.join("tokens.json");
    let (_, reviewer) = server::auth::add_token(&tokens, server::auth::Role::Reviewer, Some("load"), "").expect("token");
    (tokens, reviewer)
}

/// Starts a server on `db` (an SQLite path or a PostgreSQL URL) with the token file `tokens`.
fn start_server(bench: bool, dir: &std::path::Path, db: &std::path::Path, tokens: &std::path::Path) -> (SocketAddr, Option<Child>) {
    let (db, tokens) = (db.to_path_buf(), tokens.to_path_buf());
    if bench {
        // The release binary, as deployed; its per-request log goes to /dev/null.
        let bin = std::env::var("AC_BIN").unwrap_or_else(|_| "target/server/accountability-checklist".into());
        let mut child = Command::new(&bin)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(&db)
            .args(["--www", "www", "--today", "2026-01-15", "--tokens"])
            .arg(&tokens)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} (make server): {e}"));
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        out.read_line(&mut line).expect("server output");
        let addr = line
            .trim()
            .trim_start_matches("listening on http://")
            .trim_end_matches('/')
            .parse()
            .unwrap_or_else(|_| panic!("server said {line:?}"));
        (addr, Some(child))
    } else {
        let opts = server::Options {
            addr: "127.0.0.1:0".parse().expect("addr"),
            db,
            www: dir.to_path_buf(),
            today: Date::parse("2026-01-15").ok(),
            tokens: Some(tokens),
            ..server::Options::default()
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
            rt.block_on(async move {
                let s = server::bind(opts).await.expect("bind");
                tx.send(s.local_addr()).expect("send");
                s.run().await.expect("run");
            });
        });
        (rx.recv_timeout(Duration::from_secs(30)).expect("server started"), None)
    }
}

fn main() {
    let a = args();
    let mut ok = true;
    for &engine in &a.engines {
        ok &= run(&a, engine);
    }
    if !ok {
        std::process::exit(1);
    }
}

/// One load run against `engine`: whether nothing was lost, duplicated or failed.
fn run(a: &Args, engine: Engine) -> bool {
    let dir = scratch::dir(&format!("load-{engine:?}"));
    let (tokens, reviewer) = reviewer_token(&dir);
    // PostgreSQL: two replicas over one database, on a cluster of this run's own.
    let cluster = (engine == Engine::Postgres).then(pg::Cluster::start);
    let (db, replicas) = match &cluster {
        Some(c) => (std::path::PathBuf::from(c.database()), 2),
        None => (dir.join("load.sqlite3"), 1),
    };
    let label = match engine {
        Engine::Sqlite => "load[sqlite]".to_owned(),
        Engine::Postgres => format!("load[postgres x{replicas}]"),
    };
    let servers: Vec<(SocketAddr, Option<Child>)> = (0..replicas).map(|_| start_server(a.bench, &dir, &db, &tokens)).collect();
    let addrs: Arc<Vec<SocketAddr>> = Arc::new(servers.iter().map(|s| s.0).collect());

    // Distinct valid submissions: the geren fixture with a numbered unit name.
    let t = template::builtin("geren").expect("geren").expect("loads");
    let fixture: Value = serde_json::from_str(include_str!("../fixtures/geren_valid.json")).expect("fixture");
    let bodies: Vec<(String, String)> = (0..a.requests)
        .map(|i| {
            let mut data = fixture.clone();
            data["header"]["unitName"] = Value::String(format!("北京市朝阳区某局（负载{i}）"));
            let env = envelope::export(&t, data, vec![], vec![], String::new(), envelope::Status::Draft)
                .submitted("2026-01-15T10:00:00+08:00".into());
            (format!("load-{}-{engine:?}-{i}", std::process::id()), envelope::to_json(&env))
        })
        .collect();
    let bodies = Arc::new(bodies);
    let next = Arc::new(AtomicUsize::new(0));
    let receipts: Arc<Mutex<HashMap<usize, String>>> = Arc::new(Mutex::new(HashMap::new()));
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::new(Mutex::new(Vec::new()));
    let failures: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let retries_differing = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let started = Instant::now();

    let workers: Vec<_> = (0..a.concurrency)
        .map(|_| {
            let (bodies, next, receipts, latencies, failures, retries_differing, addrs) = (
                bodies.clone(),
                next.clone(),
                receipts.clone(),
                latencies.clone(),
                failures.clone(),
                retries_differing.clone(),
                addrs.clone(),
            );
            let retry_every = a.retry_every;
            std::thread::spawn(move || {
                // One keep-alive connection per replica; submission i goes to replica i, its
                // same-key retry to the next one.
                let mut conns: Vec<Conn> = addrs.iter().map(|&addr| Conn { addr, stream: None }).collect();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= bodies.len() || Instant::now() > deadline {
                        break;
                    }
                    let (key, body) = &bodies[i];
                    let sends = if retry_every > 0 && i % retry_every == 0 { 2 } else { 1 };
                    let mut first: Option<String> = None;
                    for send in 0..sends {
                        let n = conns.len();
                        let conn = &mut conns[(i + send) % n];
                        // A transport error is retried with the same key, as the widget does.
                        let mut attempt = 0;
                        let result = loop {
                            let t0 = Instant::now();
                            let r = conn.request(
                                "POST",
                                "/api/checklists",
                                &[("Content-Type", "application/json"), ("Idempotency-Key", key)],
                                body.as_bytes(),
                            );
                            match r {
                                Ok(ok) => {
                                    latencies.lock().expect("lock").push(t0.elapsed());
                                    break Ok(ok);
                                }
                                Err(e) if attempt < 3 => {
                                    attempt += 1;
                                    let _ = e;
                                }
                                Err(e) => break Err(e),
                            }
                        };
                        match result {
                            Ok((201, resp)) => {
                                let v: Value = serde_json::from_slice(&resp).unwrap_or(Value::Null);
                                let r = v["receiptId"].as_str().unwrap_or_default().to_owned();
                                match &first {
                                    None => first = Some(r),
                                    Some(f) if *f != r => {
                                        retries_differing.fetch_add(1, Ordering::Relaxed);
                                    }
                                    Some(_) => {}
                                }
                            }
                            Ok((status, resp)) => {
                                failures.lock().expect("lock").push(format!("#{i}: {status} {}", String::from_utf8_lossy(&resp)))
                            }
                            Err(e) => failures.lock().expect("lock").push(format!("#{i}: {e}")),
                        }
                    }
                    if let Some(r) = first {
                        receipts.lock().expect("lock").insert(i, r);
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let elapsed = started.elapsed();

    // What the servers hold, page by page (each replica reads alternately).
    let mut conns: Vec<Conn> = addrs.iter().map(|&addr| Conn { addr, stream: None }).collect();
    let auth = format!("Bearer {reviewer}");
    let mut stored: Vec<String> = Vec::new();
    for page in 0.. {
        let path = match stored.last() {
            Some(last) => format!("/api/checklists?limit=500&before={last}"),
            None => "/api/checklists?limit=500".to_owned(),
        };
        let n = conns.len();
        let (status, list) = conns[page % n].request("GET", &path, &[("Authorization", &auth)], b"").expect("list");
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&list));
        let list: Vec<Value> = serde_json::from_slice(&list).expect("list JSON");
        if list.is_empty() {
            break;
        }
        stored.extend(list.iter().filter_map(|r| r["receiptId"].as_str().map(str::to_owned)));
    }
    let stored_set: HashSet<&String> = stored.iter().collect();
    let receipts = receipts.lock().expect("lock");
    let accepted: HashSet<&String> = receipts.values().collect();
    let lost = accepted.iter().filter(|r| !stored_set.contains(**r)).count();
    let duplicated =
        stored.len() - stored_set.len() + stored_set.len().saturating_sub(accepted.len()) + retries_differing.load(Ordering::Relaxed);
    let failures = failures.lock().expect("lock");

    let mut lat = latencies.lock().expect("lock").clone();
    lat.sort();
    let posts = lat.len();
    println!(
        "{label}: {} submissions ({} posts incl. {} same-key retries), concurrency {}, {:.2} s",
        receipts.len(),
        posts,
        posts.saturating_sub(receipts.len()),
        a.concurrency,
        elapsed.as_secs_f64()
    );
    println!(
        "{label}: accepted {:.0} submissions/s, {:.0} posts/s",
        receipts.len() as f64 / elapsed.as_secs_f64(),
        posts as f64 / elapsed.as_secs_f64()
    );
    println!(
        "{label}: latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&lat, 0.50).as_secs_f64() * 1e3,
        percentile(&lat, 0.90).as_secs_f64() * 1e3,
        percentile(&lat, 0.99).as_secs_f64() * 1e3,
        percentile(&lat, 1.0).as_secs_f64() * 1e3
    );
    println!("{label}: stored {} records; lost {lost}, duplicated {duplicated}, failed {}", stored.len(), failures.len());
    for f in failures.iter().take(5) {
        println!("{label}: failure {f}");
    }
    for (_, child) in servers {
        if let Some(mut c) = child {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
    drop(cluster);
    let _ = std::fs::remove_dir_all(&dir);
    let complete = receipts.len() == a.requests || a.bench; // the bench may stop at --seconds
    if lost != 0 || duplicated != 0 || !failures.is_empty() || stored.len() != receipts.len() || !complete {
        eprintln!(
            "{label}: FAILED (lost {lost}, duplicated {duplicated}, failures {}, stored {} vs accepted {})",
            failures.len(),
            stored.len(),
            receipts.len()
        );
        return false;
    }
    true
}
