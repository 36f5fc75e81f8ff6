//! Dates and times as Norwegians read them: Oslo time, `23.11.2026 kl. 14.05`.

use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};
pub use velferd_domain::dates::norwegian_date;

/// Last Sunday of a month, at 01:00 UTC: when Europe switches summer time on (March) or off (October).
fn switch_moment(year: i32, month: Month) -> Option<OffsetDateTime> {
    let mut day = Date::from_calendar_date(year, month, 31).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day.with_hms(1, 0, 0).ok()?.assume_utc())
}

/// The moment in Oslo (CET, or CEST in summer).
pub fn oslo(ms: i64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let summer = match (switch_moment(utc.year(), Month::March), switch_moment(utc.year(), Month::October)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    };
    let offset = UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).unwrap_or(UtcOffset::UTC);
    utc.to_offset(offset)
}

pub fn date(ms: i64) -> String {
    let t = oslo(ms);
    format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year())
}

pub fn date_time(ms: i64) -> String {
    let t = oslo(ms);
    format!("{} {:02}.{:02}", date(ms), t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oslo_time_follows_summer_time() {
        // 2026-01-15 12:00 UTC is 13.00 in Oslo; 2026-07-15 12:00 UTC is 14.00.
        assert_eq!(date_time(1_768_478_400_000), "15.01.2026 13.00");
        assert_eq!(date_time(1_784_116_800_000), "15.07.2026 14.00");
        // Summer time ends 2026-10-25 01:00 UTC.
        assert_eq!(date_time(1_792_890_000_000 - 1), "25.10.2026 02.59");
        assert_eq!(date_time(1_792_890_000_000), "25.10.2026 02.00");
    }
}
