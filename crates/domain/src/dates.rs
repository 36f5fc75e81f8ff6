//! Dates and times as Norwegians read them: in Norway's time (Europe/Oslo), written `01.07.2026`.
//!
//! Every date the citizen or the office sees is the date in Norway, not the UTC date of the instant:
//! a decision made at 22:30Z on 30 June was made on 1 July (contracts.md, "Case insight", rule 7).
//!
//! Norway's time is computed here without a time-zone database: Central European Time (UTC+1), and
//! Central European Summer Time (UTC+2) from the last Sunday of March at 01:00 UTC to the last Sunday
//! of October at 01:00 UTC, the EU rule (Directive 2000/84/EC) that Norway follows
//! (forskrift om sommertid). It is exact from 1980 on, as the IANA zone `Europe/Oslo` has it: 1980
//! started on the first Sunday of April, and until 1995 summer time ended on the last Sunday of
//! September. Instants before 1980 are taken as CET (Norway's summer times of 1916, 1940–1945 and
//! 1959–1965 are not modelled; no case event is that old).

use time::format_description::well_known::Rfc3339;
use time::macros::offset;
use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

use crate::Millis;

/// Central European Time, UTC+1.
const CET: UtcOffset = offset!(+1);
/// Central European Summer Time, UTC+2.
const CEST: UtcOffset = offset!(+2);

/// The given Sunday of a month at 01:00 UTC, the moment Norway's clocks change.
fn switch_moment(sunday: Date) -> OffsetDateTime {
    sunday.midnight().assume_utc() + time::Duration::hours(1)
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

fn first_sunday(year: i32, month: Month) -> Option<Date> {
    let mut day = Date::from_calendar_date(year, month, 1).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.next_day()?;
    }
    Some(day)
}

/// Start (inclusive) and end (exclusive) of summer time in Norway in `year`, as UTC instants; `None`
/// for years without it (before 1980 here, see the module comment).
pub fn summer_time(year: i32) -> Option<(OffsetDateTime, OffsetDateTime)> {
    if year < 1980 {
        return None;
    }
    let start = if year == 1980 { first_sunday(year, Month::April)? } else { last_sunday(year, Month::March)? };
    let end = if year <= 1995 { last_sunday(year, Month::September)? } else { last_sunday(year, Month::October)? };
    Some((switch_moment(start), switch_moment(end)))
}

/// Norway's offset from UTC at an instant: UTC+2 in summer time, else UTC+1.
pub fn oslo_offset(instant: OffsetDateTime) -> UtcOffset {
    let utc = instant.to_offset(UtcOffset::UTC);
    match summer_time(utc.year()) {
        Some((start, end)) if utc >= start && utc < end => CEST,
        _ => CET,
    }
}

/// The instant as Norway's wall-clock time (same instant, Oslo offset).
pub fn in_oslo(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(oslo_offset(instant))
}

/// Milliseconds since the Unix epoch as Norway's wall-clock time. Out-of-range values (beyond year
/// ±9999) read as the epoch.
pub fn oslo_time(ms: Millis) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    in_oslo(utc)
}

/// Reads a `tidspunkt` of the Digisos formats (RFC 3339, e.g. `2026-06-30T22:30:00.000Z`) as an
/// instant; `None` when it is not one.
///
/// The schema's pattern has an unescaped `.` before the fraction, so it also accepts e.g.
/// `13:37:00,134Z`; any separator there is read as the decimal point.
pub fn parse_tidspunkt(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok().or_else(|| {
        let separator = text.get(19..20).filter(|s| *s != ".")?;
        let mut fixed = text.to_owned();
        fixed.replace_range(19..19 + separator.len(), ".");
        OffsetDateTime::parse(&fixed, &Rfc3339).ok()
    })
}

/// The date in Norway of a `tidspunkt`, as `YYYY-MM-DD` (the formats' `dato`): `2026-06-30T22:30:00Z`
/// gives `2026-07-01`. `None` when the text is not a `tidspunkt`.
pub fn oslo_date(tidspunkt: &str) -> Option<String> {
    parse_tidspunkt(tidspunkt).map(|t| iso_date(in_oslo(t).date()))
}

fn iso_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// A date or an instant as Norwegians write the date, `dd.mm.åååå`:
/// - a `dato` (`2015-06-01`) as it stands: `01.06.2015`;
/// - a `tidspunkt` (`2026-06-30T22:00:00.000Z`) by its date in Norway: `01.07.2026`;
/// - anything else that starts with `YYYY-MM-DD` by that date, and any other text unchanged.
pub fn norwegian_date(iso: &str) -> String {
    if let Some(instant) = parse_tidspunkt(iso) {
        let date = in_oslo(instant).date();
        return format!("{:02}.{:02}.{:04}", date.day(), u8::from(date.month()), date.year());
    }
    match iso.get(..10).map(|d| d.split('-').collect::<Vec<_>>()).as_deref() {
        Some([y, m, d]) if y.len() == 4 => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &Rfc3339).expect("RFC 3339")
    }

    /// Oslo wall-clock time of an instant, `YYYY-MM-DD HH:MM:SS +HHMM`.
    fn wall(text: &str) -> String {
        let t = in_oslo(at(text));
        format!("{} {:02}:{:02}:{:02} +{:02}00", iso_date(t.date()), t.hour(), t.minute(), t.second(), t.offset().whole_hours())
    }

    #[test]
    fn iso_dates_and_timestamps_read_as_norwegian_dates() {
        assert_eq!(norwegian_date("2015-06-01"), "01.06.2015");
        assert_eq!(norwegian_date("2030-01-16T00:00:00.000Z"), "16.01.2030");
        assert_eq!(norwegian_date("i morgen"), "i morgen");
    }

    #[test]
    fn an_instant_late_in_the_utc_evening_is_the_next_day_in_norway() {
        // A deadline at midnight Norwegian time, as case systems write it, is not a day early.
        assert_eq!(norwegian_date("2026-06-30T22:00:00.000Z"), "01.07.2026");
        assert_eq!(norwegian_date("2026-07-05T22:00:00.000Z"), "06.07.2026");
        assert_eq!(norwegian_date("2026-06-30T21:59:59.999Z"), "30.06.2026");
        // In winter Norway is one hour ahead.
        assert_eq!(norwegian_date("2026-12-31T23:00:00Z"), "01.01.2027");
        assert_eq!(norwegian_date("2026-12-31T22:59:59Z"), "31.12.2026");
        // An instant written with its own offset is the same instant.
        assert_eq!(norwegian_date("2026-07-01T00:30:00+02:00"), "01.07.2026");
        assert_eq!(norwegian_date("2026-06-30T20:30:00-02:00"), "01.07.2026");
        // The comma the schema's pattern lets through.
        assert_eq!(norwegian_date("2026-06-30T22:30:00,5Z"), "01.07.2026");
        assert_eq!(oslo_date("2026-06-30T22:30:00.000Z").as_deref(), Some("2026-07-01"));
        assert_eq!(oslo_date("2026-07-01"), None, "a dato is not an instant");
    }

    #[test]
    fn summer_time_starts_on_the_last_sunday_of_march_at_one_utc() {
        // 2026-03-29 is the last Sunday of March.
        assert_eq!(wall("2026-03-29T00:59:59Z"), "2026-03-29 01:59:59 +0100");
        assert_eq!(wall("2026-03-29T01:00:00Z"), "2026-03-29 03:00:00 +0200");
        // 2027-03-28; the Sunday before is still winter.
        assert_eq!(wall("2027-03-21T12:00:00Z"), "2027-03-21 13:00:00 +0100");
        assert_eq!(wall("2027-03-28T01:00:00Z"), "2027-03-28 03:00:00 +0200");
        // A month whose last day is a Sunday: 2024-03-31.
        assert_eq!(wall("2024-03-31T00:59:59Z"), "2024-03-31 01:59:59 +0100");
        assert_eq!(wall("2024-03-31T01:00:00Z"), "2024-03-31 03:00:00 +0200");
    }

    #[test]
    fn summer_time_ends_on_the_last_sunday_of_october_at_one_utc() {
        // 2026-10-25: 02:00–02:59 local happens twice, first in summer time.
        assert_eq!(wall("2026-10-25T00:59:59Z"), "2026-10-25 02:59:59 +0200");
        assert_eq!(wall("2026-10-25T01:00:00Z"), "2026-10-25 02:00:00 +0100");
        // 2026-10-31 is a Saturday, 2027-10-31 a Sunday.
        assert_eq!(wall("2027-10-31T00:59:59Z"), "2027-10-31 02:59:59 +0200");
        assert_eq!(wall("2027-10-31T01:00:00Z"), "2027-10-31 02:00:00 +0100");
        // The same date in late October differs by year.
        assert_eq!(wall("2026-10-26T12:00:00Z"), "2026-10-26 13:00:00 +0100");
        assert_eq!(wall("2027-10-26T12:00:00Z"), "2027-10-26 14:00:00 +0200");
    }

    #[test]
    fn past_rules_follow_the_iana_zone() {
        // Values from the IANA database (`TZ=Europe/Oslo date`).
        assert_eq!(wall("1980-04-06T00:59:59Z"), "1980-04-06 01:59:59 +0100");
        assert_eq!(wall("1980-04-06T01:00:00Z"), "1980-04-06 03:00:00 +0200");
        assert_eq!(wall("1980-09-28T00:59:59Z"), "1980-09-28 02:59:59 +0200");
        assert_eq!(wall("1980-09-28T01:00:00Z"), "1980-09-28 02:00:00 +0100");
        assert_eq!(wall("1995-09-24T01:00:00Z"), "1995-09-24 02:00:00 +0100");
        assert_eq!(wall("1996-10-27T00:59:59Z"), "1996-10-27 02:59:59 +0200");
        assert_eq!(wall("1979-07-01T12:00:00Z"), "1979-07-01 13:00:00 +0100");
    }

    #[test]
    fn millis_read_in_oslo_time() {
        let t = oslo_time(1_782_858_600_000); // 2026-06-30T22:30:00Z
        assert_eq!((t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute()), (2026, 7, 1, 0, 30));
        assert_eq!(oslo_time(i64::MAX), oslo_time(0), "out of range reads as the epoch");
    }
}
