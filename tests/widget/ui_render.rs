//! The widget rendered natively with Yew's server-side renderer: every template renders every
//! section and field with its contract attributes (data-path, labels, aria-describedby), errors
//! appear where the store says they should, and the talk overview sorts by urgency.

use crate::common::{fixture, render, today};
use checklist_core::template::{builtin_names, FieldType};
use checklist_core::{Date, Locale};
use checklist_widget::ui::store::msg::Msg;
use checklist_widget::ui::store::state::Setup;
use checklist_widget::ui::{dom_id, Shared};
use serde_json::Value;

fn shared(kind: &str, data: Option<Value>, today: Date, locale: Locale) -> Shared {
    crate::common::shared(kind, data, today, locale, false)
}

/// Every element with `id="…"` in the HTML.
fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect()
}

#[tokio::test]
async fn every_template_renders_every_filled_field_with_a_label_and_a_path() {
    for kind in builtin_names() {
        let data = fixture(kind);
        let sh = shared(kind, Some(data.clone()), today(kind), Locale::ZhCn);
        let html = render(&sh).await;
        let store = sh.store.borrow();
        let tpl = store.validator().template();
        assert!(html.contains(&format!("data-template=\"{kind}\"")), "{kind}");
        assert!(html.contains(tpl.title.get(Locale::ZhCn)), "{kind}: title");
        for section in &tpl.sections {
            if !store.section_applies(section) {
                continue;
            }
            assert!(html.contains(&format!("data-section=\"{}\"", section.id)), "{kind}: section {}", section.id);
            let open = section.presence.is_none() || store.has_presence(section);
            if !open {
                continue;
            }
            // Fields that do not apply (`shownIf`) are not rendered: tests/widget/ui_shown.rs.
            let obj = data.get(&section.id).and_then(Value::as_object);
            for f in section.fields.iter().filter(|f| !f.computed && store.applies(f, obj)) {
                let path = format!("/{}/{}", section.id, f.key);
                assert!(html.contains(&format!("data-path=\"{path}\"")), "{kind}: no input for {path}");
                if !matches!(f.kind, FieldType::MultiEnum | FieldType::Refs) {
                    assert!(html.contains(&format!("for=\"{}\"", dom_id(&path))), "{kind}: no label for {path}");
                }
            }
            for t in &section.tables {
                let rows = data.pointer(&format!("/{}/{}", section.id, t.id)).and_then(Value::as_array).map_or(0, Vec::len);
                assert!(html.contains(&format!("data-table=\"/{}/{}\"", section.id, t.id)), "{kind}: table {}", t.id);
                for i in 0..rows {
                    let row = data.pointer(&format!("/{}/{}/{i}", section.id, t.id)).and_then(Value::as_object);
                    for c in t.columns.iter().filter(|c| c.key != "id" && !c.computed && store.applies(c, row)) {
                        let path = format!("/{}/{}/{i}/{}", section.id, t.id, c.key);
                        assert!(html.contains(&format!("data-path=\"{path}\"")), "{kind}: no cell {path}");
                    }
                }
            }
        }
        // Ids are unique, so that labels and aria-describedby point at one element each.
        let mut all = ids(&html);
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "{kind}: duplicate ids");
        // Only form controls carry data-path, so `[data-path="…"]` finds the control itself.
        for tag in html.split('<').filter(|t| t.contains(" data-path=")) {
            let name = tag.split([' ', '>']).next().unwrap_or("");
            assert!(["input", "select", "textarea"].contains(&name), "{kind}: data-path on <{name}>");
        }
        assert!(!html.contains("data-summary"), "{kind}: valid data shows no error summary");
        assert!(!html.contains("data-error-for"), "{kind}: valid data shows no inline error");
    }
}

#[tokio::test]
async fn errors_show_inline_with_aria_and_in_a_summary_after_validate() {
    let sh = shared("geren", Some(fixture("geren")), today("geren"), Locale::ZhCn);
    sh.dispatch(Msg::Input { path: "/header/idNumber".into(), raw: "110105197506150037".into() });
    let html = render(&sh).await;
    let err = format!("{}.err", dom_id("/header/idNumber"));
    assert!(html.contains(&format!("id=\"{err}\"")), "a changed filled field shows its error while typing");
    assert!(html.contains("data-error-for=\"/header/idNumber\""));
    assert!(html.contains(&format!("aria-describedby=\"{err}\"")) || html.contains(&format!(" {err}\"")), "input refers to its message");
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(!html.contains("data-summary"), "no summary before validate");

    sh.dispatch(Msg::Validate);
    let html = render(&sh).await;
    assert!(html.contains("data-summary"), "summary after validate");
    assert!(
        html.contains("<div role=\"region\" tabindex=\"-1\" data-summary=\"\" aria-labelledby=\"ac-summary-title\""),
        "a labelled region that 校验 focuses, not a live region whose counts would be re-announced at every keystroke"
    );
    assert!(
        html.contains("href=\"#ac.header.idNumber\"") && html.contains("data-target=\"/header/idNumber\""),
        "summary links to the field"
    );
    assert!(html.contains("校验未通过"));
}

#[tokio::test]
async fn english_locale_translates_chrome_and_messages() {
    let sh = shared("geren", None, today("geren"), Locale::En);
    sh.dispatch(Msg::Validate);
    let html = render(&sh).await;
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("Validation failed"));
    assert!(html.contains(">Submit<"));
    assert!(!html.contains("提交<"), "no Chinese action labels in English");
}

#[tokio::test]
async fn presence_answer_reveals_the_table_and_add_row_adds_one() {
    let sh = shared("geren", None, today("geren"), Locale::ZhCn);
    let html = render(&sh).await;
    assert!(html.contains("data-path=\"/C11/presence\""));
    assert!(!html.contains("data-table=\"/C11/"), "tables stay hidden until 有");
    // Every 本项情况 legend carries its section's title for screen readers: no two legends read the same.
    let legends: Vec<&str> = html
        .split("data-legend-section=\"\"")
        .skip(1)
        .map(|s| s.split('>').nth(1).and_then(|t| t.split('<').next()).unwrap_or(""))
        .collect();
    assert!(legends.len() >= 13, "{legends:?}");
    assert!(legends.contains(&"（本人持有普通护照以及因私出国的情况）"), "{legends:?}");
    let mut unique = legends.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), legends.len(), "{legends:?}");
    sh.dispatch(Msg::Set { path: "/C11/presence".into(), value: Some("有".into()) });
    let html = render(&sh).await;
    let table = html.split("data-table=\"/C11/").nth(1).and_then(|s| s.split('"').next()).expect("C11 table shown").to_owned();
    let ptr = format!("/C11/{table}");
    sh.dispatch(Msg::AddRow(ptr.clone()));
    let html = render(&sh).await;
    assert!(html.contains(&format!("data-row=\"{ptr}/0\"")), "row 1 rendered");
    assert!(html.contains("data-action=\"remove-row\""));
    sh.dispatch(Msg::AskRemove(format!("{ptr}/0")));
    let html = render(&sh).await;
    assert!(html.contains("role=\"alertdialog\"") && html.contains("data-action=\"confirm-remove\""), "delete asks first");
}

#[tokio::test]
async fn talk_overview_lists_due_talks_with_status_badges() {
    let sh = shared("tanhua", Some(fixture("tanhua")), today("tanhua"), Locale::ZhCn);
    let html = render(&sh).await;
    assert!(html.contains("data-overview"), "tanhua shows the schedule overview");
    assert!(html.contains("谈话安排"));
    assert!(html.contains("data-schedule-status="), "entries carry their status");
    // A record whose subordinate was appointed long ago with no talks shows 逾期 first.
    let mut data = fixture("tanhua");
    if let Some(Value::Array(records)) = data.pointer_mut("/talks/records") {
        records.clear();
    }
    let sh = shared("tanhua", Some(data), Date::new(2026, 12, 20).expect("date"), Locale::ZhCn);
    let html = render(&sh).await;
    let first = html.split("data-schedule-status=\"").nth(1).and_then(|s| s.split('"').next()).expect("an entry");
    assert_eq!(first, "overdue", "most urgent first");
    assert!(html.contains("逾期"));
}

#[tokio::test]
async fn read_only_mode_has_no_editing_actions() {
    let sh = crate::common::shared("shuzhi", Some(fixture("shuzhi")), today("shuzhi"), Locale::ZhCn, true);
    let html = render(&sh).await;
    for action in ["submit", "add-row", "remove-row", "import", "validate"] {
        assert!(!html.contains(&format!("data-action=\"{action}\"")), "read-only shows no {action}");
    }
    assert!(html.contains("data-action=\"export\""), "export stays available");
    assert!(html.contains("只读"));
}

/// The valid 个人有关事项 record with its real-estate table grown to `n` rows (copies of its rows in turn).
fn geren_with_rows(n: usize) -> Value {
    let mut data = fixture("geren");
    let rows = data.pointer("/C11/rows").and_then(Value::as_array).cloned().expect("C11 rows");
    if let Some(v) = data.pointer_mut("/C11/rows") {
        *v = Value::Array((0..n).map(|i| rows[i % rows.len()].clone()).collect());
    }
    data
}

#[tokio::test]
async fn long_tables_render_one_page_with_a_pager() {
    let sh = shared("geren", Some(geren_with_rows(120)), today("geren"), Locale::ZhCn);
    let html = render(&sh).await;
    let shown = html.matches("data-path=\"/C11/rows/").filter(|_| true).count();
    assert!(html.contains("data-pager=\"/C11/rows\""), "a pager for 120 rows");
    assert!(html.contains("data-path=\"/C11/rows/9/areaM2\"") && !html.contains("data-path=\"/C11/rows/10/areaM2\""), "first page only");
    assert!(html.contains("第1–10行，共120行"));
    assert!(shown > 0);
    // A summary link to row 101 turns to its page.
    sh.dispatch(Msg::Focus("/C11/rows/100/areaM2".into()));
    let html = render(&sh).await;
    assert!(html.contains("data-path=\"/C11/rows/100/areaM2\"") && !html.contains("data-path=\"/C11/rows/0/areaM2\""));
    assert!(html.contains("start=\"101\""), "numbering continues across pages");
}

/// The options of one row's select `key`, as rendered.
fn options_of(html: &str, row: usize, key: &str) -> usize {
    let start = html.find(&format!(" id=\"ac.C11.rows.{row}.{key}\"")).expect("the select");
    let end = start + html[start..].find("</select>").expect("its end");
    html[start..end].matches("<option").count()
}

/// Without pages, a long list's rows show each select's chosen option (and 请选择) alone until the
/// focus enters the row (Msg::UseRow), then all of them; a page of ten shows them all.
#[tokio::test]
async fn unused_rows_of_a_long_unpaged_list_show_only_the_chosen_option() {
    let sh = shared("geren", Some(geren_with_rows(30)), today("geren"), Locale::ZhCn);
    // Paged (the default): every option.
    let html = render(&sh).await;
    assert_eq!(options_of(&html, 3, "source"), 9, "请选择 and the eight sources");
    sh.store.borrow_mut().configure(Setup { page_size: Some(0), ..Setup::default() });
    let html = render(&sh).await;
    assert_eq!(options_of(&html, 3, "source"), 2, "请选择 and the chosen source");
    assert!(html.contains("<option value=\"继承\" selected"), "the chosen one is shown selected");
    assert_eq!(options_of(&html, 3, "use"), 2);
    sh.dispatch(Msg::UseRow("/C11/rows".into(), 3));
    let html = render(&sh).await;
    assert_eq!(options_of(&html, 3, "source"), 9, "the used row has them all");
    assert_eq!(options_of(&html, 3, "use"), 8);
    assert_eq!(options_of(&html, 4, "source"), 2, "the others still do not");
}

#[tokio::test]
async fn a_keystroke_in_a_filled_cell_shows_its_error_at_once() {
    let sh = shared("geren", Some(fixture("geren")), today("geren"), Locale::ZhCn);
    let _ = render(&sh).await;
    sh.dispatch(Msg::Input { path: "/C11/rows/1/areaM2".into(), raw: "76.30x".into() });
    let html = render(&sh).await;
    assert!(html.contains("data-error-for=\"/C11/rows/1/areaM2\""), "error while typing in a filled cell");
}

/// The 承诺 is one box with its text (issue 14, item 8): ticking it answers `true`, unticking it takes
/// the answer back (the rule then asks for it again), and there is no 是 / 否 choice to make.
#[tokio::test]
async fn the_pledge_is_one_checkbox_with_its_text() {
    let sh = shared("geren", Some(fixture("geren")), today("geren"), Locale::ZhCn);
    let html = render(&sh).await;
    let input = html.split("<input").find(|i| i.contains("data-path=\"/C16/pledge\"")).expect("the pledge input");
    assert!(input.contains("type=\"checkbox\"") && input.contains("checked"), "{input}");
    assert!(!html.contains("<select id=\"C16.pledge\""), "no 是 / 否 select for the pledge");
    assert!(html.contains("我已阅读并承诺"), "its text");
    sh.dispatch(Msg::Set { path: "/C16/pledge".into(), value: None });
    assert_eq!(sh.store.borrow().record().pointer("/C16/pledge"), None, "unticked: no answer");
    let input = render(&sh).await.split("<input").find(|i| i.contains("data-path=\"/C16/pledge\"")).map(str::to_owned).expect("input");
    assert!(!input.contains("checked"), "{input}");
    sh.dispatch(Msg::Set { path: "/C16/pledge".into(), value: Some(Value::Bool(true)) });
    assert_eq!(sh.store.borrow().record().pointer("/C16/pledge"), Some(&Value::Bool(true)));
}
