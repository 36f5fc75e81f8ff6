//! The office's work on a case: what a caseworker may do, and the checks each action makes before
//! anything is written. Every refusal is a Fluent key (`office-refused-*`) and the form field it
//! belongs to, so the page shows it next to what the caseworker typed.
//!
//! The actions write events in the digisos-soker vocabulary (so the citizen's page, a helper's page
//! and the integration API show them at once): take into processing (`soknadsStatus
//! UNDER_BEHANDLING`), request documents (`dokumentasjonEtterspurt`), a preliminary answer
//! (`forelopigSvar`, forvaltningsloven § 11a), open a sak (`saksStatus`) and "will not be processed"
//! (`soknadsStatus BEHANDLES_IKKE`). Assignment and internal notes are the office's own and never
//! reach the citizen.

use time::{Date, Month};
use velferd_formats::soker::SoknadsStatusVerdi;

use crate::Millis;

/// A refusal: the message key, and the form field it is about ("" for the whole form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub key: &'static str,
    pub field: &'static str,
}

const fn refuse(key: &'static str, field: &'static str) -> Refusal {
    Refusal { key, field }
}

/// What a caseworker can do on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    TakeIntoProcessing,
    RequestDocuments,
    PreliminaryAnswer,
    OpenSak,
    WillNotProcess,
    Assign,
    Note,
}

impl Action {
    /// The action writes digisos-soker events that the citizen sees.
    pub fn writes_events(self) -> bool {
        !matches!(self, Action::Assign | Action::Note)
    }
}

/// What the rules need to know about a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    pub status: SoknadsStatusVerdi,
    /// Not finished and not "will not be processed".
    pub open: bool,
    /// The municipality's own case system posts this case's status (`status_fra_fagsystem`): then
    /// only the office's internal work (assignment, notes) happens here, so two sources never
    /// write the same case.
    pub case_system_owns: bool,
}

/// Whether `action` may be taken on a case with these facts.
pub fn may(action: Action, facts: CaseFacts) -> Result<(), Refusal> {
    if action.writes_events() && facts.case_system_owns {
        return Err(refuse("office-refused-case-system", ""));
    }
    if action.writes_events() && !facts.open {
        return Err(refuse("office-refused-closed", ""));
    }
    if action == Action::TakeIntoProcessing && facts.status != SoknadsStatusVerdi::Mottatt {
        return Err(refuse("office-refused-already-processing", ""));
    }
    Ok(())
}

/// How long a request's deadline is by default (days), and the furthest it may be set.
pub const DEFAULT_DEADLINE_DAYS: i64 = 7;
pub const MAX_DEADLINE_DAYS: i64 = 90;

/// Reads a date as a browser's date field sends it (`2026-12-07`) or as Norwegians write it
/// (`7.12.2026`, `07.12.2026`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let (y, m, d) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let mut parts = text.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (y, m, d)
    };
    if y.len() != 4 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// Checks a deadline against today (the office's date): not before today, at most
/// [`MAX_DEADLINE_DAYS`] ahead. `field` names the form field.
pub fn check_deadline(text: &str, today: Date, field: &'static str) -> Result<Date, Refusal> {
    let date = parse_date(text).ok_or(refuse("office-refused-date", field))?;
    if date < today {
        return Err(refuse("office-refused-date-past", field));
    }
    if (date - today).whole_days() > MAX_DEADLINE_DAYS {
        return Err(refuse("office-refused-date-far", field));
    }
    Ok(date)
}

/// The instant a deadline date ends for the citizen, as the format's `tidspunkt`: 21:59:59Z, which is
/// late evening in Norway in summer and winter alike and keeps the same date there.
pub fn deadline_tidspunkt(date: Date) -> String {
    format!("{}T21:59:59.000Z", date)
}

/// The longest internal note, and the longest reason or title.
pub const MAX_NOTE: usize = 10_000;
pub const MAX_REASON: usize = 2_000;
pub const MAX_TITLE: usize = 200;

/// Checks free text a caseworker wrote: not empty, not longer than `max`, printable.
pub fn check_text(raw: &str, max: usize, field: &'static str) -> Result<String, Refusal> {
    let text = crate::text::clean(raw, max).map_err(|key| match key {
        "error-text-too-long" => refuse("office-refused-too-long", field),
        "error-text-direction" => refuse("office-refused-direction", field),
        _ => refuse("office-refused-unreadable", field),
    })?;
    if text.is_empty() {
        return Err(refuse("office-refused-empty", field));
    }
    Ok(text)
}

/// A case may be given only to someone at the office that owns it whose role works cases (not the
/// contact centre, not someone Velferd does not know).
pub fn check_assignee(case_office: &str, assignee_office: Option<&str>, works_cases: bool) -> Result<(), Refusal> {
    match assignee_office {
        Some(office) if office == case_office && works_cases => Ok(()),
        _ => Err(refuse("office-refused-assignee", "saksbehandler")),
    }
}

/// Document types an office asks for, as the format writes them (type, subtype). The same types the
/// application asks for, so the citizen's upload page and the answered-rule match them exactly.
pub const REQUESTABLE: [(&str, &str); 15] = [
    ("kontooversikt", "brukskonto"),
    ("husleiekontrakt", "husleiekontrakt"),
    ("faktura", "husleie"),
    ("faktura", "strom"),
    ("faktura", "kommunaleavgifter"),
    ("nedbetalingsplan", "avdraglaan"),
    ("faktura", "barnehage"),
    ("faktura", "sfo"),
    ("lonnslipp", "arbeid"),
    ("student", "vedtak"),
    ("bostotte", "vedtak"),
    ("barnebidrag", "betaler"),
    ("barnebidrag", "mottar"),
    ("samvarsavtale", "barn"),
    ("skattemelding", "skattemelding"),
];

/// Filters of the office's inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InboxFilter {
    /// Every case still to be worked on (the default).
    #[default]
    Open,
    /// Received, nobody has started.
    New,
    /// Assigned to the one looking.
    Mine,
    /// Open and assigned to nobody.
    Unassigned,
    /// A requested document is past its deadline.
    DocumentsOverdue,
    /// Waiting [`NEAR_LIMIT_DAYS`] days or more without a decision (forvaltningsloven § 11a: a
    /// preliminary answer is due when a case cannot be answered within a month).
    NearLimit,
    /// A decision waits for a beslutter (the second person who approves it) who is not its author.
    AwaitingApproval,
    /// A beslutter sent the looker's own decision back with a comment.
    ReturnedToMe,
    /// Every case, finished ones too.
    All,
}

/// How many days without a decision before a case shows as near the one-month limit.
pub const NEAR_LIMIT_DAYS: i64 = 21;

impl InboxFilter {
    pub const ALL: [InboxFilter; 9] = [
        InboxFilter::Open,
        InboxFilter::New,
        InboxFilter::Mine,
        InboxFilter::Unassigned,
        InboxFilter::DocumentsOverdue,
        InboxFilter::NearLimit,
        InboxFilter::AwaitingApproval,
        InboxFilter::ReturnedToMe,
        InboxFilter::All,
    ];

    /// The value in the page's address (`?vis=`).
    pub fn param(self) -> &'static str {
        match self {
            InboxFilter::Open => "apne",
            InboxFilter::New => "nye",
            InboxFilter::Mine => "mine",
            InboxFilter::Unassigned => "ufordelte",
            InboxFilter::DocumentsOverdue => "frist-ute",
            InboxFilter::NearLimit => "naer-frist",
            InboxFilter::AwaitingApproval => "til-godkjenning",
            InboxFilter::ReturnedToMe => "returnert",
            InboxFilter::All => "alle",
        }
    }

    /// The filter named in the address; the default for anything unknown.
    pub fn from_param(value: &str) -> InboxFilter {
        InboxFilter::ALL.into_iter().find(|f| f.param() == value).unwrap_or_default()
    }
}

/// A day in milliseconds.
pub const DAY: Millis = 24 * 60 * 60 * 1000;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const OPEN: CaseFacts = CaseFacts { status: SoknadsStatusVerdi::Mottatt, open: true, case_system_owns: false };

    #[test]
    fn a_closed_case_or_one_owned_by_a_case_system_takes_no_action_that_writes_events() {
        assert_eq!(may(Action::RequestDocuments, OPEN), Ok(()));
        let closed = CaseFacts { status: SoknadsStatusVerdi::Ferdigbehandlet, open: false, ..OPEN };
        assert_eq!(may(Action::RequestDocuments, closed).map_err(|r| r.key), Err("office-refused-closed"));
        assert_eq!(may(Action::Note, closed), Ok(()), "notes are internal and always possible");
        let external = CaseFacts { case_system_owns: true, ..OPEN };
        for a in [Action::TakeIntoProcessing, Action::RequestDocuments, Action::PreliminaryAnswer, Action::OpenSak, Action::WillNotProcess] {
            assert_eq!(may(a, external).map_err(|r| r.key), Err("office-refused-case-system"), "{a:?}");
        }
        assert_eq!(may(Action::Assign, external), Ok(()));
        let processing = CaseFacts { status: SoknadsStatusVerdi::UnderBehandling, ..OPEN };
        assert_eq!(may(Action::TakeIntoProcessing, processing).map_err(|r| r.key), Err("office-refused-already-processing"));
    }

    #[test]
    fn deadlines_are_dates_from_today_on() {
        let today = date!(2026 - 11 - 30);
        assert_eq!(check_deadline("2026-12-07", today, "frist"), Ok(date!(2026 - 12 - 07)));
        assert_eq!(check_deadline("7.12.2026", today, "frist"), Ok(date!(2026 - 12 - 07)));
        assert_eq!(check_deadline("30.11.2026", today, "frist"), Ok(today), "today is allowed");
        assert_eq!(check_deadline("29.11.2026", today, "frist").map_err(|r| r.key), Err("office-refused-date-past"));
        assert_eq!(check_deadline("31.02.2027", today, "frist").map_err(|r| r.key), Err("office-refused-date"));
        assert_eq!(check_deadline("", today, "frist").map_err(|r| (r.key, r.field)), Err(("office-refused-date", "frist")));
        assert_eq!(check_deadline("2027-06-01", today, "frist").map_err(|r| r.key), Err("office-refused-date-far"));
        assert_eq!(deadline_tidspunkt(date!(2026 - 12 - 07)), "2026-12-07T21:59:59.000Z");
    }

    #[test]
    fn texts_are_checked_with_the_field_named() {
        assert_eq!(check_text("  Ringte søker  ", MAX_NOTE, "notat"), Ok("Ringte søker".into()));
        assert_eq!(check_text("   ", MAX_NOTE, "notat"), Err(Refusal { key: "office-refused-empty", field: "notat" }));
        assert_eq!(check_text(&"x".repeat(MAX_NOTE + 1), MAX_NOTE, "notat").map_err(|r| r.key), Err("office-refused-too-long"));
        assert_eq!(check_text("a\u{7}b", MAX_NOTE, "notat").map_err(|r| r.key), Err("office-refused-unreadable"));
    }

    #[test]
    fn colleagues_only_within_the_office() {
        assert_eq!(check_assignee("0312", Some("0312"), true), Ok(()));
        assert!(check_assignee("0312", Some("0312"), false).is_err(), "the contact centre works no cases");
        assert!(check_assignee("0312", Some("1201"), true).is_err());
        assert!(check_assignee("0312", None, true).is_err());
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        for f in InboxFilter::ALL {
            assert_eq!(InboxFilter::from_param(f.param()), f);
        }
        assert_eq!(InboxFilter::from_param("tull"), InboxFilter::Open);
    }
}
