//! Numbers: years, whole numbers and the decimal types (money, area, percent, fund units), with
//! the template's bounds and outlier warnings.

use serde_json::Value;

use crate::decimal::{Decimal, DecimalError};
use crate::engine::cx::Cx;
use crate::engine::validator::Validator;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::normalize;
use crate::template::{Field, FieldType, YearBound};

impl Validator {
    /// A `year` value: four digits, not after (or, for annual reports, before) the current year.
    pub(crate) fn check_year(
        &self,
        cx: &Cx<'_>,
        field: &Field,
        value: &Value,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let wrong_type = |expected: &str| make(FieldCode::WrongType, Severity::Error).param("expected", expected);
        let y = match value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => {
                let s = normalize::year(s);
                if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                    s.parse().ok()
                } else {
                    None
                }
            }
            _ => return out.push(wrong_type("year")),
        };
        match y {
            Some(y) if (1900..=9999).contains(&y) => {
                let current = cx.today.year() as i64;
                match field.year_bound.unwrap_or(YearBound::NotAfterCurrent) {
                    YearBound::NotAfterCurrent if y > current => {
                        out.push(make(FieldCode::YearInFuture, Severity::Error).param("current", current))
                    }
                    YearBound::BeforeCurrent if y >= current => {
                        out.push(make(FieldCode::YearNotEnded, Severity::Error).param("current", current))
                    }
                    _ => {}
                }
                self.check_bounds(field, Decimal::from_int(y as u64), make, out);
            }
            _ => out.push(make(FieldCode::YearFormat, Severity::Error)),
        }
    }

    /// An `integer` value: a JSON number or a digit string.
    pub(crate) fn check_integer(
        &self,
        field: &Field,
        value: &Value,
        make: &impl Fn(FieldCode, Severity) -> Finding,
        out: &mut Vec<Finding>,
    ) {
        let wrong_type = |expected: &str| make(FieldCode::WrongType, Severity::Error).param("expected", expected);
        let n = match value {
            Value::Number(n) => n.as_u64().map(Ok).unwrap_or(Err(n.as_i64().is_some())),
            Value::String(s) => {
                let s = normalize::number(s);
                if s.starts_with('-') && s.len() > 1 && s[1..].bytes().all(|b| b.is_ascii_digit()) {
                    Err(true)
                } else if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
                    s.parse().map_err(|_| false)
                } else {
                    Err(false)
                }
            }
            _ => return out.push(wrong_type("number")),
        };
        match n {
            Ok(n) => self.check_bounds(field, Decimal::from_int(n), make, out),
            // A negative whole number: report it against the minimum (default 0).
            Err(true) => {
                out.push(make(FieldCode::BelowMin, Severity::Error).param("min", bound_text(&field.min).unwrap_or_else(|| "0".into())))
            }
            Err(false) => out.push(make(FieldCode::IntegerFormat, Severity::Error)),
        }
    }

    /// A decimal value (`moneyWan`, `moneyYuan`, `areaM2`, `percent`, `fundShares`): a string with
    /// at most the field's decimals, within the type's and the field's bounds.
    pub(crate) fn check_decimal(&self, field: &Field, s: &str, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
        let decimals = field.decimals.unwrap_or(match field.kind {
            FieldType::MoneyWan | FieldType::MoneyYuan => self.config.geren.amount_decimals,
            _ => 2,
        }) as usize;
        let int_digits = match field.kind {
            FieldType::MoneyWan => 10,
            FieldType::MoneyYuan => 13,
            FieldType::Percent => 3,
            _ => 12,
        };
        let is_money = matches!(field.kind, FieldType::MoneyWan | FieldType::MoneyYuan);
        match Decimal::parse(&normalize::number(s), int_digits, decimals) {
            Err(e) => {
                let code = if is_money || e == DecimalError::Negative { FieldCode::AmountFormat } else { FieldCode::DecimalFormat };
                out.push(make(code, Severity::Error).param("decimals", decimals));
            }
            Ok(d) => {
                match field.kind {
                    FieldType::AreaM2 if field.min.is_none() && d.is_zero() => {
                        out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", 0))
                    }
                    FieldType::Percent if field.min.is_none() && field.max.is_none() => {
                        if d.is_zero() {
                            out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", 0));
                        } else if d > Decimal::from_int(100) {
                            out.push(make(FieldCode::AboveMax, Severity::Error).param("max", 100));
                        }
                    }
                    _ => {}
                }
                self.check_bounds(field, d, make, out);
                if let Some(limit) = field.warn_above.as_deref().and_then(|w| Decimal::parse(w, 20, 4).ok()) {
                    if d > limit {
                        out.push(
                            make(FieldCode::Outlier, Severity::Warning)
                                .param("limit", limit)
                                .param("unit", field.unit.as_deref().unwrap_or("")),
                        );
                    }
                }
            }
        }
    }

    pub(crate) fn check_bounds(&self, field: &Field, d: Decimal, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
        if let Some(min) = bound(&field.min) {
            if field.min_exclusive && d <= min {
                out.push(make(FieldCode::NotAboveMin, Severity::Error).param("min", min));
            } else if d < min {
                out.push(make(FieldCode::BelowMin, Severity::Error).param("min", min));
            }
        }
        if let Some(max) = bound(&field.max) {
            if d > max {
                out.push(make(FieldCode::AboveMax, Severity::Error).param("max", max));
            }
        }
    }
}

fn bound(v: &Option<Value>) -> Option<Decimal> {
    match v.as_ref()? {
        Value::Number(n) => n.as_u64().map(Decimal::from_int),
        Value::String(s) => Decimal::parse(s, 20, 4).ok(),
        _ => None,
    }
}

fn bound_text(v: &Option<Value>) -> Option<String> {
    match v.as_ref()? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}
