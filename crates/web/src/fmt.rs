//! Dates and times as Norwegians read them: Oslo time, `23.11.2026 kl. 14.05`.
//!
//! Norway's time (CET/CEST) comes from [`velferd_domain::dates`], so pages, PDFs and the innsyn fold
//! agree on which day an instant falls.

use time::OffsetDateTime;
pub use velferd_domain::dates::norwegian_date;

/// The moment in Oslo (CET, or CEST in summer), from milliseconds since the Unix epoch.
pub fn oslo(ms: i64) -> OffsetDateTime {
    velferd_domain::dates::oslo_time(ms)
}

/// `dd.mm.åååå`: the date in Norway of the instant.
pub fn date(ms: i64) -> String {
    let t = oslo(ms);
    format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year())
}

/// `dd.mm.åååå hh.mm`: the date and time in Norway of the instant.
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

    #[test]
    fn a_decision_and_a_deadline_late_in_the_utc_day_show_norways_date() {
        // 2026-06-30T22:30:00Z, and a deadline at 2026-06-30T22:00:00Z.
        assert_eq!(date_time(1_782_858_600_000), "01.07.2026 00.30");
        assert_eq!(date(1_782_858_600_000), "01.07.2026");
        assert_eq!(norwegian_date("2026-06-30T22:00:00Z"), "01.07.2026");
        assert_eq!(norwegian_date("2026-06-30"), "30.06.2026", "a date stays that date");
    }
}
