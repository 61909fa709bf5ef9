//! The 个人有关事项 (geren) rules one mutation at a time: each case mutates the valid record
//! (`fixtures/geren_valid.json`) and asserts the exact code, path and severity, and that the valid
//! record does not raise it.

use crate::geren_rules::{adult_child, change_report, del, deposit_row, fixture, has, listing, set, stock_row, validate, Mutation};
use checklist_core::Severity;
use serde_json::json;

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
        "field.expected",
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
