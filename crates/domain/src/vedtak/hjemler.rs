//! Legal bases (hjemler, singular hjemmel: the paragraph of law a decision rests on) a decision can
//! cite, kept as data in `data/hjemler.json` with the source of each title, read once at start.

use serde::Deserialize;

/// One paragraph a decision can cite.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hjemmel {
    /// Stable id stored with decisions, e.g. `sotjl-18`.
    pub id: String,
    /// The law's short title, e.g. `sosialtjenesteloven`.
    pub lov: String,
    /// As cited, e.g. `§ 18`.
    pub paragraf: String,
    /// Short Norwegian title, e.g. `Stønad til livsopphold`.
    pub tittel: String,
    /// The title was read in the source the file names.
    pub kontrollert: bool,
    /// This paragraph allows conditions (vilkår) on assistance (sosialtjenesteloven §§ 20 and 20 a): a
    /// decision with conditions must cite one such.
    #[serde(default)]
    pub vilkar: bool,
}

impl Hjemmel {
    /// As a letter cites it: `sosialtjenesteloven § 18`.
    pub fn citation(&self) -> String {
        format!("{} {}", self.lov, self.paragraf)
    }
}

#[derive(Deserialize)]
struct RawList {
    #[serde(rename = "_comment", default)]
    _comment: Option<String>,
    #[serde(default)]
    kilde: Option<serde_json::Value>,
    hjemler: Vec<Hjemmel>,
}

/// The list of legal bases.
#[derive(Debug, Clone, Default)]
pub struct Hjemler {
    list: Vec<Hjemmel>,
}

impl Hjemler {
    /// Reads `data/hjemler.json`; refuses an id listed twice.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let raw: RawList = serde_json::from_str(text).map_err(|e| format!("hjemler: {e}"))?;
        let _ = raw.kilde;
        let mut ids = std::collections::BTreeSet::new();
        if let Some(h) = raw.hjemler.iter().find(|h| !ids.insert(h.id.as_str())) {
            return Err(format!("hjemler: {} is listed twice", h.id));
        }
        Ok(Self { list: raw.hjemler })
    }

    pub fn get(&self, id: &str) -> Option<&Hjemmel> {
        self.list.iter().find(|h| h.id == id)
    }

    /// In the file's order, for the caseworker's list.
    pub fn all(&self) -> &[Hjemmel] {
        &self.list
    }
}
