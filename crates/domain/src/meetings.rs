//! Meetings (møter) between a person and the office: in person, by phone or by video. Swedish
//! offices booked them on paper calendars and reminded people by hand; here a caseworker books one
//! from the case, the person sees it on their page with a calendar file, and gets a reminder the day
//! before.
//!
//! A meeting is on a working day ([`crate::calendar`]) between 08:00 and 16:00 Norwegian time, starts
//! on a quarter hour and lasts 15 minutes to 2 hours in quarter hours. Those quarter hours are also
//! how the database keeps a caseworker or a room from being booked twice: each booked quarter is a
//! row with a unique key per caseworker and per room ([`slots`]), so two bookings that overlap
//! cannot both be written, whichever comes first.

use time::{Date, Duration, Month, PrimitiveDateTime, Time};

use crate::dates::oslo_offset;
use crate::office::Refusal;
use crate::Millis;

/// How long one bookable quarter is, in milliseconds.
pub const SLOT_MS: Millis = 15 * 60 * 1000;
/// Earliest start and latest end, Norwegian time (hours).
pub const OPENS: u8 = 8;
pub const CLOSES: u8 = 16;

/// How the meeting is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingKind {
    /// At the office (oppmøte), at an address.
    InPerson,
    /// The caseworker calls the person.
    Phone,
    /// A video link.
    Video,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 3] = [MeetingKind::InPerson, MeetingKind::Phone, MeetingKind::Video];

    pub fn code(self) -> &'static str {
        match self {
            MeetingKind::InPerson => "oppmote",
            MeetingKind::Phone => "telefon",
            MeetingKind::Video => "video",
        }
    }

    pub fn from_code(code: &str) -> Option<MeetingKind> {
        MeetingKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The booking form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingForm {
    /// `2026-12-07`.
    pub date: String,
    /// `09:30`.
    pub time: String,
    /// Minutes, e.g. `45`.
    pub minutes: String,
    pub kind: String,
    /// The address (in person) or the link (video); for a phone meeting, optional words.
    pub place: String,
    /// A meeting room at the office, if one is used (in person).
    pub room: String,
}

/// A checked meeting: when (UTC milliseconds), how long, how and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub start_ms: Millis,
    pub end_ms: Millis,
    pub kind: MeetingKind,
    pub place: String,
    pub room: Option<String>,
}

/// Norwegian wall-clock time on `date` at `time` as UTC milliseconds (CET or CEST as it is then).
pub fn oslo_to_ms(date: Date, time: Time) -> Millis {
    let local = PrimitiveDateTime::new(date, time);
    // First as if winter time; if that instant is in summer time, the wall clock was an hour ahead.
    let winter = local.assume_offset(time::UtcOffset::from_hms(1, 0, 0).unwrap_or(time::UtcOffset::UTC));
    let offset = oslo_offset(winter);
    let instant = local.assume_offset(offset);
    (instant.unix_timestamp_nanos() / 1_000_000) as Millis
}

fn parse_date(raw: &str) -> Option<Date> {
    let mut parts = raw.trim().split('-');
    let (y, m, d) = (parts.next()?.parse::<i32>().ok()?, parts.next()?.parse::<u8>().ok()?, parts.next()?.parse::<u8>().ok()?);
    if parts.next().is_some() {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

fn parse_time(raw: &str) -> Option<Time> {
    let (h, m) = raw.trim().split_once([':', '.'])?;
    Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

/// Checks a booking made at `now`. Refusals name the field: `dato` (`error-meeting-date`, a date
/// in the past `error-meeting-past`, a weekend or public holiday `error-meeting-day-off`), `tid`
/// (`error-meeting-time`: not a quarter hour, or outside 08:00–16:00 with its length), `minutter`
/// (`error-meeting-minutes`: 15–120 in quarter hours), `type` (`error-meeting-kind`), `sted`
/// (`error-meeting-place`: an address for a meeting in person, an `https://` link for video).
pub fn check_meeting(form: &MeetingForm, now: Millis) -> Result<Meeting, Vec<Refusal>> {
    let mut refused = Vec::new();
    let date = parse_date(&form.date);
    let today = crate::dates::oslo_time(now).date();
    match date {
        None => refused.push(Refusal { key: "error-meeting-date", field: "dato" }),
        Some(d) if d < today => refused.push(Refusal { key: "error-meeting-past", field: "dato" }),
        Some(d) if crate::calendar::is_day_off(d) => refused.push(Refusal { key: "error-meeting-day-off", field: "dato" }),
        Some(_) => {}
    }
    let minutes: Option<i64> = form.minutes.trim().parse().ok().filter(|m| (15..=120).contains(m) && m % 15 == 0);
    if minutes.is_none() {
        refused.push(Refusal { key: "error-meeting-minutes", field: "minutter" });
    }
    let time = parse_time(&form.time).filter(|t| t.minute() % 15 == 0 && t.hour() >= OPENS);
    let ends_in_time = |t: Time, m: i64| i64::from(t.hour()) * 60 + i64::from(t.minute()) + m <= i64::from(CLOSES) * 60;
    match (time, minutes) {
        (None, _) => refused.push(Refusal { key: "error-meeting-time", field: "tid" }),
        (Some(t), Some(m)) if !ends_in_time(t, m) => refused.push(Refusal { key: "error-meeting-time", field: "tid" }),
        _ => {}
    }
    let kind = MeetingKind::from_code(form.kind.trim());
    let place = crate::text::clean_line(&form.place, crate::text::MAX_SHORT_TEXT);
    match (kind, &place) {
        (None, _) => refused.push(Refusal { key: "error-meeting-kind", field: "type" }),
        (_, Err(key)) => refused.push(Refusal { key, field: "sted" }),
        (Some(MeetingKind::InPerson), Ok(p)) if p.is_empty() => refused.push(Refusal { key: "error-meeting-place", field: "sted" }),
        (Some(MeetingKind::Video), Ok(p)) if !p.starts_with("https://") || p.contains(' ') => refused.push(Refusal { key: "error-meeting-place", field: "sted" }),
        _ => {}
    }
    let room = crate::text::clean_line(&form.room, 60).unwrap_or_default();
    if let (Some(date), Some(time), Some(minutes), Some(kind), Ok(place), true) = (date, time, minutes, kind, place, refused.is_empty()) {
        let start_ms = oslo_to_ms(date, time);
        if start_ms < now {
            return Err(vec![Refusal { key: "error-meeting-past", field: "tid" }]);
        }
        let room = (kind == MeetingKind::InPerson && !room.is_empty()).then_some(room);
        return Ok(Meeting { start_ms, end_ms: start_ms + minutes * 60_000, kind, place, room });
    }
    Err(refused)
}

/// The quarter hours a meeting from `start_ms` to `end_ms` takes, as their start instants.
pub fn slots(start_ms: Millis, end_ms: Millis) -> Vec<Millis> {
    let mut out = Vec::new();
    let mut at = start_ms;
    while at < end_ms {
        out.push(at);
        at += SLOT_MS;
    }
    out
}

/// When the reminder the day before goes out: 12:00 Norwegian time on the working day or calendar
/// day before the meeting (the day before, whatever day it is: people plan their evening).
pub fn reminder_at(start_ms: Millis) -> Millis {
    let day_before = crate::dates::oslo_time(start_ms).date() - Duration::days(1);
    oslo_to_ms(day_before, Time::from_hms(12, 0, 0).unwrap_or(Time::MIDNIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    /// 30 November 2026, 10:00 in Oslo.
    const NOW: Millis = 1_796_029_200_000;

    fn form(date: &str, time: &str, minutes: &str, kind: &str, place: &str) -> MeetingForm {
        MeetingForm { date: date.into(), time: time.into(), minutes: minutes.into(), kind: kind.into(), place: place.into(), room: String::new() }
    }

    #[test]
    fn oslo_wall_clock_time_in_winter_and_summer() {
        assert_eq!(oslo_to_ms(date!(2026 - 11 - 30), time!(10:00)), NOW);
        // 1 July 2026 09:00 CEST is 07:00 UTC.
        assert_eq!(oslo_to_ms(date!(2026 - 07 - 01), time!(09:00)), 1_782_889_200_000);
    }

    #[test]
    fn a_good_booking_and_its_quarters() {
        let m = check_meeting(&form("2026-12-02", "09:30", "45", "oppmote", "Sørkedalsveien 6, 0369 Oslo"), NOW).unwrap();
        assert_eq!(m.end_ms - m.start_ms, 45 * 60_000);
        assert_eq!(slots(m.start_ms, m.end_ms).len(), 3);
        assert_eq!(check_meeting(&form("2026-12-02", "13:00", "30", "telefon", ""), NOW).map(|m| m.kind), Ok(MeetingKind::Phone));
    }

    #[test]
    fn bad_bookings_are_refused_field_by_field() {
        let keys = |f: MeetingForm| check_meeting(&f, NOW).unwrap_err().iter().map(|r| (r.field, r.key)).collect::<Vec<_>>();
        assert_eq!(keys(form("2026-11-27", "09:00", "30", "telefon", "")), vec![("dato", "error-meeting-past")]);
        assert_eq!(keys(form("2026-12-25", "09:00", "30", "telefon", "")), vec![("dato", "error-meeting-day-off")], "Christmas Day");
        assert_eq!(keys(form("2026-12-05", "09:00", "30", "telefon", "")), vec![("dato", "error-meeting-day-off")], "a Saturday");
        assert_eq!(keys(form("2026-12-02", "09:10", "30", "telefon", "")), vec![("tid", "error-meeting-time")]);
        assert_eq!(keys(form("2026-12-02", "15:30", "60", "telefon", "")), vec![("tid", "error-meeting-time")], "ends after 16:00");
        assert_eq!(keys(form("2026-12-02", "09:00", "20", "telefon", "")), vec![("minutter", "error-meeting-minutes")]);
        assert_eq!(keys(form("2026-12-02", "09:00", "30", "oppmote", " ")), vec![("sted", "error-meeting-place")]);
        assert_eq!(keys(form("2026-12-02", "09:00", "30", "video", "zoom.example/abc")), vec![("sted", "error-meeting-place")]);
        assert_eq!(keys(form("2026-11-30", "09:00", "30", "telefon", "")), vec![("tid", "error-meeting-past")], "earlier today");
        assert_eq!(keys(form("", "", "", "", "")).len(), 4);
    }

    #[test]
    fn the_reminder_is_at_noon_the_day_before() {
        let m = check_meeting(&form("2026-12-02", "09:30", "45", "telefon", ""), NOW).unwrap();
        assert_eq!(reminder_at(m.start_ms), oslo_to_ms(date!(2026 - 12 - 01), time!(12:00)));
    }
}
