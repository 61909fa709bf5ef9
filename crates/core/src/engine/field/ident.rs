//! Identifiers (ID numbers, credit and organisation codes, passports and permits: which validator
//! applies is `crate::ident`'s decision), their cross-check against birth date and gender, and
//! country and currency codes.

use serde_json::{Map, Value};

use crate::date::Date;
use crate::engine::cx::{Cx, Place};
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::codes::ident::IdentCode;
use crate::finding::{Finding, Severity};
use crate::ident::{self, IdIssue, PersonInfo};
use crate::normalize;
use crate::template::{Field, FieldType, IdLinks};

impl Validator {
    /// An identifier value: its characters, the validator of its kind, the holder's birth date
    /// and gender against sibling fields, the pattern.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_identifier_field(
        &self,
        cx: &Cx<'_>,
        place: &Place<'_>,
        fi: usize,
        field: &Field,
        s: &str,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let n = normalize::identifier(s);
        if !n.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push(make(FieldCode::IdentifierChars, Severity::Error));
            return;
        }
        let mut issues = Vec::new();
        let info = self.check_identifier(cx, field, place.obj, &n, &mut issues);
        for issue in issues {
            out.push(ident_finding(issue, make));
        }
        if let (Some(info), Some(links)) = (info, &field.links) {
            self.cross_check_person(place, links, info, make, out);
        }
        self.check_pattern(place, fi, field, &n, make, out);
    }

    fn check_identifier(
        &self,
        cx: &Cx<'_>,
        field: &Field,
        obj: &Map<String, Value>,
        n: &str,
        issues: &mut Vec<IdIssue>,
    ) -> Option<PersonInfo> {
        let cfg = &self.config;
        let sibling = |key: Option<&String>| key.and_then(|k| obj.get(k)).and_then(Value::as_str).map(normalize::trim).unwrap_or("");
        match field.kind {
            FieldType::IdCard => ident::check_id_card(n, &cfg.id_card, cx.today, issues),
            FieldType::IdNumber => {
                let kind = sibling(field.links.as_ref().and_then(|l| l.id_type.as_ref()));
                self.docs.check_id_number(kind, n, &cfg.id_card, cx.today, issues)
            }
            FieldType::Uscc => {
                ident::check_uscc(n, &cfg.uscc, issues);
                None
            }
            FieldType::UsccOrRegNo => {
                ident::check_uscc_or_reg_no(n, &cfg.uscc, issues);
                None
            }
            FieldType::OrgCode => {
                ident::check_org_code(n, issues);
                None
            }
            FieldType::Passport => {
                self.docs.check_passport(n, issues);
                None
            }
            FieldType::TravelPermit => {
                let kind = sibling(field.links.as_ref().and_then(|l| l.doc_type.as_ref()));
                self.docs.check_travel_permit(kind, n, issues);
                None
            }
            _ => None,
        }
    }

    fn cross_check_person(
        &self,
        place: &Place<'_>,
        links: &IdLinks,
        info: PersonInfo,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let base = make(FieldCode::Required, Severity::Error);
        if let Some(key) = &links.birth_date {
            if let Some(d) = place.obj.get(key).and_then(Value::as_str).and_then(|s| Date::parse(&normalize::date(s)).ok()) {
                if d != info.birth {
                    out.push(Finding { code: IdentCode::BirthMismatch.into(), ..base.clone() }.param("birth", info.birth));
                }
            }
        }
        if let (Some(key), Some(male)) = (&links.gender, info.male) {
            match place.obj.get(key).and_then(Value::as_str).map(normalize::trim) {
                Some("男") if !male => out.push(Finding { code: IdentCode::GenderMismatch.into(), ..base.clone() }),
                Some("女") if male => out.push(Finding { code: IdentCode::GenderMismatch.into(), ..base.clone() }),
                _ => {}
            }
        }
    }
}

/// A `country` or `currency` code.
pub(crate) fn check_code(field: &Field, s: &str, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
    let ok =
        if field.kind == FieldType::Country { ident::is_country(&normalize::code(s)) } else { ident::is_currency(&normalize::code(s)) };
    if !ok {
        let code = if field.kind == FieldType::Country { IdentCode::CountryUnknown } else { IdentCode::CurrencyUnknown };
        out.push(Finding { code: code.into(), ..make(FieldCode::Required, Severity::Error) }.param("value", s));
    }
}

/// A `countries` value.
pub(crate) fn check_countries(items: &[Value], make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
    let wrong_type = |expected: &str| make(FieldCode::WrongType, Severity::Error).param("expected", expected);
    for item in items {
        match item.as_str() {
            Some(s) if ident::is_country(&normalize::code(s)) => {}
            Some(s) => {
                out.push(Finding { code: IdentCode::CountryUnknown.into(), ..make(FieldCode::Required, Severity::Error) }.param("value", s))
            }
            None => out.push(wrong_type("list of codes")),
        }
    }
}

fn ident_finding(issue: IdIssue, make: &impl Fn(FieldCode, Severity) -> Finding) -> Finding {
    let mut f = make(FieldCode::Required, issue.severity);
    f.code = issue.code.into();
    for (k, v) in issue.params {
        f.params.insert(k.to_owned(), v);
    }
    f.overridable = issue.overridable;
    f
}
