//! The contact centre (role `kontaktsenter`): answers the phone for many offices. A worker looks a
//! person up by fødselsnummer with a reason from a short list — each application shown is audited
//! with that reason, so the person's "who has looked" says who and why — and sees each case in
//! plain words (received? being processed? what the office waits for? decided? when is money
//! paid?) with the office's phone and the next meeting, never answers, documents, letters or
//! notes. They leave call notes in the office journal and promise callbacks that stay open in the
//! office's inbox until a caseworker marks contact made (a missed call only counts an attempt).
//! A person with a protected address is not shown: the worker is told to refer them to the office.

use velferd_domain::application::FieldError;
use velferd_domain::assisted::{check_callback, contact_reason, Channel};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::{Role, StaffUser};
use velferd_domain::Millis;
use velferd_store::{Callback, CallbackOutcome, MeetingRow, NewCallback, OfficeChange, Outcome, StoredApplication};

use crate::office::staff_entry;
use crate::view::Insight;
use crate::{CaseError, Cases, Result};

/// One application as the contact centre sees it.
#[derive(Debug, Clone)]
pub struct ContactCase {
    pub application: StoredApplication,
    pub channel: Channel,
    /// The same view as the person's own page (status, requests, decisions, payments); the page
    /// shows only its plain-words parts.
    pub insight: Insight,
    pub next_meeting: Option<MeetingRow>,
    pub callbacks: Vec<Callback>,
}

/// What a lookup found.
#[derive(Debug, Clone)]
pub struct ContactView {
    pub fnr: Fodselsnummer,
    pub name: String,
    /// A protected address: nothing more is shown; the person is referred to the office.
    pub protected: bool,
    pub cases: Vec<ContactCase>,
    pub reason: &'static str,
    /// Registered by an office without electronic ID: how to reach them (issue 17).
    pub without_eid: Option<velferd_store::PersonWithoutEid>,
}

impl Cases {
    /// Contact-centre staff only; anyone else is refused and logged.
    async fn contact_centre(&self, staff: &StaffUser, action: &str, application_id: Option<&str>, now: Millis) -> Result<()> {
        if staff.roles.contains(&Role::Kontaktsenter) {
            return Ok(());
        }
        let person = match application_id {
            Some(id) => self.store.owner_of(id).await?,
            None => None,
        };
        self.audit_staff(staff, action, application_id, person, Outcome::Deny, now).await?;
        Err(CaseError::Forbidden)
    }

    /// Looks a person up for the contact centre: `fnr` must be a valid fødselsnummer of someone
    /// in the register and `reason` one of [`velferd_domain::assisted::CONTACT_REASONS`] (every
    /// fault at once, nothing read then). Each application shown is audited as
    /// `contact-lookup-<reason>`.
    pub async fn contact_lookup(&self, staff: &StaffUser, fnr: &str, reason: &str, now: Millis) -> Result<std::result::Result<ContactView, Vec<FieldError>>> {
        self.contact_centre(staff, "contact-lookup", None, now).await?;
        let mut errors = Vec::new();
        let fnr = Fodselsnummer::parse(fnr.trim()).map_err(|key| errors.push(FieldError::new("fnr", key))).ok();
        let reason = contact_reason(reason);
        if reason.is_none() {
            errors.push(FieldError::new("grunn", "error-contact-reason"));
        }
        let (Some(fnr), Some(reason)) = (fnr, reason) else { return Ok(Err(errors)) };
        let action = format!("contact-lookup-{reason}");
        let Some((person, protection)) = self.store.person_with_protection(&fnr).await? else {
            return Ok(Err(vec![FieldError::new("fnr", "error-assisted-not-in-register")]));
        };
        let name = person.fullt_navn();
        if protection.is_some() {
            self.audit_staff(staff, &action, None, Some(fnr.as_str().to_owned()), Outcome::Deny, now).await?;
            return Ok(Ok(ContactView { fnr, name, protected: true, cases: vec![], reason, without_eid: None }));
        }
        let applications = self.store.applications_of(&fnr).await?;
        if applications.is_empty() {
            self.audit_staff(staff, &action, None, Some(fnr.as_str().to_owned()), Outcome::Permit, now).await?;
        }
        let mut cases = Vec::new();
        for application in applications {
            self.audit_staff(staff, &action, Some(&application.id), Some(fnr.as_str().to_owned()), Outcome::Permit, now).await?;
            cases.push(self.contact_case(application, &fnr, now).await?);
        }
        let without_eid = self.store.without_eid(&fnr).await?;
        Ok(Ok(ContactView { fnr, name, protected: false, cases, reason, without_eid }))
    }

    async fn contact_case(&self, application: StoredApplication, owner: &Fodselsnummer, now: Millis) -> Result<ContactCase> {
        let insight = self.insight(&application, owner).await?;
        let channel = self.store.application_channel(&application.id).await?.map_or(Channel::Digital, |c| c.channel);
        let next_meeting = self.store.meetings_of(&application.id).await?.into_iter().filter(|m| m.state == "booked" && m.end_ms > now).min_by_key(|m| m.start_ms);
        let callbacks = self.store.callbacks_of(&application.id).await?;
        Ok(ContactCase { application, channel, insight, next_meeting, callbacks })
    }

    /// The application `id` of the person the worker looked up, for writing a note or callback.
    async fn contact_application(&self, staff: &StaffUser, action: &str, id: &str, now: Millis) -> Result<(StoredApplication, Fodselsnummer)> {
        self.contact_centre(staff, action, Some(id), now).await?;
        let owner = self.store.owner_of(id).await?.and_then(|o| Fodselsnummer::parse(&o).ok()).ok_or(CaseError::NotFound)?;
        let protected = self.store.person_with_protection(&owner).await?.is_some_and(|(_, p)| p.is_some());
        let application = self.store.application(id, &owner).await?.filter(|_| !protected);
        match application {
            Some(a) => Ok((a, owner)),
            None => {
                self.audit_staff(staff, action, Some(id), Some(owner.as_str().to_owned()), Outcome::Deny, now).await?;
                Err(CaseError::NotFound)
            }
        }
    }

    /// A call note in the office journal of application `id` (kind `samtale`), with the audit
    /// entry, in one transaction. An empty or unclean note is the error.
    pub async fn contact_note(&self, staff: &StaffUser, id: &str, text: &str, now: Millis) -> Result<std::result::Result<(), FieldError>> {
        let (application, owner) = self.contact_application(staff, "contact-note", id, now).await?;
        let text = match velferd_domain::text::clean(text, 2000) {
            Ok(t) if t.trim().is_empty() => return Ok(Err(FieldError::new("notat", "error-required"))),
            Ok(t) => t,
            Err(key) => return Ok(Err(FieldError::new("notat", key))),
        };
        let change = OfficeChange { journal: vec![("samtale".to_owned(), text)], ..OfficeChange::default() };
        let audit = staff_entry(staff, "contact-note", Some(&application.id), Some(owner.as_str().to_owned()), Outcome::Permit);
        match self.store.office_change(&application.id, (&staff.subject, &staff.name), &change, &audit, now).await? {
            velferd_store::Changed::Done { .. } => Ok(Ok(())),
            velferd_store::Changed::Conflict => Err(CaseError::NotFound),
        }
    }

    /// A callback for the office of application `id`: the phone number and window the person
    /// chose, and what they want ([`check_callback`]; every fault at once, nothing written then).
    pub async fn contact_callback(&self, staff: &StaffUser, id: &str, form: &CallbackForm, now: Millis) -> Result<std::result::Result<(), Vec<FieldError>>> {
        let (application, owner) = self.contact_application(staff, "contact-callback", id, now).await?;
        let mut errors = Vec::new();
        let window = check_callback(&form.phone, &form.date, &form.from, &form.to, now).map_err(|e| errors.extend(e)).ok();
        let note = match velferd_domain::text::clean(&form.note, 1000) {
            Ok(t) => Some(t),
            Err(key) => {
                errors.push(FieldError::new("hva", key));
                None
            }
        };
        let (Some(window), Some(note), true) = (window, note, errors.is_empty()) else { return Ok(Err(errors)) };
        let callback = NewCallback {
            application_id: application.id.clone(),
            office: application.enhetsnummer.clone(),
            phone: window.phone.as_str().to_owned(),
            window_start_ms: window.start_ms,
            window_end_ms: window.end_ms,
            note: note.clone(),
            created_by: (staff.subject.clone(), staff.name.clone()),
        };
        let journal = format!("{} {}–{}: {}", window.phone.formatted(), clock(window.start_ms), clock(window.end_ms), note);
        let audit = staff_entry(staff, "contact-callback", Some(&application.id), Some(owner.as_str().to_owned()), Outcome::Permit);
        self.store.add_callback(&callback, journal.trim_end_matches([':', ' ']), &audit, now).await?;
        Ok(Ok(()))
    }

    /// The open callbacks of the staff member's office (caseworkers and the office lead).
    pub async fn open_callbacks(&self, staff: &StaffUser, now: Millis) -> Result<Vec<Callback>> {
        let access = self.access(staff, "list-callbacks", None, now).await?;
        Ok(self.store.open_callbacks(&access.office).await?)
    }

    /// A caseworker called the person back: `made` closes the callback, else one more attempt is
    /// counted and it stays open. A callback not open at the office is `NotFound`. Returns the
    /// application id.
    pub async fn callback_called(&self, staff: &StaffUser, id: &str, made: bool, now: Millis) -> Result<String> {
        let access = self.access(staff, "callback", None, now).await?;
        let (outcome, action) = if made { (CallbackOutcome::ContactMade, "callback-contact-made") } else { (CallbackOutcome::NoAnswer, "callback-no-answer") };
        let audit = staff_entry(staff, action, None, None, Outcome::Permit);
        self.store.callback_called(id, &access.office, outcome, (&staff.subject, &staff.name), &audit, now).await?.ok_or(CaseError::NotFound)
    }
}

/// A callback as typed by the contact-centre worker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallbackForm {
    pub phone: String,
    pub date: String,
    pub from: String,
    pub to: String,
    /// What the person wants to talk about.
    pub note: String,
}

/// `HH:MM` in Norway.
fn clock(ms: Millis) -> String {
    let t = velferd_domain::dates::oslo_time(ms);
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}
