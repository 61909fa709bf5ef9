//! `mount`: options → store, the web layer's environment, the restored draft, and the rendered view.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use super::drafts::{listen_for_drafts, read_draft};
use super::effects::run;
use super::env::{err, DraftStore, Env};
use super::handle::Handle;
use super::host::{random_key, HOST};
use super::options::{Options, POST_TIMEOUT_MAX_MS, POST_TIMEOUT_MS};
use crate::ui::builtins::Builtins;
use crate::ui::store::msg::{FilePurpose, Msg};
use crate::ui::store::review::template_of_envelope;
use crate::ui::store::state::{DraftKeep, Setup, Store};
use crate::ui::{App, AppProps, Shared};
use checklist_core::config::Config;
use checklist_core::date::{shanghai_date_from_unix_ms, Date};
use checklist_core::engine::Validator;
use checklist_core::locale::Locale;
use checklist_core::template;

/// Mounts the widget into `root` (normally a `<div>` in `host`'s shadow root); events are
/// dispatched on `host`. Throws a JavaScript `Error` with a readable message on bad options.
/// `builtins` is the JSON text of the built-in templates the loader fetched (name → template text):
/// the module carries none, so a built-in `template` (or review mode) needs the one it names.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: Element, options: JsValue, builtins: Option<String>) -> Result<Handle, JsValue> {
    let builtins = match builtins {
        None => Builtins::default(),
        Some(text) => Builtins::from_json(&text).map_err(|e| err(format!("accountability-checklist: bad built-in templates: {e}")))?,
    };
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        // The path names the option at fault (`timeoutMs`, `config.dueSoonDays`, …).
        // The loader hands options over as JSON text: one string crossing into WebAssembly and
        // serde_json is several times faster than walking a 1,000-row object through
        // serde-wasm-bindgen. Objects (from Rust tests and direct callers) still work: they are
        // made JSON text here, so that one reader (serde_json's) sees every option.
        let text = match options.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).ok_or_else(|| {
                err("accountability-checklist: bad options: they cannot be written as JSON (a cycle, or a BigInt)".to_owned())
            })?,
        };
        let mut value: Value = serde_json::from_str(&text).map_err(|e| err(format!("accountability-checklist: bad options: {e}")))?;
        // The record is taken out before the typed pass and moved into the store: deserialising
        // it into `Options` rebuilt all of it, and naming a faulty option copies each top-level
        // value (de::from_value), which for a 1,000-row record was most of mount().
        let data = value.as_object_mut().and_then(|o| o.remove("data"));
        let mut opts: Options = checklist_core::de::from_value(&value).map_err(|e| {
            if e.path == "." {
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
            opts.template = Some(Value::String(opts.envelope.as_deref().and_then(template_of_envelope).unwrap_or_else(|| "geren".into())));
        }
    }
    let tpl = match &opts.template {
        None => return Err(err("accountability-checklist: option `template` is required (geren, shuzhi, tanhua, or a template object)")),
        Some(Value::String(name)) => match builtins.get(name) {
            Some(t) => t.map_err(|e| err(format!("accountability-checklist: built-in template `{name}`: {e}")))?,
            None if template::builtin_kind(name).is_some() => {
                return Err(err(format!(
                    "accountability-checklist: the built-in template `{name}` was not loaded (mount through checklist.js, which fetches it)"
                )))
            }
            None => {
                return Err(err(format!(
                    "accountability-checklist: unknown template `{name}`; built-in: {}",
                    template::builtin_names().join(", ")
                )))
            }
        },
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
    let draft_choice = draft == DraftStore::Session;
    if draft_choice {
        env.draft.set(DraftStore::Local);
        if read_draft(&env).is_none() {
            env.draft.set(DraftStore::Session);
        }
    }
    let draft_keep = match env.draft.get() {
        // The host keeps host drafts (handed over on every change and on pagehide).
        DraftStore::Local | DraftStore::Host => DraftKeep::Computer,
        DraftStore::Session => DraftKeep::Tab,
        DraftStore::None => DraftKeep::Nowhere,
    };
    let mut store = Store::new(Rc::new(validator), locale, today, opts.data.take(), opts.read_only);
    store.configure(Setup {
        clock: HOST.now,
        key_source: random_key,
        draft_tab: random_key(),
        page_size: opts.page_size,
        review,
        draft_keep,
        draft_choice,
        builtins,
    });
    // Messages of the mount itself go through `update` before the view exists: their effects (focus,
    // a draft save) are not performed.
    if let (true, Some(text)) = (review, opts.envelope.take()) {
        store.update(Msg::FileRead(FilePurpose::Review, text));
    }
    let kept = match opts.draft.take() {
        Some(Value::String(text)) => Some(text),
        Some(v) if v.is_object() => Some(v.to_string()),
        _ => None,
    };
    let text = if draft == DraftStore::Host { kept } else { read_draft(&env) };
    if let (false, Some(text)) = (opts.read_only, text) {
        store.update(Msg::RestoreDraft(text));
    }
    let env2 = env.clone();
    let shared = Shared::new(store, HOST, move |sh, fx| run(&env2, sh, fx));
    if !opts.read_only {
        listen_for_drafts(&env, &shared);
    }
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { shared: shared.clone() }).render();
    Ok(Handle { shared, env, app: Some(app) })
}
