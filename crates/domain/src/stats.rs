//! The office lead's statistics: one office, one period, computed from rows the store reads (one per
//! application, message answer and letter), with no personal data in what comes out. A count from
//! 1 to 4 is never shown as itself ("<5", [`Count::shown`]), nor is a share or a time computed from
//! fewer than five cases, so a small office's figures cannot point at a person.

use crate::assisted::Channel;
use crate::Millis;

/// Counts below this are shown as "<5".
pub const SMALLEST_SHOWN: u64 = 5;

/// One application of the period, as the statistics need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationFacts {
    pub channel: Channel,
    pub sent_ms: Millis,
    pub emergency: bool,
    /// The first decision's time (`vedtakFattet`), if decided.
    pub decided_ms: Option<Millis>,
    /// The office's first contact after sending (an event after MOTTATT, a message, or a callback
    /// marked done), for emergencies' time to first contact.
    pub first_contact_ms: Option<Millis>,
    /// The office asked for documents at least once.
    pub documents_requested: bool,
}

/// A count as the dashboard shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

impl Count {
    /// "<5" for 1–4; the number otherwise (0 says nothing about a person).
    pub fn shown(self) -> String {
        if (1..SMALLEST_SHOWN).contains(&self.0) {
            "<5".to_owned()
        } else {
            self.0.to_string()
        }
    }

    pub fn is_hidden(self) -> bool {
        (1..SMALLEST_SHOWN).contains(&self.0)
    }
}

/// A duration summary: how many, the median and the 90th percentile, in hours. `None` figures
/// when there are fewer than five (shown as "<5").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Durations {
    pub count: Count,
    pub median_hours: Option<f64>,
    pub p90_hours: Option<f64>,
}

/// Median and 90th percentile (nearest rank) of `values` in ms, as hours; none under five.
pub fn durations(mut values: Vec<Millis>) -> Durations {
    let count = Count(values.len() as u64);
    if (values.len() as u64) < SMALLEST_SHOWN {
        return Durations { count, median_hours: None, p90_hours: None };
    }
    values.sort_unstable();
    let hours = |ms: Millis| ms as f64 / 3_600_000.0;
    let n = values.len();
    let median = if n % 2 == 1 { hours(values[n / 2]) } else { (hours(values[n / 2 - 1]) + hours(values[n / 2])) / 2.0 };
    // Nearest rank: the smallest value with at least 90 % of the values at or below it.
    let rank = (n * 9).div_ceil(10).max(1);
    Durations { count, median_hours: Some(median), p90_hours: Some(hours(values[rank - 1])) }
}

/// A share of a whole, hidden when the whole is under five.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    pub part: Count,
    pub whole: Count,
}

impl Share {
    /// The share in whole percent, `None` when the whole is under five.
    pub fn percent(self) -> Option<u64> {
        (self.whole.0 >= SMALLEST_SHOWN).then(|| (self.part.0 * 100 + self.whole.0 / 2) / self.whole.0)
    }
}

/// One week of the period: its Monday (ISO date) and the digital share of its applications.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    pub monday: String,
    pub share: Share,
}

/// What the dashboard shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub total: Count,
    /// Every channel, in [`Channel::ALL`] order, with its count.
    pub by_channel: Vec<(Channel, Count)>,
    pub digital_share: Share,
    pub weeks: Vec<Week>,
    /// From received to the first decision.
    pub processing: Durations,
    pub emergencies: Count,
    /// Emergencies: from received to the office's first contact.
    pub emergency_contact: Durations,
    pub document_requests: Share,
    /// From the person's message to the office's answer.
    pub answer_times: Durations,
    /// Letters of the period never opened online.
    pub letters_unopened: Share,
}

/// Inputs besides the applications: message answer times (ms each) and letters (sent, unopened).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtherFacts {
    pub answer_ms: Vec<Millis>,
    pub letters: u64,
    pub letters_unopened: u64,
}

/// The dashboard of `apps` (the office's applications sent in the period `from`..`to`).
pub fn dashboard(apps: &[ApplicationFacts], other: &OtherFacts, from: Millis, to: Millis) -> Dashboard {
    let total = apps.len() as u64;
    let by_channel = Channel::ALL.into_iter().map(|c| (c, Count(apps.iter().filter(|a| a.channel == c).count() as u64))).collect::<Vec<_>>();
    let digital = apps.iter().filter(|a| a.channel == Channel::Digital).count() as u64;
    let emergencies: Vec<&ApplicationFacts> = apps.iter().filter(|a| a.emergency).collect();
    Dashboard {
        total: Count(total),
        by_channel,
        digital_share: Share { part: Count(digital), whole: Count(total) },
        weeks: weeks(apps, from, to),
        processing: durations(apps.iter().filter_map(|a| a.decided_ms.map(|d| (d - a.sent_ms).max(0))).collect()),
        emergencies: Count(emergencies.len() as u64),
        emergency_contact: durations(emergencies.iter().filter_map(|a| a.first_contact_ms.map(|c| (c - a.sent_ms).max(0))).collect()),
        document_requests: Share { part: Count(apps.iter().filter(|a| a.documents_requested).count() as u64), whole: Count(total) },
        answer_times: durations(other.answer_ms.clone()),
        letters_unopened: Share { part: Count(other.letters_unopened), whole: Count(other.letters) },
    }
}

/// The Monday (in Norway) of the week `ms` falls in.
fn monday_of(ms: Millis) -> time::Date {
    let day = crate::dates::oslo_time(ms).date();
    day - time::Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

/// One entry per week from the week of `from` to the week of `to`, at most 53.
fn weeks(apps: &[ApplicationFacts], from: Millis, to: Millis) -> Vec<Week> {
    let (first, last) = (monday_of(from), monday_of((to - 1).max(from)));
    let mut out = Vec::new();
    let mut monday = first;
    while monday <= last && out.len() < 53 {
        let in_week: Vec<&ApplicationFacts> = apps.iter().filter(|a| monday_of(a.sent_ms) == monday).collect();
        let digital = in_week.iter().filter(|a| a.channel == Channel::Digital).count() as u64;
        out.push(Week { monday: monday.to_string(), share: Share { part: Count(digital), whole: Count(in_week.len() as u64) } });
        monday += time::Duration::days(7);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 3_600_000;
    const DAY: Millis = 24 * HOUR;
    /// Monday 2026-11-02 00:00 in Oslo (23:00 UTC the day before).
    const MONDAY: Millis = 1_793_574_000_000;

    fn app(channel: Channel, sent_ms: Millis) -> ApplicationFacts {
        ApplicationFacts { channel, sent_ms, emergency: false, decided_ms: None, first_contact_ms: None, documents_requested: false }
    }

    #[test]
    fn counts_under_five_are_never_shown_and_neither_is_a_share_of_fewer_than_five() {
        assert_eq!([0, 1, 4, 5, 12].map(|n| Count(n).shown()), ["0", "<5", "<5", "5", "12"]);
        assert_eq!(Share { part: Count(3), whole: Count(4) }.percent(), None);
        assert_eq!(Share { part: Count(2), whole: Count(3 + 3) }.percent(), Some(33));
        assert_eq!(durations(vec![HOUR; 4]).median_hours, None);
    }

    #[test]
    fn median_and_90th_percentile_by_nearest_rank() {
        let d = durations((1..=10).map(|h| h * HOUR).collect());
        assert_eq!((d.median_hours, d.p90_hours), (Some(5.5), Some(9.0)));
        let d = durations((1..=5).map(|h| h * DAY).collect());
        assert_eq!((d.median_hours, d.p90_hours), (Some(72.0), Some(120.0)));
    }

    #[test]
    fn channels_weeks_and_processing_time_of_one_office() {
        let mut apps = vec![];
        for i in 0..6 {
            let mut a = app(Channel::Digital, MONDAY + i * HOUR);
            a.decided_ms = Some(a.sent_ms + (i + 1) * DAY);
            apps.push(a);
        }
        for i in 0..4 {
            apps.push(app(Channel::Papir, MONDAY + 7 * DAY + i * HOUR));
        }
        apps[0].emergency = true;
        apps[0].first_contact_ms = Some(MONDAY + 2 * HOUR);
        apps[1].documents_requested = true;
        let d = dashboard(&apps, &OtherFacts::default(), MONDAY, MONDAY + 14 * DAY);
        assert_eq!(d.total, Count(10));
        assert_eq!(
            d.by_channel.iter().map(|(c, n)| (c.slug(), n.shown())).collect::<Vec<_>>(),
            vec![("digital", "6".to_owned()), ("assistert", "0".to_owned()), ("papir", "<5".to_owned()), ("telefon", "0".to_owned()), ("oppmote", "0".to_owned())]
        );
        assert_eq!(d.digital_share.percent(), Some(60));
        assert_eq!(d.weeks.iter().map(|w| (w.monday.as_str(), w.share.percent())).collect::<Vec<_>>(), vec![("2026-11-02", Some(100)), ("2026-11-09", None)]);
        assert_eq!(d.processing.median_hours, Some(3.5 * 24.0));
        assert_eq!(d.emergencies.shown(), "<5");
        assert_eq!(d.emergency_contact.median_hours, None, "one emergency: no time shown");
        assert_eq!(d.document_requests.percent(), Some(10));
    }
}
