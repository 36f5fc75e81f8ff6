//! The citizen's view of one application, shared by the citizen's page, a helper's page and the
//! office's case file so they cannot disagree: the innsyn fold over the events that drive the case
//! (the case system's posted document where it owns the case, else Velferd's own events), the
//! requests with whether each was answered by a document sent after it (the rule in contracts.md),
//! and the documents sent later as timeline entries.

use velferd_domain::case_view::{case_view, CaseView, TimelineEntry};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::requests::{requests, Request, SentDocument};
use velferd_formats::soker::DigisosSoker;
use velferd_store::{StoredApplication, Submission};

use crate::{CaseError, Cases, Result};

/// What a case page shows.
#[derive(Debug, Clone)]
pub struct Insight {
    /// The fold's view; `innsyn.oppgaver` lists every requested document of the latest request.
    pub view: CaseView,
    /// The same requests in the same order (so a request's place is its number in links), each
    /// with when it was answered.
    pub requests: Vec<Request>,
    /// Everything the citizen sent, oldest first.
    pub submissions: Vec<Submission>,
}

impl Insight {
    /// The requests still to answer, with their place in the full list.
    pub fn open_requests(&self) -> impl Iterator<Item = (usize, &Request)> {
        self.requests
            .iter()
            .enumerate()
            .filter(|(_, r)| r.answered_at.is_none())
    }

    /// How many things the citizen still has to do.
    pub fn task_count(&self) -> usize {
        self.open_requests().count() + self.view.innsyn.dokumentasjonkrav.len()
    }
}

/// The document's sent documents as the answered-rule reads them.
pub fn sent_documents(submissions: &[Submission]) -> Vec<SentDocument> {
    submissions
        .iter()
        .flat_map(|s| {
            s.documents.iter().map(move |d| SentDocument {
                kind: d.kind.clone(),
                tilleggsinfo: d.tilleggsinfo.clone(),
                at: s.created_ms,
            })
        })
        .collect()
}

impl Cases {
    /// The events that drive the citizen's view of `sent` (which belongs to `owner`).
    pub async fn driving_document(
        &self,
        sent: &StoredApplication,
        owner: &Fodselsnummer,
    ) -> Result<DigisosSoker> {
        let external = match self.case_system_owns(&sent.kommunenummer) {
            true => self.store.external_status(&sent.id, owner).await?,
            false => None,
        };
        match external {
            Some(document) => serde_json::from_value(document)
                .map_err(|e| CaseError::Internal(format!("stored status document: {e}"))),
            None => {
                let events = self.store.event_texts(&sent.id, owner).await?;
                DigisosSoker::from_event_texts("velferd", &events)
                    .map_err(|e| CaseError::Internal(format!("stored events: {e}")))
            }
        }
    }

    /// The view of one application of `owner`. The caller has checked who may see it.
    pub async fn insight(
        &self,
        sent: &StoredApplication,
        owner: &Fodselsnummer,
    ) -> Result<Insight> {
        let doc = self.driving_document(sent, owner).await?;
        let days = self
            .kommuner
            .get(&sent.kommunenummer)
            .map_or(14, |k| k.kontor.behandlingstid_dager);
        let mut view = case_view(&doc, sent.sent_ms, days);
        let submissions = self.store.submissions(&sent.id, owner).await?;
        let requests = requests(&doc, &view.innsyn, &sent_documents(&submissions));
        // Documents sent later are part of what happened, newest first like the rest.
        for s in submissions.iter().filter(|s| !s.with_application) {
            let text = velferd_domain::case_view::Text {
                key: "event-documents-sent",
                args: vec![("count", s.documents.len().to_string())],
            };
            view.timeline.push(TimelineEntry {
                at: s.created_ms,
                text,
            });
        }
        view.timeline.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(Insight {
            view,
            requests,
            submissions,
        })
    }
}
