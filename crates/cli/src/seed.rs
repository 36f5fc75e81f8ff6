//! `velferd admin seed`: fills a database with synthetic applications for load tests and
//! benchmarks — synthetic people (fødselsnummer with month + 80), spread over the offices of the
//! municipalities that take digital applications, in realistic mixes of states, written in the
//! digisos-soker vocabulary so every page (the citizen's, the office's, the API) reads them like
//! any other case.
//!
//! The mix (shares of all applications): 12 % received and untouched, 33 % being processed (two
//! in three with a request for documents — some answered, some partly, some past the deadline;
//! some with a preliminary answer), 50 % decided (granted with payments, partly granted, refused),
//! 5 % "will not be processed"; 3 % emergencies (most of them decided within a day). Most cases
//! being worked on are assigned to a caseworker of the office (the office's staff in the database,
//! e.g. the demo staff, and four synthetic ones per office). Decided cases that pay carry most of
//! the events (a payment history), so the average comes out at `--events-per-application`.
//!
//! Generation runs on its own thread while the previous batch is written, one transaction of
//! [`BATCH`] applications at a time (`Store::seed_batch`).

use std::time::Instant;

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use velferd_domain::application::{parse_application, required_documents, soknad_json, vedlegg_json_with, Answers, DocumentState, Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::kommune::{Katalog, Kommune};
use velferd_domain::office::REQUESTABLE;
use velferd_domain::staff::{Adressebeskyttelse, Role};
use velferd_domain::Millis;
use velferd_formats::soknad::tidspunkt;
use velferd_store::{Files, JournalEntry, SeedApplication, SeedCounts, SeedLetter, SeedPerson, SeedSubmission, StaffMember, Store, SubmittedDocument};

/// Applications per transaction.
pub const BATCH: usize = 1_000;

const MINUTE: Millis = 60 * 1000;
const HOUR: Millis = 60 * MINUTE;
const DAY: Millis = 24 * HOUR;

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub applications: u64,
    /// The average number of events per application (at least 2: sending writes two).
    pub events_per_application: u32,
    /// Seed even a database that holds data about real people.
    pub force: bool,
}

/// Seeds `store` and returns the line to print. Refuses (with the reason) a database that holds
/// data about people with a real-looking fødselsnummer unless `force`, and a catalogue without
/// a municipality that takes digital applications.
pub async fn run(store: &Store, files: &dyn Files, katalog: &Katalog, options: Options, now: Millis) -> Result<String, String> {
    if options.events_per_application < 2 {
        return Err("--events-per-application must be at least 2 (sending an application writes two events)".into());
    }
    let real = store.real_data().await.map_err(|e| format!("database: {e}"))?;
    if !real.is_empty() && !options.force {
        return Err(format!(
            "refusing to seed: the database holds data about people whose fødselsnummer is not synthetic ({} applications, {} people in the register, {} drafts). \
             Seed only a new, demo or seeded database, or add --force.",
            real.applications, real.people, real.drafts
        ));
    }
    let kommuner: Vec<Kommune> = katalog.by_name().into_iter().filter(|k| k.takes_digital_applications()).cloned().collect();
    if kommuner.is_empty() {
        return Err("no municipality in the catalogue takes digital applications".into());
    }
    let started = Instant::now();
    let pdf = synthetic_pdf().map_err(|e| format!("synthetic document: {e}"))?;
    let sha256 = files.put(&pdf).await.map_err(|e| format!("file store: {e}"))?;
    let document = (sha256, pdf.len() as i64);

    // Caseworkers per office: those already known (e.g. the demo staff) and four synthetic ones.
    let mut offices: Vec<Office> = Vec::new();
    for k in &kommuner {
        if offices.iter().any(|o| o.enhetsnummer == k.kontor.enhetsnummer) {
            continue;
        }
        for (i, name) in STAFF_NAMES.iter().enumerate().skip(offices.len() % 5).take(4) {
            let member = StaffMember {
                subject: format!("seed-{}-{i}", k.kontor.enhetsnummer),
                name: (*name).to_owned(),
                office: k.kontor.enhetsnummer.clone(),
                roles: "saksbehandler".into(),
            };
            store.record_staff_member(&member, now).await.map_err(|e| format!("database: {e}"))?;
        }
        let staff = store.staff_of_office(&k.kontor.enhetsnummer).await.map_err(|e| format!("database: {e}"))?;
        let staff = staff
            .into_iter()
            .filter(|m| m.roles.split(',').filter_map(Role::from_claim).any(|r| matches!(r, Role::Saksbehandler | Role::Veileder)))
            .map(|m| (m.subject, m.name))
            .collect();
        offices.push(Office { enhetsnummer: k.kontor.enhetsnummer.clone(), staff });
    }
    let office_count = offices.len();

    let (sender, mut batches) = tokio::sync::mpsc::channel(2);
    let total = options.applications;
    let generator = std::thread::spawn(move || {
        let mut g = Generator::new(rand::rng().random(), now, options.events_per_application, kommuner, offices, document);
        let mut left = total;
        while left > 0 {
            let n = left.min(BATCH as u64) as usize;
            left -= n as u64;
            if sender.blocking_send(g.batch(n)).is_err() {
                return;
            }
        }
    });
    let mut counts = SeedCounts::default();
    while let Some((people, applications)) = batches.recv().await {
        counts += store.seed_batch(&people, &applications).await.map_err(|e| format!("database: {e}"))?;
        // Progress on stderr every 10 000 applications.
        if total > BATCH as u64 && counts.applications % 10_000 == 0 {
            eprintln!("seeded {} of {total} applications ({:.0} s)", counts.applications, started.elapsed().as_secs_f64());
        }
    }
    // Plans chosen without statistics for the new rows would read whole offices.
    store.analyze().await.map_err(|e| format!("database: {e}"))?;
    generator.join().map_err(|_| "the generator thread failed".to_owned())?;
    let per = counts.events as f64 / counts.applications.max(1) as f64;
    Ok(format!(
        "seeded {} applications ({} events, {per:.1} per application; {} new people in the register) across {office_count} offices in {:.1} s",
        counts.applications,
        counts.events,
        counts.people,
        started.elapsed().as_secs_f64()
    ))
}

/// The one PDF every seeded document and letter points to, so that opening any of them works.
fn synthetic_pdf() -> Result<Vec<u8>, velferd_documents::PdfError> {
    use velferd_documents::{render, Document, Row, Section};
    render(&Document {
        title: "Syntetisk dokument".into(),
        language: "nb".into(),
        intro: vec!["Laget av velferd admin seed for last- og ytelsestester.".into()],
        sections: vec![Section {
            heading: "Innhold".into(),
            rows: vec![Row::Text("Dette dokumentet hører til en syntetisk søknad. Det finnes ingen ekte person bak den.".into())],
        }],
        footer: "Syntetiske data".into(),
        page_label: "Side {page} av {pages}".into(),
    })
}

struct Office {
    enhetsnummer: String,
    /// (subject, name) of caseworkers a case can be assigned to.
    staff: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Received,
    Processing,
    Decided,
    NotProcessed,
}

const FIRST_NAMES: [&str; 40] = [
    "Anne",
    "Inger",
    "Kari",
    "Marit",
    "Ingrid",
    "Liv",
    "Eva",
    "Berit",
    "Astrid",
    "Bjørg",
    "Hilde",
    "Nora",
    "Emma",
    "Sara",
    "Maja",
    "Ida",
    "Amina",
    "Fatima",
    "Zainab",
    "Agnieszka",
    "Jan",
    "Per",
    "Bjørn",
    "Ole",
    "Lars",
    "Kjell",
    "Knut",
    "Arne",
    "Svein",
    "Thomas",
    "Jonas",
    "Jakob",
    "Emil",
    "Mohammed",
    "Ali",
    "Ahmed",
    "Piotr",
    "Tomasz",
    "Andreas",
    "Daniel",
];
const LAST_NAMES: [&str; 32] = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Lund",
    "Moen",
    "Ali",
    "Ahmed",
    "Hussein",
    "Nowak",
    "Kowalski",
    "Nguyen",
    "Mohamed",
    "Bakken",
];
const STAFF_NAMES: [&str; 8] = ["Lise Aas", "Morten Vik", "Hanne Strand", "Omar Farah", "Guro Lie", "Pål Ruud", "Trine Bø", "Ewa Zielinska"];
const STREETS: [&str; 12] =
    ["Storgata", "Kirkegata", "Skolegata", "Parkveien", "Fjordgata", "Solbakken", "Granveien", "Bjørkeveien", "Industrigata", "Stasjonsveien", "Åsveien", "Havnegata"];
const REASONS: [&str; 6] = [
    "Jeg har mistet jobben og har ikke nok penger til husleie og mat denne måneden.",
    "Dagpengene er ikke kommet ennå, og jeg har ingenting å leve av til de kommer.",
    "Strømregningen ble mye høyere enn vanlig, og jeg klarer ikke å betale den.",
    "Jeg er syk og venter på svar på søknad om arbeidsavklaringspenger.",
    "Vi er to voksne og to barn, og lønna mi dekker ikke husleia etter at den ble satt opp.",
    "Jeg har flyttet fra samboeren og må betale depositum og første måneds husleie.",
];
const EMERGENCY_REASONS: [&str; 3] = [
    "Jeg har ikke penger til mat før lønna kommer om ti dager. Kjøleskapet er tomt.",
    "Jeg blir kastet ut av leiligheten i morgen og har ikke noe sted å bo.",
    "Lommeboka ble stjålet med bankkortet, og jeg og barna har ikke mat i helga.",
];
const NOTES: [&str; 5] = [
    "Ringte søker, avtalt møte neste uke.",
    "Søker har også søkt bostøtte; avventer svar fra Husbanken.",
    "Snakket med utleier om restanse.",
    "Vurder midlertidig bolig dersom søknaden om kommunal bolig ikke går gjennom.",
    "Søker møtte på kontoret og leverte kontoutskrift på papir.",
];
const NOT_PROCESSED: [&str; 3] = ["Søknaden er trukket av søker.", "Søker har flyttet til en annen kommune.", "Søknaden er sendt to ganger; denne er ikke behandlet."];

/// Post code and place for an address in the municipality.
fn post(kommune: &str, navn: &str) -> (&'static str, String) {
    match kommune {
        "0301" => ("0557", "Oslo".into()),
        "4601" => ("5015", "Bergen".into()),
        "5001" => ("7011", "Trondheim".into()),
        "1103" => ("4006", "Stavanger".into()),
        "3201" => ("1337", "Sandvika".into()),
        "1514" => ("6083", "Gjerdsvika".into()),
        "1515" => ("6090", "Fosnavåg".into()),
        _ => ("0000", navn.to_owned()),
    }
}

/// A deterministic-from-its-seed maker of people and applications.
struct Generator {
    rng: StdRng,
    now: Millis,
    /// Target average of events per application.
    target: f64,
    /// Events still owed to reach the target average (negative: ahead of it).
    owed: f64,
    kommuner: Vec<Kommune>,
    offices: Vec<Office>,
    /// (sha256, bytes) of the PDF behind every document and letter.
    document: (String, i64),
    /// People who applied before, per municipality (some apply again).
    known: Vec<Vec<Soker>>,
}

/// One application being built: its events and the office's side.
struct Case {
    events: Vec<(Value, Millis)>,
    letters: Vec<SeedLetter>,
    submissions: Vec<SeedSubmission>,
    journal: Vec<JournalEntry>,
}

impl Generator {
    fn new(seed: u64, now: Millis, events_per_application: u32, kommuner: Vec<Kommune>, offices: Vec<Office>, document: (String, i64)) -> Generator {
        let known = vec![Vec::new(); kommuner.len()];
        Generator { rng: StdRng::seed_from_u64(seed), now, target: f64::from(events_per_application), owed: 0.0, kommuner, offices, document, known }
    }

    fn batch(&mut self, n: usize) -> (Vec<SeedPerson>, Vec<SeedApplication>) {
        let mut people = Vec::new();
        let mut applications = Vec::with_capacity(n);
        for _ in 0..n {
            let (person, app) = self.application();
            people.extend(person);
            self.owed += self.target - app.events.len() as f64;
            applications.push(app);
        }
        (people, applications)
    }

    /// A time `fraction` of the way from `from` to `to`.
    fn between(&mut self, from: Millis, to: Millis) -> Millis {
        if to <= from {
            return from;
        }
        from + self.rng.random_range(0..=(to - from))
    }

    fn fnr(&mut self) -> Fodselsnummer {
        loop {
            let year = self.rng.random_range(1945..=2006);
            let day = self.rng.random_range(1..=28);
            let month = self.rng.random_range(1..=12) + 80;
            // Individual numbers 000–499 are for births 1900–1999, 500–999 for 2000–2039.
            let individ = if year < 2000 { self.rng.random_range(0..500) } else { self.rng.random_range(500..1000) };
            if let Some(f) = Fodselsnummer::with_check_digits(&format!("{day:02}{month:02}{:02}{individ:03}", year % 100)) {
                return f;
            }
        }
    }

    /// A new person living in the municipality.
    fn person(&mut self, kommune: &Kommune) -> SeedPerson {
        let (postnummer, poststed) = post(kommune.nummer.as_str(), &kommune.navn);
        let person = Soker {
            fnr: self.fnr(),
            fornavn: FIRST_NAMES.choose(&mut self.rng).copied().unwrap_or("Kari").to_owned(),
            mellomnavn: if self.rng.random_bool(0.1) { FIRST_NAMES.choose(&mut self.rng).copied().unwrap_or_default().to_owned() } else { String::new() },
            etternavn: LAST_NAMES.choose(&mut self.rng).copied().unwrap_or("Hansen").to_owned(),
            adresse: Some(SokerAdresse {
                gatenavn: STREETS.choose(&mut self.rng).copied().unwrap_or("Storgata").to_owned(),
                husnummer: self.rng.random_range(1..=120).to_string(),
                postnummer: postnummer.to_owned(),
                poststed,
                kommunenummer: kommune.nummer.as_str().to_owned(),
            }),
        };
        // A few people have a protected address (kode 6 or 7).
        let protection = match self.rng.random_range(0..1000) {
            0 => Some(Adressebeskyttelse::StrengtFortrolig),
            1..=2 => Some(Adressebeskyttelse::Fortrolig),
            _ => None,
        };
        SeedPerson { person, protection }
    }

    fn account(&mut self) -> String {
        loop {
            let digits: Vec<u32> = (0..10).map(|_| self.rng.random_range(0..10)).collect();
            let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
            let k = (11 - sum % 11) % 11;
            if k < 10 {
                return digits.iter().map(|d| d.to_string()).collect::<String>() + &k.to_string();
            }
        }
    }

    /// A complete set of answers (the application's form as a citizen filled it in).
    fn answers(&mut self, emergency: bool) -> Answers {
        let mut a = Answers::default();
        let r = &mut self.rng;
        a.set("nodhjelp", if emergency { *["mat", "bolig", "begge"].choose(r).unwrap_or(&"mat") } else { "nei" });
        let mut kategorier: Vec<&str> = ["livsopphold", "husleie", "strom", "mat", "klaer", "tannlege", "medisiner"].into_iter().filter(|_| r.random_bool(0.3)).collect();
        if kategorier.is_empty() {
            kategorier.push("livsopphold");
        }
        a.set("kategorier", kategorier.join(","));
        let reasons: &[&str] = if emergency { &EMERGENCY_REASONS } else { &REASONS };
        a.set("hvorfor", *reasons.choose(r).unwrap_or(&REASONS[0]));
        a.set("bor_folkeregistrert", "ja");
        a.set("nordisk_borger", if r.random_bool(0.8) { "ja" } else { "nei" });
        let botype = *["leier", "leier", "leier", "kommunal", "kommunal", "eier", "foreldre", "venner", "ingen"].choose(r).unwrap_or(&"leier");
        a.set("botype", botype);
        a.set("antall_personer", r.random_range(1..=5).to_string());
        let working = r.random_bool(0.2);
        a.set("i_jobb", if working { "ja" } else { "nei" });
        if working {
            a.set("arbeidsgiver", *["Rema 1000", "Kiwi", "Bydel Frogner", "ISS Facility Services", "Posten Bring"].choose(r).unwrap_or(&"Kiwi"));
            a.set("stillingsprosent", (r.random_range(2..=8u32) * 10).to_string());
            a.set("lonn", r.random_range(6_000..=18_000).to_string());
        }
        let student = r.random_bool(0.08);
        a.set("student", if student { "ja" } else { "nei" });
        if student {
            a.set("studentgrad", if r.random_bool(0.7) { "heltid" } else { "deltid" });
        }
        let sivilstatus = *["ugift", "ugift", "ugift", "ugift", "skilt", "separert", "enke", "gift", "samboer"].choose(r).unwrap_or(&"ugift");
        a.set("sivilstatus", sivilstatus);
        if matches!(sivilstatus, "gift" | "samboer") {
            a.set("partner_fornavn", *FIRST_NAMES.choose(r).unwrap_or(&"Per"));
            a.set("partner_etternavn", *LAST_NAMES.choose(r).unwrap_or(&"Hansen"));
            a.set("partner_bor_sammen", "ja");
        }
        let children = if r.random_bool(0.3) { r.random_range(1..=3) } else { 0 };
        a.set("har_barn", if children > 0 { "ja" } else { "nei" });
        if children > 0 {
            a.set("antall_barn", children.to_string());
            for i in 1..=children {
                a.set(format!("barn{i}_fornavn"), *FIRST_NAMES.choose(r).unwrap_or(&"Emma"));
                a.set(format!("barn{i}_etternavn"), *LAST_NAMES.choose(r).unwrap_or(&"Hansen"));
                a.set(format!("barn{i}_fodselsdato"), format!("{:02}.{:02}.{}", r.random_range(1..=28), r.random_range(1..=12), r.random_range(2008..=2024)));
                a.set(format!("barn{i}_bor_sammen"), "ja");
                a.set(format!("barn{i}_delt_bosted"), "nei");
            }
            a.set("barnebidrag", *["ingen", "mottar"].choose(r).unwrap_or(&"ingen"));
        }
        if r.random_bool(0.4) {
            a.set("trygd", r.random_range(4_000..=20_000).to_string());
        }
        a.set("brukskonto", r.random_range(0..=3_000).to_string());
        if matches!(botype, "leier" | "kommunal") {
            a.set("husleie", (r.random_range(50..=160) * 100).to_string());
        }
        if r.random_bool(0.6) {
            a.set("strom", r.random_range(300..=2_000).to_string());
        }
        a.set("bekreft", "ja");
        let account = self.account();
        a.set("kontonummer", account);
        a
    }

    fn application(&mut self) -> (Option<SeedPerson>, SeedApplication) {
        let k = self.rng.random_range(0..self.kommuner.len());
        let kommune = self.kommuner[k].clone();
        // One in five applied before (an earlier application of theirs may be in any state).
        let again = if !self.known[k].is_empty() && self.rng.random_bool(0.2) { self.known[k].choose(&mut self.rng).cloned() } else { None };
        let (new_person, soker) = match again {
            Some(p) => (None, p),
            None => {
                let p = self.person(&kommune);
                let soker = p.person.clone();
                if self.known[k].len() < 2_000 {
                    self.known[k].push(soker.clone());
                } else {
                    let i = self.rng.random_range(0..self.known[k].len());
                    self.known[k][i] = soker.clone();
                }
                (Some(p), soker)
            }
        };
        let emergency = self.rng.random_bool(0.03);
        let state = match self.rng.random_range(0..100) {
            0..12 => State::Received,
            12..45 => State::Processing,
            45..95 => State::Decided,
            _ => State::NotProcessed,
        };
        let now = self.now;
        let sent = now
            - match (state, emergency) {
                (State::Received, true) => self.between(10 * MINUTE, DAY),
                (State::Received, false) => self.between(10 * MINUTE, 12 * DAY),
                (State::Processing, true) => self.between(6 * HOUR, 4 * DAY),
                (State::Processing, false) => self.between(2 * DAY, 60 * DAY),
                (State::Decided, _) => self.between(4 * DAY, 730 * DAY),
                (State::NotProcessed, _) => self.between(3 * DAY, 365 * DAY),
            };
        let answers = self.answers(emergency);
        let parsed = parse_application(&answers).unwrap_or_else(|e| panic!("seeded answers do not parse: {e:?}"));
        let needs = required_documents(&parsed);
        // Half send some of the documents with the application.
        let with_application: Vec<(&'static str, &'static str)> =
            if self.rng.random_bool(0.5) { needs.iter().filter(|_| self.rng.random_bool(0.6)).map(|n| (n.kind, n.tilleggsinfo)).collect() } else { vec![] };
        let vedlegg = vedlegg_json_with(&needs, |n| {
            if with_application.contains(&(n.kind, n.tilleggsinfo)) {
                DocumentState::Uploaded(vec![format!("{}.pdf", n.tilleggsinfo)])
            } else {
                DocumentState::Later
            }
        });
        let vedlegg_json = serde_json::to_value(&vedlegg).unwrap_or_else(|_| json!({"vedlegg": []}));
        let office = self.offices.iter().position(|o| o.enhetsnummer == kommune.kontor.enhetsnummer).unwrap_or(0);

        let mut case = Case { events: Vec::new(), letters: Vec::new(), submissions: Vec::new(), journal: Vec::new() };
        if !with_application.is_empty() {
            let documents = with_application.iter().map(|(kind, extra)| self.document(kind, extra)).collect();
            case.submissions.push(SeedSubmission { created_ms: sent, with_application: true, vedlegg_json: vedlegg_json.clone(), documents });
        }
        let at = tidspunkt(sent);
        case.events.push((json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "MOTTATT"}), sent));
        case.events.push((json!({"type": "tildeltNavKontor", "hendelsestidspunkt": at, "navKontor": kommune.kontor.enhetsnummer}), sent));
        let title = sak_title(&answers);
        let assignee = match state {
            State::Received => self.rng.random_bool(0.1),
            State::Processing => self.rng.random_bool(0.75),
            State::Decided | State::NotProcessed => self.rng.random_bool(0.95),
        };
        let assignee = if assignee { self.offices[office].staff.choose(&mut self.rng).cloned() } else { None };
        match state {
            State::Received => {}
            State::Processing => self.processing(&mut case, sent, &title, emergency),
            State::Decided => self.decided(&mut case, sent, &title, emergency),
            State::NotProcessed => self.not_processed(&mut case, sent, assignee.as_ref()),
        }
        if let Some((subject, name)) = &assignee {
            let at = case.events.get(2).map_or(sent + HOUR, |(_, at)| *at).min(now);
            case.journal.push(JournalEntry { kind: "tildelt".into(), text: name.clone(), actor: subject.clone(), actor_name: name.clone(), at_ms: at });
            if self.rng.random_bool(0.25) {
                let at = self.between(at, now);
                case.journal.push(JournalEntry {
                    kind: "notat".into(),
                    text: (*NOTES.choose(&mut self.rng).unwrap_or(&NOTES[0])).to_owned(),
                    actor: subject.clone(),
                    actor_name: name.clone(),
                    at_ms: at,
                });
            }
        }
        let acknowledged_ms = (kommune.status_fra_fagsystem && sent < now - HOUR).then_some(sent + 5 * MINUTE);
        let app = SeedApplication {
            owner: soker.fnr.clone(),
            kommunenummer: kommune.nummer.clone(),
            enhetsnummer: kommune.kontor.enhetsnummer.clone(),
            emergency,
            soknad_json: soknad_json(&parsed, &soker, &kommune, sent),
            vedlegg_json,
            answers: serde_json::to_value(&answers).unwrap_or_else(|_| json!({})),
            sent_ms: sent,
            acknowledged_ms,
            events: case.events,
            submissions: case.submissions,
            letters: case.letters,
            assignee,
            journal: case.journal,
        };
        (new_person, app)
    }

    fn document(&self, kind: &str, extra: &str) -> SubmittedDocument {
        SubmittedDocument { kind: kind.to_owned(), tilleggsinfo: extra.to_owned(), sha256: self.document.0.clone(), bytes: self.document.1 }
    }

    /// A letter filed at `at`, returned as the `dokumentlager` reference events give.
    fn letter(&mut self, case: &mut Case, title: &str, at: Millis) -> Value {
        let id = velferd_store::new_uuid();
        let opened = self.rng.random_bool(0.7).then(|| self.between(at, (at + 3 * DAY).min(self.now)));
        case.letters.push(SeedLetter { id: id.clone(), title: title.to_owned(), sha256: self.document.0.clone(), bytes: self.document.1, created_ms: at, first_opened_ms: opened });
        json!({"referanse": {"type": "dokumentlager", "id": id}})
    }

    /// Taken into processing at `t`, with a sak.
    fn take(&mut self, case: &mut Case, t: Millis, title: &str) {
        let at = tidspunkt(t);
        case.events.push((json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "UNDER_BEHANDLING"}), t));
        case.events.push((json!({"type": "saksStatus", "hendelsestidspunkt": at, "referanse": "S1", "tittel": title, "status": "UNDER_BEHANDLING"}), t));
    }

    /// A request for 1–3 documents at `t` with a deadline a week later; `answer` of them are sent
    /// (each within ten days, never after now).
    fn request(&mut self, case: &mut Case, t: Millis, answer: usize) {
        let n = self.rng.random_range(1..=3);
        let asked: Vec<(&str, &str)> = REQUESTABLE.choose_multiple(&mut self.rng, n).copied().collect();
        let deadline = tidspunkt(t + 7 * DAY);
        let dokumenter: Vec<Value> = asked.iter().map(|(k, e)| json!({"dokumenttype": k, "tilleggsinformasjon": e, "innsendelsesfrist": deadline})).collect();
        let brev = self.letter(case, "Vi trenger flere opplysninger", t);
        case.events.push((json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": tidspunkt(t), "forvaltningsbrev": brev, "dokumenter": dokumenter}), t));
        let answered: Vec<(&str, &str)> = asked.into_iter().take(answer).collect();
        if !answered.is_empty() {
            let when = self.between(t + HOUR, (t + 10 * DAY).min(self.now)).min(self.now).max(t);
            let documents = answered.iter().map(|(k, e)| self.document(k, e)).collect();
            let vedlegg = json!({"vedlegg": answered.iter().map(|(k, e)| json!({"type": k, "tilleggsinfo": e, "status": "LastetOpp", "filer": [{"filnavn": format!("{e}.pdf")}]})).collect::<Vec<_>>()});
            case.submissions.push(SeedSubmission { created_ms: when, with_application: false, vedlegg_json: vedlegg, documents });
        }
    }

    fn processing(&mut self, case: &mut Case, sent: Millis, title: &str, emergency: bool) {
        let now = self.now;
        let taken = self.between(sent + 10 * MINUTE, sent + if emergency { 4 * HOUR } else { 3 * DAY }).min(now - MINUTE);
        self.take(case, taken, title);
        if self.rng.random_bool(0.65) {
            let t = self.between(taken, now - MINUTE);
            // Answered fully, partly or not at all; unanswered past the deadline is overdue.
            let answer = match self.rng.random_range(0..100) {
                0..35 => 3,
                35..55 => 1,
                _ => 0,
            };
            self.request(case, t, answer);
        }
        if now - sent > 14 * DAY && self.rng.random_bool(0.3) {
            let t = self.between(sent + 14 * DAY, now - MINUTE);
            let brev = self.letter(case, "Foreløpig svar", t);
            case.events.push((json!({"type": "forelopigSvar", "hendelsestidspunkt": tidspunkt(t), "forvaltningsbrev": brev}), t));
        }
        // Some cases have more than one sak (e.g. rent and electricity handled apart).
        let extra = self.rng.random_range(0..=2);
        for i in 0..extra {
            let t = self.between(taken, now - MINUTE);
            let title = ["Strøm", "Husleie", "Tannbehandling"][i % 3];
            case.events
                .push((json!({"type": "saksStatus", "hendelsestidspunkt": tidspunkt(t), "referanse": format!("S{}", i + 2), "tittel": title, "status": "UNDER_BEHANDLING"}), t));
        }
        case.events.sort_by_key(|(_, at)| *at);
    }

    fn decided(&mut self, case: &mut Case, sent: Millis, title: &str, emergency: bool) {
        let now = self.now;
        let age = now - sent;
        let taken = self.between(sent + 10 * MINUTE, sent + if emergency { 2 * HOUR } else { (age / 4).min(3 * DAY) });
        self.take(case, taken, title);
        let decided = if emergency { self.between(taken, taken + 6 * HOUR) } else { self.between(taken + HOUR, (sent + 30 * DAY).min(now - DAY)).max(taken + HOUR) };
        if !emergency && self.rng.random_bool(0.5) && decided - taken > 2 * HOUR {
            let t = self.between(taken, decided - HOUR);
            let answer = if self.rng.random_bool(0.85) { 3 } else { 0 };
            self.request(case, t, answer);
        }
        let utfall = match self.rng.random_range(0..100) {
            0..70 => "INNVILGET",
            70..85 => "DELVIS_INNVILGET",
            85..98 => "AVSLATT",
            _ => "AVVIST",
        };
        let at = tidspunkt(decided);
        let vedtaksfil = self.letter(case, "Vedtak om økonomisk sosialhjelp", decided);
        case.events.push((json!({"type": "vedtakFattet", "hendelsestidspunkt": at, "saksreferanse": "S1", "utfall": utfall, "vedtaksfil": vedtaksfil}), decided));
        if matches!(utfall, "INNVILGET" | "DELVIS_INNVILGET") {
            if self.rng.random_bool(0.4) {
                case.events.push((json!({"type": "vilkar", "hendelsestidspunkt": at, "vilkarreferanse": "V1", "saksreferanse": "S1", "tittel": "Du må melde deg som arbeidssøker hos NAV", "status": "RELEVANT"}), decided));
            }
            if self.rng.random_bool(0.2) {
                case.events.push((
                    json!({"type": "dokumentasjonkrav", "hendelsestidspunkt": at, "dokumentasjonkravreferanse": "D1", "saksreferanse": "S1", "tittel": "Kvittering for betalt husleie", "frist": tidspunkt(decided + 30 * DAY), "status": "RELEVANT"}),
                    decided,
                ));
            }
            // The payment history carries what the average still owes (never fewer than one).
            let base = case.events.len() as f64 + 1.0;
            let wanted = (self.target * 2.2 * self.rng.random_range(0.3..1.7) + self.owed * 0.05 - base).clamp(2.0, 1_000.0);
            let payments = ((wanted / 2.0).round() as i64).max(1);
            let step = ((now - MINUTE - decided) / (payments + 1)).max(1);
            let belop = f64::from(self.rng.random_range(20..=120) * 100);
            for p in 0..payments {
                let t = decided + p * step;
                let reference = format!("P{}", p + 1);
                let due = t + step / 2;
                case.events.push((
                    json!({"type": "utbetaling", "hendelsestidspunkt": tidspunkt(t), "utbetalingsreferanse": reference, "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING",
                           "belop": belop, "beskrivelse": title, "forfallsdato": &tidspunkt(due)[..10]}),
                    t,
                ));
                if due < now {
                    case.events.push((json!({"type": "utbetaling", "hendelsestidspunkt": tidspunkt(due), "utbetalingsreferanse": reference, "status": "UTBETALT", "utbetalingsdato": &tidspunkt(due)[..10]}), due));
                }
            }
        }
        case.events.push((json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "FERDIGBEHANDLET"}), decided));
        case.events.sort_by_key(|(_, at)| *at);
    }

    fn not_processed(&mut self, case: &mut Case, sent: Millis, assignee: Option<&(String, String)>) {
        let now = self.now;
        let t = self.between(sent + HOUR, (sent + 10 * DAY).min(now - MINUTE));
        if self.rng.random_bool(0.5) {
            let taken = self.between(sent + 10 * MINUTE, t);
            case.events.push((json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(taken), "status": "UNDER_BEHANDLING"}), taken));
        }
        self.letter(case, "Søknaden din blir ikke behandlet", t);
        case.events.push((json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(t), "status": "BEHANDLES_IKKE"}), t));
        if let Some((subject, name)) = assignee {
            let reason = (*NOT_PROCESSED.choose(&mut self.rng).unwrap_or(&NOT_PROCESSED[0])).to_owned();
            case.journal.push(JournalEntry { kind: "behandles-ikke".into(), text: reason, actor: subject.clone(), actor_name: name.clone(), at_ms: t });
        }
    }
}

/// The first sak's title, from what was applied for.
fn sak_title(answers: &Answers) -> String {
    let chosen = answers.list("kategorier");
    match (chosen.contains(&"livsopphold"), chosen.contains(&"husleie")) {
        (true, true) => "Livsopphold og husleie".into(),
        (false, true) => "Husleie".into(),
        _ if chosen.contains(&"strom") => "Strøm".into(),
        _ => "Livsopphold".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use velferd_formats::soker::DigisosSoker;

    fn generator(events: u32) -> Generator {
        let katalog = velferd_web::default_kommuner();
        let kommuner: Vec<Kommune> = katalog.by_name().into_iter().filter(|k| k.takes_digital_applications()).cloned().collect();
        let mut offices: Vec<Office> = Vec::new();
        for k in &kommuner {
            if !offices.iter().any(|o| o.enhetsnummer == k.kontor.enhetsnummer) {
                offices.push(Office { enhetsnummer: k.kontor.enhetsnummer.clone(), staff: vec![(format!("seed-{}", k.kontor.enhetsnummer), "Lise Aas".into())] });
            }
        }
        Generator::new(7, 1_790_000_000_000, events, kommuner, offices, ("0".repeat(64), 100))
    }

    #[test]
    fn people_are_synthetic_and_every_application_parses_and_folds() {
        let mut g = generator(20);
        let (people, apps) = g.batch(3_000);
        assert!(people.len() > 2_000 && people.len() < 3_000, "most people apply once: {}", people.len());
        for p in &people {
            let f = p.person.fnr.as_str();
            assert!(Fodselsnummer::parse(f).is_ok() && f[2..4].parse::<u32>().is_ok_and(|m| (81..=92).contains(&m)), "synthetic: {f}");
            assert!(p.person.fnr.birth_date().is_some(), "{f}");
        }
        let now = 1_790_000_000_000;
        for (i, a) in apps.iter().enumerate() {
            let answers: Answers = serde_json::from_value(a.answers.clone()).unwrap();
            assert!(parse_application(&answers).is_ok());
            assert!(a.sent_ms < now && a.events.iter().all(|(_, at)| *at >= a.sent_ms && *at <= now), "events between sending and now");
            let texts: Vec<(String, String)> = a.events.iter().map(|(e, _)| (e["type"].as_str().unwrap().to_owned(), e.to_string())).collect();
            DigisosSoker::from_event_texts("t", &texts).expect("every event is a valid hendelse");
            if i % 10 == 0 {
                let doc =
                    json!({"version": "1.0.0", "avsender": {"systemnavn": "t", "systemversjon": "1"}, "hendelser": a.events.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>()});
                let violations = velferd_formats::validate(velferd_formats::Kind::DigisosSoker, &doc).unwrap();
                assert!(violations.is_empty(), "valid against the schema: {violations:?}");
            }
        }
        let events: usize = apps.iter().map(|a| a.events.len()).sum();
        let average = events as f64 / apps.len() as f64;
        assert!((19.0..=21.0).contains(&average), "about 20 events per application: {average}");
        let emergencies = apps.iter().filter(|a| a.emergency).count();
        assert!((30..=200).contains(&emergencies), "a few per cent emergencies: {emergencies}");
        let assigned = apps.iter().filter(|a| a.assignee.is_some()).count();
        assert!(assigned > 1_000 && assigned < 3_000, "{assigned}");
        let offices: std::collections::BTreeSet<&str> = apps.iter().map(|a| a.enhetsnummer.as_str()).collect();
        assert_eq!(offices.len(), 6, "every office with digital reception gets applications: {offices:?}");
    }

    #[test]
    fn a_small_average_is_met_from_above() {
        let mut g = generator(4);
        let (_, apps) = g.batch(1_000);
        let average = apps.iter().map(|a| a.events.len()).sum::<usize>() as f64 / 1_000.0;
        assert!((4.0..=8.0).contains(&average), "{average}");
    }
}
