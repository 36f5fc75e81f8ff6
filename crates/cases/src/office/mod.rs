//! The office's side: the inbox, the case file and (in [`actions`]) what a caseworker does. Who may
//! read what is the domain's [`CaseAccess`]; the store filters by it in SQL. Every read, search and
//! action — and every refused attempt — is written to the audit log before anything is returned.

pub mod actions;
pub mod decide;
pub mod payments;
pub mod printing;

use velferd_domain::application::Soker;
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{CaseAccess, StaffUser};
use velferd_domain::Millis;
use velferd_store::{AuditEntry, CaseState, InboxPage, InboxQuery, JournalEntry, Letter, OfficeCase, Outcome, StaffMember};

use crate::view::Insight;
use crate::{CaseError, Cases, Result};

/// Rows on one inbox page.
pub const PAGE_SIZE: u32 = 50;

/// Everything the office's case file shows.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub case: OfficeCase,
    /// The applicant as the register has them.
    pub person: Option<Soker>,
    pub state: CaseState,
    /// The citizen's view (same fold, same requests, same timeline as their page).
    pub insight: Insight,
    pub letters: Vec<Letter>,
    /// Internal notes and assignments, oldest first. Never shown to the citizen.
    pub journal: Vec<JournalEntry>,
    /// Colleagues at the office a case can be given to.
    pub colleagues: Vec<StaffMember>,
    /// The municipality's own case system owns this case: no actions that write events here.
    pub case_system_owns: bool,
    /// The newest calculation's amount decided on (override, else proposal), in øre.
    pub calculated_ore: Option<i64>,
    /// The case's decisions (vedtak) in the order they were started.
    pub decisions: Vec<velferd_store::DecisionRow>,
    /// Files sent with messages (either way), oldest first, with the message's author name, whether
    /// it came from the office, and when: part of the record like the documents.
    pub message_attachments: Vec<(velferd_store::Message, velferd_store::Attachment)>,
    /// How it came in and who registered it (issue 17).
    pub channel: Option<velferd_store::ApplicationChannel>,
    /// The contact centre's callbacks, open and done.
    pub callbacks: Vec<velferd_store::Callback>,
}

impl Cases {
    /// Writes what a staff member did or tried to the audit log. Fails if it cannot be written, so
    /// nothing is answered unaudited.
    pub(crate) async fn audit_staff(&self, staff: &StaffUser, action: &str, application_id: Option<&str>, person: Option<String>, outcome: Outcome, now: Millis) -> Result<()> {
        self.store.audit(&staff_entry(staff, action, application_id, person, outcome), now).await?;
        Ok(())
    }

    /// The staff member's case access, or `Forbidden` (logged) for a role that reads no cases.
    pub async fn access(&self, staff: &StaffUser, action: &str, application_id: Option<&str>, now: Millis) -> Result<CaseAccess> {
        match CaseAccess::for_staff(&staff.roles, &staff.office) {
            Some(access) => Ok(access),
            None => {
                let person = match application_id {
                    Some(id) => self.store.owner_of(id).await?,
                    None => None,
                };
                self.audit_staff(staff, action, application_id, person, Outcome::Deny, now).await?;
                Err(CaseError::Forbidden)
            }
        }
    }

    /// One case of the staff member's office, not yet logged as read (the caller logs what it then
    /// does); another office's case, or a protected person's without the role, is `NotFound`, logged
    /// as refused.
    pub async fn find_case(&self, staff: &StaffUser, action: &str, id: &str, now: Millis) -> Result<(CaseAccess, OfficeCase)> {
        let access = self.access(staff, action, Some(id), now).await?;
        match self.store.office_application(&access, id).await? {
            Some(case) => Ok((access, case)),
            None => {
                let person = self.store.owner_of(id).await?;
                self.audit_staff(staff, action, Some(id), person, Outcome::Deny, now).await?;
                Err(CaseError::NotFound)
            }
        }
    }

    /// [`Cases::find_case`], logged as `action` on the applicant's data.
    pub async fn open_case(&self, staff: &StaffUser, action: &str, id: &str, now: Millis) -> Result<OfficeCase> {
        let (_, case) = self.find_case(staff, action, id, now).await?;
        self.audit_staff(staff, action, Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit, now).await?;
        Ok(case)
    }

    /// A page of the office's inbox. A search is logged with the person searched for when it is a
    /// fødselsnummer, so the citizen sees that someone looked them up.
    pub async fn inbox(&self, staff: &StaffUser, filter: InboxFilter, search: &str, page: u32, now: Millis) -> Result<InboxPage> {
        let search = search.trim();
        let action = if search.is_empty() { "list-applications" } else { "search-applications" };
        let access = self.access(staff, action, None, now).await?;
        let person = (search.len() == 11 && search.chars().all(|c| c.is_ascii_digit())).then(|| search.to_owned());
        self.audit_staff(staff, action, None, person, Outcome::Permit, now).await?;
        let query = InboxQuery { filter, me: staff.subject.clone(), search: search.chars().take(100).collect(), page, page_size: PAGE_SIZE, now };
        Ok(self.store.inbox(&access, &query).await?)
    }

    /// The case file of one application of the staff member's office, logged as read.
    pub async fn case_file(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<CaseFile> {
        let (access, case) = self.find_case(staff, "read-application", id, now).await?;
        self.audit_staff(staff, "read-application", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit, now).await?;
        let state = self.store.case_state(&access, id).await?.ok_or(CaseError::NotFound)?;
        let insight = self.insight(&case.application, &case.owner).await?;
        let person = self.store.person(&case.owner).await?;
        let letters = self.store.letters(id, &case.owner).await?;
        let journal = self.store.office_journal(id).await?;
        let colleagues = self.store.staff_of_office(&staff.office).await?.into_iter().filter(|m| m.roles.split(',').any(works_cases)).collect();
        let case_system_owns = self.case_system_owns(&case.application.kommunenummer);
        let calculated_ore = self.store.latest_calculation(id).await?.map(|c| c.override_ore.unwrap_or(c.proposed_ore));
        let decisions = self.store.decisions(id).await?;
        let message_attachments = self.store.messages(id).await?.into_iter().filter_map(|m| m.attachment.clone().map(|a| (m, a))).collect();
        let channel = self.store.application_channel(id).await?;
        let callbacks = self.store.callbacks_of(id).await?;
        Ok(CaseFile { case, person, state, insight, letters, journal, colleagues, case_system_owns, calculated_ore, decisions, message_attachments, channel, callbacks })
    }

    /// A document sent with or after the application, or a letter on it, for a staff member: the
    /// bytes of the PDF, and whether it is one of the office's letters (logged as `read-letter`, so
    /// the citizen's "who has looked" says a letter was opened, not one of their documents). A file
    /// not on this case is `NotFound`, logged as refused.
    pub async fn staff_document(&self, staff: &StaffUser, id: &str, sha256: &str, now: Millis) -> Result<(OfficeCase, Vec<u8>, bool)> {
        let (_, case) = self.find_case(staff, "read-file", id, now).await?;
        let person = Some(case.owner.as_str().to_owned());
        let is_document = self.store.owns_document(id, &case.owner, sha256).await?;
        let is_letter = !is_document && self.store.letters(id, &case.owner).await?.iter().any(|l| l.sha256 == sha256);
        if !is_document && !is_letter {
            self.audit_staff(staff, "read-file", Some(id), person, Outcome::Deny, now).await?;
            return Err(CaseError::NotFound);
        }
        self.audit_staff(staff, if is_letter { "read-letter" } else { "read-file" }, Some(id), person, Outcome::Permit, now).await?;
        let bytes = self.files.get(sha256).await?.ok_or_else(|| CaseError::Internal("a recorded document is missing from the file store".into()))?;
        Ok((case, bytes, is_letter))
    }

    /// Remembers a staff member at sign-in, so colleagues can give them cases.
    pub async fn staff_signed_in(&self, staff: &StaffUser, now: Millis) -> Result<()> {
        let member = StaffMember { subject: staff.subject.clone(), name: staff.name.clone(), office: staff.office.clone(), roles: staff.role_list() };
        Ok(self.store.record_staff_member(&member, now).await?)
    }
}

/// Whether a role (claim value) works cases, so a case can be given to its holder.
pub(crate) fn works_cases(role: &str) -> bool {
    velferd_domain::staff::Role::from_claim(role).is_some_and(|r| CaseAccess::for_staff(&[r], "").is_some())
}

/// The audit entry for `staff` doing `action`.
pub(crate) fn staff_entry(staff: &StaffUser, action: &str, application_id: Option<&str>, person: Option<String>, outcome: Outcome) -> AuditEntry {
    AuditEntry {
        actor: format!("staff:{}", staff.subject),
        actor_name: staff.name.clone(),
        role: staff.role_list(),
        office: Some(staff.office.clone()),
        action: action.to_owned(),
        person,
        application_id: application_id.map(str::to_owned),
        outcome,
    }
}
