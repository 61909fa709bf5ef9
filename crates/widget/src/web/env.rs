//! What the web layer of one mounted widget keeps: the host element and root, the endpoint and
//! its headers, where drafts go and their timers, the listeners to remove on destroy. And the small
//! helpers every part uses: JavaScript errors, JSON to JavaScript, `CustomEvent`s on the host.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use checklist_core::finding::Finding;
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
    to_js(&checklist_core::finding::with_messages(findings, locale))
}

pub(crate) fn emit(env: &Env, name: &str, detail: &Value) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(detail));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = env.host.dispatch_event(&ev);
    }
}
