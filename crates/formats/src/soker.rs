//! `digisos-soker.json`: the case events (hendelser) the office produces, from which the citizen's
//! view of the case (innsyn) is folded.
//!
//! The types follow the schema in `digisos/json/digisos/soker`: what the schema requires is required
//! here, everything else is an `Option` (or an empty list), and fields the schema does not name are
//! ignored, because the schema allows them. A hendelse whose `type` this version does not know is kept
//! as [`Hendelse::Ukjent`] so that a newer producer does not break the reader; a hendelse of a known
//! type whose fields are wrong is an error, never silently skipped.
//!
//! Timestamps (`tidspunkt`, `2018-10-04T13:37:00.134Z`) and dates (`dato`, `2018-10-04`) stay the
//! strings the document holds: this crate only knows the format, the domain interprets them.

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A whole `digisos-soker.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigisosSoker {
    /// The filformat version (semver), e.g. `1.0.0`.
    pub version: String,
    pub avsender: Avsender,
    /// In any order: readers sort by `hendelsestidspunkt`.
    pub hendelser: Vec<Hendelse>,
}

impl DigisosSoker {
    /// Parses a document. This checks the structure serde needs, not every schema rule (patterns,
    /// `minItems`): run [`crate::validate`] with [`crate::Kind::DigisosSoker`] for that.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// A document around stored events given as (type, JSON text): each is parsed straight into its
    /// typed hendelse, without an intermediate `Value` (the citizen's view folds thousands of them).
    pub fn from_event_texts(systemnavn: &str, events: &[(String, String)]) -> Result<Self, serde_json::Error> {
        Ok(DigisosSoker {
            version: "1.0.0".to_owned(),
            avsender: Avsender { systemnavn: systemnavn.to_owned(), systemversjon: env!("CARGO_PKG_VERSION").to_owned() },
            hendelser: events.iter().map(|(kind, text)| Hendelse::from_json_of_type(kind, text)).collect::<Result<_, _>>()?,
        })
    }

    /// A document around stored events (each one hendelse as JSON), as written by `systemnavn`.
    pub fn from_events(systemnavn: &str, events: Vec<serde_json::Value>) -> Result<Self, serde_json::Error> {
        serde_json::from_value(serde_json::json!({
            "version": "1.0.0",
            "avsender": {"systemnavn": systemnavn, "systemversjon": env!("CARGO_PKG_VERSION")},
            "hendelser": events,
        }))
    }
}

/// The system that wrote the document (fagsystem), for tracing bad data back to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avsender {
    pub systemnavn: String,
    pub systemversjon: String,
}

/// One event (hendelse), tagged by its `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Hendelse {
    /// A (new) office handles the application.
    #[serde(rename = "tildeltNavKontor")]
    TildeltNavKontor(TildeltNavKontor),
    /// New status of the application as a whole.
    #[serde(rename = "soknadsStatus")]
    SoknadsStatus(SoknadsStatus),
    /// A decision (vedtak) was made in a case (sak).
    #[serde(rename = "vedtakFattet")]
    VedtakFattet(VedtakFattet),
    /// The caseworker asks the citizen for more documents.
    #[serde(rename = "dokumentasjonEtterspurt")]
    DokumentasjonEtterspurt(DokumentasjonEtterspurt),
    /// A preliminary answer: the processing takes longer than usual.
    #[serde(rename = "forelopigSvar")]
    ForelopigSvar(ForelopigSvar),
    /// A case (sak) within the application was created or changed status.
    #[serde(rename = "saksStatus")]
    SaksStatus(SaksStatus),
    /// A payment (utbetaling), new or changed.
    #[serde(rename = "utbetaling")]
    Utbetaling(Utbetaling),
    /// A condition (vilkår) attached to a decision.
    #[serde(rename = "vilkar")]
    Vilkar(Vilkar),
    /// A documentation requirement attached to a decision.
    #[serde(rename = "dokumentasjonkrav")]
    Dokumentasjonkrav(Dokumentasjonkrav),
    /// A framework decision (rammevedtak) payments can belong to.
    #[serde(rename = "rammevedtak")]
    Rammevedtak(Rammevedtak),
    /// A type this version does not know, kept whole (its own `type` field included).
    #[serde(untagged)]
    Ukjent(UkjentHendelse),
}

impl Hendelse {
    /// When it happened, as written (`tidspunkt`: ISO 8601, UTC).
    pub fn hendelsestidspunkt(&self) -> &str {
        match self {
            Hendelse::TildeltNavKontor(h) => &h.hendelsestidspunkt,
            Hendelse::SoknadsStatus(h) => &h.hendelsestidspunkt,
            Hendelse::VedtakFattet(h) => &h.hendelsestidspunkt,
            Hendelse::DokumentasjonEtterspurt(h) => &h.hendelsestidspunkt,
            Hendelse::ForelopigSvar(h) => &h.hendelsestidspunkt,
            Hendelse::SaksStatus(h) => &h.hendelsestidspunkt,
            Hendelse::Utbetaling(h) => &h.hendelsestidspunkt,
            Hendelse::Vilkar(h) => &h.hendelsestidspunkt,
            Hendelse::Dokumentasjonkrav(h) => &h.hendelsestidspunkt,
            Hendelse::Rammevedtak(h) => &h.hendelsestidspunkt,
            Hendelse::Ukjent(h) => &h.hendelsestidspunkt,
        }
    }

    /// The `type` as the format spells it.
    pub fn type_name(&self) -> &str {
        match self {
            Hendelse::TildeltNavKontor(_) => "tildeltNavKontor",
            Hendelse::SoknadsStatus(_) => "soknadsStatus",
            Hendelse::VedtakFattet(_) => "vedtakFattet",
            Hendelse::DokumentasjonEtterspurt(_) => "dokumentasjonEtterspurt",
            Hendelse::ForelopigSvar(_) => "forelopigSvar",
            Hendelse::SaksStatus(_) => "saksStatus",
            Hendelse::Utbetaling(_) => "utbetaling",
            Hendelse::Vilkar(_) => "vilkar",
            Hendelse::Dokumentasjonkrav(_) => "dokumentasjonkrav",
            Hendelse::Rammevedtak(_) => "rammevedtak",
            Hendelse::Ukjent(h) => &h.kind,
        }
    }
}

// Written by hand rather than derived: serde's derived fallback (`#[serde(untagged)]` variant) would
// also catch a *known* type with a wrong field and turn a malformed `utbetaling` into an ignored
// unknown event. Here the `type` alone picks the variant, and that variant's errors are reported.
impl Hendelse {
    /// Parses one hendelse whose `type` is already known (the store keeps it in a column written
    /// from the payload's own `type`), straight into its variant. Unknown kinds take the general path.
    pub fn from_json_of_type(kind: &str, text: &str) -> Result<Hendelse, serde_json::Error> {
        Ok(match kind {
            "tildeltNavKontor" => Hendelse::TildeltNavKontor(serde_json::from_str(text)?),
            "soknadsStatus" => Hendelse::SoknadsStatus(serde_json::from_str(text)?),
            "vedtakFattet" => Hendelse::VedtakFattet(serde_json::from_str(text)?),
            "dokumentasjonEtterspurt" => Hendelse::DokumentasjonEtterspurt(serde_json::from_str(text)?),
            "forelopigSvar" => Hendelse::ForelopigSvar(serde_json::from_str(text)?),
            "saksStatus" => Hendelse::SaksStatus(serde_json::from_str(text)?),
            "utbetaling" => Hendelse::Utbetaling(serde_json::from_str(text)?),
            "vilkar" => Hendelse::Vilkar(serde_json::from_str(text)?),
            "dokumentasjonkrav" => Hendelse::Dokumentasjonkrav(serde_json::from_str(text)?),
            "rammevedtak" => Hendelse::Rammevedtak(serde_json::from_str(text)?),
            _ => serde_json::from_str(text)?,
        })
    }
}

impl<'de> Deserialize<'de> for Hendelse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fn variant<T: DeserializeOwned, E: de::Error>(kind: &str, value: Value) -> Result<T, E> {
            T::deserialize(value).map_err(|e| E::custom(format_args!("hendelse of type {kind:?}: {e}")))
        }

        let value = Value::deserialize(deserializer)?;
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.clone(),
            Some(_) => return Err(de::Error::custom("hendelse: \"type\" must be a string")),
            None => return Err(de::Error::missing_field("type")),
        };
        Ok(match kind.as_str() {
            "tildeltNavKontor" => Hendelse::TildeltNavKontor(variant(&kind, value)?),
            "soknadsStatus" => Hendelse::SoknadsStatus(variant(&kind, value)?),
            "vedtakFattet" => Hendelse::VedtakFattet(variant(&kind, value)?),
            "dokumentasjonEtterspurt" => Hendelse::DokumentasjonEtterspurt(variant(&kind, value)?),
            "forelopigSvar" => Hendelse::ForelopigSvar(variant(&kind, value)?),
            "saksStatus" => Hendelse::SaksStatus(variant(&kind, value)?),
            "utbetaling" => Hendelse::Utbetaling(variant(&kind, value)?),
            "vilkar" => Hendelse::Vilkar(variant(&kind, value)?),
            "dokumentasjonkrav" => Hendelse::Dokumentasjonkrav(variant(&kind, value)?),
            "rammevedtak" => Hendelse::Rammevedtak(variant(&kind, value)?),
            _ => Hendelse::Ukjent(variant(&kind, value)?),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TildeltNavKontor {
    pub hendelsestidspunkt: String,
    /// The office's four-digit NORG number, e.g. `0301`.
    pub nav_kontor: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SoknadsStatusVerdi {
    Mottatt,
    UnderBehandling,
    Ferdigbehandlet,
    BehandlesIkke,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoknadsStatus {
    pub hendelsestidspunkt: String,
    pub status: SoknadsStatusVerdi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Utfall {
    Innvilget,
    DelvisInnvilget,
    Avslatt,
    Avvist,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VedtakFattet {
    pub hendelsestidspunkt: String,
    /// The sak the decision belongs to (the `referanse` of a `saksStatus`).
    pub saksreferanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utfall: Option<Utfall>,
    /// The decision letter (PDF).
    pub vedtaksfil: Vedtaksfil,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vedlegg: Vec<Vedlegg>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vedtaksfil {
    pub referanse: Filreferanse,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DokumentasjonEtterspurt {
    pub hendelsestidspunkt: String,
    /// The letter (forvaltningsbrev) that asks for the documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forvaltningsbrev: Option<Forvaltningsbrev>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vedlegg: Vec<Vedlegg>,
    /// Everything asked for now; it replaces what earlier events asked for.
    pub dokumenter: Vec<EtterspurtDokument>,
}

/// One document the caseworker asks for (an oppgave for the citizen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EtterspurtDokument {
    /// Predefined or free text, e.g. `Strømfaktura`.
    pub dokumenttype: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tilleggsinformasjon: Option<String>,
    /// Deadline (`tidspunkt`).
    pub innsendelsesfrist: String,
    /// Sent back in `vedlegg.json` when the citizen answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dokumentreferanse: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForelopigSvar {
    pub hendelsestidspunkt: String,
    pub forvaltningsbrev: Forvaltningsbrev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vedlegg: Vec<Vedlegg>,
}

/// Status of a sak as `saksStatus` sets it. `FERDIGBEHANDLET` is not here: only a vedtak makes a sak
/// finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SaksStatusVerdi {
    UnderBehandling,
    /// Processed, but the citizen gets no insight (e.g. not economic social assistance).
    IkkeInnsyn,
    BehandlesIkke,
    /// Registered by mistake: not shown.
    Feilregistrert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaksStatus {
    pub hendelsestidspunkt: String,
    /// The sak's reference, which `vedtakFattet`, `utbetaling` and others point to.
    pub referanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tittel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SaksStatusVerdi>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UtbetalingsStatus {
    PlanlagtUtbetaling,
    Utbetalt,
    Stoppet,
    /// Cancelled (e.g. registered by mistake): not shown.
    Annullert,
}

/// A payment. Every field but the reference is optional: a later event about the same
/// `utbetalingsreferanse` may carry only what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Utbetaling {
    pub hendelsestidspunkt: String,
    pub utbetalingsreferanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saksreferanse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rammevedtaksreferanse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UtbetalingsStatus>,
    /// Amount in kroner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belop: Option<f64>,
    /// What it is for (livsopphold, strøm, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivelse: Option<String>,
    /// Due date (`dato`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forfallsdato: Option<String>,
    /// Date the money reached the account (`dato`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utbetalingsdato: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tom: Option<String>,
    /// Whether someone other than the citizen (e.g. the landlord) receives the money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annen_mottaker: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mottaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kontonummer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utbetalingsmetode: Option<String>,
}

/// Status of a vilkår. `OPPFYLT` and `IKKE_OPPFYLT` are deprecated; the format says to read them as
/// `RELEVANT` (see [`VilkarStatus::is_relevant`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum VilkarStatus {
    Relevant,
    Annullert,
    Oppfylt,
    IkkeOppfylt,
}

impl VilkarStatus {
    /// `RELEVANT`, or one of the deprecated values the format defines as meaning `RELEVANT`.
    pub fn is_relevant(self) -> bool {
        matches!(self, VilkarStatus::Relevant | VilkarStatus::Oppfylt | VilkarStatus::IkkeOppfylt)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vilkar {
    pub hendelsestidspunkt: String,
    pub vilkarreferanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saksreferanse: Option<String>,
    /// The payments the condition applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub utbetalingsreferanse: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tittel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivelse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VilkarStatus>,
}

/// Status of a dokumentasjonkrav. `OPPFYLT` and `IKKE_OPPFYLT` are deprecated; the format says to
/// read them as `RELEVANT` (see [`DokumentasjonkravStatus::is_relevant`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DokumentasjonkravStatus {
    Relevant,
    /// Delivered through another channel, or covered by another document.
    LevertTidligere,
    Annullert,
    Oppfylt,
    IkkeOppfylt,
}

impl DokumentasjonkravStatus {
    /// `RELEVANT`, or one of the deprecated values the format defines as meaning `RELEVANT`.
    pub fn is_relevant(self) -> bool {
        matches!(self, DokumentasjonkravStatus::Relevant | DokumentasjonkravStatus::Oppfylt | DokumentasjonkravStatus::IkkeOppfylt)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dokumentasjonkrav {
    pub hendelsestidspunkt: String,
    pub dokumentasjonkravreferanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saksreferanse: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub utbetalingsreferanse: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tittel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivelse: Option<String>,
    /// Deadline (`tidspunkt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frist: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DokumentasjonkravStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rammevedtak {
    pub hendelsestidspunkt: String,
    pub rammevedtaksreferanse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saksreferanse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivelse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belop: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tom: Option<String>,
}

/// A hendelse of a type this version does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UkjentHendelse {
    #[serde(rename = "type")]
    pub kind: String,
    pub hendelsestidspunkt: String,
    /// Every other field, as written.
    #[serde(flatten)]
    pub felter: Map<String, Value>,
}

/// A letter to the citizen (PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forvaltningsbrev {
    pub referanse: Filreferanse,
}

/// An attachment to a decision letter or another letter (PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vedlegg {
    pub tittel: String,
    pub referanse: Filreferanse,
}

/// Where a file is stored in FIKS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Filreferanse {
    /// A file in a SvarUt shipment: the shipment's UUID and the file's number in it.
    Svarut { id: String, nr: i64 },
    /// A document in Dokumentlager, by UUID.
    Dokumentlager { id: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, Kind};

    const KOMPLETT: &str = include_str!("../digisos/fixtures/digisos/soker/komplett.json");
    const NYE_FELTER: &str = include_str!("../digisos/fixtures/digisos/soker/kan-ha-nye-felter.json");

    #[test]
    fn komplett_parses_and_writes_back_the_same_document() {
        let doc = DigisosSoker::from_json(KOMPLETT).expect("komplett parses");
        assert_eq!(doc.hendelser.len(), 18);
        assert!(doc.hendelser.iter().all(|h| !matches!(h, Hendelse::Ukjent(_))));
        let written = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(written, serde_json::from_str::<Value>(KOMPLETT).expect("json"));
        assert_eq!(validate(Kind::DigisosSoker, &written).expect("schema compiles"), vec![]);
    }

    #[test]
    fn fields_the_schema_does_not_name_are_ignored() {
        let doc = DigisosSoker::from_json(NYE_FELTER).expect("kan-ha-nye-felter parses");
        assert_eq!(doc.hendelser.len(), 1);
        assert_eq!(doc.hendelser[0].type_name(), "soknadsStatus");
    }

    #[test]
    fn an_unknown_type_is_kept_and_written_back() {
        let json = r#"{"type":"nyHendelse","hendelsestidspunkt":"2026-01-01T00:00:00.000Z","x":[1]}"#;
        let h: Hendelse = serde_json::from_str(json).expect("parses");
        let Hendelse::Ukjent(ukjent) = &h else { panic!("expected Ukjent, got {h:?}") };
        assert_eq!(ukjent.kind, "nyHendelse");
        assert_eq!(h.type_name(), "nyHendelse");
        assert_eq!(h.hendelsestidspunkt(), "2026-01-01T00:00:00.000Z");
        assert_eq!(serde_json::to_value(&h).expect("serialises"), serde_json::from_str::<Value>(json).expect("json"));
    }

    #[test]
    fn a_known_type_with_a_bad_field_is_an_error_not_an_unknown_event() {
        let missing = r#"{"type":"utbetaling","hendelsestidspunkt":"2026-01-01T00:00:00.000Z"}"#;
        let err = serde_json::from_str::<Hendelse>(missing).expect_err("must fail").to_string();
        assert!(err.contains("utbetaling") && err.contains("utbetalingsreferanse"), "{err}");
        let wrong = r#"{"type":"soknadsStatus","hendelsestidspunkt":"2026-01-01T00:00:00.000Z","status":"LEST"}"#;
        assert!(serde_json::from_str::<Hendelse>(wrong).is_err());
        assert!(serde_json::from_str::<Hendelse>(r#"{"hendelsestidspunkt":"x"}"#).is_err());
    }

    #[test]
    fn deprecated_statuses_read_as_relevant() {
        assert!(VilkarStatus::Oppfylt.is_relevant());
        assert!(!VilkarStatus::Annullert.is_relevant());
        assert!(DokumentasjonkravStatus::IkkeOppfylt.is_relevant());
        assert!(!DokumentasjonkravStatus::LevertTidligere.is_relevant());
    }

    #[test]
    fn parsing_by_known_type_gives_the_same_hendelser() {
        let text = include_str!("../digisos/fixtures/digisos/soker/komplett.json");
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        for h in doc["hendelser"].as_array().unwrap() {
            let kind = h["type"].as_str().unwrap();
            let general: Hendelse = serde_json::from_value(h.clone()).unwrap();
            assert_eq!(Hendelse::from_json_of_type(kind, &h.to_string()).unwrap(), general, "{kind}");
        }
    }
}
