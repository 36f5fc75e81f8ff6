//! Rate sets (satser): the monthly amounts a calculation starts from, kept as data files with a
//! valid-from date (`data/satser/`, described in its README) and read once at start.
//!
//! Norway: the state's guideline rates (statlige veiledende retningslinjer for økonomisk stønad,
//! given by Arbeids- og inkluderingsdepartementet under sosialtjenesteloven § 18, each year by
//! rundskriv), which a municipality may replace with its own. Sweden: riksnormen (Socialstyrelsen),
//! personal costs by age and costs shared by the household by its size; the shape below holds both.

use std::collections::BTreeSet;

use serde::Deserialize;
use time::Date;

use crate::ids::{Belop, Kommunenummer};
use crate::office::parse_date;

/// Whose rules a rate set follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Land {
    /// Norway: økonomisk sosialhjelp under sosialtjenesteloven.
    #[serde(rename = "NO")]
    Norge,
    /// Sweden: ekonomiskt bistånd under socialtjänstlagen, riksnormen.
    #[serde(rename = "SE")]
    Sverige,
}

/// Where the figures of a set come from, as the file names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Kilde {
    /// The document, e.g. `Rundskriv A-3/2023 …`.
    pub tittel: String,
    #[serde(default)]
    pub utgiver: Option<String>,
    /// Where it can be read.
    #[serde(default)]
    pub adresse: Option<String>,
    /// True only when the figures were read in the source named; a calculation with an unchecked set
    /// warns the caseworker.
    pub kontrollert: bool,
    #[serde(default)]
    pub merknad: Option<String>,
}

/// Monthly amount per child whose age (whole years) is within `from ..= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBand {
    pub from: u8,
    pub to: u8,
    pub amount: Belop,
}

/// Monthly amounts for the adults of a household, by how they live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdultRates {
    /// One adult living alone (enslig; Swedish *ensamstående*).
    pub single: Belop,
    /// Two adults living together, for both (ektepar/samboere; Swedish: two *sammanboende*).
    pub couple: Belop,
    /// One adult sharing a home with other adults who are not a couple with them (bofellesskap).
    pub shared_housing: Belop,
}

/// One rate set, valid from a date until the next set of the same scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateSet {
    /// The series, e.g. `statlige-veiledende`, `kommunal`, `riksnorm`.
    pub series: String,
    pub land: Land,
    /// `Some` for a municipality's own rates, which replace the state's there.
    pub kommune: Option<Kommunenummer>,
    /// First day (a date in Norway, or Sweden) the set applies.
    pub valid_from: Date,
    pub source: Kilde,
    pub adults: AdultRates,
    /// Sorted, not overlapping, starting at age 0.
    pub children: Vec<AgeBand>,
    /// Costs shared by the whole household by its number of people (Sweden's *gemensamma
    /// hushållskostnader*); empty where the rates above include them (Norway).
    pub household: Vec<(u8, Belop)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    #[serde(default, rename = "_comment")]
    _comment: Option<String>,
    serie: String,
    land: Land,
    #[serde(default)]
    kommunenummer: Option<String>,
    gyldig_fra: String,
    kilde: Kilde,
    voksne: RawAdults,
    barn: Vec<RawBand>,
    #[serde(default)]
    felles_husholdning: Vec<RawHousehold>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdults {
    enslig: String,
    par: String,
    bofellesskap: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    fra_alder: u8,
    til_alder: u8,
    belop: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHousehold {
    personer: u8,
    belop: String,
}

fn amount(text: &str, what: &str) -> Result<Belop, String> {
    Belop::parse(text).map_err(|key| format!("{what}: '{text}' is not an amount ({key})"))
}

impl RateSet {
    /// Reads one rate file (`name` is for messages: the file's path). Refuses unknown fields, amounts
    /// that are not amounts (the parser of typed amounts: `"7 850"`, `"1 200,50"`), age bands that
    /// overlap, leave a gap or do not start at 0, and a household size listed twice, so that a typo
    /// stops the server at start rather than miscalculates.
    pub fn from_json(name: &str, text: &str) -> Result<Self, String> {
        let raw: RawSet = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let valid_from = parse_date(&raw.gyldig_fra).ok_or_else(|| format!("{name}: gyldig_fra '{}' is not a date YYYY-MM-DD", raw.gyldig_fra))?;
        let kommune = raw.kommunenummer.as_deref().map(|k| Kommunenummer::parse(k).map_err(|_| format!("{name}: kommunenummer '{k}' is not four digits"))).transpose()?;
        let adults = AdultRates {
            single: amount(&raw.voksne.enslig, &format!("{name}: voksne.enslig"))?,
            couple: amount(&raw.voksne.par, &format!("{name}: voksne.par"))?,
            shared_housing: amount(&raw.voksne.bofellesskap, &format!("{name}: voksne.bofellesskap"))?,
        };
        let mut children = Vec::new();
        let mut next_age = 0u8;
        for (i, b) in raw.barn.iter().enumerate() {
            if b.fra_alder != next_age || b.til_alder < b.fra_alder {
                return Err(format!("{name}: barn[{i}] covers {}–{} years; the bands must follow each other from age 0 without gaps or overlaps", b.fra_alder, b.til_alder));
            }
            children.push(AgeBand { from: b.fra_alder, to: b.til_alder, amount: amount(&b.belop, &format!("{name}: barn[{i}]"))? });
            next_age = b.til_alder.saturating_add(1);
        }
        let mut sizes = BTreeSet::new();
        let mut household = Vec::new();
        for (i, h) in raw.felles_husholdning.iter().enumerate() {
            if h.personer == 0 || !sizes.insert(h.personer) {
                return Err(format!("{name}: felles_husholdning[{i}]: {} people is zero or listed twice", h.personer));
            }
            household.push((h.personer, amount(&h.belop, &format!("{name}: felles_husholdning[{i}]"))?));
        }
        household.sort_by_key(|(n, _)| *n);
        Ok(Self { series: raw.serie, land: raw.land, kommune, valid_from, source: raw.kilde, adults, children, household })
    }

    /// The amount for a child of `age` whole years, `None` when no band covers it.
    pub fn child(&self, age: u8) -> Option<Belop> {
        self.children.iter().find(|b| (b.from..=b.to).contains(&age)).map(|b| b.amount)
    }

    /// The household's shared costs for `persons` people: `Some(None)` when the set has none (Norway),
    /// `None` when it has a table that does not list that size.
    pub fn household_for(&self, persons: usize) -> Option<Option<Belop>> {
        if self.household.is_empty() {
            return Some(None);
        }
        self.household.iter().find(|(n, _)| usize::from(*n) == persons).map(|(_, b)| Some(*b))
    }
}

/// Every rate set Velferd knows: the state's, municipalities' own, for each country.
#[derive(Debug, Clone, Default)]
pub struct RateBook {
    sets: Vec<RateSet>,
}

impl RateBook {
    /// Refuses two sets of the same country and scope (state, or one municipality) with the same
    /// valid-from date: which one applies would be a guess.
    pub fn new(sets: Vec<RateSet>) -> Result<Self, String> {
        let mut seen = BTreeSet::new();
        for s in &sets {
            if !seen.insert((s.land, s.kommune.clone(), s.valid_from)) {
                let scope = s.kommune.as_ref().map_or("the state".to_owned(), |k| format!("municipality {k}"));
                return Err(format!("two rate sets of {scope} are valid from {}", s.valid_from));
            }
        }
        Ok(Self { sets })
    }

    /// Reads every file given as (path, text); see [`RateSet::from_json`].
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        Self::new(files.into_iter().map(|(name, text)| RateSet::from_json(name, text)).collect::<Result<_, _>>()?)
    }

    /// The set that applies on `date` (the date in Norway, [`crate::calculation::oslo_date`]) in
    /// `kommune`: that municipality's own latest set not after the date if it has one, else the state's
    /// latest set not after the date. `None` when no set is valid yet.
    pub fn select(&self, land: Land, kommune: Option<&Kommunenummer>, date: Date) -> Option<&RateSet> {
        let latest = |own: bool| {
            self.sets
                .iter()
                .filter(|s| s.land == land && s.valid_from <= date)
                .filter(|s| if own { s.kommune.is_some() && s.kommune.as_ref() == kommune } else { s.kommune.is_none() })
                .max_by_key(|s| s.valid_from)
        };
        latest(true).or_else(|| latest(false))
    }

    pub fn sets(&self) -> &[RateSet] {
        &self.sets
    }
}
