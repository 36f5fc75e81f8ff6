//! The legal deadlines of a concern report, per jurisdiction, as data: `data/barnevern-frister.json`
//! (compiled in), each deadline with the law it comes from.
//!
//! Counting follows how the laws count periods: calendar days, not working days; a period in weeks
//! ends on the same weekday, a period in months on the same day of the month or, when that month has
//! no such day, its last day (31 January + 1 month = 28 or 29 February); "at once" (0 days) is the
//! day of receipt. The dates are those in the jurisdiction's time zone (Europe/Oslo,
//! Europe/Stockholm), and a deadline ends at the end of its last day there — midnight local time,
//! which is 23:00 UTC in winter and 22:00 UTC in summer. Both zones have had the same offsets since
//! 1980 (the EU summer-time rule), so [`crate::dates::oslo_offset`] serves both. A deadline that
//! ends on a weekend or holiday is not moved: these are the service's own deadlines, not a party's
//! procedural deadlines (domstolloven § 148 does not apply).

use std::sync::LazyLock;

use serde::Deserialize;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

use super::{Jurisdiction, StepKind};
use crate::Millis;

/// The deadline rules as kept in `data/barnevern-frister.json`.
#[derive(Debug, Deserialize)]
struct RawRules {
    jurisdiksjoner: Vec<RawJurisdiction>,
}

#[derive(Debug, Deserialize)]
struct RawJurisdiction {
    kode: String,
    tidssone: String,
    frister: Vec<RawDeadline>,
}

#[derive(Debug, Deserialize)]
struct RawDeadline {
    id: String,
    fra: String,
    #[serde(default)]
    dager: Option<u16>,
    #[serde(default)]
    uker: Option<u16>,
    #[serde(default)]
    maneder: Option<u8>,
    #[serde(default)]
    forlenget_maneder: Option<u8>,
    #[serde(default)]
    bare_fagperson: bool,
    oppfylt_av: Vec<String>,
    kilde: String,
}

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar days; 0 is the same day.
    Days(u16),
    Weeks(u16),
    Months(u8),
}

impl Period {
    /// The last day of a period that starts on `start` (the day of the event that starts it).
    /// `None` only beyond the dates `time` represents.
    pub fn last_day(self, start: Date) -> Option<Date> {
        match self {
            Period::Days(d) => start.checked_add(Duration::days(i64::from(d))),
            Period::Weeks(w) => start.checked_add(Duration::weeks(i64::from(w))),
            Period::Months(m) => add_months(start, m),
        }
    }
}

/// `start` plus `months` calendar months: the same day of the month, or the last day of the month
/// when it is shorter (31 January + 1 = 28/29 February; 29 February + 12 = 28 February).
pub fn add_months(start: Date, months: u8) -> Option<Date> {
    let index = i32::from(u8::from(start.month())) - 1 + i32::from(months);
    let year = start.year() + index.div_euclid(12);
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = start.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// Which deadline: the review and investigation in Norway, the protective assessment, initial
/// assessment and investigation in Sweden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    /// Gjennomgang (Norway): the report read and a choice made whether to investigate.
    Gjennomgang,
    /// Undersøkelse (Norway): the investigation finished.
    Undersokelse,
    /// Skyddsbedömning (Sweden): whether the child needs protection at once.
    Skyddsbedomning,
    /// Förhandsbedömning (Sweden): whether to open an investigation.
    Forhandsbedomning,
    /// Utredning (Sweden): the investigation finished.
    Utredning,
    /// Tilbakemelding (Norway): a professional reporter told whether an investigation was opened.
    Tilbakemelding,
}

impl DeadlineKind {
    const ALL: [DeadlineKind; 6] = [
        DeadlineKind::Gjennomgang,
        DeadlineKind::Undersokelse,
        DeadlineKind::Skyddsbedomning,
        DeadlineKind::Forhandsbedomning,
        DeadlineKind::Utredning,
        DeadlineKind::Tilbakemelding,
    ];

    /// The id in the data file and in message keys (`bv-deadline-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            DeadlineKind::Gjennomgang => "gjennomgang",
            DeadlineKind::Undersokelse => "undersokelse",
            DeadlineKind::Skyddsbedomning => "skyddsbedomning",
            DeadlineKind::Forhandsbedomning => "forhandsbedomning",
            DeadlineKind::Utredning => "utredning",
            DeadlineKind::Tilbakemelding => "tilbakemelding",
        }
    }

    fn from_id(id: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// What starts a deadline's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The report received.
    Received,
    /// The investigation opened.
    InvestigationOpened,
}

/// One deadline rule of a jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRule {
    pub kind: DeadlineKind,
    pub start: Start,
    pub period: Period,
    /// The longest period with a recorded extension, if the law allows one here.
    pub extended: Option<Period>,
    /// The steps that meet the deadline.
    pub met_by: Vec<StepKind>,
    /// Only for reports from professionals (the feedback of barnevernsloven § 13-4).
    pub professional_only: bool,
    /// The law it comes from, in the jurisdiction's language.
    pub source: String,
}

/// The rules of both jurisdictions.
#[derive(Debug)]
pub struct Rules {
    pub norway: Vec<DeadlineRule>,
    pub sweden: Vec<DeadlineRule>,
}

impl Rules {
    /// Reads the rules, refusing unknown ids, steps or time zones and deadlines without exactly one
    /// period, so a typo stops the build's tests rather than misses a deadline.
    pub fn from_json(text: &str) -> Result<Rules, String> {
        let raw: RawRules = serde_json::from_str(text).map_err(|e| format!("barnevern-frister.json: {e}"))?;
        let mut norway = None;
        let mut sweden = None;
        for j in raw.jurisdiksjoner {
            let (slot, zone) = match j.kode.as_str() {
                "no" => (&mut norway, "Europe/Oslo"),
                "se" => (&mut sweden, "Europe/Stockholm"),
                other => return Err(format!("barnevern-frister.json: unknown jurisdiction `{other}`")),
            };
            if j.tidssone != zone {
                return Err(format!("barnevern-frister.json: {} must count in {zone}, not {}", j.kode, j.tidssone));
            }
            let mut rules = Vec::new();
            for f in j.frister {
                let kind = DeadlineKind::from_id(&f.id).ok_or_else(|| format!("barnevern-frister.json: unknown deadline `{}`", f.id))?;
                let start = match f.fra.as_str() {
                    "mottatt" => Start::Received,
                    "undersokelse" => Start::InvestigationOpened,
                    other => return Err(format!("barnevern-frister.json: `{other}` starts no deadline")),
                };
                let period = match (f.dager, f.uker, f.maneder) {
                    (Some(d), None, None) => Period::Days(d),
                    (None, Some(w), None) => Period::Weeks(w),
                    (None, None, Some(m)) => Period::Months(m),
                    _ => return Err(format!("barnevern-frister.json: `{}` needs exactly one of dager, uker, maneder", f.id)),
                };
                let met_by =
                    f.oppfylt_av.iter().map(|s| StepKind::from_id(s).ok_or_else(|| format!("barnevern-frister.json: unknown step `{s}`"))).collect::<Result<Vec<_>, _>>()?;
                rules.push(DeadlineRule { kind, start, period, extended: f.forlenget_maneder.map(Period::Months), met_by, professional_only: f.bare_fagperson, source: f.kilde });
            }
            *slot = Some(rules);
        }
        Ok(Rules { norway: norway.ok_or("barnevern-frister.json: Norway missing")?, sweden: sweden.ok_or("barnevern-frister.json: Sweden missing")? })
    }

    /// The rules of one jurisdiction, in the order the data file gives them.
    pub fn of(&self, j: Jurisdiction) -> &[DeadlineRule] {
        match j {
            Jurisdiction::Norway => &self.norway,
            Jurisdiction::Sweden => &self.sweden,
        }
    }
}

/// The rules of `data/barnevern-frister.json`.
pub static RULES: LazyLock<Rules> =
    LazyLock::new(|| Rules::from_json(include_str!("../../../../data/barnevern-frister.json")).expect("data/barnevern-frister.json is valid (tested)"));

/// The jurisdiction's offset from UTC at an instant (see the module comment).
fn offset(_j: Jurisdiction, instant: OffsetDateTime) -> UtcOffset {
    crate::dates::oslo_offset(instant)
}

/// The date in the jurisdiction at an instant (ms since the epoch).
pub fn local_date(j: Jurisdiction, at: Millis) -> Date {
    let utc = OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    utc.to_offset(offset(j, utc)).date()
}

/// The instant (ms) a date ends in the jurisdiction: the next day's local midnight. Midnight is
/// never inside a clock change here (changes happen at 02:00/03:00 local), so the offset of that
/// midnight is unambiguous.
pub fn end_of_day(j: Jurisdiction, date: Date) -> Millis {
    let next = date.next_day().unwrap_or(date);
    let naive = next.with_time(Time::MIDNIGHT);
    // Take the offset at the instant as if it were UTC, then correct once: near midnight local the
    // zone is the same on both sides of the hour or two.
    let guess = naive.assume_utc();
    let local = naive.assume_offset(offset(j, guess - Duration::hours(2)));
    let ms = local.unix_timestamp_nanos() / 1_000_000;
    i64::try_from(ms).unwrap_or(i64::MAX)
}

/// A deadline as it stands for one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// The last day, in the jurisdiction's calendar.
    pub last_day: Date,
    /// When it ends: the end of the last day there (ms since the epoch).
    pub ends_at: Millis,
    /// When a step met it, if one has.
    pub met_at: Option<Millis>,
    /// An extension moved it (Norway's investigation).
    pub extended: bool,
}

/// How a deadline stands at a moment: met, days left (0 = ends today), or overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Met { late: bool },
    DaysLeft(i64),
    Overdue { days: i64 },
}

impl Deadline {
    /// The standing at `now` (ms), days counted in the jurisdiction's calendar.
    pub fn standing(&self, j: Jurisdiction, now: Millis) -> Standing {
        if let Some(met) = self.met_at {
            return Standing::Met { late: met >= self.ends_at };
        }
        let today = local_date(j, now);
        if now >= self.ends_at {
            Standing::Overdue { days: (today - self.last_day).whole_days().max(1) }
        } else {
            Standing::DaysLeft((self.last_day - today).whole_days().max(0))
        }
    }
}

/// The deadline a rule sets from an event at `start` (ms); `extended_to`, the last day a recorded
/// extension gives (checked by [`check_extension`]).
pub fn deadline(j: Jurisdiction, rule: &DeadlineRule, start: Millis, extended_to: Option<Date>, met_at: Option<Millis>) -> Option<Deadline> {
    let first = local_date(j, start);
    let (last_day, extended) = match (extended_to, rule.extended) {
        (Some(d), Some(_)) => (d, true),
        _ => (rule.period.last_day(first)?, false),
    };
    Some(Deadline { kind: rule.kind, last_day, ends_at: end_of_day(j, last_day), met_at, extended })
}

/// Checks the last day an extension asks for: a date (`2026-12-07` or `7.12.2026`), not before
/// today, after the deadline without extension and at most the longest the law allows with one.
/// Refusals: `bv-refused-date`, `bv-refused-date-past`, `bv-refused-extension-short`,
/// `bv-refused-extension-long`, `bv-refused-no-extension` (the law here has no extension).
pub fn check_extension(j: Jurisdiction, rule: &DeadlineRule, received: Millis, text: &str, today: Date) -> Result<Date, crate::office::Refusal> {
    use crate::office::Refusal;
    let field = "forlenget-til";
    let longest = rule.extended.ok_or(Refusal { key: "bv-refused-no-extension", field: "" })?;
    let date = crate::office::parse_date(text).ok_or(Refusal { key: "bv-refused-date", field })?;
    if date < today {
        return Err(Refusal { key: "bv-refused-date-past", field });
    }
    let first = local_date(j, received);
    if rule.period.last_day(first).is_some_and(|normal| date <= normal) {
        return Err(Refusal { key: "bv-refused-extension-short", field });
    }
    if longest.last_day(first).is_none_or(|max| date > max) {
        return Err(Refusal { key: "bv-refused-extension-long", field });
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn ms(t: OffsetDateTime) -> Millis {
        i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or_default()
    }

    fn rule(j: Jurisdiction, kind: DeadlineKind) -> &'static DeadlineRule {
        RULES.of(j).iter().find(|r| r.kind == kind).expect("rule in data")
    }

    #[test]
    fn the_data_file_names_every_deadline_of_both_countries_with_its_source() {
        let no: Vec<_> = RULES.norway.iter().map(|r| r.kind).collect();
        assert_eq!(no, [DeadlineKind::Gjennomgang, DeadlineKind::Undersokelse, DeadlineKind::Tilbakemelding]);
        let se: Vec<_> = RULES.sweden.iter().map(|r| r.kind).collect();
        assert_eq!(se, [DeadlineKind::Skyddsbedomning, DeadlineKind::Forhandsbedomning, DeadlineKind::Utredning]);
        assert!(RULES.norway.iter().chain(&RULES.sweden).all(|r| r.source.contains('§')));
        assert_eq!(rule(Jurisdiction::Norway, DeadlineKind::Undersokelse).extended, Some(Period::Months(6)));
    }

    #[test]
    fn a_broken_data_file_is_refused_with_what_is_wrong() {
        let bad = r#"{"jurisdiksjoner":[{"kode":"no","tidssone":"Europe/Oslo","frister":[{"id":"gjennomgang","fra":"mottatt","dager":7,"uker":1,"oppfylt_av":[],"kilde":""}]}]}"#;
        assert!(Rules::from_json(bad).unwrap_err().contains("exactly one"));
        let zone = r#"{"jurisdiksjoner":[{"kode":"se","tidssone":"Europe/Oslo","frister":[]}]}"#;
        assert!(Rules::from_json(zone).unwrap_err().contains("Europe/Stockholm"));
    }

    #[test]
    fn months_end_on_the_same_day_or_the_last_day_of_a_shorter_month() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), Some(date!(2026 - 02 - 28)));
        assert_eq!(add_months(date!(2028 - 01 - 31), 1), Some(date!(2028 - 02 - 29)), "leap year");
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), Some(date!(2027 - 02 - 28)), "over the new year");
        assert_eq!(add_months(date!(2028 - 02 - 29), 12), Some(date!(2029 - 02 - 28)), "29 February a year on");
        assert_eq!(add_months(date!(2028 - 02 - 29), 4), Some(date!(2028 - 06 - 29)));
        assert_eq!(add_months(date!(2026 - 10 - 31), 4), Some(date!(2027 - 02 - 28)), "Sweden's four months from 31 October");
        assert_eq!(add_months(date!(2026 - 03 - 15), 0), Some(date!(2026 - 03 - 15)));
    }

    #[test]
    fn norway_review_within_a_week_counts_the_oslo_date_of_receipt() {
        let j = Jurisdiction::Norway;
        // 23:30 UTC on 31 December is already 1 January in Oslo.
        let received = ms(datetime!(2026-12-31 23:30 UTC));
        let d = deadline(j, rule(j, DeadlineKind::Gjennomgang), received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2027 - 01 - 08));
        assert_eq!(d.ends_at, ms(datetime!(2027-01-08 23:00 UTC)), "midnight in Oslo, winter");
    }

    #[test]
    fn norway_investigation_three_months_or_six_with_an_extension_from_a_month_end() {
        let j = Jurisdiction::Norway;
        let r = rule(j, DeadlineKind::Undersokelse);
        let received = ms(datetime!(2026-11-30 10:00 UTC));
        let d = deadline(j, r, received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2027 - 02 - 28));
        let today = date!(2027 - 01 - 10);
        assert_eq!(check_extension(j, r, received, "2027-05-30", today), Ok(date!(2027 - 05 - 30)), "six months from 30 November is 30 May");
        assert_eq!(check_extension(j, r, received, "2027-05-31", today).unwrap_err().key, "bv-refused-extension-long");
        assert_eq!(check_extension(j, r, received, "2027-02-28", today).unwrap_err().key, "bv-refused-extension-short");
        assert_eq!(check_extension(j, r, received, "2027-01-09", today).unwrap_err().key, "bv-refused-date-past");
        assert_eq!(check_extension(j, r, received, "in May", today).unwrap_err().key, "bv-refused-date");
        let extended = deadline(j, r, received, Some(date!(2027 - 05 - 30)), None).expect("deadline");
        assert!(extended.extended);
        assert_eq!(extended.last_day, date!(2027 - 05 - 30));
        let se = Jurisdiction::Sweden;
        assert_eq!(check_extension(se, rule(se, DeadlineKind::Utredning), received, "2027-05-01", today).unwrap_err().key, "bv-refused-no-extension");
    }

    #[test]
    fn six_months_from_31_august_ends_on_the_last_day_of_february_in_a_leap_year() {
        let j = Jurisdiction::Norway;
        let r = rule(j, DeadlineKind::Undersokelse);
        let received = ms(datetime!(2027-08-31 08:00 UTC));
        assert_eq!(check_extension(j, r, received, "29.02.2028", date!(2027 - 09 - 01)), Ok(date!(2028 - 02 - 29)));
        assert_eq!(check_extension(j, r, received, "01.03.2028", date!(2027 - 09 - 01)).unwrap_err().key, "bv-refused-extension-long");
    }

    #[test]
    fn a_week_over_the_spring_clock_change_ends_at_midnight_summer_time() {
        let j = Jurisdiction::Norway;
        // Sunday 29 March 2026 the clocks go forward; a report on the 22nd ends on the 29th.
        let received = ms(datetime!(2026-03-22 12:00 UTC));
        let d = deadline(j, rule(j, DeadlineKind::Gjennomgang), received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2026 - 03 - 29));
        assert_eq!(d.ends_at, ms(datetime!(2026-03-29 22:00 UTC)), "00:00 CEST on the 30th");
        assert_eq!(d.standing(j, ms(datetime!(2026-03-29 21:59 UTC))), Standing::DaysLeft(0));
        assert_eq!(d.standing(j, ms(datetime!(2026-03-29 22:00 UTC))), Standing::Overdue { days: 1 });
    }

    #[test]
    fn sweden_fourteen_days_over_the_autumn_clock_change_in_stockholm() {
        let j = Jurisdiction::Sweden;
        // 25 October 2026 the clocks go back. Received 23:30 CEST on 20 October (21:30 UTC).
        let received = ms(datetime!(2026-10-20 21:30 UTC));
        let d = deadline(j, rule(j, DeadlineKind::Forhandsbedomning), received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2026 - 11 - 03));
        assert_eq!(d.ends_at, ms(datetime!(2026-11-03 23:00 UTC)), "00:00 CET");
        assert_eq!(d.standing(j, ms(datetime!(2026-10-21 08:00 UTC))), Standing::DaysLeft(13));
    }

    #[test]
    fn sweden_protective_assessment_is_due_the_same_day_and_met_late_shows_as_late() {
        let j = Jurisdiction::Sweden;
        let received = ms(datetime!(2026-06-10 20:00 UTC)); // 22:00 in Stockholm
        let d = deadline(j, rule(j, DeadlineKind::Skyddsbedomning), received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2026 - 06 - 10));
        assert_eq!(d.ends_at, ms(datetime!(2026-06-10 22:00 UTC)));
        assert_eq!(d.standing(j, received), Standing::DaysLeft(0));
        let late = Deadline { met_at: Some(ms(datetime!(2026-06-11 06:00 UTC))), ..d.clone() };
        assert_eq!(late.standing(j, received), Standing::Met { late: true });
        let on_time = Deadline { met_at: Some(received + 1), ..d };
        assert_eq!(on_time.standing(j, received), Standing::Met { late: false });
    }

    #[test]
    fn sweden_investigation_runs_four_months_from_its_opening_through_29_february() {
        let j = Jurisdiction::Sweden;
        let opened = ms(datetime!(2027-10-29 09:00 UTC));
        let d = deadline(j, rule(j, DeadlineKind::Utredning), opened, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2028 - 02 - 29));
        let opened = ms(datetime!(2026-10-31 09:00 UTC));
        assert_eq!(deadline(j, rule(j, DeadlineKind::Utredning), opened, None, None).expect("deadline").last_day, date!(2027 - 02 - 28));
    }

    #[test]
    fn overdue_days_are_counted_in_the_local_calendar() {
        let j = Jurisdiction::Norway;
        let received = ms(datetime!(2026-01-05 09:00 UTC));
        let d = deadline(j, rule(j, DeadlineKind::Gjennomgang), received, None, None).expect("deadline");
        assert_eq!(d.last_day, date!(2026 - 01 - 12));
        assert_eq!(d.standing(j, ms(datetime!(2026-01-15 12:00 UTC))), Standing::Overdue { days: 3 });
        assert_eq!(d.standing(j, ms(datetime!(2026-01-10 12:00 UTC))), Standing::DaysLeft(2));
    }
}
