//! The innsyn fold: the citizen's view of a case (innsyn = insight) as a fold over the events
//! (hendelser) of a `digisos-soker.json`.
//!
//! [`fold`] is the one implementation of the fold rules in `contracts.md` ("Case insight"); the CLI's
//! `velferd innsyn` and the web page both call it. [`Innsyn`] serialises to exactly the contract's JSON
//! object (absent values as `null`, never left out).
//!
//! The rules follow NAV's own innsyn service (navikt/sosialhjelp-innsyn-api), so that a case reads the
//! same here as on nav.no. Where the contract leaves a case open, the choices are:
//! - Times that do not parse (only possible in a document that skipped schema validation) sort before
//!   all others, so they can never override a well-formed later event.
//! - Rule 1's tie-breaks at one instant: the events a tie-break orders swap places among themselves
//!   (the `utbetaling`, `vilkar` and `dokumentasjonkrav` events, with every `utbetaling` first; the
//!   `soknadsStatus` MOTTATT and UNDER_BEHANDLING events, MOTTATT first), each keeping its file order
//!   within its kind; every other event keeps its place in the file. So the result never depends on
//!   the sorting algorithm, which a pairwise comparator (NAV's) leaves open for three or more events.
//! - An event changes only what it carries. A `saksStatus` without `tittel` keeps the sak's title, one
//!   without `status` keeps its status; the same holds for `utbetaling`, `vilkar` and
//!   `dokumentasjonkrav`. (The schema makes all those fields optional, so absence means "no news",
//!   not "erase".)
//! - A sak whose latest `saksStatus` is `FEILREGISTRERT` stays hidden even when it has a vedtak, before
//!   or after: the case system said the sak was registered in error (NAV's service does the same).
//! - Values the contract shows as never `null` get the format's defaults when no event ever carried
//!   them: a sak is `UNDER_BEHANDLING` and titled [`STANDARD_SAKSTITTEL`], a payment is
//!   `PLANLAGT_UTBETALING` with amount 0 and an empty `saksreferanse` (NAV's own innsyn does the
//!   same), a vilkår or dokumentasjonkrav without `tittel` shows its `beskrivelse` (or nothing).
//! - `OPPFYLT` and `IKKE_OPPFYLT` count as `RELEVANT` (the schema says so), as does a vilkår or
//!   dokumentasjonkrav that never carried a status.
//! - Hidden entries (`FEILREGISTRERT` saker, `ANNULLERT` payments, non-relevant vilkår and krav) are
//!   kept while folding: a later event may bring them back, in their first-seen place.
//! - A vedtak's `dato` is the date in Norway of its `hendelsestidspunkt` (rule 7); deadlines
//!   (`innsendelsesfrist`, `frist`) stay the instants the office wrote, and whoever shows them shows
//!   their date in Norway ([`crate::dates::norwegian_date`]).

use serde::Serialize;
use velferd_formats::soker::{self, DigisosSoker, Hendelse, SoknadsStatusVerdi, Utfall};

/// The formats' `tidspunkt` as an instant; kept under this name for the modules that read it from here.
pub(crate) use crate::dates::parse_tidspunkt as tidspunkt;
use crate::dates::{oslo_date, parse_tidspunkt};

/// Title of a sak no event has given a title (what NAV's own innsyn shows).
pub const STANDARD_SAKSTITTEL: &str = "Økonomisk sosialhjelp";

/// The citizen's view of one application.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Innsyn {
    /// The latest status of the application (rule 2): the latest `soknadsStatus`, except that
    /// `FERDIGBEHANDLET` reads as `UNDER_BEHANDLING` while a shown sak without a vedtak is still
    /// `UNDER_BEHANDLING`. `None` before any `soknadsStatus`.
    pub status: Option<SoknadsStatusVerdi>,
    /// The office handling it now (four-digit NORG number).
    pub nav_kontor: Option<String>,
    /// Whether the office has sent a preliminary answer (processing takes longer than usual).
    pub forelopig_svar: bool,
    pub saker: Vec<Sak>,
    pub utbetalinger: Vec<Utbetaling>,
    /// What the citizen is asked to send (from the latest `dokumentasjonEtterspurt`); empty once
    /// [`Innsyn::status`] is `FERDIGBEHANDLET`.
    pub oppgaver: Vec<Oppgave>,
    pub vilkar: Vec<Vilkar>,
    pub dokumentasjonkrav: Vec<Dokumentasjonkrav>,
}

impl Innsyn {
    /// The case is over: processed or not to be processed, and no payment still to come. Only a
    /// closed case may be deleted when its retention period has passed.
    pub fn is_closed(&self) -> bool {
        matches!(self.status, Some(SoknadsStatusVerdi::Ferdigbehandlet | SoknadsStatusVerdi::BehandlesIkke))
            && !self.utbetalinger.iter().any(|u| u.status == UtbetalingStatus::PlanlagtUtbetaling)
    }
}

/// A case (sak) within the application, usually one kind of support.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sak {
    pub referanse: String,
    pub tittel: String,
    pub status: SakStatus,
    /// In the order they were made.
    pub vedtak: Vec<Vedtak>,
}

/// Status of a shown sak (a `FEILREGISTRERT` sak is not shown, so it has no value here). A sak with a
/// vedtak is `FERDIGBEHANDLET` whatever `saksStatus` came after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SakStatus {
    UnderBehandling,
    Ferdigbehandlet,
    IkkeInnsyn,
    BehandlesIkke,
}

/// A decision (vedtak).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vedtak {
    pub utfall: Option<Utfall>,
    /// `YYYY-MM-DD`: the date in Norway (Europe/Oslo) of the `vedtakFattet` event's
    /// `hendelsestidspunkt`, so a decision at 22:30Z on 30 June is dated `…-07-01`.
    pub dato: String,
    /// The decision letter. Not part of `velferd innsyn`'s output; the web page links to it.
    #[serde(skip)]
    pub brev: Option<velferd_formats::soker::Filreferanse>,
}

/// A payment (utbetaling).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Utbetaling {
    pub referanse: String,
    pub saksreferanse: String,
    pub status: UtbetalingStatus,
    /// Kroner.
    pub belop: f64,
    pub forfallsdato: Option<String>,
    pub utbetalingsdato: Option<String>,
}

/// Status of a shown payment (an `ANNULLERT` one is not shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UtbetalingStatus {
    PlanlagtUtbetaling,
    Utbetalt,
    Stoppet,
}

/// A document the citizen is asked to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Oppgave {
    pub dokumenttype: String,
    pub tilleggsinformasjon: Option<String>,
    /// Deadline, the instant the office wrote (`tidspunkt`, usually midnight in Norway, e.g.
    /// `2026-06-30T22:00:00.000Z` for 1 July); show it with [`crate::dates::norwegian_date`].
    pub innsendelsesfrist: String,
}

/// A condition (vilkår) the citizen must meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vilkar {
    pub referanse: String,
    pub tittel: String,
}

/// A documentation requirement (dokumentasjonkrav) the citizen must meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dokumentasjonkrav {
    pub referanse: String,
    pub tittel: String,
    /// Deadline, the instant the office wrote (`tidspunkt`); show it with
    /// [`crate::dates::norwegian_date`].
    pub frist: Option<String>,
}

/// Folds the document's events into the citizen's view. Pure: the same document always gives the same
/// view, whatever the order of its events.
pub fn fold(doc: &DigisosSoker) -> Innsyn {
    let mut state = State::default();
    for hendelse in in_time_order(&doc.hendelser) {
        state.apply(hendelse);
    }
    state.into_view()
}

/// Rule 1: by `hendelsestidspunkt` compared as instants, then the tie-breaks at one instant (see the
/// module comment), else file order (`sort_by_key` is stable). Comparing instants, not strings,
/// matters: `…00.1Z` is before `…00.134Z`, which a string comparison gets wrong because the number of
/// fraction digits varies.
pub(crate) fn in_time_order(hendelser: &[Hendelse]) -> Vec<&Hendelse> {
    let mut keyed: Vec<_> = hendelser.iter().map(|h| (parse_tidspunkt(h.hendelsestidspunkt()), h)).collect();
    // `None` (unparseable) sorts first.
    keyed.sort_by_key(|(when, _)| *when);
    let mut ordered: Vec<&Hendelse> = keyed.iter().map(|(_, h)| *h).collect();
    let mut start = 0;
    while start < keyed.len() {
        let len = keyed[start..].iter().take_while(|(when, _)| *when == keyed[start].0).count();
        order_same_instant(&mut ordered[start..start + len]);
        start += len;
    }
    ordered
}

/// The tie-breaks of rule 1, which only order events of one group among themselves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TieGroup {
    /// `utbetaling` (rank 0) before `vilkar` and `dokumentasjonkrav` (rank 1), so that conditions
    /// stated with a payment follow it (NAV links them to the payment this way).
    Payment,
    /// `soknadsStatus` MOTTATT (rank 0) before UNDER_BEHANDLING (rank 1).
    ApplicationStatus,
}

fn tie_rank(hendelse: &Hendelse) -> Option<(TieGroup, u8)> {
    match hendelse {
        Hendelse::Utbetaling(_) => Some((TieGroup::Payment, 0)),
        Hendelse::Vilkar(_) | Hendelse::Dokumentasjonkrav(_) => Some((TieGroup::Payment, 1)),
        Hendelse::SoknadsStatus(s) => match s.status {
            SoknadsStatusVerdi::Mottatt => Some((TieGroup::ApplicationStatus, 0)),
            SoknadsStatusVerdi::UnderBehandling => Some((TieGroup::ApplicationStatus, 1)),
            SoknadsStatusVerdi::Ferdigbehandlet | SoknadsStatusVerdi::BehandlesIkke => None,
        },
        _ => None,
    }
}

/// Orders one run of events with the same instant: each tie-break group's events are sorted (stably)
/// by rank into the places the group's events held; all other events stay where they are.
fn order_same_instant(run: &mut [&Hendelse]) {
    for group in [TieGroup::Payment, TieGroup::ApplicationStatus] {
        let places: Vec<usize> = (0..run.len()).filter(|&i| tie_rank(run[i]).is_some_and(|(g, _)| g == group)).collect();
        let mut members: Vec<&Hendelse> = places.iter().map(|&i| run[i]).collect();
        members.sort_by_key(|h| tie_rank(h).map(|(_, rank)| rank));
        for (place, hendelse) in places.into_iter().zip(members) {
            run[place] = hendelse;
        }
    }
}

/// The date in Norway of a `tidspunkt` (rule 7); for one that does not parse, its date part as written.
fn dato(tidspunkt: &str) -> String {
    oslo_date(tidspunkt).unwrap_or_else(|| tidspunkt.get(..10).unwrap_or(tidspunkt).to_owned())
}

/// What the fold remembers, including what is not shown (see the module comment).
/// Lists are in first-seen order, i.e. the order of first appearance in time order, not file order.
#[derive(Default)]
struct State {
    status: Option<SoknadsStatusVerdi>,
    nav_kontor: Option<String>,
    forelopig_svar: bool,
    saker: Vec<SakState>,
    utbetalinger: Vec<UtbetalingState>,
    oppgaver: Vec<Oppgave>,
    vilkar: Vec<KravState<soker::VilkarStatus>>,
    dokumentasjonkrav: Vec<KravState<soker::DokumentasjonkravStatus>>,
}

struct SakState {
    referanse: String,
    tittel: Option<String>,
    /// The latest status a `saksStatus` carried, if any did.
    status: Option<soker::SaksStatusVerdi>,
    vedtak: Vec<Vedtak>,
}

impl SakState {
    fn new(referanse: &str) -> Self {
        SakState { referanse: referanse.to_owned(), tittel: None, status: None, vedtak: vec![] }
    }

    /// Rule 3: hidden when the latest `saksStatus` is FEILREGISTRERT; else FERDIGBEHANDLET once it has
    /// a vedtak; else its latest `saksStatus`, UNDER_BEHANDLING when it has none.
    fn shown_status(&self) -> Option<SakStatus> {
        use soker::SaksStatusVerdi as Verdi;
        Some(match self.status {
            Some(Verdi::Feilregistrert) => return None,
            _ if !self.vedtak.is_empty() => SakStatus::Ferdigbehandlet,
            None | Some(Verdi::UnderBehandling) => SakStatus::UnderBehandling,
            Some(Verdi::IkkeInnsyn) => SakStatus::IkkeInnsyn,
            Some(Verdi::BehandlesIkke) => SakStatus::BehandlesIkke,
        })
    }
}

#[derive(Default)]
struct UtbetalingState {
    referanse: String,
    saksreferanse: Option<String>,
    status: Option<soker::UtbetalingsStatus>,
    belop: Option<f64>,
    forfallsdato: Option<String>,
    utbetalingsdato: Option<String>,
}

/// A vilkår or dokumentasjonkrav (they fold the same way; only vilkår has no `frist`).
struct KravState<S> {
    referanse: String,
    tittel: Option<String>,
    beskrivelse: Option<String>,
    frist: Option<String>,
    status: Option<S>,
}

impl<S> KravState<S> {
    fn new(referanse: &str) -> Self {
        KravState { referanse: referanse.to_owned(), tittel: None, beskrivelse: None, frist: None, status: None }
    }

    fn tittel(&self) -> String {
        self.tittel.as_ref().or(self.beskrivelse.as_ref()).cloned().unwrap_or_default()
    }
}

/// Finds the entry with this reference, or appends a new one (which keeps first-seen order).
fn upsert<'a, T>(list: &'a mut Vec<T>, referanse: &str, key: fn(&T) -> &str, new: fn(&str) -> T) -> &'a mut T {
    let index = match list.iter().position(|item| key(item) == referanse) {
        Some(index) => index,
        None => {
            list.push(new(referanse));
            list.len() - 1
        }
    };
    &mut list[index]
}

/// Overwrites `target` only when the event carries a value.
fn carry<T: Clone>(target: &mut Option<T>, value: &Option<T>) {
    if value.is_some() {
        target.clone_from(value);
    }
}

impl State {
    fn apply(&mut self, hendelse: &Hendelse) {
        match hendelse {
            Hendelse::SoknadsStatus(h) => self.status = Some(h.status),
            Hendelse::TildeltNavKontor(h) => self.nav_kontor = Some(h.nav_kontor.clone()),
            Hendelse::ForelopigSvar(_) => self.forelopig_svar = true,
            Hendelse::SaksStatus(h) => {
                let sak = upsert(&mut self.saker, &h.referanse, |s| &s.referanse, SakState::new);
                carry(&mut sak.tittel, &h.tittel);
                carry(&mut sak.status, &h.status);
            }
            // The sak's status follows from its vedtak when the view is made (rule 3).
            Hendelse::VedtakFattet(h) => {
                let sak = upsert(&mut self.saker, &h.saksreferanse, |s| &s.referanse, SakState::new);
                sak.vedtak.push(Vedtak { utfall: h.utfall, dato: dato(&h.hendelsestidspunkt), brev: Some(h.vedtaksfil.referanse.clone()) });
            }
            Hendelse::Utbetaling(h) => {
                let utbetaling =
                    upsert(&mut self.utbetalinger, &h.utbetalingsreferanse, |u| &u.referanse, |r| UtbetalingState { referanse: r.to_owned(), ..UtbetalingState::default() });
                carry(&mut utbetaling.saksreferanse, &h.saksreferanse);
                carry(&mut utbetaling.status, &h.status);
                carry(&mut utbetaling.belop, &h.belop);
                carry(&mut utbetaling.forfallsdato, &h.forfallsdato);
                carry(&mut utbetaling.utbetalingsdato, &h.utbetalingsdato);
            }
            // Rule 5: each request replaces the whole list; in time order the latest one is left.
            Hendelse::DokumentasjonEtterspurt(h) => {
                self.oppgaver = h
                    .dokumenter
                    .iter()
                    .map(|d| Oppgave { dokumenttype: d.dokumenttype.clone(), tilleggsinformasjon: d.tilleggsinformasjon.clone(), innsendelsesfrist: d.innsendelsesfrist.clone() })
                    .collect();
            }
            Hendelse::Vilkar(h) => {
                let vilkar = upsert(&mut self.vilkar, &h.vilkarreferanse, |k| &k.referanse, KravState::new);
                carry(&mut vilkar.tittel, &h.tittel);
                carry(&mut vilkar.beskrivelse, &h.beskrivelse);
                carry(&mut vilkar.status, &h.status);
            }
            Hendelse::Dokumentasjonkrav(h) => {
                let krav = upsert(&mut self.dokumentasjonkrav, &h.dokumentasjonkravreferanse, |k| &k.referanse, KravState::new);
                carry(&mut krav.tittel, &h.tittel);
                carry(&mut krav.beskrivelse, &h.beskrivelse);
                carry(&mut krav.frist, &h.frist);
                carry(&mut krav.status, &h.status);
            }
            // Not part of the citizen's view (yet), and types this version does not know.
            Hendelse::Rammevedtak(_) | Hendelse::Ukjent(_) => {}
        }
    }

    fn into_view(self) -> Innsyn {
        let saker: Vec<Sak> = self
            .saker
            .into_iter()
            .filter_map(|s| Some(Sak { status: s.shown_status()?, tittel: s.tittel.unwrap_or_else(|| STANDARD_SAKSTITTEL.to_owned()), referanse: s.referanse, vedtak: s.vedtak }))
            .collect();
        // Rule 2: the office may mark the application done while a sak is still being processed.
        let sak_in_progress = saker.iter().any(|s| s.vedtak.is_empty() && s.status == SakStatus::UnderBehandling);
        let status = match self.status {
            Some(SoknadsStatusVerdi::Ferdigbehandlet) if sak_in_progress => Some(SoknadsStatusVerdi::UnderBehandling),
            status => status,
        };
        // Rule 5: nothing is asked of the citizen in a finished application.
        let oppgaver = if status == Some(SoknadsStatusVerdi::Ferdigbehandlet) { vec![] } else { self.oppgaver };
        Innsyn {
            status,
            nav_kontor: self.nav_kontor,
            forelopig_svar: self.forelopig_svar,
            saker,
            utbetalinger: self
                .utbetalinger
                .into_iter()
                .filter_map(|u| {
                    let status = match u.status.unwrap_or(soker::UtbetalingsStatus::PlanlagtUtbetaling) {
                        soker::UtbetalingsStatus::PlanlagtUtbetaling => UtbetalingStatus::PlanlagtUtbetaling,
                        soker::UtbetalingsStatus::Utbetalt => UtbetalingStatus::Utbetalt,
                        soker::UtbetalingsStatus::Stoppet => UtbetalingStatus::Stoppet,
                        soker::UtbetalingsStatus::Annullert => return None,
                    };
                    Some(Utbetaling {
                        referanse: u.referanse,
                        saksreferanse: u.saksreferanse.unwrap_or_default(),
                        status,
                        belop: u.belop.unwrap_or(0.0),
                        forfallsdato: u.forfallsdato,
                        utbetalingsdato: u.utbetalingsdato,
                    })
                })
                .collect(),
            oppgaver,
            vilkar: self
                .vilkar
                .into_iter()
                .filter(|k| k.status.is_none_or(soker::VilkarStatus::is_relevant))
                .map(|k| Vilkar { tittel: k.tittel(), referanse: k.referanse })
                .collect(),
            dokumentasjonkrav: self
                .dokumentasjonkrav
                .into_iter()
                .filter(|k| k.status.is_none_or(soker::DokumentasjonkravStatus::is_relevant))
                .map(|k| Dokumentasjonkrav { tittel: k.tittel(), referanse: k.referanse, frist: k.frist })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order(hendelser: serde_json::Value) -> Vec<String> {
        let doc: DigisosSoker = serde_json::from_value(json!({"version": "1.0.0", "avsender": {"systemnavn": "t", "systemversjon": "1"}, "hendelser": hendelser})).expect("parses");
        in_time_order(&doc.hendelser)
            .into_iter()
            .map(|h| match h {
                Hendelse::SoknadsStatus(s) => format!("{:?}", s.status),
                Hendelse::Utbetaling(u) => format!("utbetaling {}", u.utbetalingsreferanse),
                Hendelse::Vilkar(v) => format!("vilkar {}", v.vilkarreferanse),
                Hendelse::Dokumentasjonkrav(d) => format!("krav {}", d.dokumentasjonkravreferanse),
                other => other.type_name().to_owned(),
            })
            .collect()
    }

    const AT: &str = "2026-04-10T12:00:00.000Z";

    #[test]
    fn at_one_instant_payments_come_before_conditions_and_everything_else_keeps_its_place() {
        let v = |r: &str| json!({"type": "vilkar", "hendelsestidspunkt": AT, "vilkarreferanse": r});
        let d = |r: &str| json!({"type": "dokumentasjonkrav", "hendelsestidspunkt": AT, "dokumentasjonkravreferanse": r});
        let u = |r: &str| json!({"type": "utbetaling", "hendelsestidspunkt": AT, "utbetalingsreferanse": r});
        let kontor = json!({"type": "tildeltNavKontor", "hendelsestidspunkt": AT, "navKontor": "0301"});
        let earlier = json!({"type": "vilkar", "hendelsestidspunkt": "2026-04-10T11:59:59.999Z", "vilkarreferanse": "V0"});
        assert_eq!(
            order(json!([v("V1"), kontor, d("D1"), u("P1"), v("V2"), u("P2"), earlier])),
            ["vilkar V0", "utbetaling P1", "tildeltNavKontor", "utbetaling P2", "vilkar V1", "krav D1", "vilkar V2"]
        );
    }

    #[test]
    fn at_one_instant_mottatt_comes_before_under_behandling() {
        let s = |status: &str| json!({"type": "soknadsStatus", "hendelsestidspunkt": AT, "status": status});
        assert_eq!(
            order(json!([s("UNDER_BEHANDLING"), s("FERDIGBEHANDLET"), s("MOTTATT"), s("BEHANDLES_IKKE")])),
            ["Mottatt", "Ferdigbehandlet", "UnderBehandling", "BehandlesIkke"]
        );
    }
}
