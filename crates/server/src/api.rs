//! The `/api` handlers, and who may call them: each reading handler first asks [`authorize`] for
//! its role, and every read and every refusal is written to the audit trail (never the record's
//! content, never a presented token).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt as _;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use super::auth::{self, Role};
use super::store::{AuditEntry, Body as StoredAs, Inserted, Keyed, NewRecord, Receipt, StoreError, StoredBody};
use super::App;
use checklist_core::envelope::{self, ImportCode};
use checklist_core::finding::{Finding, Severity};
use checklist_core::intake::{self, Outcome, Policy};

/// A JSON error body `{"error", "message", "findings"?}`.
pub(crate) fn error(status: StatusCode, code: &str, message: &str, findings: Option<&[Finding]>) -> Response {
    let mut body = json!({ "error": code, "message": message });
    if let (Some(findings), Value::Object(map)) = (findings, &mut body) {
        // Each finding with `message` (zh-CN) and `messages` (zh-CN, en), as the widget's validate() gives them.
        map.insert("findings".into(), checklist_core::finding::with_messages(findings, checklist_core::locale::Locale::ZhCn));
    }
    json_response(status, &body)
}

pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    let text = serde_json::to_string(body).unwrap_or_default();
    let mut res = (status, text).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

pub(crate) fn internal() -> Response {
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "服务器内部错误，请稍后重试", None)
}

/// How long a client is asked to wait before retrying when the database is unreachable.
const RETRY_AFTER_SECS: u32 = 5;

/// A failed storage call: 503 with `Retry-After` when the database is unreachable (nothing was
/// lost: the client retries with the same `Idempotency-Key`), 500 otherwise. Logged without data.
fn store_failed(e: &StoreError) -> Response {
    eprintln!("error: storage: {e}");
    match e {
        StoreError::Unavailable(_) => {
            let mut res = error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "存储暂时不可用，请稍后用同一幂等键重试", None);
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
            res
        }
        StoreError::Failed(_) => internal(),
    }
}

/// 405 for the API routes.
pub(crate) fn method_not_allowed(allow: &'static str) -> Response {
    let mut res = error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "不支持该请求方法", None);
    res.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    res
}

/// Whether a Content-Type is JSON in UTF-8 (`application/json`, optionally `; charset=utf-8`).
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter();
    let (Some(value), None) = (values.next(), values.next()) else { return false };
    let Ok(value) = value.to_str() else { return false };
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or("").trim();
    if !media.eq_ignore_ascii_case("application/json") {
        return false;
    }
    parts.all(|p| {
        let p = p.trim();
        match p.split_once('=') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("charset") => v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8"),
            Some(_) => true,
            None => p.is_empty(),
        }
    })
}

/// The `Idempotency-Key` header: `Ok(None)` when absent, `Err` when not 1–200 visible ASCII
/// characters or given twice.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ()> {
    let mut values = headers.get_all("idempotency-key").iter();
    let Some(value) = values.next() else { return Ok(None) };
    if values.next().is_some() {
        return Err(());
    }
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > 200 || !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(());
    }
    // All visible ASCII, so this is valid UTF-8.
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        s.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
    }
    s
}

/// A 128-bit random receipt id in lower-case hex.
fn new_receipt_id() -> Option<String> {
    let mut buf = [0u8; 16];
    getrandom::fill(&mut buf).ok()?;
    Some(hex(&buf))
}

fn is_receipt_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

use crate::clock::unix_ms as now_unix_ms;

/// `YYYY-MM-DDTHH:MM:SS+08:00` for now: every stamp the product writes is Beijing time.
fn now_stamp_shanghai() -> Option<String> {
    checklist_core::date::shanghai_datetime_from_unix_ms(now_unix_ms()?)
}

/// Clocks of filers' machines drift: a `submittedAt` up to this far ahead of the server's clock
/// is still accepted.
const SUBMITTED_AT_SKEW_MS: i64 = 5 * 60 * 1000;

/// A 422 when the envelope's `submittedAt` lies in the future: after the server's "today"
/// (`--today`, or the clock's date), or more than the allowed skew after the clock.
fn submitted_in_future(env: &envelope::Envelope, today: Option<checklist_core::date::Date>) -> Option<Response> {
    let at = env.submitted_at.as_deref()?;
    let ms = checklist_core::date::stamp_unix_ms(at)?;
    let now = now_unix_ms()?;
    let day = checklist_core::date::shanghai_date_from_unix_ms(ms)?;
    let future = ms > now + SUBMITTED_AT_SKEW_MS || today.is_some_and(|t| day > t);
    future.then(|| {
        let f = Finding::new(ImportCode::SubmittedInFuture, Severity::Error, "/submittedAt").param("value", at);
        error(StatusCode::UNPROCESSABLE_ENTITY, "submitted_in_future", "提交时间晚于服务器当前时间", Some(&[f]))
    })
}

fn created(receipt: &Receipt) -> Response {
    let body = json!({ "receiptId": receipt.receipt_id, "receivedAt": receipt.received_at, "digest": receipt.digest });
    let mut res = json_response(StatusCode::CREATED, &body);
    if let Ok(loc) = HeaderValue::from_str(&format!("/api/checklists/{}", receipt.receipt_id)) {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    res
}

/// A replay of a stored post under the same key: the same 201 when the body is the same.
fn replay(keyed: &Keyed, request_hash: &str) -> Response {
    if keyed.request_hash == request_hash {
        created(&keyed.receipt)
    } else {
        error(StatusCode::CONFLICT, "idempotency_conflict", "该幂等键已用于内容不同的提交", None)
    }
}

/// What a checked post yields.
struct Accepted {
    template_id: String,
    template_version: String,
    checklist_kind: String,
    digest: String,
    text: String,
}

/// An imported envelope, validated: what a post and `POST /api/validate` both compute.
pub(crate) struct Assessed<'a> {
    pub(crate) env: envelope::Envelope,
    pub(crate) validator: &'a checklist_core::engine::Validator,
    /// Every finding of the import and of the validation.
    pub(crate) findings: Vec<Finding>,
    pub(crate) blocks_submit: bool,
}

/// The date rules treat as today: `--today`, or the clock's date in Asia/Shanghai.
pub(crate) fn today(app: &App) -> Result<checklist_core::date::Date, Box<Response>> {
    match app.today {
        Some(d) => Ok(d),
        None => crate::clock::today_in_shanghai().ok_or_else(|| Box::new(internal())),
    }
}

/// Import, template lookup and native re-validation; `Err` is the error response. Blocking
/// (CPU-bound): runs in `spawn_blocking`.
fn check(app: &App, body: &[u8]) -> Result<Accepted, Box<Response>> {
    let Assessed { env, findings, blocks_submit, .. } = assess(app, body)?;
    if blocks_submit {
        return Err(Box::new(error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "填报内容未通过校验", Some(&findings))));
    }
    let text = std::str::from_utf8(body).unwrap_or_default();
    let digest = if env.digest.algorithm.is_empty() {
        // A migrated version-0 file carries none: the receipt names the digest of what was stored.
        envelope::digest_hex(&env.data, &env.validation.confirmations)
    } else {
        env.digest.value.to_ascii_lowercase()
    };
    Ok(Accepted {
        template_id: env.template.id,
        template_version: env.template.version,
        checklist_kind: env.checklist_kind.as_str().to_owned(),
        digest,
        text: text.to_owned(),
    })
}

/// Everything a post is checked for except whether its findings block it: UTF-8, then the core's intake
/// (JSON, envelope import, template, the import again against it, validation), then `submittedAt`. `Err` is
/// the error response a post would get.
pub(crate) fn assess<'a>(app: &'a App, body: &[u8]) -> Result<Assessed<'a>, Box<Response>> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Box::new(error(StatusCode::BAD_REQUEST, "invalid_utf8", "请求内容不是有效的UTF-8文本", None)));
    };
    let today = today(app)?;
    let intake =
        intake::check(text, &app.config, today, Policy::ENDPOINT, |env| app.validators.iter().find(|v| v.template().id == env.template.id));
    let (env, validator) = match (intake.outcome, intake.envelope, intake.validator) {
        (Outcome::Checked, Some(env), Some(validator)) => (env, validator),
        (Outcome::UnknownTemplate, Some(env), _) => {
            let finding = Finding::new(ImportCode::Malformed, Severity::Error, "/template/id").param("at", "template.id").param(
                "detail",
                format!("unknown template `{}` (built in: {})", env.template.id, checklist_core::template::builtin_names().join(", ")),
            );
            return Err(Box::new(error(StatusCode::UNPROCESSABLE_ENTITY, "unknown_template", "未知的清单模板", Some(&[finding]))));
        }
        _ => {
            let not_json = ImportCode::NotJson.into();
            if intake.findings.iter().any(|f| f.code == not_json) {
                return Err(Box::new(error(StatusCode::BAD_REQUEST, "invalid_json", "请求内容不是有效的JSON", Some(&intake.findings))));
            }
            return Err(Box::new(error(StatusCode::UNPROCESSABLE_ENTITY, "import_failed", "导出文件无法导入", Some(&intake.findings))));
        }
    };
    if let Some(res) = submitted_in_future(&env, app.today) {
        return Err(Box::new(res));
    }
    Ok(Assessed { env, validator, findings: intake.findings, blocks_submit: intake.blocks })
}

/// Who is calling, once [`authorize`] let the request through.
#[derive(Debug, Clone, Default)]
pub(crate) struct Caller {
    /// The name of the token presented.
    token: Option<String>,
    role: Option<Role>,
    /// The user a trusted proxy named.
    user: Option<String>,
}

impl Caller {
    /// How the audit names the caller: the trusted user, the token name, or both.
    fn who(&self) -> Option<String> {
        match (&self.user, &self.token) {
            (Some(u), Some(t)) => Some(format!("{u} ({t})")),
            (Some(u), None) => Some(u.clone()),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        }
    }
}

/// Appends to the audit trail; `false` when it could not be written.
pub(crate) async fn audit_line(
    app: &Arc<App>,
    remote: IpAddr,
    action: &'static str,
    caller: &Caller,
    receipt_id: Option<&str>,
    status: StatusCode,
    result: &str,
) -> Result<(), StoreError> {
    let Some(at) = now_stamp_shanghai() else { return Err(StoreError::Failed("no clock".into())) };
    let entry = AuditEntry {
        at,
        action,
        result: result.to_owned(),
        status: status.as_u16(),
        who: caller.who(),
        role: caller.role.map(Role::as_str),
        // Only a well-formed id: whatever else a caller put in the path is not worth keeping.
        receipt_id: receipt_id.filter(|id| is_receipt_id(id)).map(str::to_owned),
        remote: remote.to_string(),
    };
    app.store.audit(entry).await.inspect_err(|e| eprintln!("error: audit not written: {e}"))
}

/// A refusal, audited (a refusal is answered even when the audit cannot be written).
pub(crate) async fn refuse(
    app: &Arc<App>,
    remote: IpAddr,
    action: &'static str,
    caller: &Caller,
    receipt_id: Option<&str>,
    res: Response,
    result: &str,
) -> Response {
    let _ = audit_line(app, remote, action, caller, receipt_id, res.status(), result).await;
    res
}

fn unauthorized(challenge: &'static str) -> Response {
    let mut res = error(StatusCode::UNAUTHORIZED, "unauthorized", "需要有效的访问令牌（Authorization: Bearer）", None);
    res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    res
}

const CHALLENGE: &str = "Bearer realm=\"accountability-checklist\"";
const CHALLENGE_INVALID: &str = "Bearer realm=\"accountability-checklist\", error=\"invalid_token\"";

/// The user a trusted proxy names: `Ok(None)` when no user header is configured or sent, `Err`
/// (a refusal code) when it comes from an untrusted address or is not 1–200 bytes of UTF-8
/// without control characters.
fn trusted_user(app: &App, headers: &HeaderMap, remote: IpAddr) -> Result<Option<String>, &'static str> {
    let Some((name, proxies)) = &app.user_header else { return Ok(None) };
    let mut values = headers.get_all(name).iter();
    let Some(value) = values.next() else { return Ok(None) };
    if !proxies.iter().any(|p| p.contains(remote)) {
        return Err("untrusted_user_header");
    }
    let text = std::str::from_utf8(value.as_bytes()).map_err(|_| "invalid_user_header")?.trim();
    if values.next().is_some() || text.is_empty() || text.len() > 200 || text.chars().any(char::is_control) {
        return Err("invalid_user_header");
    }
    Ok(Some(text.to_owned()))
}

/// Lets a request through when it carries a token of the role `need` (`None`: any valid token or
/// none at all, for open posts). Otherwise answers 429 (too many failures from this address), 401
/// with `WWW-Authenticate: Bearer` (no token, or not a valid one), or 403 (another role, or a user
/// header from an untrusted address), and audits the refusal.
pub(crate) async fn authorize(
    app: &Arc<App>,
    headers: &HeaderMap,
    remote: IpAddr,
    need: Option<Role>,
    action: &'static str,
    receipt_id: Option<&str>,
) -> Result<Caller, Response> {
    let mut caller = Caller::default();
    let presented = auth::bearer(headers);
    let needs_check = need.is_some() || !matches!(presented, Ok(None));
    if needs_check {
        if let Some(secs) = app.limiter.blocked(remote) {
            let mut res = error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", "认证失败次数过多，请稍后再试", None);
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
            return Err(refuse(app, remote, action, &caller, receipt_id, res, "rate_limited").await);
        }
    }
    match trusted_user(app, headers, remote) {
        Ok(user) => caller.user = user,
        Err(code) => {
            let res = error(StatusCode::FORBIDDEN, code, "用户标识头只接受来自受信任代理的请求", None);
            return Err(refuse(app, remote, action, &caller, receipt_id, res, code).await);
        }
    }
    match presented {
        Ok(None) if need.is_none() => return Ok(caller),
        Ok(None) => return Err(refuse(app, remote, action, &caller, receipt_id, unauthorized(CHALLENGE), "unauthenticated").await),
        Err(()) => {
            app.limiter.failed(remote);
            return Err(refuse(app, remote, action, &caller, receipt_id, unauthorized(CHALLENGE_INVALID), "invalid_token").await);
        }
        Ok(Some(token)) => match app.tokens.verify(token) {
            None => {
                app.limiter.failed(remote);
                return Err(refuse(app, remote, action, &caller, receipt_id, unauthorized(CHALLENGE_INVALID), "invalid_token").await);
            }
            Some((name, role)) => {
                caller.token = Some(name.to_owned());
                caller.role = Some(role);
            }
        },
    }
    if need.is_some_and(|n| caller.role != Some(n)) {
        let res = error(StatusCode::FORBIDDEN, "forbidden", "该令牌的角色无权进行此操作", None);
        return Err(refuse(app, remote, action, &caller, receipt_id, res, "forbidden").await);
    }
    Ok(caller)
}

/// Query parameters that look like a credential: a token is accepted in the `Authorization`
/// header only, so a URL that carries one (and would leave it in proxy logs and browser history)
/// is refused outright.
const TOKEN_PARAMS: [&str; 8] = ["access_token", "token", "bearer", "bearer_token", "auth", "authorization", "api_key", "apikey"];

/// Middleware: `400 token_in_url` (audited) for an `/api` request whose query names a credential
/// parameter or has a value shaped like one of our tokens (`act_…`) or a `Bearer …` header.
pub(crate) async fn no_tokens_in_urls(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = path == "/api" || path.starts_with("/api/");
    let suspicious = req.uri().query().is_some_and(|q| {
        q.to_ascii_lowercase().split('&').any(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            TOKEN_PARAMS.contains(&key) || value.starts_with("act_") || value.starts_with("bearer")
        })
    });
    if !(api && suspicious) {
        return next.run(req).await;
    }
    let remote = super::peer(req.extensions().get::<ConnectInfo<SocketAddr>>());
    let action = if path.starts_with("/api/audit") {
        "audit"
    } else if req.method() == axum::http::Method::POST {
        "submit"
    } else {
        "read"
    };
    let res = error(StatusCode::BAD_REQUEST, "token_in_url", "访问令牌不得放在网址中，请使用Authorization请求头", None);
    refuse(&app, remote, action, &Caller::default(), None, res, "token_in_url").await
}

/// `POST /api/checklists`: open, or for `submitter` tokens with `--submit-auth`. Every outcome is
/// audited (with the receipt when one is given).
pub(crate) async fn create(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let remote = peer.ip().to_canonical();
    let need = app.submit_auth.then_some(Role::Submitter);
    let caller = match authorize(&app, &headers, remote, need, "submit", None).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let (res, receipt) = create_checked(&app, &caller, &headers, body).await;
    let result = if res.status().is_success() { "ok" } else { "rejected" };
    let _ = audit_line(&app, remote, "submit", &caller, receipt.as_deref(), res.status(), result).await;
    res
}

/// The request body, at most `import_max_bytes` (by `Content-Length` and as read): `413 payload_too_large` above.
pub(crate) async fn read_body(app: &App, headers: &HeaderMap, body: Body) -> Result<axum::body::Bytes, Response> {
    let limit = app.config.import_max_bytes;
    let too_large = || error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "提交内容过大", None);
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    match http_body_util::Limited::new(body, limit).collect().await {
        Ok(c) => Ok(c.to_bytes()),
        Err(e) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => Err(too_large()),
        Err(_) => Err(error(StatusCode::BAD_REQUEST, "bad_request", "请求内容读取失败", None)),
    }
}

async fn create_checked(app: &Arc<App>, caller: &Caller, headers: &HeaderMap, body: Body) -> (Response, Option<String>) {
    let res = create_inner(app, caller, headers, body).await;
    let receipt = res.headers().get(header::LOCATION).and_then(|l| l.to_str().ok()).and_then(|l| l.rsplit('/').next()).map(str::to_owned);
    (res, receipt)
}

async fn create_inner(app: &Arc<App>, caller: &Caller, headers: &HeaderMap, body: Body) -> Response {
    if !is_json(headers) {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "请求类型必须为application/json", None);
    }
    let Ok(key) = idempotency_key(headers) else {
        return error(StatusCode::BAD_REQUEST, "invalid_idempotency_key", "Idempotency-Key须为1至200个可见ASCII字符", None);
    };
    let bytes = match read_body(app, headers, body).await {
        Ok(b) => b,
        Err(res) => return res,
    };
    let request_hash = hex(&Sha256::digest(&bytes));

    if let Some(k) = &key {
        match app.store.by_key(k.clone()).await {
            Ok(Some(keyed)) => return replay(&keyed, &request_hash),
            Ok(None) => {}
            Err(e) => return store_failed(&e),
        }
    }

    let app2 = app.clone();
    let accepted = match tokio::task::spawn_blocking(move || check(&app2, &bytes)).await {
        Ok(Ok(a)) => a,
        Ok(Err(res)) => return *res,
        Err(_) => return internal(),
    };
    let (Some(receipt_id), Some(received_at)) = (new_receipt_id(), now_stamp_shanghai()) else { return internal() };
    let envelope = match &app.keys {
        // Never stored in plain text once a key is configured: a sealing failure is a 500.
        Some(keys) => match keys.seal(&receipt_id, accepted.text.as_bytes()) {
            Ok(sealed) => StoredAs::Sealed(sealed),
            Err(_) => return internal(),
        },
        None => StoredAs::Plain(accepted.text),
    };
    let record = NewRecord {
        receipt: Receipt { receipt_id, received_at, digest: accepted.digest },
        idempotency_key: key,
        request_hash: request_hash.clone(),
        template_id: accepted.template_id,
        template_version: accepted.template_version,
        checklist_kind: accepted.checklist_kind,
        envelope,
        submitted_by: caller.user.clone(),
        submitter_token: caller.token.clone(),
    };
    match app.store.insert(record).await {
        Ok(Inserted::New(receipt)) => created(&receipt),
        Ok(Inserted::KeyTaken(keyed)) => replay(&keyed, &request_hash),
        Err(e) => store_failed(&e),
    }
}

/// `GET /api/checklists` (`reviewer`): receipts newest first, without personal data, `limit`
/// (default 1000, at most 10000) at a time, older than the receipt `before`; a full page names
/// the next one in a `Link: <…>; rel="next"` header. Audited.
pub(crate) async fn list(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
) -> Response {
    let remote = peer.ip().to_canonical();
    let caller = match authorize(&app, &headers, remote, Some(Role::Reviewer), "list", None).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let Some((limit, before)) = list_query(uri.query()) else {
        return error(StatusCode::BAD_REQUEST, "bad_request", "查询参数须为limit（1至10000）和before（回执编号）", None);
    };
    // Audited before the answer: a read that cannot be audited is not answered.
    if let Err(e) = audit_line(&app, remote, "list", &caller, None, StatusCode::OK, "ok").await {
        return store_failed(&e);
    }
    match app.store.list(limit, before).await {
        Ok(None) => error(StatusCode::BAD_REQUEST, "bad_request", "before须为已存储的回执编号", None),
        Ok(Some(rows)) => {
            let next = (rows.len() == limit as usize).then(|| rows.last().map(|r| r.receipt_id.clone())).flatten();
            let items: Vec<Value> = rows
                .into_iter()
                .map(|r| {
                    json!({
                        "receiptId": r.receipt_id,
                        "templateId": r.template_id,
                        "checklistKind": r.checklist_kind,
                        "receivedAt": r.received_at,
                        "digest": r.digest,
                    })
                })
                .collect();
            let mut res = json_response(StatusCode::OK, &Value::Array(items));
            // A full page: the next one starts after its last receipt.
            if let Some(Ok(link)) =
                next.map(|id| HeaderValue::from_str(&format!("</api/checklists?limit={limit}&before={id}>; rel=\"next\"")))
            {
                res.headers_mut().insert(header::LINK, link);
            }
            res
        }
        Err(e) => store_failed(&e),
    }
}

/// `?limit=N&before=RECEIPT` of the list; `None` when either is malformed. Other parameters are
/// ignored, as they were before the list was paged.
fn list_query(query: Option<&str>) -> Option<(u32, Option<String>)> {
    let mut limit = 1000;
    let mut before = None;
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=').unwrap_or((pair, "")) {
            ("limit", v) => limit = v.parse().ok().filter(|n| (1..=10_000).contains(n))?,
            ("before", v) => before = Some(Some(v.to_owned()).filter(|v| is_receipt_id(v))?),
            _ => {}
        }
    }
    Some((limit, before))
}

/// `GET /api/checklists/{receiptId}` (`reviewer`): the envelope as posted (opened when sealed).
/// Audited, found or not.
pub(crate) async fn fetch(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Response {
    let remote = peer.ip().to_canonical();
    let id = id.map(|Path(id)| id).unwrap_or_default();
    let caller = match authorize(&app, &headers, remote, Some(Role::Reviewer), "read", Some(&id)).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let not_found = || error(StatusCode::NOT_FOUND, "not_found", "未找到该提交记录", None);
    if !is_receipt_id(&id) {
        let _ = audit_line(&app, remote, "read", &caller, None, StatusCode::NOT_FOUND, "not_found").await;
        return not_found();
    }
    let text = match app.store.envelope(id.clone()).await {
        Ok(Some(StoredBody::Plain(text))) => text,
        Ok(Some(StoredBody::Sealed { cipher, key_id, blob })) => {
            let opened = app.keys.as_ref().map(|k| k.open(&cipher, &key_id, &id, &blob));
            match opened {
                Some(Ok(bytes)) => match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(_) => return refuse(&app, remote, "read", &caller, Some(&id), internal(), "undecryptable").await,
                },
                // No key file, or not the one that sealed it: say so in the log, never what.
                _ => {
                    eprintln!("error: record {id} cannot be decrypted with the configured data key file");
                    return refuse(&app, remote, "read", &caller, Some(&id), internal(), "undecryptable").await;
                }
            }
        }
        Ok(None) => {
            let _ = audit_line(&app, remote, "read", &caller, Some(&id), StatusCode::NOT_FOUND, "not_found").await;
            return not_found();
        }
        Err(e) => return store_failed(&e),
    };
    if let Err(e) = audit_line(&app, remote, "read", &caller, Some(&id), StatusCode::OK, "ok").await {
        return store_failed(&e);
    }
    let mut res = (StatusCode::OK, text).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

/// `?limit=N&before=SEQ` of the audit; `None` for anything else in the query.
fn audit_query(query: Option<&str>) -> Option<(u32, Option<i64>)> {
    let mut limit = 1000;
    let mut before = None;
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=')? {
            ("limit", v) => limit = v.parse().ok().filter(|n| (1..=10_000).contains(n))?,
            ("before", v) => before = Some(v.parse().ok()?),
            _ => return None,
        }
    }
    Some((limit, before))
}

/// `GET /api/audit` (`auditor`): the audit trail, newest first, `limit` lines (default 1000, at
/// most 10000) before the line `before`. Reading it is audited too.
pub(crate) async fn audit(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
) -> Response {
    let remote = peer.ip().to_canonical();
    let caller = match authorize(&app, &headers, remote, Some(Role::Auditor), "audit", None).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let Some((limit, before)) = audit_query(uri.query()) else {
        return error(StatusCode::BAD_REQUEST, "bad_request", "查询参数须为limit（1至10000）和before（序号）", None);
    };
    if let Err(e) = audit_line(&app, remote, "audit", &caller, None, StatusCode::OK, "ok").await {
        return store_failed(&e);
    }
    match app.store.audit_rows(limit, before).await {
        Ok(rows) => json_response(StatusCode::OK, &serde_json::to_value(rows).unwrap_or(Value::Array(Vec::new()))),
        Err(e) => store_failed(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_and_keys() {
        let mut h = HeaderMap::new();
        assert!(!is_json(&h));
        for (v, ok) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON;charset=\"UTF-8\"", true),
            ("application/json; charset=latin1", false),
            ("text/plain", false),
            ("application/jsonx", false),
        ] {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(v));
            assert_eq!(is_json(&h), ok, "{v}");
        }
        let mut h = HeaderMap::new();
        assert_eq!(idempotency_key(&h), Ok(None));
        h.insert("idempotency-key", HeaderValue::from_static("a-b_c.1"));
        assert_eq!(idempotency_key(&h), Ok(Some("a-b_c.1".into())));
        h.insert("idempotency-key", HeaderValue::from_static("a b"));
        assert_eq!(idempotency_key(&h), Err(()));
        let long = "k".repeat(201);
        h.insert("idempotency-key", HeaderValue::from_str(&long).unwrap());
        assert_eq!(idempotency_key(&h), Err(()));
    }

    #[test]
    fn receipt_ids_are_random_hex() {
        let a = new_receipt_id().unwrap();
        let b = new_receipt_id().unwrap();
        assert!(is_receipt_id(&a) && is_receipt_id(&b) && a != b);
        assert!(now_stamp_shanghai().unwrap().ends_with("+08:00"));
    }
}
