//! The 个人有关事项 (geren) checklist end to end: the built-in template and its named rules
//! against a valid record (`fixtures/geren_valid.json`, report year 2025, filed 2026-01-15) and
//! one mutation per rule. Each case asserts the exact code, path and severity, and that the
//! valid record does not raise it.

use checklist_core::template::builtin;
use checklist_core::{Config, Date, Report, Severity, Validator};
use serde_json::{json, Value};

const TODAY: &str = "2026-01-15";

fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/geren_valid.json")).unwrap()
}

fn validate_with(record: &Value, config: Config, today: &str) -> Report {
    let template = builtin("geren").unwrap().unwrap();
    let v = Validator::new(template, config).unwrap();
    v.validate(record, Date::parse(today).unwrap())
}

fn validate(record: &Value) -> Report {
    validate_with(record, Config::default(), TODAY)
}

/// Sets the value at a JSON pointer, creating the last key if needed.
fn set(v: &mut Value, ptr: &str, val: Value) {
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
fn del(v: &mut Value, ptr: &str) {
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

fn has(r: &Report, code: &str, path: &str, severity: Severity) -> bool {
    r.findings.iter().any(|f| f.code.as_str() == code && f.path == path && f.severity == severity)
}

fn listing(r: &Report) -> String {
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

type Mutation = fn(&mut Value);

struct Case {
    name: &'static str,
    mutate: Mutation,
    code: &'static str,
    path: &'static str,
    severity: Severity,
    rule: Option<&'static str>,
}

const fn case(
    name: &'static str,
    mutate: Mutation,
    code: &'static str,
    path: &'static str,
    severity: Severity,
    rule: Option<&'static str>,
) -> Case {
    Case { name, mutate, code, path, severity, rule }
}

use Severity::{Error as E, Info as I, Warning as W};

fn stock_row() -> Value {
    json!({"holderId": "m1", "stockName": "某某银行", "stockCode": "600000", "shares": 1000, "marketValueWan": "0.85"})
}

fn deposit_row() -> Value {
    json!({"depositorId": "m2", "country": "HK", "bank": "某银行（香港）有限公司", "currency": "HKD", "amountWan": "12.00"})
}

fn adult_child(v: &mut Value, birth: &str, id: &str, gender: &str) {
    set(v, "/family/members/2/birthDate", json!(birth));
    set(v, "/family/members/2/idNumber", json!(id));
    set(v, "/family/members/2/gender", json!(gender));
}

fn change_report(v: &mut Value) {
    set(v, "/header/year", json!(2026));
    set(v, "/header/reportType", json!("事后报告"));
    set(v, "/header/eventDate", json!("2026-01-05"));
    set(v, "/header/changedItems", json!(["C07"]));
}

const CASES: &[Case] = &[
    // ----- declarative: presence (C-R01, C-R02) -----
    case("C-R01 unanswered item", |v| del(v, "/C03/presence"), "field.presence_unanswered", "/C03/presence", E, Some("C-R01")),
    case(
        "C-R02 有 without rows",
        |v| set(v, "/C04/presence", json!("有")),
        "field.presence_without_rows",
        "/C04/presence",
        E,
        Some("C-R02"),
    ),
    case("C-R02 无 with rows", |v| set(v, "/C02/presence", json!("无")), "field.none_with_rows", "/C02/presence", E, Some("C-R02")),
    case("C01 is always answered", |v| del(v, "/C01/maritalStatus"), "field.required", "/C01/maritalStatus", E, Some("C-R09")),
    // ----- declarative: subjects and references (C-R03, C-R13) -----
    case(
        "C-R03 本人 not a subject of C13",
        |v| set(v, "/C13/rows/0/personId", json!("m1")),
        "field.subject_not_allowed",
        "/C13/rows/0/personId",
        E,
        Some("C-R03"),
    ),
    case(
        "C-R03 a child cannot be the C01 spouse",
        |v| set(v, "/C01/spouseId", json!("m3")),
        "field.subject_not_allowed",
        "/C01/spouseId",
        E,
        Some("C-R03"),
    ),
    case(
        "C-R13 owner child not living together",
        |v| {
            adult_child(v, "2001-05-20", "110105200105200068", "女");
            set(v, "/family/members/2/livesTogether", json!(false));
            set(v, "/C11/rows/0/ownerIds", json!(["m1", "m3"]));
        },
        "field.subject_not_allowed",
        "/C11/rows/0/ownerIds",
        E,
        Some("C-R03"),
    ),
    case("unknown person", |v| set(v, "/C07/rows/0/personId", json!("m9")), "field.unknown_ref", "/C07/rows/0/personId", E, None),
    case(
        "child of a 子女的配偶 row",
        |v| {
            let m = v.pointer_mut("/family/members").unwrap().as_array_mut().unwrap();
            m.push(json!({"id": "m4", "relation": "子女的配偶", "name": "王芳", "gender": "女", "birthDate": "1999-01-01", "nationality": "CN", "idType": "护照", "idNumber": "E00000001", "employer": "某公司"}));
        },
        "field.required",
        "/family/members/3/spouseOfChildId",
        E,
        None,
    ),
    // ----- declarative: dates (C-R10) -----
    case(
        "C-R10 trip ends before it starts",
        |v| set(v, "/C02/trips/0/endDate", json!("2025-08-01")),
        "field.date_not_before",
        "/C02/trips/0/endDate",
        E,
        Some("C-R10"),
    ),
    case(
        "C-R10 expiry not after issue",
        |v| set(v, "/C02/documents/0/expiryDate", json!("2019-05-10")),
        "field.date_after",
        "/C02/documents/0/expiryDate",
        E,
        Some("C-R10"),
    ),
    case(
        "C-R10 trip outside the report year",
        |v| set(v, "/C02/trips/0/startDate", json!("2024-12-30")),
        "field.date_outside_year",
        "/C02/trips/0/startDate",
        W,
        Some("C-R10"),
    ),
    case(
        "C-R10 business established in the future",
        |v| set(v, "/C13/rows/0/establishedDate", json!("2026-02-01")),
        "field.date_in_future",
        "/C13/rows/0/establishedDate",
        E,
        Some("C-R10"),
    ),
    case(
        "C-R10 emigration date in the future",
        |v| {
            set(v, "/C06/presence", json!("有"));
            set(
                v,
                "/C06/emigrated",
                json!([{"personId": "m2", "country": "CA", "city": "多伦多", "kind": "取得永久居留权", "obtainedDate": "2026-03-01", "docNumber": "PR123"}]),
            );
        },
        "field.date_in_future",
        "/C06/emigrated/0/obtainedDate",
        E,
        Some("C-R10"),
    ),
    // ----- declarative: C12 (C-R14), C13 (C-R15), C11, C14 (C-R16), C-R20 -----
    case(
        "C-R14 stock code not 6 digits",
        |v| {
            set(v, "/C12/presence", json!("有"));
            let mut row = stock_row();
            row["stockCode"] = json!("AAPL");
            set(v, "/C12/stocks", json!([row]));
        },
        "field.pattern",
        "/C12/stocks/0/stockCode",
        W,
        Some("C-R14"),
    ),
    case(
        "C-R14 shares at least 1",
        |v| {
            set(v, "/C12/presence", json!("有"));
            let mut row = stock_row();
            row["shares"] = json!(0);
            set(v, "/C12/stocks", json!([row]));
        },
        "field.below_min",
        "/C12/stocks/0/shares",
        E,
        Some("C-R14"),
    ),
    case(
        "C-R14 policy number required",
        |v| {
            set(v, "/C12/presence", json!("有"));
            set(
                v,
                "/C12/insurance",
                json!([{"policyholderId": "m1", "insuredName": "张小明", "productName": "某某终身寿险（万能型）", "insurer": "某某人寿保险股份有限公司", "premiumsPaidWan": "6.00", "startDate": "2021-06-01"}]),
            );
        },
        "field.required",
        "/C12/insurance/0/policyNo",
        E,
        Some("C-R14"),
    ),
    case(
        "C-R15 subscribed above registered capital",
        |v| set(v, "/C13/rows/0/subscribedWan", json!("120.00")),
        "field.value_not_above",
        "/C13/rows/0/subscribedWan",
        W,
        Some("C-R15"),
    ),
    case("C-R15 domestic business needs a USCC", |v| del(v, "/C13/rows/0/uscc"), "field.required", "/C13/rows/0/uscc", E, Some("C-R15")),
    case(
        "C-R13 co-owned house needs a share",
        |v| del(v, "/C11/rows/1/shareRatio"),
        "field.required",
        "/C11/rows/1/shareRatio",
        W,
        Some("C-R13"),
    ),
    case("C11 purchase needs a price", |v| del(v, "/C11/rows/0/tradePriceWan"), "field.required", "/C11/rows/0/tradePriceWan", E, None),
    case(
        "C-R16 deposit amount above 0",
        |v| {
            set(v, "/C14/presence", json!("有"));
            let mut row = deposit_row();
            row["amountWan"] = json!("0");
            set(v, "/C14/deposits", json!([row]));
        },
        "field.not_above_min",
        "/C14/deposits/0/amountWan",
        E,
        Some("C-R16"),
    ),
    case(
        "C-R20 一把手 states the disclosure",
        |v| del(v, "/header/disclosureStatus"),
        "field.required",
        "/header/disclosureStatus",
        E,
        Some("C-R20"),
    ),
    case(
        "C-R20 disclosed needs a date",
        |v| set(v, "/header/disclosureStatus", json!("已公开")),
        "field.required",
        "/header/disclosedInTeamDate",
        E,
        Some("C-R20"),
    ),
    case(
        "C-R19 signed in the future",
        |v| set(v, "/C16/signedDate", json!("2026-01-16")),
        "field.date_in_future",
        "/C16/signedDate",
        E,
        Some("C-R19"),
    ),
    // ----- declarative: identifiers through the template's links (SPEC §6) -----
    case(
        "register gender against the ID number",
        |v| set(v, "/family/members/2/gender", json!("女")),
        "ident.gender_mismatch",
        "/family/members/2/idNumber",
        E,
        None,
    ),
    case(
        "register birth date against the ID number",
        |v| set(v, "/family/members/1/birthDate", json!("1977-03-09")),
        "ident.birth_mismatch",
        "/family/members/1/idNumber",
        E,
        None,
    ),
    case(
        "register ID check digit",
        |v| set(v, "/family/members/1/idNumber", json!("110105197703080040")),
        "ident.id_card_check_digit",
        "/family/members/1/idNumber",
        E,
        None,
    ),
    case(
        "C-R15 USCC check digit",
        |v| set(v, "/C13/rows/0/uscc", json!("91350100M000100Y44")),
        "ident.uscc_check_digit",
        "/C13/rows/0/uscc",
        E,
        Some("C-R15"),
    ),
    case(
        "C-R15 legacy registration number check",
        |v| set(v, "/C13/rows/0/uscc", json!("110105000000005")),
        "ident.reg_no_check_digit",
        "/C13/rows/0/uscc",
        E,
        Some("C-R15"),
    ),
    case(
        "official passport does not belong in C02",
        |v| set(v, "/C02/documents/0/docNumber", json!("PE1234567")),
        "ident.official_passport",
        "/C02/documents/0/docNumber",
        W,
        None,
    ),
    case(
        "unusual permit number",
        |v| {
            set(
                v,
                "/C03",
                json!({"presence": "有", "documents": [{"docType": "大陆居民往来台湾通行证", "docNumber": "C12345678", "issueDate": "2018-07-01", "expiryDate": "2028-06-30", "custodian": "北京市朝阳区委组织部"}]}),
            );
        },
        "ident.document_uncommon",
        "/C03/documents/0/docNumber",
        W,
        None,
    ),
    case(
        "C-R16 currency is ISO 4217",
        |v| {
            set(v, "/C14/presence", json!("有"));
            let mut row = deposit_row();
            row["currency"] = json!("RMB");
            set(v, "/C14/deposits", json!([row]));
        },
        "ident.currency_unknown",
        "/C14/deposits/0/currency",
        E,
        Some("C-R16"),
    ),
    // ----- named: family register (C-R03) -----
    case(
        "no 本人",
        |v| set(v, "/family/members/0/relation", json!("子女的配偶")),
        "geren.self_missing",
        "/family/members",
        E,
        Some("C-R03"),
    ),
    case(
        "two 本人",
        |v| set(v, "/family/members/2/relation", json!("本人")),
        "geren.self_duplicate",
        "/family/members/2/relation",
        E,
        Some("C-R03"),
    ),
    case(
        "two 配偶",
        |v| set(v, "/family/members/2/relation", json!("配偶")),
        "geren.spouse_duplicate",
        "/family/members/2/relation",
        E,
        Some("C-R03"),
    ),
    case(
        "duplicate row id",
        |v| set(v, "/family/members/2/id", json!("m2")),
        "geren.member_id_duplicate",
        "/family/members/2/id",
        E,
        Some("C-R03"),
    ),
    case(
        "header name differs from 本人",
        |v| set(v, "/header/name", json!("张建军")),
        "geren.header_self_mismatch",
        "/header/name",
        E,
        Some("C-R03"),
    ),
    case(
        "header ID differs from 本人",
        |v| set(v, "/header/idNumber", json!("11010519491231002X")),
        "geren.header_self_mismatch",
        "/header/idNumber",
        E,
        Some("C-R03"),
    ),
    // ----- named: C-R04 -----
    case(
        "C-R04 minor not living together",
        |v| set(v, "/family/members/2/livesTogether", json!(false)),
        "geren.minor_not_dependent",
        "/family/members/2/livesTogether",
        E,
        Some("C-R04"),
    ),
    case(
        "C-R04 adult dependent without reason",
        |v| adult_child(v, "2001-05-20", "110105200105200068", "女"),
        "geren.dependency_reason_required",
        "/family/members/2/dependencyReason",
        E,
        Some("C-R04"),
    ),
    case(
        "C-R04 student above the age limit",
        |v| {
            adult_child(v, "1998-03-03", "110105199803030072", "男");
            set(v, "/family/members/2/dependencyReason", json!("在校就读"));
        },
        "geren.student_over_age",
        "/family/members/2/dependencyReason",
        W,
        Some("C-R04"),
    ),
    // ----- named: deadlines C-R05, C-R06, C-R07 -----
    case("C-R05 year not ended", |v| set(v, "/header/year", json!(2026)), "field.year_not_ended", "/header/year", E, Some("C-R05")),
    case(
        "C-R06 late change report",
        |v| {
            change_report(v);
            set(v, "/header/eventDate", json!("2025-12-15"));
        },
        "geren.late_report",
        "/header/eventDate",
        W,
        Some("C-R06"),
    ),
    case(
        "C-R06 late change report needs a reason",
        |v| {
            change_report(v);
            set(v, "/header/eventDate", json!("2025-11-01"));
        },
        "geren.late_reason_required",
        "/header/lateReason",
        E,
        Some("C-R06"),
    ),
    case(
        "C-R06 listed item left empty",
        |v| {
            change_report(v);
            set(v, "/C07", json!({"presence": "无"}));
        },
        "geren.changed_item_empty",
        "/C07/presence",
        E,
        Some("C-R06"),
    ),
    case(
        "C-R06 change report names the date",
        |v| {
            change_report(v);
            del(v, "/header/eventDate");
        },
        "field.required",
        "/header/eventDate",
        E,
        Some("C-R06"),
    ),
    case(
        "C-R07 late new-appointee report",
        |v| {
            set(v, "/header/reportType", json!("新任报告"));
            set(v, "/header/qualifiedDate", json!("2025-11-01"));
        },
        "geren.late_report",
        "/header/qualifiedDate",
        W,
        Some("C-R07"),
    ),
    case(
        "C-R07 late without reason is a warning",
        |v| {
            set(v, "/header/reportType", json!("新任报告"));
            set(v, "/header/qualifiedDate", json!("2025-11-01"));
        },
        "geren.late_reason_required",
        "/header/lateReason",
        W,
        Some("C-R07"),
    ),
    // ----- named: C-R08, C-R09 -----
    case(
        "C-R08 change-reported item answered 无",
        |v| set(v, "/header/changeReportedItems", json!(["C06"])),
        "geren.snapshot_item_missing",
        "/C06/presence",
        E,
        Some("C-R08"),
    ),
    case(
        "C-R08 change-reported marriage repeated",
        |v| set(v, "/header/changeReportedItems", json!(["C01"])),
        "geren.snapshot_item_missing",
        "/C01/changeInYear",
        E,
        Some("C-R08"),
    ),
    case(
        "C-R09 unmarried with a spouse",
        |v| set(v, "/C01/maritalStatus", json!("未婚")),
        "geren.spouse_without_marriage",
        "/C01/maritalStatus",
        E,
        Some("C-R09"),
    ),
    case(
        "C-R09 married without a spouse",
        |v| {
            set(v, "/family/members/1/relation", json!("子女的配偶"));
            set(v, "/family/members/1/spouseOfChildId", json!("m3"));
        },
        "geren.married_without_spouse",
        "/C01/maritalStatus",
        E,
        Some("C-R09"),
    ),
    case(
        "C-R09 marriage this year without change report",
        |v| {
            set(v, "/C01/changeInYear", json!("结婚"));
            set(v, "/C01/changeDate", json!("2025-06-01"));
        },
        "geren.marital_change_unreported",
        "/C01/changeInYear",
        W,
        Some("C-R09"),
    ),
    // ----- named: C-R11, C-R12, C-R13 -----
    case(
        "C-R11 passport valid 8 years",
        |v| set(v, "/C02/documents/0/expiryDate", json!("2027-05-09")),
        "geren.validity_unusual",
        "/C02/documents/0/expiryDate",
        W,
        Some("C-R11"),
    ),
    case(
        "C-R11 card permit valid 7 years",
        |v| {
            set(
                v,
                "/C03",
                json!({"presence": "有", "documents": [{"docType": "往来港澳通行证", "docNumber": "C12345678", "issueDate": "2018-07-01", "expiryDate": "2025-06-30", "custodian": "北京市朝阳区委组织部"}]}),
            );
        },
        "geren.validity_unusual",
        "/C03/documents/0/expiryDate",
        W,
        Some("C-R11"),
    ),
    case(
        "C-R12 income total 0",
        |v| {
            for k in ["salaryWan", "bonusWan", "allowanceWan", "subsidyWan", "otherWan", "totalWan"] {
                set(v, &format!("/C09/{k}"), json!("0"));
            }
        },
        "geren.income_total_zero",
        "/C09/totalWan",
        W,
        Some("C-R12"),
    ),
    case(
        "C-R12 total is the sum",
        |v| set(v, "/C09/totalWan", json!("25.00")),
        "geren.income_total_mismatch",
        "/C09/totalWan",
        E,
        Some("C-R12"),
    ),
    case(
        "C-R12 salary outlier",
        |v| {
            set(v, "/C09/salaryWan", json!("250.00"));
            set(v, "/C09/totalWan", json!("255.50"));
        },
        "field.outlier",
        "/C09/totalWan",
        W,
        Some("C-R12"),
    ),
    case(
        "C-R12 amounts are non-negative",
        |v| set(v, "/C09/bonusWan", json!("-3.20")),
        "field.amount_format",
        "/C09/bonusWan",
        E,
        Some("C-R12"),
    ),
    case(
        "C10 有 without any amount",
        |v| set(v, "/C10/presence", json!("有")),
        "geren.labour_income_missing",
        "/C10/presence",
        E,
        Some("C-R02"),
    ),
    case(
        "C-R13 house area outlier",
        |v| set(v, "/C11/rows/0/areaM2", json!("1200.00")),
        "field.outlier",
        "/C11/rows/0/areaM2",
        W,
        Some("C-R13"),
    ),
    case("C-R13 area above 0", |v| set(v, "/C11/rows/0/areaM2", json!("0")), "field.not_above_min", "/C11/rows/0/areaM2", E, Some("C-R13")),
    // ----- named: C-R15 … C-R19 -----
    case(
        "C-R15 share ratio disagrees",
        |v| set(v, "/C13/rows/0/shareRatio", json!("25.00")),
        "geren.share_ratio_mismatch",
        "/C13/rows/0/shareRatio",
        W,
        Some("C-R15"),
    ),
    case(
        "C-R16 deposit in the mainland",
        |v| {
            set(v, "/C14/presence", json!("有"));
            let mut row = deposit_row();
            row["country"] = json!("CN");
            set(v, "/C14/deposits", json!([row]));
        },
        "geren.country_domestic",
        "/C14/deposits/0/country",
        E,
        Some("C-R16"),
    ),
    case(
        "C-R16 deposit outlier",
        |v| {
            set(v, "/C14/presence", json!("有"));
            let mut row = deposit_row();
            row["amountWan"] = json!("1500.00");
            set(v, "/C14/deposits", json!([row]));
        },
        "field.outlier",
        "/C14/deposits/0/amountWan",
        W,
        Some("C-R16"),
    ),
    case(
        "C-R16 emigrated to CN",
        |v| {
            set(v, "/C06/presence", json!("有"));
            set(v, "/C06/abroad", json!([{"personId": "m2", "country": "CN", "city": "上海", "since": "2023-01-01", "reason": "工作"}]));
        },
        "geren.country_domestic",
        "/C06/abroad/0/country",
        E,
        Some("C-R16"),
    ),
    case(
        "C-R17 foreign nationality still CN",
        |v| {
            set(v, "/C06/presence", json!("有"));
            set(
                v,
                "/C06/emigrated",
                json!([{"personId": "m2", "country": "CA", "city": "多伦多", "kind": "取得外国国籍", "obtainedDate": "2024-03-01", "docNumber": "CA123"}]),
            );
        },
        "geren.nationality_still_cn",
        "/family/members/1/nationality",
        W,
        Some("C-R17"),
    ),
    case(
        "C-R18 trip with an unlisted passport",
        |v| set(v, "/C02/trips/0/docNumberUsed", json!("E87654321")),
        "geren.trip_document_unknown",
        "/C02/trips/0/docNumberUsed",
        E,
        Some("C-R18"),
    ),
    case(
        "C-R18 Taiwan trip with the HK/Macao permit",
        |v| {
            set(
                v,
                "/C03",
                json!({"presence": "有",
            "documents": [{"docType": "往来港澳通行证", "docNumber": "C12345678", "issueDate": "2018-07-01", "expiryDate": "2028-06-30", "custodian": "北京市朝阳区委组织部"}],
            "trips": [{"startDate": "2025-10-01", "endDate": "2025-10-05", "destinations": ["TW"], "purpose": "旅游", "approvedBy": "北京市朝阳区委组织部", "docNumberUsed": "c1234 5678"}]}),
            );
        },
        "geren.trip_document_wrong_type",
        "/C03/trips/0/docNumberUsed",
        E,
        Some("C-R18"),
    ),
    case("C-R19 pledge not given", |v| set(v, "/C16/pledge", json!(false)), "geren.pledge_required", "/C16/pledge", E, Some("C-R19")),
    case(
        "C-R19 signed by someone else",
        |v| set(v, "/C16/signedName", json!("李秀梅")),
        "geren.signed_name_mismatch",
        "/C16/signedName",
        E,
        Some("C-R19"),
    ),
    case("C-R21 consequences always shown", |_| {}, "geren.consequences", "/C16", I, Some("C-R21")),
];

#[test]
fn each_rule_fires_on_its_mutation() {
    let valid = validate(&fixture());
    let mut failures = Vec::new();
    for c in CASES {
        let mut record = fixture();
        (c.mutate)(&mut record);
        let r = validate(&record);
        let hit = r.findings.iter().find(|f| f.code.as_str() == c.code && f.path == c.path && f.severity == c.severity);
        match hit {
            None => failures.push(format!("{}: expected {} at {} ({:?}); got:\n{}", c.name, c.code, c.path, c.severity, listing(&r))),
            Some(f) if f.rule.as_deref() != c.rule => failures.push(format!("{}: rule {:?}, expected {:?}", c.name, f.rule, c.rule)),
            Some(_) => {}
        }
        if c.severity != Severity::Info && has(&valid, c.code, c.path, c.severity) {
            failures.push(format!("{}: the valid record already raises {} at {}", c.name, c.code, c.path));
        }
        // Every message renders without leftover placeholders in both locales.
        for f in &r.findings {
            for locale in [checklist_core::Locale::ZhCn, checklist_core::Locale::En] {
                let m = f.message(locale);
                if m.contains('{') {
                    failures.push(format!("{}: unfilled message for {}: {m}", c.name, f.code));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
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
