//! Workspace II: calculating, deciding and approving. A caseworker saves a calculation
//! (utregning: the rates for the household plus approved expenses minus income), drafts a decision
//! (vedtak: the office's formal, appealable answer), and submits it; where the office requires
//! four-eyes (`Kontor.fire_oyne`) a beslutter — a second person with the role to approve — approves
//! it or returns it with a comment, otherwise submitting makes it. A made decision becomes the
//! digisos-soker events the citizen sees ([`velferd_domain::vedtak::events`]), a decision letter,
//! and planned payments (utbetalinger, [`super::payments`]); the application is finished
//! (FERDIGBEHANDLET) when every sak has a decision.
//!
//! Every use case checks the rule in `domain`, then writes through [`velferd_store::Store::office_change`]
//! in one transaction with the case's version check and the audit entry. Refusals are
//! [`CaseError::Invalid`] with every fault of the form at once where the form has several.
//!
//! Forms are kept as typed ([`CalculationForm`], [`DecisionForm`], stored as JSON), so a draft opens
//! again exactly as its author left it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;
use velferd_domain::calculation::{self, Adults, Entry, ExpenseKind, Household, IncomeKind, Input, Land, Proposal, Section};
use velferd_domain::case_view::Text;
use velferd_domain::ids::{Belop, Kommunenummer};
use velferd_domain::innsyn::{fold, STANDARD_SAKSTITTEL};
use velferd_domain::office::{parse_date, CaseFacts, Refusal};
use velferd_domain::staff::StaffUser;
use velferd_domain::vedtak::{events, klage, Condition, Content, DocumentRequirement, Outcome, Payment, PaymentStatus, Recipient, Stage, Vedtak};
use velferd_domain::Millis;
use velferd_formats::soknad::tidspunkt;
use velferd_store::{CalculationRow, Changed, DecisionRow, DecisionWrite, OfficeCase, OfficeChange, PaymentRow};

use super::actions::{oslo_date, Acted};
use crate::letters::{decision_letter, DecisionLetter, LetterHead, LetterPayment};
use crate::{CaseError, Cases, Result, Words};

/// A decision's stages as stored.
pub const STAGE_DRAFT: &str = "utkast";
pub const STAGE_AWAITING: &str = "til-godkjenning";
pub const STAGE_RETURNED: &str = "returnert";
pub const STAGE_APPROVED: &str = "vedtatt";

/// One line of expenses or income as typed: its kind (`bolig`, `strom`, `annet`; `arbeid`, `trygd`,
/// `bostotte`, `bidrag`, `barnetrygd`, `annet`), what it is, and the amount per month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryForm {
    pub art: String,
    pub tekst: String,
    pub belop: String,
}

impl EntryForm {
    fn blank(&self) -> bool {
        self.tekst.trim().is_empty() && self.belop.trim().is_empty()
    }
}

/// A calculation as the caseworker typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalculationForm {
    /// `enslig`, `par` or `bofellesskap`.
    pub voksne: String,
    /// The children's ages in whole years, separated by commas or spaces (`4, 12`).
    pub barn: String,
    pub utgifter: Vec<EntryForm>,
    pub inntekter: Vec<EntryForm>,
    /// The caseworker's own amount instead of the proposal (empty: none), and why.
    pub belop: String,
    pub begrunnelse: String,
}

/// A translated text as stored with a calculation: a Fluent key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredText {
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl From<&Text> for StoredText {
    fn from(t: &Text) -> Self {
        StoredText { key: t.key.to_owned(), args: t.args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect() }
    }
}

/// One line of a stored calculation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLine {
    /// `sats`, `utgift` or `inntekt` (subtracted).
    pub section: String,
    pub caseworker: StoredText,
    pub citizen: StoredText,
    pub ore: i64,
}

/// A calculation's result as stored: what the caseworker and the letter show, never recomputed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCalculation {
    pub date: String,
    pub rates_source: String,
    pub rates_valid_from: String,
    pub lines: Vec<StoredLine>,
    pub need_ore: i64,
    pub income_ore: i64,
    pub proposed_ore: i64,
    pub warnings: Vec<StoredText>,
}

/// A payment as typed in a decision or planned later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentForm {
    pub beskrivelse: String,
    pub belop: String,
    /// Due date (`2026-12-07` or `7.12.2026`).
    pub forfall: String,
    /// The period it covers, both or neither.
    pub fom: String,
    pub tom: String,
    /// `soker` (the citizen's own account) or `annen` (a landlord, an energy company, …).
    pub mottaker: String,
    /// The third party's name as on its invoice.
    pub navn: String,
    pub kontonummer: String,
    /// The invoice's KID, when it has one.
    pub kid: String,
}

impl PaymentForm {
    fn blank(&self) -> bool {
        [&self.beskrivelse, &self.belop, &self.forfall, &self.fom, &self.tom, &self.navn, &self.kid].iter().all(|s| s.trim().is_empty())
    }

    /// The payment as the domain holds it (planned), or every fault found.
    pub fn payment(&self, referanse: String) -> std::result::Result<Payment, Vec<Refusal>> {
        let mut faults = Vec::new();
        let amount = Belop::parse(&self.belop).map_err(|key| faults.push(Refusal { key, field: "belop" })).ok();
        let due = parse_date(&self.forfall).ok_or(Refusal { key: "office-refused-date", field: "forfall" }).map_err(|r| faults.push(r)).ok();
        let period = match (self.fom.trim().is_empty(), self.tom.trim().is_empty()) {
            (true, true) => Some(None),
            _ => match (parse_date(&self.fom), parse_date(&self.tom)) {
                (Some(f), Some(t)) => Some(Some((f, t))),
                _ => {
                    faults.push(Refusal { key: "vedtak-refused-period-dates", field: "periode" });
                    None
                }
            },
        };
        let recipient = match self.mottaker.as_str() {
            "annen" => Recipient::third_party(&self.navn, &self.kontonummer, &self.kid),
            _ => Recipient::citizen(&self.kontonummer),
        }
        .map_err(|r| faults.push(r))
        .ok();
        match (amount, due, period, recipient) {
            (Some(amount), Some(due), Some(period), Some(recipient)) if faults.is_empty() => {
                Ok(Payment { referanse, description: self.beskrivelse.trim().to_owned(), amount, due, period, recipient, status: PaymentStatus::Planned })
            }
            _ => Err(faults),
        }
    }
}

/// A condition (vilkår) or a documentation requirement (dokumentasjonkrav) as typed; `frist` only
/// for requirements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermForm {
    pub tittel: String,
    pub beskrivelse: String,
    pub frist: String,
}

impl TermForm {
    fn blank(&self) -> bool {
        self.tittel.trim().is_empty() && self.beskrivelse.trim().is_empty() && self.frist.trim().is_empty()
    }

    fn description(&self) -> Option<String> {
        Some(self.beskrivelse.trim().to_owned()).filter(|s| !s.is_empty())
    }
}

/// A decision as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    /// An existing sak's reference, or empty to open a new one titled `sak_tittel`.
    pub sak: String,
    pub sak_tittel: String,
    /// `innvilget`, `delvis`, `avslag` or `avvist`.
    pub utfall: String,
    pub begrunnelse: String,
    /// Ids from `data/hjemler.json`.
    pub hjemler: Vec<String>,
    pub vilkar: Vec<TermForm>,
    pub krav: Vec<TermForm>,
    pub utbetalinger: Vec<PaymentForm>,
    /// The language the decision letter is written in (`nb`, `nn`, `en`).
    #[serde(default)]
    pub sprak: String,
}

/// Words in the language a code names (`nb`, `nn`, `en`), for letters written in the language the
/// decision's author chose while someone else may approve them.
pub type WordsFor<'a> = &'a (dyn Fn(&str) -> Box<dyn Words> + Send + Sync);

/// The outcome a form names.
pub fn outcome(code: &str) -> Option<Outcome> {
    Some(match code {
        "innvilget" => Outcome::Granted,
        "delvis" => Outcome::PartlyGranted,
        "avslag" => Outcome::Refused,
        "avvist" => Outcome::Dismissed,
        _ => return None,
    })
}

/// The code a form and the journal use for an outcome.
pub fn outcome_code(o: Outcome) -> &'static str {
    match o {
        Outcome::Granted => "innvilget",
        Outcome::PartlyGranted => "delvis",
        Outcome::Refused => "avslag",
        Outcome::Dismissed => "avvist",
    }
}

/// The Fluent key of an outcome's name.
pub fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::Granted => "vedtak-outcome-granted",
        Outcome::PartlyGranted => "vedtak-outcome-partly-granted",
        Outcome::Refused => "vedtak-outcome-refused",
        Outcome::Dismissed => "vedtak-outcome-dismissed",
    }
}

impl DecisionForm {
    /// Drops the rows left blank (a form offers a few empty ones).
    fn trimmed(&self) -> DecisionForm {
        let mut f = self.clone();
        f.vilkar.retain(|t| !t.blank());
        f.krav.retain(|t| !t.blank());
        f.utbetalinger.retain(|p| !p.blank());
        f.hjemler.retain(|h| !h.trim().is_empty());
        f
    }

    /// The decision as the domain holds it, with references `V{seq}-U1` (payments), `V{seq}-K1`
    /// (conditions), `V{seq}-D1` (requirements) — or every fault of the form that can be found
    /// without the rules [`Content::check`] applies on submitting.
    pub fn content(&self, seq: i64, saksreferanse: &str, sak_tittel: &str) -> std::result::Result<Content, Vec<Refusal>> {
        let mut faults = Vec::new();
        let outcome = outcome(&self.utfall).ok_or(Refusal { key: "vedtak-refused-outcome", field: "utfall" }).map_err(|r| faults.push(r)).ok();
        let mut payments = Vec::new();
        for (i, p) in self.utbetalinger.iter().enumerate() {
            match p.payment(format!("V{seq}-U{}", i + 1)) {
                Ok(p) => payments.push(p),
                Err(f) => faults.extend(f),
            }
        }
        let conditions = self
            .vilkar
            .iter()
            .enumerate()
            .map(|(i, t)| Condition { referanse: format!("V{seq}-K{}", i + 1), tittel: t.tittel.trim().to_owned(), beskrivelse: t.description(), payments: vec![] })
            .collect();
        let mut requirements = Vec::new();
        for (i, t) in self.krav.iter().enumerate() {
            let frist = if t.frist.trim().is_empty() {
                None
            } else {
                match parse_date(&t.frist) {
                    Some(d) => Some(d),
                    None => {
                        faults.push(Refusal { key: "office-refused-date", field: "frist" });
                        None
                    }
                }
            };
            requirements.push(DocumentRequirement {
                referanse: format!("V{seq}-D{}", i + 1),
                tittel: t.tittel.trim().to_owned(),
                beskrivelse: t.description(),
                frist,
                payments: vec![],
            });
        }
        match outcome {
            Some(outcome) if faults.is_empty() => Ok(Content {
                saksreferanse: saksreferanse.to_owned(),
                sak_tittel: sak_tittel.to_owned(),
                outcome,
                reasons: self.begrunnelse.clone(),
                hjemler: self.hjemler.clone(),
                conditions,
                requirements,
                payments,
            }),
            _ => Err(faults),
        }
    }
}

impl CalculationForm {
    fn trimmed(&self) -> CalculationForm {
        let mut f = self.clone();
        f.utgifter.retain(|e| !e.blank());
        f.inntekter.retain(|e| !e.blank());
        f
    }

    /// The calculation's input, or every fault of the form.
    pub fn input(&self, kommune: Option<Kommunenummer>, date: Date) -> std::result::Result<Input, Vec<Refusal>> {
        let mut faults = Vec::new();
        let adults = match self.voksne.as_str() {
            "enslig" => Some(Adults::Single),
            "par" => Some(Adults::Couple),
            "bofellesskap" => Some(Adults::SharedHousing),
            _ => {
                faults.push(Refusal { key: "calc-refused-adults", field: "voksne" });
                None
            }
        };
        let mut children = Vec::new();
        for age in self.barn.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
            match age.parse::<u8>() {
                Ok(a) => children.push(a),
                Err(_) => faults.push(Refusal { key: "calc-refused-child-format", field: "barn" }),
            }
        }
        let amount = |raw: &str, field: &'static str, faults: &mut Vec<Refusal>| Belop::parse(raw).map_err(|key| faults.push(Refusal { key, field })).ok();
        let mut expenses = Vec::new();
        for e in &self.utgifter {
            let kind = match e.art.as_str() {
                "bolig" => ExpenseKind::Housing,
                "strom" => ExpenseKind::Electricity,
                _ => ExpenseKind::Other,
            };
            if let Some(amount) = amount(&e.belop, "utgift", &mut faults) {
                expenses.push(Entry { kind, label: e.tekst.clone(), amount });
            }
        }
        let mut income = Vec::new();
        for e in &self.inntekter {
            let kind = match e.art.as_str() {
                "arbeid" => IncomeKind::Work,
                "trygd" => IncomeKind::Benefit,
                "bostotte" => IncomeKind::HousingAllowance,
                "bidrag" => IncomeKind::ChildSupport,
                "barnetrygd" => IncomeKind::ChildBenefit,
                _ => IncomeKind::Other,
            };
            if let Some(amount) = amount(&e.belop, "inntekt", &mut faults) {
                income.push(Entry { kind, label: e.tekst.clone(), amount });
            }
        }
        match adults {
            Some(adults) if faults.is_empty() => Ok(Input { land: Land::Norge, kommune, date, household: Household { adults, children }, expenses, income }),
            _ => Err(faults),
        }
    }
}

/// A saved calculation with its form and result.
#[derive(Debug, Clone)]
pub struct SavedCalculation {
    pub row: CalculationRow,
    pub form: CalculationForm,
    pub result: StoredCalculation,
}

impl SavedCalculation {
    /// The amount the decision starts from: the caseworker's override, else the proposal.
    pub fn amount_ore(&self) -> i64 {
        self.row.override_ore.unwrap_or(self.row.proposed_ore)
    }
}

/// A decision with its form as typed.
#[derive(Debug, Clone)]
pub struct SavedDecision {
    pub row: DecisionRow,
    pub form: DecisionForm,
}

/// What the decision page shows: the case's calculation, decisions and payments, the saker a
/// decision can belong to, and whether the office requires a beslutter.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub file: super::CaseFile,
    pub calculation: Option<SavedCalculation>,
    pub decisions: Vec<SavedDecision>,
    pub payments: Vec<PaymentRow>,
    /// (reference, title) of the saker the citizen's page shows.
    pub saker: Vec<(String, String)>,
    pub four_eyes: bool,
    /// The account the citizen gave in the application, as typed there.
    pub citizen_account: String,
}

fn invalid(r: Refusal) -> CaseError {
    CaseError::Invalid(vec![r])
}

fn corrupt(what: &str) -> CaseError {
    CaseError::Internal(format!("stored {what} cannot be read"))
}

fn stored_calculation(row: CalculationRow) -> Result<SavedCalculation> {
    let form = serde_json::from_str(&row.input_json).map_err(|_| corrupt("calculation"))?;
    let result = serde_json::from_str(&row.result_json).map_err(|_| corrupt("calculation"))?;
    Ok(SavedCalculation { row, form, result })
}

pub fn stored_decision(row: DecisionRow) -> Result<SavedDecision> {
    let form = serde_json::from_str(&row.content_json).map_err(|_| corrupt("decision"))?;
    Ok(SavedDecision { row, form })
}

/// The four-eyes stage of a stored decision.
fn stage(row: &DecisionRow) -> Stage {
    match row.stage.as_str() {
        STAGE_AWAITING => Stage::AwaitingApproval { at: row.submitted_ms.unwrap_or(row.updated_ms) },
        STAGE_RETURNED => {
            Stage::Returned { by: row.returned_by.clone().unwrap_or_default(), comment: row.return_comment.clone().unwrap_or_default(), at: row.returned_ms.unwrap_or(0) }
        }
        STAGE_APPROVED => Stage::Approved { by: row.approved_by.clone().unwrap_or_default(), at: row.approved_ms.unwrap_or(0), four_eyes: row.four_eyes.unwrap_or(true) },
        _ => Stage::Draft,
    }
}

/// The case as one decision use case needs it.
pub(crate) struct Prepared {
    pub case: OfficeCase,
    pub facts: CaseFacts,
    pub version: i64,
    pub today: Date,
}

impl Cases {
    /// Finds the case for `staff` (refusals logged), with its facts and the version the form was
    /// drawn from (missing: a conflict, as in part I).
    pub(crate) async fn prepare(&self, staff: &StaffUser, action: &str, id: &str, version: Option<i64>, now: Millis) -> Result<Prepared> {
        let (access, case) = self.find_case(staff, action, id, now).await?;
        let state = self.store.case_state(&access, id).await?.ok_or(CaseError::NotFound)?;
        let facts = CaseFacts { status: state.status, open: state.open, case_system_owns: self.case_system_owns(&case.application.kommunenummer) };
        let version = version.ok_or(CaseError::Conflict)?;
        Ok(Prepared { case, facts, version, today: oslo_date(now) })
    }

    /// Writes `change` with `action`'s audit entry: the new version, or a conflict.
    pub(crate) async fn commit(&self, staff: &StaffUser, p: &Prepared, action: &str, mut change: OfficeChange, now: Millis) -> Result<Acted> {
        change.expected_version = Some(p.version);
        let entry = super::staff_entry(staff, action, Some(&p.case.application.id), Some(p.case.owner.as_str().to_owned()), velferd_store::Outcome::Permit);
        match self.store.office_change(&p.case.application.id, (&staff.subject, &staff.name), &change, &entry, now).await? {
            Changed::Done { version, letter } => Ok(Acted { version, letter }),
            Changed::Conflict => Err(CaseError::Conflict),
        }
    }

    /// The decision page's data, logged as reading the case.
    pub async fn workspace(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<Workspace> {
        let file = self.case_file(staff, id, now).await?;
        let calculation = self.store.latest_calculation(id).await?.map(stored_calculation).transpose()?;
        let decisions = file.decisions.iter().cloned().map(stored_decision).collect::<Result<Vec<_>>>()?;
        let payments = self.store.payments(id).await?;
        let saker = file.insight.view.innsyn.saker.iter().map(|s| (s.referanse.clone(), s.tittel.clone())).collect();
        let four_eyes = self.four_eyes(&file.case.application.kommunenummer);
        let citizen_account = file.case.application.answers.get("kontonummer").to_owned();
        Ok(Workspace { file, calculation, decisions, payments, saker, four_eyes, citizen_account })
    }

    /// Whether the office of this municipality requires a beslutter (on unless it says otherwise).
    pub fn four_eyes(&self, kommunenummer: &Kommunenummer) -> bool {
        self.kommuner.get(kommunenummer).is_none_or(|k| k.kontor.fire_oyne)
    }

    /// Saves a calculation of the case. Refusals: the form's faults, then [`calculation::calculate`]'s
    /// and [`Proposal::with_override`]'s; only on a case under processing ([`velferd_domain::vedtak::may_decide`]).
    pub async fn save_calculation(&self, staff: &StaffUser, id: &str, version: Option<i64>, form: &CalculationForm, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "save-calculation", id, version, now).await?;
        velferd_domain::vedtak::may_decide(p.facts).map_err(invalid)?;
        let form = form.trimmed();
        let kommune = Some(p.case.application.kommunenummer.clone());
        let input = form.input(kommune, p.today).map_err(CaseError::Invalid)?;
        let result = calculation::calculate(&self.rates, &input).map_err(invalid)?;
        let proposal = if form.belop.trim().is_empty() && form.begrunnelse.trim().is_empty() {
            Proposal::calculated(result)
        } else {
            Proposal::with_override(result, &form.belop, &form.begrunnelse).map_err(invalid)?
        };
        let c = &proposal.calculation;
        let stored = StoredCalculation {
            date: input.date.to_string(),
            rates_source: c.rates.source.clone(),
            rates_valid_from: c.rates.valid_from.to_string(),
            lines: c
                .lines
                .iter()
                .map(|l| StoredLine {
                    section: match l.section {
                        Section::Rates => "sats",
                        Section::Expense => "utgift",
                        Section::Income => "inntekt",
                    }
                    .to_owned(),
                    caseworker: (&l.caseworker).into(),
                    citizen: (&l.citizen).into(),
                    ore: l.amount.ore(),
                })
                .collect(),
            need_ore: c.need.ore(),
            income_ore: c.income.ore(),
            proposed_ore: c.proposed.ore(),
            warnings: c.warnings.iter().map(Into::into).collect(),
        };
        let row = CalculationRow {
            id: velferd_store::new_id(),
            application_id: id.to_owned(),
            input_json: serde_json::to_string(&form).map_err(|e| CaseError::Internal(e.to_string()))?,
            result_json: serde_json::to_string(&stored).map_err(|e| CaseError::Internal(e.to_string()))?,
            proposed_ore: c.proposed.ore(),
            override_ore: proposal.overridden.as_ref().map(|o| o.amount.ore()),
            override_reason: proposal.overridden.as_ref().map(|o| o.reason.clone()),
            by_subject: staff.subject.clone(),
            by_name: staff.name.clone(),
            created_ms: now,
        };
        let change = OfficeChange {
            decisions: vec![DecisionWrite::Calculation(row)],
            journal: vec![("utregning".into(), Belop::from_ore(proposal.amount().ore()).to_string())],
            ..OfficeChange::default()
        };
        self.commit(staff, &p, "save-calculation", change, now).await
    }

    /// Saves a decision draft: a new one (`decision` `None`), or the author's own draft or returned
    /// decision. Refusals: no decision on a case not under processing, `vedtak-refused-locked`,
    /// `vedtak-refused-not-author`, `vedtak-refused-unknown-sak`, and the form's faults.
    pub async fn draft_decision(&self, staff: &StaffUser, id: &str, version: Option<i64>, decision: Option<&str>, form: &DecisionForm, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "draft-decision", id, version, now).await?;
        let (row, _) = self.write_draft(staff, &p, decision, form, now).await?;
        let change = OfficeChange { decisions: vec![DecisionWrite::Decision(row)], journal: vec![("vedtak-utkast".into(), String::new())], ..OfficeChange::default() };
        self.commit(staff, &p, "draft-decision", change, now).await
    }

    /// Saves and submits a decision: it waits for a beslutter, or — where the office does not
    /// require four-eyes — is made at once by its author ("fatt vedtak"). Refusals: those of
    /// [`Cases::draft_decision`], then [`Vedtak::submit`]'s (the rules of [`Content::check`]).
    #[allow(clippy::too_many_arguments)]
    pub async fn submit_decision(
        &self,
        staff: &StaffUser,
        id: &str,
        version: Option<i64>,
        decision: Option<&str>,
        form: &DecisionForm,
        words: WordsFor<'_>,
        now: Millis,
    ) -> Result<Acted> {
        let p = self.prepare(staff, "submit-decision", id, version, now).await?;
        let (mut row, content) = self.write_draft(staff, &p, decision, form, now).await?;
        let mut vedtak = Vedtak { author: row.author.clone(), content, stage: stage(&row) };
        let four_eyes = self.four_eyes(&p.case.application.kommunenummer);
        vedtak.submit(&staff.subject, p.facts, four_eyes, &self.hjemler, p.today, now).map_err(invalid)?;
        row.submitted_ms = Some(now);
        if vedtak.approved() {
            let words = words(&form.sprak);
            let change = self.made(staff, &p, row, &vedtak, words.as_ref(), now).await?;
            return self.commit(staff, &p, "make-decision", change, now).await;
        }
        row.stage = STAGE_AWAITING.into();
        let change = OfficeChange { decisions: vec![DecisionWrite::Decision(row)], journal: vec![("vedtak-til-godkjenning".into(), String::new())], ..OfficeChange::default() };
        self.commit(staff, &p, "submit-decision", change, now).await
    }

    /// A beslutter approves a decision waiting for them: it is made. Refusals: `vedtak-refused-own`,
    /// `vedtak-refused-not-beslutter`, `vedtak-refused-not-awaiting`, and no decision on a case no
    /// longer under processing.
    pub async fn approve_decision(&self, staff: &StaffUser, id: &str, version: Option<i64>, decision: &str, words: WordsFor<'_>, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "approve-decision", id, version, now).await?;
        let (row, mut vedtak) = self.stored_vedtak(id, decision).await?;
        vedtak.approve(&staff.subject, &staff.roles, p.facts, now).map_err(invalid)?;
        let words = words(&stored_decision(row.clone())?.form.sprak);
        let change = self.made(staff, &p, row, &vedtak, words.as_ref(), now).await?;
        self.commit(staff, &p, "approve-decision", change, now).await
    }

    /// A beslutter returns a decision to its author with a comment (required). Refusals: as
    /// [`Cases::approve_decision`], and the comment's (`kommentar`).
    pub async fn return_decision(&self, staff: &StaffUser, id: &str, version: Option<i64>, decision: &str, comment: &str, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "return-decision", id, version, now).await?;
        let (mut row, mut vedtak) = self.stored_vedtak(id, decision).await?;
        vedtak.send_back(&staff.subject, &staff.roles, comment, now).map_err(invalid)?;
        let Stage::Returned { comment, .. } = &vedtak.stage else { return Err(CaseError::Internal("returned decision has no comment".into())) };
        row.stage = STAGE_RETURNED.into();
        row.returned_by = Some(staff.subject.clone());
        row.returned_name = Some(staff.name.clone());
        row.return_comment = Some(comment.clone());
        row.returned_ms = Some(now);
        row.version += 1;
        row.updated_ms = now;
        let change = OfficeChange { decisions: vec![DecisionWrite::Decision(row)], journal: vec![("vedtak-returnert".into(), comment.clone())], ..OfficeChange::default() };
        self.commit(staff, &p, "return-decision", change, now).await
    }

    /// A stored decision of the application and its four-eyes state. Unknown: `NotFound`.
    pub(crate) async fn stored_vedtak(&self, id: &str, decision: &str) -> Result<(DecisionRow, Vedtak)> {
        let row = self.store.decisions(id).await?.into_iter().find(|d| d.id == decision).ok_or(CaseError::NotFound)?;
        let saved = stored_decision(row)?;
        let content = saved.form.content(saved.row.seq, &saved.row.saksreferanse, &saved.form.sak_tittel).map_err(CaseError::Invalid)?;
        let vedtak = Vedtak { author: saved.row.author.clone(), content, stage: stage(&saved.row) };
        Ok((saved.row, vedtak))
    }

    /// The draft row as `form` makes it, checked as far as a draft is (the case and the author), and
    /// its content.
    async fn write_draft(&self, staff: &StaffUser, p: &Prepared, decision: Option<&str>, form: &DecisionForm, now: Millis) -> Result<(DecisionRow, Content)> {
        velferd_domain::vedtak::may_decide(p.facts).map_err(invalid)?;
        let id = &p.case.application.id;
        let existing = self.store.decisions(id).await?;
        let mut row = match decision.filter(|d| !d.is_empty()) {
            Some(d) => {
                let row = existing.iter().find(|r| r.id == d).cloned().ok_or(CaseError::NotFound)?;
                if !matches!(row.stage.as_str(), STAGE_DRAFT | STAGE_RETURNED) {
                    return Err(invalid(Refusal { key: "vedtak-refused-locked", field: "" }));
                }
                if row.author != staff.subject {
                    return Err(invalid(Refusal { key: "vedtak-refused-not-author", field: "" }));
                }
                row
            }
            None => DecisionRow {
                id: velferd_store::new_id(),
                application_id: id.clone(),
                enhetsnummer: p.case.application.enhetsnummer.clone(),
                seq: existing.iter().map(|r| r.seq).max().unwrap_or(0) + 1,
                saksreferanse: String::new(),
                calculation_id: None,
                content_json: String::new(),
                stage: STAGE_DRAFT.into(),
                author: staff.subject.clone(),
                author_name: staff.name.clone(),
                submitted_ms: None,
                returned_by: None,
                returned_name: None,
                return_comment: None,
                returned_ms: None,
                approved_by: None,
                approved_name: None,
                approved_ms: None,
                four_eyes: None,
                letter_id: None,
                version: 0,
                created_ms: now,
                updated_ms: now,
            },
        };
        // The sak: one the citizen's page shows, this decision's own, or a new one.
        let doc = self.driving_document(&p.case.application, &p.case.owner).await?;
        let saker: Vec<(String, String)> = fold(&doc).saker.into_iter().map(|s| (s.referanse, s.tittel)).collect();
        let mut form = form.trimmed();
        let chosen = form.sak.trim().to_owned();
        let (referanse, title) = if chosen.is_empty() {
            let used: Vec<&str> = saker.iter().map(|(r, _)| r.as_str()).chain(existing.iter().map(|d| d.saksreferanse.as_str())).collect();
            let referanse = (1..).map(|n| format!("S{n}")).find(|r| !used.contains(&r.as_str())).unwrap_or_default();
            (referanse, form.sak_tittel.trim().to_owned())
        } else if let Some((r, t)) = saker.iter().find(|(r, _)| *r == chosen) {
            (r.clone(), if form.sak_tittel.trim().is_empty() { t.clone() } else { form.sak_tittel.trim().to_owned() })
        } else if chosen == row.saksreferanse {
            (chosen, form.sak_tittel.trim().to_owned())
        } else {
            return Err(invalid(Refusal { key: "vedtak-refused-unknown-sak", field: "sak" }));
        };
        let title = if title.is_empty() { STANDARD_SAKSTITTEL.to_owned() } else { title };
        form.sak = referanse.clone();
        form.sak_tittel = title.clone();
        let content = form.content(row.seq, &referanse, &title).map_err(CaseError::Invalid)?;
        row.saksreferanse = referanse;
        row.calculation_id = self.store.latest_calculation(id).await?.map(|c| c.id);
        row.content_json = serde_json::to_string(&form).map_err(|e| CaseError::Internal(e.to_string()))?;
        row.stage = STAGE_DRAFT.into();
        row.version += 1;
        row.updated_ms = now;
        Ok((row, content))
    }

    /// What making `vedtak` writes: the decision as made, its letter, its events (and the
    /// application finished when every sak has a decision), and its payments as planned.
    async fn made(&self, staff: &StaffUser, p: &Prepared, mut row: DecisionRow, vedtak: &Vedtak, words: &dyn Words, now: Millis) -> Result<OfficeChange> {
        let Stage::Approved { four_eyes, .. } = vedtak.stage else { return Err(invalid(Refusal { key: "vedtak-refused-not-approved", field: "" })) };
        let at = tidspunkt(now);
        let hendelser = events::decision_events(vedtak, "", &at).map_err(invalid)?;
        let mut doc = self.driving_document(&p.case.application, &p.case.owner).await?;
        doc.hendelser.extend(hendelser.iter().cloned());
        let mut events: Vec<Value> = hendelser.iter().map(|h| serde_json::to_value(h).map_err(|e| CaseError::Internal(e.to_string()))).collect::<Result<_>>()?;
        let innsyn = fold(&doc);
        if !innsyn.saker.is_empty() && innsyn.saker.iter().all(|s| !s.vedtak.is_empty()) {
            events.push(serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "FERDIGBEHANDLET"}));
        }
        let name = self.store.person(&p.case.owner).await?.map(|s| s.fullt_navn()).unwrap_or_default();
        let pdf = self.decision_pdf(staff, p, vedtak, &name, words, now).await?;
        let sha = self.files.put(&pdf).await?;
        row.stage = STAGE_APPROVED.into();
        row.approved_by = Some(staff.subject.clone());
        row.approved_name = Some(staff.name.clone());
        row.approved_ms = Some(now);
        row.four_eyes = Some(four_eyes);
        row.letter_id = Some(String::new());
        row.version += 1;
        row.updated_ms = now;
        let mut writes = vec![DecisionWrite::Decision(row.clone())];
        writes.extend(vedtak.content.payments.iter().map(|pay| DecisionWrite::Payment(super::payments::payment_row(&row, pay, &name, now))));
        Ok(OfficeChange {
            events,
            letter: Some((words.t("letter-vedtak-title", &[]), sha, pdf.len() as i64)),
            decisions: writes,
            journal: vec![("vedtak-fattet".into(), outcome_code(vedtak.content.outcome).to_owned())],
            ..OfficeChange::default()
        })
    }

    /// The decision letter of `vedtak` in `words`' language.
    async fn decision_pdf(&self, staff: &StaffUser, p: &Prepared, vedtak: &Vedtak, name: &str, words: &dyn Words, now: Millis) -> Result<Vec<u8>> {
        let c = &vedtak.content;
        let kommune = self.kommuners_office(&p.case.application.kommunenummer);
        let head = LetterHead {
            name: name.to_owned(),
            office: kommune.0,
            office_phone: kommune.1,
            reference: p.case.application.reference.clone(),
            date: velferd_domain::dates::norwegian_date(&p.today.to_string()),
            caseworker: staff.name.clone(),
        };
        let date = |d: Date| velferd_domain::dates::norwegian_date(&d.to_string());
        let outcome_letter = match c.outcome {
            Outcome::Granted => "letter-vedtak-outcome-granted",
            Outcome::PartlyGranted => "letter-vedtak-outcome-partly-granted",
            Outcome::Refused => "letter-vedtak-outcome-refused",
            Outcome::Dismissed => "letter-vedtak-outcome-dismissed",
        };
        let calculation = match self.store.latest_calculation(&p.case.application.id).await? {
            Some(row) if c.outcome.grants() => {
                let saved = stored_calculation(row)?;
                let mut lines: Vec<(String, String)> = saved
                    .result
                    .lines
                    .iter()
                    .map(|l| {
                        let args: Vec<(&'static str, String)> = l.citizen.args.iter().map(|(k, v)| (arg_name(k), v.clone())).collect();
                        let amount = Belop::from_ore(l.ore).to_string();
                        (words.t(&l.citizen.key, &args), if l.section == "inntekt" { format!("− {amount}") } else { amount })
                    })
                    .collect();
                lines.push((words.t("letter-vedtak-calculation-total", &[]), Belop::from_ore(saved.amount_ore()).to_string()));
                lines
            }
            _ => vec![],
        };
        let letter = DecisionLetter {
            outcome: words.t(outcome_letter, &[("sak", c.sak_tittel.clone())]),
            reasons: c.reasons.clone(),
            hjemler: c.hjemler.iter().filter_map(|id| self.hjemler.get(id)).map(|h| format!("{} ({})", h.citation(), h.tittel)).collect(),
            payments: c
                .payments
                .iter()
                .map(|pay| LetterPayment {
                    description: pay.description.clone(),
                    amount: pay.amount.to_string(),
                    due: date(pay.due),
                    to: match &pay.recipient {
                        Recipient::Citizen { account } => words.t("letter-vedtak-to-you", &[("account", account.formatted())]),
                        Recipient::ThirdParty { name, .. } => name.clone(),
                    },
                })
                .collect(),
            conditions: c.conditions.iter().map(|v| (v.tittel.clone(), v.beskrivelse.clone())).collect(),
            requirements: c.requirements.iter().map(|r| (r.tittel.clone(), r.frist.map(date))).collect(),
            calculation,
            appeal_by: date(klage::deadline(oslo_date(now))),
        };
        decision_letter(words, &head, &letter)
    }

    /// The office's name and telephone for a letter.
    pub(crate) fn kommuners_office(&self, kommunenummer: &Kommunenummer) -> (String, String) {
        self.kommuner.get(kommunenummer).map(|k| (k.kontor.navn.clone(), k.kontor.telefon.clone())).unwrap_or_default()
    }
}

/// The argument names a calculation's texts use, as the `'static` names [`Words::t`] takes.
fn arg_name(name: &str) -> &'static str {
    ["age", "from", "to", "persons", "label", "source", "valid_from"].into_iter().find(|n| *n == name).unwrap_or("value")
}
