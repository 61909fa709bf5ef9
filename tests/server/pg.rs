//! A throw-away PostgreSQL for tests: Debian's `postgresql` package (`make tools` installs it),
//! `initdb` into a temporary directory (as the `postgres` user when run as root: the server
//! refuses to run as root), `pg_ctl start` on a free port of 127.0.0.1, no system service.
//!
//! [`shared`] is one cluster per test process, a fresh database per test ([`Cluster::database`]);
//! a watchdog process stops it and removes its directory when the test process ends (a test
//! harness has no "after all tests" hook). [`Cluster::start`] gives a cluster of one's own, for
//! tests that stop and start it, stopped when dropped.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// A running PostgreSQL server of the tests.
pub struct Cluster {
    pub dir: PathBuf,
    pub port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The cluster this test process shares (started on first use).
pub fn shared() -> &'static Cluster {
    static SHARED: OnceLock<Cluster> = OnceLock::new();
    SHARED.get_or_init(|| {
        let c = Cluster::start_new("shared");
        c.stop_when_process_ends();
        c
    })
}

/// The newest `/usr/lib/postgresql/N/bin` (Debian), else the directory `pg_config` names.
fn bin_dir() -> PathBuf {
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|v| v.parse::<u32>().ok()))
        .max();
    if let Some(v) = newest {
        return PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
    }
    let out = Command::new("pg_config").arg("--bindir").output();
    match out {
        Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        _ => panic!("PostgreSQL is not installed: run `make tools` (it installs Debian's postgresql package)"),
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl Cluster {
    /// A new cluster of one's own, stopped (and its directory removed) when dropped.
    pub fn start() -> Cluster {
        Cluster::start_new("own")
    }

    fn start_new(name: &str) -> Cluster {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("ac-pg-{}-{}-{name}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("cluster directory");
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown").args(["postgres:postgres"]).arg(&dir), "chown");
        }
        let c = Cluster { dir, port: free_port(), bin: bin_dir(), as_postgres };
        let mut initdb = c.tool("initdb");
        initdb.arg("-D").arg(&c.dir).args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        run(&mut initdb, "initdb");
        c.start_again();
        c
    }

    /// A PostgreSQL program, run as `postgres` when this process is root.
    fn tool(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        if self.as_postgres {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(path);
            cmd
        } else {
            Command::new(path)
        }
    }

    /// Starts the server (again), waiting until it accepts connections.
    pub fn start_again(&self) {
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off",
            self.port,
            self.dir.display()
        );
        let mut cmd = self.tool("pg_ctl");
        cmd.arg("-D").arg(&self.dir).args(["-o", &opts, "-l"]).arg(self.dir.join("log")).args(["-w", "-t", "60", "start"]);
        run(&mut cmd, "pg_ctl start");
    }

    /// Stops the server (`-m fast`: connections are ended, as an operator's restart would).
    pub fn stop(&self) {
        let mut cmd = self.tool("pg_ctl");
        cmd.arg("-D").arg(&self.dir).args(["-m", "fast", "-w", "stop"]);
        run(&mut cmd, "pg_ctl stop");
    }

    /// A fresh, empty database on this cluster: its URL.
    pub fn database(&self) -> String {
        let name = format!("t{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        self.sql("postgres", &format!("CREATE DATABASE {name}")).expect("CREATE DATABASE");
        self.url(&name)
    }

    /// The URL of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Runs `sql` in database `db` (a name or a URL of this cluster) with psql: each row's
    /// columns, `None` for NULL; `Err` with psql's message when the statement fails.
    pub fn sql(&self, db: &str, sql: &str) -> Result<Vec<Vec<Option<String>>>, String> {
        let name = db.rsplit('/').next().unwrap_or(db);
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-F", "\u{1f}", "-R", "\u{1e}", "-P", "null=\u{1a}"])
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", "-d", name, "-c", sql])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("psql: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let text = text.trim_end_matches('\n');
        if text.is_empty() {
            return Ok(Vec::new());
        }
        Ok(text.split('\u{1e}').map(|row| row.split('\u{1f}').map(|v| (v != "\u{1a}").then(|| v.to_owned())).collect()).collect())
    }

    /// Starts a watchdog that stops this cluster and removes its directory once this process
    /// has ended, however it ends.
    // The watchdog outlives this process by design, so it is never waited for.
    #[allow(clippy::zombie_processes)]
    fn stop_when_process_ends(&self) {
        let ctl = self.bin.join("pg_ctl");
        let runner = if self.as_postgres { "runuser -u postgres -- " } else { "" };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {runner}{ctl} -D '{dir}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'",
            pid = std::process::id(),
            ctl = ctl.display(),
            dir = self.dir.display(),
        );
        Command::new("setsid")
            .args(["sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("watchdog");
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut cmd = self.tool("pg_ctl");
        cmd.arg("-D").arg(&self.dir).args(["-m", "immediate", "-w", "stop"]).stdout(Stdio::null()).stderr(Stdio::null());
        let _ = cmd.status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd.stdin(Stdio::null()).output().unwrap_or_else(|e| panic!("{what}: {e} (is PostgreSQL installed? `make tools`)"));
    assert!(out.status.success(), "{what} failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// Whether `path` is a PostgreSQL URL (what the tests pass as `--db`).
pub fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(|s| s.starts_with("postgres://"))
}
