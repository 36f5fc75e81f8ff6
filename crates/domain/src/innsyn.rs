//! The innsyn fold: the citizen's view of a case (innsyn = insight) as a fold over the events
//! (hendelser) of a `digisos-soker.json`.
//!
//! [`fold`] is the one implementation of the fold rules in `contracts.md` ("Case insight"); the CLI's
//! `velferd innsyn` and the web page both call it. [`Innsyn`] serialises to exactly the contract's JSON
//! object (absent values as `null`, never left out).
//!
//! Where the contract leaves a case open, the choices are:
//! - Times that do not parse (only possible in a document that skipped schema validation) sort before
//!   all others, so they can never override a well-formed later event.
//! - An event changes only what it carries. A `saksStatus` without `tittel` keeps the sak's title, one
//!   without `status` keeps its status; the same holds for `utbetaling`, `vilkar` and
//!   `dokumentasjonkrav`. (The schema makes all those fields optional, so absence means "no news",
//!   not "erase".)
//! - Values the contract shows as never `null` get the format's defaults when no event ever carried
//!   them: a sak is `UNDER_BEHANDLING` and titled [`STANDARD_SAKSTITTEL`], a payment is
//!   `PLANLAGT_UTBETALING` with amount 0 and an empty `saksreferanse` (NAV's own innsyn does the
//!   same), a vilkår or dokumentasjonkrav without `tittel` shows its `beskrivelse` (or nothing).
//! - `OPPFYLT` and `IKKE_OPPFYLT` count as `RELEVANT` (the schema says so), as does a vilkår or
//!   dokumentasjonkrav that never carried a status.
//! - Hidden entries (`FEILREGISTRERT` saker, `ANNULLERT` payments, non-relevant vilkår and krav) are
//!   kept while folding: a later event may bring them back, in their first-seen place.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use velferd_formats::soker::{self, DigisosSoker, Hendelse, SoknadsStatusVerdi, Utfall};

/// Title of a sak no event has given a title (what NAV's own innsyn shows).
pub const STANDARD_SAKSTITTEL: &str = "Økonomisk sosialhjelp";

/// The citizen's view of one application.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Innsyn {
    /// The latest status of the application; `None` before any `soknadsStatus`.
    pub status: Option<SoknadsStatusVerdi>,
    /// The office handling it now (four-digit NORG number).
    pub nav_kontor: Option<String>,
    /// Whether the office has sent a preliminary answer (processing takes longer than usual).
    pub forelopig_svar: bool,
    pub saker: Vec<Sak>,
    pub utbetalinger: Vec<Utbetaling>,
    /// What the citizen is asked to send (from the latest `dokumentasjonEtterspurt`).
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

/// Status of a shown sak (a `FEILREGISTRERT` sak is not shown, so it has no value here).
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
    /// `YYYY-MM-DD`: the date of the `vedtakFattet` event.
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
    /// Deadline, as the office wrote it (`tidspunkt`).
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
    /// Deadline, as the office wrote it (`tidspunkt`).
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

/// Rule 1: by `hendelsestidspunkt`, equal times in file order (`sort_by_key` is stable).
/// Times are compared as instants, not as strings: `…00.1Z` is before `…00.134Z`, which a string
/// comparison gets wrong because the number of fraction digits varies.
pub(crate) fn in_time_order(hendelser: &[Hendelse]) -> Vec<&Hendelse> {
    let mut keyed: Vec<_> = hendelser.iter().map(|h| (tidspunkt(h.hendelsestidspunkt()), h)).collect();
    // `None` (unparseable) sorts first.
    keyed.sort_by_key(|(when, _)| *when);
    keyed.into_iter().map(|(_, h)| h).collect()
}

pub(crate) fn tidspunkt(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok().or_else(|| {
        // The schema's pattern has an unescaped `.` before the fraction, so it also accepts e.g.
        // `13:37:00,134Z`; read any separator there as the decimal point.
        let separator = text.get(19..20).filter(|s| *s != ".")?;
        let mut fixed = text.to_owned();
        fixed.replace_range(19..19 + separator.len(), ".");
        OffsetDateTime::parse(&fixed, &Rfc3339).ok()
    })
}

/// The date part of a `tidspunkt` as written (UTC in a valid document).
fn dato(tidspunkt: &str) -> String {
    tidspunkt.get(..10).unwrap_or(tidspunkt).to_owned()
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
    /// `None` means `FEILREGISTRERT`: the sak exists but is not shown.
    status: Option<SakStatus>,
    vedtak: Vec<Vedtak>,
}

impl SakState {
    fn new(referanse: &str) -> Self {
        SakState {
            referanse: referanse.to_owned(),
            tittel: None,
            status: Some(SakStatus::UnderBehandling),
            vedtak: vec![],
        }
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
                if let Some(status) = h.status {
                    sak.status = match status {
                        soker::SaksStatusVerdi::UnderBehandling => Some(SakStatus::UnderBehandling),
                        soker::SaksStatusVerdi::IkkeInnsyn => Some(SakStatus::IkkeInnsyn),
                        soker::SaksStatusVerdi::BehandlesIkke => Some(SakStatus::BehandlesIkke),
                        soker::SaksStatusVerdi::Feilregistrert => None,
                    };
                }
            }
            Hendelse::VedtakFattet(h) => {
                let sak = upsert(&mut self.saker, &h.saksreferanse, |s| &s.referanse, SakState::new);
                sak.vedtak.push(Vedtak { utfall: h.utfall, dato: dato(&h.hendelsestidspunkt), brev: Some(h.vedtaksfil.referanse.clone()) });
                // Also for a sak marked FEILREGISTRERT: its latest status is now FERDIGBEHANDLET.
                sak.status = Some(SakStatus::Ferdigbehandlet);
            }
            Hendelse::Utbetaling(h) => {
                let utbetaling = upsert(
                    &mut self.utbetalinger,
                    &h.utbetalingsreferanse,
                    |u| &u.referanse,
                    |r| UtbetalingState { referanse: r.to_owned(), ..UtbetalingState::default() },
                );
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
                    .map(|d| Oppgave {
                        dokumenttype: d.dokumenttype.clone(),
                        tilleggsinformasjon: d.tilleggsinformasjon.clone(),
                        innsendelsesfrist: d.innsendelsesfrist.clone(),
                    })
                    .collect();
            }
            Hendelse::Vilkar(h) => {
                let vilkar = upsert(&mut self.vilkar, &h.vilkarreferanse, |k| &k.referanse, KravState::new);
                carry(&mut vilkar.tittel, &h.tittel);
                carry(&mut vilkar.beskrivelse, &h.beskrivelse);
                carry(&mut vilkar.status, &h.status);
            }
            Hendelse::Dokumentasjonkrav(h) => {
                let krav = upsert(
                    &mut self.dokumentasjonkrav,
                    &h.dokumentasjonkravreferanse,
                    |k| &k.referanse,
                    KravState::new,
                );
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
        Innsyn {
            status: self.status,
            nav_kontor: self.nav_kontor,
            forelopig_svar: self.forelopig_svar,
            saker: self
                .saker
                .into_iter()
                .filter_map(|s| {
                    Some(Sak {
                        status: s.status?,
                        tittel: s.tittel.unwrap_or_else(|| STANDARD_SAKSTITTEL.to_owned()),
                        referanse: s.referanse,
                        vedtak: s.vedtak,
                    })
                })
                .collect(),
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
            oppgaver: self.oppgaver,
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
