//! Server-side renders of the clerk and reviewer features (issue #6): the comparison with last
//! year's record (badges, the list of changes in 核对), the print view (every section, every row,
//! the pledge and signature lines), review mode (the digest verdict, confirmed warnings), the
//! X-R01 panel of a 述职 report and the talk year overview.

use crate::common::{fixture, render, today};
use checklist_core::envelope;
use checklist_core::template::builtin;
use checklist_core::{Confirmation, Locale};
use checklist_widget::ui::store::msg::{FilePurpose, Msg};
use checklist_widget::ui::store::state::Setup;
use checklist_widget::ui::Shared;
use serde_json::{json, Value};

fn shared(kind: &str, data: Option<Value>, read_only: bool) -> Shared {
    crate::common::shared(kind, data, today(kind), Locale::ZhCn, read_only)
}

fn export(kind: &str, data: Value, confirmations: Vec<Confirmation>) -> String {
    let t = builtin(kind).unwrap().unwrap();
    envelope::to_json(
        &envelope::export(&t, data, vec![], confirmations, "2026-01-15T10:00:00+08:00".into(), envelope::Status::Draft)
            .submitted("2026-01-15T10:00:00+08:00".into()),
    )
}

fn send(sh: &Shared, m: Msg) {
    sh.store.borrow_mut().update(m);
}

#[tokio::test]
async fn every_view_has_the_new_actions_and_unique_ids() {
    for kind in ["geren", "shuzhi", "tanhua"] {
        let sh = shared(kind, Some(fixture(kind)), false);
        let html = render(&sh).await;
        assert!(html.contains("data-action=\"copy-last-year\""), "{kind}");
        assert!(html.contains("data-action=\"print\""), "{kind}");
        assert!(html.contains("data-file=\"base\""), "{kind}");
        assert_eq!(html.contains("data-action=\"load-talks\""), kind == "shuzhi", "{kind}");
        let mut ids: Vec<&str> = html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{kind}: ids are unique");
    }
}

#[tokio::test]
async fn last_years_record_shows_changes_per_section_and_in_review() {
    let last = fixture("geren");
    let sh = shared("geren", None, false);
    send(&sh, Msg::FileRead(FilePurpose::Base, export("geren", last.clone(), vec![])));
    {
        let mut s = sh.store.borrow_mut();
        // A new passport this year.
        s.update(Msg::AddRow("/C02/documents".into()));
    }
    let html = render(&sh).await;
    assert!(html.contains("data-base-year="), "the base note");
    assert!(html.contains("data-changed=\"yes\"") && html.contains("data-changed=\"no\""), "badges");
    sh.store.borrow_mut().update(Msg::Review);
    let html = render(&sh).await;
    assert!(html.contains("data-changes=\"\""), "the change list in 核对");
    assert!(html.contains("data-changed-section=\"C02\""), "C02 changed");
    assert!(html.contains("data-change=\"added\""), "an added row is listed");
    assert!(!html.contains("data-changed-section=\"family\""), "the family register did not change");
}

#[tokio::test]
async fn the_print_view_holds_every_section_row_and_the_signature_lines() {
    for kind in ["geren", "shuzhi", "tanhua"] {
        let data = fixture(kind);
        let sh = shared(kind, Some(data.clone()), false);
        send(&sh, Msg::Print);
        let html = render(&sh).await;
        assert!(html.contains("data-view=\"print\""), "{kind}");
        assert!(!html.contains("data-action=\"submit\""), "{kind}: no widget chrome");
        assert!(!html.contains("ac-tasks"), "{kind}: no task list");
        let s = sh.store.borrow();
        let tpl = s.validator().template();
        assert!(html.contains(tpl.title.get(Locale::ZhCn)), "{kind}: title");
        for sec in tpl.sections.iter().filter(|sec| s.section_applies(sec)) {
            assert!(html.contains(&format!("data-print-section=\"{}\"", sec.id)), "{kind}: {}", sec.id);
            for tb in &sec.tables {
                let rows = data.pointer(&format!("/{}/{}", sec.id, tb.id)).and_then(Value::as_array).map_or(0, Vec::len);
                if rows > 0 {
                    assert!(html.contains(&format!("data-print-table=\"{}\"", tb.id)), "{kind}: table {}", tb.id);
                }
            }
        }
        if kind == "geren" {
            assert!(html.contains("data-print-pledge"), "pledge");
            assert!(html.contains("本人签名："), "signature line");
            assert!(html.contains("我已认真学习"), "pledge text");
            let name = data.pointer("/header/name").and_then(Value::as_str).unwrap();
            assert!(html.contains(name));
        }
    }
}

#[tokio::test]
async fn review_mode_says_plainly_whether_the_record_changed() {
    let data = fixture("geren");
    let conf = vec![Confirmation {
        code: "field.outlier".into(),
        path: "/C11/rows/0/areaM2".into(),
        rule_id: Some("C-R13".into()),
        confirmed_at: "2026-01-14T09:30:00+08:00".into(),
    }];
    let text = export("geren", data, conf);
    let sh = shared("shuzhi", None, true);
    sh.store.borrow_mut().configure(Setup { review: true, builtins: crate::common::builtins(), ..Setup::default() });
    let html = render(&sh).await;
    assert!(html.contains("data-action=\"open-record\""), "a way to open a record");
    send(&sh, Msg::FileRead(FilePurpose::Review, text.clone()));
    let html = render(&sh).await;
    assert!(html.contains("data-template=\"geren\""), "the template follows the record");
    assert!(html.contains("data-verdict=\"intact\""));
    assert!(html.contains("未被修改"));
    assert!(html.contains("2026年1月14日 09:30"), "confirmedAt shown, as people write it");
    assert!(!html.contains("2026-01-14T09:30:00+08:00"), "no machine stamp on screen");
    assert!(!html.contains("data-confirm="), "a reviewer confirms nothing");
    assert!(html.contains("校验结果：") && !html.contains("共0项"), "no \"0项\" count in the findings heading");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["data"]["header"]["position"] = json!("改动后的职务");
    send(&sh, Msg::FileRead(FilePurpose::Review, v.to_string()));
    let html = render(&sh).await;
    assert!(html.contains("data-verdict=\"changed\""));
    assert!(html.contains("已被修改"));
}

#[tokio::test]
async fn a_loaded_talk_record_shows_the_x_r01_counts_side_by_side() {
    let mut shuzhi = fixture("shuzhi");
    let sh = shared("shuzhi", Some(shuzhi.clone()), false);
    let tanhua = fixture("tanhua");
    // Same year for both records.
    let year = shuzhi.pointer("/header/year").cloned().unwrap();
    let mut tanhua2 = tanhua.clone();
    tanhua2["header"]["year"] = year;
    send(&sh, Msg::FileRead(FilePurpose::Talks, export("tanhua", tanhua2.clone(), vec![])));
    let html = render(&sh).await;
    assert!(html.contains("data-xr01-table"), "the counts side by side");
    // Make A5 disagree.
    shuzhi["A5"]["appointmentTalks"] = json!(99);
    send(&sh, Msg::SetData(shuzhi));
    let html = render(&sh).await;
    assert!(html.contains("data-xr01=\"mismatch\""));
    assert!(html.contains("data-xr01-field=\"A5.appointmentTalks\" data-xr01-ok=\"no\""));
}

#[tokio::test]
async fn the_talk_overview_has_a_year_row_per_subordinate_leader_and_the_a5_counts() {
    let sh = shared("tanhua", Some(fixture("tanhua")), false);
    let html = render(&sh).await;
    assert!(html.contains("data-year-overview"));
    assert!(html.contains("data-person="));
    assert!(html.contains("data-count=\"A5.appointmentTalks\""));
    assert!(html.contains("30天内到期"));
}
