//! Cross-field checks (`checks` of sections and tables): `left op right`, compared as dates,
//! numbers or text by the left field's type.

use serde_json::Value;

use crate::access;
use crate::date::Date;
use crate::decimal::Decimal;
use crate::engine::cx::{Cx, Place};
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::locale::Locale;
use crate::normalize;
use crate::template::{Check, CompareOp, Field, FieldType};

impl Validator {
    pub(crate) fn run_check<'f>(
        &self,
        cx: &Cx<'_>,
        place: &Place<'_>,
        check: &Check,
        lookup: impl Fn(&str) -> Option<&'f Field>,
        out: &mut Vec<Finding>,
    ) {
        if let Some(c) = &check.when {
            if !c.eval(place.obj, cx.record) {
                return;
            }
        }
        let Some(left_field) = lookup(&check.left) else { return };
        // A side that does not apply (`shownIf`) is set aside, not compared.
        let applies = |f: &Field| f.shown(place.obj, cx.record);
        if !applies(left_field) || lookup(&check.right).is_some_and(|f| !applies(f)) {
            return;
        }
        let left = access::filled(&check.left, place.obj, cx.record);
        let right = access::filled(&check.right, place.obj, cx.record);
        let (Some(left), Some(right)) = (left, right) else { return };
        let ord = match left_field.kind {
            FieldType::Date => match (
                left.as_str().and_then(|s| Date::parse(&normalize::date(s)).ok()),
                right.as_str().and_then(|s| Date::parse(&normalize::date(s)).ok()),
            ) {
                (Some(a), Some(b)) => Some((a.cmp(&b), true)),
                _ => None,
            },
            FieldType::Integer
            | FieldType::Year
            | FieldType::MoneyWan
            | FieldType::MoneyYuan
            | FieldType::AreaM2
            | FieldType::Percent
            | FieldType::FundShares => match (as_decimal(left), as_decimal(right)) {
                (Some(a), Some(b)) => Some((a.cmp(&b), false)),
                _ => None,
            },
            _ => match (left.as_str().map(normalize::trim), right.as_str().map(normalize::trim)) {
                (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => Some((a.cmp(b), false)),
                _ => None,
            },
        };
        let Some((ord, is_date)) = ord else { return };
        use std::cmp::Ordering::*;
        let (ok, code) = match check.op {
            CompareOp::Lt => (ord == Less, if is_date { FieldCode::DateBefore } else { FieldCode::ValueBelow }),
            CompareOp::Le => (ord != Greater, if is_date { FieldCode::DateNotAfter } else { FieldCode::ValueNotAbove }),
            CompareOp::Gt => (ord == Greater, if is_date { FieldCode::DateAfter } else { FieldCode::ValueAbove }),
            CompareOp::Ge => (ord != Less, if is_date { FieldCode::DateNotBefore } else { FieldCode::ValueNotBelow }),
            CompareOp::Eq => (ord == Equal, FieldCode::MustEqual),
            CompareOp::Ne => (ord != Equal, FieldCode::MustDiffer),
        };
        if ok {
            return;
        }
        let path = place.path(&check.left);
        let mut f = Finding::labelled(code, check.severity.unwrap_or(Severity::Error), path, &left_field.label);
        if let Some(right_field) = lookup(&check.right) {
            f = f.param("other", &right_field.label.zh).param("other_en", right_field.label.get(Locale::En));
        } else {
            f = f.param("other", &check.right);
        }
        if let Some(r) = &check.rule {
            f = f.rule(r);
        }
        out.push(f);
    }
}

fn as_decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => n.as_u64().map(Decimal::from_int),
        Value::String(s) => Decimal::parse(&normalize::number(s), 20, 4).ok(),
        _ => None,
    }
}
