//! The State Council's public-holiday arrangements (国务院办公厅《关于X年部分节假日安排的通知》):
//! days off and the weekend days worked in exchange (调休), from 2020 to the latest published
//! year. Working-day deadlines (B-R10's 15 working days for a 函询 reply) use it unless the host
//! configures otherwise ([`crate::config::WorkingCalendar`]).
//!
//! The data is a short list of date ranges per notice, written from the notices' published texts;
//! `tests/holidays/check.mjs` and `check.py` (run by `make holidays-check`, part of `make test`)
//! compare every day of the covered years with two independent packages, npm `chinese-days` and
//! PyPI `chinesecalendar`. They are test tools only: nothing here reads them.
//!
//! Must not: read a clock, or guess beyond the covered years (callers fall back to weekdays and
//! say so).

use crate::date::Date;

/// One year's notice: the days off (ranges) and the weekend days worked.
struct Notice {
    /// The calendar year the notice arranges.
    year: i32,
    /// Days off: (year, month, day, number of days). A range may start in the December before
    /// (元旦 arranged by the next year's notice).
    off: &'static [(i32, u8, u8, u8)],
    /// Weekend days that are working days (调休).
    on: &'static [(i32, u8, u8)],
}

const NOTICES: &[Notice] = &[
    Notice {
        year: 2020,
        off: &[(2020, 1, 1, 1), (2020, 1, 24, 10), (2020, 4, 4, 3), (2020, 5, 1, 5), (2020, 6, 25, 3), (2020, 10, 1, 8)],
        on: &[(2020, 1, 19), (2020, 4, 26), (2020, 5, 9), (2020, 6, 28), (2020, 9, 27), (2020, 10, 10)],
    },
    Notice {
        year: 2021,
        off: &[(2021, 1, 1, 3), (2021, 2, 11, 7), (2021, 4, 3, 3), (2021, 5, 1, 5), (2021, 6, 12, 3), (2021, 9, 19, 3), (2021, 10, 1, 7)],
        on: &[(2021, 2, 7), (2021, 2, 20), (2021, 4, 25), (2021, 5, 8), (2021, 9, 18), (2021, 9, 26), (2021, 10, 9)],
    },
    Notice {
        year: 2022,
        off: &[(2022, 1, 1, 3), (2022, 1, 31, 7), (2022, 4, 3, 3), (2022, 4, 30, 5), (2022, 6, 3, 3), (2022, 9, 10, 3), (2022, 10, 1, 7)],
        on: &[(2022, 1, 29), (2022, 1, 30), (2022, 4, 2), (2022, 4, 24), (2022, 5, 7), (2022, 10, 8), (2022, 10, 9)],
    },
    Notice {
        year: 2023,
        off: &[(2022, 12, 31, 3), (2023, 1, 21, 7), (2023, 4, 5, 1), (2023, 4, 29, 5), (2023, 6, 22, 3), (2023, 9, 29, 8)],
        on: &[(2023, 1, 28), (2023, 1, 29), (2023, 4, 23), (2023, 5, 6), (2023, 6, 25), (2023, 10, 7), (2023, 10, 8)],
    },
    Notice {
        year: 2024,
        off: &[(2023, 12, 30, 3), (2024, 2, 10, 8), (2024, 4, 4, 3), (2024, 5, 1, 5), (2024, 6, 10, 1), (2024, 9, 15, 3), (2024, 10, 1, 7)],
        on: &[(2024, 2, 4), (2024, 2, 18), (2024, 4, 7), (2024, 4, 28), (2024, 5, 11), (2024, 9, 14), (2024, 9, 29), (2024, 10, 12)],
    },
    Notice {
        year: 2025,
        off: &[(2025, 1, 1, 1), (2025, 1, 28, 8), (2025, 4, 4, 3), (2025, 5, 1, 5), (2025, 5, 31, 3), (2025, 10, 1, 8)],
        on: &[(2025, 1, 26), (2025, 2, 8), (2025, 4, 27), (2025, 9, 28), (2025, 10, 11)],
    },
    Notice {
        year: 2026,
        off: &[(2026, 1, 1, 3), (2026, 2, 15, 9), (2026, 4, 4, 3), (2026, 5, 1, 5), (2026, 6, 19, 3), (2026, 9, 25, 3), (2026, 10, 1, 7)],
        on: &[(2026, 1, 4), (2026, 2, 14), (2026, 2, 28), (2026, 5, 9), (2026, 9, 20), (2026, 10, 10)],
    },
];

/// Each covered year's notice as published (title, number where the release gives one, date),
/// by year. Apart from the dates so that the widget, which never shows them, does not carry them.
const CITATIONS: &[(i32, &str)] = &[
    (2020, "国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019年11月21日）；国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020年1月26日）"),
    (2021, "国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020年11月25日）"),
    (2022, "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）"),
    (2023, "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）"),
    (2024, "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）"),
    (2025, "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）"),
    (2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社受权发布）"),
];

/// The calendar years the data covers: every day of these years is known.
pub const COVERED: std::ops::RangeInclusive<i32> = 2020..=2026;

/// Whether `d` is a working day by the State Council's arrangements; `None` outside [`COVERED`].
pub fn official_working_day(d: Date) -> Option<bool> {
    if !COVERED.contains(&d.year()) {
        return None;
    }
    let key = (d.year(), d.month() as u8, d.day() as u8);
    // A notice's dates lie in its own year or the December before.
    for n in NOTICES.iter().filter(|n| n.year == d.year() || n.year == d.year() + 1) {
        if n.on.contains(&key) {
            return Some(true);
        }
        for &(y, m, day, len) in n.off {
            let Some(start) = Date::new(y, u32::from(m), u32::from(day)) else { continue };
            let offset = start.days_until(d);
            if (0..i64::from(len)).contains(&offset) {
                return Some(false);
            }
        }
    }
    Some(d.weekday() <= 5)
}

/// The citation of the notice that arranges `year`, if the data covers it.
pub fn notice(year: i32) -> Option<&'static str> {
    CITATIONS.iter().find(|(y, _)| *y == year).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn days_off_and_worked_weekends_follow_the_notices() {
        // (day, working?): from the notices' texts.
        let cases: &[(&str, bool)] = &[
            ("2025-10-01", false), // 国庆节
            ("2025-10-08", false), // 国庆、中秋 8 days
            ("2025-10-09", true),
            ("2025-10-11", true),  // Saturday worked
            ("2025-09-28", true),  // Sunday worked
            ("2026-02-16", false), // 春节
            ("2026-02-23", false),
            ("2026-02-24", true),
            ("2026-02-14", true), // Saturday worked
            ("2026-02-28", true),
            ("2020-02-02", false), // the extended 2020 春节
            ("2020-02-03", true),
            ("2022-12-31", false), // 2023's 元旦 starts in 2022
            ("2023-01-02", false),
            ("2023-12-30", false), // 2024's 元旦 starts in 2023
            ("2024-01-01", false),
            ("2024-01-02", true),
            ("2025-11-19", true),  // an ordinary Wednesday
            ("2025-11-22", false), // an ordinary Saturday
        ];
        for (day, working) in cases {
            assert_eq!(official_working_day(d(day)), Some(*working), "{day}");
        }
        assert_eq!(official_working_day(d("2019-12-31")), None);
        assert_eq!(official_working_day(d("2027-01-04")), None);
    }

    #[test]
    fn every_covered_year_cites_its_notice() {
        for year in COVERED {
            assert!(notice(year).is_some_and(|c| c.contains(&format!("{year}年部分节假日安排的通知"))), "{year}");
        }
        assert_eq!(notice(2027), None);
    }
}
