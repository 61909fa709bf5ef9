//! What the web layer of one mounted widget keeps: the host element and root, the endpoint and
//! its headers, where drafts go and their timers, the listeners to remove on destroy. And the small
//! helpers every part uses: JavaScript errors, JSON to JavaScript, `CustomEvent`s on the host.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::ui::store::msg::{FailReason, HostEvent};
use crate::ui::store::notice::Notice;
use crate::ui::text::notice;
use checklist_core::finding::{with_messages, Finding};
use checklist_core::locale::Locale;

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum DraftStore {
    Local,
    Session,
    /// The host keeps drafts: `checklist-draft` events out, `mount({draft})` in.
    Host,
    None,
}

pub(crate) struct Env {
    pub(crate) host: HtmlElement,
    pub(crate) root: Element,
    pub(crate) endpoint: Option<String>,
    pub(crate) headers: BTreeMap<String, String>,
    pub(crate) credentials: web_sys::RequestCredentials,
    /// Where drafts go; the user may move them from the session to this computer (local).
    pub(crate) draft: std::cell::Cell<DraftStore>,
    pub(crate) draft_key: String,
    pub(crate) draft_timer: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// How long the last three draft writes took (ms). The cheapest decides between writing now
    /// and debouncing, so one slow write (a garbage collection) does not switch to debouncing.
    pub(crate) draft_cost_ms: std::cell::Cell<[f64; 3]>,
    pub(crate) revalidate_timer: RefCell<Option<gloo_timers::callback::Timeout>>,
    pub(crate) timeout_ms: u32,
    /// Window and document listeners (pagehide, visibilitychange, storage), removed on destroy.
    pub(crate) listeners: RefCell<Vec<Listener>>,
    pub(crate) alive: RefCell<bool>,
}

/// A window or document listener: its target, the event name and the closure, kept to remove it.
pub(crate) type Listener = (web_sys::EventTarget, &'static str, Closure<dyn FnMut(web_sys::Event)>);

pub(crate) fn err(msg: impl Into<String>) -> JsValue {
    js_sys::Error::new(&msg.into()).into()
}

pub(crate) fn to_js(v: &Value) -> JsValue {
    use serde::Serialize;
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

pub(crate) fn findings_js(findings: &[Finding], locale: Locale) -> JsValue {
    to_js(&with_messages(findings, locale))
}

/// Dispatches `event` on the host element (bubbling, composed), findings and messages in `locale`.
pub(crate) fn emit(env: &Env, event: &HostEvent, locale: Locale) {
    use serde_json::json;
    let detail = match event {
        HostEvent::Changed { path, value } => json!({ "path": path, "value": value }),
        HostEvent::Normalised { path, value } => json!({ "path": path, "value": value, "source": "normalize" }),
        HostEvent::Replaced(source) => json!({ "path": "", "source": source }),
        HostEvent::Submit(body) => serde_json::from_str(body).unwrap_or(Value::Null),
        HostEvent::Submitted(receipt) => json!({ "receiptId": receipt }),
        HostEvent::Invalid { source, findings } => json!({ "source": source, "findings": with_messages(findings, locale) }),
        HostEvent::ImportError(findings) => json!({ "kind": "import", "findings": with_messages(findings, locale) }),
        HostEvent::SubmitError(reason) => {
            let status = match reason {
                FailReason::Status(s) | FailReason::RetryAfter { status: s, .. } => Some(*s),
                _ => None,
            };
            json!({ "kind": "submit", "status": status, "message": notice(locale, &Notice::Failed(reason.clone())) })
        }
        HostEvent::DraftError => json!({ "kind": "draft", "message": "draft storage is full or unavailable" }),
        HostEvent::Draft { key, draft } => json!({ "key": key, "draft": draft }),
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(&detail));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = env.host.dispatch_event(&ev);
    }
}
