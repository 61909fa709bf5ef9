//! The native clock, in Asia/Shanghai: the one place where the server and the command-line tool read
//! the system time. The core never does ("today" is a parameter of every rule that needs it).

use checklist_core::date::{self, Date};

// Every reading of the system time in the server and the command-line tool goes through this module
// (ARCHITECTURE.md); elapsed-time measurements (`Instant`) are not readings of the date.

/// Milliseconds since the Unix epoch; `None` if the clock reads before 1970 or past i64.
pub fn unix_ms() -> Option<i64> {
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_millis();
    i64::try_from(ms).ok()
}

/// Today's date in Asia/Shanghai from the system clock.
pub fn today_in_shanghai() -> Option<Date> {
    date::shanghai_date_from_unix_ms(unix_ms()?)
}

/// Now, as the export envelope writes it (`2026-01-15T09:30:00+08:00`); empty if the clock is unreadable.
pub fn now_in_shanghai() -> String {
    unix_ms().and_then(date::shanghai_datetime_from_unix_ms).unwrap_or_default()
}

/// `YYYY-MM-DDTHH:MM:SSZ` now, for the `created` stamps of tokens and keys.
pub fn now_utc() -> String {
    let ms = unix_ms().unwrap_or(0);
    let secs = ms.div_euclid(1000);
    match Date::from_days(secs.div_euclid(86_400)) {
        Some(day) => {
            let s = secs.rem_euclid(86_400);
            format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
        }
        None => String::new(),
    }
}
