//! The POST of a submission: gloo-net with the idempotency key, a timeout, progress for slow
//! answers, and the answer turned into a message (stored, refused with findings, failed and why).

use std::rc::Rc;

use serde_json::Value;

use super::env::Env;
use crate::ui::store::msg::{FailReason, Msg};
use crate::ui::Shared;
use checklist_core::finding::Finding;

pub(crate) fn post(env: Rc<Env>, sh: Shared, body: String, key: String) {
    let Some(endpoint) = env.endpoint.clone() else {
        // No endpoint: the host handles `checklist-submit` itself.
        sh.dispatch(Msg::Failed(FailReason::Status(0)));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let controller = web_sys::AbortController::new().ok();
        let timed_out = Rc::new(std::cell::Cell::new(false));
        let t2 = timed_out.clone();
        let timer = controller.clone().map(|c| {
            gloo_timers::callback::Timeout::new(env.timeout_ms, move || {
                t2.set(true);
                c.abort()
            })
        });
        // Progress for slow answers: how long the widget has been waiting, once a second.
        let (env2, sh2) = (env.clone(), sh.clone());
        let waited = std::cell::Cell::new(0u32);
        let progress = gloo_timers::callback::Interval::new(1_000, move || {
            waited.set(waited.get() + 1);
            if waited.get() >= 2 && *env2.alive.borrow() {
                sh2.dispatch(Msg::StillSending(waited.get()));
            }
        });
        let mut req = gloo_net::http::Request::post(&endpoint)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", &key)
            .credentials(env.credentials)
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
        for (k, v) in &env.headers {
            req = req.header(k, v);
        }
        let result = match req.body(body) {
            Ok(r) => r.send().await,
            Err(e) => Err(e),
        };
        drop(timer);
        drop(progress);
        let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
        let msg = match result {
            Err(_) if timed_out.get() => Msg::Failed(FailReason::Timeout(env.timeout_ms.div_ceil(1000))),
            Err(_) if offline => Msg::Failed(FailReason::Offline),
            Err(_) => Msg::Failed(FailReason::Network),
            Ok(resp) => {
                let status = resp.status();
                let retry_after = resp.headers().get("retry-after").and_then(|h| retry_after_seconds(&h));
                let text = resp.text().await.unwrap_or_default();
                let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match status {
                    200 | 201 => match json.get("receiptId").and_then(Value::as_str) {
                        Some(r) => Msg::Submitted { receipt: r.to_owned() },
                        None => Msg::Failed(FailReason::Status(status)),
                    },
                    422 => match json.get("findings").map(checklist_core::de::from_value::<Vec<Finding>>) {
                        Some(Ok(f)) if !f.is_empty() => Msg::Rejected(f),
                        _ => Msg::Failed(FailReason::Status(status)),
                    },
                    503 | 429 if retry_after.is_some() => Msg::Failed(FailReason::RetryAfter { status, seconds: retry_after.unwrap_or(0) }),
                    s => Msg::Failed(FailReason::Status(s)),
                }
            }
        };
        if *env.alive.borrow() {
            sh.dispatch(msg);
        }
    });
}

/// `Retry-After` as seconds from now: delta-seconds, or an HTTP date (past dates are 0).
pub(crate) fn retry_after_seconds(h: &str) -> Option<u64> {
    let h = h.trim();
    if let Ok(n) = h.parse::<u64>() {
        return Some(n.min(86_400));
    }
    let at = js_sys::Date::parse(h);
    if at.is_nan() {
        return None;
    }
    Some((((at - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as u64).min(86_400))
}
