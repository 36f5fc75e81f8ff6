//! The conversation between a person and the office about one application (rules in
//! [`velferd_domain::dialogue`]): the person writes from their case page, the office answers from
//! the case, and the office's list shows what waits for an answer and what is overdue.
//!
//! A person's own message is its own record and is not written to the audit log; a staff member
//! reading a conversation or answering is, in the same way as every other read of the case.

use time::Date;
use velferd_documents::photos::{combine, pdf_page_count, Input, Limits};
use velferd_domain::dialogue::{answer_by, check_message, check_open, check_template, waiting, Waiting, MAX_MESSAGE_FILES};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::office::Refusal;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{
    Attachment, AuditEntry, Message, NewMessage, OfficeCase, Outcome, Posted, Power, ReplyTemplate, StaffMember, StoredApplication, TemplateChange, WaitingConversation,
};

use crate::office::actions::oslo_date;
use crate::office::{staff_entry, works_cases};
use crate::{CaseError, Cases, Result};

/// The most conversations the office's list shows at once.
pub const WAITING_LIST_LIMIT: i64 = 200;

/// A message form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageForm {
    pub body: String,
    /// "I have no food or place to sleep today" was ticked.
    pub emergency: bool,
    /// The form's one-time key (see [`velferd_store::NewMessage::token`]); a form without one
    /// (an old page) gets a fresh key, so it is stored, only not protected against a double post.
    pub token: String,
    /// Files chosen to send with it, in order: they become one PDF, as a document sent later does.
    pub files: Vec<ChosenFile>,
    /// The limits for converting one file.
    pub limits: Limits,
}

/// A file chosen in a form: its name as shown (already cleaned) and its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChosenFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A conversation as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversation {
    /// Oldest first.
    pub messages: Vec<Message>,
    /// While the office owes an answer: since when, and by when it promised one.
    pub waiting: Option<Waiting>,
    /// The case still takes messages (see [`velferd_domain::dialogue::check_open`]).
    pub open: bool,
}

/// What the person is told after writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The office answers by this Norwegian date.
    pub answer_by: Date,
    /// The person said it is an emergency: they are told to call now.
    pub emergency: bool,
}

/// One conversation in the office's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingItem {
    pub conversation: WaitingConversation,
    pub waiting: Waiting,
}

/// The audit entry for a helper doing `action` on `owner`'s application under `power`.
pub(crate) fn helper_entry(power: &Power, owner: &Fodselsnummer, action: &str) -> AuditEntry {
    AuditEntry {
        actor: format!("fullmektig:{}", power.id),
        actor_name: power.helper_name.clone(),
        role: "fullmektig".into(),
        office: None,
        action: action.into(),
        person: Some(owner.as_str().to_owned()),
        application_id: Some(power.application_id.clone()),
        outcome: Outcome::Permit,
    }
}

/// A usable form key: 8–64 letters, digits and dashes; anything else gets a fresh one.
fn token_or_new(token: &str) -> String {
    let ok = (8..=64).contains(&token.len()) && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        token.to_owned()
    } else {
        velferd_store::new_id()
    }
}

impl Cases {
    /// The files chosen with a message as one PDF in the file store (photos as readable A4 pages,
    /// PDFs copied page by page: [`velferd_documents::photos::combine`]), or `None` without files.
    /// Errors: `File` naming the file that cannot be used and why (`too-many` for more than
    /// [`MAX_MESSAGE_FILES`]); nothing is stored then.
    async fn attachment(&self, files: &[ChosenFile], limits: &Limits) -> Result<Option<Attachment>> {
        if files.is_empty() {
            return Ok(None);
        }
        if files.len() > MAX_MESSAGE_FILES {
            return Err(CaseError::File { file: String::new(), code: "too-many" });
        }
        let (owned, limits) = (files.to_vec(), limits.clone());
        let combined = tokio::task::spawn_blocking(move || {
            let inputs: Vec<Input<'_>> = owned.iter().map(|f| Input::new(&f.name, &f.bytes)).collect();
            combine(&inputs, &limits).map(|pdf| {
                let pages = pdf_page_count(&pdf).unwrap_or(1);
                (pdf, pages)
            })
        })
        .await
        .map_err(|e| CaseError::Internal(e.to_string()))?;
        let (pdf, pages) = match combined {
            Ok(done) => done,
            Err(e) => {
                let (file, code) = match e.input() {
                    Some((i, problem)) => (files.get(i).map(|f| f.name.clone()).unwrap_or_default(), problem.code()),
                    None => (String::new(), "unreadable"),
                };
                return Err(CaseError::File { file, code });
            }
        };
        let sha256 = self.files.put(&pdf).await?;
        Ok(Some(Attachment { sha256, bytes: pdf.len() as i64, pages: pages as i64, file_names: files.iter().map(|f| f.name.clone()).collect() }))
    }

    /// The Norwegian date a case was closed, if it is closed: the date of its newest event.
    async fn closed_on(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<Option<Date>> {
        let insight = self.insight(sent, owner).await?;
        if !insight.view.innsyn.is_closed() {
            return Ok(None);
        }
        Ok(Some(insight.view.timeline.first().map_or_else(|| oslo_date(sent.sent_ms), |e| oslo_date(e.at))))
    }

    async fn conversation_of(&self, sent: &StoredApplication, owner: &Fodselsnummer, now: Millis) -> Result<Conversation> {
        let messages = self.store.messages(&sent.id).await?;
        let waiting = self.store.waiting_since(&sent.id).await?.map(|since| waiting(oslo_date(since), oslo_date(now)));
        let open = check_open(self.closed_on(sent, owner).await?, oslo_date(now)).is_ok();
        Ok(Conversation { messages, waiting, open })
    }

    /// The conversation on `owner`'s application `sent` (the caller has found it as theirs).
    pub async fn conversation(&self, sent: &StoredApplication, owner: &Fodselsnummer, now: Millis) -> Result<Conversation> {
        self.conversation_of(sent, owner, now).await
    }

    /// `owner` writes to the office about their application `sent` (the caller has found it as
    /// theirs). Errors: `Invalid` with the message's fault (empty, too long, unreadable
    /// characters, a case closed long ago); nothing is stored then.
    pub async fn write_to_office(&self, sent: &StoredApplication, owner: &Fodselsnummer, form: &MessageForm, now: Millis) -> Result<Written> {
        let name = self.store.person(owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
        self.write(sent, owner, ("innbygger", &name), None, form, now).await
    }

    /// A helper writes to the office on behalf of `owner`, under a power (`power`, found valid for
    /// this application and this helper) that covers the conversation; the message is signed with
    /// the helper's name (`fullmektig:<power>`), and it and its audit entry
    /// (`helper-write-message`, as the helper) are written together. Errors: `NotFound` when the
    /// power does not cover the conversation; otherwise as [`Cases::write_to_office`].
    pub async fn write_as_helper(&self, sent: &StoredApplication, owner: &Fodselsnummer, power: &Power, form: &MessageForm, now: Millis) -> Result<Written> {
        if !power.may_write_messages || power.application_id != sent.id {
            return Err(CaseError::NotFound);
        }
        let author = format!("fullmektig:{}", power.id);
        let entry = helper_entry(power, owner, "helper-write-message");
        self.write(sent, owner, (&author, &power.helper_name), Some(&entry), form, now).await
    }

    /// Writes the person's side of the conversation (`author`: who as the audit log names them,
    /// and the name shown).
    async fn write(&self, sent: &StoredApplication, owner: &Fodselsnummer, author: (&str, &str), entry: Option<&AuditEntry>, form: &MessageForm, now: Millis) -> Result<Written> {
        let body = check_message(&form.body).map_err(|r| CaseError::Invalid(vec![r]))?;
        check_open(self.closed_on(sent, owner).await?, oslo_date(now)).map_err(|r| CaseError::Invalid(vec![r]))?;
        let token = token_or_new(&form.token);
        let attachment = self.attachment(&form.files, &form.limits).await?;
        let message =
            NewMessage { token: &token, from_office: false, author: author.0, author_name: author.1, body: &body, emergency: form.emergency, attachment: attachment.as_ref() };
        self.store.post_message(&sent.id, &sent.enhetsnummer, &message, entry, now).await?;
        let since = self.store.waiting_since(&sent.id).await?.unwrap_or(now);
        if form.emergency {
            tracing::warn!(application = %sent.id, office = %sent.enhetsnummer, "a person wrote that they have no food or place to sleep today");
        }
        Ok(Written { answer_by: answer_by(oslo_date(since)), emergency: form.emergency })
    }

    /// The conversation on a case of the staff member's office, logged as `read-messages`.
    pub async fn office_conversation(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<(OfficeCase, Conversation)> {
        let case = self.open_case(staff, "read-messages", id, now).await?;
        let conversation = self.conversation_of(&case.application, &case.owner, now).await?;
        Ok((case, conversation))
    }

    /// A staff member answers on a case of their office, signed with their name and office; the
    /// answer and its audit entry are written together. Errors: `NotFound` (logged) for a case
    /// they may not open; `Invalid` with the message's fault.
    pub async fn answer_message(&self, staff: &StaffUser, id: &str, form: &MessageForm, now: Millis) -> Result<()> {
        let (_, case) = self.find_case(staff, "answer-message", id, now).await?;
        let body = check_message(&form.body).map_err(|r| CaseError::Invalid(vec![r]))?;
        let token = token_or_new(&form.token);
        let attachment = self.attachment(&form.files, &form.limits).await?;
        let author = format!("staff:{}", staff.subject);
        let message = NewMessage { token: &token, from_office: true, author: &author, author_name: &staff.name, body: &body, emergency: false, attachment: attachment.as_ref() };
        let entry = staff_entry(staff, "answer-message", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        match self.store.post_message(id, &case.application.enhetsnummer, &message, Some(&entry), now).await? {
            Posted::New { .. } | Posted::Again { .. } => Ok(()),
        }
    }

    /// The conversation on `owner`'s application `sent` for a helper whose power covers it (the
    /// caller has found the power valid and logged the look). `NotFound` when it does not.
    pub async fn helper_conversation(&self, sent: &StoredApplication, owner: &Fodselsnummer, power: &Power, now: Millis) -> Result<Conversation> {
        if !power.may_write_messages || power.application_id != sent.id {
            return Err(CaseError::NotFound);
        }
        self.conversation_of(sent, owner, now).await
    }

    /// A message's attachment as PDF, for the owner of `sent` (the caller has found it as theirs).
    /// `NotFound` when no message of this application has that file.
    pub async fn own_attachment(&self, sent: &StoredApplication, sha256: &str) -> Result<Vec<u8>> {
        self.store.message_attachment(&sent.id, sha256).await?.ok_or(CaseError::NotFound)?;
        self.files.get(sha256).await?.ok_or_else(|| CaseError::Internal("a message's attachment is missing from the file store".into()))
    }

    /// A message's attachment as PDF for a staff member, logged as `read-file` (refused and
    /// logged when the case is not theirs to open or the file is not on it).
    pub async fn staff_attachment(&self, staff: &StaffUser, id: &str, sha256: &str, now: Millis) -> Result<(OfficeCase, Vec<u8>)> {
        let (_, case) = self.find_case(staff, "read-file", id, now).await?;
        let person = Some(case.owner.as_str().to_owned());
        if self.store.message_attachment(id, sha256).await?.is_none() {
            self.audit_staff(staff, "read-file", Some(id), person, Outcome::Deny, now).await?;
            return Err(CaseError::NotFound);
        }
        self.audit_staff(staff, "read-file", Some(id), person, Outcome::Permit, now).await?;
        let bytes = self.files.get(sha256).await?.ok_or_else(|| CaseError::Internal("a message's attachment is missing from the file store".into()))?;
        Ok((case, bytes))
    }

    /// The conversations of the staff member's office that wait for an answer, emergencies first,
    /// then the longest waiting, each with its promised date; logged as `list-messages`.
    pub async fn waiting_messages(&self, staff: &StaffUser, now: Millis) -> Result<Vec<WaitingItem>> {
        let access = self.access(staff, "list-messages", None, now).await?;
        self.audit_staff(staff, "list-messages", None, None, Outcome::Permit, now).await?;
        let today = oslo_date(now);
        let list = self.store.waiting_conversations(&access, WAITING_LIST_LIMIT).await?;
        Ok(list.into_iter().map(|c| WaitingItem { waiting: waiting(oslo_date(c.waiting_since_ms), today), conversation: c }).collect())
    }

    /// The reply templates of the staff member's office, by title. Templates hold no personal
    /// data, so reading them is not logged; a role that reads no cases is `Forbidden` (logged).
    pub async fn reply_templates(&self, staff: &StaffUser, now: Millis) -> Result<Vec<ReplyTemplate>> {
        self.access(staff, "list-reply-templates", None, now).await?;
        Ok(self.store.reply_templates(&staff.office).await?)
    }

    /// Adds a reply template to the staff member's office (`id` `None`) or changes one of its
    /// templates, logged as `save-reply-template`. Errors: `Invalid` with every field's fault
    /// ([`check_template`]); `NotFound` for a template of another office.
    pub async fn save_reply_template(&self, staff: &StaffUser, id: Option<&str>, title: &str, body: &str, now: Millis) -> Result<String> {
        self.access(staff, "save-reply-template", None, now).await?;
        let (title, body) = check_template(title, body).map_err(CaseError::Invalid)?;
        let change = TemplateChange { id, enhetsnummer: &staff.office, title: &title, body: &body, by: (&staff.subject, &staff.name) };
        let entry = staff_entry(staff, "save-reply-template", None, None, Outcome::Permit);
        self.store.save_reply_template(&change, &entry, now).await?.ok_or(CaseError::NotFound)
    }

    /// The colleagues at the staff member's office a conversation can be routed to (who work
    /// cases), the staff member first.
    pub async fn conversation_colleagues(&self, staff: &StaffUser) -> Result<Vec<StaffMember>> {
        let mut all: Vec<StaffMember> = self.store.staff_of_office(&staff.office).await?.into_iter().filter(|m| m.roles.split(',').any(works_cases)).collect();
        all.sort_by_key(|m| m.subject != staff.subject);
        Ok(all)
    }

    /// Whom the conversation on a case is routed to (subject, name), if anyone. The caller has
    /// opened the case.
    pub async fn conversation_routed_to(&self, id: &str) -> Result<Option<(String, String)>> {
        Ok(self.store.conversation_routed_to(id).await?)
    }

    /// Routes the conversation on a case of the staff member's office to a colleague there who
    /// works cases (`to`: their subject), or back to the whole office (`None`), with the audit
    /// entry `route-conversation` in the same transaction. Errors: `NotFound` (logged) for a case
    /// they may not open; `Invalid` (field `til`, `error-route-unknown`) for someone who is not
    /// such a colleague.
    pub async fn route_conversation(&self, staff: &StaffUser, id: &str, to: Option<&str>, now: Millis) -> Result<()> {
        let (_, case) = self.find_case(staff, "route-conversation", id, now).await?;
        let colleague = match to {
            Some(subject) => match self.conversation_colleagues(staff).await?.into_iter().find(|m| m.subject == subject) {
                Some(m) => Some((m.subject, m.name)),
                None => return Err(CaseError::Invalid(vec![Refusal { key: "error-route-unknown", field: "til" }])),
            },
            None => None,
        };
        let entry = staff_entry(staff, "route-conversation", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        let to = colleague.as_ref().map(|(s, n)| (s.as_str(), n.as_str()));
        self.store.route_conversation(id, &case.application.enhetsnummer, to, &entry, now).await?;
        Ok(())
    }
}
