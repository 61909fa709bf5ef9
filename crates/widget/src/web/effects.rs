//! The effect runner: each `Effect` of an update performed in the browser (events on the host,
//! the POST, drafts, downloads, file pickers, printing, focus after the next render).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::drafts::{storage, write_draft, DRAFT_DEBOUNCE_MS, DRAFT_SYNC_BUDGET_MS};
use super::env::{emit, DraftStore, Env};
use super::post::post;
use crate::ui::dom_id;
use crate::ui::store::msg::{Effect, FilePurpose, HostEvent, Msg};
use crate::ui::Shared;
use checklist_core::locale::Locale;

/// Quiet time before the whole-record pass (cross-row rules) runs after typing.
pub(crate) const REVALIDATE_DEBOUNCE_MS: u32 = 250;

pub(crate) fn run(env: &Rc<Env>, sh: &Shared, fx: Vec<Effect>) {
    for e in fx {
        match e {
            Effect::Emit(event) => emit(env, &event, sh.store.try_borrow().map_or(Locale::ZhCn, |s| s.locale())),
            Effect::Post { body, key } => post(env.clone(), sh.clone(), body, key),
            Effect::Download { name, text } => download(&env.root, &name, &text),
            Effect::PickFile(purpose) => {
                let sel = match purpose {
                    FilePurpose::Import => String::from("input[data-action=import-file]"),
                    p => format!("input[data-file=\"{}\"]", p.as_str()),
                };
                if let Ok(Some(el)) = env.root.query_selector(&sel) {
                    if let Ok(input) = el.dyn_into::<HtmlElement>() {
                        input.click();
                    }
                }
            }
            Effect::Focus(path) => focus_later(env.root.clone(), Ok(path)),
            Effect::FocusSummary => focus_later(env.root.clone(), Err("[data-summary]")),
            Effect::FocusSummaryLink(i) => focus_summary_link(env.root.clone(), i),
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
                    emit(env, &HostEvent::Draft { key: env.draft_key.clone(), draft: None }, Locale::ZhCn);
                }
                if let Some(st) = storage(env) {
                    let _ = st.remove_item(&env.draft_key);
                }
            }
            Effect::Print => print(env),
            Effect::EndPrint => end_print(env),
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
pub(crate) fn focus_later(root: Element, path: Result<String, &'static str>) {
    focus_after(root, path, 0);
}

/// After the next render: the error summary's link `i` (its last if there are fewer), or 提交 when the
/// summary is gone, so that ticking a summary entry's 已核实 box never leaves focus on `<body>`.
fn focus_summary_link(root: Element, i: usize) {
    gloo_timers::callback::Timeout::new(0, move || {
        let links = root.query_selector_all("[data-summary] a[data-target]").ok();
        let n = links.as_ref().map_or(0, |l| l.length());
        let target = match links {
            Some(l) if n > 0 => l.item((i as u32).min(n - 1)),
            _ => root.query_selector("[data-action=\"submit\"]").ok().flatten().map(Into::into),
        };
        if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    })
    .forget();
}

/// A memoised row renders in a later task than the shell: the exact element is looked for a few
/// frames before an ancestor stands in for it.
pub(crate) fn focus_after(root: Element, path: Result<String, &'static str>, tries: u32) {
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
            // Centred: the label above the field and its message below it stay in view (aligned to the
            // bottom edge, as before, the message was under the fold for every link of the summary).
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    })
    .forget();
}

pub(crate) fn download(root: &Element, name: &str, text: &str) {
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

/// Attribute on the host element and on `<html>` while the print view is shown.
pub(crate) const PRINTING_ATTR: &str = "data-ac-printing";

/// Marks the host for printing, then calls `window.print()` once the print view is rendered.
fn print(env: &Env) {
    let _ = env.host.set_attribute(PRINTING_ATTR, "");
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute(PRINTING_ATTR, "");
    }
    // After the print view has rendered.
    gloo_timers::callback::Timeout::new(50, || {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
    .forget();
}

/// Removes the print marks.
fn end_print(env: &Env) {
    let _ = env.host.remove_attribute(PRINTING_ATTR);
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.remove_attribute(PRINTING_ATTR);
    }
}
