//! What a citizen sees of their own application, in plain words: one headline status, the next
//! thing to do, the expected time, and a timeline. Built on the innsyn fold, so this page, `velferd
//! innsyn` and anything else that shows a case agree. Texts are Fluent keys with arguments; the web
//! layer translates them.

use velferd_formats::soker::{DigisosSoker, Hendelse, SoknadsStatusVerdi, UtbetalingsStatus, Utfall};

use crate::dates::parse_tidspunkt;
use crate::innsyn::{fold, in_time_order, Innsyn, SakStatus};
use crate::Millis;

/// The one status a citizen reads first. Never a code, never a vague "awaiting".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    /// The office has the application and has not started on it.
    Received,
    /// A caseworker is working on it.
    BeingProcessed,
    /// A decision has been made on every case in it.
    Decided,
    /// The office will not process it (withdrawn, duplicate, moved …).
    NotProcessed,
}

impl Headline {
    pub fn key(self) -> &'static str {
        match self {
            Headline::Received => "case-status-received",
            Headline::BeingProcessed => "case-status-processing",
            Headline::Decided => "case-status-decided",
            Headline::NotProcessed => "case-status-not-processed",
        }
    }

    /// Position on the received → being processed → decided line (0-based), for the step indicator.
    pub fn stage(self) -> usize {
        match self {
            Headline::Received => 0,
            Headline::BeingProcessed => 1,
            Headline::Decided | Headline::NotProcessed => 2,
        }
    }
}

/// A text to translate: a Fluent key and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

fn text(key: &'static str, args: Vec<(&'static str, String)>) -> Text {
    Text { key, args }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// Milliseconds since the epoch, for showing in local time.
    pub at: Millis,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseView {
    pub headline: Headline,
    pub innsyn: Innsyn,
    /// When the citizen can expect an answer, if none has come yet.
    pub expected_by: Option<Millis>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
}

const DAY: Millis = 24 * 60 * 60 * 1000;

fn millis(tidspunkt_text: &str) -> Millis {
    parse_tidspunkt(tidspunkt_text).map_or(0, |t| (t.unix_timestamp_nanos() / 1_000_000) as Millis)
}

/// The format's kroner (a number with øre as decimals) as the page writes an amount, øre kept.
fn kroner(belop: f64) -> String {
    crate::ids::Belop::from_ore((belop * 100.0).round() as i64).to_string()
}

/// Builds the citizen's view of one application from its events.
///
/// The headline follows the fold's status ([`Innsyn::status`], after NAV's rule that a finished
/// application with a sak still being processed is being processed). The timeline has one entry per
/// event the citizen cares about, newest first; a `tildeltNavKontor` naming the office that already
/// has the case is not a forwarding and gets none (case systems repeat it). The `office` argument of
/// `event-office` is the office's unit number: name it with [`crate::kommune::Katalog::office_label`].
pub fn case_view(doc: &DigisosSoker, sent_ms: Millis, processing_days: u32) -> CaseView {
    let innsyn = fold(doc);
    let all_decided = !innsyn.saker.is_empty() && innsyn.saker.iter().all(|s| s.status == SakStatus::Ferdigbehandlet);
    let headline = match innsyn.status {
        Some(SoknadsStatusVerdi::BehandlesIkke) => Headline::NotProcessed,
        Some(SoknadsStatusVerdi::Ferdigbehandlet) => Headline::Decided,
        _ if all_decided => Headline::Decided,
        Some(SoknadsStatusVerdi::UnderBehandling) => Headline::BeingProcessed,
        _ if !innsyn.saker.is_empty() => Headline::BeingProcessed,
        _ => Headline::Received,
    };
    let expected_by = matches!(headline, Headline::Received | Headline::BeingProcessed).then(|| sent_ms + Millis::from(processing_days) * DAY);
    // A payment's later events often carry only the new status; its amount is the last one given.
    let mut amounts: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    let mut office: Option<&str> = None;
    let mut timeline: Vec<TimelineEntry> = in_time_order(&doc.hendelser)
        .into_iter()
        .filter_map(|h| {
            if let Hendelse::Utbetaling(u) = h {
                if let Some(b) = u.belop {
                    amounts.insert(u.utbetalingsreferanse.as_str(), b);
                }
            }
            if let Hendelse::TildeltNavKontor(t) = h {
                if office.replace(t.nav_kontor.as_str()) == Some(t.nav_kontor.as_str()) {
                    return None;
                }
            }
            let amount = match h {
                Hendelse::Utbetaling(u) => amounts.get(u.utbetalingsreferanse.as_str()).copied(),
                _ => None,
            };
            timeline_text(h, amount).map(|text| TimelineEntry { at: millis(h.hendelsestidspunkt()), text })
        })
        .collect();
    timeline.reverse();
    CaseView { headline, innsyn, expected_by, timeline }
}

fn timeline_text(h: &Hendelse, amount: Option<f64>) -> Option<Text> {
    Some(match h {
        Hendelse::SoknadsStatus(s) => text(
            match s.status {
                SoknadsStatusVerdi::Mottatt => "event-received",
                SoknadsStatusVerdi::UnderBehandling => "event-processing",
                SoknadsStatusVerdi::Ferdigbehandlet => "event-done",
                SoknadsStatusVerdi::BehandlesIkke => "event-not-processed",
            },
            vec![],
        ),
        Hendelse::TildeltNavKontor(t) => text("event-office", vec![("office", t.nav_kontor.clone())]),
        Hendelse::VedtakFattet(v) => text(
            match v.utfall {
                Some(Utfall::Innvilget) => "event-decision-granted",
                Some(Utfall::DelvisInnvilget) => "event-decision-partly",
                Some(Utfall::Avslatt) => "event-decision-refused",
                Some(Utfall::Avvist) => "event-decision-rejected",
                None => "event-decision",
            },
            vec![],
        ),
        Hendelse::DokumentasjonEtterspurt(d) => text("event-documents-requested", vec![("count", d.dokumenter.len().to_string())]),
        Hendelse::ForelopigSvar(_) => text("event-preliminary", vec![]),
        Hendelse::Utbetaling(u) => {
            let amount = amount.map(kroner).unwrap_or_default();
            match u.status {
                Some(UtbetalingsStatus::Utbetalt) => text("event-paid", vec![("amount", amount)]),
                Some(UtbetalingsStatus::PlanlagtUtbetaling) => text("event-payment-planned", vec![("amount", amount)]),
                Some(UtbetalingsStatus::Stoppet) => text("event-payment-stopped", vec![("amount", amount)]),
                _ => return None,
            }
        }
        Hendelse::SaksStatus(_) | Hendelse::Vilkar(_) | Hendelse::Dokumentasjonkrav(_) | Hendelse::Rammevedtak(_) | Hendelse::Ukjent(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(hendelser: serde_json::Value) -> DigisosSoker {
        serde_json::from_value(json!({"version": "1.0.0", "avsender": {"systemnavn": "t", "systemversjon": "1"}, "hendelser": hendelser})).unwrap()
    }

    const SENT: Millis = 1_781_000_000_000;

    #[test]
    fn a_new_application_is_received_with_an_expected_date() {
        let d = doc(json!([{"type": "soknadsStatus", "hendelsestidspunkt": "2026-06-09T10:13:20.000Z", "status": "MOTTATT"}]));
        let v = case_view(&d, SENT, 14);
        assert_eq!(v.headline, Headline::Received);
        assert_eq!(v.expected_by, Some(SENT + 14 * DAY));
        assert_eq!(v.timeline[0].text.key, "event-received");
    }

    #[test]
    fn processing_then_decided_and_paid_newest_first() {
        let d = doc(json!([
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-06-09T10:00:00.000Z", "status": "MOTTATT"},
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-06-10T10:00:00.000Z", "status": "UNDER_BEHANDLING"},
            {"type": "vedtakFattet", "hendelsestidspunkt": "2026-06-12T10:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET",
             "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "v1"}}},
            {"type": "utbetaling", "hendelsestidspunkt": "2026-06-12T11:00:00.000Z", "utbetalingsreferanse": "P1", "saksreferanse": "S1",
             "status": "PLANLAGT_UTBETALING", "belop": 4200.0, "forfallsdato": "2026-06-15"},
            {"type": "utbetaling", "hendelsestidspunkt": "2026-06-15T08:00:00.000Z", "utbetalingsreferanse": "P1", "status": "UTBETALT"}
        ]));
        let v = case_view(&d, SENT, 14);
        assert_eq!(v.headline, Headline::Decided, "every sak has a decision");
        assert_eq!(v.expected_by, None);
        let keys: Vec<_> = v.timeline.iter().map(|e| e.text.key).collect();
        assert_eq!(keys, ["event-paid", "event-payment-planned", "event-decision-granted", "event-processing", "event-received"]);
        assert_eq!(v.timeline[0].text.args, vec![("amount", "4\u{a0}200\u{a0}kr".to_owned())], "the amount given earlier");
    }

    #[test]
    fn a_finished_application_with_a_sak_still_in_progress_is_being_processed() {
        let d = doc(json!([
            {"type": "saksStatus", "hendelsestidspunkt": "2026-06-10T10:00:00.000Z", "referanse": "S1", "tittel": "Husleie", "status": "UNDER_BEHANDLING"},
            {"type": "saksStatus", "hendelsestidspunkt": "2026-06-10T10:00:00.000Z", "referanse": "S2", "tittel": "Strøm", "status": "UNDER_BEHANDLING"},
            {"type": "vedtakFattet", "hendelsestidspunkt": "2026-06-12T10:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET",
             "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "v1"}}},
            {"type": "soknadsStatus", "hendelsestidspunkt": "2026-06-12T10:00:00.000Z", "status": "FERDIGBEHANDLET"}
        ]));
        let v = case_view(&d, SENT, 14);
        assert_eq!(v.headline, Headline::BeingProcessed, "S2 has no decision yet");
        assert_eq!(v.expected_by, Some(SENT + 14 * DAY));
    }

    #[test]
    fn not_processed_is_its_own_status() {
        let d = doc(json!([{"type": "soknadsStatus", "hendelsestidspunkt": "2026-06-09T10:00:00.000Z", "status": "BEHANDLES_IKKE"}]));
        assert_eq!(case_view(&d, SENT, 14).headline, Headline::NotProcessed);
    }
}
