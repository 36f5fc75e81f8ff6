//! The calculation (utregning) of economic assistance for one month: the rates for the household
//! (from the rate set valid on the day, [`rates`]), plus the expenses the caseworker approved
//! (housing, electricity, other), minus the household's income. The result is line by line, each line
//! worded twice — for the caseworker (terms of the trade, which rate) and for the citizen (plain
//! words) — and ends in a proposed amount the caseworker may override with a recorded reason.
//!
//! Source of the method: sosialtjenesteloven § 18 (stønad til livsopphold) and the state's guideline
//! rates given under it (rundskriv, see `data/satser/README.md`). The rates are a starting point for
//! the caseworker's judgement, not an entitlement: the calculation advises, the caseworker decides.
//!
//! Every amount is in øre ([`Belop`]); nothing is rounded. A sum that would exceed what one [`Belop`]
//! holds is refused, never clamped.

pub mod rates;

use time::Date;

use crate::case_view::Text;
use crate::ids::{Belop, Kommunenummer};
use crate::office::{check_text, Refusal, MAX_REASON, MAX_TITLE};
use crate::Millis;
pub use rates::{AgeBand, Kilde, Land, RateBook, RateSet};

/// The date in Norway of an instant: the date a calculation is made for.
pub fn oslo_date(at: Millis) -> Date {
    crate::dates::oslo_time(at).date()
}

/// How the adults of the household live, which picks the adults' rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adults {
    /// One adult living alone (enslig).
    Single,
    /// Two adults living together as spouses or cohabitants (ektepar/samboere): one rate for both.
    Couple,
    /// One adult sharing a home with other adults (bofellesskap), who apply on their own.
    SharedHousing,
}

impl Adults {
    fn count(self) -> usize {
        match self {
            Adults::Couple => 2,
            Adults::Single | Adults::SharedHousing => 1,
        }
    }
}

/// Who the calculation is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    pub adults: Adults,
    /// Each child's age in whole years on the calculation's date.
    pub children: Vec<u8>,
}

/// What kind of expense a line is; the kind picks the words, the label says what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpenseKind {
    /// Rent or other housing costs (husleie, boutgifter).
    Housing,
    /// Electricity and heating (strøm og oppvarming).
    Electricity,
    /// Anything else the caseworker approved (e.g. kindergarten, medicine).
    Other,
}

/// What kind of income a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncomeKind {
    /// Pay from work (lønn), net.
    Work,
    /// Benefits from NAV or others (trygd, pensjon, dagpenger …).
    Benefit,
    /// Housing allowance (bostøtte).
    HousingAllowance,
    /// Child maintenance received (barnebidrag).
    ChildSupport,
    /// Child benefit (barnetrygd). Never counted: from 1 September 2022 child benefit is not taken
    /// into account for families with children (sosialtjenesteloven § 18 third paragraph, as the
    /// rundskriv states); [`calculate`] refuses it so the caseworker sees why.
    ChildBenefit,
    /// Any other income.
    Other,
}

/// One amount a caseworker entered, with what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<K> {
    pub kind: K,
    /// What it is, in the caseworker's words (e.g. `Husleie Storgata 1`); at most [`MAX_TITLE`] characters.
    pub label: String,
    /// Per month.
    pub amount: Belop,
}

/// Everything a calculation needs besides the rates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub land: Land,
    /// The municipality whose own rates apply, if it has any.
    pub kommune: Option<Kommunenummer>,
    /// The date the calculation is for (the date in Norway, [`oslo_date`]).
    pub date: Date,
    pub household: Household,
    pub expenses: Vec<Entry<ExpenseKind>>,
    pub income: Vec<Entry<IncomeKind>>,
}

/// Which part of the calculation a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The rates for the household (livsopphold).
    Rates,
    /// Expenses the caseworker approved.
    Expense,
    /// Income, subtracted.
    Income,
}

/// One line of a calculation: the same amount in the caseworker's words and in the citizen's.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub section: Section,
    /// For the caseworker (Fluent key `calc-line-*`).
    pub caseworker: Text,
    /// For the citizen, in plain words (Fluent key `calc-citizen-*`).
    pub citizen: Text,
    /// Per month; income lines are positive and subtracted.
    pub amount: Belop,
}

/// The rate set a calculation used, for the record and the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatesUsed {
    pub series: String,
    pub kommune: Option<Kommunenummer>,
    pub valid_from: Date,
    pub source: String,
    pub checked: bool,
}

/// A calculation: lines, totals and the proposed amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Calculation {
    pub rates: RatesUsed,
    /// Rates first (adults, then each child in the order given, then shared household costs), then
    /// expenses, then income, each in the order entered.
    pub lines: Vec<Line>,
    /// Rates plus expenses.
    pub need: Belop,
    /// All income lines.
    pub income: Belop,
    /// `need − income`, or 0 when income covers the need: never negative.
    pub proposed: Belop,
    /// What the caseworker should know before using it (`calc-warning-*`): rates not checked against
    /// their source, rates more than a year old.
    pub warnings: Vec<Text>,
}

/// The most lines of expenses or of income one calculation takes (a form would not show more).
pub const MAX_ENTRIES: usize = 40;

/// A rate set older than this on the calculation's date is flagged: the state's rates change every
/// year, so an older set means this year's file is missing.
pub const RATES_OLD_AFTER_DAYS: i64 = 366;

const fn refuse(key: &'static str, field: &'static str) -> Refusal {
    Refusal { key, field }
}

fn text(key: &'static str, args: Vec<(&'static str, String)>) -> Text {
    Text { key, args }
}

fn line(section: Section, caseworker: Text, citizen: Text, amount: Belop) -> Line {
    Line { section, caseworker, citizen, amount }
}

/// Adds amounts exactly; `None` when the sum does not fit one [`Belop`].
fn sum<'a>(amounts: impl IntoIterator<Item = &'a Belop>) -> Option<Belop> {
    let total = amounts.into_iter().try_fold(0i64, |acc, b| acc.checked_add(b.ore()))?;
    Belop::try_from_ore(total)
}

/// Computes the calculation for `input` with the rates in `book`.
///
/// Refusals (Fluent key, form field): `calc-refused-no-rates` (no rate set valid on the date),
/// `calc-refused-child-age` / `barn` (a child older than the rates' age bands: count them as an
/// adult), `calc-refused-household-size` (the shared-costs table has no row for this many people),
/// `calc-refused-child-benefit` / `inntekt` (child benefit is never income, § 18 third paragraph),
/// `calc-refused-zero` / `utgift` or `inntekt` (a line of 0 kr), `calc-refused-too-many`,
/// `calc-refused-too-large` (a total beyond what one amount holds), and the free-text refusals of
/// [`check_text`] for a label (`office-refused-empty`, …) on field `utgift` or `inntekt`.
pub fn calculate(book: &RateBook, input: &Input) -> Result<Calculation, Refusal> {
    let set = book.select(input.land, input.kommune.as_ref(), input.date).ok_or(refuse("calc-refused-no-rates", ""))?;
    if input.expenses.len() > MAX_ENTRIES || input.income.len() > MAX_ENTRIES || input.household.children.len() > MAX_ENTRIES {
        return Err(refuse("calc-refused-too-many", ""));
    }
    let mut lines = Vec::new();

    let (key, citizen_key, amount) = match input.household.adults {
        Adults::Single => ("calc-line-adult-single", "calc-citizen-adult-single", set.adults.single),
        Adults::Couple => ("calc-line-adult-couple", "calc-citizen-adult-couple", set.adults.couple),
        Adults::SharedHousing => ("calc-line-adult-shared", "calc-citizen-adult-shared", set.adults.shared_housing),
    };
    lines.push(line(Section::Rates, text(key, vec![]), text(citizen_key, vec![]), amount));

    for age in &input.household.children {
        let band = set.children.iter().find(|b| (b.from..=b.to).contains(age)).ok_or(refuse("calc-refused-child-age", "barn"))?;
        let caseworker = text("calc-line-child", vec![("age", age.to_string()), ("from", band.from.to_string()), ("to", band.to.to_string())]);
        lines.push(line(Section::Rates, caseworker, text("calc-citizen-child", vec![("age", age.to_string())]), band.amount));
    }

    let persons = input.household.adults.count() + input.household.children.len();
    if let Some(shared) = set.household_for(persons).ok_or(refuse("calc-refused-household-size", ""))? {
        let args = vec![("persons", persons.to_string())];
        lines.push(line(Section::Rates, text("calc-line-household", args.clone()), text("calc-citizen-household", args), shared));
    }

    for e in &input.expenses {
        let label = check_text(&e.label, MAX_TITLE, "utgift")?;
        if e.amount.ore() == 0 {
            return Err(refuse("calc-refused-zero", "utgift"));
        }
        let (key, citizen_key) = match e.kind {
            ExpenseKind::Housing => ("calc-line-housing", "calc-citizen-housing"),
            ExpenseKind::Electricity => ("calc-line-electricity", "calc-citizen-electricity"),
            ExpenseKind::Other => ("calc-line-expense", "calc-citizen-expense"),
        };
        let args = vec![("label", label)];
        lines.push(line(Section::Expense, text(key, args.clone()), text(citizen_key, args), e.amount));
    }

    for i in &input.income {
        if i.kind == IncomeKind::ChildBenefit {
            return Err(refuse("calc-refused-child-benefit", "inntekt"));
        }
        let label = check_text(&i.label, MAX_TITLE, "inntekt")?;
        if i.amount.ore() == 0 {
            return Err(refuse("calc-refused-zero", "inntekt"));
        }
        let key = match i.kind {
            IncomeKind::Work => "calc-line-income-work",
            IncomeKind::Benefit => "calc-line-income-benefit",
            IncomeKind::HousingAllowance => "calc-line-income-housing-allowance",
            IncomeKind::ChildSupport => "calc-line-income-child-support",
            IncomeKind::ChildBenefit | IncomeKind::Other => "calc-line-income-other",
        };
        let args = vec![("label", label)];
        lines.push(line(Section::Income, text(key, args.clone()), text("calc-citizen-income", args), i.amount));
    }

    let too_large = refuse("calc-refused-too-large", "");
    let need = sum(lines.iter().filter(|l| l.section != Section::Income).map(|l| &l.amount)).ok_or(too_large)?;
    let income = sum(lines.iter().filter(|l| l.section == Section::Income).map(|l| &l.amount)).ok_or(too_large)?;
    let proposed = Belop::try_from_ore((need.ore() - income.ore()).max(0)).ok_or(too_large)?;

    let mut warnings = Vec::new();
    if !set.source.kontrollert {
        warnings.push(text("calc-warning-rates-unchecked", vec![("source", set.source.tittel.clone())]));
    }
    if (input.date - set.valid_from).whole_days() > RATES_OLD_AFTER_DAYS {
        warnings.push(text("calc-warning-rates-old", vec![("valid_from", set.valid_from.to_string())]));
    }
    let rates =
        RatesUsed { series: set.series.clone(), kommune: set.kommune.clone(), valid_from: set.valid_from, source: set.source.tittel.clone(), checked: set.source.kontrollert };
    Ok(Calculation { rates, lines, need, income, proposed, warnings })
}

/// The amount a caseworker proposes instead of the calculated one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub amount: Belop,
    /// Required: recorded with the decision, so a beslutter and an appeal can see why.
    pub reason: String,
}

/// The amount that goes into the decision: the calculated proposal, or an override.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub calculation: Calculation,
    pub overridden: Option<Override>,
}

impl Proposal {
    /// The proposal as calculated.
    pub fn calculated(calculation: Calculation) -> Self {
        Self { calculation, overridden: None }
    }

    /// Overrides the proposed amount with `amount` (as typed, parsed by [`Belop::parse`]) for
    /// `reason`. Refusals: the amount's parse error on field `belop` (as `calc-refused-amount`), and
    /// `calc-refused-override-reason` on field `begrunnelse` when the reason is empty (other free-text
    /// refusals of [`check_text`] otherwise).
    pub fn with_override(calculation: Calculation, amount: &str, reason: &str) -> Result<Self, Refusal> {
        let amount = Belop::parse(amount).map_err(|_| refuse("calc-refused-amount", "belop"))?;
        let reason =
            check_text(reason, MAX_REASON, "begrunnelse").map_err(|r| if r.key == "office-refused-empty" { refuse("calc-refused-override-reason", "begrunnelse") } else { r })?;
        Ok(Self { calculation, overridden: Some(Override { amount, reason }) })
    }

    /// The amount decided on: the override if there is one, else the calculated proposal.
    pub fn amount(&self) -> Belop {
        self.overridden.as_ref().map_or(self.calculation.proposed, |o| o.amount)
    }
}

#[cfg(test)]
mod tests;
