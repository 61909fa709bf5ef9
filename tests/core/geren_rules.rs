//! The 个人有关事项 (geren) checklist end to end: the built-in template and its named rules
//! against a valid record (`fixtures/geren_valid.json`, report year 2025, filed 2026-01-15):
//! deadlines and configuration, passing variants, odd shapes, lateness by the submission date and
//! normalised input. The one-mutation-per-rule cases are in `geren_cases.rs`, with the helpers
//! here.

use checklist_core::template::builtin;
use checklist_core::{Config, Date, Report, Severity, Validator};
use serde_json::{json, Value};

pub(crate) const TODAY: &str = "2026-01-15";

pub(crate) fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/geren_valid.json")).unwrap()
}

pub(crate) fn validate_with(record: &Value, config: Config, today: &str) -> Report {
    let template = builtin("geren").unwrap().unwrap();
    let v = Validator::new(template, config).unwrap();
    v.validate(record, Date::parse(today).unwrap())
}

pub(crate) fn validate(record: &Value) -> Report {
    validate_with(record, Config::default(), TODAY)
}

/// Sets the value at a JSON pointer, creating the last key if needed.
pub(crate) fn set(v: &mut Value, ptr: &str, val: Value) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap_or_else(|| panic!("no parent for {ptr}")) {
        Value::Object(m) => {
            m.insert(key.to_owned(), val);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = val,
        other => panic!("{ptr}: parent is {other}"),
    }
}

/// Removes the value at a JSON pointer.
pub(crate) fn del(v: &mut Value, ptr: &str) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.remove(key).unwrap_or_else(|| panic!("nothing at {ptr}"));
        }
        Value::Array(a) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        other => panic!("{ptr}: parent is {other}"),
    }
}

pub(crate) fn has(r: &Report, code: &str, path: &str, severity: Severity) -> bool {
    r.findings.iter().any(|f| f.code.as_str() == code && f.path == path && f.severity == severity)
}

pub(crate) fn listing(r: &Report) -> String {
    r.findings.iter().map(|f| format!("  {} {} {:?} {:?}\n", f.code, f.path, f.severity, f.rule)).collect()
}

#[test]
fn valid_record_has_no_errors_or_warnings() {
    let r = validate(&fixture());
    let serious: Vec<_> = r.findings.iter().filter(|f| f.severity != Severity::Info).collect();
    assert!(serious.is_empty(), "unexpected findings:\n{}", listing(&r));
    // C-R21: the consequences of R17-第十三条 are always shown before submit, as a hint.
    let info = r.findings.iter().find(|f| f.code.as_str() == "geren.consequences").expect("C-R21 info");
    assert_eq!((info.path.as_str(), info.severity, info.rule.as_deref()), ("/C16", Severity::Info, Some("C-R21")));
    assert!(!r.blocks_submit());
}

pub(crate) type Mutation = fn(&mut Value);

use Severity::{Error as E, Warning as W};

pub(crate) fn stock_row() -> Value {
    json!({"holderId": "m1", "stockName": "某某银行", "stockCode": "600000", "shares": 1000, "marketValueWan": "0.85"})
}

pub(crate) fn deposit_row() -> Value {
    json!({"depositorId": "m2", "country": "HK", "bank": "某银行（香港）有限公司", "currency": "HKD", "amountWan": "12.00"})
}

pub(crate) fn adult_child(v: &mut Value, birth: &str, id: &str, gender: &str) {
    set(v, "/family/members/2/birthDate", json!(birth));
    set(v, "/family/members/2/idNumber", json!(id));
    set(v, "/family/members/2/gender", json!(gender));
}

pub(crate) fn change_report(v: &mut Value) {
    set(v, "/header/year", json!(2026));
    set(v, "/header/reportType", json!("事后报告"));
    set(v, "/header/eventDate", json!("2026-01-05"));
    set(v, "/header/changedItems", json!(["C07"]));
}
/// Cases that depend on "today" or on configuration rather than on the record alone.
#[test]
fn deadlines_and_config() {
    let record = fixture();

    // C-R05: filed after 31 January of Y+1 → late (W) and a reason is required (E).
    let r = validate_with(&record, Config::default(), "2026-02-01");
    assert!(has(&r, "geren.late_report", "/header/year", W), "{}", listing(&r));
    assert!(has(&r, "geren.late_reason_required", "/header/lateReason", E), "{}", listing(&r));
    // The deadline day itself is still on time.
    let r = validate_with(&record, Config::default(), "2026-01-31");
    assert!(!has(&r, "geren.late_report", "/header/year", W), "{}", listing(&r));
    // A reason turns the error off; the lateness warning stays for the reviewer.
    let mut with_reason = record.clone();
    set(&mut with_reason, "/header/lateReason", json!("因公出国，2月1日返回后补报"));
    let r = validate_with(&with_reason, Config::default(), "2026-02-01");
    assert!(has(&r, "geren.late_report", "/header/year", W));
    assert!(!has(&r, "geren.late_reason_required", "/header/lateReason", E));
    // The deadline comes from configuration.
    let mut cfg = Config::default();
    cfg.geren.annual_deadline = "02-28".into();
    let r = validate_with(&record, cfg, "2026-02-01");
    assert!(!has(&r, "geren.late_report", "/header/year", W), "{}", listing(&r));

    // C-R06: the change window comes from configuration.
    let mut change = record.clone();
    change_report(&mut change);
    let mut cfg = Config::default();
    cfg.geren.change_report_days = 5;
    assert!(!has(&validate(&change), "geren.late_report", "/header/eventDate", W), "event 10 days ago is within 30");
    assert!(has(&validate_with(&change, cfg, TODAY), "geren.late_report", "/header/eventDate", W));

    // C-R04: ages are taken on geren.asOfDate when configured. A child born 2008-01-20 is 17
    // on 2026-01-15 and 18 on 2026-01-31.
    let mut child = record.clone();
    adult_child(&mut child, "2008-01-20", "110105200801200088", "女");
    set(&mut child, "/family/members/2/livesTogether", json!(false));
    let path = "/family/members/2/livesTogether";
    assert!(has(&validate(&child), "geren.minor_not_dependent", path, E));
    let mut cfg = Config::default();
    cfg.geren.as_of_date = Some("2026-01-31".into());
    assert!(!has(&validate_with(&child, cfg, TODAY), "geren.minor_not_dependent", path, E));

    // C-R04: the student age limit comes from configuration.
    let mut student = record.clone();
    adult_child(&mut student, "1998-03-03", "110105199803030072", "男");
    set(&mut student, "/family/members/2/dependencyReason", json!("在校就读"));
    let mut cfg = Config::default();
    cfg.geren.student_max_age = 30;
    let r = validate_with(&student, cfg, TODAY);
    assert!(!has(&r, "geren.student_over_age", "/family/members/2/dependencyReason", W), "{}", listing(&r));
    assert!(!has(&r, "geren.dependency_reason_required", "/family/members/2/dependencyReason", E));

    // Outlier limits come from configuration.
    let mut big = record.clone();
    set(&mut big, "/C11/rows/0/areaM2", json!("1200.00"));
    let mut cfg = Config::default();
    cfg.geren.outliers.house_area_m2 = "2000".into();
    assert!(!has(&validate_with(&big, cfg, TODAY), "field.outlier", "/C11/rows/0/areaM2", W));
}

#[test]
fn passing_variants_stay_clean() {
    // Each variant is a valid record that exercises a rule's passing branch.
    let variants: &[(&str, Mutation)] = &[
        ("C-R04 adult dependent with a reason", |v| {
            adult_child(v, "2001-05-20", "110105200105200068", "女");
            set(v, "/family/members/2/dependencyReason", json!("在校就读"));
        }),
        ("C-R09 marriage this year already change-reported", |v| {
            set(v, "/C01/changeInYear", json!("结婚"));
            set(v, "/C01/changeDate", json!("2025-06-01"));
            set(v, "/C01/maritalStatus", json!("已婚（初婚）"));
            set(v, "/header/changeReportedItems", json!(["C01", "C02"]));
        }),
        ("C-R11 passport with an exact 10-year term", |v| set(v, "/C02/documents/0/expiryDate", json!("2029-05-10"))),
        ("C-R15 ratio within rounding", |v| {
            set(v, "/C13/rows/0/subscribedWan", json!("33.33"));
            set(v, "/C13/rows/0/shareRatio", json!("33.33"));
        }),
        ("C-R18 HK trip with the HK/Macao permit", |v| {
            set(
                v,
                "/C03",
                json!({"presence": "有", "changedSinceLastYear": "有变化",
                "documents": [{"docType": "往来港澳通行证", "docNumber": "C12345678", "issueDate": "2018-07-01", "expiryDate": "2028-06-30", "custodian": "北京市朝阳区委组织部"}],
                "trips": [{"startDate": "2025-10-01", "endDate": "2025-10-05", "destinations": ["HK", "MO"], "purpose": "探亲", "approvedBy": "北京市朝阳区委组织部", "docNumberUsed": "C12345678"}]}),
            );
        }),
        ("C-R16 deposit in Hong Kong", |v| {
            set(v, "/C14/presence", json!("有"));
            set(v, "/C14/deposits", json!([deposit_row()]));
        }),
        ("C12 stock", |v| {
            set(v, "/C12/presence", json!("有"));
            set(v, "/C12/stocks", json!([stock_row()]));
        }),
        ("C-R20 disclosed with date and form", |v| {
            set(v, "/header/disclosureStatus", json!("已公开"));
            set(v, "/header/disclosedInTeamDate", json!("2026-01-10"));
            set(v, "/header/disclosedInTeamForm", json!("书面"));
        }),
        ("C-R20 not required of other cadres", |v| {
            set(v, "/header/isYiBaShou", json!(false));
            del(v, "/header/disclosureStatus");
        }),
        ("C-R06 change report skips C09–C14 and unlisted items", |v| {
            // C02 keeps its 2025 trip: an unlisted item is not validated in a 2026 change report.
            change_report(v);
            for s in ["C03", "C04", "C09", "C10", "C11", "C12", "C13", "C14"] {
                del(v, &format!("/{s}"));
            }
            set(v, "/header/lateReason", json!(""));
        }),
        ("names compare after normalisation", |v| set(v, "/C16/signedName", json!(" 张建国 "))),
    ];
    for (name, mutate) in variants {
        let mut record = fixture();
        mutate(&mut record);
        let r = validate(&record);
        let serious: Vec<_> = r.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        assert!(serious.is_empty(), "{name}:\n{}", listing(&r));
    }
}

#[test]
fn odd_shapes_never_panic() {
    let shapes = [
        json!(null),
        json!([]),
        json!({"header": [], "family": {"members": "x"}, "C09": 5}),
        json!({"family": {"members": [1, null, {"relation": 7, "birthDate": 3}]}, "C16": {"pledge": "yes"}}),
        json!({"header": {"reportType": "年度集中报告", "year": "99999"}, "C13": {"presence": "有", "rows": [{"regCapitalWan": "0", "subscribedWan": "0", "shareRatio": "0"}]}}),
        json!({"C13": {"presence": "有", "rows": [{"regCapitalWan": "99999999999999999999.9999", "subscribedWan": "99999999999999999999.9999", "shareRatio": "99999999999999999999.9999"}]}}),
        json!({"C09": {"presence": "有", "salaryWan": "99999999999999999999.9999", "bonusWan": "99999999999999999999.9999"}}),
        json!({"header": {"reportType": "事后报告", "eventDate": "9999-12-31", "changedItems": [1, "C99"]}}),
        json!({"C02": {"presence": "有", "documents": [{"issueDate": "9999-12-01", "expiryDate": "9999-12-31"}], "trips": [{"docNumberUsed": 5}]}}),
    ];
    for s in shapes {
        let r = validate(&s);
        assert!(r.has_errors(), "{s}");
    }
}

/// Validates as the reviewer does: on `today`, a record submitted on `submitted` (or a draft).
fn validate_submitted(record: &Value, today: &str, submitted: Option<&str>) -> Report {
    let template = builtin("geren").unwrap().unwrap();
    let v = Validator::new(template, Config::default()).unwrap();
    v.validate_submitted(record, Date::parse(today).unwrap(), submitted.map(|s| Date::parse(s).unwrap()))
}

#[test]
fn lateness_is_measured_by_the_submission_not_by_the_day_of_review() {
    let annual = fixture();
    let mut change = fixture();
    change_report(&mut change); // event on 2026-01-05, due 30 days later (2026-02-04)
    let mut appointee = fixture();
    set(&mut appointee, "/header/reportType", json!("新任报告"));
    set(&mut appointee, "/header/qualifiedDate", json!("2025-12-01")); // due 2025-12-31
                                                                       // (record, late-finding path, today, submitted on, late?)
    let cases: &[(&Value, &str, &str, Option<&str>, bool)] = &[
        // C-R05: submitted on 30 January, reviewed in March: on time.
        (&annual, "/header/year", "2026-03-10", Some("2026-01-30"), false),
        (&annual, "/header/year", "2026-03-10", Some("2026-02-01"), true),
        // A draft is judged by today.
        (&annual, "/header/year", "2026-03-10", None, true),
        (&annual, "/header/year", "2026-01-30", None, false),
        // C-R06.
        (&change, "/header/eventDate", "2026-04-01", Some("2026-02-04"), false),
        (&change, "/header/eventDate", "2026-04-01", Some("2026-02-05"), true),
        // C-R07.
        (&appointee, "/header/qualifiedDate", "2026-01-15", Some("2025-12-31"), false),
        (&appointee, "/header/qualifiedDate", "2025-12-31", Some("2025-12-31"), false),
        (&appointee, "/header/qualifiedDate", "2026-01-15", None, true),
    ];
    for (record, path, today, submitted, late) in cases {
        let r = validate_submitted(record, today, *submitted);
        assert_eq!(has(&r, "geren.late_report", path, W), *late, "{path} today {today} submitted {submitted:?}\n{}", listing(&r));
    }
    // An annual report submitted in the year it covers is refused whenever it is reviewed.
    let r = validate_submitted(&annual, "2026-03-10", Some("2025-12-20"));
    assert!(has(&r, "field.year_not_ended", "/header/year", E), "{}", listing(&r));
}

#[test]
fn full_width_and_loose_input_validates_as_its_normalised_form() {
    // (pointer, as typed): each is valid once normalised, so the record stays free of errors.
    let cases: &[(&str, Value)] = &[
        ("/C09/salaryWan", json!("１８.６０")),
        ("/C09/salaryWan", json!("１８．６０")),
        ("/C11/rows/0/areaM2", json!(" １２８.５６ ")),
        ("/C11/rows/0/tradeDate", json!("2016.4.20")),
        ("/C11/rows/0/tradeDate", json!("2016/4/20")),
        ("/C11/rows/0/tradeDate", json!("20160420")),
        ("/C11/rows/0/tradeDate", json!("2016年4月20日")),
        ("/C11/rows/0/tradeDate", json!("２０１６-０４-２０")),
        ("/header/year", json!("２０２５")),
        ("/header/idNumber", json!("１１０１０５１９７５０６１５００３６")),
        ("/family/members/0/idNumber", json!("110105 19750615 0036")),
        ("/C02/documents/0/docNumber", json!("ｅ１２３４５６７８")),
        ("/C02/trips/0/destinations", json!(["ｊｐ"])),
        ("/C13/rows/0/uscc", json!("９１３５０１００ｍ０００１００ｙ４３")),
    ];
    for (ptr, typed) in cases {
        let mut record = fixture();
        set(&mut record, ptr, typed.clone());
        let r = validate(&record);
        let bad: Vec<_> = r.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        assert!(bad.is_empty(), "{ptr} = {typed}:\n{}", listing(&r));
    }
    // The shape is normalised, the day is still checked.
    let mut record = fixture();
    set(&mut record, "/C11/rows/0/tradeDate", json!("2016.2.30"));
    assert!(has(&validate(&record), "field.no_such_day", "/C11/rows/0/tradeDate", E));
}

#[test]
fn the_date_of_a_marital_change_is_asked_for_only_once_a_change_is_chosen() {
    let at = |r: &Report, path: &str| r.findings.iter().filter(|f| f.path == path).map(|f| f.code.as_str()).collect::<Vec<_>>();
    let mut record = fixture();
    del(&mut record, "/C01/changeInYear");
    let report = validate(&record);
    assert_eq!(at(&report, "/C01/changeInYear"), ["field.required"]);
    assert!(at(&report, "/C01/changeDate").is_empty(), "not yet: 本年度婚姻变化 is not answered");
    set(&mut record, "/C01/changeInYear", json!("无"));
    assert!(at(&validate(&record), "/C01/changeDate").is_empty());
    set(&mut record, "/C01/changeInYear", json!("离婚"));
    assert!(at(&validate(&record), "/C01/changeDate").contains(&"field.required"), "a change needs its date");
}

#[test]
fn an_unticked_pledge_asks_for_the_tick_not_for_a_value() {
    let mut record = fixture();
    del(&mut record, "/C16/pledge");
    let report = validate(&record);
    let f = report.findings.iter().find(|f| f.path == "/C16/pledge").expect("a finding at the pledge");
    assert_eq!(f.code.as_str(), "field.unticked");
    assert_eq!(f.message(checklist_core::locale::Locale::ZhCn), "请勾选“我已阅读并承诺”");
}
