//! Calendar dates without time zones: the proleptic Gregorian calendar, as SPEC §2.1 stores dates
//! (`YYYY-MM-DD`). "Today" is never read from a clock here: callers pass it in (Asia/Shanghai).

use std::fmt;

/// A real calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// The form is right but no such day exists (e.g. `1990-02-29`).
    NoSuchDay,
}

impl Date {
    /// The date `year-month-day`, if it exists. Years 1..=9999 only.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month as u8) as u32 {
            return None;
        }
        Some(Date { year, month: month as u8, day: day as u8 })
    }

    /// Parses strict ISO 8601 `YYYY-MM-DD` (GB/T 7408).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let mut n = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return Err(DateError::Format);
                }
                n = n * 10 + (c - b'0') as u32;
            }
            Ok(n)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i32, m, d).ok_or(DateError::NoSuchDay)
    }

    /// Parses the 8 digits `YYYYMMDD` used inside identifiers.
    pub fn parse_compact(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
            return Err(DateError::Format);
        }
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| DateError::Format);
        Date::new(n(0..4)? as i32, n(4..6)?, n(6..8)?).ok_or(DateError::NoSuchDay)
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// Month, 1..=12.
    pub fn month(self) -> u32 {
        self.month as u32
    }
    /// Day of month.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if within years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        Date::new(i32::try_from(y).ok()?, m, d)
    }

    /// `n` days later (earlier when negative); `None` past the supported range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// `n` months later, the day clamped to the month's end (01-31 + 1 month = 02-28/29).
    pub fn add_months(self, n: i32) -> Option<Date> {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = (total.rem_euclid(12) + 1) as u8;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Some(Date { year, month, day })
    }

    /// Day of week, Monday = 1 … Sunday = 7 (weeks start on Monday, SPEC §8.2).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// Whole years from `self` (a birth date) to `on`.
    pub fn age_on(self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    /// Official-document style: `2021年3月27日` (GB/T 9704-2012, no leading zeros).
    pub fn to_chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2024-02-29").map(|d| d.to_string()), Ok("2024-02-29".into()));
        assert_eq!(Date::parse("1990-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2000-02-29").map(|d| d.day()), Ok(29));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-04-31"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-3-27"), Err(DateError::Format));
        assert_eq!(Date::parse("２０２１-03-27"), Err(DateError::Format));
        assert_eq!(Date::parse(""), Err(DateError::Format));
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::parse("2021-03-27").unwrap();
        assert_eq!(d.to_days(), 18_713);
        assert_eq!(Date::from_days(0).unwrap().to_string(), "1970-01-01");
        for n in [-700_000i64, -1, 0, 1, 59, 365, 20_000, 2_900_000] {
            let x = Date::from_days(n).unwrap();
            assert_eq!(x.to_days(), n, "{x}");
        }
        assert_eq!(d.add_days(30).unwrap().to_string(), "2021-04-26");
        assert_eq!(Date::parse("2024-01-31").unwrap().add_months(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(Date::parse("2023-12-15").unwrap().add_months(12).unwrap().to_string(), "2024-12-15");
        assert_eq!(Date::parse("2021-03-27").unwrap().weekday(), 6);
        assert_eq!(Date::parse("2026-11-26").unwrap().weekday(), 4);
        assert_eq!(Date::parse("9999-12-31").unwrap().add_days(1), None);
    }

    #[test]
    fn ages_count_whole_years() {
        let born = Date::parse("2008-02-29").unwrap();
        assert_eq!(born.age_on(Date::parse("2026-02-28").unwrap()), 17);
        assert_eq!(born.age_on(Date::parse("2026-03-01").unwrap()), 18);
        assert_eq!(Date::parse("2021-03-27").unwrap().to_chinese(), "2021年3月27日");
    }
}

/// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991).
const SHANGHAI_OFFSET_SECONDS: i64 = 8 * 3600;

/// The Asia/Shanghai calendar date at a Unix time in milliseconds (what "today" means, SPEC §2.1).
pub fn shanghai_date_from_unix_ms(ms: i64) -> Option<Date> {
    let secs = ms.div_euclid(1000) + SHANGHAI_OFFSET_SECONDS;
    Date::from_days(secs.div_euclid(86_400))
}

/// An audit stamp `YYYY-MM-DDTHH:mm:ss+08:00` (SPEC §2.1 `DateTime`) for a Unix time in milliseconds.
pub fn shanghai_datetime_from_unix_ms(ms: i64) -> Option<String> {
    let secs = ms.div_euclid(1000) + SHANGHAI_OFFSET_SECONDS;
    let date = Date::from_days(secs.div_euclid(86_400))?;
    let s = secs.rem_euclid(86_400);
    Some(format!("{date}T{:02}:{:02}:{:02}+08:00", s / 3600, s % 3600 / 60, s % 60))
}

/// The Asia/Shanghai date of an audit stamp: `2026-01-15T10:00:00+08:00` → 2026-01-15, and a
/// stamp with another offset converted first (`2026-01-14T16:30:00Z` → 2026-01-15), so that
/// date comparisons are made in Beijing time (SPEC §8.2). A bare `YYYY-MM-DD` is that date.
pub fn date_of_stamp(stamp: &str) -> Option<Date> {
    shanghai_date_of_stamp(stamp)
}

/// See [`date_of_stamp`]. `None` for anything that is not a date or an RFC 3339 stamp
/// (`YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:MM)`).
pub fn shanghai_date_of_stamp(stamp: &str) -> Option<Date> {
    let ms = stamp_unix_ms(stamp)?;
    shanghai_date_from_unix_ms(ms)
}

/// Unix milliseconds of an RFC 3339 stamp; a bare date counts as its Shanghai midnight.
pub fn stamp_unix_ms(stamp: &str) -> Option<i64> {
    let s = stamp.trim();
    let date = Date::parse(s.get(..10)?).ok()?;
    let day_ms = date.to_days() * 86_400_000;
    if s.len() == 10 {
        return Some(day_ms - SHANGHAI_OFFSET_SECONDS * 1000);
    }
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix('t')).or_else(|| rest.strip_prefix(' '))?;
    let digits = |t: &str| -> Option<i64> {
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (h, m) = (digits(rest.get(..2)?)?, digits(rest.get(3..5)?)?);
    if rest.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let mut tail = rest.get(5..)?;
    let mut sec = 0;
    if let Some(t) = tail.strip_prefix(':') {
        sec = digits(t.get(..2)?)?;
        tail = t.get(2..)?;
        if let Some(frac) = tail.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            tail = frac.get(n..)?;
        }
    }
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let offset_secs = match tail {
        "Z" | "z" => 0,
        t if t.len() == 6 && (t.starts_with('+') || t.starts_with('-')) && t.as_bytes()[3] == b':' => {
            let (oh, om) = (digits(&t[1..3])?, digits(&t[4..6])?);
            if oh > 23 || om > 59 {
                return None;
            }
            let v = oh * 3600 + om * 60;
            if t.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    Some(day_ms + ((h * 3600 + m * 60 + sec) - offset_secs) * 1000)
}

#[cfg(test)]
mod shanghai_tests {
    use super::*;

    #[test]
    fn shanghai_midnight_is_utc_sixteen_hundred() {
        // 2026-01-31T15:59:59Z is 23:59:59 in Shanghai, still the 31st (deadlines are inclusive).
        let ms = (Date::parse("2026-01-31").unwrap().to_days() * 86_400 + 15 * 3600 + 59 * 60 + 59) * 1000;
        assert_eq!(shanghai_date_from_unix_ms(ms).unwrap().to_string(), "2026-01-31");
        assert_eq!(shanghai_datetime_from_unix_ms(ms).unwrap(), "2026-01-31T23:59:59+08:00");
        assert_eq!(shanghai_date_from_unix_ms(ms + 1000).unwrap().to_string(), "2026-02-01");
        assert_eq!(date_of_stamp("2026-02-01T00:00:00+08:00").unwrap().to_string(), "2026-02-01");
        assert_eq!(date_of_stamp("2026"), None);
    }

    #[test]
    fn stamps_with_other_offsets_are_read_as_beijing_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2026-01-15T10:00:00+08:00", Some("2026-01-15")),
            ("2026-01-14T16:30:00Z", Some("2026-01-15")),
            ("2026-01-14T15:59:59Z", Some("2026-01-14")),
            ("2026-01-14T16:00:00.250Z", Some("2026-01-15")),
            ("2026-01-31T23:59:59-05:00", Some("2026-02-01")),
            ("2026-01-31T08:00+09:00", Some("2026-01-31")),
            ("2026-01-15", Some("2026-01-15")),
            ("2026-01-15T25:00:00+08:00", None),
            ("2026-01-15T10:00:00", None),
            ("2026-01-15T10:00:00+0800", None),
            ("2026-02-30T10:00:00+08:00", None),
            ("", None),
        ];
        for (stamp, want) in cases {
            assert_eq!(date_of_stamp(stamp).map(|d| d.to_string()).as_deref(), *want, "{stamp}");
        }
        assert_eq!(stamp_unix_ms("1970-01-01T08:00:00+08:00"), Some(0));
    }
}
