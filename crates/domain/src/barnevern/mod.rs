//! Barnevern — child welfare: the municipality's child-welfare service (barneverntjenesten; in
//! Sweden socialnämnden) and the concern reports it receives (bekymringsmelding; Swedish
//! orosanmälan). Anyone may report concern for a child; professionals with a duty to report
//! (barnevernsloven § 13-2, socialtjänstlagen 14 kap. 1 §) identify themselves.
//!
//! Here, free of I/O: the report as the public form gives it ([`ReportForm`] → [`Report`], every
//! fault at once), the reporter, urgency, the steps the service records ([`Step`], stored
//! append-only), the state they fold to ([`ReportState`]), what may be done in each state, and the
//! legal deadlines ([`deadlines`], rules as data). Every refusal is a Fluent key (`bv-refused-*`)
//! and the form field it belongs to.

pub mod deadlines;
pub mod fiks;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ids::{Fodselsnummer, Kommunenummer};
use crate::office::Refusal;
use crate::Millis;
pub use deadlines::{Deadline, DeadlineKind, Standing};

/// Whose law counts the deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jurisdiction {
    /// Norway: barnevernsloven, Europe/Oslo.
    #[serde(rename = "no")]
    Norway,
    /// Sweden: socialtjänstlagen, Europe/Stockholm.
    #[serde(rename = "se")]
    Sweden,
}

impl Jurisdiction {
    /// The code as stored (`no`, `se`).
    pub fn code(self) -> &'static str {
        match self {
            Jurisdiction::Norway => "no",
            Jurisdiction::Sweden => "se",
        }
    }

    pub fn from_code(code: &str) -> Option<Jurisdiction> {
        [Jurisdiction::Norway, Jurisdiction::Sweden].into_iter().find(|j| j.code() == code)
    }
}

/// How urgent: as the reporter sees it on the form, and as the service assesses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// The child may be in danger now: act today.
    Akutt,
    /// Needs attention within days.
    Snart,
    /// Ordinary: the deadlines of the law.
    Vanlig,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::Akutt, Urgency::Snart, Urgency::Vanlig];

    /// The value in forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Akutt => "akutt",
            Urgency::Snart => "snart",
            Urgency::Vanlig => "vanlig",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.code() == code)
    }
}

/// Who reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Reporter {
    /// A private person who gave no name. No network address or other trace is kept.
    Anonym,
    /// A private person who gave their name and how to reach them.
    Privat { name: String, phone: String, email: String },
    /// Someone reporting in their work (teacher, nurse, police …), signed in: the fødselsnummer
    /// and name from the sign-in, the role and organisation they gave. They get a receipt and the
    /// feedback of barnevernsloven § 13-4.
    Offentlig { fnr: Fodselsnummer, name: String, role: String, organisation: String, phone: String, email: String },
}

impl Reporter {
    pub fn kind(&self) -> &'static str {
        match self {
            Reporter::Anonym => "anonym",
            Reporter::Privat { .. } => "privat",
            Reporter::Offentlig { .. } => "offentlig",
        }
    }

    pub fn is_professional(&self) -> bool {
        matches!(self, Reporter::Offentlig { .. })
    }
}

/// The child as the reporter knows it: any of name, fødselsnummer, birth date, where the child
/// lives or can be found. At least a name or a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    pub fnr: Option<Fodselsnummer>,
    /// ISO date (`2015-04-01`), if given.
    pub birth_date: Option<String>,
    /// Address, school or kindergarten: where the service can find the child.
    pub whereabouts: String,
}

impl Child {
    /// Whether two reports are about the same child, as far as they tell: the same fødselsnummer
    /// when both have one; otherwise the same birth date and the same name (case and spacing
    /// aside). Anything less is not enough to merge.
    pub fn same_as(&self, other: &Child) -> bool {
        match (&self.fnr, &other.fnr) {
            (Some(a), Some(b)) => a == b,
            _ => {
                let name = |c: &Child| crate::text::search_words(&c.name);
                self.birth_date.is_some() && self.birth_date == other.birth_date && !self.name.is_empty() && name(self) == name(other)
            }
        }
    }
}

/// A report as it is stored once received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub kommune: Kommunenummer,
    pub jurisdiction: Jurisdiction,
    pub child: Child,
    /// What the reporter has seen or heard.
    pub concern: String,
    /// How urgent the reporter thinks it is.
    pub urgency: Urgency,
    /// The reporter said the child is in danger now.
    pub danger_now: bool,
    pub reporter: Reporter,
}

impl Report {
    /// Acute: the reporter said the child is in danger now or marked it acute. Listed first and
    /// flagged until the service has assessed the urgency.
    pub fn acute(&self) -> bool {
        self.danger_now || self.urgency == Urgency::Akutt
    }
}

/// The public form as typed (every field a string, as the browser sent it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportForm {
    pub kommune: String,
    pub child_name: String,
    pub child_fnr: String,
    pub child_birth_date: String,
    pub child_whereabouts: String,
    pub concern: String,
    /// `akutt`, `snart` or `vanlig`.
    pub urgency: String,
    /// `ja` or `nei`.
    pub danger_now: String,
    /// `ja` when a private person reports anonymously.
    pub anonymous: String,
    pub reporter_name: String,
    pub reporter_phone: String,
    pub reporter_email: String,
    /// A professional's role (teacher, health visitor …) and organisation.
    pub reporter_role: String,
    pub reporter_organisation: String,
}

/// The longest concern text (characters), and the longest line (names, roles, places).
pub const MAX_CONCERN: usize = 20_000;
pub const MAX_LINE: usize = 200;

/// A professional reporter as the sign-in names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedInReporter {
    pub fnr: Fodselsnummer,
    pub name: String,
}

fn line(raw: &str, field: &'static str, faults: &mut Vec<Refusal>) -> String {
    match crate::text::clean_line(raw, MAX_LINE) {
        Ok(t) => t,
        Err(key) => {
            faults.push(Refusal { key: text_key(key), field });
            String::new()
        }
    }
}

fn text_key(key: &str) -> &'static str {
    match key {
        "error-text-too-long" => "bv-refused-too-long",
        "error-text-direction" => "bv-refused-direction",
        _ => "bv-refused-unreadable",
    }
}

impl ReportForm {
    /// Checks the form against the rules and gives the report, or every fault at once. `kommune`
    /// must be one the service takes reports for (`known`), `signed_in` is a professional who
    /// signed in (then role and organisation are required, anonymity is not offered).
    pub fn check(&self, known: impl Fn(&Kommunenummer) -> Option<Jurisdiction>, signed_in: Option<&SignedInReporter>, today: Date) -> Result<Report, Vec<Refusal>> {
        let mut faults = Vec::new();
        let kommune = Kommunenummer::parse(&self.kommune).ok().and_then(|k| known(&k).map(|j| (k, j)));
        if kommune.is_none() {
            faults.push(Refusal { key: "bv-refused-kommune", field: "kommune" });
        }
        let child_name = line(&self.child_name, "barn-navn", &mut faults);
        let whereabouts = line(&self.child_whereabouts, "barn-sted", &mut faults);
        let fnr = match self.child_fnr.trim() {
            "" => None,
            raw => match Fodselsnummer::parse(raw) {
                Ok(f) => Some(f),
                Err(_) => {
                    faults.push(Refusal { key: "bv-refused-fnr", field: "barn-fnr" });
                    None
                }
            },
        };
        let birth_date = match self.child_birth_date.trim() {
            "" => None,
            raw => match crate::office::parse_date(raw) {
                Some(d) if d <= today => Some(d.to_string()),
                Some(_) => {
                    faults.push(Refusal { key: "bv-refused-birth-future", field: "barn-fodt" });
                    None
                }
                None => {
                    faults.push(Refusal { key: "bv-refused-date", field: "barn-fodt" });
                    None
                }
            },
        };
        if child_name.is_empty() && whereabouts.is_empty() && fnr.is_none() && !faults.iter().any(|f| f.field.starts_with("barn-")) {
            faults.push(Refusal { key: "bv-refused-child-unknown", field: "barn-navn" });
        }
        let concern = match crate::text::clean(&self.concern, MAX_CONCERN) {
            Ok(t) if t.is_empty() => {
                faults.push(Refusal { key: "bv-refused-concern-empty", field: "bekymring" });
                t
            }
            Ok(t) => t,
            Err(key) => {
                faults.push(Refusal { key: text_key(key), field: "bekymring" });
                String::new()
            }
        };
        let urgency = Urgency::from_code(self.urgency.trim());
        if urgency.is_none() {
            faults.push(Refusal { key: "bv-refused-urgency", field: "hastegrad" });
        }
        let danger_now = match self.danger_now.trim() {
            "ja" => Some(true),
            "nei" => Some(false),
            _ => {
                faults.push(Refusal { key: "bv-refused-danger", field: "fare-na" });
                None
            }
        };
        let name = line(&self.reporter_name, "melder-navn", &mut faults);
        let phone = line(&self.reporter_phone, "melder-telefon", &mut faults);
        let email = line(&self.reporter_email, "melder-epost", &mut faults);
        if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
            faults.push(Refusal { key: "bv-refused-email", field: "melder-epost" });
        }
        let reporter = match signed_in {
            Some(who) => {
                let role = line(&self.reporter_role, "melder-rolle", &mut faults);
                let organisation = line(&self.reporter_organisation, "melder-organisasjon", &mut faults);
                if role.is_empty() {
                    faults.push(Refusal { key: "bv-refused-role", field: "melder-rolle" });
                }
                if organisation.is_empty() {
                    faults.push(Refusal { key: "bv-refused-organisation", field: "melder-organisasjon" });
                }
                Reporter::Offentlig { fnr: who.fnr.clone(), name: who.name.clone(), role, organisation, phone, email }
            }
            None if self.anonymous.trim() == "ja" => Reporter::Anonym,
            None => {
                if name.is_empty() {
                    faults.push(Refusal { key: "bv-refused-name", field: "melder-navn" });
                }
                if phone.is_empty() && email.is_empty() {
                    faults.push(Refusal { key: "bv-refused-contact", field: "melder-telefon" });
                }
                Reporter::Privat { name, phone, email }
            }
        };
        match (faults.is_empty(), kommune, urgency, danger_now) {
            (true, Some((kommune, jurisdiction)), Some(urgency), Some(danger_now)) => {
                Ok(Report { kommune, jurisdiction, child: Child { name: child_name, fnr, birth_date, whereabouts }, concern, urgency, danger_now, reporter })
            }
            _ => Err(faults),
        }
    }
}

/// Which kind of step: the ids in storage and in the deadline data's `oppfylt_av`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepKind {
    Mottatt,
    Hastegrad,
    Gjennomgang,
    Undersokelse,
    Forlengelse,
    Avsluttet,
    Sammenslatt,
    Tilbakemelding,
}

impl StepKind {
    const ALL: [StepKind; 8] = [
        StepKind::Mottatt,
        StepKind::Hastegrad,
        StepKind::Gjennomgang,
        StepKind::Undersokelse,
        StepKind::Forlengelse,
        StepKind::Avsluttet,
        StepKind::Sammenslatt,
        StepKind::Tilbakemelding,
    ];

    pub fn id(self) -> &'static str {
        match self {
            StepKind::Mottatt => "mottatt",
            StepKind::Hastegrad => "hastegrad",
            StepKind::Gjennomgang => "gjennomgang",
            StepKind::Undersokelse => "undersokelse",
            StepKind::Forlengelse => "forlengelse",
            StepKind::Avsluttet => "avsluttet",
            StepKind::Sammenslatt => "sammenslatt",
            StepKind::Tilbakemelding => "tilbakemelding",
        }
    }

    pub fn from_id(id: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// One step the service recorded on a report (stored append-only as JSON, with who and when).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "steg", rename_all = "lowercase")]
pub enum Step {
    /// The report received (written with the report).
    Mottatt,
    /// Urgency assessed (skyddsbedömning in Sweden), with the reason.
    Hastegrad { urgency: Urgency, reason: String },
    /// Reviewed (gjennomgang): read and considered; the decision follows.
    Gjennomgang { note: String },
    /// An investigation opened (undersøkelse; utredning inledd), with the reason.
    Undersokelse { reason: String },
    /// The investigation's deadline extended to a last day (ISO date), with the reason.
    Forlengelse { until: String, reason: String },
    /// Closed (henlagt; inte inleda / avslutad), with the reason.
    Avsluttet { reason: String },
    /// Merged into another report about the same child (its id), with the reason.
    Sammenslatt { into: String, reason: String },
    /// The feedback letter to a professional reporter sent (the letter's id).
    Tilbakemelding { letter: String },
}

impl Step {
    pub fn kind(&self) -> StepKind {
        match self {
            Step::Mottatt => StepKind::Mottatt,
            Step::Hastegrad { .. } => StepKind::Hastegrad,
            Step::Gjennomgang { .. } => StepKind::Gjennomgang,
            Step::Undersokelse { .. } => StepKind::Undersokelse,
            Step::Forlengelse { .. } => StepKind::Forlengelse,
            Step::Avsluttet { .. } => StepKind::Avsluttet,
            Step::Sammenslatt { .. } => StepKind::Sammenslatt,
            Step::Tilbakemelding { .. } => StepKind::Tilbakemelding,
        }
    }
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    /// Received, urgency not yet assessed.
    Ny,
    /// Urgency assessed or reviewed; no decision yet.
    Vurdert,
    /// An investigation is open.
    Undersokes,
    Avsluttet,
    Sammenslatt,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Ny => "ny",
            Status::Vurdert => "vurdert",
            Status::Undersokes => "undersokes",
            Status::Avsluttet => "avsluttet",
            Status::Sammenslatt => "sammenslatt",
        }
    }
}

/// The folded steps of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportState {
    pub received_at: Millis,
    /// The assessed urgency and when.
    pub urgency: Option<(Urgency, Millis)>,
    pub reviewed_at: Option<Millis>,
    pub investigation_at: Option<Millis>,
    /// The extended last day of the investigation.
    pub extended_to: Option<Date>,
    pub closed_at: Option<Millis>,
    pub merged_into: Option<String>,
    pub feedback_at: Option<Millis>,
    /// The first time each kind of step was recorded.
    pub first: Vec<(StepKind, Millis)>,
    /// The reporter is a professional, owed feedback ([`ReportState::with_reporter`]).
    pub professional_reporter: bool,
}

impl ReportState {
    /// Folds steps in the order recorded (with when each was recorded, ms).
    pub fn fold<'a>(steps: impl IntoIterator<Item = (&'a Step, Millis)>) -> ReportState {
        let mut s = ReportState::default();
        for (step, at) in steps {
            if !s.first.iter().any(|(k, _)| *k == step.kind()) {
                s.first.push((step.kind(), at));
            }
            match step {
                Step::Mottatt => s.received_at = at,
                Step::Hastegrad { urgency, .. } => s.urgency = Some((*urgency, at)),
                Step::Gjennomgang { .. } => s.reviewed_at = s.reviewed_at.or(Some(at)),
                Step::Undersokelse { .. } => s.investigation_at = s.investigation_at.or(Some(at)),
                Step::Forlengelse { until, .. } => s.extended_to = crate::office::parse_date(until).or(s.extended_to),
                Step::Avsluttet { .. } => s.closed_at = s.closed_at.or(Some(at)),
                Step::Sammenslatt { into, .. } => {
                    s.merged_into = Some(into.clone());
                    s.closed_at = s.closed_at.or(Some(at));
                }
                Step::Tilbakemelding { .. } => s.feedback_at = s.feedback_at.or(Some(at)),
            }
        }
        s
    }

    /// The state for a report from `reporter`: a professional is owed feedback, a deadline of its
    /// own.
    pub fn with_reporter(mut self, reporter: &Reporter) -> ReportState {
        self.professional_reporter = reporter.is_professional();
        self
    }

    pub fn status(&self) -> Status {
        if self.merged_into.is_some() {
            Status::Sammenslatt
        } else if self.closed_at.is_some() {
            Status::Avsluttet
        } else if self.investigation_at.is_some() {
            Status::Undersokes
        } else if self.urgency.is_some() || self.reviewed_at.is_some() {
            Status::Vurdert
        } else {
            Status::Ny
        }
    }

    /// Acute as the service assessed it once it has (the latest urgency step), before that as the
    /// reporter said ([`Report::acute`]); a closed report is not.
    pub fn acute(&self, report: &Report) -> bool {
        self.open() && self.urgency.map_or_else(|| report.acute(), |(u, _)| u == Urgency::Akutt)
    }

    pub fn open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// The deadlines that apply now, in the data's order: those that run from receipt, and — once
    /// an investigation is open — the investigation's. Each with when a step met it.
    pub fn deadlines(&self, j: Jurisdiction) -> Vec<Deadline> {
        deadlines::RULES
            .of(j)
            .iter()
            .filter(|rule| !matches!(rule.kind, DeadlineKind::Undersokelse | DeadlineKind::Utredning) || self.investigation_at.is_some())
            .filter(|rule| !rule.professional_only || self.professional_reporter)
            .filter_map(|rule| {
                let start = match rule.start {
                    deadlines::Start::Received => self.received_at,
                    deadlines::Start::InvestigationOpened => self.investigation_at?,
                };
                let met = self.first.iter().filter(|(k, _)| rule.met_by.contains(k)).map(|(_, at)| *at).min();
                let extended = if rule.kind == DeadlineKind::Undersokelse { self.extended_to } else { None };
                deadlines::deadline(j, rule, start, extended, met)
            })
            .collect()
    }

    /// The first deadline not yet met, if any (while the report is open; feedback owed after
    /// closing is on the report's page, not in the list).
    pub fn next_deadline(&self, j: Jurisdiction) -> Option<Deadline> {
        self.deadlines(j).into_iter().filter(|d| d.met_at.is_none()).min_by_key(|d| d.ends_at)
    }
}

/// What a caseworker can do on a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    AssessUrgency,
    Review,
    OpenInvestigation,
    Extend,
    Close,
    Merge,
    SendFeedback,
}

/// Whether `action` may be taken on a report in `state` reported by `reporter`.
/// Refusals: `bv-refused-closed`, `bv-refused-already-investigating`, `bv-refused-not-investigating`,
/// `bv-refused-already-reviewed`, `bv-refused-not-professional`, `bv-refused-feedback-early`,
/// `bv-refused-feedback-sent`.
pub fn may(action: Action, state: &ReportState, reporter: &Reporter) -> Result<(), Refusal> {
    let whole = |key| Err(Refusal { key, field: "" });
    if action == Action::SendFeedback {
        if !reporter.is_professional() {
            return whole("bv-refused-not-professional");
        }
        if state.feedback_at.is_some() {
            return whole("bv-refused-feedback-sent");
        }
        if state.investigation_at.is_none() && state.closed_at.is_none() {
            return whole("bv-refused-feedback-early");
        }
        return Ok(());
    }
    if !state.open() {
        return whole("bv-refused-closed");
    }
    match action {
        Action::Review if state.reviewed_at.is_some() || state.investigation_at.is_some() => whole("bv-refused-already-reviewed"),
        Action::OpenInvestigation if state.investigation_at.is_some() => whole("bv-refused-already-investigating"),
        Action::Extend if state.investigation_at.is_none() => whole("bv-refused-not-investigating"),
        _ => Ok(()),
    }
}

/// The longest reason or note a caseworker writes.
pub const MAX_REASON: usize = 5_000;

/// Checks a reason: required (`bv-refused-reason-missing`: a report is never closed, merged,
/// extended or assessed without saying why), printable, at most [`MAX_REASON`].
pub fn check_reason(raw: &str, field: &'static str) -> Result<String, Refusal> {
    let text = crate::text::clean(raw, MAX_REASON).map_err(|key| Refusal { key: text_key(key), field })?;
    if text.is_empty() {
        return Err(Refusal { key: "bv-refused-reason-missing", field });
    }
    Ok(text)
}

/// Checks a merge of report `from` into `into`: not itself, the same municipality, the other report
/// still open, and the same child ([`Child::same_as`]). Refusals: `bv-refused-merge-self`,
/// `bv-refused-merge-kommune`, `bv-refused-merge-closed`, `bv-refused-merge-other-child`.
pub fn check_merge(from_id: &str, from: &Report, into_id: &str, into: &Report, into_state: &ReportState) -> Result<(), Refusal> {
    let field = "slaa-sammen-med";
    if from_id == into_id {
        return Err(Refusal { key: "bv-refused-merge-self", field });
    }
    if from.kommune != into.kommune {
        return Err(Refusal { key: "bv-refused-merge-kommune", field });
    }
    if !into_state.open() {
        return Err(Refusal { key: "bv-refused-merge-closed", field });
    }
    if !from.child.same_as(&into.child) {
        return Err(Refusal { key: "bv-refused-merge-other-child", field });
    }
    Ok(())
}

/// What a staff member may read of the concern reports: those of the municipalities whose
/// child-welfare service they work at. Only [`crate::staff::Role::Barnevern`] gives it; NAV's roles
/// (saksbehandler, leder …) never do. The identity provider names a staff member's unit by its
/// enhetsnummer (`office`); the unit serves the municipalities the catalogue gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub kommuner: Vec<Kommunenummer>,
}

impl Access {
    /// `None`: no child-welfare access (no such role, or a unit that serves no municipality).
    pub fn for_staff(roles: &[crate::staff::Role], office: &str, katalog: &crate::kommune::Katalog) -> Option<Access> {
        if !roles.contains(&crate::staff::Role::Barnevern) {
            return None;
        }
        let kommuner: Vec<Kommunenummer> = katalog.by_name().into_iter().filter(|k| k.kontor.enhetsnummer == office).map(|k| k.nummer.clone()).collect();
        (!kommuner.is_empty()).then_some(Access { kommuner })
    }

    pub fn may_read(&self, kommune: &Kommunenummer) -> bool {
        self.kommuner.contains(kommune)
    }
}

/// A report's reference as people read it: `BM-` and the first eight characters of its id, upper
/// case (`BM-1A2B3C4D`).
pub fn reference(id: &str) -> String {
    format!("BM-{}", id.chars().filter(|c| c.is_ascii_alphanumeric()).take(8).collect::<String>().to_uppercase())
}

#[cfg(test)]
mod tests;
