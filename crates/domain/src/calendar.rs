//! Norway's working days: which dates are public holidays (helligdager), and counting working days
//! for the deadlines an office promises or a law sets.
//!
//! The holidays are data, `data/helligdager.json` (compiled in): the fixed dates, and the days that
//! follow Easter as offsets from Easter Sunday, which is computed. Source: helligdagsfredloven § 2
//! (the church holidays and Sundays) and lov 26. april 1947 nr. 1 (1 and 17 May). Checked against
//! the PyPI package `holidays` for 2020–2040 (`crates/domain/tests/holiday_oracle.rs`).
//!
//! A working day is a weekday that is not a public holiday. Christmas Eve, New Year's Eve and the
//! days of Easter week before Maundy Thursday are ordinary working days in law, though many offices
//! close early; an office's own opening hours are not this module's business.

use std::sync::LazyLock;

use serde::Deserialize;
use time::{Date, Duration, Month, Weekday};

/// The holiday rules as kept in `data/helligdager.json`.
#[derive(Debug, Deserialize)]
struct Rules {
    faste: Vec<Fixed>,
    etter_paske: Vec<AfterEaster>,
}

/// A holiday on the same date every year; `dato` is `MM-DD`.
#[derive(Debug, Deserialize)]
struct Fixed {
    dato: String,
    navn: String,
}

/// A holiday `dager` days after Easter Sunday (negative: before).
#[derive(Debug, Deserialize)]
struct AfterEaster {
    dager: i64,
    navn: String,
}

/// One public holiday: its date and its name in bokmål as the law names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    pub name: &'static str,
}

/// The parsed rules: fixed dates as (month, day, name), Easter offsets as (days, name).
struct Calendar {
    fixed: Vec<(Month, u8, String)>,
    after_easter: Vec<(i64, String)>,
}

static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| Calendar::from_json(include_str!("../../../data/helligdager.json")).expect("data/helligdager.json is valid (tested)"));

impl Calendar {
    fn from_json(text: &str) -> Result<Calendar, String> {
        let rules: Rules = serde_json::from_str(text).map_err(|e| format!("helligdager.json: {e}"))?;
        let mut fixed = Vec::with_capacity(rules.faste.len());
        for f in rules.faste {
            let (month, day) = f.dato.split_once('-').ok_or_else(|| format!("helligdager.json: `{}` is not MM-DD", f.dato))?;
            let month: u8 = month.parse().map_err(|_| format!("helligdager.json: bad month in `{}`", f.dato))?;
            let month = Month::try_from(month).map_err(|_| format!("helligdager.json: bad month in `{}`", f.dato))?;
            let day: u8 = day.parse().map_err(|_| format!("helligdager.json: bad day in `{}`", f.dato))?;
            // 2024 is a leap year, so every real MM-DD is a date in it.
            Date::from_calendar_date(2024, month, day).map_err(|_| format!("helligdager.json: `{}` is no date", f.dato))?;
            fixed.push((month, day, f.navn));
        }
        let after_easter = rules.etter_paske.into_iter().map(|a| (a.dager, a.navn)).collect();
        Ok(Calendar { fixed, after_easter })
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm,
/// "Meeus/Jones/Butcher"). `None` only for years `time` cannot represent.
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_calendar_date(year, Month::try_from(u8::try_from(month).ok()?).ok()?, u8::try_from(day).ok()?).ok()
}

/// The public holidays of `year`, in date order (eleven or twelve dates: Whit Sunday and Easter
/// Sunday are holidays that always fall on a Sunday).
pub fn holidays(year: i32) -> Vec<Holiday> {
    let calendar: &'static Calendar = &CALENDAR;
    let mut days: Vec<Holiday> =
        calendar.fixed.iter().filter_map(|(month, day, name)| Date::from_calendar_date(year, *month, *day).ok().map(|date| Holiday { date, name: name.as_str() })).collect();
    if let Some(easter) = easter_sunday(year) {
        days.extend(calendar.after_easter.iter().map(|(offset, name)| Holiday { date: easter + Duration::days(*offset), name: name.as_str() }));
    }
    days.sort_by_key(|h| h.date);
    days
}

/// Whether `date` is a Norwegian public holiday.
pub fn is_public_holiday(date: Date) -> bool {
    let calendar: &Calendar = &CALENDAR;
    calendar.fixed.iter().any(|(month, day, _)| date.month() == *month && date.day() == *day)
        || easter_sunday(date.year()).is_some_and(|easter| calendar.after_easter.iter().any(|(offset, _)| easter + Duration::days(*offset) == date))
}

/// A Saturday, a Sunday or a public holiday.
pub fn is_day_off(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) || is_public_holiday(date)
}

/// `date` itself if it is a working day, else the next working day.
pub fn this_or_next_working_day(date: Date) -> Date {
    let mut d = date;
    while is_day_off(d) {
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
    }
    d
}

/// The date `n` working days after `from` (`from` itself not counted, whatever day it is): a
/// message sent on Friday with two working days to answer is due on Tuesday; one sent on Maundy
/// Thursday 2026 is due on Wednesday 8 April. `n = 0` gives `from`.
pub fn add_working_days(from: Date, n: u32) -> Date {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        let Some(next) = d.next_day() else { return d };
        d = next;
        if !is_day_off(d) {
            left -= 1;
        }
    }
    d
}

/// Working days after `from` up to and including `to` (0 when `to` is not after `from`): how long
/// a message has waited, as the office's promise counts it.
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let mut count = 0;
    let mut d = from;
    while d < to {
        let Some(next) = d.next_day() else { break };
        d = next;
        if !is_day_off(d) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_shipped_rules_parse() {
        assert!(Calendar::from_json(include_str!("../../../data/helligdager.json")).is_ok());
        assert!(Calendar::from_json(r#"{"faste":[{"dato":"02-30","navn":"x"}],"etter_paske":[]}"#).is_err());
        assert!(Calendar::from_json(r#"{"faste":[{"dato":"1 May","navn":"x"}],"etter_paske":[]}"#).is_err());
    }

    #[test]
    fn easter_and_the_days_around_it() {
        for (year, easter) in
            [(2024, date!(2024 - 03 - 31)), (2025, date!(2025 - 04 - 20)), (2026, date!(2026 - 04 - 05)), (2027, date!(2027 - 03 - 28)), (2038, date!(2038 - 04 - 25))]
        {
            assert_eq!(easter_sunday(year), Some(easter));
        }
        let names: Vec<&str> = holidays(2026).iter().map(|h| h.name).collect();
        assert_eq!(holidays(2026).len(), 12);
        assert!(names.contains(&"Kristi himmelfartsdag"));
        assert_eq!(holidays(2026)[1], Holiday { date: date!(2026 - 04 - 02), name: "Skjærtorsdag" });
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 27 November 2026 + 2 working days: Tuesday 1 December.
        assert_eq!(add_working_days(date!(2026 - 11 - 27), 2), date!(2026 - 12 - 01));
        // Maundy Thursday 2026 + 2: Good Friday, Easter weekend and Monday are off; Tue 7, Wed 8 April.
        assert_eq!(add_working_days(date!(2026 - 04 - 02), 2), date!(2026 - 04 - 08));
        // Christmas 2026: Thursday 24 December is a working day, 25–27 are off, Monday 28 is one.
        assert_eq!(add_working_days(date!(2026 - 12 - 23), 2), date!(2026 - 12 - 28));
        assert_eq!(add_working_days(date!(2026 - 11 - 30), 0), date!(2026 - 11 - 30));
        assert_eq!(working_days_between(date!(2026 - 11 - 27), date!(2026 - 12 - 01)), 2);
        assert_eq!(working_days_between(date!(2026 - 12 - 01), date!(2026 - 11 - 27)), 0);
        assert_eq!(this_or_next_working_day(date!(2026 - 05 - 16)), date!(2026 - 05 - 18));
    }
}
