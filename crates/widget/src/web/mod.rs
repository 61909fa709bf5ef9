//! The browser side: the `mount` function and handle exported to JavaScript, and the effect
//! runner that turns [`Effect`]s into DOM events, HTTP posts, downloads, drafts and focus moves.
//! Only compiled for `wasm32`. Nothing here panics on host input: bad options come back as a
//! thrown JavaScript `Error` with a readable message, storage that is unavailable (private
//! mode, sandboxed frames) simply means no drafts.
//!
//! Personal data never goes to the console, to URLs or to error events: events carry paths and
//! codes; `checklist-change` carries the value because the host page asked for it.

pub(crate) mod clerk;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::ui::store::{DraftKeep, Effect, FailReason, Msg, Store};
use crate::ui::{dom_id, now_stamp, App, AppProps, Shared};
use checklist_core::config::Config;
use checklist_core::date::{shanghai_date_from_unix_ms, Date};
use checklist_core::engine::Validator;
use checklist_core::finding::Finding;
use checklist_core::locale::Locale;
use checklist_core::template;

/// How long a POST may take before the widget gives up waiting (the `timeoutMs` option).
const POST_TIMEOUT_MS: u32 = 30_000;
/// The longest `timeoutMs` a host may set (10 minutes).
const POST_TIMEOUT_MAX_MS: u32 = 600_000;
/// Quiet time before a draft is written, when writing one costs more than
/// [`DRAFT_SYNC_BUDGET_MS`]; cheaper drafts are written at every change, so that a crash or a
/// tab closed without an unload event loses nothing.
const DRAFT_DEBOUNCE_MS: u32 = 400;
/// Drafts are written synchronously while the cheapest of the last three writes took at most this long (ms).
const DRAFT_SYNC_BUDGET_MS: f64 = 4.0;
/// Quiet time before the whole-record pass (cross-row rules) runs after typing.
const REVALIDATE_DEBOUNCE_MS: u32 = 250;

/// Options of [`mount`] (documented in the README).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Options {
    template: Option<Value>,
    data: Option<Value>,
    endpoint: Option<String>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    credentials: Option<String>,
    locale: Option<String>,
    today: Option<String>,
    draft_storage: Option<String>,
    draft_key: Option<String>,
    #[serde(default)]
    read_only: bool,
    timeout_ms: Option<u32>,
    page_size: Option<usize>,
    config: Option<Value>,
    /// `review`: read-only review mode (see `ui::clerk`); `fill` (default).
    mode: Option<String>,
    /// Review mode: the envelope to open (JSON text).
    envelope: Option<String>,
    /// With `draftStorage: "host"`: the draft the host kept (the `draft` of a `checklist-draft`), text or object.
    draft: Option<Value>,
}

#[derive(Clone, Copy, PartialEq)]
enum DraftStore {
    Local,
    Session,
    /// The host keeps drafts: `checklist-draft` events out, `mount({draft})` in.
    Host,
    None,
}

struct Env {
    host: HtmlElement,
    root: Element,
    endpoint: Option<String>,
    headers: BTreeMap<String, String>,
    credentials: web_sys::RequestCredentials,
    /// Where drafts go; the user may move them from the session to this computer (local).
    draft: std::cell::Cell<DraftStore>,
    draft_key: String,
    draft_timer: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// How long the last three draft writes took (ms). The cheapest decides between writing now
    /// and debouncing, so one slow write (a garbage collection) does not switch to debouncing.
    draft_cost_ms: std::cell::Cell<[f64; 3]>,
    revalidate_timer: RefCell<Option<gloo_timers::callback::Timeout>>,
    timeout_ms: u32,
    /// Window and document listeners (pagehide, visibilitychange, storage), removed on destroy.
    listeners: RefCell<Vec<Listener>>,
    alive: RefCell<bool>,
}

/// A window or document listener: its target, the event name and the closure, kept to remove it.
type Listener = (web_sys::EventTarget, &'static str, Closure<dyn FnMut(web_sys::Event)>);

fn err(msg: impl Into<String>) -> JsValue {
    js_sys::Error::new(&msg.into()).into()
}

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct Handle {
    shared: Shared,
    env: Rc<Env>,
    app: Option<yew::AppHandle<App>>,
}

fn to_js(v: &Value) -> JsValue {
    use serde::Serialize;
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn findings_js(findings: &[Finding], locale: Locale) -> JsValue {
    to_js(&checklist_core::finding::with_messages(findings, locale))
}

/// `{ok: false, reason, message}`: what `setValue` answers when it refuses a well-typed call.
fn refused(reason: &str, message: String) -> JsValue {
    to_js(&serde_json::json!({ "ok": false, "reason": reason, "message": message }))
}

/// Host values cross as JSON text (the loader's `JSON.stringify`, which refuses cycles and BigInt
/// with a TypeError): serde_json bounds nesting at 128 levels, where walking a deep object with
/// serde-wasm-bindgen would overrun the WebAssembly stack.
fn parse_host_json(method: &str, text: &str) -> Result<Value, JsValue> {
    serde_json::from_str(text).map_err(|e| {
        js_sys::TypeError::new(&format!("accountability-checklist: {method} expected JSON data at most 128 levels deep ({e})")).into()
    })
}

#[wasm_bindgen]
impl Handle {
    /// The record's data.
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> JsValue {
        self.shared.store.try_borrow().map_or(JsValue::NULL, |s| to_js(&s.record))
    }

    /// Replaces the record's data, given as JSON text of an object.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, json: String) -> Result<(), JsValue> {
        let v = parse_host_json("setData(data)", &json)?;
        if !v.is_object() {
            return Err(js_sys::TypeError::new("accountability-checklist: setData(data) expected the data as an object").into());
        }
        let Ok(mut s) = self.shared.store.try_borrow_mut() else { return Err(err("setData: called while the widget is busy")) };
        s.replace_data(v, Vec::new());
        drop(s);
        self.shared.rerender();
        Ok(())
    }

    /// Sets one value (JSON text) by JSON pointer, as if the user had typed it. Returns `{ok: true}`, or
    /// `{ok: false, reason, message}` and changes nothing when the template defines no such pointer
    /// (`unknown_pointer`), the row does not exist (`no_such_row`), a table or row would lose its shape
    /// (`wrong_shape`) or the widget is read-only (`read_only`).
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&self, path: String, json: String) -> Result<JsValue, JsValue> {
        if !path.starts_with('/') {
            return Err(js_sys::TypeError::new(
                "accountability-checklist: setValue(path, value) expected a JSON pointer such as /header/name as path",
            )
            .into());
        }
        let v = parse_host_json("setValue(path, value)", &json)?;
        let checked = {
            let Ok(s) = self.shared.store.try_borrow() else { return Err(err("setValue: called while the widget is busy")) };
            if s.read_only {
                return Ok(refused("read_only", "setValue: the widget is read-only".into()));
            }
            s.validator.template().check_set(&s.record, &path, &v)
        };
        if let Err(why) = checked {
            let what = match why {
                template::SetRefusal::UnknownPointer => "the template defines nothing at",
                template::SetRefusal::NoSuchRow => "the record has no such row:",
                template::SetRefusal::WrongShape => "a table takes an array of row objects, a row an object:",
            };
            return Ok(refused(why.as_str(), format!("setValue: {what} {path}")));
        }
        let value = if v.is_null() { None } else { Some(v) };
        self.shared.dispatch(Msg::Set { path, value });
        Ok(to_js(&serde_json::json!({ "ok": true })))
    }

    /// Validates everything; returns the findings (each with its `message`).
    pub fn validate(&self) -> JsValue {
        let Ok(mut s) = self.shared.store.try_borrow_mut() else { return JsValue::NULL };
        let changed = s.revalidate();
        let out = findings_js(&s.findings, s.locale);
        drop(s);
        if changed {
            self.shared.rerender();
        }
        out
    }

    /// The export envelope as JSON text.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        self.shared.store.try_borrow().map_or_else(|_| String::new(), |s| s.export_json(now_stamp()))
    }

    /// Imports an envelope; returns `{ ok, findings }`. On any error the data is unchanged.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(&self, text: String) -> JsValue {
        self.shared.dispatch(Msg::Import(text));
        let (report, locale) = match self.shared.store.try_borrow_mut() {
            Ok(mut s) => (s.last_import.take(), s.locale),
            Err(_) => (None, Locale::ZhCn),
        };
        let (ok, findings) = report.map_or((false, Vec::new()), |r| (r.applied, r.findings));
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &"ok".into(), &JsValue::from_bool(ok));
        let _ = js_sys::Reflect::set(&out, &"findings".into(), &findings_js(&findings, locale));
        out.into()
    }

    /// Switches the display language (`zh-CN` or `en`).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, tag: String) -> Result<(), JsValue> {
        let l = Locale::parse(&tag).ok_or_else(|| err(format!("setLocale: unknown locale `{tag}` (zh-CN or en)")))?;
        self.shared.dispatch(Msg::SetLocale(l));
        Ok(())
    }

    /// Unmounts the widget and stops its timers. A pending draft is written first.
    pub fn destroy(&mut self) {
        flush_draft(&self.env, &self.shared);
        *self.env.alive.borrow_mut() = false;
        self.env.draft_timer.borrow_mut().take();
        for (target, name, cb) in self.env.listeners.borrow_mut().drain(..) {
            let _ = target.remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
        }
        self.env.revalidate_timer.borrow_mut().take();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the widget into `root` (normally a `<div>` in `host`'s shadow root); events are
/// dispatched on `host`. Throws a JavaScript `Error` with a readable message on bad options.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: Element, options: JsValue) -> Result<Handle, JsValue> {
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        // The path names the option at fault (`timeoutMs`, `config.dueSoonDays`, …).
        // The loader hands options over as JSON text: one string crossing into WebAssembly and
        // serde_json is several times faster than walking a 1,000-row object through
        // serde-wasm-bindgen. Objects (from Rust tests and direct callers) still work.
        let mut value: Value = match options.as_string() {
            Some(text) => serde_json::from_str(&text).map_err(|e| err(format!("accountability-checklist: bad options: {e}")))?,
            None => serde_wasm_bindgen::from_value(options).map_err(|e| err(format!("accountability-checklist: bad options: {e}")))?,
        };
        // The record is taken out before the typed pass and moved into the store: deserialising
        // it into `Options` rebuilt all of it, and naming a faulty option copies each top-level
        // value (de::from_value), which for a 1,000-row record was most of mount().
        let data = value.as_object_mut().and_then(|o| o.remove("data"));
        let mut opts: Options = checklist_core::de::from_value(value).map_err(|e| {
            if e.path.is_empty() || e.path == "." || e.path == "?" {
                err(format!("accountability-checklist: bad options: {}", e.message))
            } else {
                err(format!("accountability-checklist: bad option `{}`: {}", e.path, e.message))
            }
        })?;
        opts.data = data.filter(|d| !d.is_null());
        opts
    };
    let mut opts = opts;
    let review = match opts.mode.as_deref() {
        None | Some("") | Some("fill") => false,
        Some("review") => true,
        Some(other) => return Err(err(format!("accountability-checklist: `mode` must be fill or review, got `{other}`"))),
    };
    if review {
        // Reviewers change nothing; the template may come from the record itself.
        opts.read_only = true;
        if opts.template.is_none() {
            opts.template = Some(Value::String(
                opts.envelope.as_deref().and_then(crate::ui::clerk::template_of_envelope).unwrap_or_else(|| "geren".into()),
            ));
        }
    }
    let tpl = match &opts.template {
        None => return Err(err("accountability-checklist: option `template` is required (geren, shuzhi, tanhua, or a template object)")),
        Some(Value::String(name)) => template::builtin(name)
            .ok_or_else(|| {
                err(format!("accountability-checklist: unknown template `{name}`; built-in: {}", template::builtin_names().join(", ")))
            })?
            .map_err(|e| err(format!("accountability-checklist: built-in template `{name}`: {e}")))?,
        Some(v) => template::load(&v.to_string()).map_err(|e| err(format!("accountability-checklist: the template is not valid: {e}")))?,
    };
    let config = match &opts.config {
        None => Config::default(),
        Some(v) => Config::from_value(v.clone()).map_err(|e| err(format!("accountability-checklist: bad config: {e}")))?,
    };
    let locale = match &opts.locale {
        None => Locale::ZhCn,
        Some(t) => Locale::parse(t).ok_or_else(|| err(format!("accountability-checklist: unknown locale `{t}` (zh-CN or en)")))?,
    };
    let today = match &opts.today {
        Some(t) if !t.is_empty() => {
            Date::parse(t).map_err(|_| err(format!("accountability-checklist: `today` must be YYYY-MM-DD, got `{t}`")))?
        }
        _ => shanghai_date_from_unix_ms(js_sys::Date::now() as i64)
            .ok_or_else(|| err("accountability-checklist: the clock is out of range"))?,
    };
    let credentials = match opts.credentials.as_deref() {
        None | Some("same-origin") => web_sys::RequestCredentials::SameOrigin,
        Some("include") => web_sys::RequestCredentials::Include,
        Some("omit") => web_sys::RequestCredentials::Omit,
        Some(other) => {
            return Err(err(format!("accountability-checklist: `credentials` must be same-origin, include or omit, got `{other}`")))
        }
    };
    // 个人有关事项 drafts default to the session: closing the browser forgets them.
    let default_draft = if tpl.checklist_kind == template::ChecklistKind::Geren { DraftStore::Session } else { DraftStore::Local };
    let draft = match opts.draft_storage.as_deref() {
        None | Some("") => default_draft,
        Some("local") => DraftStore::Local,
        Some("session") => DraftStore::Session,
        Some("host") => DraftStore::Host,
        Some("none") => DraftStore::None,
        Some(other) => {
            return Err(err(format!("accountability-checklist: `draftStorage` must be local, session, host or none, got `{other}`")))
        }
    };
    if let Some(d) = &opts.data {
        if !d.is_object() {
            return Err(err("accountability-checklist: `data` must be an object"));
        }
    }
    let timeout_ms = match opts.timeout_ms {
        None => POST_TIMEOUT_MS,
        Some(ms) if (1..=POST_TIMEOUT_MAX_MS).contains(&ms) => ms,
        Some(ms) => {
            return Err(err(format!("accountability-checklist: `timeoutMs` must be 1 to {POST_TIMEOUT_MAX_MS} milliseconds, got {ms}")))
        }
    };
    let draft_key = opts.draft_key.clone().unwrap_or_else(|| format!("accountability-checklist:{}", tpl.id));
    let validator = Validator::new(tpl, config).map_err(|e| err(format!("accountability-checklist: {e}")))?;
    let mut store = Store::new(Rc::new(validator), locale, today, opts.data.take(), opts.read_only);
    store.key_source = Rc::new(random_key);
    store.draft_tab = random_key();
    if let Some(n) = opts.page_size {
        store.page_size = n;
    }
    if review {
        store.clerk.review_mode = true;
        if let Some(text) = &opts.envelope {
            store.open_for_review(text, &mut Vec::new());
        }
    }
    let env = Rc::new(Env {
        host,
        root: root.clone(),
        endpoint: opts.endpoint.clone().filter(|e| !e.is_empty()),
        headers: opts.headers,
        credentials,
        draft: std::cell::Cell::new(draft),
        draft_key,
        draft_timer: RefCell::new(None),
        draft_cost_ms: std::cell::Cell::new([0.0; 3]),
        revalidate_timer: RefCell::new(None),
        timeout_ms,
        listeners: RefCell::new(Vec::new()),
        alive: RefCell::new(true),
    });
    // Session drafts may be kept on this computer instead, by the user's choice: a draft found there
    // means they chose so earlier.
    store.draft_choice = draft == DraftStore::Session;
    if store.draft_choice {
        env.draft.set(DraftStore::Local);
        if read_draft(&env).is_none() {
            env.draft.set(DraftStore::Session);
        }
    }
    store.draft_keep = match env.draft.get() {
        // The host keeps host drafts (handed over on every change and on pagehide).
        DraftStore::Local | DraftStore::Host => DraftKeep::Computer,
        DraftStore::Session => DraftKeep::Tab,
        DraftStore::None => DraftKeep::Nowhere,
    };
    let kept = match opts.draft.take() {
        Some(Value::String(text)) => Some(text),
        Some(v) if v.is_object() => Some(v.to_string()),
        _ => None,
    };
    let text = if draft == DraftStore::Host { kept } else { read_draft(&env) };
    let restored = if opts.read_only { None } else { text.and_then(|text| store.restore_draft(&text)) };
    let env2 = env.clone();
    let shared = Shared::new(store, move |sh, fx| run(&env2, sh, fx));
    if let Some(stamp) = restored {
        shared.store.borrow_mut().update(Msg::DraftRestored(stamp));
    }
    if !opts.read_only {
        listen_for_drafts(&env, &shared);
    }
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { shared: shared.clone() }).render();
    Ok(Handle { shared, env, app: Some(app) })
}

/// A pending draft is written when the page is hidden or left (`visibilitychange`, `pagehide`:
/// the last events a closing or discarded tab reliably gets), and another tab's newer draft under
/// the same key (`storage`) is reported as a conflict instead of being overwritten later.
fn listen_for_drafts(env: &Rc<Env>, sh: &Shared) {
    let Some(window) = web_sys::window() else { return };
    let add = |target: web_sys::EventTarget, name: &'static str, f: Box<dyn FnMut(web_sys::Event)>| {
        let cb = Closure::wrap(f);
        if target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref()).is_ok() {
            env.listeners.borrow_mut().push((target, name, cb));
        }
    };
    // Unsent changes that live only in this tab: the browser asks before the page goes.
    let sh2 = sh.clone();
    add(
        window.clone().into(),
        "beforeunload",
        Box::new(move |e: web_sys::Event| {
            if sh2.store.try_borrow().is_ok_and(|s| s.warn_on_leave()) {
                e.prevent_default();
                let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &"unsent".into());
                // kernels before 119 need it
            }
        }),
    );
    if env.draft.get() == DraftStore::None && !sh.store.borrow().draft_choice {
        return;
    }
    for (target, name) in [
        (window.clone().into(), "pagehide"),
        (window.document().map(Into::into).unwrap_or_else(|| window.clone().into()), "visibilitychange"),
    ] {
        let (env2, sh2) = (Rc::downgrade(env), sh.clone());
        add(
            target,
            name,
            Box::new(move |_| {
                if let Some(env) = env2.upgrade() {
                    flush_draft(&env, &sh2);
                }
            }),
        );
    }
    let (env2, sh2) = (Rc::downgrade(env), sh.clone());
    add(
        window.into(),
        "storage",
        Box::new(move |e: web_sys::Event| {
            let Some(env) = env2.upgrade() else { return };
            let key = js_sys::Reflect::get(&e, &"key".into()).ok().and_then(|k| k.as_string());
            if key.as_deref() != Some(env.draft_key.as_str()) || !*env.alive.borrow() {
                return;
            }
            if let Some(text) = js_sys::Reflect::get(&e, &"newValue".into()).ok().and_then(|v| v.as_string()) {
                sh2.dispatch(Msg::DraftConflict(text));
            }
        }),
    );
}

/// A random UUID (version 4) for idempotency keys. `crypto.getRandomValues`, not `crypto.randomUUID`:
/// the latter exists only in secure contexts (HTTPS, localhost) and since Chromium 92, and many
/// portals are plain-HTTP intranet hosts on older kernels (README, Supported browsers).
fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        return format!("k{}-{}", js_sys::Date::now(), js_sys::Math::random());
    }
    uuid_v4(bytes)
}

/// Formats 16 random bytes as an RFC 9562 version-4 UUID (`xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx`).
fn uuid_v4(mut b: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 0x0f)] as char);
    }
    out
}

fn storage(env: &Env) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    match env.draft.get() {
        DraftStore::Local => w.local_storage().ok().flatten(),
        DraftStore::Session => w.session_storage().ok().flatten(),
        DraftStore::Host | DraftStore::None => None,
    }
}

fn read_draft(env: &Env) -> Option<String> {
    storage(env)?.get_item(&env.draft_key).ok().flatten()
}

fn flush_draft(env: &Env, sh: &Shared) {
    if env.draft_timer.borrow_mut().take().is_some() {
        write_draft(env, sh);
    }
}

/// `checklist-draft` `{key, draft}`: the host keeps it (`draft` is JSON text; null: delete the kept one).
fn hand_draft_to_host(env: &Env, sh: &Shared) {
    let Ok(s) = sh.store.try_borrow() else { return };
    if s.read_only {
        return;
    }
    let text = s.draft_json(&now_stamp());
    drop(s);
    emit(env, "checklist-draft", &serde_json::json!({ "key": env.draft_key, "draft": text }));
    if let Ok(mut s) = sh.store.try_borrow_mut() {
        s.draft_written();
    }
}

fn write_draft(env: &Env, sh: &Shared) {
    if env.draft.get() == DraftStore::Host {
        return hand_draft_to_host(env, sh);
    }
    let Some(st) = storage(env) else { return };
    let started = js_sys::Date::now();
    let stored = st.get_item(&env.draft_key).ok().flatten();
    let Ok(s) = sh.store.try_borrow() else { return };
    if s.read_only {
        return;
    }
    if !s.may_write_draft(stored.as_deref()) {
        // Another tab wrote a newer draft: never overwrite it silently; the user chooses.
        let report = s.draft_conflict.is_none();
        drop(s);
        if let (true, Some(text)) = (report, stored) {
            sh.dispatch(Msg::DraftConflict(text));
        }
        return;
    }
    let text = s.draft_json(&now_stamp());
    drop(s);
    if st.set_item(&env.draft_key, &text).is_err() {
        emit(env, "checklist-error", &serde_json::json!({ "kind": "draft", "message": "draft storage is full or unavailable" }));
    } else if let Ok(mut s) = sh.store.try_borrow_mut() {
        s.draft_written();
    }
    let [_, b, c] = env.draft_cost_ms.get();
    env.draft_cost_ms.set([b, c, js_sys::Date::now() - started]);
}

fn emit(env: &Env, name: &str, detail: &Value) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(detail));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = env.host.dispatch_event(&ev);
    }
}

fn run(env: &Rc<Env>, sh: &Shared, fx: Vec<Effect>) {
    for e in fx {
        match e {
            Effect::Emit { name, mut detail } => {
                // checklist-invalid and checklist-error carry findings: each gets its messages, as validate() gives them.
                if let Some(Value::Array(items)) = detail.get_mut("findings") {
                    let locale = sh.store.try_borrow().map_or(Locale::ZhCn, |s| s.locale);
                    for item in items.iter_mut() {
                        if let Ok(f) = serde_json::from_value::<Finding>(item.clone()) {
                            *item = f.to_json_with_messages(locale);
                        }
                    }
                }
                emit(env, name, &detail)
            }
            Effect::Post { body, key } => post(env.clone(), sh.clone(), body, key),
            Effect::Download { name, text } => download(&env.root, &name, &text),
            Effect::PickFile => {
                if let Ok(Some(el)) = env.root.query_selector("input[data-action=import-file]") {
                    if let Ok(input) = el.dyn_into::<HtmlElement>() {
                        input.click();
                    }
                }
            }
            Effect::Focus(path) => focus_later(env.root.clone(), Ok(path)),
            Effect::FocusSummary => focus_later(env.root.clone(), Err("[data-summary]")),
            Effect::FocusOutcome => focus_later(env.root.clone(), Err("[data-outcome]")),
            Effect::SaveDraft => {
                // Host drafts are always debounced: each one may be a request to the portal's server.
                if !matches!(env.draft.get(), DraftStore::None | DraftStore::Host)
                    && env.draft_cost_ms.get().iter().copied().fold(f64::INFINITY, f64::min) <= DRAFT_SYNC_BUDGET_MS
                {
                    // Cheap enough to write at every change: nothing typed waits in memory.
                    env.draft_timer.borrow_mut().take();
                    write_draft(env, sh);
                } else if env.draft.get() != DraftStore::None {
                    let (env2, sh2) = (env.clone(), sh.clone());
                    let t = gloo_timers::callback::Timeout::new(DRAFT_DEBOUNCE_MS, move || {
                        env2.draft_timer.borrow_mut().take();
                        if *env2.alive.borrow() {
                            write_draft(&env2, &sh2);
                        }
                    });
                    *env.draft_timer.borrow_mut() = Some(t);
                }
            }
            Effect::KeepDraftOnComputer(on) => {
                if let Some(st) = storage(env) {
                    let _ = st.remove_item(&env.draft_key);
                }
                env.draft.set(if on { DraftStore::Local } else { DraftStore::Session });
                env.draft_timer.borrow_mut().take();
                write_draft(env, sh);
            }
            Effect::ClearDraft => {
                env.draft_timer.borrow_mut().take();
                if env.draft.get() == DraftStore::Host {
                    emit(env, "checklist-draft", &serde_json::json!({ "key": env.draft_key, "draft": Value::Null }));
                }
                if let Some(st) = storage(env) {
                    let _ = st.remove_item(&env.draft_key);
                }
            }
            Effect::Clerk(e) => clerk::run(env, e),
            Effect::ScheduleRevalidate => {
                let (env2, sh2) = (env.clone(), sh.clone());
                let t = gloo_timers::callback::Timeout::new(REVALIDATE_DEBOUNCE_MS, move || {
                    env2.revalidate_timer.borrow_mut().take();
                    if *env2.alive.borrow() {
                        sh2.dispatch(Msg::Revalidate);
                    }
                });
                *env.revalidate_timer.borrow_mut() = Some(t);
            }
        }
    }
}

/// Focuses the element of `path` (or its nearest ancestor that has one) after the next render;
/// `Err(selector)` focuses the element it selects (the error summary, the submit outcome).
fn focus_later(root: Element, path: Result<String, &'static str>) {
    focus_after(root, path, 0);
}

/// A memoised row renders in a later task than the shell: the exact element is looked for a few
/// frames before an ancestor stands in for it.
fn focus_after(root: Element, path: Result<String, &'static str>, tries: u32) {
    gloo_timers::callback::Timeout::new(if tries == 0 { 0 } else { 16 }, move || {
        if let Ok(p) = &path {
            let id = dom_id(p);
            let exact = root.query_selector(&format!("[id=\"{id}\"], [id=\"{id}.h\"]")).ok().flatten().is_some();
            if !exact && tries < 5 && !p.is_empty() {
                return focus_after(root, path, tries + 1);
            }
        }
        let target = match &path {
            Err(selector) => root.query_selector(selector).ok().flatten(),
            Ok(p) if p.is_empty() => root.query_selector("[data-review] h2, .ac-title").ok().flatten(),
            Ok(p) => {
                let mut cur = p.as_str();
                let mut found = None;
                loop {
                    let id = dom_id(cur);
                    let by_id = root.query_selector(&format!("[id=\"{id}\"]")).ok().flatten();
                    let by_head = root.query_selector(&format!("[id=\"{id}.h\"]")).ok().flatten();
                    if let Some(el) = by_id.or(by_head) {
                        found = Some(el);
                        break;
                    }
                    match cur.rfind('/') {
                        Some(0) | None => break,
                        Some(i) => cur = &cur[..i],
                    }
                }
                found
            }
        };
        if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            // A radio group or checkbox group: focus its first input.
            let el = if el.tag_name() == "FIELDSET" {
                el.query_selector("input, select, textarea").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()).unwrap_or(el)
            } else {
                el
            };
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
        }
    })
    .forget();
}

fn download(root: &Element, name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = doc.create_element("a").and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().map_err(JsValue::from)) {
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        let _ = root.append_child(&a);
        a.click();
        a.remove();
    }
    let u = url.clone();
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&u);
    })
    .forget();
}

/// Reads the file chosen in the import input and imports it.
pub(crate) fn read_import(sh: &Shared, e: yew::Event) {
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let max = sh.store.borrow().validator.config().import_max_bytes as f64;
    if file.size() > max {
        sh.dispatch(Msg::ImportTooLarge(file.size() as u64));
        return;
    }
    let sh = sh.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        match gloo_file::futures::read_as_text(&blob).await {
            Ok(text) => sh.dispatch(Msg::Import(text)),
            Err(_) => sh.dispatch(Msg::Import(String::new())),
        }
    });
}

fn post(env: Rc<Env>, sh: Shared, body: String, key: String) {
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
                    422 => match json.get("findings").cloned().map(serde_json::from_value::<Vec<Finding>>) {
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
fn retry_after_seconds(h: &str) -> Option<u64> {
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
