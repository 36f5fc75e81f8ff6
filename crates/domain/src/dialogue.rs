//! The conversation between a person and the office about one application (dialog): what a
//! message may hold, when the office promises to answer, and when a case is too old to write to.
//!
//! The NAV evaluation of Digisos found that people could not understand why they could not write
//! to the office about their application, and some sent notes as attachments; 78 % of staff wanted
//! a dialogue. A message is part of the case record: it is never edited after sending (a
//! correction is a new message). The office answers within [`ANSWER_WITHIN_WORKING_DAYS`] working
//! days ([`crate::calendar`]).

use time::Date;

use crate::calendar::{add_working_days, working_days_between};
use crate::ids::MessageKey;
use crate::office::Refusal;
use crate::text;

/// Longest message, in characters: a long letter's worth, small enough that a pasted 100 kB blob
/// is refused with a message rather than stored.
pub const MAX_MESSAGE: usize = 4000;

/// Most files sent with one message (they become one PDF, as a document sent later does).
pub const MAX_MESSAGE_FILES: usize = 10;

/// The office's promise: an answer within two working days of the message.
pub const ANSWER_WITHIN_WORKING_DAYS: u32 = 2;

/// A case closed this many days ago or more takes no new messages: after a decision people still
/// ask about it and may appeal (three weeks from receiving the letter), so a closed case stays open
/// to messages for eight weeks; after that a new application or a phone call is the way.
pub const CLOSED_CASE_OPEN_DAYS: i64 = 56;

/// A message as typed, checked: the text to store (see [`text::clean`]: zero-width characters
/// removed, trimmed, `\r\n` as `\n`). Refused with the field `melding` and the key to show there:
/// `error-message-empty`, `error-text-too-long`, `error-text-direction`, `error-text-unreadable`.
pub fn check_message(raw: &str) -> Result<String, Refusal> {
    let refuse = |key: MessageKey| Refusal { key, field: "melding" };
    let body = text::clean(raw, MAX_MESSAGE).map_err(refuse)?;
    if body.is_empty() {
        return Err(refuse("error-message-empty"));
    }
    Ok(body)
}

/// Longest reply template title, in characters.
pub const MAX_TEMPLATE_TITLE: usize = 100;

/// A reply template as typed, checked: its title (one line, fields `tittel`) and text (as a
/// message, field `tekst`), cleaned as they are to be stored. Every field's fault at once:
/// `error-template-title-empty`, `error-message-empty`, and the [`text::clean`] keys.
pub fn check_template(title: &str, body: &str) -> Result<(String, String), Vec<Refusal>> {
    let title = match text::clean_line(title, MAX_TEMPLATE_TITLE) {
        Ok(t) if t.is_empty() => Err(Refusal { key: "error-template-title-empty", field: "tittel" }),
        Ok(t) => Ok(t),
        Err(key) => Err(Refusal { key, field: "tittel" }),
    };
    let body = check_message(body).map_err(|r| Refusal { field: "tekst", ..r });
    match (title, body) {
        (Ok(title), Ok(body)) => Ok((title, body)),
        (title, body) => Err(title.err().into_iter().chain(body.err()).collect()),
    }
}

/// Whether a case takes new messages: `closed_on` is the Norwegian date the case was closed
/// (decided or not to be processed, nothing left to pay), `None` while it is open. Refused with
/// `error-message-case-closed` (field `melding`).
pub fn check_open(closed_on: Option<Date>, today: Date) -> Result<(), Refusal> {
    match closed_on {
        Some(closed) if (today - closed).whole_days() >= CLOSED_CASE_OPEN_DAYS => Err(Refusal { key: "error-message-case-closed", field: "melding" }),
        _ => Ok(()),
    }
}

/// The date by which the office answers a message sent on `sent` (a Norwegian date).
pub fn answer_by(sent: Date) -> Date {
    add_working_days(sent, ANSWER_WITHIN_WORKING_DAYS)
}

/// How long a message sent on `sent` has waited for an answer by `today`, as the office's inbox
/// shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    /// Working days since the message (0 on the day it came).
    pub working_days: u32,
    /// The promised answer date.
    pub answer_by: Date,
    /// The promised date has passed without an answer.
    pub overdue: bool,
}

/// See [`Waiting`].
pub fn waiting(sent: Date, today: Date) -> Waiting {
    let by = answer_by(sent);
    Waiting { working_days: working_days_between(sent, today), answer_by: by, overdue: today > by }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_template_needs_a_title_and_a_text_and_says_every_fault_at_once() {
        assert_eq!(super::check_template("  Mottatt ", "Vi har fått meldingen din.\r\n"), Ok(("Mottatt".into(), "Vi har fått meldingen din.".into())));
        let faults = super::check_template(" ", "").unwrap_err();
        assert_eq!(faults.iter().map(|r| (r.field, r.key)).collect::<Vec<_>>(), [("tittel", "error-template-title-empty"), ("tekst", "error-message-empty")]);
        assert_eq!(super::check_template("To\nlinjer", "Hei").unwrap_err()[0].field, "tittel");
    }

    use super::*;
    use time::macros::date;

    #[test]
    fn messages_are_checked_like_other_free_text_and_never_empty() {
        assert_eq!(check_message("  Hei,\r\nnår får jeg svar?  "), Ok("Hei,\nnår får jeg svar?".to_owned()));
        assert_eq!(check_message(" \u{200B} \n ").unwrap_err().key, "error-message-empty");
        assert_eq!(check_message(&"a".repeat(100_000)).unwrap_err().key, "error-text-too-long");
        assert_eq!(check_message("hei \u{7} der").unwrap_err().key, "error-text-unreadable");
        assert_eq!(check_message("abc \u{202E}fdp.exe").unwrap_err().key, "error-text-direction");
        assert_eq!(check_message(&"ø".repeat(MAX_MESSAGE)).map(|m| m.chars().count()), Ok(MAX_MESSAGE));
    }

    #[test]
    fn answers_come_within_two_working_days() {
        // Monday → Wednesday; Friday → Tuesday; the day before Maundy Thursday 2026 → Tuesday after Easter.
        assert_eq!(answer_by(date!(2026 - 11 - 30)), date!(2026 - 12 - 02));
        assert_eq!(answer_by(date!(2026 - 12 - 04)), date!(2026 - 12 - 08));
        assert_eq!(answer_by(date!(2026 - 04 - 01)), date!(2026 - 04 - 08));
        let w = waiting(date!(2026 - 12 - 04), date!(2026 - 12 - 09));
        assert_eq!((w.working_days, w.overdue), (3, true));
        assert!(!waiting(date!(2026 - 12 - 04), date!(2026 - 12 - 08)).overdue);
    }

    #[test]
    fn a_case_closed_eight_weeks_ago_takes_no_messages() {
        let today = date!(2026 - 11 - 30);
        assert!(check_open(None, today).is_ok());
        assert!(check_open(Some(date!(2026 - 11 - 01)), today).is_ok());
        assert_eq!(check_open(Some(date!(2026 - 10 - 05)), today).unwrap_err().key, "error-message-case-closed");
    }
}
