//! Named rules of the 个人有关事项 (geren) checklist: the SPEC §5.6 rules that span sections, read
//! the family register, compute deadlines from configuration or compare amounts, and so cannot be
//! written as declarative template checks. Everything a template can say (required fields, types,
//! identifiers, date order, subjects of C-R03, presence of C-R01/C-R02, C-R10, C-R14, C-R20) lives in
//! `templates/geren.json`.
//!
//! The rules look up sections and tables by the ids of the built-in template (`header`,
//! `family/members`, `C01` … `C16`). A section that is missing from a host's template, or that does
//! not apply (its `when` fails, e.g. C09–C14 in a change report), is skipped. Every [CFG] number
//! comes from [`Config`]; nothing here reads a clock or panics on odd data.

use serde_json::{Map, Value};

use crate::access::{self, cell_path, field_path};
use crate::config::Config;
use crate::date::Date;
use crate::decimal::Decimal;
use crate::finding::codes::field::FieldCode;
pub use crate::finding::codes::geren::GerenCode;
use crate::finding::{Code, Finding, Severity};
use crate::normalize;
use crate::rules::rule::{NamedRule, RuleCtx};
use crate::template::ChecklistKind;

/// The rules of this checklist.
pub static RULES: &[NamedRule] = &[
    rule("C-R03", Severity::Error, "Family register integrity the subject checks rely on: exactly one 本人, at most one 配偶, unique row ids, header name and ID number equal to 本人's", family_register),
    rule("C-R04", Severity::Error, "Children under 18 on asOfDate live together; adult dependent children need a reason; 在校就读 above student_max_age is questioned", dependent_children),
    rule("C-R05", Severity::Warning, "Annual report: the year has ended; filed after the configured deadline in Y+1 is late and needs a reason", annual_deadline_rule),
    rule("C-R06", Severity::Warning, "Change report: due eventDate + change_report_days, late needs a reason; every listed item is filled in", change_report),
    rule("C-R07", Severity::Warning, "New-appointee report: due qualifiedDate + new_appointee_days", new_appointee),
    rule("C-R08", Severity::Error, "The annual report repeats items already covered by this year's change reports", annual_snapshot),
    rule("C-R09", Severity::Error, "C01 marital status agrees with the 配偶 rows of the register; marital changes this year expect a change report", marital_status),
    rule("C-R11", Severity::Warning, "Passports and card-type travel permits are valid 5 years (holder under 16 at issue) or 10 years, ± 1 day", document_validity),
    rule("C-R12", Severity::Warning, "C09 total is the sum of its parts, not 0 and not above the salary outlier; C10 answered 有 has an amount", income),
    rule("C-R13", Severity::Warning, "C11 floor area above the configured outlier", real_estate),
    rule("C-R15", Severity::Warning, "C13 share ratio agrees with subscribed and registered capital", business_share),
    rule("C-R16", Severity::Error, "Places that must be abroad (C04, C06, C14) are not CN; C14 deposits above the configured outlier", abroad_places),
    rule("C-R17", Severity::Warning, "C06 foreign nationality agrees with the register's nationality", emigrated_nationality),
    rule("C-R18", Severity::Error, "C02/C03 trips name a listed document of the right kind", trip_documents),
    rule("C-R19", Severity::Error, "C16 pledge given; signature equals 本人's name", pledge),
    rule("C-R21", Severity::Info, "Shows the consequences of R17-第十三条 before submit", consequences),
];

const fn rule(id: &'static str, severity: Severity, summary: &'static str, run: fn(&RuleCtx<'_>, &mut Vec<Finding>)) -> NamedRule {
    NamedRule { id, kind: ChecklistKind::Geren, severity, summary: crate::rules::rule::summary(summary), run }
}

const ANNUAL: &str = "年度集中报告";
const CHANGE: &str = "事后报告";
const NEW_APPOINTEE: &str = "新任报告";
const MEMBERS: (&str, &str) = ("family", "members");

/// The annual report deadline for report year `year`: `geren.annualDeadline` (`MM-DD`) in
/// `year + 1`, inclusive. `None` when the configured value is not a date of that year. The UI
/// counts down to it from 1 January.
pub fn annual_deadline(year: i32, config: &Config) -> Option<Date> {
    let (m, d) = config.geren.annual_deadline.trim().split_once('-')?;
    let parse = |s: &str| if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) { s.parse::<u32>().ok() } else { None };
    Date::new(year.checked_add(1)?, parse(m)?, parse(d)?)
}

/// The C09 total (合计, 万元) the UI shows read-only: the exact sum of the component amounts
/// that are valid decimals. `None` while none of them is.
pub fn c09_total(record: &Value) -> Option<Decimal> {
    income_sum(record).map(|(sum, _)| sum)
}

const C09_PARTS: [&str; 5] = ["salaryWan", "bonusWan", "allowanceWan", "subsidyWan", "otherWan"];
const C10_PARTS: [&str; 6] = ["lectureWan", "writingWan", "consultingWan", "reviewWan", "artWan", "otherWan"];

/// Sum of the valid C09 parts and how many parts were valid.
fn income_sum(record: &Value) -> Option<(Decimal, usize)> {
    let c09 = access::section(record, "C09");
    let mut sum = Decimal::ZERO;
    let mut n = 0;
    for key in C09_PARTS {
        if let Some(d) = access::decimal(c09, key) {
            sum = sum.checked_add(d)?;
            n += 1;
        }
    }
    (n > 0).then_some((sum, n))
}

// ----- helpers -----------------------------------------------------------------------------

/// Whether the section exists in the template and applies to this record (its `when` holds).
fn applies(ctx: &RuleCtx<'_>, id: &str) -> bool {
    let Some(section) = ctx.template.section(id) else { return false };
    let Some(cond) = &section.when else { return true };
    let empty = Map::new();
    let obj = ctx.record.get(id).and_then(Value::as_object).unwrap_or(&empty);
    cond.eval(obj, ctx.record)
}

/// The section applies and is answered 有.
fn answered_has(ctx: &RuleCtx<'_>, id: &str) -> bool {
    applies(ctx, id) && access::presence(ctx.record, id) == Some(true)
}

fn header<'a>(ctx: &RuleCtx<'a>) -> &'a Value {
    access::section(ctx.record, "header")
}

fn report_type<'a>(ctx: &RuleCtx<'a>) -> Option<&'a str> {
    access::text(access::section(ctx.record, "header"), "reportType")
}

/// A finding at `path` naming the template field `section[/table]/key` by its label (when the
/// template has it), tagged with `rule`.
fn at(
    ctx: &RuleCtx<'_>,
    code: impl Into<Code>,
    sev: Severity,
    rule: &str,
    path: String,
    (section, table, key): (&str, Option<&str>, &str),
) -> Finding {
    let field = ctx.template.section(section).and_then(|s| match table {
        Some(t) => s.table(t).and_then(|t| t.column(key)),
        None => s.field(key),
    });
    let f = match field {
        Some(field) => Finding::labelled(code, sev, path, &field.label),
        None => Finding::new(code, sev, path),
    };
    f.rule(rule)
}

fn field_at(ctx: &RuleCtx<'_>, code: impl Into<Code>, sev: Severity, rule: &str, section: &str, key: &str) -> Finding {
    at(ctx, code, sev, rule, field_path(section, key), (section, None, key))
}

fn cell_at(
    ctx: &RuleCtx<'_>,
    code: impl Into<Code>,
    sev: Severity,
    rule: &str,
    (section, table, i, key): (&str, &str, usize, &str),
) -> Finding {
    at(ctx, code, sev, rule, cell_path(section, table, i, key), (section, Some(table), key))
}

fn members<'a>(ctx: &RuleCtx<'a>) -> &'a [Value] {
    access::rows(ctx.record, MEMBERS.0, MEMBERS.1)
}

fn relation(row: &Value) -> Option<&str> {
    access::text(row, "relation")
}

/// The first 本人 row.
fn self_row<'a>(ctx: &RuleCtx<'a>) -> Option<&'a Value> {
    members(ctx).iter().find(|r| relation(r) == Some("本人"))
}

fn member_index(ctx: &RuleCtx<'_>, id: &str) -> Option<usize> {
    members(ctx).iter().position(|r| access::text(r, "id") == Some(id))
}

fn spouse_count(ctx: &RuleCtx<'_>) -> usize {
    members(ctx).iter().filter(|r| relation(r) == Some("配偶")).count()
}

fn same_name(a: &str, b: &str) -> bool {
    let clean = |s: &str| normalize::name(&normalize::to_half_width(s)).0.split_whitespace().collect::<String>();
    clean(a) == clean(b)
}

/// A register row's birth date: the `birthDate` cell, else the one encoded in a resident ID number.
fn birth_date(row: &Value) -> Option<Date> {
    access::date(row, "birthDate").or_else(|| {
        if access::text(row, "idType") != Some("居民身份证") {
            return None;
        }
        let n = normalize::identifier(access::text(row, "idNumber")?);
        Date::parse_compact(n.get(6..14)?).ok()
    })
}

/// The reference date for ages (C-R04): `geren.asOfDate`, else the submission date (today for
/// a draft).
fn as_of(ctx: &RuleCtx<'_>) -> Date {
    ctx.config.geren.as_of_date.as_deref().and_then(|s| Date::parse(s.trim()).ok()).unwrap_or_else(|| ctx.filed_on())
}

fn config_decimal(s: &str) -> Option<Decimal> {
    Decimal::parse(s.trim(), 20, 4).ok()
}

/// The value in units of 1/10 000 (exact, from the fixed four-decimal rendering).
fn scaled(d: Decimal) -> Option<i128> {
    d.format(4).replace('.', "").parse().ok()
}

fn item_label(ctx: &RuleCtx<'_>, item: &str) -> String {
    match ctx.template.section(item) {
        Some(s) => format!("{} {}", item, s.title.zh),
        None => item.to_owned(),
    }
}

// ----- C-R03: family register ---------------------------------------------------------------

fn family_register(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let rows = members(ctx);
    if ctx.template.section(MEMBERS.0).and_then(|s| s.table(MEMBERS.1)).is_none() {
        return;
    }
    let mut selves = 0;
    let mut spouses = 0;
    let mut ids: Vec<&str> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match relation(row) {
            Some("本人") => {
                selves += 1;
                if selves > 1 {
                    out.push(cell_at(ctx, GerenCode::SelfDuplicate, Severity::Error, "C-R03", (MEMBERS.0, MEMBERS.1, i, "relation")));
                }
            }
            Some("配偶") => {
                spouses += 1;
                if spouses > 1 {
                    out.push(cell_at(ctx, GerenCode::SpouseDuplicate, Severity::Error, "C-R03", (MEMBERS.0, MEMBERS.1, i, "relation")));
                }
            }
            _ => {}
        }
        if let Some(id) = access::text(row, "id") {
            if ids.contains(&id) {
                out.push(cell_at(ctx, GerenCode::MemberIdDuplicate, Severity::Error, "C-R03", (MEMBERS.0, MEMBERS.1, i, "id")));
            } else {
                ids.push(id);
            }
        }
    }
    // An empty register is already reported by the table's minRows.
    if selves == 0 && !rows.is_empty() {
        out.push(Finding::new(GerenCode::SelfMissing, Severity::Error, format!("/{}/{}", MEMBERS.0, MEMBERS.1)).rule("C-R03"));
    }
    let (Some(me), true) = (self_row(ctx), applies(ctx, "header")) else { return };
    let h = header(ctx);
    if let (Some(a), Some(b)) = (access::text(h, "name"), access::text(me, "name")) {
        if !same_name(a, b) {
            out.push(field_at(ctx, GerenCode::HeaderSelfMismatch, Severity::Error, "C-R03", "header", "name"));
        }
    }
    if let (Some(a), Some(b)) = (access::text(h, "idNumber"), access::text(me, "idNumber")) {
        if normalize::identifier(a) != normalize::identifier(b) {
            out.push(field_at(ctx, GerenCode::HeaderSelfMismatch, Severity::Error, "C-R03", "header", "idNumber"));
        }
    }
}

// ----- C-R04: dependent children ------------------------------------------------------------

fn dependent_children(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let on = as_of(ctx);
    let max = ctx.config.geren.student_max_age;
    for (i, row) in members(ctx).iter().enumerate() {
        if relation(row) != Some("子女") {
            continue;
        }
        let Some(birth) = birth_date(row) else { continue };
        let age = birth.age_on(on);
        let together = access::boolean(row, "livesTogether");
        if age < 18 {
            if together == Some(false) {
                out.push(cell_at(ctx, GerenCode::MinorNotDependent, Severity::Error, "C-R04", (MEMBERS.0, MEMBERS.1, i, "livesTogether")));
            }
            continue;
        }
        if together != Some(true) {
            continue;
        }
        match access::text(row, "dependencyReason") {
            None => out.push(cell_at(
                ctx,
                GerenCode::DependencyReasonRequired,
                Severity::Error,
                "C-R04",
                (MEMBERS.0, MEMBERS.1, i, "dependencyReason"),
            )),
            Some("在校就读") if i64::from(age) > i64::from(max) => out.push(
                cell_at(ctx, GerenCode::StudentOverAge, Severity::Warning, "C-R04", (MEMBERS.0, MEMBERS.1, i, "dependencyReason"))
                    .param("age", age)
                    .param("max", max),
            ),
            Some(_) => {}
        }
    }
}

// ----- C-R05 / C-R06 / C-R07: deadlines -----------------------------------------------------

/// Pushes the lateness findings when the report was (or, for a draft, would be) filed after
/// `due`: judged by the submission date when there is one, by today only for a draft.
fn late(ctx: &RuleCtx<'_>, rule: &str, due: Date, date_key: &str, reason_severity: Severity, out: &mut Vec<Finding>) {
    if ctx.filed_on() <= due {
        return;
    }
    out.push(field_at(ctx, GerenCode::LateReport, Severity::Warning, rule, "header", date_key).param("due", due));
    if access::text(header(ctx), "lateReason").is_none() {
        out.push(field_at(ctx, GerenCode::LateReasonRequired, reason_severity, rule, "header", "lateReason"));
    }
}

fn annual_deadline_rule(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if report_type(ctx) != Some(ANNUAL) {
        return;
    }
    let Some(year) = access::report_year(ctx.record) else { return };
    // The annual report covers a finished year (C-R05 "Do not allow Y ≥ current year"); a
    // change or new-appointee report may concern the current year, so the template's year field
    // cannot carry this bound itself.
    let filed = ctx.filed_on();
    if year >= filed.year() {
        out.push(field_at(ctx, FieldCode::YearNotEnded, Severity::Error, "C-R05", "header", "year").param("current", filed.year()));
        return;
    }
    if let Some(due) = annual_deadline(year, ctx.config) {
        late(ctx, "C-R05", due, "year", Severity::Error, out);
    }
}

fn change_report(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if report_type(ctx) != Some(CHANGE) {
        return;
    }
    let h = header(ctx);
    if let Some(due) = access::date(h, "eventDate").and_then(|d| d.add_days(i64::from(ctx.config.geren.change_report_days))) {
        late(ctx, "C-R06", due, "eventDate", Severity::Error, out);
    }
    for item in access::strings(h, "changedItems") {
        if let Some(f) = item_left_empty(ctx, item, GerenCode::ChangedItemEmpty, "C-R06") {
            out.push(f);
        }
    }
}

/// A finding when `item` (C01–C08) states nothing: C01 without a change this year, any other
/// item answered 无.
fn item_left_empty(ctx: &RuleCtx<'_>, item: &str, code: GerenCode, rule: &str) -> Option<Finding> {
    if !applies(ctx, item) {
        return None;
    }
    let empty = if item == "C01" {
        access::text(access::section(ctx.record, "C01"), "changeInYear") == Some("无")
    } else {
        access::presence(ctx.record, item) == Some(false)
    };
    if !empty {
        return None;
    }
    let key = if item == "C01" { "changeInYear" } else { crate::template::PRESENCE_KEY };
    let f = if item == "C01" {
        field_at(ctx, code, Severity::Error, rule, item, key)
    } else {
        Finding::new(code, Severity::Error, field_path(item, key)).rule(rule)
    };
    Some(f.param("item", item_label(ctx, item)))
}

fn new_appointee(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if report_type(ctx) != Some(NEW_APPOINTEE) {
        return;
    }
    if let Some(due) = access::date(header(ctx), "qualifiedDate").and_then(|d| d.add_days(i64::from(ctx.config.geren.new_appointee_days))) {
        // SPEC gives C-R07 as a warning only, so a missing reason is a warning too.
        late(ctx, "C-R07", due, "qualifiedDate", Severity::Warning, out);
    }
}

// ----- C-R08: the annual report is a full snapshot ------------------------------------------

fn annual_snapshot(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if report_type(ctx) != Some(ANNUAL) {
        return;
    }
    for item in access::strings(header(ctx), "changeReportedItems") {
        if let Some(f) = item_left_empty(ctx, item, GerenCode::SnapshotItemMissing, "C-R08") {
            out.push(f);
        }
    }
}

// ----- C-R09: marital status ----------------------------------------------------------------

fn marital_status(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if !applies(ctx, "C01") {
        return;
    }
    let c01 = access::section(ctx.record, "C01");
    let spouses = spouse_count(ctx);
    match access::text(c01, "maritalStatus") {
        Some(s) if s.starts_with("已婚") && spouses == 0 => {
            out.push(field_at(ctx, GerenCode::MarriedWithoutSpouse, Severity::Error, "C-R09", "C01", "maritalStatus"));
        }
        Some(s @ ("未婚" | "离婚" | "丧偶")) if spouses > 0 => {
            out.push(field_at(ctx, GerenCode::SpouseWithoutMarriage, Severity::Error, "C-R09", "C01", "maritalStatus").param("status", s));
        }
        _ => {}
    }
    // A change during the report year should already have been reported within the change
    // window (R17-第六条); the annual report only repeats it.
    if report_type(ctx) != Some(ANNUAL) {
        return;
    }
    let changed = matches!(access::text(c01, "changeInYear"), Some(c) if c != "无");
    let in_year = match (access::date(c01, "changeDate"), access::report_year(ctx.record)) {
        (Some(d), Some(y)) => d.year() == y,
        _ => false,
    };
    if changed && in_year && !access::contains(header(ctx), "changeReportedItems", "C01") {
        out.push(
            field_at(ctx, GerenCode::MaritalChangeUnreported, Severity::Warning, "C-R09", "C01", "changeInYear")
                .param("days", ctx.config.geren.change_report_days),
        );
    }
}

// ----- C-R11: document validity -------------------------------------------------------------

fn document_validity(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let birth = self_row(ctx).and_then(birth_date);
    for item in ["C02", "C03"] {
        if !answered_has(ctx, item) {
            continue;
        }
        for (i, row) in access::rows(ctx.record, item, "documents").iter().enumerate() {
            let (Some(issue), Some(expiry)) = (access::date(row, "issueDate"), access::date(row, "expiryDate")) else { continue };
            if expiry <= issue {
                continue; // C-R10 reports the order.
            }
            let number = access::text(row, "docNumber").map(normalize::identifier).unwrap_or_default();
            // Only the card-type permits (港澳 `C…`, 台湾 `L…`) have the 5/10-year rule; old
            // booklets had other terms.
            if item == "C03" && !(number.starts_with('C') || number.starts_with('L')) {
                continue;
            }
            let terms: &[i32] = match birth.map(|b| b.age_on(issue)) {
                Some(age) if age < 16 => &[5],
                Some(_) => &[10],
                None => &[5, 10],
            };
            let plausible =
                terms.iter().any(|&years| issue.add_months(years * 12).is_some_and(|expected| expected.days_until(expiry).abs() <= 1));
            if !plausible {
                let years = terms.iter().map(i32::to_string).collect::<Vec<_>>().join("/");
                out.push(
                    cell_at(ctx, GerenCode::ValidityUnusual, Severity::Warning, "C-R11", (item, "documents", i, "expiryDate"))
                        .param("years", years),
                );
            }
        }
    }
}

// ----- C-R12: income ------------------------------------------------------------------------

fn income(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if answered_has(ctx, "C09") {
        let c09 = access::section(ctx.record, "C09");
        if let Some((total, valid)) = income_sum(ctx.record) {
            // The UI fills the total; a different stored one comes from an edited import.
            if access::text(c09, "totalWan").is_some() && access::decimal(c09, "totalWan") != Some(total) {
                out.push(
                    field_at(ctx, GerenCode::IncomeTotalMismatch, Severity::Error, "C-R12", "C09", "totalWan")
                        .param("total", total.format(2)),
                );
            }
            if valid == C09_PARTS.len() && total.is_zero() {
                out.push(field_at(ctx, GerenCode::IncomeTotalZero, Severity::Warning, "C-R12", "C09", "totalWan"));
            }
            if let Some(limit) = config_decimal(&ctx.config.geren.outliers.annual_salary_wan) {
                if total > limit {
                    out.push(
                        field_at(ctx, FieldCode::Outlier, Severity::Warning, "C-R12", "C09", "totalWan")
                            .param("limit", limit)
                            .param("unit", "万元"),
                    );
                }
            }
        }
    }
    if answered_has(ctx, "C10") {
        let c10 = access::section(ctx.record, "C10");
        let any = C10_PARTS.iter().any(|k| access::decimal(c10, k).is_some_and(|d| !d.is_zero()));
        // Malformed amounts have their own findings; only a section with nothing typed is empty.
        let typed = C10_PARTS.iter().any(|k| !access::is_empty(c10.get(*k)) && access::decimal(c10, k).is_none());
        if !any && !typed {
            out.push(
                Finding::new(GerenCode::LabourIncomeMissing, Severity::Error, field_path("C10", crate::template::PRESENCE_KEY))
                    .rule("C-R02"),
            );
        }
    }
}

// ----- C-R13: real estate -------------------------------------------------------------------

fn real_estate(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if !answered_has(ctx, "C11") {
        return;
    }
    outliers(ctx, ("C11", "rows", "areaM2"), &ctx.config.geren.outliers.house_area_m2, "㎡", "C-R13", out);
}

/// Warns on each cell of `(item, table, key)` above the configured `limit` (SPEC §6.6).
fn outliers(ctx: &RuleCtx<'_>, (item, table, key): (&str, &str, &str), limit: &str, unit: &str, rule: &str, out: &mut Vec<Finding>) {
    let Some(limit) = config_decimal(limit) else { return };
    for (i, row) in access::rows(ctx.record, item, table).iter().enumerate() {
        if access::decimal(row, key).is_some_and(|a| a > limit) {
            out.push(
                cell_at(ctx, FieldCode::Outlier, Severity::Warning, rule, (item, table, i, key)).param("limit", limit).param("unit", unit),
            );
        }
    }
}

// ----- C-R15: business shares ---------------------------------------------------------------

fn business_share(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if !answered_has(ctx, "C13") {
        return;
    }
    for (i, row) in access::rows(ctx.record, "C13", "rows").iter().enumerate() {
        let parts = (access::decimal(row, "regCapitalWan"), access::decimal(row, "subscribedWan"), access::decimal(row, "shareRatio"));
        let (Some(cap), Some(sub), Some(ratio)) = parts else { continue };
        let (Some(cap), Some(sub), Some(ratio)) = (scaled(cap), scaled(sub), scaled(ratio)) else { continue };
        if cap <= 0 || sub > cap {
            continue; // subscribedWan ≤ regCapitalWan is the template's check.
        }
        // ratio% × capital = subscribed × 100, within one hundredth of a percentage point (the
        // precision the ratio is written with). All in units of 1/10 000.
        // Checked: the tolerant reader accepts up to 20 integer digits, more than i128 can multiply.
        let Some(gap) = ratio.checked_mul(cap).and_then(|l| l.checked_sub(sub.checked_mul(1_000_000)?)).map(i128::abs) else { continue };
        let Some(tolerance) = cap.checked_mul(100) else { continue };
        if gap > tolerance {
            let Some(hundredths) =
                sub.checked_mul(20_000).and_then(|n| n.checked_add(cap)).and_then(|n| n.checked_div(cap.checked_mul(2)?))
            else {
                continue;
            };
            let expected = format!("{}.{:02}", hundredths / 100, hundredths % 100);
            out.push(
                cell_at(ctx, GerenCode::ShareRatioMismatch, Severity::Warning, "C-R15", ("C13", "rows", i, "shareRatio"))
                    .param("expected", expected),
            );
        }
    }
}

// ----- C-R16: places abroad -----------------------------------------------------------------

fn abroad_places(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let places: [(&str, &str, &str); 5] = [
        ("C04", "rows", "childSpouseNationality"),
        ("C06", "emigrated", "country"),
        ("C06", "abroad", "country"),
        ("C14", "deposits", "country"),
        ("C14", "investments", "country"),
    ];
    for (item, table, key) in places {
        if !answered_has(ctx, item) {
            continue;
        }
        for (i, row) in access::rows(ctx.record, item, table).iter().enumerate() {
            if access::text(row, key).is_some_and(|c| c.eq_ignore_ascii_case("CN")) {
                out.push(cell_at(ctx, GerenCode::CountryDomestic, Severity::Error, "C-R16", (item, table, i, key)));
            }
        }
    }
    if !answered_has(ctx, "C14") {
        return;
    }
    outliers(ctx, ("C14", "deposits", "amountWan"), &ctx.config.geren.outliers.deposit_abroad_wan, "万", "C-R16", out);
}

// ----- C-R17: emigrated nationality ---------------------------------------------------------

fn emigrated_nationality(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if !answered_has(ctx, "C06") {
        return;
    }
    for row in access::rows(ctx.record, "C06", "emigrated") {
        if access::text(row, "kind") != Some("取得外国国籍") {
            continue;
        }
        let Some(j) = access::text(row, "personId").and_then(|id| member_index(ctx, id)) else { continue };
        let Some(person) = members(ctx).get(j) else { continue };
        if access::text(person, "nationality").is_some_and(|c| c.eq_ignore_ascii_case("CN")) {
            let name = access::text(person, "name").unwrap_or("");
            out.push(
                cell_at(ctx, GerenCode::NationalityStillCn, Severity::Warning, "C-R17", (MEMBERS.0, MEMBERS.1, j, "nationality"))
                    .param("name", name),
            );
        }
    }
}

// ----- C-R18: trip documents ----------------------------------------------------------------

const HK_MACAO_PERMIT: &str = "往来港澳通行证";
const TAIWAN_PERMIT: &str = "大陆居民往来台湾通行证";

fn trip_documents(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in ["C02", "C03"] {
        if !answered_has(ctx, item) {
            continue;
        }
        let docs: Vec<(String, Option<&str>)> = access::rows(ctx.record, item, "documents")
            .iter()
            .filter_map(|r| Some((normalize::identifier(access::text(r, "docNumber")?), access::text(r, "docType"))))
            .collect();
        for (i, trip) in access::rows(ctx.record, item, "trips").iter().enumerate() {
            let Some(used) = access::text(trip, "docNumberUsed").map(normalize::identifier) else { continue };
            let Some((_, doc_type)) = docs.iter().find(|(n, _)| *n == used) else {
                out.push(cell_at(ctx, GerenCode::TripDocumentUnknown, Severity::Error, "C-R18", (item, "trips", i, "docNumberUsed")));
                continue;
            };
            if item != "C03" {
                continue;
            }
            for dest in access::strings(trip, "destinations") {
                let (needed, region, region_en, doc_en) = match dest {
                    "HK" => (HK_MACAO_PERMIT, "香港", "Hong Kong", "exit-entry permit for Hong Kong and Macao"),
                    "MO" => (HK_MACAO_PERMIT, "澳门", "Macao", "exit-entry permit for Hong Kong and Macao"),
                    "TW" => (TAIWAN_PERMIT, "台湾", "Taiwan", "mainland residents' travel permit to Taiwan"),
                    _ => continue,
                };
                if doc_type.is_some_and(|t| t != needed) {
                    out.push(
                        cell_at(ctx, GerenCode::TripDocumentWrongType, Severity::Error, "C-R18", (item, "trips", i, "docNumberUsed"))
                            .param("region", region)
                            .param("region_en", region_en)
                            .param("document", needed)
                            .param("document_en", doc_en),
                    );
                    break;
                }
            }
        }
    }
}

// ----- C-R19 / C-R21: pledge and consequences ----------------------------------------------

fn pledge(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if !applies(ctx, "C16") {
        return;
    }
    let c16 = access::section(ctx.record, "C16");
    if access::boolean(c16, "pledge") == Some(false) {
        out.push(field_at(ctx, GerenCode::PledgeRequired, Severity::Error, "C-R19", "C16", "pledge"));
    }
    if let (Some(signed), Some(own)) = (access::text(c16, "signedName"), self_row(ctx).and_then(|r| access::text(r, "name"))) {
        if !same_name(signed, own) {
            out.push(field_at(ctx, GerenCode::SignedNameMismatch, Severity::Error, "C-R19", "C16", "signedName"));
        }
    }
}

fn consequences(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    if ctx.template.section("C16").is_some() {
        out.push(Finding::new(GerenCode::Consequences, Severity::Info, "/C16").rule("C-R21"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::geren::*;
    use serde_json::json;

    #[test]
    fn annual_deadline_follows_config() {
        let mut cfg = Config::default();
        assert_eq!(annual_deadline(2025, &cfg), Date::new(2026, 1, 31));
        cfg.geren.annual_deadline = "03-01".into();
        assert_eq!(annual_deadline(2025, &cfg), Date::new(2026, 3, 1));
        for bad in ["", "0131", "13-01", "02-30", "1-x", "001-01"] {
            cfg.geren.annual_deadline = bad.into();
            assert_eq!(annual_deadline(2025, &cfg), None, "{bad:?}");
        }
        assert_eq!(annual_deadline(i32::MAX, &Config::default()), None);
    }

    #[test]
    fn c09_total_sums_valid_parts_exactly() {
        let p = |s: &str| Decimal::parse(s, 20, 4).unwrap();
        let r = json!({"C09": {"salaryWan": "18.60", "bonusWan": "3.20", "allowanceWan": "1.50", "subsidyWan": "0.80", "otherWan": "0"}});
        assert_eq!(c09_total(&r), Some(p("24.1")));
        let partial = json!({"C09": {"salaryWan": "0.10", "bonusWan": "abc", "otherWan": "0.20"}});
        assert_eq!(c09_total(&partial), Some(p("0.3")));
        assert_eq!(c09_total(&json!({"C09": {"salaryWan": "-1"}})), None);
        assert_eq!(c09_total(&json!({})), None);
        assert_eq!(c09_total(&json!([1, 2])), None);
    }

    #[test]
    fn scaled_is_exact() {
        let p = |s: &str| Decimal::parse(s, 20, 4).unwrap();
        assert_eq!(scaled(p("12.3")), Some(123_000));
        assert_eq!(scaled(p("0")), Some(0));
        assert_eq!(scaled(p("9999999999.99")), Some(99_999_999_999_900));
    }

    #[test]
    fn birth_date_falls_back_to_the_id_number() {
        let row = json!({"idType": "居民身份证", "idNumber": "110105201209010052"});
        assert_eq!(birth_date(&row), Date::new(2012, 9, 1));
        let row = json!({"idType": "护照", "idNumber": "E12345678"});
        assert_eq!(birth_date(&row), None);
        let row = json!({"idType": "居民身份证", "idNumber": "1101"});
        assert_eq!(birth_date(&row), None);
        let row = json!({"birthDate": "2001-02-03", "idType": "居民身份证", "idNumber": "110105201209010052"});
        assert_eq!(birth_date(&row), Date::new(2001, 2, 3));
    }

    #[test]
    fn names_compare_after_normalisation() {
        assert!(same_name(" 买买提·艾力 ", "买买提•艾力"));
        assert!(same_name("王 伟", "王伟"));
        assert!(!same_name("王伟", "王玮"));
    }

    #[test]
    fn every_rule_is_geren_and_every_code_has_messages() {
        assert!(RULES.iter().all(|r| r.kind == ChecklistKind::Geren && r.id.starts_with("C-R")));
        for code in GerenCode::ALL {
            for locale in [crate::locale::Locale::ZhCn, crate::locale::Locale::En] {
                assert!(!code.message(locale).is_empty());
            }
            assert_eq!(GerenCode::parse(code.as_str()), Some(*code));
        }
    }
}
