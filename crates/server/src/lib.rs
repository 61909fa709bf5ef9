//! The reference endpoint (`accountability-checklist serve`): receives export envelopes over
//! HTTP, re-validates them natively with the same rules as the widget, stores accepted ones in
//! SQLite (one process) or PostgreSQL (several replicas, [`pg`]), and serves the demo's static files.
//!
//! Routes: `POST /api/checklists`, `GET /api/checklists`, `GET /api/checklists/{receiptId}`,
//! `GET /api/audit`, and static files from the `www` directory for every other GET / HEAD. Every
//! response carries the security headers ([`SECURITY_HEADERS`]); API responses also
//! `Cache-Control: no-store`. Request logs (stderr) show method, path, status and latency only,
//! never bodies, queries or headers (so never a token).
//!
//! Security (issue #18): reads need a `reviewer` bearer token and the audit an `auditor` one
//! ([`auth`]); every read and every refused attempt is written to the append-only audit table;
//! envelopes are sealed at rest when a data key is configured ([`keys`]).
//!
//! Native only: not compiled for WebAssembly. Like the CLI, it reads the system clock (for
//! "today" unless [`Options::today`] fixes it, and for `receivedAt`).

#![deny(missing_docs)]

mod api;
pub mod auth;
pub mod clock;
mod drafts;
mod files;
pub mod keys;
pub mod pg;
mod store;
mod validate;

use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Router;

use checklist_core::config::Config;
use checklist_core::date::Date;
use checklist_core::engine::Validator;

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
    /// The SQLite file (created when missing), or a `postgres://` / `postgresql://` URL.
    pub db: PathBuf,
    /// A file holding the PostgreSQL password (else `PGPASSWORD`, or the URL's own).
    pub db_password_file: Option<PathBuf>,
    /// The directory of static files.
    pub www: PathBuf,
    /// The date rules treat as today; `None`: today in Asia/Shanghai from the system clock, per request.
    pub today: Option<Date>,
    /// The token file (`token add`); without one, no request can read records or the audit.
    pub tokens: Option<PathBuf>,
    /// Posts need a `submitter` token.
    pub submit_auth: bool,
    /// The header in which a trusted proxy names the portal's user (stored with the record and
    /// in the audit). Believed only from [`Options::trusted_proxies`].
    pub trust_user_header: Option<String>,
    /// Addresses and networks of the proxies whose user header is believed.
    pub trusted_proxies: Vec<auth::IpNet>,
    /// The data key file (`key new`): envelopes are sealed at rest; without one they are stored
    /// in plain text (with a warning at start).
    pub data_key_file: Option<PathBuf>,
    /// The AEAD new records are sealed with.
    pub cipher: keys::Cipher,
    /// Failed authentications per address per minute before it gets 429.
    pub max_auth_failures: u32,
    /// Origins allowed to call the API from a browser (CORS); none by default.
    pub allow_origins: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from("checklists.sqlite3"),
            db_password_file: None,
            www: PathBuf::from("www"),
            today: None,
            tokens: None,
            submit_auth: false,
            trust_user_header: None,
            trusted_proxies: Vec::new(),
            data_key_file: None,
            cipher: keys::Cipher::default(),
            max_auth_failures: 10,
            allow_origins: Vec::new(),
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
    pub(crate) store: Box<dyn store::Storage>,
    pub(crate) today: Option<Date>,
    /// Canonical path of the static directory (`None` when it does not exist: every file is 404).
    pub(crate) www: Option<PathBuf>,
    pub(crate) tokens: auth::Tokens,
    pub(crate) submit_auth: bool,
    /// The user header (lower case) and the proxies it is believed from.
    pub(crate) user_header: Option<(HeaderName, Vec<auth::IpNet>)>,
    pub(crate) keys: Option<keys::DataKeys>,
    pub(crate) limiter: auth::FailureLimiter,
    pub(crate) allow_origins: Vec<String>,
    /// Host-kept drafts (`/api/drafts/{key}`), a table of their own in the same database file.
    pub(crate) drafts: Option<drafts::Drafts>,
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
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
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
    for name in checklist_core::template::builtin_names() {
        let t = checklist_core::template::builtin(name)
            .ok_or_else(|| ServerError(format!("built-in template {name} missing")))?
            .map_err(|e| ServerError(format!("built-in template {name}: {e}")))?;
        validators.push(Validator::new(t, config.clone()).map_err(|e| ServerError(format!("built-in template {name}: {e}")))?);
    }
    let (store, db_name) = open_store(&opts).await?;
    // Host-kept drafts live in a table of the SQLite file; on PostgreSQL the draft routes answer 501 for now.
    let drafts = if pg::is_postgres_url(&opts.db.to_string_lossy()) {
        None
    } else {
        let db = opts.db.clone();
        Some(
            tokio::task::spawn_blocking(move || drafts::Drafts::open(&db))
                .await
                .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?
                .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?,
        )
    };
    let www = tokio::fs::canonicalize(&opts.www).await.ok();
    if www.is_none() {
        eprintln!("warning: static directory {} not found; only the API is served", opts.www.display());
    }
    let tokens = match &opts.tokens {
        Some(path) => auth::Tokens::load(path).map_err(|e| ServerError(e.to_string()))?,
        None => {
            eprintln!("warning: no --tokens file: nobody can read records or the audit (every read is refused with 401)");
            auth::Tokens::default()
        }
    };
    if opts.submit_auth && tokens.is_empty() {
        return Err(ServerError("--submit-auth needs a --tokens file with a submitter token".into()));
    }
    let user_header = match &opts.trust_user_header {
        Some(name) => {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| ServerError(format!("--trust-user-header `{name}` is not a header name")))?;
            if opts.trusted_proxies.is_empty() {
                return Err(ServerError("--trust-user-header needs at least one --trusted-proxy ADDR".into()));
            }
            Some((header, opts.trusted_proxies.clone()))
        }
        None if !opts.trusted_proxies.is_empty() => {
            return Err(ServerError("--trusted-proxy is only used with --trust-user-header NAME".into()))
        }
        None => None,
    };
    let keys = match &opts.data_key_file {
        Some(path) => Some(keys::DataKeys::load(path, opts.cipher).map_err(|e| ServerError(e.to_string()))?),
        None => {
            eprintln!(
                "warning: no --data-key-file: records are stored in PLAIN TEXT in {db_name} (make one with `accountability-checklist key new --out FILE`)"
            );
            None
        }
    };
    let limiter = auth::FailureLimiter::new(opts.max_auth_failures.max(1), std::time::Duration::from_secs(60));
    let app = Arc::new(App {
        config,
        validators,
        store,
        today: opts.today,
        www,
        tokens,
        submit_auth: opts.submit_auth,
        user_header,
        keys,
        limiter,
        allow_origins: opts.allow_origins.clone(),
        drafts,
    });
    let listener =
        tokio::net::TcpListener::bind(opts.addr).await.map_err(|e| ServerError(format!("cannot listen on {}: {e}", opts.addr)))?;
    let addr = listener.local_addr().map_err(|e| ServerError(format!("cannot listen on {}: {e}", opts.addr)))?;
    Ok(Server { listener, router: router(app), addr })
}

/// The OpenAPI 3.1 document of every route, served at `GET /api/openapi.json` (and shipped by `make dist`).
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every API route with the methods it answers (the `Allow` of its 405). The router is built from this
/// table, and a test checks that the OpenAPI document describes exactly these routes and methods.
pub const API_ROUTES: [(&str, &str); 6] = [
    ("/api/checklists", "GET, HEAD, POST"),
    ("/api/checklists/{receiptId}", "GET, HEAD"),
    ("/api/audit", "GET, HEAD"),
    ("/api/validate", "POST"),
    ("/api/openapi.json", "GET, HEAD"),
    ("/api/drafts/{key}", "GET, HEAD, PUT, DELETE"),
];

fn handlers(path: &str) -> MethodRouter<Arc<App>> {
    match path {
        "/api/checklists" => get(api::list).post(api::create),
        "/api/checklists/{receiptId}" => get(api::fetch),
        "/api/audit" => get(api::audit),
        "/api/validate" => axum::routing::post(validate::validate),
        "/api/drafts/{key}" => get(drafts::get).put(drafts::put).delete(drafts::delete),
        // Public: it describes the API and holds nothing else.
        _ => get(|| async { api::json_response(axum::http::StatusCode::OK, &serde_json::from_str(OPENAPI).unwrap_or_default()) }),
    }
}

/// The storage `--db` names, and how messages name it (never with a password).
async fn open_store(opts: &Options) -> Result<(Box<dyn store::Storage>, String), ServerError> {
    let db = opts.db.to_string_lossy().into_owned();
    if pg::is_postgres_url(&db) {
        let name = pg::redacted(&db);
        let password = match &opts.db_password_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| ServerError(format!("--db-password-file {}: {e}", path.display())))?
                    .trim_end_matches(['\r', '\n'])
                    .to_owned(),
            ),
            None => std::env::var("PGPASSWORD").ok(),
        };
        let store = pg::PgStore::open(&db, password).await.map_err(|e| ServerError(format!("{name}: {e}")))?;
        return Ok((Box::new(store), name));
    }
    if opts.db_password_file.is_some() {
        return Err(ServerError("--db-password-file is only used with --db postgres://…".into()));
    }
    let path = opts.db.clone();
    let store = tokio::task::spawn_blocking(move || store::SqliteStore::open(&path))
        .await
        .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?
        .map_err(|e| ServerError(format!("{}: {e}", opts.db.display())))?;
    Ok((Box::new(store), opts.db.display().to_string()))
}

fn router(app: Arc<App>) -> Router {
    let mut routes = Router::new();
    for (path, allow) in API_ROUTES {
        routes = routes.route(path, handlers(path).fallback(move || async move { api::method_not_allowed(allow) }));
    }
    routes
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(app.clone(), api::no_tokens_in_urls))
        .layer(middleware::from_fn_with_state(app.clone(), cors))
        .layer(middleware::from_fn(headers_and_log))
        .with_state(app)
}

/// CORS, closed unless `--allow-origin` names the requesting origin: then that origin (only) gets
/// `Access-Control-Allow-Origin`, and its preflight `OPTIONS` a 204 naming the API's methods and
/// headers. Any other origin gets no CORS header, so browsers keep the answers from its scripts.
async fn cors(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(header::ORIGIN).and_then(|o| o.to_str().ok()).map(str::to_owned);
    let allowed = origin.filter(|o| app.allow_origins.iter().any(|a| a == o));
    let Some(origin) = allowed else { return next.run(req).await };
    let Ok(value) = HeaderValue::from_str(&origin) else { return next.run(req).await };
    let preflight = req.method() == Method::OPTIONS && req.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight {
        let mut res = Response::new(axum::body::Body::empty());
        *res.status_mut() = StatusCode::NO_CONTENT;
        let h = res.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST, PUT, DELETE"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("authorization, content-type, idempotency-key"));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        res
    } else {
        next.run(req).await
    };
    res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
    res.headers_mut().append(header::VARY, HeaderValue::from_static("Origin"));
    res
}

/// The peer address of a request (the proxy's, behind one); unspecified when unknown.
pub(crate) fn peer(req_ext: Option<&ConnectInfo<SocketAddr>>) -> std::net::IpAddr {
    req_ext.map(|c| c.0.ip().to_canonical()).unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]))
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
        writeln!(out, "listening on http://{}/", server.local_addr())
            .and_then(|()| out.flush())
            .map_err(|e| ServerError(format!("cannot write output: {e}")))?;
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

    /// "Every route documented, nothing extra": the OpenAPI document's paths and methods are exactly the
    /// router's table (HEAD included, as axum answers it for GET), and its version is the crate's.
    #[test]
    fn the_openapi_document_describes_exactly_the_routes() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        assert_eq!(doc["openapi"], "3.1.0");
        assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
        let paths = doc["paths"].as_object().expect("paths");
        let documented: Vec<(String, String)> = paths
            .iter()
            .map(|(p, ops)| {
                let mut methods: Vec<String> =
                    ops.as_object().expect("path item").keys().filter(|k| *k != "parameters").map(|k| k.to_uppercase()).collect();
                methods.sort();
                (p.clone(), methods.join(", "))
            })
            .collect();
        let mut routed: Vec<(String, String)> = API_ROUTES
            .iter()
            .map(|(p, allow)| {
                let mut methods: Vec<&str> = allow.split(", ").collect();
                methods.sort_unstable();
                ((*p).to_owned(), methods.join(", "))
            })
            .collect();
        routed.sort();
        let mut documented = documented;
        documented.sort();
        assert_eq!(documented, routed);
        // Each operation answers something and names its errors in the Error schema.
        for ops in paths.values() {
            for (method, op) in ops.as_object().expect("path item").iter().filter(|(k, _)| *k != "parameters") {
                assert!(op["operationId"].is_string() && op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method}");
            }
        }
    }

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
