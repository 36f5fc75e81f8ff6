//! Appeals (klage) against a decision, in the Digisos formats.
//!
//! Two sources describe them and they do not agree, so both shapes are here:
//!
//! - `digisos/klage-filformat.md` (NAV's description of the flow through Fiks Digisos) specifies
//!   what is sent with an appeal: [`KlageJson`] (`klage.json`: the application, the appeal's PDF in
//!   the document store, its vedlegg list and the decisions appealed), [`TrekkKlageJson`]
//!   (`trekk-klage.json`, withdrawing it), and the events the office writes about it in
//!   `digisos-soker.json` under `klager` ([`JsonKlage`] with [`KlageHendelse`]s). There is no JSON
//!   schema for these; the tests hold the types to every example in that file.
//! - The schema `digisos/json/klage/klage.json` (`Kind::Klage`) describes a self-contained appeal
//!   document: who appeals (fødselsnummer and name from the population register, `kilde`
//!   `system`), to which office, against which decision, how they signed in, when, and the
//!   appeal's text. That is [`Klage`]; [`crate::validate`] with `Kind::Klage` checks it.
//!
//! The md's `klage.json` example does not validate against the schema of the same name (it has
//! none of the schema's required fields), so they are different documents, not versions of one.
//! Velferd keeps the appeal as a [`Klage`] (it holds the text and who sent it) and can send the
//! [`KlageJson`] envelope to a case system that takes the Fiks flow.
//!
//! As in [`crate::soker`], timestamps stay the strings the documents hold: the schema's
//! `tidspunkt` (`2021-08-13T13:37:00.000Z`, UTC with milliseconds, [`crate::soknad::tidspunkt`]
//! writes it) for [`Klage`], and the md's `hendelseDato` (`2021-08-13T13:37:00`) for events.

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `klage.json` as klage-filformat.md specifies ("Innsending av klage"): sent with the appeal to
/// `POST /digisos/api/v1/klage/{fiksDigisosId}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KlageJson {
    /// The original application's id in Fiks Digisos (UUID).
    pub fiks_digisos_id: String,
    /// The appeal's id, which is also the reference of `klage.pdf` in the document store (UUID).
    pub klage_id: String,
    /// The reference of the appeal's `vedlegg-spesifikasjon.json` in the document store (UUID).
    pub vedlegg_spesifikasjon_id: String,
    /// The decisions (vedtak) appealed, by id (UUIDs); at least one in practice, not checked here.
    pub vedtak_ider: Vec<String>,
}

/// `trekk-klage.json` as klage-filformat.md specifies ("Trekk klage"): the citizen withdraws an
/// appeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrekkKlageJson {
    pub klage_id: String,
    pub vedlegg_spesifikasjon_id: String,
    /// When, as free text: the md's only example is `12:34:56 1.aug.2020`, so no format is assumed.
    pub timestamp: String,
}

/// One appeal as the office reports it in `digisos-soker.json` (`JsonKlage` in klage-filformat.md,
/// "Hendelser klage"): its id, a title and what has happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonKlage {
    pub klage_id: String,
    /// E.g. "Klage på vedtak".
    pub tittel: String,
    /// In the order written.
    pub hendelser: Vec<KlageHendelse>,
}

/// The appeal's status (`KlageStatus`): sent, received, being processed, withdrawn, done,
/// forwarded to the county governor (statsforvalteren), or a preliminary answer given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum KlageStatus {
    Sendt,
    Mottatt,
    UnderBehandling,
    Trukket,
    Ferdigbehandlet,
    Videresendt,
    ForelopigSvar,
}

/// The office's outcome (`Utfall`): the appeal is upheld (medhold), partly upheld (not every case
/// system sets this), the decision is kept (opprettholdt, and the appeal goes on to the county
/// governor), or the appeal is dismissed (avvist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum KlageUtfall {
    Medhold,
    DelvisMedhold,
    Opprettholdt,
    Avvist,
}

/// The county governor's outcome (`StatsforvalterUtfall`): confirms the decision, makes a new one,
/// dismisses the appeal, or quashes the decision (opphever). Registered by hand, so not always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StatsforvalterUtfall {
    Stadfester,
    NyttVedtak,
    Avvist,
    Opphever,
}

/// `KlageStatusHendelse`: the appeal's status changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KlageStatusHendelse {
    pub hendelse_id: String,
    /// The text the citizen sees, e.g. "Klage mottatt".
    pub hendelse_tekst: String,
    /// `2021-08-13T13:37:00`.
    pub hendelse_dato: String,
    pub status: KlageStatus,
}

/// `UtfallHendelse`: the office's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UtfallHendelse {
    pub hendelse_id: String,
    pub hendelse_tekst: String,
    pub hendelse_dato: String,
    pub utfall: KlageUtfall,
}

/// `StatsforvalterUtfallHendelse`: the county governor's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatsforvalterUtfallHendelse {
    pub hendelse_id: String,
    pub hendelse_tekst: String,
    pub hendelse_dato: String,
    pub utfall: StatsforvalterUtfall,
}

/// Any other appeal event, kept whole: the md's `JsonVedtakFattet` (a new decision),
/// `KlageDokumentasjonHendelse` and `SaksfremleggHendelse`, whose fields differ between its class
/// diagram and its examples, and types a newer producer adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnenKlageHendelse {
    pub hendelse_id: String,
    pub hendelse_type: String,
    pub hendelse_tekst: String,
    pub hendelse_dato: String,
    /// Every other field, as written.
    #[serde(flatten)]
    pub felter: Map<String, Value>,
}

/// One event of an appeal, tagged by its `hendelseType`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "hendelseType")]
pub enum KlageHendelse {
    KlageStatusHendelse(KlageStatusHendelse),
    UtfallHendelse(UtfallHendelse),
    StatsforvalterUtfallHendelse(StatsforvalterUtfallHendelse),
    /// Its own `hendelseType` included.
    #[serde(untagged)]
    Annen(AnnenKlageHendelse),
}

impl KlageHendelse {
    /// The `hendelseType` as the format spells it.
    pub fn type_name(&self) -> &str {
        match self {
            KlageHendelse::KlageStatusHendelse(_) => "KlageStatusHendelse",
            KlageHendelse::UtfallHendelse(_) => "UtfallHendelse",
            KlageHendelse::StatsforvalterUtfallHendelse(_) => "StatsforvalterUtfallHendelse",
            KlageHendelse::Annen(h) => &h.hendelse_type,
        }
    }

    /// When it happened, as written.
    pub fn hendelse_dato(&self) -> &str {
        match self {
            KlageHendelse::KlageStatusHendelse(h) => &h.hendelse_dato,
            KlageHendelse::UtfallHendelse(h) => &h.hendelse_dato,
            KlageHendelse::StatsforvalterUtfallHendelse(h) => &h.hendelse_dato,
            KlageHendelse::Annen(h) => &h.hendelse_dato,
        }
    }
}

// By hand for the same reason as `soker::Hendelse`: the `hendelseType` alone picks the variant, so a
// known type with a wrong field is an error instead of an ignored unknown event.
impl<'de> Deserialize<'de> for KlageHendelse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fn variant<T: DeserializeOwned, E: de::Error>(kind: &str, value: Value) -> Result<T, E> {
            T::deserialize(value).map_err(|e| E::custom(format_args!("klagehendelse of type {kind:?}: {e}")))
        }
        let value = Value::deserialize(deserializer)?;
        let kind = match value.get("hendelseType") {
            Some(Value::String(kind)) => kind.clone(),
            Some(_) => return Err(de::Error::custom("klagehendelse: \"hendelseType\" must be a string")),
            None => return Err(de::Error::missing_field("hendelseType")),
        };
        Ok(match kind.as_str() {
            "KlageStatusHendelse" => KlageHendelse::KlageStatusHendelse(variant(&kind, value)?),
            "UtfallHendelse" => KlageHendelse::UtfallHendelse(variant(&kind, value)?),
            "StatsforvalterUtfallHendelse" => KlageHendelse::StatsforvalterUtfallHendelse(variant(&kind, value)?),
            _ => KlageHendelse::Annen(variant(&kind, value)?),
        })
    }
}

/// `kilde` of data from a public register: the schema allows only `system`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SystemKilde {
    #[default]
    System,
}

/// `kilde` of what the citizen wrote (`soknad/parts/kildeBruker.json`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrukerKilde {
    #[default]
    Bruker,
    Utdatert,
}

/// `soknad/personalia/personIdentifikator.json`: a fødselsnummer or D-number, from the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonIdentifikator {
    pub kilde: SystemKilde,
    /// 11 digits; the schema does not check the shape, the domain's `Fodselsnummer` does.
    pub verdi: String,
}

/// `soknad/personalia/sokernavn.json`: the name from the register; each part may be blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sokernavn {
    pub kilde: SystemKilde,
    pub fornavn: String,
    pub mellomnavn: String,
    pub etternavn: String,
}

/// `soknad/parts/mottaker.json`: the office that receives the appeal. The schema requires none of
/// the fields; Velferd writes all three.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mottaker {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kommunenummer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enhetsnummer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nav_enhetsnavn: Option<String>,
}

/// How the person who appeals was identified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Autentisering {
    /// Signed in digitally (ID-porten or another eID).
    pub autentisert_digitalt: bool,
    /// When they signed in (`tidspunkt`).
    pub autentiserings_tidspunkt: String,
}

/// Why the citizen appeals, in their words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Begrunnelse {
    pub kilde: BrukerKilde,
    pub klage_tekst: String,
}

/// The appeal document of the schema `digisos/json/klage/klage.json` ("Json-struktur for Klage på
/// Vedtak"). Required there: everything but `begrunnelse`. Fields the schema does not name are
/// ignored when reading, as the schema allows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Klage {
    /// The appeal's id (UUID).
    pub klage_id: String,
    /// The decision appealed (UUID).
    pub vedtak_id: String,
    /// The original application (UUID).
    pub digisos_id: String,
    pub person_identifikator: PersonIdentifikator,
    pub navn: Sokernavn,
    pub mottaker: Mottaker,
    pub autentisering: Autentisering,
    /// When the appeal was sent (`tidspunkt`, `2021-08-13T13:37:00.000Z`).
    pub innsendingstidspunkt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begrunnelse: Option<Begrunnelse>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{soknad::tidspunkt, validate, Kind};

    fn klage() -> Klage {
        Klage {
            klage_id: "43ec1b22-0449-4f55-bf00-6188268da3ac".into(),
            vedtak_id: "77332878-8e66-420d-90f1-320a3a9fdc35".into(),
            digisos_id: "190923e4-330b-4ff7-97bd-05fe91ba2e41".into(),
            person_identifikator: PersonIdentifikator { kilde: SystemKilde::System, verdi: "01819012345".into() },
            navn: Sokernavn { kilde: SystemKilde::System, fornavn: "Kari".into(), mellomnavn: String::new(), etternavn: "Nordmann".into() },
            mottaker: Mottaker { kommunenummer: Some("0301".into()), enhetsnummer: Some("0315".into()), nav_enhetsnavn: Some("Nav Grünerløkka".into()) },
            autentisering: Autentisering { autentisert_digitalt: true, autentiserings_tidspunkt: tidspunkt(1_781_000_000_123) },
            innsendingstidspunkt: tidspunkt(1_781_000_100_000),
            begrunnelse: Some(Begrunnelse { kilde: BrukerKilde::Bruker, klage_tekst: "Husleien er høyere enn dere regnet med.".into() }),
        }
    }

    #[test]
    fn an_appeal_is_valid_against_the_klage_schema_and_reads_back() {
        let json = serde_json::to_value(klage()).unwrap();
        assert_eq!(json["personIdentifikator"]["kilde"], "system");
        assert_eq!(json["begrunnelse"]["klageTekst"], "Husleien er høyere enn dere regnet med.");
        assert_eq!(json["mottaker"]["navEnhetsnavn"], "Nav Grünerløkka");
        assert_eq!(validate(Kind::Klage, &json).unwrap(), vec![]);
        assert_eq!(serde_json::from_value::<Klage>(json).unwrap(), klage());

        let without_reason = Klage { begrunnelse: None, ..klage() };
        let json = serde_json::to_value(without_reason).unwrap();
        assert!(json.get("begrunnelse").is_none());
        assert_eq!(validate(Kind::Klage, &json).unwrap(), vec![]);
    }

    #[test]
    fn the_schema_refuses_what_it_should() {
        let mut late = serde_json::to_value(klage()).unwrap();
        late["innsendingstidspunkt"] = "2021-08-13T13:37:00".into();
        let errors = validate(Kind::Klage, &late).unwrap();
        assert!(errors.iter().any(|e| e.pointer == "/innsendingstidspunkt"), "{errors:?}");

        let mut anonymous = serde_json::to_value(klage()).unwrap();
        anonymous.as_object_mut().unwrap().remove("personIdentifikator");
        assert!(!validate(Kind::Klage, &anonymous).unwrap().is_empty());

        let mut typed_by_hand = serde_json::to_value(klage()).unwrap();
        typed_by_hand["navn"]["kilde"] = "bruker".into();
        assert!(!validate(Kind::Klage, &typed_by_hand).unwrap().is_empty());
    }

    #[test]
    fn a_known_event_type_with_a_bad_field_is_an_error() {
        let bad = r#"{"hendelseId":"1","hendelseType":"KlageStatusHendelse","hendelseTekst":"x","hendelseDato":"2021-08-13T13:37:00","status":"LEST"}"#;
        let error = serde_json::from_str::<KlageHendelse>(bad).unwrap_err().to_string();
        assert!(error.contains("KlageStatusHendelse"), "{error}");
        assert!(serde_json::from_str::<KlageHendelse>(r#"{"hendelseId":"1"}"#).is_err());
    }
}
