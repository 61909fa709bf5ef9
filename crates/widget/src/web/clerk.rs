//! The browser side of `ui::clerk`: the file pickers of 复制上年数据, 载入谈话记录 and review
//! mode, and printing (the host is marked so that `checklist-print.css` prints only the widget,
//! then `window.print()`).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::Env;
use crate::ui::clerk::{ClerkEffect, ClerkMsg, FilePurpose};
use crate::ui::store::Msg;
use crate::ui::Shared;

/// Attribute on the host element and on `<html>` while the print view is shown.
const PRINTING_ATTR: &str = "data-ac-printing";

pub(super) fn run(env: &Env, e: ClerkEffect) {
    match e {
        ClerkEffect::PickFile(p) => {
            let sel = format!("input[data-file=\"{}\"]", p.as_str());
            if let Ok(Some(el)) = env.root.query_selector(&sel) {
                if let Ok(input) = el.dyn_into::<HtmlElement>() {
                    input.click();
                }
            }
        }
        ClerkEffect::Print => {
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
        ClerkEffect::EndPrint => {
            let _ = env.host.remove_attribute(PRINTING_ATTR);
            if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = html.remove_attribute(PRINTING_ATTR);
            }
        }
    }
}

/// Reads the file chosen in the `data-file` input of `purpose` and hands its text to the store.
pub(crate) fn read_file(sh: &Shared, e: yew::Event, purpose: FilePurpose) {
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let max = sh.store.try_borrow().map(|s| s.validator.config().import_max_bytes as f64).unwrap_or(0.0);
    if file.size() > max {
        sh.dispatch(Msg::Clerk(ClerkMsg::TooLarge(purpose, file.size() as u64)));
        return;
    }
    let sh = sh.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        let text = gloo_file::futures::read_as_text(&blob).await.unwrap_or_default();
        sh.dispatch(Msg::Clerk(ClerkMsg::File(purpose, text)));
    });
}
