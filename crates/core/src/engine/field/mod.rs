//! The checks of one field's value, by its type: whether it is required (`required`,
//! `requiredIf`) when empty, then the checks of its type, one file per family of types. Choices
//! (`enum`, `multiEnum`, `boolean`) are checked here.

mod date;
mod ident;
mod number;
mod reference;
mod text;

use serde_json::Value;

use crate::access::is_empty;
use crate::engine::cx::{Cx, Place};
use crate::engine::field::date::check_date;
use crate::engine::field::ident::{check_code, check_countries};
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::normalize;
use crate::template::{Field, FieldType, Requirement};

impl Validator {
    pub(crate) fn check_field(
        &self,
        cx: &Cx<'_>,
        place: &Place<'_>,
        fi: usize,
        field: &Field,
        value: Option<&Value>,
        out: &mut Vec<Finding>,
    ) {
        // Paths and labels are built only when there is something to report: most cells are
        // valid, and allocating per cell dominated the full pass.
        let make = |code: FieldCode, sev: Severity| {
            let path = place.path(&field.key);
            let f = Finding::labelled(code, sev, path, &field.label);
            match &field.rule {
                Some(r) => f.rule(r),
                None => f,
            }
        };
        if is_empty(value) {
            if field.computed {
                return;
            }
            let sev = match field.required {
                Requirement::Required(sev) => Some(sev),
                Requirement::Optional => field
                    .required_if
                    .as_ref()
                    .filter(|c| c.eval(place.obj, cx.record))
                    .map(|_| field.required_if_severity.unwrap_or(Severity::Error)),
            };
            match sev {
                Some(Severity::Error) if field.checkbox => out.push(make(FieldCode::Unticked, Severity::Error)),
                Some(Severity::Error) => out.push(make(FieldCode::Required, Severity::Error)),
                Some(sev) => out.push(make(FieldCode::Expected, sev)),
                None => {}
            }
            return;
        }
        let value = value.unwrap_or(&Value::Null);
        let wrong_type = |expected: &str| make(FieldCode::WrongType, Severity::Error).param("expected", expected);
        match field.kind {
            FieldType::Text | FieldType::Name | FieldType::Mobile => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("text")) };
                self.check_text(place, fi, field, s, &make, out);
            }
            FieldType::Enum => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("option")) };
                let t = normalize::trim(s);
                if !field.options.iter().any(|o| o.value() == t) {
                    out.push(make(FieldCode::NotAnOption, Severity::Error).param("value", s));
                }
            }
            FieldType::MultiEnum => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list")) };
                for item in items {
                    match item.as_str() {
                        Some(s) if field.options.iter().any(|o| o.value() == s) => {}
                        Some(s) => out.push(make(FieldCode::NotAnOption, Severity::Error).param("value", s)),
                        None => out.push(wrong_type("list of options")),
                    }
                }
            }
            FieldType::Boolean => {
                if !value.is_boolean() {
                    out.push(wrong_type("true/false"));
                }
            }
            FieldType::Date => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("date")) };
                check_date(cx, field, s, &make, out);
            }
            FieldType::Year => self.check_year(cx, field, value, &make, out),
            FieldType::Integer => self.check_integer(field, value, &make, out),
            FieldType::MoneyWan | FieldType::MoneyYuan | FieldType::AreaM2 | FieldType::Percent | FieldType::FundShares => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("decimal text such as \"12.30\"")) };
                self.check_decimal(field, s, &make, out);
            }
            FieldType::IdCard
            | FieldType::IdNumber
            | FieldType::Uscc
            | FieldType::UsccOrRegNo
            | FieldType::OrgCode
            | FieldType::Passport
            | FieldType::TravelPermit => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("text")) };
                self.check_identifier_field(cx, place, fi, field, s, &make, out);
            }
            FieldType::Country | FieldType::Currency => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("code")) };
                check_code(field, s, &make, out);
            }
            FieldType::Countries => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list of codes")) };
                check_countries(items, &make, out);
            }
            FieldType::Ref => {
                let Some(s) = value.as_str() else { return out.push(wrong_type("row id")) };
                self.check_ref(cx, field, s, &make, out);
            }
            FieldType::Refs => {
                let Some(items) = value.as_array() else { return out.push(wrong_type("list of row ids")) };
                for item in items {
                    match item.as_str() {
                        Some(s) => self.check_ref(cx, field, s, &make, out),
                        None => out.push(wrong_type("list of row ids")),
                    }
                }
            }
        }
    }
}
