//! The smallest module with the domain core's entry points a filler page calls and a minimal Yew view
//! (see Cargo.toml). Never shipped: `make size-floor` only measures it. Nothing here is a test: the functions
//! only have to link the code a filler page runs.
use wasm_bindgen::prelude::*;

/// Reads a template, validates a record against it and returns the findings with both languages' messages,
/// as `validate()` and the widget's events do.
#[cfg(feature = "core")]
#[wasm_bindgen]
pub fn validate(template: &str, record: &str) -> String {
    use checklist_core::{config::Config, date, engine::Validator, finding, intake, locale::Locale, template};
    let Ok(t) = template::load(template) else { return "template".into() };
    let Ok(v) = Validator::new(t, Config::default()) else { return "validator".into() };
    let Ok(r) = serde_json::from_str::<serde_json::Value>(record) else { return "record".into() };
    // Today in Asia/Shanghai by the browser's clock, as the widget takes it.
    let now = date::shanghai_datetime_from_unix_ms(js_sys::Date::now() as i64).unwrap_or_default();
    let Some(d) = date::date_of_stamp(&now) else { return "date".into() };
    let report = intake::validate(&v, &r, &[], d, None);
    finding::with_messages(&report.findings, Locale::ZhCn).to_string()
}

/// Imports an exported record (size, version, digest and template checks), normalises its data and writes
/// it out again, as the widget's 导入 and 导出 do.
#[cfg(feature = "core")]
#[wasm_bindgen]
pub fn reimport(text: &str, template: &str) -> String {
    use checklist_core::{config::Config, envelope, finding, locale::Locale, normalize, template};
    let t = template::load(template).ok();
    let imported = envelope::import(text, t.as_ref(), &Config::default());
    if let (Some(t), Some(env)) = (t.as_ref(), imported.envelope.as_ref()) {
        let mut data = env.data.clone();
        normalize::record(t, &mut data);
        return envelope::to_json(env) + &data.to_string();
    }
    finding::with_messages(&imported.findings, Locale::En).to_string()
}

#[cfg(feature = "ui")]
mod view {
    use yew::prelude::*;

    #[function_component]
    pub fn App() -> Html {
        let text = use_state(String::new);
        let oninput = {
            let text = text.clone();
            Callback::from(move |e: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                text.set(area.value());
            })
        };
        #[cfg(feature = "core")]
        let out = super::validate("{}", &text) + &super::reimport(&text, "{}");
        #[cfg(not(feature = "core"))]
        let out = (*text).clone();
        html! { <form><label for="r">{"记录"}</label><textarea id="r" {oninput}/><output for="r">{out}</output></form> }
    }
}

/// Mounts the view into `root`.
#[cfg(feature = "ui")]
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<view::App>::with_root(root).render();
}
