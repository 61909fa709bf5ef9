//! Dates: the format, a real day, not after today (unless `notFuture: false`), within the report year.

use crate::date::{Date, DateError};
use crate::engine::cx::Cx;
use crate::finding::codes::field::FieldCode;
use crate::finding::{Finding, Severity};
use crate::normalize;
use crate::template::Field;

/// A `date` value.
pub(crate) fn check_date(cx: &Cx<'_>, field: &Field, s: &str, make: &impl Fn(FieldCode, Severity) -> Finding, out: &mut Vec<Finding>) {
    match Date::parse(&normalize::date(s)) {
        Err(DateError::Format) => out.push(make(FieldCode::DateFormat, Severity::Error)),
        Err(DateError::NoSuchDay) => out.push(make(FieldCode::NoSuchDay, Severity::Error)),
        Ok(d) => {
            if field.not_future.unwrap_or(true) && d > cx.today {
                out.push(make(FieldCode::DateInFuture, Severity::Error));
            }
            if let (Some(sev), Some(year)) = (field.in_report_year, cx.year) {
                if d.year() != year {
                    out.push(make(FieldCode::DateOutsideYear, sev).param("year", year));
                }
            }
        }
    }
}
