//! `POST /api/validate` (issue #15): the checks of `POST /api/checklists`, answered with the findings and
//! stored nowhere, so that a portal's own back end (Java, .NET, …) re-checks a post with the very same rules.
//! The body is an export envelope, or `{"templateId", "data", "confirmations"?}`. Same auth as posting (open,
//! or `submitter` with `--submit-auth`), same limits and error answers; refusals are audited as `validate`,
//! answers are not (nothing was read or stored). Must not store anything.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use super::api::{self, error};
use super::auth::Role;
use super::App;
use checklist_core::envelope::ImportCode;
use checklist_core::finding::{with_messages, Confirmation, Finding, Severity};
use checklist_core::intake;
use checklist_core::locale::Locale;

/// `POST /api/validate`.
pub(crate) async fn validate(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let remote = peer.ip().to_canonical();
    let need = app.submit_auth.then_some(Role::Submitter);
    if let Err(res) = api::authorize(&app, &headers, remote, need, "validate", None).await {
        return res;
    }
    if !api::is_json(&headers) {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "请求类型必须为application/json", None);
    }
    let bytes = match api::read_body(&app, &headers, body).await {
        Ok(b) => b,
        Err(res) => return res,
    };
    let app2 = app.clone();
    tokio::task::spawn_blocking(move || answer(&app2, &bytes)).await.unwrap_or_else(|_| api::internal())
}

/// `200 {"templateId", "blocksSubmit", "findings"}`, or the error a post of this body would get.
fn answer(app: &App, body: &[u8]) -> Response {
    if let Some(record) = record_form(body) {
        return answer_record(app, record);
    }
    match api::assess(app, body) {
        Ok(a) => ok(&a.validator.template().id, a.blocks_submit, &a.findings),
        Err(res) => *res,
    }
}

fn ok(template_id: &str, blocks_submit: bool, findings: &[Finding]) -> Response {
    let body = json!({ "templateId": template_id, "blocksSubmit": blocks_submit, "findings": with_messages(findings, Locale::ZhCn) });
    api::json_response(StatusCode::OK, &body)
}

/// The body as `{"templateId", …}` without an envelope's `format`; `None` sends it down the envelope path.
fn record_form(body: &[u8]) -> Option<serde_json::Map<String, Value>> {
    match serde_json::from_slice::<Value>(body).ok()? {
        Value::Object(m) if m.contains_key("templateId") && !m.contains_key("format") => Some(m),
        _ => None,
    }
}

fn malformed(at: &str, detail: &str) -> Finding {
    Finding::new(ImportCode::Malformed, Severity::Error, format!("/{at}")).param("at", at).param("detail", detail)
}

fn answer_record(app: &App, mut record: serde_json::Map<String, Value>) -> Response {
    let id = record.get("templateId").and_then(Value::as_str).unwrap_or_default().to_owned();
    let Some(validator) = app.validators.iter().find(|v| v.template().id == id) else {
        let detail = format!("unknown template `{id}` (built in: {})", checklist_core::template::builtin_names().join(", "));
        return error(StatusCode::UNPROCESSABLE_ENTITY, "unknown_template", "未知的清单模板", Some(&[malformed("templateId", &detail)]));
    };
    let data = match record.remove("data") {
        Some(d @ Value::Object(_)) => d,
        _ => {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "import_failed",
                "导出文件无法导入",
                Some(&[malformed("data", "data must be an object")]),
            )
        }
    };
    let confirmations: Vec<Confirmation> = match record.remove("confirmations").map(serde_json::from_value) {
        None => Vec::new(),
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "import_failed",
                "导出文件无法导入",
                Some(&[malformed("confirmations", &e.to_string())]),
            )
        }
    };
    let today = match api::today(app) {
        Ok(d) => d,
        Err(res) => return *res,
    };
    // A draft's data: judged as of today, confirmations applied (the tail of every intake).
    let report = intake::validate(validator, &data, &confirmations, today, None);
    ok(&id, report.blocks_submit(), &report.findings)
}
