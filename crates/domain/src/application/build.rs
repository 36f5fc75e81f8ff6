//! What each step asks, how its answers are checked, and the typed application they become.

use super::answers::{Answers, FieldError};
use super::Step;
use crate::ids::{Belop, Fodselsnummer, Kontonummer, MessageKey, Telefonnummer};
use crate::text::{clean, MAX_LONG_TEXT, MAX_SHORT_TEXT};

/// Most children one application lists; more can be told in the free text or to the office.
pub const MAX_BARN: usize = 10;

/// Emergency: the citizen has no food or no place to sleep today (nødhjelp).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nodhjelp {
    Nei,
    Mat,
    Bolig,
    MatOgBolig,
}

impl Nodhjelp {
    pub fn is_emergency(self) -> bool {
        self != Nodhjelp::Nei
    }
}

/// What the citizen applies for. The slug is the form value and the Fluent key suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kategori {
    Livsopphold,
    Husleie,
    Strom,
    Mat,
    Klaer,
    Tannlege,
    Medisiner,
    Annet,
}

impl Kategori {
    pub const ALL: [Kategori; 8] =
        [Kategori::Livsopphold, Kategori::Husleie, Kategori::Strom, Kategori::Mat, Kategori::Klaer, Kategori::Tannlege, Kategori::Medisiner, Kategori::Annet];

    pub fn slug(self) -> &'static str {
        match self {
            Kategori::Livsopphold => "livsopphold",
            Kategori::Husleie => "husleie",
            Kategori::Strom => "strom",
            Kategori::Mat => "mat",
            Kategori::Klaer => "klaer",
            Kategori::Tannlege => "tannlege",
            Kategori::Medisiner => "medisiner",
            Kategori::Annet => "annet",
        }
    }

    /// The Norwegian words written into `hvaSokesOm`, which caseworkers read.
    pub fn norwegian(self) -> &'static str {
        match self {
            Kategori::Livsopphold => "Livsopphold",
            Kategori::Husleie => "Husleie",
            Kategori::Strom => "Strøm",
            Kategori::Mat => "Mat",
            Kategori::Klaer => "Klær",
            Kategori::Tannlege => "Tannlege",
            Kategori::Medisiner => "Medisiner",
            Kategori::Annet => "Annet",
        }
    }
}

/// Housing situation; slugs are the schema's `botype` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Botype {
    Eier,
    Leier,
    Kommunal,
    Ingen,
    Institusjon,
    Krisesenter,
    Fengsel,
    Venner,
    Foreldre,
    Familie,
    Annet,
}

impl Botype {
    pub const ALL: [Botype; 11] = [
        Botype::Leier,
        Botype::Kommunal,
        Botype::Eier,
        Botype::Foreldre,
        Botype::Familie,
        Botype::Venner,
        Botype::Ingen,
        Botype::Krisesenter,
        Botype::Institusjon,
        Botype::Fengsel,
        Botype::Annet,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Botype::Eier => "eier",
            Botype::Leier => "leier",
            Botype::Kommunal => "kommunal",
            Botype::Ingen => "ingen",
            Botype::Institusjon => "institusjon",
            Botype::Krisesenter => "krisesenter",
            Botype::Fengsel => "fengsel",
            Botype::Venner => "venner",
            Botype::Foreldre => "foreldre",
            Botype::Familie => "familie",
            Botype::Annet => "annet",
        }
    }

    pub fn pays_rent(self) -> bool {
        matches!(self, Botype::Leier | Botype::Kommunal)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sivilstatus {
    Ugift,
    Gift,
    Samboer,
    Separert,
    Skilt,
    Enke,
}

impl Sivilstatus {
    pub const ALL: [Sivilstatus; 6] = [Sivilstatus::Ugift, Sivilstatus::Gift, Sivilstatus::Samboer, Sivilstatus::Separert, Sivilstatus::Skilt, Sivilstatus::Enke];

    pub fn slug(self) -> &'static str {
        match self {
            Sivilstatus::Ugift => "ugift",
            Sivilstatus::Gift => "gift",
            Sivilstatus::Samboer => "samboer",
            Sivilstatus::Separert => "separert",
            Sivilstatus::Skilt => "skilt",
            Sivilstatus::Enke => "enke",
        }
    }

    pub fn has_partner(self) -> bool {
        matches!(self, Sivilstatus::Gift | Sivilstatus::Samboer)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Studentgrad {
    Heltid,
    Deltid,
}

/// Child support: the schema's `barnebidrag.verdi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Barnebidrag {
    Betaler,
    Mottar,
    Begge,
    Ingen,
}

impl Barnebidrag {
    pub const ALL: [Barnebidrag; 4] = [Barnebidrag::Ingen, Barnebidrag::Mottar, Barnebidrag::Betaler, Barnebidrag::Begge];

    pub fn slug(self) -> &'static str {
        match self {
            Barnebidrag::Betaler => "betaler",
            Barnebidrag::Mottar => "mottar",
            Barnebidrag::Begge => "begge",
            Barnebidrag::Ingen => "ingen",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arbeid {
    pub arbeidsgiver: String,
    pub stillingsprosent: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub fornavn: String,
    pub etternavn: String,
    /// Optional: the office can look the partner up with it.
    pub fnr: Option<Fodselsnummer>,
    pub bor_sammen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Barn {
    pub fornavn: String,
    pub etternavn: String,
    /// `YYYY-MM-DD`
    pub fodselsdato: String,
    pub bor_sammen: bool,
    /// Lives with the citizen half the time or more under a shared-residence agreement.
    pub delt_bosted: bool,
    /// Percentage of time with the citizen when the child lives elsewhere (samværsgrad).
    pub samvaersgrad: Option<u32>,
}

/// One amount in the money steps: its field name (also the Fluent key suffix and the format's
/// `type`) and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pengepost {
    pub field: &'static str,
    pub belop: Belop,
}

/// Monthly income fields: (field, format `type`, Norwegian title for `tittel`).
pub const INNTEKT_FIELDS: [(&str, &str, &str); 6] = [
    ("lonn", "jobb", "Lønn (netto per måned)"),
    ("trygd", "navytelse", "Ytelser fra NAV"),
    ("bostotte", "husbanken", "Bostøtte fra Husbanken"),
    ("studielan", "studielanOgStipend", "Studielån og stipend"),
    ("barnebidrag_mottatt", "barnebidrag", "Mottatt barnebidrag"),
    ("annen_inntekt", "annen", "Annen inntekt"),
];

/// Assets: (field, format `type`, Norwegian title).
pub const FORMUE_FIELDS: [(&str, &str, &str); 3] =
    [("brukskonto", "brukskonto", "Saldo brukskonto"), ("sparekonto", "sparekonto", "Saldo sparekonto"), ("annen_formue", "belop", "Andre bankinnskudd og verdier")];

/// Monthly expenses: (field, format `type`, Norwegian title).
pub const UTGIFT_FIELDS: [(&str, &str, &str); 7] = [
    ("husleie", "husleie", "Husleie"),
    ("strom", "strom", "Strøm"),
    ("kommunale_avgifter", "kommunalAvgift", "Kommunale avgifter"),
    ("boliglan", "boliglanAvdrag", "Boliglån (renter og avdrag)"),
    ("barnehage", "barnehage", "Barnehage"),
    ("sfo", "sfo", "SFO / AKS"),
    ("annen_utgift", "annen", "Andre utgifter"),
];

/// The whole application, checked and typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub nodhjelp: Nodhjelp,
    pub kategorier: Vec<Kategori>,
    pub hva_annet: Option<String>,
    pub hvorfor: String,
    pub telefon: Option<Telefonnummer>,
    /// Where the citizen actually lives, when it is not the registered address.
    pub oppholdsadresse: Option<String>,
    pub nordisk_borger: bool,
    pub botype: Botype,
    pub antall_personer: u32,
    pub arbeid: Option<Arbeid>,
    pub student: Option<Studentgrad>,
    pub sivilstatus: Sivilstatus,
    pub partner: Option<Partner>,
    pub barn: Vec<Barn>,
    pub barnebidrag: Option<Barnebidrag>,
    pub inntekter: Vec<Pengepost>,
    pub formue: Vec<Pengepost>,
    pub utgifter: Vec<Pengepost>,
    /// `None` when the citizen has no account (`harIkkeKonto`).
    pub kontonummer: Option<Kontonummer>,
}

impl Application {
    pub fn expense(&self, field: &str) -> i64 {
        self.utgifter.iter().find(|p| p.field == field).map_or(0, |p| p.belop.kroner())
    }

    pub fn income(&self, field: &str) -> i64 {
        self.inntekter.iter().find(|p| p.field == field).map_or(0, |p| p.belop.kroner())
    }
}

/// Field names of the per-child fields, numbered from 1.
pub fn barn_field(i: usize, name: &str) -> String {
    format!("barn{i}_{name}")
}

const BARN_FIELDS: [&str; 6] = ["fornavn", "etternavn", "fodselsdato", "bor_sammen", "delt_bosted", "samvaer"];

/// Whether a posted field name belongs to `step`; anything else in a form is ignored.
pub fn belongs_to(step: Step, name: &str) -> bool {
    let fixed: &[&str] = match step {
        Step::Nodhjelp => &["nodhjelp"],
        Step::Behov => &["kategorier", "hva_annet", "hvorfor"],
        Step::Personalia => &["telefon", "bor_folkeregistrert", "oppholdsadresse", "nordisk_borger"],
        Step::Bolig => &["botype", "antall_personer"],
        Step::Arbeid => &["i_jobb", "arbeidsgiver", "stillingsprosent", "student", "studentgrad"],
        Step::Familie => &["sivilstatus", "partner_fornavn", "partner_etternavn", "partner_fnr", "partner_bor_sammen", "har_barn", "antall_barn", "barnebidrag"],
        Step::Inntekt => {
            return INNTEKT_FIELDS.iter().chain(FORMUE_FIELDS.iter()).any(|(f, _, _)| *f == name);
        }
        Step::Utgifter => return UTGIFT_FIELDS.iter().any(|(f, _, _)| *f == name),
        Step::Konto => &["kontonummer", "har_ikke_konto"],
        Step::Oppsummering => &["bekreft"],
    };
    if fixed.contains(&name) {
        return true;
    }
    step == Step::Familie
        && name
            .strip_prefix("barn")
            .and_then(|rest| rest.split_once('_'))
            .is_some_and(|(n, field)| n.parse::<usize>().is_ok_and(|n| (1..=MAX_BARN).contains(&n)) && BARN_FIELDS.contains(&field))
}

/// Collects field errors while a step's answers are parsed.
struct Check<'a> {
    answers: &'a Answers,
    errors: Vec<FieldError>,
}

impl<'a> Check<'a> {
    fn fail(&mut self, field: &str, key: MessageKey) {
        self.errors.push(FieldError::new(field, key));
    }

    /// An error whose message states the limit that was broken.
    fn fail_with(&mut self, field: &str, key: MessageKey, args: Vec<(&'static str, String)>) {
        self.errors.push(FieldError::with_args(field, key, args));
    }

    fn text(&mut self, field: &str, max: usize, required: bool) -> Option<String> {
        match clean(self.answers.get(field), max) {
            Ok(t) if t.is_empty() && required => {
                self.fail(field, "error-required");
                None
            }
            Ok(t) if t.is_empty() => None,
            Ok(t) => Some(t),
            Err(key @ "error-text-too-long") => {
                self.fail_with(field, key, vec![("max", max.to_string())]);
                None
            }
            Err(key) => {
                self.fail(field, key);
                None
            }
        }
    }

    /// One of `options`, required.
    fn choice<T: Copy>(&mut self, field: &str, options: &[T], slug: fn(T) -> &'static str) -> Option<T> {
        let raw = self.answers.get(field);
        let found = options.iter().copied().find(|o| slug(*o) == raw);
        if found.is_none() {
            self.fail(field, if raw.is_empty() { "error-choose" } else { "error-choice-unknown" });
        }
        found
    }

    fn yes_no(&mut self, field: &str) -> Option<bool> {
        match self.answers.get(field) {
            "ja" => Some(true),
            "nei" => Some(false),
            "" => {
                self.fail(field, "error-choose");
                None
            }
            _ => {
                self.fail(field, "error-choice-unknown");
                None
            }
        }
    }

    fn number(&mut self, field: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
        let raw = self.answers.get(field).trim();
        if raw.is_empty() {
            self.fail(field, "error-required");
            return None;
        }
        let limits = vec![("min", range.start().to_string()), ("max", range.end().to_string())];
        match raw.trim_end_matches('%').trim().parse::<u32>() {
            Ok(n) if range.contains(&n) => Some(n),
            Ok(_) => {
                self.fail_with(field, "error-number-range", limits);
                None
            }
            Err(_) if raw.starts_with('-') || raw.trim_end_matches('%').trim().chars().all(|c| c.is_ascii_digit()) => {
                // Negative, or too many digits for any answer here.
                self.fail_with(field, "error-number-range", limits);
                None
            }
            Err(_) => {
                self.fail(field, "error-number-format");
                None
            }
        }
    }

    /// A date typed as `dd.mm.åååå` (or ISO), returned as `YYYY-MM-DD`.
    fn date(&mut self, field: &str, required: bool) -> Option<String> {
        let raw = self.answers.get(field).trim();
        if raw.is_empty() {
            if required {
                self.fail(field, "error-required");
            }
            return None;
        }
        let parsed = parse_date(raw);
        if parsed.is_none() {
            self.fail(field, "error-date-format");
        }
        parsed
    }

    fn amounts(&mut self, fields: &[(&'static str, &str, &str)]) -> Vec<Pengepost> {
        let mut out = Vec::new();
        for (field, _, _) in fields {
            let raw = self.answers.get(field);
            if raw.trim().is_empty() {
                continue;
            }
            match Belop::parse(raw) {
                Ok(belop) if belop.kroner() > 0 => out.push(Pengepost { field, belop }),
                Ok(_) => {}
                // The message says the allowed range.
                Err(key @ ("error-belop-too-large" | "error-belop-negative")) => self.fail_with(field, key, vec![("max", Belop::from_kroner(crate::ids::MAX_BELOP).to_string())]),
                Err(key) => self.fail(field, key),
            }
        }
        out
    }
}

/// `dd.mm.åååå`, `d.m.åååå` or `åååå-mm-dd` to `åååå-mm-dd`, for real calendar dates since 1900.
fn parse_date(raw: &str) -> Option<String> {
    let (y, m, d) = if let Some((d, rest)) = raw.split_once(['.', '/']) {
        let (m, y) = rest.split_once(['.', '/'])?;
        (y.parse::<i32>().ok()?, m.parse::<u8>().ok()?, d.parse::<u8>().ok()?)
    } else {
        let mut parts = raw.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        (y, m, d)
    };
    let month = time::Month::try_from(m).ok()?;
    let date = time::Date::from_calendar_date(y, month, d).ok()?;
    (1900..=2100).contains(&y).then(|| format!("{:04}-{:02}-{:02}", date.year(), m, date.day()))
}

/// Checks one step and returns its field errors (empty when the step is complete and correct).
pub fn validate_step(step: Step, answers: &Answers) -> Vec<FieldError> {
    let mut check = Check { answers, errors: Vec::new() };
    parse_step(step, &mut check, &mut Partial::default());
    check.errors
}

/// Parses every step with questions; either the whole application or every error, tagged with its
/// step. The confirmation on the summary step is checked apart, with `validate_step(Oppsummering)`,
/// because the summary shows the parsed application before the citizen confirms it.
pub fn parse_application(answers: &Answers) -> Result<Application, Vec<(Step, FieldError)>> {
    let mut partial = Partial::default();
    let mut errors = Vec::new();
    for step in Step::ALL.into_iter().filter(|s| *s != Step::Oppsummering) {
        let mut check = Check { answers, errors: Vec::new() };
        parse_step(step, &mut check, &mut partial);
        errors.extend(check.errors.into_iter().map(|e| (step, e)));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    partial.finish().ok_or_else(|| vec![(Step::Oppsummering, FieldError::new("bekreft", "error-required"))])
}

/// Everything parsed so far; each step fills its part.
#[derive(Default)]
struct Partial {
    nodhjelp: Option<Nodhjelp>,
    kategorier: Vec<Kategori>,
    hva_annet: Option<String>,
    hvorfor: Option<String>,
    telefon: Option<Telefonnummer>,
    oppholdsadresse: Option<String>,
    nordisk_borger: Option<bool>,
    botype: Option<Botype>,
    antall_personer: Option<u32>,
    arbeid: Option<Arbeid>,
    student: Option<Studentgrad>,
    sivilstatus: Option<Sivilstatus>,
    partner: Option<Partner>,
    barn: Vec<Barn>,
    barnebidrag: Option<Barnebidrag>,
    inntekter: Vec<Pengepost>,
    formue: Vec<Pengepost>,
    utgifter: Vec<Pengepost>,
    kontonummer: Option<Kontonummer>,
}

impl Partial {
    fn finish(self) -> Option<Application> {
        Some(Application {
            nodhjelp: self.nodhjelp?,
            kategorier: self.kategorier,
            hva_annet: self.hva_annet,
            hvorfor: self.hvorfor?,
            telefon: self.telefon,
            oppholdsadresse: self.oppholdsadresse,
            nordisk_borger: self.nordisk_borger?,
            botype: self.botype?,
            antall_personer: self.antall_personer?,
            arbeid: self.arbeid,
            student: self.student,
            sivilstatus: self.sivilstatus?,
            partner: self.partner,
            barn: self.barn,
            barnebidrag: self.barnebidrag,
            inntekter: self.inntekter,
            formue: self.formue,
            utgifter: self.utgifter,
            kontonummer: self.kontonummer,
        })
    }
}

fn parse_step(step: Step, c: &mut Check<'_>, p: &mut Partial) {
    let a = c.answers;
    match step {
        Step::Nodhjelp => {
            p.nodhjelp = match a.get("nodhjelp") {
                "nei" => Some(Nodhjelp::Nei),
                "mat" => Some(Nodhjelp::Mat),
                "bolig" => Some(Nodhjelp::Bolig),
                "begge" => Some(Nodhjelp::MatOgBolig),
                "" => {
                    c.fail("nodhjelp", "error-choose");
                    None
                }
                _ => {
                    c.fail("nodhjelp", "error-choice-unknown");
                    None
                }
            };
        }
        Step::Behov => {
            let chosen = a.list("kategorier");
            p.kategorier = Kategori::ALL.into_iter().filter(|k| chosen.contains(&k.slug())).collect();
            if chosen.len() != p.kategorier.len() {
                c.fail("kategorier", "error-choice-unknown");
            } else if p.kategorier.is_empty() {
                c.fail("kategorier", "error-choose-one-or-more");
            }
            p.hva_annet = c.text("hva_annet", MAX_SHORT_TEXT, p.kategorier.contains(&Kategori::Annet));
            p.hvorfor = c.text("hvorfor", MAX_LONG_TEXT, true);
        }
        Step::Personalia => {
            let raw = a.get("telefon");
            if !raw.trim().is_empty() {
                match Telefonnummer::parse(raw) {
                    Ok(t) => p.telefon = Some(t),
                    Err(key) => c.fail("telefon", key),
                }
            }
            if c.yes_no("bor_folkeregistrert") == Some(false) {
                p.oppholdsadresse = c.text("oppholdsadresse", MAX_SHORT_TEXT, true);
            }
            p.nordisk_borger = c.yes_no("nordisk_borger");
        }
        Step::Bolig => {
            p.botype = c.choice("botype", &Botype::ALL, Botype::slug);
            p.antall_personer = c.number("antall_personer", 1..=30);
        }
        Step::Arbeid => {
            if c.yes_no("i_jobb") == Some(true) {
                let arbeidsgiver = c.text("arbeidsgiver", MAX_SHORT_TEXT, true);
                let prosent = c.number("stillingsprosent", 1..=100);
                if let (Some(arbeidsgiver), Some(stillingsprosent)) = (arbeidsgiver, prosent) {
                    p.arbeid = Some(Arbeid { arbeidsgiver, stillingsprosent });
                }
            }
            if c.yes_no("student") == Some(true) {
                p.student = c.choice("studentgrad", &[Studentgrad::Heltid, Studentgrad::Deltid], |s| match s {
                    Studentgrad::Heltid => "heltid",
                    Studentgrad::Deltid => "deltid",
                });
            }
        }
        Step::Familie => parse_familie(c, p),
        Step::Inntekt => {
            p.inntekter = c.amounts(&INNTEKT_FIELDS);
            p.formue = c.amounts(&FORMUE_FIELDS);
        }
        Step::Utgifter => p.utgifter = c.amounts(&UTGIFT_FIELDS),
        Step::Konto => {
            if !a.is_yes("har_ikke_konto") {
                let raw = a.get("kontonummer");
                if raw.trim().is_empty() {
                    c.fail("kontonummer", "error-konto-missing");
                } else {
                    match Kontonummer::parse(raw) {
                        Ok(k) => p.kontonummer = Some(k),
                        Err(key) => c.fail("kontonummer", key),
                    }
                }
            }
        }
        Step::Oppsummering => {
            if !a.is_yes("bekreft") {
                c.fail("bekreft", "error-confirm");
            }
        }
    }
}

/// How many child slots the family step shows: at least one when the citizen has children.
pub fn antall_barn(answers: &Answers) -> usize {
    if !answers.is_yes("har_barn") {
        return 0;
    }
    answers.get("antall_barn").trim().parse::<usize>().unwrap_or(1).clamp(1, MAX_BARN)
}

fn parse_familie(c: &mut Check<'_>, p: &mut Partial) {
    p.sivilstatus = c.choice("sivilstatus", &Sivilstatus::ALL, Sivilstatus::slug);
    if p.sivilstatus.is_some_and(Sivilstatus::has_partner) {
        let fornavn = c.text("partner_fornavn", MAX_SHORT_TEXT, true);
        let etternavn = c.text("partner_etternavn", MAX_SHORT_TEXT, true);
        let raw_fnr = c.answers.get("partner_fnr");
        let fnr = if raw_fnr.trim().is_empty() {
            None
        } else {
            match Fodselsnummer::parse(raw_fnr) {
                Ok(f) => Some(f),
                Err(key) => {
                    c.fail("partner_fnr", key);
                    None
                }
            }
        };
        let bor_sammen = c.yes_no("partner_bor_sammen");
        if let (Some(fornavn), Some(etternavn), Some(bor_sammen)) = (fornavn, etternavn, bor_sammen) {
            p.partner = Some(Partner { fornavn, etternavn, fnr, bor_sammen });
        }
    }
    if c.yes_no("har_barn") != Some(true) {
        return;
    }
    for i in 1..=antall_barn(c.answers) {
        let field = |name: &str| barn_field(i, name);
        let fornavn = c.text(&field("fornavn"), MAX_SHORT_TEXT, true);
        let etternavn = c.text(&field("etternavn"), MAX_SHORT_TEXT, true);
        let fodselsdato = c.date(&field("fodselsdato"), true);
        let bor_sammen = c.yes_no(&field("bor_sammen"));
        let (delt_bosted, samvaersgrad) = match bor_sammen {
            Some(true) => (c.yes_no(&field("delt_bosted")).unwrap_or(false), None),
            Some(false) => (false, c.number(&field("samvaer"), 0..=100)),
            None => (false, None),
        };
        if let (Some(fornavn), Some(etternavn), Some(fodselsdato), Some(bor_sammen)) = (fornavn, etternavn, fodselsdato, bor_sammen) {
            p.barn.push(Barn { fornavn, etternavn, fodselsdato, bor_sammen, delt_bosted, samvaersgrad });
        }
    }
    p.barnebidrag = c.choice("barnebidrag", &Barnebidrag::ALL, Barnebidrag::slug);
}
