//! A made decision as digisos-soker events (hendelser), the one vocabulary the citizen's page, a
//! helper's page, the integration API and the innsyn fold read (ARCHITECTURE.md, "One vocabulary").
//!
//! One approved decision becomes, all at the same instant and in this order: `saksStatus` (the sak and
//! its title), `vedtakFattet` (outcome and the decision letter), one `utbetaling` per payment, then
//! `vilkar` and `dokumentasjonkrav` — the order the fold applies at one instant anyway (contracts.md,
//! "Case insight", rule 1). Whether the application as a whole is finished (`soknadsStatus
//! FERDIGBEHANDLET`) is the use case's call: an application may have more than one sak.

use velferd_formats::soker::{
    Dokumentasjonkrav, DokumentasjonkravStatus, Filreferanse, Hendelse, SaksStatus, Utbetaling, UtbetalingsStatus, VedtakFattet, Vedtaksfil, Vilkar, VilkarStatus,
};

use super::{Payment, PaymentStatus, Recipient, Vedtak};
use crate::office::{deadline_tidspunkt, Refusal};

/// How a payment is made, as `utbetalingsmetode` names it.
pub const METHOD: &str = "kontooverføring";

/// The events that make `vedtak` known, at `tidspunkt` (the format's instant, e.g.
/// `2026-04-10T09:15:00.000Z`), with the decision letter stored as the PDF `vedtaksfil_id` (a
/// Dokumentlager UUID, as the file store names letters). Refusal `vedtak-refused-not-approved` for a
/// decision not yet made: nothing about a draft reaches the citizen.
pub fn decision_events(vedtak: &Vedtak, vedtaksfil_id: &str, tidspunkt: &str) -> Result<Vec<Hendelse>, Refusal> {
    if !vedtak.approved() {
        return Err(Refusal { key: "vedtak-refused-not-approved", field: "" });
    }
    let c = &vedtak.content;
    let at = || tidspunkt.to_owned();
    let sak = Some(c.saksreferanse.clone());
    let mut events = vec![
        Hendelse::SaksStatus(SaksStatus { hendelsestidspunkt: at(), referanse: c.saksreferanse.clone(), tittel: Some(c.sak_tittel.clone()), status: None }),
        Hendelse::VedtakFattet(VedtakFattet {
            hendelsestidspunkt: at(),
            saksreferanse: c.saksreferanse.clone(),
            utfall: Some(c.outcome.utfall()),
            vedtaksfil: Vedtaksfil { referanse: Filreferanse::Dokumentlager { id: vedtaksfil_id.to_owned() } },
            vedlegg: vec![],
        }),
    ];
    events.extend(c.payments.iter().map(|p| Hendelse::Utbetaling(utbetaling(p, &c.saksreferanse, tidspunkt))));
    events.extend(c.conditions.iter().map(|v| {
        Hendelse::Vilkar(Vilkar {
            hendelsestidspunkt: at(),
            vilkarreferanse: v.referanse.clone(),
            saksreferanse: sak.clone(),
            utbetalingsreferanse: v.payments.clone(),
            tittel: Some(v.tittel.clone()),
            beskrivelse: v.beskrivelse.clone(),
            status: Some(VilkarStatus::Relevant),
        })
    }));
    events.extend(c.requirements.iter().map(|d| {
        Hendelse::Dokumentasjonkrav(Dokumentasjonkrav {
            hendelsestidspunkt: at(),
            dokumentasjonkravreferanse: d.referanse.clone(),
            saksreferanse: sak.clone(),
            utbetalingsreferanse: d.payments.clone(),
            tittel: Some(d.tittel.clone()),
            beskrivelse: d.beskrivelse.clone(),
            frist: d.frist.map(deadline_tidspunkt),
            status: Some(DokumentasjonkravStatus::Relevant),
        })
    }));
    Ok(events)
}

/// One payment as an `utbetaling` event with everything it says now: status (planned, paid with the
/// date, stopped), amount in kroner (the format's unit; øre kept as decimals), due date, period, and
/// the recipient. The account number is written only when the citizen receives the money: the format
/// shows it only then, and a landlord's account is none of the page's business.
pub fn utbetaling(p: &Payment, saksreferanse: &str, tidspunkt: &str) -> Utbetaling {
    let (status, utbetalingsdato) = match p.status {
        PaymentStatus::Planned => (UtbetalingsStatus::PlanlagtUtbetaling, None),
        PaymentStatus::Paid { on } => (UtbetalingsStatus::Utbetalt, Some(on.to_string())),
        PaymentStatus::Stopped => (UtbetalingsStatus::Stoppet, None),
    };
    let (annen_mottaker, mottaker, kontonummer) = match &p.recipient {
        Recipient::Citizen { account } => (false, None, Some(account.as_str().to_owned())),
        Recipient::ThirdParty { name, .. } => (true, Some(name.clone()), None),
    };
    Utbetaling {
        hendelsestidspunkt: tidspunkt.to_owned(),
        utbetalingsreferanse: p.referanse.clone(),
        saksreferanse: Some(saksreferanse.to_owned()),
        rammevedtaksreferanse: None,
        status: Some(status),
        belop: Some(p.amount.as_kroner_f64()),
        beskrivelse: Some(p.description.clone()),
        forfallsdato: Some(p.due.to_string()),
        utbetalingsdato,
        fom: p.period.map(|(from, _)| from.to_string()),
        tom: p.period.map(|(_, to)| to.to_string()),
        annen_mottaker: Some(annen_mottaker),
        mottaker,
        kontonummer,
        utbetalingsmetode: Some(METHOD.to_owned()),
    }
}
