//! The handle a mounted widget returns to JavaScript: `getData`, `setData`, `setValue`, `validate`,
//! `exportJson`, `importJson`, `setLocale`, `destroy`.

use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::drafts::flush_draft;
use super::env::{err, findings_js, to_js, Env};
use super::host::now_stamp;
use crate::ui::store::msg::Msg;
use crate::ui::{App, Shared};
use checklist_core::locale::Locale;
use checklist_core::template;

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct Handle {
    pub(crate) shared: Shared,
    pub(crate) env: Rc<Env>,
    pub(crate) app: Option<yew::AppHandle<App>>,
}

/// `{ok: false, reason, message}`: what `setValue` answers when it refuses a well-typed call.
pub(crate) fn refused(reason: &str, message: String) -> JsValue {
    to_js(&serde_json::json!({ "ok": false, "reason": reason, "message": message }))
}

/// Host values cross as JSON text (the loader's `JSON.stringify`, which refuses cycles and BigInt
/// with a TypeError): serde_json bounds nesting at 128 levels, where walking a deep object with
/// serde-wasm-bindgen would overrun the WebAssembly stack.
pub(crate) fn parse_host_json(method: &str, text: &str) -> Result<Value, JsValue> {
    serde_json::from_str(text).map_err(|e| {
        js_sys::TypeError::new(&format!("accountability-checklist: {method} expected JSON data at most 128 levels deep ({e})")).into()
    })
}

#[wasm_bindgen]
impl Handle {
    /// The record's data.
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> JsValue {
        self.shared.store.try_borrow().map_or(JsValue::NULL, |s| to_js(s.record()))
    }

    /// Replaces the record's data, given as JSON text of an object.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, json: String) -> Result<(), JsValue> {
        let v = parse_host_json("setData(data)", &json)?;
        if !v.is_object() {
            return Err(js_sys::TypeError::new("accountability-checklist: setData(data) expected the data as an object").into());
        }
        if self.shared.store.try_borrow_mut().is_err() {
            return Err(err("setData: called while the widget is busy"));
        }
        self.shared.dispatch(Msg::SetData(v));
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
            if s.read_only() {
                return Ok(refused("read_only", "setValue: the widget is read-only".into()));
            }
            s.validator().template().check_set(s.record(), &path, &v)
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
        if self.shared.store.try_borrow_mut().is_err() {
            return JsValue::NULL;
        }
        // The whole-record pass: the view renders again only when the findings changed.
        self.shared.dispatch(Msg::Revalidate);
        self.shared.store.try_borrow().map_or(JsValue::NULL, |s| findings_js(s.findings(), s.locale()))
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
        let (report, locale) = match self.shared.store.try_borrow() {
            Ok(s) => (s.last_import().cloned(), s.locale()),
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
