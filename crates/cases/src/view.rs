//! The citizen's view of one application, shared by the citizen's page, a helper's page and the
//! office's case file so they cannot disagree: the innsyn fold over the events that drive the case
//! (the case system's posted document where it owns the case, else Velferd's own events), the
//! requests with whether each was answered by a document sent after it (the rule in contracts.md),
//! and the documents sent later as timeline entries.

use velferd_domain::case_view::{case_view, CaseView, TimelineEntry};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::requests::{requests, Request, SentDocument};
use velferd_domain::Millis;
use velferd_formats::soker::DigisosSoker;
use velferd_store::{AuditView, StoredApplication, Submission};

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
    /// Documents the application said would come later (vedlegg.json `VedleggKreves`) and that
    /// have not been sent since, as (type, subtype): the citizen's own tasks while the office has
    /// asked for nothing and the application is not finished. Empty once the office has made a
    /// request (its list is what counts then) or the application is finished or not processed.
    pub promised: Vec<(String, String)>,
    /// The calculations behind the decisions Velferd's office made on this application, in plain
    /// words for the citizen (never a draft's).
    pub calculations: Vec<DecidedCalculation>,
}

/// The calculation a made decision rests on, as the citizen reads it.
#[derive(Debug, Clone)]
pub struct DecidedCalculation {
    /// The sak's title.
    pub sak: String,
    pub result: crate::office::decide::StoredCalculation,
    /// What was decided per month: the caseworker's amount where they chose another, else the proposal.
    pub amount_ore: i64,
}

impl Insight {
    /// The requests still to answer, with their place in the full list.
    pub fn open_requests(&self) -> impl Iterator<Item = (usize, &Request)> {
        self.requests.iter().enumerate().filter(|(_, r)| r.answered_at.is_none())
    }

    /// How many things the citizen still has to do.
    pub fn task_count(&self) -> usize {
        self.open_requests().count() + self.view.innsyn.dokumentasjonkrav.len() + self.promised.len()
    }
}

/// The document's sent documents as the answered-rule reads them.
pub fn sent_documents(submissions: &[Submission]) -> Vec<SentDocument> {
    submissions.iter().flat_map(|s| s.documents.iter().map(move |d| SentDocument { kind: d.kind.clone(), tilleggsinfo: d.tilleggsinfo.clone(), at: s.created_ms })).collect()
}

impl Cases {
    /// The events that drive the citizen's view of `sent` (which belongs to `owner`).
    pub async fn driving_document(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<DigisosSoker> {
        let external = match self.case_system_owns(&sent.kommunenummer) {
            true => self.store.external_status(&sent.id, owner).await?,
            false => None,
        };
        match external {
            Some(document) => serde_json::from_value(document).map_err(|e| CaseError::Internal(format!("stored status document: {e}"))),
            None => {
                let events = self.store.event_texts(&sent.id, owner).await?;
                DigisosSoker::from_event_texts("velferd", &events).map_err(|e| CaseError::Internal(format!("stored events: {e}")))
            }
        }
    }

    /// The view of one application of `owner`. The caller has checked who may see it.
    pub async fn insight(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<Insight> {
        let doc = self.driving_document(sent, owner).await?;
        let days = self.kommuner.get(&sent.kommunenummer).map_or(14, |k| k.kontor.behandlingstid_dager);
        let mut view = case_view(&doc, sent.sent_ms, days);
        let submissions = self.store.submissions(&sent.id, owner).await?;
        let requests = requests(&doc, &view.innsyn, &sent_documents(&submissions));
        // Documents sent later are part of what happened, newest first like the rest.
        for s in submissions.iter().filter(|s| !s.with_application) {
            let text = velferd_domain::case_view::Text { key: "event-documents-sent", args: vec![("count", s.documents.len().to_string())] };
            view.timeline.push(TimelineEntry { at: s.created_ms, text });
        }
        // So are messages between the person and the office (their text is in the conversation).
        for m in self.store.messages(&sent.id).await? {
            let text = match m.from_office {
                true => velferd_domain::case_view::Text { key: "event-message-answered", args: vec![("office", m.enhetsnummer.clone())] },
                false => velferd_domain::case_view::Text { key: "event-message-written", args: vec![] },
            };
            view.timeline.push(TimelineEntry { at: m.created_ms, text });
        }
        view.timeline.sort_by_key(|e| std::cmp::Reverse(e.at));
        let promised = promised(sent, &view, &requests, &submissions);
        let mut calculations = Vec::new();
        if !self.case_system_owns(&sent.kommunenummer) {
            for d in self.store.decisions(&sent.id).await?.into_iter().filter(|d| d.stage == crate::office::decide::STAGE_APPROVED) {
                let Some(c) = (match &d.calculation_id {
                    Some(c) => self.store.calculation(&sent.id, c).await?,
                    None => None,
                }) else {
                    continue;
                };
                let sak = crate::office::decide::stored_decision(d)?.form.sak_tittel;
                let result = serde_json::from_str(&c.result_json).map_err(|_| CaseError::Internal("stored calculation cannot be read".into()))?;
                calculations.push(DecidedCalculation { sak, result, amount_ore: c.override_ore.unwrap_or(c.proposed_ore) });
            }
        }
        Ok(Insight { view, requests, submissions, promised, calculations })
    }
}

/// The documents `sent` said would come later and that no later sending carried (see
/// [`Insight::promised`]).
fn promised(sent: &StoredApplication, view: &CaseView, requests: &[Request], submissions: &[Submission]) -> Vec<(String, String)> {
    use velferd_formats::soker::SoknadsStatusVerdi as S;
    if !requests.is_empty() || matches!(view.innsyn.status, Some(S::Ferdigbehandlet | S::BehandlesIkke)) {
        return Vec::new();
    }
    let Ok(spec) = serde_json::from_value::<velferd_formats::vedlegg::VedleggSpesifikasjon>(sent.vedlegg_json.clone()) else { return Vec::new() };
    let sent_later: Vec<(&str, &str)> =
        submissions.iter().filter(|s| !s.with_application).flat_map(|s| s.documents.iter().map(|d| (d.kind.as_str(), d.tilleggsinfo.as_str()))).collect();
    spec.vedlegg
        .into_iter()
        .filter(|v| v.status == velferd_formats::vedlegg::VedleggStatus::VedleggKreves)
        .filter(|v| !sent_later.contains(&(v.kind.as_str(), v.tilleggsinfo.as_str())))
        .map(|v| (v.kind, v.tilleggsinfo))
        .collect()
}

/// One line of "who has looked at my case": one person on one day (the date in Norway), with what
/// they did that day and how many times, in the order they first did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    pub actor_name: String,
    pub role: String,
    pub office: Option<String>,
    /// The day, `dd.mm.åååå` in Norway.
    pub day: String,
    /// The latest look that day.
    pub last_at: Millis,
    /// (action code, how many times).
    pub actions: Vec<(String, usize)>,
}

/// Groups audit entries (any order) by person and day; the newest day first, and within a day the
/// person who looked last first.
pub fn group_looks(entries: &[AuditView]) -> Vec<Look> {
    let mut looks: Vec<(String, Look)> = Vec::new();
    let mut sorted: Vec<&AuditView> = entries.iter().collect();
    sorted.sort_by_key(|e| e.at_ms);
    for e in sorted {
        let t = velferd_domain::dates::oslo_time(e.at_ms);
        let day = format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year());
        let line = match looks.iter_mut().find(|(actor, l)| *actor == e.actor && l.day == day) {
            Some((_, line)) => line,
            None => {
                looks.push((e.actor.clone(), Look { actor_name: e.actor_name.clone(), role: e.role.clone(), office: e.office.clone(), day, last_at: e.at_ms, actions: vec![] }));
                &mut looks.last_mut().expect("just pushed").1
            }
        };
        line.last_at = e.at_ms;
        match line.actions.iter_mut().find(|(a, _)| *a == e.action) {
            Some((_, n)) => *n += 1,
            None => line.actions.push((e.action.clone(), 1)),
        }
    }
    let mut out: Vec<Look> = looks.into_iter().map(|(_, l)| l).collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.last_at));
    out
}

impl Cases {
    /// Who has read or changed `owner`'s application `id`, a line per person and day: every look at
    /// this application, however many the person has elsewhere.
    pub async fn looks(&self, id: &str, owner: &Fodselsnummer) -> Result<Vec<Look>> {
        Ok(group_looks(&self.store.looks_at_application(id, owner).await?))
    }
}

#[cfg(test)]
mod look_tests {
    use super::*;

    fn entry(actor: &str, at_ms: Millis, action: &str) -> AuditView {
        AuditView {
            at_ms,
            actor: actor.into(),
            actor_name: actor.to_uppercase(),
            role: "saksbehandler".into(),
            office: Some("0312".into()),
            action: action.into(),
            application_id: Some("a".into()),
        }
    }

    #[test]
    fn looks_group_by_person_and_norwegian_day() {
        // 2026-11-30 in Norway; 23:30Z on the 30th is already 1 December in Norway.
        let day = 1_796_032_800_000; // 2026-11-30T10:00:00Z
        let hour = 3_600_000;
        let lines = group_looks(&[
            entry("sara", day, "read-application"),
            entry("sara", day + hour, "read-application"),
            entry("nina", day + hour, "read-application"),
            entry("sara", day + 2 * hour, "request-documents"),
            entry("sara", day + 3 * hour, "read-application"),
            entry("sara", day + 13 * hour + hour / 2, "read-application"),
        ]);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].day, "01.12.2026");
        assert_eq!(lines[1].actor_name, "SARA");
        assert_eq!(lines[1].day, "30.11.2026");
        assert_eq!(lines[1].actions, vec![("read-application".to_owned(), 3), ("request-documents".to_owned(), 1)]);
        assert_eq!(lines[2].actor_name, "NINA");
    }
}
