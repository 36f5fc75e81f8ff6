//! What a caseworker does on a case. Each command is checked against the domain's rules
//! ([`velferd_domain::office`]), then written by [`velferd_store::Store::office_change`] in one
//! transaction that also checks the case's version (so two caseworkers acting at once cannot
//! silently overwrite each other) and appends the audit entry in that same transaction. Actions that the citizen should see are events in
//! the digisos-soker vocabulary, so the citizen's page, a helper's page and the API feed show them
//! at once; assignment and notes stay in the office journal.

use serde_json::json;
use time::Date;
use velferd_domain::dates::norwegian_date;
use velferd_domain::office::{
    self, check_assignee, check_deadline, check_text, deadline_tidspunkt, may, Action, CaseFacts, Refusal, DEFAULT_DEADLINE_DAYS, MAX_NOTE, MAX_REASON, MAX_TITLE, REQUESTABLE,
};
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_formats::soknad::tidspunkt;
use velferd_store::{Changed, OfficeChange, Outcome};

use crate::letters::{not_processed_letter, preliminary_letter, request_letter, LetterHead, RequestedDocument};
use crate::{CaseError, Cases, Result, Words};

/// A caseworker's action, as parsed from the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Take the application into processing (soknadsStatus UNDER_BEHANDLING).
    TakeIntoProcessing,
    /// Give the case to a colleague at the office (by subject), or to oneself.
    Assign { to: String },
    /// Let go of the case.
    Unassign,
    /// An internal note, never shown to the citizen.
    Note { text: String },
    /// Ask for documents (dokumentasjonEtterspurt) with a letter: types from the catalogue as
    /// `type.subtype`, one more in the caseworker's own words, a note to the citizen, a deadline.
    RequestDocuments { documents: Vec<String>, other: String, note: String, deadline: String },
    /// A preliminary answer (forelopigSvar) with a letter giving the expected date.
    PreliminaryAnswer { expected: String, reason: String },
    /// Open a sak (saksStatus UNDER_BEHANDLING) with a title.
    OpenSak { title: String },
    /// The application will not be processed (soknadsStatus BEHANDLES_IKKE), with the reason in a letter.
    WillNotProcess { reason: String },
}

impl Command {
    fn action(&self) -> Action {
        match self {
            Command::TakeIntoProcessing => Action::TakeIntoProcessing,
            Command::Assign { .. } | Command::Unassign => Action::Assign,
            Command::Note { .. } => Action::Note,
            Command::RequestDocuments { .. } => Action::RequestDocuments,
            Command::PreliminaryAnswer { .. } => Action::PreliminaryAnswer,
            Command::OpenSak { .. } => Action::OpenSak,
            Command::WillNotProcess { .. } => Action::WillNotProcess,
        }
    }

    /// The audit log's name for the action.
    fn audit_name(&self) -> &'static str {
        match self {
            Command::TakeIntoProcessing => "take-into-processing",
            Command::Assign { .. } => "assign",
            Command::Unassign => "unassign",
            Command::Note { .. } => "write-note",
            Command::RequestDocuments { .. } => "request-documents",
            Command::PreliminaryAnswer { .. } => "preliminary-answer",
            Command::OpenSak { .. } => "open-sak",
            Command::WillNotProcess { .. } => "will-not-process",
        }
    }
}

/// What an action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acted {
    /// The case's version after the change.
    pub version: i64,
    /// The letter filed with it, if any (its id on the case).
    pub letter: Option<String>,
}

/// Today's date in Norway for `now` (Europe/Oslo).
pub fn oslo_date(now: Millis) -> Date {
    velferd_domain::dates::oslo_time(now).date()
}

/// `30.11.2026`.
fn date_text(d: Date) -> String {
    norwegian_date(&d.to_string())
}

/// The documents a request asked for, as the office journal keeps them: a JSON array of
/// `[type, subtype]` for catalogue types and `[own words, null]` for the office's own words, so the
/// journal names them in the language of whoever reads it, not the letter's.
fn requested_for_journal(asked: &[(String, Option<String>)]) -> String {
    serde_json::to_string(asked).unwrap_or_default()
}

/// The documents of an "etterspurt" journal entry (see [`requested_for_journal`]): (type, subtype)
/// for catalogue types, (own words, `None`) otherwise. `None` for entries written before, which
/// hold the names as text in the letter's language.
pub fn requested_in_journal(text: &str) -> Option<Vec<(String, Option<String>)>> {
    serde_json::from_str(text).ok()
}

/// A document type's name in the letter's language; the office's own words for a type we do not know.
fn document_label(words: &dyn Words, kind: &str, extra: Option<&str>) -> String {
    let known = |key: String| words.try_t(&key);
    extra.and_then(|e| known(format!("doc-{kind}-{e}"))).or_else(|| known(format!("doc-{kind}"))).unwrap_or_else(|| kind.to_owned())
}

impl Cases {
    /// Carries out `command` on case `id` for `staff`. `version` is the case version the form was
    /// drawn from (required for everything but a note). Letters are written with `words`.
    pub async fn act(&self, staff: &StaffUser, id: &str, version: Option<i64>, command: Command, words: &dyn Words, now: Millis) -> Result<Acted> {
        let action_name = command.audit_name();
        let (access, case) = self.find_case(staff, action_name, id, now).await?;
        let person = Some(case.owner.as_str().to_owned());
        let state = self.store.case_state(&access, id).await?.ok_or(CaseError::NotFound)?;
        let facts = CaseFacts { status: state.status, open: state.open, case_system_owns: self.case_system_owns(&case.application.kommunenummer) };
        let refused = |r: Refusal| CaseError::Refused(r);
        may(command.action(), facts).map_err(refused)?;
        let expected_version = match &command {
            Command::Note { .. } => None,
            _ => Some(version.ok_or(CaseError::Conflict)?),
        };
        let at = tidspunkt(now);
        let kommune = self.kommuner.get(&case.application.kommunenummer);
        let head = || LetterHead {
            name: String::new(),
            office: kommune.map(|k| k.kontor.navn.clone()).unwrap_or_default(),
            office_phone: kommune.map(|k| k.kontor.telefon.clone()).unwrap_or_default(),
            reference: case.application.reference.clone(),
            date: date_text(oslo_date(now)),
            caseworker: staff.name.clone(),
        };
        let name = self.store.person(&case.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
        let mut change = OfficeChange { expected_version, ..OfficeChange::default() };
        let mut letter: Option<(String, Vec<u8>)> = None;
        match &command {
            Command::TakeIntoProcessing => {
                change.events.push(json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "UNDER_BEHANDLING"}));
                change.journal.push(("under-behandling".into(), String::new()));
            }
            Command::Assign { to } => {
                let member = if to == &staff.subject { None } else { self.store.staff_member(to).await? };
                let (subject, who, office, works_cases) = match member {
                    Some(m) => {
                        let works = m.roles.split(',').any(super::works_cases);
                        (m.subject, m.name, Some(m.office), works)
                    }
                    None if to == &staff.subject => (staff.subject.clone(), staff.name.clone(), Some(staff.office.clone()), true),
                    None => (to.clone(), String::new(), None, false),
                };
                check_assignee(&case.application.enhetsnummer, office.as_deref(), works_cases).map_err(refused)?;
                change.journal.push(("tildelt".into(), who.clone()));
                change.assign = Some(Some((subject, who)));
            }
            Command::Unassign => {
                change.journal.push(("fristilt".into(), String::new()));
                change.assign = Some(None);
            }
            Command::Note { text } => {
                let text = check_text(text, MAX_NOTE, "notat").map_err(refused)?;
                change.journal.push(("notat".into(), text));
            }
            Command::RequestDocuments { documents, other, note, deadline } => {
                let deadline = if deadline.trim().is_empty() { date_text(oslo_date(now + DEFAULT_DEADLINE_DAYS * office::DAY)) } else { deadline.clone() };
                let date = check_deadline(&deadline, oslo_date(now), "frist").map_err(refused)?;
                let note = if note.trim().is_empty() { String::new() } else { check_text(note, MAX_REASON, "melding").map_err(refused)? };
                let mut asked: Vec<(String, Option<String>)> = Vec::new();
                for d in documents {
                    let Some((kind, extra)) = d.split_once('.').filter(|(k, e)| REQUESTABLE.contains(&(k, e))) else {
                        return Err(refused(Refusal { key: "office-refused-document-type", field: "dokumenter" }));
                    };
                    asked.push((kind.to_owned(), Some(extra.to_owned())));
                }
                if !other.trim().is_empty() {
                    asked.push((check_text(other, MAX_TITLE, "annet").map_err(refused)?, None));
                }
                if asked.is_empty() {
                    return Err(refused(Refusal { key: "office-refused-no-documents", field: "dokumenter" }));
                }
                asked.dedup();
                let frist = deadline_tidspunkt(date);
                // The latest request replaces the list the citizen sees: keep what is still missing.
                let insight = self.insight(&case.application, &case.owner).await?;
                let mut dokumenter: Vec<serde_json::Value> = insight
                    .open_requests()
                    .filter(|(_, r)| !asked.iter().any(|(k, e)| *k == r.oppgave.dokumenttype && *e == r.oppgave.tilleggsinformasjon))
                    .map(|(_, r)| json!({"dokumenttype": r.oppgave.dokumenttype, "tilleggsinformasjon": r.oppgave.tilleggsinformasjon, "innsendelsesfrist": r.oppgave.innsendelsesfrist}))
                    .collect();
                dokumenter.extend(asked.iter().map(|(k, e)| match e {
                    Some(e) => json!({"dokumenttype": k, "tilleggsinformasjon": e, "innsendelsesfrist": frist}),
                    None => json!({"dokumenttype": k, "innsendelsesfrist": frist}),
                }));
                let labels: Vec<RequestedDocument> = asked.iter().map(|(k, e)| RequestedDocument { label: document_label(words, k, e.as_deref()) }).collect();
                let h = LetterHead { name: name.clone(), ..head() };
                let pdf = request_letter(words, &h, &labels, &date_text(date), &note)?;
                letter = Some((words.t("letter-request-title", &[]), pdf));
                change.events.push(json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": at,
                    "forvaltningsbrev": {"referanse": {"type": "dokumentlager", "id": ""}}, "dokumenter": dokumenter}));
                change.journal.push(("etterspurt".into(), requested_for_journal(&asked)));
            }
            Command::PreliminaryAnswer { expected, reason } => {
                let date = check_deadline(expected, oslo_date(now), "dato").map_err(refused)?;
                let reason = if reason.trim().is_empty() { String::new() } else { check_text(reason, MAX_REASON, "begrunnelse").map_err(refused)? };
                let h = LetterHead { name: name.clone(), ..head() };
                let pdf = preliminary_letter(words, &h, &date_text(date), &reason)?;
                letter = Some((words.t("letter-preliminary-title", &[]), pdf));
                change.events.push(json!({"type": "forelopigSvar", "hendelsestidspunkt": at, "forvaltningsbrev": {"referanse": {"type": "dokumentlager", "id": ""}}}));
                change.journal.push(("forelopig-svar".into(), date_text(date)));
            }
            Command::OpenSak { title } => {
                let title = check_text(title, MAX_TITLE, "tittel").map_err(refused)?;
                let doc = self.driving_document(&case.application, &case.owner).await?;
                let used: Vec<String> = doc
                    .hendelser
                    .iter()
                    .filter_map(|h| match h {
                        velferd_formats::soker::Hendelse::SaksStatus(s) => Some(s.referanse.clone()),
                        velferd_formats::soker::Hendelse::VedtakFattet(v) => Some(v.saksreferanse.clone()),
                        _ => None,
                    })
                    .collect();
                let referanse = (1..).map(|n| format!("S{n}")).find(|r| !used.contains(r)).unwrap_or_default();
                change.events.push(json!({"type": "saksStatus", "hendelsestidspunkt": at, "referanse": referanse, "tittel": title, "status": "UNDER_BEHANDLING"}));
                change.journal.push(("sak".into(), title));
            }
            Command::WillNotProcess { reason } => {
                let reason = check_text(reason, MAX_REASON, "begrunnelse").map_err(refused)?;
                let h = LetterHead { name: name.clone(), ..head() };
                let pdf = not_processed_letter(words, &h, &reason)?;
                letter = Some((words.t("letter-not-processed-title", &[]), pdf));
                change.events.push(json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "BEHANDLES_IKKE"}));
                change.journal.push(("behandles-ikke".into(), reason));
            }
        }
        if let Some((title, pdf)) = letter {
            let sha = self.files.put(&pdf).await?;
            change.letter = Some((title, sha, pdf.len() as i64));
        }
        let entry = super::staff_entry(staff, action_name, Some(id), person, Outcome::Permit);
        match self.store.office_change(id, (&staff.subject, &staff.name), &change, &entry, now).await? {
            Changed::Done { version, letter } => Ok(Acted { version, letter }),
            Changed::Conflict => Err(CaseError::Conflict),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn oslo_dates_follow_summer_time() {
        // 22:30Z on 30 June is 00:30 on 1 July in Norway (summer time, UTC+2).
        assert_eq!(super::oslo_date(1_782_858_600_000), date!(2026 - 07 - 01));
        // 23:30Z on 30 November is 00:30 on 1 December (winter time, UTC+1).
        assert_eq!(super::oslo_date(1_796_081_400_000), date!(2026 - 12 - 01));
        // 22:30Z on 30 November is still 30 November.
        assert_eq!(super::oslo_date(1_796_077_800_000), date!(2026 - 11 - 30));
    }
}
