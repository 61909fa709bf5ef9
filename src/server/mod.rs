//! The reference endpoint (`accountability-checklist serve`): receives export envelopes over
//! HTTP, re-validates them natively with the same rules as the widget, stores accepted ones in
//! SQLite, and serves the demo's static files.
//!
//! Routes: `POST /api/checklists`, `GET /api/checklists`, `GET /api/checklists/{receiptId}`,
//! and static files from the `www` directory for every other GET / HEAD. Every response carries
//! the security headers ([`SECURITY_HEADERS`]); API responses also `Cache-Control: no-store`.
//! Request logs (stderr) show method, path, status and latency only, never bodies or queries.
//!
//! Native only: not compiled for WebAssembly. Like the CLI, it reads the system clock (for
//! "today" unless [`Options::today`] fixes it, and for `receivedAt`).

mod api;
mod files;
mod store;

use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Router;

use crate::config::Config;
use crate::date::Date;
use crate::engine::Validator;

/// The Content-Security-Policy of every response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The Content-Security-Policy for kernels that do not know `'wasm-unsafe-eval'` (Chromium before 97,
/// Firefox before 102): there only `'unsafe-eval'` lets a page compile WebAssembly. Such a kernel gets
/// this policy instead of [`CONTENT_SECURITY_POLICY`], or it could not run the widget at all
/// (docs/browsers.md). Everything else stays as strict.
pub const LEGACY_CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy for a browser that sent `user_agent`: [`LEGACY_CONTENT_SECURITY_POLICY`] for Chromium
/// kernels before 97 and Firefox before 102, [`CONTENT_SECURITY_POLICY`] for everything else.
/// Keyed on the browser's own User-Agent, which only weakens the policy for that browser itself.
pub fn content_security_policy(user_agent: Option<&str>) -> &'static str {
    let major = |ua: &str, token: &str| -> Option<u32> {
        let rest = &ua[ua.find(token)? + token.len()..];
        let digits = rest.find(|c: char| !c.is_ascii_digit()).map_or(rest, |end| &rest[..end]);
        digits.parse().ok()
    };
    let legacy = user_agent.is_some_and(|ua| {
        let chromium = major(ua, "Chrome/").or_else(|| major(ua, "Chromium/"));
        match chromium {
            Some(v) => v < 97,
            None => major(ua, "Firefox/").is_some_and(|v| v < 102),
        }
    });
    if legacy {
        LEGACY_CONTENT_SECURITY_POLICY
    } else {
        CONTENT_SECURITY_POLICY
    }
}

/// Headers set on every response (the Content-Security-Policy is chosen per request by
/// [`content_security_policy`]).
pub const SECURITY_HEADERS: [(&str, &str); 4] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
];

/// What `serve` is told.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen (port 0: any free port).
    pub addr: SocketAddr,
    /// The SQLite file (created when missing).
    pub db: PathBuf,
    /// The directory of static files.
    pub www: PathBuf,
    /// The date rules treat as today; `None`: today in Asia/Shanghai from the system clock, per request.
    pub today: Option<Date>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from("checklists.sqlite3"),
            www: PathBuf::from("www"),
            today: None,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug)]
pub struct ServerError(pub String);

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServerError {}

/// Shared state of the handlers.
pub(crate) struct App {
    pub(crate) config: Config,
    pub(crate) validators: Vec<Validator>,
    pub(crate) store: store::Store,
    pub(crate) today: Option<Date>,
    /// Canonical path of the static directory (`None` when it does not exist: every file is 404).
    pub(crate) www: Option<PathBuf>,
}

/// A bound server, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    addr: SocketAddr,
}

impl Server {
    /// The address it listens on (the real port when bound to port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub async fn run(self) -> Result<(), ServerError> {
        self.run_until(std::future::pending()).await
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), ServerError> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| ServerError(format!("server stopped: {e}")))
    }
}

/// Opens the database, prepares the built-in templates and binds the address. Must be called
/// inside a Tokio runtime.
pub async fn bind(opts: Options) -> Result<Server, ServerError> {
    let config = Config::default();
    let mut validators = Vec::new();
    for name in crate::template::builtin_names() {
        let t = crate::template::builtin(name)
            .ok_or_else(|| ServerError(format!("built-in template {name} missing")))?
            .map_err(|e| ServerError(format!("built-in template {name}: {e}")))?;
        validators.push(Validator::new(t, config.clone()).map_err(|e| ServerError(format!("built-in template {name}: {e}")))?);
    }
    let db = opts.db.clone();
    let store = tokio::task::spawn_blocking(move || store::Store::open(&db))
        .await
        .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?
        .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?;
    let www = tokio::fs::canonicalize(&opts.www).await.ok();
    if www.is_none() {
        eprintln!("warning: static directory {} not found; only the API is served", opts.www.display());
    }
    let app = Arc::new(App { config, validators, store, today: opts.today, www });
    let listener = tokio::net::TcpListener::bind(opts.addr).await.map_err(|e| ServerError(format!("cannot listen on {}: {e}", opts.addr)))?;
    let addr = listener.local_addr().map_err(|e| ServerError(format!("cannot listen on {}: {e}", opts.addr)))?;
    Ok(Server { listener, router: router(app), addr })
}

fn router(app: Arc<App>) -> Router {
    let checklists: MethodRouter<Arc<App>> =
        get(api::list).post(api::create).fallback(|| async { api::method_not_allowed("GET, HEAD, POST") });
    let one: MethodRouter<Arc<App>> = get(api::fetch).fallback(|| async { api::method_not_allowed("GET, HEAD") });
    Router::new()
        .route("/api/checklists", checklists)
        .route("/api/checklists/{receipt_id}", one)
        .fallback(fallback)
        .layer(middleware::from_fn(headers_and_log))
        .with_state(app)
}

/// Everything not routed: JSON 404 under `/api`, static files otherwise.
async fn fallback(State(app): State<Arc<App>>, method: Method, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return api::error(axum::http::StatusCode::NOT_FOUND, "not_found", "未找到", None);
    }
    if method != Method::GET && method != Method::HEAD {
        return api::method_not_allowed("GET, HEAD");
    }
    match &app.www {
        Some(root) => files::serve(root, &method, path).await,
        None => api::error(axum::http::StatusCode::NOT_FOUND, "not_found", "未找到", None),
    }
}

/// Security headers on every response, `no-store` on the API, and a log line without personal data.
async fn headers_and_log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let csp = content_security_policy(req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        h.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    h.append(header::VARY, HeaderValue::from_static("User-Agent"));
    if path == "/api" || path.starts_with("/api/") {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    eprintln!("{method} {} {} {ms:.1}ms", loggable(&path), res.status().as_u16());
    res
}

/// The path as logged: at most 200 characters, control characters escaped.
fn loggable(path: &str) -> String {
    let mut s: String = path.chars().take(200).flat_map(char::escape_default).collect();
    if path.chars().count() > 200 {
        s.push('…');
    }
    s
}

/// Runs the server until Ctrl-C: binds, writes `listening on http://ADDR/` to `out`, serves.
pub fn serve_blocking(opts: Options, out: &mut dyn Write) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServerError(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let server = bind(opts).await?;
        writeln!(out, "listening on http://{}/", server.local_addr()).and_then(|()| out.flush()).map_err(|e| ServerError(format!("cannot write output: {e}")))?;
        server
            .run_until(async {
                // Without a signal handler the server runs until the process is killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_allows_webassembly_the_way_each_kernel_understands() {
        let cases = [
            (None, CONTENT_SECURITY_POLICY),
            (Some("curl/8.0"), CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/78.0.3882.0 Safari/537.36"), LEGACY_CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE"), LEGACY_CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Safari/537.36"), LEGACY_CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.71 Safari/537.36"), CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36"), CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:91.0) Gecko/20100101 Firefox/91.0"), LEGACY_CONTENT_SECURITY_POLICY),
            (Some("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"), CONTENT_SECURITY_POLICY),
            (Some("Chrome/"), CONTENT_SECURITY_POLICY),
            (Some("Chrome/99999999999999999999"), CONTENT_SECURITY_POLICY),
        ];
        for (ua, want) in cases {
            assert_eq!(content_security_policy(ua), want, "{ua:?}");
        }
        assert!(LEGACY_CONTENT_SECURITY_POLICY.contains("'unsafe-eval'") && !LEGACY_CONTENT_SECURITY_POLICY.contains("wasm-unsafe-eval"));
        assert_eq!(
            LEGACY_CONTENT_SECURITY_POLICY.replace("'unsafe-eval'", "'wasm-unsafe-eval'"),
            CONTENT_SECURITY_POLICY,
            "the two policies differ only in how WebAssembly is allowed"
        );
    }
}
