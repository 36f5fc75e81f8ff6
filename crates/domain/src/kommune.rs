//! Municipalities (kommuner) and the offices (NAV-kontor / socialkontor) that serve them.
//!
//! The catalogue is data, kept in `data/kommuner.json` and read once at start: adding a municipality is
//! adding an entry there (see the README). Several municipalities may share one office.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::case_view::Text;
use crate::ids::Kommunenummer;

/// Fluent message naming an office the catalogue does not know, with the unit number as `$office`:
/// "another NAV office (4612)".
pub const OFFICE_UNKNOWN_KEY: &str = "event-office-unknown";

/// How an office is named to people (in the case timeline, "sent to …"): see [`Katalog::office_label`].
#[derive(Debug, Clone, PartialEq)]
pub enum OfficeLabel<'a> {
    /// An office in the catalogue, by its name, e.g. `NAV Bergenhus`.
    Named(&'a str),
    /// An office the catalogue does not know (case systems name any of Norway's offices, and an
    /// application may be forwarded to one outside Velferd). Show `text` translated (the message
    /// [`OFFICE_UNKNOWN_KEY`] with `$office` = the number: "another NAV office (4612)"), never the bare
    /// number, and log `enhetsnummer` for the operator, who may add the office to `data/kommuner.json`.
    Unknown { enhetsnummer: &'a str, text: Text },
}

/// Whether a municipality takes applications through Velferd right now.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mottak {
    /// Takes digital applications.
    Digital,
    /// Does not take digital applications at all: apply on paper, by phone or in person.
    IkkeDigital,
    /// Digital applications are paused for a while (e.g. a system change); the office's own words.
    Pauset,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Kontor {
    /// The office's unit number (enhetsnummer), written to `mottaker.enhetsnummer`.
    pub enhetsnummer: String,
    pub navn: String,
    /// As it should be dialled and read aloud, e.g. `55 55 33 33`.
    pub telefon: String,
    pub besoksadresse: String,
    /// Usual processing time in days, shown to the citizen as what to expect.
    pub behandlingstid_dager: u32,
    /// Decisions wait for a second person, a beslutter, before they are made (four-eyes,
    /// [`crate::vedtak`]). On unless the office's entry says `"fire_oyne": false`.
    #[serde(default = "four_eyes_by_default")]
    pub fire_oyne: bool,
    /// The account the office pays assistance from (11 digits, MOD11-checked at start): the debtor
    /// account of the payment file (`velferd admin payments export`). Optional; without it the
    /// office can export CSV but not pain.001.
    #[serde(default)]
    pub utbetalingskonto: Option<String>,
    /// The municipality's organisation number (9 digits), if its bank agreement needs it in the
    /// payment file.
    #[serde(default)]
    pub organisasjonsnummer: Option<String>,
    /// A letter not opened online within this many days goes onto the office's print-and-post
    /// list (default 5).
    #[serde(default = "print_after_days_by_default")]
    pub brev_utskrift_dager: u32,
}

fn print_after_days_by_default() -> u32 {
    5
}

fn four_eyes_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kommune {
    pub nummer: Kommunenummer,
    pub navn: String,
    pub mottak: Mottak,
    pub kontor: Kontor,
    /// The municipality's own case system (fagsystem) owns the case status: the digisos-soker
    /// document it posts through the API is what the citizen sees.
    pub status_fra_fagsystem: bool,
}

impl Kommune {
    pub fn takes_digital_applications(&self) -> bool {
        self.mottak == Mottak::Digital
    }
}

#[derive(Deserialize)]
struct RawKatalog {
    kontorer: Vec<Kontor>,
    kommuner: Vec<RawKommune>,
}

#[derive(Deserialize)]
struct RawKommune {
    nummer: String,
    navn: String,
    mottak: Mottak,
    kontor: String,
    #[serde(default)]
    status_fra_fagsystem: bool,
}

/// All municipalities Velferd knows, by number.
#[derive(Debug, Clone, Default)]
pub struct Katalog {
    kommuner: BTreeMap<Kommunenummer, Kommune>,
}

impl Katalog {
    /// Reads the catalogue, refusing numbers that are not four digits, duplicates and offices that
    /// do not exist, so a typo in the data file stops the server at start rather than misroutes.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let raw: RawKatalog = serde_json::from_str(text).map_err(|e| format!("kommuner: {e}"))?;
        for o in &raw.kontorer {
            if let Some(konto) = &o.utbetalingskonto {
                crate::ids::Kontonummer::parse(konto).map_err(|_| format!("kontorer: {} has utbetalingskonto '{konto}', which is not a valid account number", o.enhetsnummer))?;
            }
            if let Some(orgnr) = &o.organisasjonsnummer {
                if orgnr.len() != 9 || !orgnr.chars().all(|c| c.is_ascii_digit()) {
                    return Err(format!("kontorer: {} has organisasjonsnummer '{orgnr}', which is not 9 digits", o.enhetsnummer));
                }
            }
        }
        let mut kommuner = BTreeMap::new();
        for k in raw.kommuner {
            let nummer = Kommunenummer::parse(&k.nummer).map_err(|_| format!("kommuner: '{}' is not a 4-digit municipality number", k.nummer))?;
            let kontor = raw
                .kontorer
                .iter()
                .find(|o| o.enhetsnummer == k.kontor)
                .ok_or_else(|| format!("kommuner: {} ({}) names office {} which is not in kontorer", k.nummer, k.navn, k.kontor))?
                .clone();
            let kommune = Kommune { nummer: nummer.clone(), navn: k.navn, mottak: k.mottak, kontor, status_fra_fagsystem: k.status_fra_fagsystem };
            if kommuner.insert(nummer, kommune).is_some() {
                return Err(format!("kommuner: {} is listed twice", k.nummer));
            }
        }
        Ok(Self { kommuner })
    }

    pub fn get(&self, nummer: &Kommunenummer) -> Option<&Kommune> {
        self.kommuner.get(nummer)
    }

    /// Looks up a number typed or posted by a user; unknown and malformed numbers alike are `None`.
    pub fn find(&self, raw: &str) -> Option<&Kommune> {
        Kommunenummer::parse(raw).ok().and_then(|n| self.kommuner.get(&n))
    }

    /// The office with this unit number (enhetsnummer), if it serves any municipality here.
    pub fn kontor(&self, enhetsnummer: &str) -> Option<&Kontor> {
        self.kommuner.values().map(|k| &k.kontor).find(|o| o.enhetsnummer == enhetsnummer)
    }

    /// How to name the office with this unit number (enhetsnummer, as in `tildeltNavKontor.navKontor`)
    /// to people: its name when the catalogue has it, else a text saying it is another NAV office.
    pub fn office_label<'a>(&'a self, enhetsnummer: &'a str) -> OfficeLabel<'a> {
        match self.kontor(enhetsnummer) {
            Some(kontor) => OfficeLabel::Named(&kontor.navn),
            None => OfficeLabel::Unknown { enhetsnummer, text: Text { key: OFFICE_UNKNOWN_KEY, args: vec![("office", enhetsnummer.to_owned())] } },
        }
    }

    /// All municipalities sorted by name, for the picker.
    pub fn by_name(&self) -> Vec<&Kommune> {
        let mut all: Vec<&Kommune> = self.kommuner.values().collect();
        all.sort_by(|a, b| a.navn.cmp(&b.navn));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"{
      "kontorer": [{"enhetsnummer": "0312", "navn": "NAV Frogner", "telefon": "55 55 33 33",
                    "besoksadresse": "Gate 1, 0250 Oslo", "behandlingstid_dager": 14}],
      "kommuner": [{"nummer": "0301", "navn": "Oslo", "mottak": "digital", "kontor": "0312"},
                   {"nummer": "3201", "navn": "Bærum", "mottak": "pauset", "kontor": "0312"}]
    }"#;

    #[test]
    fn routes_a_municipality_to_its_office() {
        let k = Katalog::from_json(DATA).unwrap();
        let oslo = k.find("0301").unwrap();
        assert_eq!(oslo.kontor.navn, "NAV Frogner");
        assert!(oslo.takes_digital_applications());
        assert!(!k.find("3201").unwrap().takes_digital_applications());
        assert!(k.find("301").is_none());
        assert!(k.find("9999").is_none());
        assert_eq!(k.by_name().iter().map(|k| k.navn.as_str()).collect::<Vec<_>>(), ["Bærum", "Oslo"]);
        assert_eq!(k.kontor("0312").map(|o| o.navn.as_str()), Some("NAV Frogner"));
        assert!(k.kontor("0315").is_none());
    }

    #[test]
    fn an_office_outside_the_catalogue_is_another_nav_office_by_number() {
        let k = Katalog::from_json(DATA).expect("test catalogue");
        assert_eq!(k.office_label("0312"), OfficeLabel::Named("NAV Frogner"));
        assert_eq!(k.office_label("4612"), OfficeLabel::Unknown { enhetsnummer: "4612", text: Text { key: "event-office-unknown", args: vec![("office", "4612".to_owned())] } });
    }

    #[test]
    fn refuses_bad_data_files() {
        assert!(Katalog::from_json(&DATA.replace("\"0301\"", "\"301\"")).unwrap_err().contains("4-digit"));
        assert!(Katalog::from_json(&DATA.replace("\"3201\"", "\"0301\"")).unwrap_err().contains("twice"));
        assert!(Katalog::from_json(&DATA.replace("\"kontor\": \"0312\"}]", "\"kontor\": \"9\"}]")).unwrap_err().contains("not in kontorer"));
    }

    #[test]
    fn the_shipped_catalogue_is_valid() {
        let text = include_str!("../../../data/kommuner.json");
        let k = Katalog::from_json(text).unwrap();
        assert!(k.find("0301").is_some_and(Kommune::takes_digital_applications));
        assert!(k.by_name().iter().any(|k| !k.takes_digital_applications()), "demo data shows a non-digital municipality");
    }
}
