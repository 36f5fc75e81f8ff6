//! Sending an application: the citizen's last step. The summary step's answers are merged into the
//! draft and checked, the attached files become one PDF per document, and the application is stored
//! with its first events, its documents and its summary as sent — in one transaction that is durable
//! before the receipt is shown. Safe to repeat: a second press finds the receipt of the first.
//!
//! A protected address (kode 6/7) never leaves Velferd: neither the register's address nor where the
//! person said they stay goes into the stored `soknad.json` (the one the office's case system fetches).

use serde_json::json;
use velferd_documents::photos::{combine, Input, Limits};
use velferd_domain::application::{
    parse_application, required_documents, soknad_json, summary, validate_step, vedlegg_json_with, Answers, Application, DocumentNeed, DocumentState, FieldError, Nodhjelp, Soker,
    Step, OTHER,
};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::kommune::Kommune;
use velferd_domain::Millis;
use velferd_formats::soknad::tidspunkt;
use velferd_store::{Draft, DraftFile, DraftToSend, NewApplication, RateCount, Submitted, SubmittedDocument};

use crate::{CaseError, Cases, Result};

/// The choice a citizen made for a document not attached: the office already has it.
pub const SENT_BEFORE: &str = "tidligere";

/// What sending came to.
#[derive(Debug, Clone)]
pub enum Sent {
    /// Stored (or stored before, by an earlier press): show the receipt.
    Received(Submitted),
    /// The answers do not make a complete application: show the summary with these errors
    /// (`confirm_missing`: only the confirmation box is missing). Nothing was stored; the posted
    /// confirmation is saved in the draft.
    Incomplete { draft: Draft, errors: Vec<(Step, FieldError)>, confirm_missing: bool },
    /// One document's files could not be combined (the previews make this unlikely): show the
    /// documents page with the message at that document.
    DocumentFailed { draft: Draft, slot: String },
    /// The signed-in person is not in the population register: the application cannot name them.
    NotInRegister,
}

/// The expected documents for these answers, then "other". Unfinished answers: only "other".
pub fn needs(answers: &Answers) -> Vec<DocumentNeed> {
    let mut out = parse_application(answers).map(|a| required_documents(&a)).unwrap_or_default();
    out.push(OTHER);
    out
}

impl Cases {
    /// Sends `owner`'s draft `draft_id` with the summary step's posted fields. `conversion` limits
    /// the PDF conversion of attached files; `limit`, when given, is counted in the transaction that
    /// stores the application (the sending limit's count costs no commit of its own). `None` when
    /// there is no such draft and it was never sent. `language` (`nb`, `nn`, `en`) is the one the
    /// person sent in; it is kept with the answers so the office writes to them in it.
    #[allow(clippy::too_many_arguments)]
    pub async fn send_application(
        &self,
        owner: &Fodselsnummer,
        draft_id: &str,
        posted: &[(String, String)],
        conversion: &Limits,
        limit: Option<&RateCount>,
        language: &str,
        now: Millis,
    ) -> Result<Option<Sent>> {
        // The draft, its files and choices, and the person: one read (issue 13, a send's cost).
        let Some(DraftToSend { mut draft, files, choices, person }) = self.store.draft_to_send(draft_id, owner, now).await? else {
            return Ok(self.store.submitted_from_draft(draft_id, owner).await?.map(Sent::Received));
        };
        draft.answers.merge_step(Step::Oppsummering, posted);
        draft.answers.set(velferd_domain::application::LANGUAGE, language);
        let confirm_missing = !validate_step(Step::Oppsummering, &draft.answers).is_empty();
        let application = match parse_application(&draft.answers) {
            Ok(a) if !confirm_missing => a,
            Ok(_) => return Ok(Some(Sent::Incomplete { draft, errors: vec![], confirm_missing: true })),
            Err(errors) => return Ok(Some(Sent::Incomplete { draft, errors, confirm_missing: false })),
        };
        let kommune = self.kommuner.get(&draft.kommunenummer).ok_or_else(|| CaseError::Internal("draft names a municipality not in the catalogue".into()))?.clone();
        let Some((mut person, protection)) = person else { return Ok(Some(Sent::NotInRegister)) };
        let protected = protection.is_some();
        if protected {
            person.adresse = None;
        }
        let (documents, states) = match self.documents_for_sending(&draft, &files, &choices, conversion).await? {
            Ok(done) => done,
            Err((slot, detail)) => {
                tracing::warn!(%detail, "attached files could not be combined");
                return Ok(Some(Sent::DocumentFailed { draft, slot }));
            }
        };
        let mut new = prepare(&application, &draft.answers, &person, &kommune, now, documents, &states);
        if protected {
            without_addresses(&mut new.soknad_json);
        }
        let sent = self.store.submit_counted(&draft.id, owner, &new, limit, now).await?.ok_or(CaseError::NotFound)?;
        // The originals and previews were only needed until the PDFs were made: deleted after the
        // receipt is on its way, not before.
        self.delete_files_later(sent.unused_files.clone());
        if sent.created {
            tracing::info!(application = %sent.id, office = %kommune.kontor.enhetsnummer, emergency = new.emergency, "application received");
        }
        Ok(Some(Sent::Received(sent)))
    }

    /// The citizen's documents as they go with the application: one PDF per document with files
    /// (pages in the citizen's order, turned as they turned them), and each expected document's
    /// state, from the draft's `files` and `choices` (as [`velferd_store::Store::draft_to_send`]
    /// reads them). The error names the document whose files could not be combined, with the detail.
    #[allow(clippy::type_complexity)]
    pub async fn documents_for_sending(
        &self,
        draft: &Draft,
        files: &[DraftFile],
        choices: &[(String, String)],
        conversion: &Limits,
    ) -> Result<std::result::Result<(Vec<SubmittedDocument>, Vec<(String, DocumentState)>), (String, String)>> {
        let mut documents = Vec::new();
        let mut states = Vec::new();
        for need in needs(&draft.answers) {
            let slot = need.slot();
            let mine: Vec<&DraftFile> = files.iter().filter(|f| f.slot == slot).collect();
            if mine.is_empty() {
                let state = match choices.iter().find(|(s, _)| *s == slot).map(|(_, c)| c.as_str()) {
                    Some(SENT_BEFORE) => DocumentState::SentBefore,
                    _ => DocumentState::Later,
                };
                states.push((slot, state));
                continue;
            }
            let mut originals = Vec::new();
            for f in &mine {
                let bytes = self.files.get(&f.sha256).await?.ok_or_else(|| CaseError::Internal("an attached file is missing from the file store".into()))?;
                originals.push(crate::citizen::Original::of(f, bytes));
            }
            let conversion = conversion.clone();
            let result = tokio::task::spawn_blocking(move || {
                let inputs: Vec<Input<'_>> = originals.iter().map(crate::citizen::Original::input).collect();
                combine(&inputs, &conversion)
            })
            .await
            .map_err(|e| CaseError::Internal(e.to_string()))?;
            let pdf = match result {
                Ok(pdf) => pdf,
                Err(e) => return Ok(Err((slot, e.to_string()))),
            };
            let sha = self.files.put(&pdf).await?;
            let name = format!("{}-{}.pdf", need.kind, &sha[..8]);
            documents.push(SubmittedDocument { kind: need.kind.to_owned(), tilleggsinfo: need.tilleggsinfo.to_owned(), sha256: sha, bytes: pdf.len() as i64 });
            states.push((slot, DocumentState::Uploaded(vec![name])));
        }
        Ok(Ok((documents, states)))
    }

    /// The citizen discards draft `draft_id` ("start over"): the draft and its files go. `false`
    /// when the owner has no such draft.
    pub async fn discard_draft(&self, owner: &Fodselsnummer, draft_id: &str) -> Result<bool> {
        match self.store.delete_draft(draft_id, owner).await? {
            Some(unused) => {
                self.delete_files_later(unused);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Deletes files nothing uses any more from the file store, in the background: the answer to
    /// the person does not wait for it. Failures are logged; the hourly housekeeping
    /// ([`Cases::sweep_draft_files`]) finds what is left.
    fn delete_files_later(&self, unused: Vec<String>) {
        if unused.is_empty() {
            return;
        }
        let files = self.files.clone();
        tokio::spawn(async move {
            for sha in unused {
                if let Err(e) = files.delete(&sha).await {
                    tracing::warn!(error = %e, "could not delete a file no longer used");
                }
            }
        });
    }

    /// Removes the files of drafts that are gone (sent, discarded, expired) from the file store.
    /// Failures are logged, never the citizen's problem: the hourly housekeeping tries again.
    pub async fn sweep_draft_files(&self) {
        match self.store.sweep_draft_files().await {
            Ok(orphans) => {
                for sha in orphans {
                    if let Err(e) = self.files.delete(&sha).await {
                        tracing::warn!(error = %e, "could not delete a file no longer used");
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "could not sweep draft files"),
        }
    }
}

/// What is stored for a sent application: `soknad.json`, `vedlegg.json` (every expected document
/// with what the citizen did about it), the documents, the summary as sent, and the first events
/// (MOTTATT, and the office it went to).
pub fn prepare(
    application: &Application,
    answers: &Answers,
    person: &Soker,
    kommune: &Kommune,
    now: Millis,
    documents: Vec<SubmittedDocument>,
    states: &[(String, DocumentState)],
) -> NewApplication {
    let at = tidspunkt(now);
    let state = |need: &DocumentNeed| {
        let slot = need.slot();
        states.iter().find(|(s, _)| *s == slot).map_or(DocumentState::Later, |(_, state)| state.clone())
    };
    NewApplication {
        kommunenummer: kommune.nummer.clone(),
        enhetsnummer: kommune.kontor.enhetsnummer.clone(),
        emergency: application.nodhjelp != Nodhjelp::Nei,
        soknad_json: soknad_json(application, person, kommune, now),
        vedlegg_json: serde_json::to_value(vedlegg_json_with(&required_documents(application), state)).unwrap_or_else(|_| json!({"vedlegg": []})),
        answers: answers.clone(),
        summary: summary(application, answers),
        events: vec![
            json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "MOTTATT"}),
            json!({"type": "tildeltNavKontor", "hendelsestidspunkt": at, "navKontor": kommune.kontor.enhetsnummer}),
        ],
        documents,
    }
}

/// Takes every address out of a soknad.json (for a person with a protected address): the
/// register's, and where the applicant said they stay.
pub(crate) fn without_addresses(soknad: &mut serde_json::Value) {
    if let Some(p) = soknad.pointer_mut("/data/personalia").and_then(|p| p.as_object_mut()) {
        p.remove("folkeregistrertAdresse");
        p.remove("oppholdsadresse");
    }
}
