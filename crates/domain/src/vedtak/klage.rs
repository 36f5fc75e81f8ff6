//! Appeals (klage) against a decision: the deadline and whether an appeal came in time.
//!
//! Forvaltningsloven § 29: the deadline is three weeks from the day the notice of the decision reached
//! the party. A deadline in weeks ends on the same weekday, and one that ends on a Saturday, a Sunday
//! or a public holiday runs to the next working day (domstolloven §§ 148 and 149, which give the
//! rules for computing deadlines in Norwegian procedure). An appeal that comes later is still
//! received and recorded — forvaltningsloven § 31 lets the office consider it when the party cannot
//! be blamed or there are special reasons — so it is marked late and the reason for the delay is
//! asked for. Every date is the date in Norway.

use time::{Date, Duration};

/// Three weeks (forvaltningsloven § 29).
pub const KLAGEFRIST_DAYS: i64 = 21;

pub use crate::calendar::{easter_sunday, is_day_off, is_public_holiday};

/// The last day to appeal a decision whose letter reached the party on `letter_received`.
pub fn deadline(letter_received: Date) -> Date {
    let mut day = letter_received + Duration::days(KLAGEFRIST_DAYS);
    while is_day_off(day) {
        match day.next_day() {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

/// Whether an appeal came in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timing {
    InTime {
        deadline: Date,
    },
    /// Received all the same; ask why it is late (forvaltningsloven § 31).
    Late {
        deadline: Date,
        days_late: i64,
    },
}

/// An appeal as received: always received, marked late when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub timing: Timing,
    /// The party's reason for the delay, when late and given.
    pub late_reason: Option<String>,
}

impl Received {
    /// A late appeal without a reason: the page asks for it (message `klage-late-reason-asked`).
    pub fn needs_reason(&self) -> bool {
        matches!(self.timing, Timing::Late { .. }) && self.late_reason.is_none()
    }

    /// The Fluent message that tells the caseworker and the party where the appeal stands:
    /// `klage-in-time` (with `$deadline`) or `klage-late` (with `$deadline` and `$days`).
    pub fn text(&self) -> crate::case_view::Text {
        match &self.timing {
            Timing::InTime { deadline } => crate::case_view::Text { key: "klage-in-time", args: vec![("deadline", deadline.to_string())] },
            Timing::Late { deadline, days_late } => crate::case_view::Text { key: "klage-late", args: vec![("deadline", deadline.to_string()), ("days", days_late.to_string())] },
        }
    }
}

/// Receives an appeal that came on `klage_received` against a decision whose letter reached the party
/// on `letter_received` (both dates in Norway, [`crate::calculation::oslo_date`]). Never refuses: a
/// late appeal is received and marked late. `late_reason` is kept only for a late appeal, trimmed,
/// and `None` when empty.
pub fn receive(letter_received: Date, klage_received: Date, late_reason: Option<&str>) -> Received {
    let deadline = deadline(letter_received);
    if klage_received <= deadline {
        return Received { timing: Timing::InTime { deadline }, late_reason: None };
    }
    let reason = late_reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    Received { timing: Timing::Late { deadline, days_late: (klage_received - deadline).whole_days() }, late_reason: reason }
}
