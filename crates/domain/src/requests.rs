//! Requests for documents (dokumentasjonEtterspurt) and when they are answered, and the status
//! projection that the office's inbox reads instead of folding every row.
//!
//! The rule for "answered" is the one in `contracts.md` ("Case insight"): a requested document counts
//! as answered, and leaves the citizen's task list, once a document of that type and extra
//! information (`dokumenttype` + `tilleggsinformasjon`) was sent after the request. The innsyn fold
//! itself sees no documents (it reads only events), so this rule sits beside it and both the
//! citizen's page and the office's case file call it.

use velferd_formats::soker::{DigisosSoker, Hendelse, SoknadsStatusVerdi};

use crate::innsyn::{fold, in_time_order, tidspunkt, Innsyn, Oppgave, SakStatus};
use crate::Millis;

/// A document the citizen sent (with the application or later): its type, subtype and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentDocument {
    pub kind: String,
    pub tilleggsinfo: String,
    pub at: Millis,
}

/// One requested document and whether it has been answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub oppgave: Oppgave,
    /// When a matching document was sent after the request; `None`: still to send.
    pub answered_at: Option<Millis>,
    /// The deadline as an instant (ms), when it parses.
    pub deadline: Option<Millis>,
}

fn millis(text: &str) -> Option<Millis> {
    tidspunkt(text).map(|t| (t.unix_timestamp_nanos() / 1_000_000) as Millis)
}

/// When the latest `dokumentasjonEtterspurt` was made (the one whose list the fold shows).
pub fn latest_request_at(doc: &DigisosSoker) -> Option<Millis> {
    in_time_order(&doc.hendelser).into_iter().rfind(|h| matches!(h, Hendelse::DokumentasjonEtterspurt(_))).and_then(|h| millis(h.hendelsestidspunkt()))
}

/// The requested documents of the folded view, in the fold's order, with, for each, whether a
/// document of its type and subtype was sent at or after the request.
pub fn requests(doc: &DigisosSoker, innsyn: &Innsyn, sent: &[SentDocument]) -> Vec<Request> {
    let asked_at = latest_request_at(doc).unwrap_or(Millis::MIN);
    innsyn
        .oppgaver
        .iter()
        .map(|o| {
            // A request without extra information is answered under its type as both type and
            // subtype: that is how the upload page files a document sent for it.
            let extra = o.tilleggsinformasjon.as_deref().unwrap_or(&o.dokumenttype);
            let answered_at = sent.iter().filter(|d| d.at >= asked_at && d.kind == o.dokumenttype && d.tilleggsinfo == extra).map(|d| d.at).min();
            Request { oppgave: o.clone(), answered_at, deadline: millis(&o.innsendelsesfrist) }
        })
        .collect()
}

/// The state of a case as the office's lists need it, computed from the same fold as the citizen's
/// page. Kept per application in the store, in the same transaction as every change, so a list of
/// thousands reads one row per case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    /// The application's status after the fold's rules; `Mottatt` before any status event.
    pub status: SoknadsStatusVerdi,
    /// Still work to do: not finished and not "will not be processed".
    pub open: bool,
    /// At least one sak has a decision.
    pub decided: bool,
    /// A preliminary answer (forelopigSvar) was sent.
    pub forelopig_svar: bool,
    /// Requested documents not yet answered.
    pub open_requests: i64,
    /// The earliest deadline among the unanswered requests.
    pub next_deadline: Option<Millis>,
}

/// Computes the projection of one application from its events and the documents sent to it.
pub fn project(doc: &DigisosSoker, sent: &[SentDocument]) -> Projection {
    let innsyn = fold(doc);
    let status = innsyn.status.unwrap_or(SoknadsStatusVerdi::Mottatt);
    let open = !matches!(status, SoknadsStatusVerdi::Ferdigbehandlet | SoknadsStatusVerdi::BehandlesIkke);
    let pending: Vec<Request> = requests(doc, &innsyn, sent).into_iter().filter(|r| r.answered_at.is_none()).collect();
    Projection {
        status,
        open,
        decided: innsyn.saker.iter().any(|s| !s.vedtak.is_empty() || s.status == SakStatus::Ferdigbehandlet),
        forelopig_svar: innsyn.forelopig_svar,
        open_requests: if open { pending.len() as i64 } else { 0 },
        next_deadline: if open { pending.iter().filter_map(|r| r.deadline).min() } else { None },
    }
}

/// The status code as stored and as the digisos-soker format writes it.
pub fn status_code(status: SoknadsStatusVerdi) -> &'static str {
    match status {
        SoknadsStatusVerdi::Mottatt => "MOTTATT",
        SoknadsStatusVerdi::UnderBehandling => "UNDER_BEHANDLING",
        SoknadsStatusVerdi::Ferdigbehandlet => "FERDIGBEHANDLET",
        SoknadsStatusVerdi::BehandlesIkke => "BEHANDLES_IKKE",
    }
}

/// The status from its stored code; `None` for anything else.
pub fn status_from_code(code: &str) -> Option<SoknadsStatusVerdi> {
    [SoknadsStatusVerdi::Mottatt, SoknadsStatusVerdi::UnderBehandling, SoknadsStatusVerdi::Ferdigbehandlet, SoknadsStatusVerdi::BehandlesIkke]
        .into_iter()
        .find(|s| status_code(*s) == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(hendelser: serde_json::Value) -> DigisosSoker {
        serde_json::from_value(json!({"version": "1.0.0", "avsender": {"systemnavn": "t", "systemversjon": "1"}, "hendelser": hendelser})).expect("doc")
    }

    fn ola() -> DigisosSoker {
        doc(json!([
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-01T10:00:00.000Z", "status": "MOTTATT"},
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-02T10:00:00.000Z", "status": "UNDER_BEHANDLING"},
            {"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2026-11-03T10:00:00.000Z", "dokumenter": [
                {"dokumenttype": "kontooversikt", "tilleggsinformasjon": "brukskonto", "innsendelsesfrist": "2026-11-17T22:59:59.000Z"},
                {"dokumenttype": "husleiekontrakt", "tilleggsinformasjon": "husleiekontrakt", "innsendelsesfrist": "2026-11-10T22:59:59.000Z"}
            ]}
        ]))
    }

    const REQUESTED: Millis = 1_793_700_000_000; // 2026-11-03T10:00Z

    fn sent(kind: &str, extra: &str, at: Millis) -> SentDocument {
        SentDocument { kind: kind.into(), tilleggsinfo: extra.into(), at }
    }

    #[test]
    fn a_request_is_answered_by_a_document_of_its_type_sent_after_it() {
        let d = ola();
        assert_eq!(latest_request_at(&d), Some(REQUESTED));
        let innsyn = fold(&d);
        let before = [sent("husleiekontrakt", "husleiekontrakt", REQUESTED - 1)];
        assert!(requests(&d, &innsyn, &before).iter().all(|r| r.answered_at.is_none()), "a document sent before the request answers nothing");
        let wrong_kind = [sent("husleiekontrakt", "annet", REQUESTED + 5)];
        assert!(requests(&d, &innsyn, &wrong_kind).iter().all(|r| r.answered_at.is_none()), "type and subtype must both match");
        let after = [sent("husleiekontrakt", "husleiekontrakt", REQUESTED + 5)];
        let r = requests(&d, &innsyn, &after);
        assert_eq!(r[0].answered_at, None);
        assert_eq!(r[1].answered_at, Some(REQUESTED + 5));
        let p = project(&d, &after);
        assert_eq!(p.open_requests, 1);
        assert_eq!(p.next_deadline, r[0].deadline, "the deadline of what is still missing");
    }

    #[test]
    fn the_projection_follows_the_fold() {
        let p = project(&ola(), &[]);
        assert_eq!((p.status, p.open, p.decided, p.open_requests), (SoknadsStatusVerdi::UnderBehandling, true, false, 2));
        let finished = doc(json!([
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-01T10:00:00.000Z", "status": "MOTTATT"},
            {"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2026-11-03T10:00:00.000Z", "dokumenter": [
                {"dokumenttype": "kontooversikt", "tilleggsinformasjon": "brukskonto", "innsendelsesfrist": "2026-11-17T22:59:59.000Z"}]},
            {"type": "vedtakFattet", "hendelsestidspunkt": "2026-11-05T10:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET",
             "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "v1"}}},
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-05T10:00:00.000Z", "status": "FERDIGBEHANDLET"}
        ]));
        let p = project(&finished, &[]);
        assert_eq!((p.status, p.open, p.decided, p.open_requests, p.next_deadline), (SoknadsStatusVerdi::Ferdigbehandlet, false, true, 0, None));
        for s in [SoknadsStatusVerdi::Mottatt, SoknadsStatusVerdi::UnderBehandling, SoknadsStatusVerdi::Ferdigbehandlet, SoknadsStatusVerdi::BehandlesIkke] {
            assert_eq!(status_from_code(status_code(s)), Some(s));
        }
    }
}
