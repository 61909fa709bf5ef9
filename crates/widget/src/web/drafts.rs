//! Drafts in the browser: Web Storage (local or session) or handed to the host (`checklist-draft`),
//! written at every change while that is cheap, else debounced and flushed when the page is hidden
//! or left; another tab's newer draft is reported, never overwritten.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::env::{emit, DraftStore, Env};
use super::host::now_stamp;
use crate::ui::store::msg::{HostEvent, Msg};
use crate::ui::Shared;
use checklist_core::locale::Locale;

/// Quiet time before a draft is written, when writing one costs more than
/// [`DRAFT_SYNC_BUDGET_MS`]; cheaper drafts are written at every change, so that a crash or a
/// tab closed without an unload event loses nothing.
pub(crate) const DRAFT_DEBOUNCE_MS: u32 = 400;

/// Drafts are written synchronously while the cheapest of the last three writes took at most this long (ms).
pub(crate) const DRAFT_SYNC_BUDGET_MS: f64 = 4.0;

/// A pending draft is written when the page is hidden or left (`visibilitychange`, `pagehide`:
/// the last events a closing or discarded tab reliably gets), and another tab's newer draft under
/// the same key (`storage`) is reported as a conflict instead of being overwritten later.
pub(crate) fn listen_for_drafts(env: &Rc<Env>, sh: &Shared) {
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
    if env.draft.get() == DraftStore::None && !sh.store.borrow().draft_choice() {
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

pub(crate) fn storage(env: &Env) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    match env.draft.get() {
        DraftStore::Local => w.local_storage().ok().flatten(),
        DraftStore::Session => w.session_storage().ok().flatten(),
        DraftStore::Host | DraftStore::None => None,
    }
}

pub(crate) fn read_draft(env: &Env) -> Option<String> {
    storage(env)?.get_item(&env.draft_key).ok().flatten()
}

pub(crate) fn flush_draft(env: &Env, sh: &Shared) {
    if env.draft_timer.borrow_mut().take().is_some() {
        write_draft(env, sh);
    }
}

/// `checklist-draft` `{key, draft}`: the host keeps it (`draft` is JSON text; null: delete the kept one).
pub(crate) fn hand_draft_to_host(env: &Env, sh: &Shared) {
    let Ok(s) = sh.store.try_borrow() else { return };
    if s.read_only() {
        return;
    }
    let text = s.draft_json(&now_stamp());
    drop(s);
    emit(env, &HostEvent::Draft { key: env.draft_key.clone(), draft: Some(text) }, Locale::ZhCn);
    if let Ok(mut s) = sh.store.try_borrow_mut() {
        s.draft_written();
    }
}

pub(crate) fn write_draft(env: &Env, sh: &Shared) {
    if env.draft.get() == DraftStore::Host {
        return hand_draft_to_host(env, sh);
    }
    let Some(st) = storage(env) else { return };
    let started = js_sys::Date::now();
    let stored = st.get_item(&env.draft_key).ok().flatten();
    let Ok(s) = sh.store.try_borrow() else { return };
    if s.read_only() {
        return;
    }
    if !s.may_write_draft(stored.as_deref()) {
        // Another tab wrote a newer draft: never overwrite it silently; the user chooses.
        let report = !s.draft_conflict();
        drop(s);
        if let (true, Some(text)) = (report, stored) {
            sh.dispatch(Msg::DraftConflict(text));
        }
        return;
    }
    let text = s.draft_json(&now_stamp());
    drop(s);
    if st.set_item(&env.draft_key, &text).is_err() {
        emit(env, &HostEvent::DraftError, Locale::ZhCn);
    } else if let Ok(mut s) = sh.store.try_borrow_mut() {
        s.draft_written();
    }
    let [_, b, c] = env.draft_cost_ms.get();
    env.draft_cost_ms.set([b, c, js_sys::Date::now() - started]);
}
