//! Last year's record as a starting point (复制上年数据) and the comparison of a record with it
//! (SPEC §5.4 “与上一年度相比有无变化”).
//!
//! [`roll_forward`] turns last year's data into the start of this year's record: the year moves
//! on by one and whatever belongs to one year only is left out (see its docs for the list per
//! checklist). [`compare`] tells, section by section, which items changed and which table rows
//! were added, removed or changed: rows are paired by their `id` where both sides carry the same
//! one (the family register), otherwise by content (equal rows first, then the most similar
//! row when at least half of the filled-in cells agree).
//!
//! Pure: no clock, no web imports, and no panic on any record shape; malformed parts are
//! compared as they are.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::template::{ChecklistKind, Template, CHANGED_KEY};

/// A field of a section whose value differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    /// The field key (`presence` included).
    pub key: String,
    /// Last year's value (absent when it was not filled).
    pub before: Option<Value>,
    /// This year's value (absent when it is not filled).
    pub after: Option<Value>,
}

/// A row present in both years whose cells differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowChange {
    /// Index of the row in last year's table.
    pub base: usize,
    /// Index of the row in this year's table.
    pub current: usize,
    /// The columns that differ.
    pub keys: Vec<String>,
}

/// How one table changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableDiff {
    /// Table id.
    pub table: String,
    /// Indexes (this year) of rows that are new.
    pub added: Vec<usize>,
    /// Indexes (last year) of rows that are gone.
    pub removed: Vec<usize>,
    /// Rows present in both years with different cells.
    pub changed: Vec<RowChange>,
    /// Rows present in both years unchanged.
    pub unchanged: usize,
}

impl TableDiff {
    /// Whether anything in the table changed.
    pub fn is_changed(&self) -> bool {
        !(self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty())
    }
}

/// How one section changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionDiff {
    /// Section id.
    pub section: String,
    /// Fields whose value differs.
    pub fields: Vec<FieldChange>,
    /// Every table of the section (changed or not).
    pub tables: Vec<TableDiff>,
}

impl SectionDiff {
    /// Whether anything in the section changed since last year.
    pub fn is_changed(&self) -> bool {
        !self.fields.is_empty() || self.tables.iter().any(TableDiff::is_changed)
    }
}

/// A record compared with last year's, one entry per template section, in template order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Sections in template order.
    pub sections: Vec<SectionDiff>,
}

impl Comparison {
    /// The entry of a section.
    pub fn section(&self, id: &str) -> Option<&SectionDiff> {
        self.sections.iter().find(|s| s.section == id)
    }

    /// The sections that changed.
    pub fn changed(&self) -> impl Iterator<Item = &SectionDiff> {
        self.sections.iter().filter(|s| s.is_changed())
    }
}

/// Fields never reported as a change: the year always moves on, and the 有变化 / 无变化 answer
/// is itself about the change.
fn ignored(section: &str, key: &str) -> bool {
    key == CHANGED_KEY || (section == "header" && key == "year")
}

/// Compares `current` with last year's `base`, section by section of `template`.
pub fn compare(template: &Template, base: &Value, current: &Value) -> Comparison {
    let empty = Map::new();
    let sections = template
        .sections
        .iter()
        .map(|sec| {
            let b = base.get(&sec.id).and_then(Value::as_object).unwrap_or(&empty);
            let c = current.get(&sec.id).and_then(Value::as_object).unwrap_or(&empty);
            let is_table = |k: &str| sec.tables.iter().any(|t| t.id == k);
            let mut keys: Vec<&String> = b.keys().chain(c.keys()).filter(|k| !is_table(k) && !ignored(&sec.id, k)).collect();
            // Template order first, then anything else alphabetically.
            let order = |k: &str| sec.fields.iter().position(|f| f.key == k).map_or((1, k.to_owned()), |i| (0, format!("{i:06}")));
            crate::sort::sort_by_key(&mut keys, |k| order(k));
            keys.dedup();
            let fields = keys
                .into_iter()
                .filter_map(|k| {
                    let (before, after) = (filled(b.get(k)), filled(c.get(k)));
                    if same(before, after) {
                        None
                    } else {
                        Some(FieldChange { key: k.clone(), before: before.cloned(), after: after.cloned() })
                    }
                })
                .collect();
            let tables = sec
                .tables
                .iter()
                .map(|t| {
                    let rows = |o: &Map<String, Value>| o.get(&t.id).and_then(Value::as_array).cloned().unwrap_or_default();
                    diff_rows(&t.id, &rows(b), &rows(c))
                })
                .collect();
            SectionDiff { section: sec.id.clone(), fields, tables }
        })
        .collect();
    Comparison { sections }
}

/// `None` for missing, null, empty text and empty lists: all mean "not filled".
fn filled(v: Option<&Value>) -> Option<&Value> {
    match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::Array(a)) if a.is_empty() => None,
        Some(v) => Some(v),
    }
}

/// Equal values; a number and the same digits as text are equal (form inputs give text).
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (filled(a), filled(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x == y
                || matches!((x, y), (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) if n.to_string() == s.trim())
        }
        _ => false,
    }
}

fn row_id(row: &Value) -> Option<&str> {
    row.get("id").and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// The cells of a row other than its id.
fn cells(row: &Value) -> Vec<(&String, &Value)> {
    row.as_object().map(|o| o.iter().filter(|(k, v)| k.as_str() != "id" && filled(Some(v)).is_some()).collect()).unwrap_or_default()
}

/// The columns in which two rows differ (the id excluded).
fn differing(a: &Value, b: &Value) -> Vec<String> {
    let mut keys: Vec<&String> = cells(a).into_iter().chain(cells(b)).map(|(k, _)| k).collect();
    crate::sort::sort(&mut keys);
    keys.dedup();
    keys.into_iter().filter(|k| !same(a.get(k.as_str()), b.get(k.as_str()))).cloned().collect()
}

fn equal_cells(a: &Value, b: &Value) -> usize {
    cells(a).into_iter().filter(|(k, v)| same(Some(v), b.get(k.as_str()))).count()
}

fn diff_rows(table: &str, base: &[Value], current: &[Value]) -> TableDiff {
    let mut d = TableDiff { table: table.to_owned(), ..TableDiff::default() };
    let mut base_used = vec![false; base.len()];
    let mut cur_used = vec![false; current.len()];
    let pair = |d: &mut TableDiff, bi: usize, ci: usize| {
        let keys = differing(&base[bi], &current[ci]);
        if keys.is_empty() {
            d.unchanged += 1;
        } else {
            d.changed.push(RowChange { base: bi, current: ci, keys });
        }
    };
    // 1. The same id on both sides.
    for (ci, c) in current.iter().enumerate() {
        let Some(id) = row_id(c) else { continue };
        if let Some(bi) = base.iter().enumerate().position(|(bi, b)| !base_used[bi] && row_id(b) == Some(id)) {
            base_used[bi] = true;
            cur_used[ci] = true;
            pair(&mut d, bi, ci);
        }
    }
    // 2. Equal content.
    for (ci, c) in current.iter().enumerate() {
        if cur_used[ci] {
            continue;
        }
        if let Some(bi) = (0..base.len()).find(|&bi| !base_used[bi] && differing(&base[bi], c).is_empty()) {
            base_used[bi] = true;
            cur_used[ci] = true;
            d.unchanged += 1;
        }
    }
    // 3. The most similar row, when at least half of the filled-in cells agree.
    for (ci, c) in current.iter().enumerate() {
        if cur_used[ci] {
            continue;
        }
        let best = (0..base.len())
            .filter(|&bi| !base_used[bi])
            // Rows that both carry ids, different ones, are different people or things.
            .filter(|&bi| !matches!((row_id(&base[bi]), row_id(c)), (Some(a), Some(b)) if a != b))
            .map(|bi| (equal_cells(&base[bi], c), bi))
            .filter(|&(eq, bi)| eq > 0 && eq * 2 >= cells(&base[bi]).len().max(cells(c).len()))
            .max_by_key(|&(eq, bi)| (eq, std::cmp::Reverse(bi)));
        if let Some((_, bi)) = best {
            base_used[bi] = true;
            cur_used[ci] = true;
            pair(&mut d, bi, ci);
        }
    }
    d.added = (0..current.len()).filter(|&i| !cur_used[i]).collect();
    d.removed = (0..base.len()).filter(|&i| !base_used[i]).collect();
    crate::sort::sort_by_key(&mut d.changed, |r| r.current);
    d
}

/// Header fields of a 个人有关事项 report that describe one year's filing only.
const GEREN_HEADER_DROP: &[&str] = &[
    "eventDate",
    "changedItems",
    "changeReportedItems",
    "qualifiedDate",
    "lateReason",
    "disclosureStatus",
    "disclosedInTeamDate",
    "disclosedInTeamForm",
    "disclosedInTeamMeeting",
];

/// Header fields of a 述职 report that stay from one year to the next (who reports, where).
const SHUZHI_HEADER_KEEP: &[&str] = &[
    "reporterName",
    "reporterPosition",
    "reporterRank",
    "reporterRole",
    "supervisesSubordinateYBS",
    "reportKind",
    "meetingType",
    "unitName",
    "unitUSCC",
];

/// C11 dispositions that take a house out of the family's ownership.
const DISPOSED: &[&str] = &["出售", "赠与", "被征收"];

/// The start of this year's record from last year's data (`last`, the `data` of an export).
///
/// Always: `/header/year` moves on by one (a year given as digits becomes a number), and every
/// 与上一年度相比有无变化 answer (`changedSinceLastYear`) is cleared: it is this year's question.
///
/// 个人有关事项 (`geren`): the family register, documents, marriages, emigration, employment,
/// houses, investments, businesses and deposits abroad carry over (they are what the cadre
/// still has). Left out: the pledge and signature (C16: a signature is given for one report,
/// on one day), last year's trips (C02/C03 `trips`: each report lists its own year's trips), the
/// year's marital change (C01 `changeInYear`, `changeDate`), the year's income (C09, C10 amounts:
/// the presence answer stays, the amounts are this year's), the other matters (C15), the
/// filing-specific header fields (change-report items and dates, late reason, disclosure in the
/// team) and a report type other than 年度集中报告. Houses sold, given away or expropriated last
/// year (C11 `disposal`) are gone; for the others the year's disposal is asked again.
///
/// 述职 (`shuzhi`): only who reports and where (reporter, position, rank, role, kind, meeting
/// type, unit) carries over, and in A14 the rectifications not yet 已完成; every narrative and
/// count is about the year reported on.
///
/// 谈话 (`tanhua`): the unit, the owner and the roster carry over (people whose term ended
/// before the new year are left out; nobody is 新任 any more); the plan, the talk records and
/// the 民主生活会 date are the new year's.
///
/// Confirmations never carry over: they confirm last year's findings.
pub fn roll_forward(template: &Template, last: &Value) -> Value {
    let Some(src) = last.as_object() else { return Value::Object(Map::new()) };
    let mut out = src.clone();
    let new_year = last
        .pointer("/header/year")
        .and_then(|y| y.as_i64().or_else(|| y.as_str().and_then(|s| s.trim().parse().ok())))
        .map(|y| y.saturating_add(1));
    for v in out.values_mut() {
        if let Value::Object(o) = v {
            o.remove(CHANGED_KEY);
        }
    }
    match template.checklist_kind {
        ChecklistKind::Geren => {
            out.remove("C16");
            out.remove("C15");
            if let Some(h) = out.get_mut("header").and_then(Value::as_object_mut) {
                for k in GEREN_HEADER_DROP {
                    h.remove(*k);
                }
                if h.get("reportType").and_then(Value::as_str) != Some("年度集中报告") {
                    h.remove("reportType");
                }
            }
            if let Some(c01) = out.get_mut("C01").and_then(Value::as_object_mut) {
                c01.remove("changeInYear");
                c01.remove("changeDate");
            }
            for id in ["C02", "C03"] {
                if let Some(s) = out.get_mut(id).and_then(Value::as_object_mut) {
                    s.remove("trips");
                }
            }
            for id in ["C09", "C10"] {
                if let Some(s) = out.get_mut(id).and_then(Value::as_object_mut) {
                    s.retain(|k, _| k == crate::template::PRESENCE_KEY);
                }
            }
            if let Some(rows) = out.get_mut("C11").and_then(|s| s.get_mut("rows")).and_then(Value::as_array_mut) {
                rows.retain(|r| !r.get("disposal").and_then(Value::as_str).is_some_and(|d| DISPOSED.contains(&d)));
                for r in rows.iter_mut() {
                    if let Some(o) = r.as_object_mut() {
                        o.remove("disposal");
                    }
                }
            }
        }
        ChecklistKind::Shuzhi => {
            // Inserted one by one: collecting into the map links a stable sort (4 KB of WebAssembly).
            let header = out.get("header").and_then(Value::as_object).map(|h| {
                let mut kept = Map::new();
                for (k, v) in h.iter().filter(|(k, _)| SHUZHI_HEADER_KEEP.contains(&k.as_str())) {
                    kept.insert(k.clone(), v.clone());
                }
                kept
            });
            let open: Vec<Value> = out
                .get("A14")
                .and_then(|s| s.get("rectifications"))
                .and_then(Value::as_array)
                .map(|rows| rows.iter().filter(|r| r.get("state").and_then(Value::as_str) != Some("已完成")).cloned().collect())
                .unwrap_or_default();
            out.clear();
            if let Some(h) = header {
                out.insert("header".into(), Value::Object(h));
            }
            if !open.is_empty() {
                out.insert("A14".into(), serde_json::json!({ "presence": crate::template::PRESENCE_HAS, "rectifications": open }));
            }
        }
        ChecklistKind::Tanhua => {
            out.remove("plans");
            out.remove("talks");
            if let Some(h) = out.get_mut("header").and_then(Value::as_object_mut) {
                h.remove("mshDate");
            }
            let new_year_start = new_year.and_then(|y| i32::try_from(y).ok()).and_then(|y| crate::date::Date::new(y, 1, 1));
            if let Some(people) = out.get_mut("roster").and_then(|s| s.get_mut("people")).and_then(Value::as_array_mut) {
                people.retain(|p| {
                    let to = p.get("inOfficeTo").and_then(Value::as_str).and_then(|s| crate::date::Date::parse(s).ok());
                    !matches!((to, new_year_start), (Some(t), Some(start)) if t < start)
                });
                for p in people.iter_mut() {
                    if let Some(o) = p.as_object_mut() {
                        if o.contains_key("isNewlyAppointed") {
                            o.insert("isNewlyAppointed".into(), Value::Bool(false));
                        }
                    }
                }
            }
        }
    }
    if let Some(y) = new_year {
        let h = out.entry("header").or_insert_with(|| Value::Object(Map::new()));
        if let Some(h) = h.as_object_mut() {
            h.insert("year".into(), Value::from(y));
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tpl(kind: &str) -> Template {
        crate::template::builtin(kind).expect("builtin").expect("loads")
    }

    fn fixture(kind: &str) -> Value {
        let text = match kind {
            "geren" => include_str!("../../../tests/fixtures/geren_valid.json"),
            "shuzhi" => include_str!("../../../tests/fixtures/shuzhi_valid.json"),
            _ => include_str!("../../../tests/fixtures/tanhua_valid.json"),
        };
        serde_json::from_str(text).expect("fixture")
    }

    #[test]
    fn a_record_equals_itself() {
        for kind in ["geren", "shuzhi", "tanhua"] {
            let t = tpl(kind);
            let f = fixture(kind);
            let c = compare(&t, &f, &f);
            assert_eq!(c.sections.len(), t.sections.len());
            assert_eq!(c.changed().count(), 0, "{kind}: {:?}", c.changed().collect::<Vec<_>>());
        }
    }

    #[test]
    fn geren_roll_forward_moves_the_year_and_drops_one_year_things() {
        let t = tpl("geren");
        let mut last = fixture("geren");
        last["header"]["year"] = json!("2024");
        last["C02"]["changedSinceLastYear"] = json!("有变化");
        let next = roll_forward(&t, &last);
        assert_eq!(next.pointer("/header/year"), Some(&json!(2025)));
        assert!(next.get("C16").is_none(), "no signature or pledge carries over");
        assert!(next.pointer("/C02/trips").is_none(), "last year's trips are not this year's");
        assert!(next.pointer("/C02/changedSinceLastYear").is_none());
        assert_eq!(next.pointer("/family/members"), last.pointer("/family/members"), "the family register carries over");
        assert_eq!(next.pointer("/C02/documents"), last.pointer("/C02/documents"), "passports carry over");
        assert_eq!(next.pointer("/C09/presence"), last.pointer("/C09/presence"));
        assert!(next.pointer("/C09/salaryWan").is_none(), "income is the year's");
        // Compared with the base, only the dropped parts differ.
        let c = compare(&t, &last, &next);
        assert!(c.section("C16").is_some_and(SectionDiff::is_changed));
        assert!(!c.section("family").is_some_and(SectionDiff::is_changed));
        assert!(!c.section("header").is_some_and(|h| h.fields.iter().any(|f| f.key == "year")), "the year is not a change");
    }

    #[test]
    fn geren_changes_are_found_by_id_and_by_content() {
        let t = tpl("geren");
        let base = json!({
            "family": {"members": [
                {"id": "f1", "relation": "本人", "name": "张三"},
                {"id": "f2", "relation": "配偶", "name": "李四"}
            ]},
            "C02": {"presence": "有", "documents": [
                {"docType": "普通护照", "docNumber": "E12345678", "issueDate": "2016-01-01", "expiryDate": "2026-01-01", "custodian": "干部监督机构"}
            ]},
            "C11": {"presence": "有", "rows": [
                {"ownerIds": ["f1"], "address": "北京市东城区某路1号", "areaM2": "89.50", "source": "购买"},
                {"ownerIds": ["f1", "f2"], "address": "北京市西城区某路2号", "areaM2": "120.00", "source": "购买"}
            ]},
            "C13": {"presence": "无"}
        });
        let mut cur = base.clone();
        cur["family"]["members"][1]["name"] = json!("李四四");
        cur["family"]["members"].as_array_mut().unwrap().push(json!({"id": "r7", "relation": "子女", "name": "张小三"}));
        cur["C02"]["documents"].as_array_mut().unwrap().push(json!({"docType": "普通护照", "docNumber": "EA1234567", "issueDate": "2025-03-01", "expiryDate": "2035-03-01", "custodian": "干部监督机构"}));
        // the first house sold, the second's area corrected, a new one bought
        let rows = cur["C11"]["rows"].as_array_mut().unwrap();
        rows.remove(0);
        rows[0]["areaM2"] = json!("121.00");
        rows.push(json!({"ownerIds": ["f2"], "address": "上海市某路3号", "areaM2": "60.00", "source": "购买"}));
        cur["C13"] = json!({"presence": "有", "rows": [{"personId": "f2", "entityName": "某某科技有限公司"}]});
        cur["C02"]["changedSinceLastYear"] = json!("有变化");

        let c = compare(&t, &base, &cur);
        let fam = &c.section("family").unwrap().tables[0];
        assert_eq!(fam.added, vec![2], "a new relative");
        assert_eq!(fam.changed, vec![RowChange { base: 1, current: 1, keys: vec!["name".into()] }]);
        assert_eq!(fam.unchanged, 1);
        let docs = &c.section("C02").unwrap().tables[0];
        assert_eq!((docs.added.clone(), docs.unchanged), (vec![1], 1), "a new passport");
        assert!(c.section("C02").unwrap().fields.is_empty(), "the 有变化 answer is not itself a change");
        let houses = &c.section("C11").unwrap().tables[0];
        assert_eq!(houses.removed, vec![0], "a house sold");
        assert_eq!(houses.added, vec![1], "a house bought");
        assert_eq!(houses.changed, vec![RowChange { base: 1, current: 0, keys: vec!["areaM2".into()] }]);
        let biz = c.section("C13").unwrap();
        assert_eq!(biz.fields, vec![FieldChange { key: "presence".into(), before: Some(json!("无")), after: Some(json!("有")) }]);
        assert_eq!(biz.tables[0].added, vec![0], "a new business");
        assert!(!c.section("C01").unwrap().is_changed());
        let changed: Vec<&str> = c.changed().map(|s| s.section.as_str()).collect();
        assert_eq!(changed, ["family", "C02", "C11", "C13"]);
    }

    #[test]
    fn numbers_and_digit_text_are_the_same_answer() {
        let t = tpl("shuzhi");
        let c = compare(&t, &json!({"A5": {"appointmentTalks": 3}}), &json!({"A5": {"appointmentTalks": "3", "narrative": ""}}));
        assert_eq!(c.changed().count(), 0);
    }

    #[test]
    fn shuzhi_keeps_the_reporter_and_open_rectifications() {
        let t = tpl("shuzhi");
        let last = fixture("shuzhi");
        let next = roll_forward(&t, &last);
        let year = last.pointer("/header/year").and_then(Value::as_i64).unwrap();
        assert_eq!(next.pointer("/header/year"), Some(&json!(year + 1)));
        assert_eq!(next.pointer("/header/reporterName"), last.pointer("/header/reporterName"));
        assert!(next.pointer("/header/meetingDate").is_none());
        assert!(next.get("A5").is_none(), "the year's narrative and counts are new");
        let open = last
            .pointer("/A14/rectifications")
            .and_then(Value::as_array)
            .map_or(0, |r| r.iter().filter(|r| r["state"] != "已完成").count());
        assert_eq!(next.pointer("/A14/rectifications").and_then(Value::as_array).map_or(0, Vec::len), open);
    }

    #[test]
    fn tanhua_keeps_the_roster_not_the_talks() {
        let t = tpl("tanhua");
        let last = fixture("tanhua");
        let next = roll_forward(&t, &last);
        assert!(next.get("talks").is_none() && next.get("plans").is_none());
        let people = next.pointer("/roster/people").and_then(Value::as_array).expect("roster");
        assert!(!people.is_empty());
        assert!(people.iter().all(|p| p.get("isNewlyAppointed").is_none_or(|v| v == &json!(false))));
    }

    #[test]
    fn odd_shapes_never_panic() {
        for kind in ["geren", "shuzhi", "tanhua"] {
            let t = tpl(kind);
            for v in [
                json!(null),
                json!(7),
                json!([]),
                json!({"header": 3, "C11": {"rows": "x"}, "family": {"members": [1, null, {"id": 5}]}}),
                json!({"header": {"year": "二〇二五"}}),
            ] {
                let r = roll_forward(&t, &v);
                assert!(r.is_object());
                let _ = compare(&t, &v, &r);
                let _ = compare(&t, &r, &v);
            }
            let big = json!({"header": {"year": i64::MAX}});
            assert_eq!(roll_forward(&t, &big).pointer("/header/year"), Some(&json!(i64::MAX)));
        }
    }
}
