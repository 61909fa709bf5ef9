//! Fields that do not apply (`shownIf`) are not rendered, not printed and not counted, and a value
//! typed in one before it stopped applying is kept and said so (issue 14, item 4).

use crate::common::{fixture, render, shared, today};
use checklist_core::Locale;
use checklist_widget::ui::store::msg::Msg;
use serde_json::Value;

/// An annual report of a cadre who is not a 一把手: the fixture with 一把手 = 否 and no disclosure.
fn annual_not_leader() -> Value {
    let mut data = fixture("geren");
    data["header"]["isYiBaShou"] = Value::Bool(false);
    data["header"].as_object_mut().unwrap().remove("disclosureStatus");
    data
}

fn has_input(html: &str, path: &str) -> bool {
    html.contains(&format!("data-path=\"{path}\""))
}

#[tokio::test]
async fn the_annual_header_of_a_non_leader_shows_only_what_applies() {
    let sh = shared("geren", Some(annual_not_leader()), today("geren"), Locale::ZhCn, false);
    let html = render(&sh).await;
    for key in [
        "eventDate",
        "changedItems",
        "qualifiedDate",
        "disclosureStatus",
        "disclosedInTeamDate",
        "disclosedInTeamForm",
        "disclosedInTeamMeeting",
    ] {
        assert!(!has_input(&html, &format!("/header/{key}")), "{key} does not apply to an annual report of a non-leader");
    }
    assert!(!html.contains("事项发生日期"), "not even its label");
    for key in ["year", "reportType", "isYiBaShou", "changeReportedItems", "lateReason"] {
        assert!(has_input(&html, &format!("/header/{key}")), "{key} applies");
    }
    // A change report asks for the date and the items, and nothing of the disclosure.
    sh.dispatch(Msg::Set { path: "/header/reportType".into(), value: Some(Value::from("事后报告")) });
    let html = render(&sh).await;
    assert!(has_input(&html, "/header/eventDate") && has_input(&html, "/header/changedItems"));
    assert!(!has_input(&html, "/header/changeReportedItems") && !has_input(&html, "/header/disclosureStatus"));
}

#[tokio::test]
async fn the_self_row_of_the_register_has_no_child_fields() {
    let sh = shared("geren", Some(fixture("geren")), today("geren"), Locale::ZhCn, false);
    let html = render(&sh).await;
    // Row 0 is 本人, row 1 the 配偶, row 2 a 子女.
    for key in ["childKind", "spouseOfChildId", "livesTogether", "dependencyReason", "dependencyNote", "employer", "position"] {
        assert!(!has_input(&html, &format!("/family/members/0/{key}")), "本人 row: {key}");
    }
    assert!(has_input(&html, "/family/members/0/name"));
    assert!(has_input(&html, "/family/members/1/employer") && !has_input(&html, "/family/members/1/childKind"), "配偶 row");
    assert!(has_input(&html, "/family/members/2/childKind") && has_input(&html, "/family/members/2/livesTogether"), "子女 row");
}

#[tokio::test]
async fn a_value_that_stops_applying_is_kept_and_said_so() {
    let sh = shared("geren", Some(annual_not_leader()), today("geren"), Locale::ZhCn, false);
    sh.dispatch(Msg::Set { path: "/header/reportType".into(), value: Some(Value::from("事后报告")) });
    sh.dispatch(Msg::Input { path: "/header/eventDate".into(), raw: "2025-03-01".into() });
    sh.dispatch(Msg::Set { path: "/header/reportType".into(), value: Some(Value::from("年度集中报告")) });
    sh.dispatch(Msg::Revalidate);
    let html = render(&sh).await;
    assert!(!has_input(&html, "/header/eventDate"), "hidden again");
    assert_eq!(sh.store.borrow().record().pointer("/header/eventDate"), Some(&Value::from("2025-03-01")), "kept in the record");
    let header = html.split("data-section=\"header\"").last().and_then(|h| h.split("</section>").next()).expect("the header");
    assert!(header.contains("class=\"ac-hint ac-set-aside\""), "a notice in the section");
    assert!(html.contains("已填写的“事项发生日期”按目前的填报情况不适用：已保留，但不校验、不打印"), "{html}");
    // A cell of the 本人 row: the notice names the row.
    sh.dispatch(Msg::Set { path: "/family/members/0/childKind".into(), value: Some(Value::from("婚生子女")) });
    sh.dispatch(Msg::Revalidate);
    let html = render(&sh).await;
    assert!(html.contains("家庭成员登记表 第1行：已填写的“子女类别”"), "row named");
    // Not counted: nothing blocks, and neither the summary nor the statuses see it.
    let blocking = sh.store.borrow().blocking().len();
    assert_eq!(blocking, 0, "nothing blocks");
    sh.dispatch(Msg::Validate);
    let html = render(&sh).await;
    assert!(!html.contains("data-summary"), "no summary entry");
    assert!(!html.contains("ac-status-problem"), "no section with a problem");
    // Printed: neither the hidden field nor the set-aside value.
    sh.dispatch(Msg::Print);
    let html = render(&sh).await;
    assert!(!html.contains("事项发生日期") && !html.contains("2025年3月1日"), "not printed");
    let self_row = html.split("家庭成员登记表 第1行").nth(1).and_then(|r| r.split("</table>").next()).expect("the 本人 row printed");
    assert!(!self_row.contains("子女类别") && !self_row.contains("婚生子女"), "the 本人 row prints no child's kind: {self_row}");
}

#[tokio::test]
async fn the_print_lists_only_fields_that_apply() {
    let sh = shared("geren", Some(annual_not_leader()), today("geren"), Locale::ZhCn, false);
    sh.dispatch(Msg::Print);
    let html = render(&sh).await;
    let head = html.split("data-print-section=\"header\"").nth(1).and_then(|h| h.split("</section>").next()).expect("the header printed");
    for label in ["事项发生日期", "事后报告事项", "符合报告条件日期", "在领导班子中公开情况", "公开日期", "公开方式", "公开会议"]
    {
        assert!(!head.contains(&format!(">{label}<")), "{label} printed");
    }
    assert!(head.contains(">本年度已作事后报告的事项<"), "an annual report's own question is printed");
}

/// A reviewer opening a record that holds an answer set aside is told so in the review's findings,
/// although the answer is neither checked nor printed.
#[tokio::test]
async fn a_reviewer_is_told_of_an_answer_set_aside() {
    use checklist_core::{envelope, template::builtin};
    use checklist_widget::ui::store::msg::FilePurpose;
    use checklist_widget::ui::store::state::Setup;
    let mut data = annual_not_leader();
    data["header"]["eventDate"] = Value::from("2025-03-01");
    let t = builtin("geren").unwrap().unwrap();
    let text = envelope::to_json(&envelope::export(&t, data, vec![], vec![], "2026-01-15T10:00:00+08:00".into(), envelope::Status::Draft));
    let sh = shared("geren", None, today("geren"), Locale::ZhCn, true);
    sh.store.borrow_mut().configure(Setup { review: true, builtins: crate::common::builtins(), ..Setup::default() });
    sh.dispatch(Msg::FileRead(FilePurpose::Review, text));
    let html = render(&sh).await;
    let findings = html.split("data-review-findings").nth(1).and_then(|p| p.split("</section>").next()).expect("the review's findings");
    assert!(findings.contains("已填写的“事项发生日期”按目前的填报情况不适用"), "{findings}");
}
