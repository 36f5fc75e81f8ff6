//! The case's archive copy (arkivkopi): the whole record of one application in one PDF, as a paper
//! file would hold it — the application as sent, the timeline, every message of the conversation,
//! the letters and the documents. The office's copy also holds its internal notes (the journal);
//! the person's own copy never does (forvaltningsloven § 18 gives the party access to the case's
//! documents, not the office's internal working notes, § 18a).
//!
//! This module gathers the record and audits the office's reading of it; the web layer, which has
//! the words, lays it out with the same renderer as the letters (PDF/A-2a and PDF/UA-1).

use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{JournalEntry, Letter, Message, StoredApplication};

use crate::view::Insight;
use crate::{Cases, Result};

/// Everything an archive copy holds.
#[derive(Debug, Clone)]
pub struct CaseRecord {
    pub application: StoredApplication,
    pub owner: Fodselsnummer,
    /// The applicant's name from the register ("" when unknown).
    pub owner_name: String,
    /// The applicant has a protected address: the office's copy shows no address.
    pub hide_address: bool,
    /// The fold, the requests, the timeline and every submission with its documents.
    pub insight: Insight,
    /// The conversation, oldest first.
    pub messages: Vec<Message>,
    pub letters: Vec<Letter>,
    /// The office's internal notes, oldest first: `Some` only in the office's copy.
    pub journal: Option<Vec<JournalEntry>>,
}

impl Cases {
    async fn record(&self, application: StoredApplication, owner: Fodselsnummer, hide_address: bool, journal: Option<Vec<JournalEntry>>) -> Result<CaseRecord> {
        let insight = self.insight(&application, &owner).await?;
        let owner_name = self.store.person(&owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
        let messages = self.store.messages(&application.id).await?;
        let letters = self.store.letters(&application.id, &owner).await?;
        Ok(CaseRecord { application, owner, owner_name, hide_address, insight, messages, letters, journal })
    }

    /// The office's archive copy of a case of the staff member's office, with its internal notes,
    /// logged as `read-archive` (the person's "who has looked" shows it). Another office's case,
    /// or a protected person's without the role, is `NotFound`, logged as refused.
    pub async fn office_record(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<CaseRecord> {
        let case = self.open_case(staff, "read-archive", id, now).await?;
        let journal = self.store.office_journal(id).await?;
        self.record(case.application, case.owner, case.protection.is_some(), Some(journal)).await
    }

    /// The person's own archive copy of their application `sent` (the caller has found it as
    /// theirs): everything but the office's internal notes. The person's own address is theirs to see.
    pub async fn own_record(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<CaseRecord> {
        self.record(sent.clone(), owner.clone(), false, None).await
    }
}
