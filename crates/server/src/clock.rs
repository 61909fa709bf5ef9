//! The native clock, in Asia/Shanghai: the one place where the server and the command-line tool read
//! the system time. The core never does ("today" is a parameter of every rule that needs it).

use checklist_core::date::{self, Date};

fn unix_ms() -> Option<i64> {
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
