//! Country fields (issue 14, item 5): typed and shown by name, stored by ISO code. The input is a
//! combobox (role, aria-expanded, its error referenced by aria-describedby); leaving it stores the
//! code of a name typed in either language; unknown text stays as typed, with an error that says
//! what to type.

use crate::common::{fixture, render, shared, today};
use checklist_core::Locale;
use checklist_widget::ui::store::country::ComboKey;
use checklist_widget::ui::store::msg::Msg;
use checklist_widget::ui::{dom_id, Shared};
use serde_json::{json, Value};

const NATIONALITY: &str = "/family/members/0/nationality";
const DESTINATIONS: &str = "/C02/trips/0/destinations";

fn geren(locale: Locale) -> Shared {
    shared("geren", Some(fixture("geren")), today("geren"), locale, false)
}

/// The `<input …>` tag whose `data-path` is `path`.
fn input_of(html: &str, path: &str) -> String {
    let tag = html.split("<input").find(|t| t.contains(&format!("data-path=\"{path}\""))).expect("the input");
    tag[..tag.find('>').expect("tag end")].to_owned()
}

fn stored(sh: &Shared, path: &str) -> Value {
    sh.store.borrow().record().pointer(path).cloned().unwrap_or(Value::Null)
}

fn type_and_leave(sh: &Shared, path: &str, raw: &str) {
    sh.dispatch(Msg::Input { path: path.into(), raw: raw.into() });
    sh.dispatch(Msg::Touch(path.into()));
}

#[tokio::test]
async fn stored_codes_show_as_names_in_a_combobox() {
    let html = render(&geren(Locale::ZhCn)).await;
    let input = input_of(&html, NATIONALITY);
    assert!(input.contains("value=\"中国\""), "{input}");
    assert!(input.contains("role=\"combobox\"") && input.contains("aria-expanded=\"false\""), "{input}");
    assert!(input.contains("aria-autocomplete=\"list\""), "{input}");
    assert!(input_of(&html, DESTINATIONS).contains("value=\"日本\""));
    assert!(!html.contains("role=\"listbox\""), "no list before anything is typed");
    let html = render(&geren(Locale::En)).await;
    assert!(input_of(&html, NATIONALITY).contains("value=\"China\""));
}

#[tokio::test]
async fn a_name_typed_is_stored_by_its_code_and_shown_by_name() {
    let sh = geren(Locale::ZhCn);
    for (typed, code, name) in
        [("美国", "US", "美国"), ("香港特别行政区", "HK", "中国香港"), ("japan", "JP", "日本"), ("ｃｎ", "CN", "中国")]
    {
        type_and_leave(&sh, NATIONALITY, typed);
        assert_eq!(stored(&sh, NATIONALITY), json!(code), "{typed}");
        let html = render(&sh).await;
        let input = input_of(&html, NATIONALITY);
        assert!(input.contains(&format!("value=\"{name}\"")), "{typed}: {input}");
        assert!(!html.contains(&format!("data-error-for=\"{NATIONALITY}\"")), "{typed}: no error");
        assert!(!html.contains("规范为") && !html.contains(&format!("“{code}”")), "no notice shows the code");
    }
    type_and_leave(&sh, DESTINATIONS, "美国、日本，United Kingdom");
    assert_eq!(stored(&sh, DESTINATIONS), json!(["US", "JP", "GB"]));
    assert!(input_of(&render(&sh).await, DESTINATIONS).contains("value=\"美国、日本、英国\""));
}

#[tokio::test]
async fn unknown_text_stays_as_typed_with_an_error_that_says_what_to_type() {
    let sh = geren(Locale::ZhCn);
    type_and_leave(&sh, NATIONALITY, "火星");
    assert_eq!(stored(&sh, NATIONALITY), json!("火星"), "never lost");
    let html = render(&sh).await;
    let input = input_of(&html, NATIONALITY);
    assert!(input.contains("value=\"火星\"") && input.contains("aria-invalid=\"true\""), "{input}");
    let err = format!("{}.err", dom_id(NATIONALITY));
    assert!(input.contains(&format!("aria-describedby=\"{err}\"")), "{input}");
    let line = html.split(&format!("data-error-for=\"{NATIONALITY}\"")).nth(1).expect("the error line");
    let line = &line[line.find('>').expect("tag end") + 1..line.find('<').expect("end")];
    assert!(line.contains("请从列表中选择国家（地区），如“美国”"), "{line}");

    type_and_leave(&sh, DESTINATIONS, "美国、火星");
    assert_eq!(stored(&sh, DESTINATIONS), json!(["US", "火星"]), "known names coded, the unknown kept");
    assert!(input_of(&render(&sh).await, DESTINATIONS).contains("value=\"美国、火星\""));
}

#[tokio::test]
async fn typing_opens_a_list_that_the_keys_move_through_and_pick_from() {
    let sh = geren(Locale::ZhCn);
    sh.dispatch(Msg::Input { path: NATIONALITY.into(), raw: "美".into() });
    let html = render(&sh).await;
    let input = input_of(&html, NATIONALITY);
    let list = format!("{}:list", dom_id(NATIONALITY));
    assert!(input.contains("value=\"美\"") && input.contains("aria-expanded=\"true\""), "{input}");
    assert!(input.contains(&format!("aria-controls=\"{list}\"")) && !input.contains("aria-activedescendant"), "{input}");
    let listbox = html.split(&format!("id=\"{list}\"")).nth(1).expect("the list");
    assert!(html.contains("role=\"listbox\""), "a listbox");
    let first_option = &listbox[listbox.find("<li").expect("an option")..];
    assert!(first_option[..first_option.find("</li>").expect("end")].ends_with(">美国"), "美国 first: {first_option}");
    let options = html.matches("role=\"option\"").count();
    assert!((4..=8).contains(&options), "美国, 美属萨摩亚 …, 亚美尼亚 …: {options}");

    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Down));
    let html = render(&sh).await;
    let first = format!("{}:0", dom_id(NATIONALITY));
    assert!(input_of(&html, NATIONALITY).contains(&format!("aria-activedescendant=\"{first}\"")));
    assert_eq!(html.matches("aria-selected=\"true\"").count(), 1, "one option chosen");

    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Close));
    let html = render(&sh).await;
    assert!(!html.contains("role=\"listbox\"") && input_of(&html, NATIONALITY).contains("value=\"美\""), "Esc closes, the text stays");

    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Down));
    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Pick(0)));
    assert_eq!(stored(&sh, NATIONALITY), json!("US"));
    let html = render(&sh).await;
    assert!(input_of(&html, NATIONALITY).contains("value=\"美国\"") && !html.contains("role=\"listbox\""));
}

/// ↓ in a filled country field not typed in opens the list of its text's matches, as the ARIA
/// combobox pattern has it, on the first of them; Esc closes it and the stored code is unchanged.
#[tokio::test]
async fn arrow_down_in_an_untouched_filled_field_opens_its_list() {
    let sh = geren(Locale::ZhCn);
    let html = render(&sh).await;
    assert!(input_of(&html, NATIONALITY).contains("value=\"中国\"") && !html.contains("role=\"listbox\""));
    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Down));
    let html = render(&sh).await;
    let input = input_of(&html, NATIONALITY);
    assert!(input.contains("aria-expanded=\"true\"") && input.contains("value=\"中国\""), "{input}");
    assert!(input.contains(&format!("aria-activedescendant=\"{}:0\"", dom_id(NATIONALITY))), "the first match chosen: {input}");
    assert!(html.contains("role=\"listbox\""));
    sh.dispatch(Msg::Combo(NATIONALITY.into(), ComboKey::Close));
    assert_eq!(stored(&sh, NATIONALITY), json!("CN"), "nothing stored by looking");
    // An empty field has nothing to match: ↓ opens nothing.
    sh.dispatch(Msg::Combo(DESTINATIONS.into(), ComboKey::Close));
    sh.dispatch(Msg::Input { path: DESTINATIONS.into(), raw: String::new() });
    sh.dispatch(Msg::Touch(DESTINATIONS.into()));
    sh.dispatch(Msg::Combo(DESTINATIONS.into(), ComboKey::Down));
    assert!(!render(&sh).await.contains("role=\"listbox\""), "no list for an empty field");
}
