//! Everyone can apply: applications that come on paper, by phone or at the desk and are registered
//! by a caseworker in the same steps as the person's own form; what the contact centre may look up
//! and why; the callbacks it promises. Rules only; the use cases are in `velferd-cases`
//! (`assisted.rs`, `contact.rs`).

use crate::application::FieldError;
use crate::ids::{MessageKey, Telefonnummer};
use crate::Millis;

/// How an application came to the office. Stored as the slug in `applications.channel`; the
/// statistics count by it (needs.md: "tell apart self-service, assisted and paper applications").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// The person's own self-service (ID-porten sign-in): every application before this existed.
    Digital,
    /// Assisted self-service: a staff member filled it in together with the person, or the person
    /// sent it and a helper holding their power of attorney recorded, signed in as themselves,
    /// that they filled it in together ([`may_record_helper_assist`]).
    Assistert,
    /// Came on paper (by post or handed in); the scanned original goes with it.
    Papir,
    /// Taken by phone.
    Telefon,
    /// Oppmøte: taken at the office's desk, the person there in person.
    Oppmote,
}

impl Channel {
    pub const ALL: [Channel; 5] = [Channel::Digital, Channel::Assistert, Channel::Papir, Channel::Telefon, Channel::Oppmote];
    /// The channels a caseworker registers an application by.
    pub const REGISTERED: [Channel; 4] = [Channel::Papir, Channel::Telefon, Channel::Oppmote, Channel::Assistert];

    pub fn slug(self) -> &'static str {
        match self {
            Channel::Digital => "digital",
            Channel::Assistert => "assistert",
            Channel::Papir => "papir",
            Channel::Telefon => "telefon",
            Channel::Oppmote => "oppmote",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The person was at the office: their identity is checked in person (how, by whom).
    pub fn in_person(self) -> bool {
        matches!(self, Channel::Oppmote | Channel::Assistert)
    }
}

/// How long after sending a helper may record that they filled in the application together with
/// the person: the help was at the sending, so the record is made while it is fresh and the
/// statistics of a period are not rewritten long after.
pub const HELPER_ASSIST_HOURS: i64 = 72;

/// Whether a helper (with a valid power of attorney on the application, checked by the store) may
/// record now that they filled it in together with the person: only the person's own digital
/// application (not one staff registered, nor one already recorded as assisted), within
/// [`HELPER_ASSIST_HOURS`] of sending.
pub fn may_record_helper_assist(channel: Channel, sent_ms: Millis, now: Millis) -> bool {
    channel == Channel::Digital && now >= sent_ms && now - sent_ms <= HELPER_ASSIST_HOURS * 3_600_000
}

/// How a person's identity was checked in person: the identity document seen (the kinds the
/// Norwegian ID-document rules accept), or a staff member who knows the person.
pub const IDENTITY_CHECKS: [&str; 5] = ["pass", "nasjonalt-id-kort", "forerkort", "bankkort-med-bilde", "kjent-av-ansatt"];

/// What a caseworker chose on the last page of a registration, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationForm {
    pub channel: String,
    pub identity_check: String,
    /// Who checked the identity (a name); empty means the one registering.
    pub identity_checked_by: String,
    /// A scanned original is kept with the draft.
    pub has_scan: bool,
    /// The caseworker ticked "register anyway" after being told of an open application.
    pub duplicate_confirmed: bool,
    /// The person confirmed that what they said is right (signed the paper form, said so on the
    /// phone or at the desk): the citizen's own confirmation on the summary step.
    pub person_confirmed: bool,
}

/// A registration that passed [`check_registration`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub channel: Channel,
    pub identity_check: Option<String>,
    pub identity_checked_by: Option<String>,
}

/// Checks the last page of a registration, every fault at once: a registered channel; for the
/// person at the office, how the identity was checked; for paper, the scanned original (so paper
/// originals need not be kept); and, when the person has an open application already, that the
/// caseworker confirmed it is not the same one (issue 17: duplicates are flagged before saving);
/// and that the person confirmed their answers, as a citizen does on the summary step.
pub fn check_registration(form: &RegistrationForm, registering: &str, open_application: bool) -> Result<Registration, Vec<FieldError>> {
    let mut errors = Vec::new();
    let channel = Channel::from_slug(form.channel.trim()).filter(|c| Channel::REGISTERED.contains(c));
    if channel.is_none() {
        errors.push(FieldError::new("kanal", "error-assisted-channel"));
    }
    let mut identity = None;
    let mut checked_by = None;
    if channel.is_some_and(Channel::in_person) {
        match IDENTITY_CHECKS.iter().find(|c| **c == form.identity_check.trim()) {
            Some(c) => identity = Some((*c).to_owned()),
            None => errors.push(FieldError::new("legitimasjon", "error-assisted-identity")),
        }
        match crate::text::clean_line(&form.identity_checked_by, 100) {
            Ok(name) if name.is_empty() => checked_by = Some(registering.to_owned()),
            Ok(name) => checked_by = Some(name),
            Err(key) => errors.push(FieldError::new("kontrollert_av", key)),
        }
    }
    if channel == Some(Channel::Papir) && !form.has_scan {
        errors.push(FieldError::new("original", "error-assisted-scan"));
    }
    if !form.person_confirmed {
        errors.push(FieldError::new("bekreftet", "error-assisted-confirmed"));
    }
    if open_application && !form.duplicate_confirmed {
        errors.push(FieldError::new("tross_apen", "error-assisted-duplicate"));
    }
    match channel {
        Some(channel) if errors.is_empty() => Ok(Registration { channel, identity_check: identity, identity_checked_by: checked_by }),
        _ => Err(errors),
    }
}

/// Why a caseworker registers an application for a municipality another office serves (needs a
/// reason, kept with the application): `None` when the municipality is the office's own.
/// An empty or unclean reason is the error key.
pub fn check_kommune_reason(own_office: bool, reason: &str) -> Result<Option<String>, MessageKey> {
    if own_office {
        return Ok(None);
    }
    let reason = crate::text::clean(reason, 500)?;
    if reason.trim().is_empty() {
        return Err("error-assisted-reason");
    }
    Ok(Some(reason))
}

/// Whom a person without electronic ID goes through: a contact person they name (family, a
/// friend), their shelter or housing service (botilbud), or a support worker (støttekontakt).
pub const CONTACT_KINDS: [&str; 3] = ["kontaktperson", "botilbud", "stottekontakt"];

/// A person without electronic ID as a caseworker typed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WithoutEidForm {
    pub phone: String,
    pub identity_check: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_kind: String,
}

/// A checked [`WithoutEidForm`]: phone numbers normalised (`+47…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutEid {
    pub phone: Option<String>,
    pub identity_check: String,
    /// (name, phone, kind) of whom they go through.
    pub contact: Option<(String, Option<String>, String)>,
}

/// Checks a person without electronic ID, every fault at once: the identity checked in person
/// (how), a way to reach them — their own phone or their contact person's — and, when a contact
/// person is named, what kind (a shelter, a support worker, …).
pub fn check_without_eid(form: &WithoutEidForm) -> Result<WithoutEid, Vec<FieldError>> {
    let mut errors = Vec::new();
    let phone_of = |raw: &str, field: &str, errors: &mut Vec<FieldError>| {
        if raw.trim().is_empty() {
            return None;
        }
        Telefonnummer::parse(raw).map_err(|key| errors.push(FieldError::new(field, key))).ok().map(|p| p.as_str().to_owned())
    };
    let phone = phone_of(&form.phone, "telefon", &mut errors);
    let contact_phone = phone_of(&form.contact_phone, "kontakt_telefon", &mut errors);
    let identity = IDENTITY_CHECKS.iter().find(|c| **c == form.identity_check.trim()).map(|c| (*c).to_owned());
    if identity.is_none() {
        errors.push(FieldError::new("legitimasjon", "error-assisted-identity"));
    }
    let name = match crate::text::clean_line(&form.contact_name, 100) {
        Ok(n) => n,
        Err(key) => {
            errors.push(FieldError::new("kontakt_navn", key));
            String::new()
        }
    };
    let kind = CONTACT_KINDS.iter().find(|k| **k == form.contact_kind.trim()).map(|k| (*k).to_owned());
    if !name.is_empty() && kind.is_none() {
        errors.push(FieldError::new("kontakt_type", "error-without-eid-contact-kind"));
    }
    if name.is_empty() && !form.contact_phone.trim().is_empty() {
        errors.push(FieldError::new("kontakt_navn", "error-without-eid-contact-name"));
    }
    if form.phone.trim().is_empty() && form.contact_phone.trim().is_empty() {
        errors.push(FieldError::new("telefon", "error-without-eid-no-phone"));
    }
    match (identity, errors.is_empty()) {
        (Some(identity_check), true) => Ok(WithoutEid { phone, identity_check, contact: (!name.is_empty()).then(|| (name, contact_phone, kind.unwrap_or_default())) }),
        _ => Err(errors),
    }
}

/// Why a contact-centre worker looks a person up: a short list, so the audit log and the person's
/// "who has looked" say why (audit action `contact-lookup-<slug>`).
pub const CONTACT_REASONS: [&str; 3] = ["innringer", "kontaktperson", "tilbakeringing"];

/// The reason chosen, if it is one of [`CONTACT_REASONS`].
pub fn contact_reason(raw: &str) -> Option<&'static str> {
    CONTACT_REASONS.into_iter().find(|r| *r == raw.trim())
}

/// When the person wants to be called back: a day and a window of hours in Norway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackWindow {
    pub start_ms: Millis,
    pub end_ms: Millis,
    pub phone: Telefonnummer,
}

/// How far ahead a callback may be promised.
pub const CALLBACK_MAX_DAYS: i64 = 14;

/// Checks a callback as typed: a phone number, a date (`YYYY-MM-DD` or `DD.MM.YYYY`) from today
/// to [`CALLBACK_MAX_DAYS`] ahead, and a window `from`–`to` (`HH:MM` or `HH`, 08–20) that has not
/// ended. Every fault at once.
pub fn check_callback(phone: &str, date: &str, from: &str, to: &str, now: Millis) -> Result<CallbackWindow, Vec<FieldError>> {
    let mut errors = Vec::new();
    let phone = Telefonnummer::parse(phone).map_err(|key| errors.push(FieldError::new("telefon", key))).ok();
    let day = parse_date(date);
    if day.is_none() {
        errors.push(FieldError::new("dato", "error-callback-date"));
    }
    let (from_min, to_min) = (parse_clock(from), parse_clock(to));
    if from_min.is_none() {
        errors.push(FieldError::new("fra", "error-callback-time"));
    }
    if to_min.is_none() {
        errors.push(FieldError::new("til", "error-callback-time"));
    }
    let mut window = None;
    if let (Some(day), Some(f), Some(t)) = (day, from_min, to_min) {
        if t <= f {
            errors.push(FieldError::new("til", "error-callback-order"));
        } else {
            let start = oslo_ms(day, f);
            let end = oslo_ms(day, t);
            let today = crate::dates::oslo_time(now).date();
            if end <= now || day < today {
                errors.push(FieldError::new("dato", "error-callback-past"));
            } else if (day - today).whole_days() > CALLBACK_MAX_DAYS {
                errors.push(FieldError::with_args("dato", "error-callback-far", vec![("days", CALLBACK_MAX_DAYS.to_string())]));
            } else {
                window = Some((start, end));
            }
        }
    }
    match (phone, window) {
        (Some(phone), Some((start_ms, end_ms))) if errors.is_empty() => Ok(CallbackWindow { start_ms, end_ms, phone }),
        _ => Err(errors),
    }
}

fn parse_date(raw: &str) -> Option<time::Date> {
    let raw = raw.trim();
    let (y, m, d) = if let Some((d, rest)) = raw.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        (y, m, d)
    } else {
        let mut parts = raw.splitn(3, '-');
        (parts.next()?, parts.next()?, parts.next()?)
    };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// Minutes after midnight of `HH:MM`, `HH.MM` or `HH`, between 08:00 and 20:00.
fn parse_clock(raw: &str) -> Option<u32> {
    let raw = raw.trim();
    let (h, m) = raw.split_once([':', '.']).unwrap_or((raw, "0"));
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (m < 60 && (8 * 60..=20 * 60).contains(&minutes)).then_some(minutes)
}

/// The instant of `minutes` after midnight on `day` in Norway.
fn oslo_ms(day: time::Date, minutes: u32) -> Millis {
    let naive = day.midnight().assume_utc() + time::Duration::minutes(i64::from(minutes));
    // The offset in force then (the hour of a clock change is an edge nobody books a call in).
    let offset = crate::dates::oslo_offset(naive);
    (naive - time::Duration::seconds(i64::from(offset.whole_seconds()))).unix_timestamp() * 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(channel: &str) -> RegistrationForm {
        RegistrationForm { channel: channel.into(), person_confirmed: true, ..RegistrationForm::default() }
    }

    #[test]
    fn paper_needs_its_scan_the_desk_an_identity_check_and_a_duplicate_a_confirmation() {
        let keys = |r: Result<Registration, Vec<FieldError>>| r.err().unwrap_or_default().iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(keys(check_registration(&form("papir"), "Sara", false)), vec!["error-assisted-scan"]);
        assert_eq!(keys(check_registration(&form("digital"), "Sara", false)), vec!["error-assisted-channel"], "digital is the person's own");
        assert_eq!(keys(check_registration(&form("oppmote"), "Sara", true)), vec!["error-assisted-identity", "error-assisted-duplicate"]);
        let desk = RegistrationForm { identity_check: "pass".into(), duplicate_confirmed: true, ..form("oppmote") };
        assert_eq!(
            check_registration(&desk, "Sara Lund", true),
            Ok(Registration { channel: Channel::Oppmote, identity_check: Some("pass".into()), identity_checked_by: Some("Sara Lund".into()) })
        );
        let phone = check_registration(&form("telefon"), "Sara", false).expect("phone needs nothing more");
        assert_eq!((phone.channel, phone.identity_check), (Channel::Telefon, None));
        let paper = RegistrationForm { has_scan: true, ..form("papir") };
        assert_eq!(check_registration(&paper, "Sara", false).map(|r| r.channel), Ok(Channel::Papir));
    }

    #[test]
    fn a_person_without_electronic_id_is_reached_by_phone_or_through_whom_they_named() {
        let form = WithoutEidForm { identity_check: "pass".into(), ..WithoutEidForm::default() };
        let keys = |r: Result<WithoutEid, Vec<FieldError>>| r.err().unwrap_or_default().iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(keys(check_without_eid(&form)), vec!["error-without-eid-no-phone"]);
        let shelter = WithoutEidForm { contact_name: "Kirkens Bymisjon".into(), contact_phone: "22 00 00 00".into(), contact_kind: "botilbud".into(), ..form.clone() };
        assert_eq!(check_without_eid(&shelter).map(|w| (w.phone, w.contact)), Ok((None, Some(("Kirkens Bymisjon".into(), Some("+4722000000".into()), "botilbud".into())))));
        let no_kind = WithoutEidForm { contact_name: "Per".into(), phone: "912 34 567".into(), ..WithoutEidForm::default() };
        assert_eq!(keys(check_without_eid(&no_kind)), vec!["error-assisted-identity", "error-without-eid-contact-kind"]);
    }

    #[test]
    fn another_offices_municipality_needs_a_reason() {
        assert_eq!(check_kommune_reason(true, ""), Ok(None));
        assert_eq!(check_kommune_reason(false, "  "), Err("error-assisted-reason"));
        assert_eq!(check_kommune_reason(false, "Bor på hospits i Oslo"), Ok(Some("Bor på hospits i Oslo".into())));
    }

    #[test]
    fn a_callback_window_is_today_or_later_in_office_hours_in_norway() {
        // 2026-12-01 09:00 in Oslo (08:00 UTC).
        let now = 1_796_112_000_000;
        let ok = check_callback("912 34 567", "2026-12-01", "10", "12:30", now).expect("valid");
        assert_eq!((ok.end_ms - ok.start_ms) / 60_000, 150);
        assert_eq!(crate::dates::oslo_time(ok.start_ms).hour(), 10, "10 in Norway");
        assert_eq!(check_callback("912 34 567", "01.12.2026", "08:00", "08:30", now).map(|_| ()), Err(vec![FieldError::new("dato", "error-callback-past")]));
        let keys = check_callback("12", "31.02.2026", "7", "21", now).err().unwrap_or_default().iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(keys, vec!["error-telefon-format", "error-callback-date", "error-callback-time", "error-callback-time"]);
        assert_eq!(check_callback("912 34 567", "2026-12-01", "12", "10", now).err().map(|e| e[0].key), Some("error-callback-order"));
        assert_eq!(check_callback("912 34 567", "2027-01-01", "10", "12", now).err().map(|e| e[0].key), Some("error-callback-far"));
        assert_eq!(contact_reason("innringer"), Some("innringer"));
        assert_eq!(contact_reason("nysgjerrig"), None);
    }
}
#[cfg(test)]
mod helper_assist_tests {
    use super::*;

    #[test]
    fn a_helper_records_assistance_only_on_a_fresh_digital_application() {
        let hour = 3_600_000;
        assert!(may_record_helper_assist(Channel::Digital, 0, HELPER_ASSIST_HOURS * hour));
        assert!(!may_record_helper_assist(Channel::Digital, 0, HELPER_ASSIST_HOURS * hour + 1), "too late");
        assert!(!may_record_helper_assist(Channel::Papir, 0, hour), "registered by staff");
        assert!(!may_record_helper_assist(Channel::Assistert, 0, hour), "already recorded");
    }
}
