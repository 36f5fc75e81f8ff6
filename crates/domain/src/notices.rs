//! Notifications (varsler): a short SMS or e-mail telling a person that something happened on their
//! case, so they log in and read it. NAV's evaluation found decisions sent to digital mailboxes
//! were often never opened; a notice is what brings people back.
//!
//! A notice never carries personal or case content — not the name, the office's decision, amounts
//! or dates — only that there is something to read ("You have a new message from your welfare
//! office. Log in to read it."), in the person's language. SMS and e-mail pass through systems the
//! office does not control and phones are shared.
//!
//! The person chooses channels and may turn off each kind of notice except the ones the law
//! requires the office to make known: a decision (forvaltningsloven § 27) and a request for
//! documents with a deadline (the person must know of it to keep it, fvl. § 17 and
//! sosialtjenesteloven § 43). Those go out on a channel the person gave even when they turned the
//! channels off.

use crate::ids::MessageKey;

/// What happened, as the notice says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeKind {
    /// The office answered or wrote in the conversation.
    NewMessage,
    /// The office asks for documents, with a deadline.
    DocumentsRequested,
    /// A decision (vedtak) was made.
    Decision,
    /// A payment was planned.
    PaymentPlanned,
    /// A deadline to send documents is in two days.
    DeadlineSoon,
    /// A meeting was booked, moved or cancelled.
    Meeting,
    /// A meeting is tomorrow.
    MeetingTomorrow,
    /// Tilbakeringing: the contact centre promised that the office calls the person back; the
    /// SMS confirms who calls and when, to the number the person gave for the call (issue 17). The
    /// one notice with case content: the office's name, a date and a window, which the person
    /// asked for on the phone. Never e-mail, never a link; not among the kinds a person turns off.
    Callback,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 6] =
        [NoticeKind::NewMessage, NoticeKind::DocumentsRequested, NoticeKind::Decision, NoticeKind::PaymentPlanned, NoticeKind::DeadlineSoon, NoticeKind::Meeting];

    /// The code stored and posted in forms (`ny-melding`, …).
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::NewMessage => "ny-melding",
            NoticeKind::DocumentsRequested => "dokumentasjon-etterspurt",
            NoticeKind::Decision => "vedtak",
            NoticeKind::PaymentPlanned => "utbetaling-planlagt",
            NoticeKind::DeadlineSoon => "frist-snart",
            NoticeKind::Meeting => "mote",
            NoticeKind::MeetingTomorrow => "mote-i-morgen",
            NoticeKind::Callback => "tilbakeringing",
        }
    }

    /// Every kind, also those written by the system alone (a meeting tomorrow, a callback), as
    /// stored in the outbox.
    pub const EVERY: [NoticeKind; 8] = [
        NoticeKind::NewMessage,
        NoticeKind::DocumentsRequested,
        NoticeKind::Decision,
        NoticeKind::PaymentPlanned,
        NoticeKind::DeadlineSoon,
        NoticeKind::Meeting,
        NoticeKind::MeetingTomorrow,
        NoticeKind::Callback,
    ];

    /// The kind stored as `code` (any of [`NoticeKind::EVERY`]).
    pub fn from_code(code: &str) -> Option<NoticeKind> {
        NoticeKind::EVERY.into_iter().find(|k| k.code() == code)
    }

    /// The law requires the office to make this known to the person (see the module).
    pub fn required_by_law(self) -> bool {
        matches!(self, NoticeKind::Decision | NoticeKind::DocumentsRequested)
    }

    /// The message key of the notice's text (`notice-<code>`): one sentence saying what there is to
    /// read, and "log in to read it" — nothing about the case itself.
    pub fn text_key(self) -> MessageKey {
        match self {
            NoticeKind::NewMessage => "notice-ny-melding",
            NoticeKind::DocumentsRequested => "notice-dokumentasjon-etterspurt",
            NoticeKind::Decision => "notice-vedtak",
            NoticeKind::PaymentPlanned => "notice-utbetaling-planlagt",
            NoticeKind::DeadlineSoon => "notice-frist-snart",
            NoticeKind::Meeting => "notice-mote",
            NoticeKind::MeetingTomorrow => "notice-mote-i-morgen",
            NoticeKind::Callback => "notice-tilbakeringing",
        }
    }
}

/// How a notice is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "epost",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        [Channel::Sms, Channel::Email].into_iter().find(|c| c.code() == code)
    }
}

/// An e-mail address as people type it: trimmed, one `@` with something on both sides, a dot in
/// the domain, no spaces or control characters, at most 254 characters (RFC 5321's path limit).
/// Refused with `error-email`. Whether mail arrives is only known by sending.
pub fn check_email(raw: &str) -> Result<String, MessageKey> {
    let text = raw.trim();
    let ok = text.len() <= 254
        && !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
        && match text.split_once('@') {
            Some((local, domain)) => !local.is_empty() && !domain.contains('@') && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'),
            None => false,
        };
    if ok {
        Ok(text.to_owned())
    } else {
        Err("error-email")
    }
}

/// What a person chose: where to reach them, which channels are on, which kinds they turned off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub email: Option<String>,
    /// A Norwegian mobile number as stored (8 digits, or with +47).
    pub phone: Option<String>,
    pub email_on: bool,
    pub sms_on: bool,
    /// Kinds turned off; the ones the law requires are sent anyway.
    pub off: Vec<NoticeKind>,
}

/// The (channel, address) pairs a notice of `kind` goes to under `choices`: every channel that is
/// on and has an address, unless the person turned the kind off. A kind the law requires goes out
/// even when turned off or when every channel is off — then to the phone if there is one, else to
/// the e-mail address. Empty when there is nowhere to send it (the person sees it on their page).
pub fn recipients(kind: NoticeKind, choices: &Choices) -> Vec<(Channel, String)> {
    let mut out = Vec::new();
    let wanted = kind.required_by_law() || !choices.off.contains(&kind);
    if wanted {
        if let (true, Some(phone)) = (choices.sms_on, &choices.phone) {
            out.push((Channel::Sms, phone.clone()));
        }
        if let (true, Some(email)) = (choices.email_on, &choices.email) {
            out.push((Channel::Email, email.clone()));
        }
    }
    if out.is_empty() && kind.required_by_law() {
        if let Some(phone) = &choices.phone {
            out.push((Channel::Sms, phone.clone()));
        } else if let Some(email) = &choices.email {
            out.push((Channel::Email, email.clone()));
        }
    }
    out
}

/// The notification form as posted: the fields as typed, the channel boxes, and the kinds left on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChoicesForm {
    pub email: String,
    pub phone: String,
    pub email_on: bool,
    pub sms_on: bool,
    /// Kinds whose box was ticked (the law's kinds are always on and have no box).
    pub on: Vec<NoticeKind>,
}

/// Checks the notification form. Refusals name the field (`epost`, `mobil`): an address that
/// cannot be an e-mail address (`error-email`) or a phone number (`error-telefon-format`), or a
/// channel chosen without its address (`error-notice-email-missing`, `error-notice-phone-missing`).
pub fn check_choices(form: &ChoicesForm) -> Result<Choices, Vec<crate::office::Refusal>> {
    use crate::office::Refusal;
    let mut refused = Vec::new();
    let email = match form.email.trim() {
        "" => None,
        raw => match check_email(raw) {
            Ok(e) => Some(e),
            Err(key) => {
                refused.push(Refusal { key, field: "epost" });
                None
            }
        },
    };
    let phone = match form.phone.trim() {
        "" => None,
        raw => match crate::ids::Telefonnummer::parse(raw) {
            Ok(p) => Some(p.as_str().to_owned()),
            Err(key) => {
                refused.push(Refusal { key, field: "mobil" });
                None
            }
        },
    };
    if form.email_on && form.email.trim().is_empty() {
        refused.push(Refusal { key: "error-notice-email-missing", field: "epost" });
    }
    if form.sms_on && form.phone.trim().is_empty() {
        refused.push(Refusal { key: "error-notice-phone-missing", field: "mobil" });
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let off = NoticeKind::ALL.into_iter().filter(|k| !k.required_by_law() && !form.on.contains(k)).collect();
    Ok(Choices { email, phone, email_on: form.email_on, sms_on: form.sms_on, off })
}

/// Most delivery attempts for one notice before it is given up (and logged for the operator).
pub const MAX_ATTEMPTS: u32 = 6;

/// How long to wait before attempt `attempt + 1` after `attempt` failed (1-based), in seconds:
/// 30 s, 2 min, 10 min, 1 h, 6 h — so a mail server down for a night still gets the notice out.
pub fn backoff_seconds(attempt: u32) -> i64 {
    match attempt {
        0 | 1 => 30,
        2 => 120,
        3 => 600,
        4 => 3600,
        _ => 6 * 3600,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(email_on: bool, sms_on: bool, off: &[NoticeKind]) -> Choices {
        Choices { email: Some("kari@example.no".into()), phone: Some("41234567".into()), email_on, sms_on, off: off.to_vec() }
    }

    #[test]
    fn notices_go_where_the_person_chose_but_the_law_s_ones_always_go_somewhere() {
        assert_eq!(recipients(NoticeKind::NewMessage, &choices(true, true, &[])).len(), 2);
        assert_eq!(recipients(NoticeKind::NewMessage, &choices(true, false, &[])), vec![(Channel::Email, "kari@example.no".to_owned())]);
        assert!(recipients(NoticeKind::NewMessage, &choices(true, true, &[NoticeKind::NewMessage])).is_empty(), "turned off");
        assert!(recipients(NoticeKind::PaymentPlanned, &choices(false, false, &[])).is_empty(), "every channel off");
        assert_eq!(recipients(NoticeKind::Decision, &choices(false, false, &[NoticeKind::Decision])), vec![(Channel::Sms, "41234567".to_owned())], "a decision is made known");
        let only_email = Choices { email: Some("a@b.no".into()), ..Choices::default() };
        assert_eq!(recipients(NoticeKind::DocumentsRequested, &only_email), vec![(Channel::Email, "a@b.no".to_owned())]);
        assert!(recipients(NoticeKind::Decision, &Choices::default()).is_empty(), "nowhere to send it");
    }

    #[test]
    fn e_mail_addresses_are_checked_loosely() {
        assert_eq!(check_email(" kari.nordmann+nav@example.no "), Ok("kari.nordmann+nav@example.no".to_owned()));
        for bad in ["", "kari", "kari@", "@example.no", "kari@example", "kari@@example.no", "kari @example.no", "kari@example.no\r\nBcc: x@y.no", "a@.no"] {
            assert_eq!(check_email(bad), Err("error-email"), "{bad:?}");
        }
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        let form = ChoicesForm { email: "kari@example.no".into(), phone: "412 34 567".into(), email_on: true, sms_on: true, on: vec![NoticeKind::NewMessage] };
        let c = check_choices(&form).unwrap();
        assert_eq!(c.phone.as_deref(), Some("+4741234567"));
        assert!(c.off.contains(&NoticeKind::PaymentPlanned) && !c.off.contains(&NoticeKind::NewMessage) && !c.off.contains(&NoticeKind::Decision));
        let bad = ChoicesForm { email: "kari@".into(), phone: String::new(), email_on: true, sms_on: true, on: vec![] };
        let fields: Vec<(&str, &str)> = check_choices(&bad).unwrap_err().iter().map(|r| (r.field, r.key)).collect();
        assert_eq!(fields, vec![("epost", "error-email"), ("mobil", "error-notice-phone-missing")]);
    }

    #[test]
    fn codes_round_trip_and_backoff_grows() {
        // Every kind the outbox may hold is read back: a meeting reminder or a callback's SMS that
        // did not parse would stop the delivery worker's claim.
        for k in NoticeKind::EVERY {
            assert_eq!(NoticeKind::from_code(k.code()), Some(k));
        }
        assert!(NoticeKind::ALL.iter().all(|k| NoticeKind::EVERY.contains(k)));
        assert_eq!(Channel::from_code("epost"), Some(Channel::Email));
        assert!((1..MAX_ATTEMPTS).all(|a| backoff_seconds(a + 1) >= backoff_seconds(a)));
    }
}
