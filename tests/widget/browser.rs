//! Browser unit tests (wasm-bindgen-test in headless Chromium): the widget mounted through its
//! real `mount` into a shadow root, driven by real DOM events. Run by `make wasm-test`.
#![cfg(target_arch = "wasm32")]

use checklist_widget::web::{mount, Handle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    host: HtmlElement,
    shadow: ShadowRoot,
    handle: Handle,
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("options json")
}

fn mount_with(opts: &str) -> Result<Mounted, JsValue> {
    let doc = web_sys::window().expect("window").document().expect("document");
    let host: HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    doc.body().expect("body").append_child(&host).expect("append");
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init).expect("shadow");
    let root = doc.create_element("div").expect("div");
    shadow.append_child(&root).expect("append");
    // What the loader does: the built-in templates' texts (here all three), fetched from pkg/templates/.
    let builtins: serde_json::Map<String, serde_json::Value> = checklist_core::template::builtin_names()
        .iter()
        .map(|n| ((*n).to_owned(), checklist_core::template::builtin_json(n).expect("built in").into()))
        .collect();
    let handle = mount(host.clone(), root, options(opts), Some(serde_json::Value::Object(builtins).to_string()))?;
    Ok(Mounted { host, shadow, handle })
}

async fn settle() {
    yew::scheduler::flush().await;
}

fn q(root: &ShadowRoot, sel: &str) -> Option<Element> {
    root.query_selector(sel).ok().flatten()
}

fn type_into(root: &ShadowRoot, path: &str, text: &str) {
    let input: HtmlInputElement = q(root, &format!("input[data-path=\"{path}\"]")).expect("input").dyn_into().expect("input element");
    input.set_value(text);
    let ev = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&ev).expect("dispatch");
}

fn blur(root: &ShadowRoot, path: &str) {
    let input: HtmlElement = q(root, &format!("[data-path=\"{path}\"]")).expect("input").dyn_into().expect("el");
    let ev = web_sys::FocusEvent::new("blur").expect("event");
    input.dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn renders_into_the_shadow_root_and_shows_errors_with_aria() {
    let m = mount_with(r#"{"template":"geren","today":"2026-01-15","draftStorage":"none"}"#).expect("mount");
    settle().await;
    assert!(q(&m.shadow, "[data-path=\"/header/idNumber\"]").is_some(), "ID input rendered");
    assert!(m.host.query_selector("input").expect("query").is_none(), "nothing renders outside the shadow root");

    type_into(&m.shadow, "/header/idNumber", "110105197506150037");
    settle().await;
    assert!(q(&m.shadow, "[data-error-for=\"/header/idNumber\"]").is_none(), "a first entry waits for blur");
    blur(&m.shadow, "/header/idNumber");
    settle().await;
    let err = q(&m.shadow, "[data-error-for=\"/header/idNumber\"]").expect("error after blur");
    let input = q(&m.shadow, "input[data-path=\"/header/idNumber\"]").expect("input");
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.split(' ').any(|id| id == err.id()), "aria-describedby names the message");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    // Fixing the value clears the message while typing.
    type_into(&m.shadow, "/header/idNumber", "110105197506150036");
    settle().await;
    assert!(q(&m.shadow, "[data-error-for=\"/header/idNumber\"]").is_none(), "fixed value clears the error");
    let data = m.handle.get_data();
    let id = js_sys::Reflect::get(&js_sys::Reflect::get(&data, &"header".into()).expect("header"), &"idNumber".into()).expect("id");
    assert_eq!(id.as_string().as_deref(), Some("110105197506150036"));
}

#[wasm_bindgen_test]
async fn change_events_reach_the_host_element() {
    let m = mount_with(r#"{"template":"shuzhi","today":"2026-01-20","draftStorage":"none"}"#).expect("mount");
    settle().await;
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let s2 = seen.clone();
    let cb = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        let path = js_sys::Reflect::get(&e.detail(), &"path".into()).ok().and_then(|p| p.as_string()).unwrap_or_default();
        s2.borrow_mut().push(path);
    });
    m.host.add_event_listener_with_callback("checklist-change", cb.as_ref().unchecked_ref()).expect("listen");
    let first = q(&m.shadow, "input[type=text][data-path]").expect("a text input");
    let path = first.get_attribute("data-path").expect("path");
    type_into(&m.shadow, &path, "2025");
    settle().await;
    assert_eq!(seen.borrow().as_slice(), [path.clone()]);
    drop(cb);
}

#[wasm_bindgen_test]
async fn bad_options_are_clear_errors_not_panics() {
    for (opts, needle) in [
        (r#"{}"#, "template"),
        (r#"{"template":"nope"}"#, "unknown template"),
        (r#"{"template":"geren","today":"2026-13-01"}"#, "today"),
        (r#"{"template":"geren","locale":"fr"}"#, "locale"),
        (r#"{"template":"geren","draftStorage":"cloud"}"#, "draftStorage"),
        (r#"{"template":{"id":"x"}}"#, "template is not valid"),
        (r#"{"template":"geren","data":[1,2]}"#, "data"),
        (r#"{"template":"geren","timeoutMs":0}"#, "timeoutMs"),
        (r#"{"template":"geren","timeoutMs":-5}"#, "timeoutMs"),
        (r#"{"template":"geren","headers":5}"#, "headers"),
        (r#"{"template":"geren","config":{"importMaxBytes":"big"}}"#, "importMaxBytes"),
    ] {
        let e = mount_with(opts).err().unwrap_or_else(|| panic!("{opts} should fail"));
        let msg = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        assert!(msg.contains(needle), "{opts}: {msg}");
    }
    // Options that cannot be JSON (here a cycle) are an error too, not a trap.
    let cyclic = options(r#"{"template":"geren"}"#);
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).expect("set");
    let doc = web_sys::window().expect("window").document().expect("document");
    let host: HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    let e = mount(host, doc.create_element("div").expect("div"), cyclic, None).err().expect("a cycle fails");
    let msg = String::from(e.dyn_ref::<js_sys::Error>().expect("an Error").message());
    assert!(msg.contains("cannot be written as JSON"), "{msg}");
    // The module still works after those errors.
    assert!(mount_with(r#"{"template":"tanhua","draftStorage":"none"}"#).is_ok());
}

#[wasm_bindgen_test]
async fn a_bad_import_leaves_the_data_untouched() {
    let m =
        mount_with(r#"{"template":"geren","today":"2026-01-15","draftStorage":"none","data":{"header":{"name":"张三"}}}"#).expect("mount");
    settle().await;
    let before = js_sys::JSON::stringify(&m.handle.get_data()).expect("json");
    for text in ["{", "[]", r#"{"format":"something-else"}"#, ""] {
        let r = m.handle.import_json(text.to_owned());
        assert_eq!(js_sys::Reflect::get(&r, &"ok".into()).expect("ok").as_bool(), Some(false), "{text}");
        settle().await;
        assert_eq!(js_sys::JSON::stringify(&m.handle.get_data()).expect("json"), before, "{text}");
    }
    let notice = q(&m.shadow, "[data-notice]").expect("notice").text_content().unwrap_or_default();
    assert!(notice.contains("导入失败"), "{notice}");
}

#[wasm_bindgen_test]
async fn drafts_survive_a_remount_and_can_be_discarded() {
    let key = format!("ac-test-{}", js_sys::Math::random());
    let opts = format!(r#"{{"template":"tanhua","today":"2025-12-20","draftStorage":"session","draftKey":"{key}"}}"#);
    let mut m = mount_with(&opts).expect("mount");
    settle().await;
    m.handle.set_value("/header/unitName".into(), "\"某某县委\"".into()).expect("setValue");
    m.handle.destroy(); // writes the pending draft
    let m2 = mount_with(&opts).expect("remount");
    settle().await;
    let data = js_sys::JSON::stringify(&m2.handle.get_data()).expect("json").as_string().unwrap_or_default();
    assert!(data.contains("某某县委"), "draft restored: {data}");
    let notice = q(&m2.shadow, "[data-notice]").expect("notice").text_content().unwrap_or_default();
    assert!(notice.contains("已恢复"), "{notice}");
    let discard: HtmlElement = q(&m2.shadow, "[data-action=discard-draft]").expect("discard button").dyn_into().expect("el");
    discard.click();
    settle().await;
    let data = js_sys::JSON::stringify(&m2.handle.get_data()).expect("json").as_string().unwrap_or_default();
    assert!(data.contains("某某县委"), "放弃草稿 asks first: {data}");
    let confirm: HtmlElement =
        q(&m2.shadow, "[data-action=confirm-discard-draft]").expect("the question's 放弃草稿").dyn_into().expect("el");
    confirm.click();
    settle().await;
    let data = js_sys::JSON::stringify(&m2.handle.get_data()).expect("json").as_string().unwrap_or_default();
    assert!(!data.contains("某某县委"), "discarded: {data}");
}

/// A column whose `shownIf` / `requiredIf` points outside its row (`/header/…`, a host template may)
/// follows that field: the rows render again when it changes, though their own data did not.
#[wasm_bindgen_test]
async fn a_row_follows_a_condition_on_a_field_outside_it() {
    let template = r#"{"id":"outside","version":"1.0.0","checklistKind":"geren","regulationVersion":"R17","title":{"zh":"外部条件"},
        "sections":[
          {"id":"header","title":{"zh":"基本信息"},"fields":[{"key":"kind","label":{"zh":"类型"},"type":"enum","options":["甲","乙"]}]},
          {"id":"S1","title":{"zh":"明细"},"tables":[{"id":"rows","title":{"zh":"行"},"columns":[
            {"key":"id","label":{"zh":"编号"},"type":"text"},
            {"key":"name","label":{"zh":"名称"},"type":"text"},
            {"key":"extra","label":{"zh":"补充"},"type":"text","shownIf":{"field":"/header/kind","eq":"乙"},"requiredIf":{"field":"/header/kind","eq":"乙"}}]}]}]}"#;
    let opts = format!(
        r#"{{"template":{template},"today":"2026-01-15","draftStorage":"none","data":{{"header":{{"kind":"甲"}},"S1":{{"rows":[{{"id":"r1","name":"一"}}]}}}}}}"#
    );
    let m = mount_with(&opts).expect("mount");
    settle().await;
    assert!(q(&m.shadow, "[data-path=\"/S1/rows/0/name\"]").is_some(), "the row is shown");
    assert!(q(&m.shadow, "[data-path=\"/S1/rows/0/extra\"]").is_none(), "乙 only");
    let r = m.handle.set_value("/header/kind".into(), "\"乙\"".into()).expect("setValue");
    assert!(js_sys::JSON::stringify(&r).expect("json").as_string().unwrap_or_default().contains("true"), "set");
    settle().await;
    assert!(q(&m.shadow, "[data-path=\"/S1/rows/0/extra\"]").is_some(), "shown once the header says 乙");
    m.handle.set_value("/header/kind".into(), "\"甲\"".into()).expect("setValue");
    settle().await;
    assert!(q(&m.shadow, "[data-path=\"/S1/rows/0/extra\"]").is_none(), "hidden again");
}
