//! Synthetic people for `--demo`. Their numbers use the synthetic-number convention (month + 80), so
//! they can never belong to a real person.

use velferd_domain::application::{Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::{Adressebeskyttelse, Role};
use velferd_store::Store;

/// (birth date ddmmyy with month+80, individual number prefix, first, last, street, no, postcode, place, kommune)
/// One demo person: birth date (ddmmyy, month + 80), individual number prefix, first and last name,
/// street, house number, postcode, place, kommune.
type DemoPerson = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

const PEOPLE: [DemoPerson; 6] = [
    ("128190", "12", "Kari", "Nordmann", "Storgata", "12", "0184", "Oslo", "0301"),
    ("039185", "45", "Ola", "Hansen", "Nygårdsgaten", "3", "5015", "Bergen", "4601"),
    ("228201", "54", "Amina", "Hassan", "Olav Tryggvasons gate", "40", "7011", "Trondheim", "5001"),
    ("079175", "23", "Jon", "Berg", "Kirkegata", "7", "4006", "Stavanger", "1103"),
    ("308899", "31", "Siri", "Johansen", "Storgata", "88", "9008", "Tromsø", "5501"),
    ("158588", "34", "Eva", "Fjell", "Sørkedalsveien", "10", "0369", "Oslo", "0301"),
];

/// The demo person with a strictly confidential address (kode 6): only staff with the
/// protected-person role see her applications, and nobody sees her address.
const PROTECTED: &str = "Eva";

/// A demo staff member for the staff demo sign-in.
pub struct DemoStaff {
    pub key: &'static str,
    pub name: &'static str,
    pub roles: &'static [Role],
    /// The office's enhetsnummer.
    pub office: &'static str,
}

/// Demo staff, one for each role: a caseworker, an adviser and an approver at NAV Frogner (Oslo), an
/// office manager there who may open protected persons' cases, a caseworker at NAV Bergenhus
/// (Bergen), contact-centre staff with no case access, and a caseworker at Oslo's child-welfare
/// service (barnevern), who sees the concern reports and nothing of NAV's cases.
pub const DEMO_STAFF: [DemoStaff; 7] = [
    DemoStaff { key: "sara", name: "Sara Lund", roles: &[Role::Saksbehandler], office: "0312" },
    DemoStaff { key: "ali", name: "Ali Rahimi", roles: &[Role::Veileder], office: "0312" },
    DemoStaff { key: "berit", name: "Berit Solberg", roles: &[Role::Beslutter], office: "0312" },
    DemoStaff { key: "henrik", name: "Henrik Moe", roles: &[Role::Leder, Role::Fortrolig], office: "0312" },
    DemoStaff { key: "nina", name: "Nina Holm", roles: &[Role::Saksbehandler], office: "1201" },
    DemoStaff { key: "tor", name: "Tor Bakke", roles: &[Role::Kontaktsenter], office: "0312" },
    DemoStaff { key: "bente", name: "Bente Vik", roles: &[Role::Barnevern], office: "0312" },
];

/// The demo people, each with a valid synthetic fødselsnummer.
pub fn demo_people() -> Vec<Soker> {
    PEOPLE
        .iter()
        .filter_map(|(date, individ, fornavn, etternavn, gate, nr, postnr, sted, kommune)| {
            // The first individual number for which both check digits exist.
            let fnr = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("{date}{individ}{d}")))?;
            Some(Soker {
                fnr,
                fornavn: (*fornavn).to_owned(),
                mellomnavn: String::new(),
                etternavn: (*etternavn).to_owned(),
                adresse: Some(SokerAdresse {
                    gatenavn: (*gate).to_owned(),
                    husnummer: (*nr).to_owned(),
                    postnummer: (*postnr).to_owned(),
                    poststed: (*sted).to_owned(),
                    kommunenummer: (*kommune).to_owned(),
                }),
            })
        })
        .collect()
}

/// Puts the demo people in the register (idempotent; run at every start with `--demo`).
pub async fn seed_demo_people(store: &Store) -> Result<usize, velferd_store::StoreError> {
    let people = demo_people();
    for p in &people {
        store.upsert_person(p).await?;
        if p.fornavn == PROTECTED {
            store.set_adressebeskyttelse(&p.fnr, Some(Adressebeskyttelse::StrengtFortrolig)).await?;
        }
    }
    // The demo staff, as if each had signed in once, so a case can be given to a colleague.
    for s in &DEMO_STAFF {
        let member = velferd_store::StaffMember {
            subject: format!("demo-{}", s.key),
            name: s.name.to_owned(),
            office: s.office.to_owned(),
            roles: s.roles.iter().map(|r| r.claim_value()).collect::<Vec<_>>().join(","),
        };
        store.record_staff_member(&member, 0).await?;
    }
    Ok(people.len())
}

/// A complete set of answers for the demo cases.
fn demo_answers() -> velferd_domain::application::Answers {
    let mut a = velferd_domain::application::Answers::default();
    for (k, v) in [
        ("nodhjelp", "nei"),
        ("kategorier", "livsopphold,husleie"),
        ("hvorfor", "Jeg har mistet jobben og har ikke nok penger til husleie og mat denne måneden."),
        ("bor_folkeregistrert", "ja"),
        ("nordisk_borger", "ja"),
        ("botype", "leier"),
        ("antall_personer", "1"),
        ("i_jobb", "nei"),
        ("student", "nei"),
        ("sivilstatus", "ugift"),
        ("har_barn", "nei"),
        ("husleie", "9500"),
        ("kontonummer", "12345678903"),
        ("bekreft", "ja"),
    ] {
        a.set(k, v);
    }
    a
}

const DAY: i64 = 24 * 60 * 60 * 1000;

/// Demo cases so a citizen's "my applications" has something to show: Kari's was decided and paid,
/// Ola's is being processed and the office asks for documents. Idempotent: fixed draft ids make a
/// second start find the applications already there.
pub async fn seed_demo_cases(store: &Store, files: &dyn velferd_store::Files, katalog: &velferd_domain::kommune::Katalog, now: i64) -> Result<usize, velferd_store::StoreError> {
    use serde_json::json;
    use velferd_formats::soknad::tidspunkt;
    let people = demo_people();
    let mut seeded = 0;
    // (person, draft id, sent how long ago, emergency): Kari's earlier application was decided and
    // paid; Ola's office asks for documents; Kari's new one came this morning with no food today,
    // so it is at the top of NAV Frogner's inbox for Sara to take.
    for (first_name, draft_id, sent_ago, emergency) in
        [("Kari", "demo-case-kari", 20 * DAY, false), ("Ola", "demo-case-ola", 5 * DAY, false), ("Kari", "demo-case-kari-nodhjelp", 2 * 3600 * 1000, true)]
    {
        let Some(person) = people.iter().find(|p| p.fornavn == first_name) else {
            continue;
        };
        let Some(kommune) = person.adresse.as_ref().and_then(|a| katalog.find(&a.kommunenummer)) else {
            continue;
        };
        let mut answers = demo_answers();
        if emergency {
            answers.set("nodhjelp", "mat");
            answers.set("hvorfor", "Jeg har ikke penger til mat før lønna kommer om ti dager. Kjøleskapet er tomt.");
        }
        let Ok(application) = velferd_domain::application::parse_application(&answers) else {
            continue;
        };
        let sent = now - sent_ago;
        if store.submitted_from_draft(draft_id, &person.fnr).await?.is_some() {
            continue;
        }
        // Several servers started at once on one database (`serve --demo` behind a load balancer)
        // each get here: one sends the case, and only that one adds its events and letter.
        store.create_draft_if_absent(draft_id, &person.fnr, &kommune.nummer, &answers, sent).await?;
        let new = velferd_cases::apply::prepare(&application, &answers, person, kommune, sent, vec![], &[]);
        let Some(done) = store.submit(draft_id, &person.fnr, &new, sent).await? else {
            continue;
        };
        if !done.created {
            // Another server sent it first; a draft made here after that one was claimed goes.
            store.delete_draft(draft_id, &person.fnr).await?;
            continue;
        }
        let at = |days: i64| tidspunkt(sent + days * DAY);
        let events = if emergency {
            vec![]
        } else if first_name == "Kari" {
            // Dates as a case system in Norway writes them: the day in Norway, not the UTC day.
            let date = crate::fmt::date(sent + 6 * DAY);
            let paid_on = velferd_domain::dates::oslo_date(&at(8)).unwrap_or_default();
            let letter = decision_letter(&person.fullt_navn(), &kommune.kontor.navn, &done.reference, &date)
                .map_err(|e| velferd_store::StoreError::Corrupt(format!("demo decision letter: {e}")))?;
            let sha = files.put(&letter).await?;
            let letter_id = store.add_letter(&done.id, "Vedtak om økonomisk sosialhjelp", &sha, letter.len() as i64, sent + 6 * DAY).await?;
            vec![
                json!({"type": "soknadsStatus", "hendelsestidspunkt": at(2), "status": "UNDER_BEHANDLING"}),
                json!({"type": "saksStatus", "hendelsestidspunkt": at(2), "referanse": "S1", "tittel": "Livsopphold og husleie", "status": "UNDER_BEHANDLING"}),
                json!({"type": "vedtakFattet", "hendelsestidspunkt": at(6), "saksreferanse": "S1", "utfall": "INNVILGET",
                       "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": letter_id}}}),
                json!({"type": "utbetaling", "hendelsestidspunkt": at(6), "utbetalingsreferanse": "P1", "saksreferanse": "S1",
                       "status": "PLANLAGT_UTBETALING", "belop": 6500.0, "beskrivelse": "Livsopphold", "forfallsdato": paid_on}),
                json!({"type": "vilkar", "hendelsestidspunkt": at(6), "vilkarreferanse": "V1", "saksreferanse": "S1",
                       "tittel": "Du må melde deg som arbeidssøker hos NAV", "status": "RELEVANT"}),
                json!({"type": "utbetaling", "hendelsestidspunkt": at(8), "utbetalingsreferanse": "P1", "status": "UTBETALT", "utbetalingsdato": paid_on}),
                json!({"type": "soknadsStatus", "hendelsestidspunkt": at(8), "status": "FERDIGBEHANDLET"}),
            ]
        } else {
            vec![
                json!({"type": "soknadsStatus", "hendelsestidspunkt": at(1), "status": "UNDER_BEHANDLING"}),
                json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": at(2), "dokumenter": [
                    {"dokumenttype": "kontooversikt", "tilleggsinformasjon": "brukskonto", "innsendelsesfrist": at(16)},
                    {"dokumenttype": "husleiekontrakt", "tilleggsinformasjon": "husleiekontrakt", "innsendelsesfrist": at(16)}
                ]}),
            ]
        };
        if !events.is_empty() {
            store.append_events(&done.id, &events, now).await?;
        }
        seeded += 1;
    }
    Ok(seeded)
}

/// First names of the statistics' demo people; every one is called "Testesen", the Norwegian
/// placeholder surname, so nobody mistakes them for real people.
const STATISTICS_NAMES: [&str; 20] =
    ["Anne", "Bjørn", "Cecilie", "Dag", "Elin", "Frode", "Grete", "Harald", "Ingrid", "Jens", "Kristin", "Lars", "Marit", "Nils", "Oda", "Per", "Randi", "Svein", "Tone", "Vidar"];

/// How many closed demo applications [`seed_demo_statistics`] seeds per channel: enough (five or
/// more) that the office lead's channel chart draws bars instead of "<5".
const STATISTICS_CHANNELS: [(velferd_domain::assisted::Channel, usize); 4] = [
    (velferd_domain::assisted::Channel::Digital, 4),
    (velferd_domain::assisted::Channel::Papir, 6),
    (velferd_domain::assisted::Channel::Telefon, 5),
    (velferd_domain::assisted::Channel::Oppmote, 5),
];

/// The synthetic people behind [`seed_demo_statistics`]: Oslo residents "… Testesen" with
/// synthetic numbers (month + 80, individual numbers 400–499 for births in the 1900s).
pub fn demo_statistics_people() -> Vec<Soker> {
    STATISTICS_NAMES
        .iter()
        .enumerate()
        .filter_map(|(i, first)| {
            let date = format!("{:02}{:02}{:02}", 1 + i, 81 + i % 12, 60 + i);
            let fnr = (400..500).find_map(|n| Fodselsnummer::with_check_digits(&format!("{date}{n:03}")))?;
            Some(Soker {
                fnr,
                fornavn: (*first).to_owned(),
                mellomnavn: String::new(),
                etternavn: "Testesen".to_owned(),
                adresse: Some(SokerAdresse {
                    gatenavn: "Eksempelveien".to_owned(),
                    husnummer: (i + 1).to_string(),
                    postnummer: "0557".to_owned(),
                    poststed: "Oslo".to_owned(),
                    kommunenummer: "0301".to_owned(),
                }),
            })
        })
        .collect()
}

/// Closed applications to NAV Frogner (Oslo) from [`demo_statistics_people`], sent 9 to 66 days
/// ago by each channel of [`STATISTICS_CHANNELS`], each decided within a week and finished, so the
/// office lead's dashboard shows the channel split, processing times and letters, while the open
/// inbox (Kari's emergency on top) is as before: closed cases are only under "all". The paper,
/// phone and desk ones are registered by Sara, the desk ones with the passport seen. Every case's
/// decision letter is one generic demo letter. Idempotent like [`seed_demo_cases`]; returns how
/// many this call sent.
pub async fn seed_demo_statistics(
    store: &Store,
    files: &dyn velferd_store::Files,
    katalog: &velferd_domain::kommune::Katalog,
    now: i64,
) -> Result<usize, velferd_store::StoreError> {
    use serde_json::json;
    use velferd_domain::assisted::Channel;
    use velferd_formats::soknad::tidspunkt;
    let people = demo_statistics_people();
    let Some(kommune) = katalog.find("0301") else { return Ok(0) };
    let channels = STATISTICS_CHANNELS.iter().flat_map(|(c, n)| std::iter::repeat_n(*c, *n));
    let mut letter: Option<(String, i64)> = None;
    let mut seeded = 0;
    for (k, (person, channel)) in people.iter().zip(channels).enumerate() {
        let draft_id = format!("demo-case-statistikk-{k:02}");
        if store.submitted_from_draft(&draft_id, &person.fnr).await?.is_some() {
            continue;
        }
        store.upsert_person(person).await?;
        let answers = demo_answers();
        let Ok(application) = velferd_domain::application::parse_application(&answers) else { continue };
        let k = i64::try_from(k).unwrap_or(0);
        let sent = now - (9 + 3 * k) * DAY - (k % 5) * 3_600_000;
        store.create_draft_if_absent(&draft_id, &person.fnr, &kommune.nummer, &answers, sent).await?;
        let new = velferd_cases::apply::prepare(&application, &answers, person, kommune, sent, vec![], &[]);
        let done = if channel == Channel::Digital {
            store.submit(&draft_id, &person.fnr, &new, sent).await?
        } else {
            let registered = velferd_store::ApplicationChannel {
                channel,
                registered_by: Some(("demo-sara".to_owned(), "Sara Lund".to_owned())),
                identity_check: channel.in_person().then(|| "pass".to_owned()),
                identity_checked_by: channel.in_person().then(|| "Sara Lund".to_owned()),
                kommune_reason: None,
            };
            store.submit_registered(&draft_id, &person.fnr, &new, &registered, sent).await?
        };
        let Some(done) = done else { continue };
        if !done.created {
            store.delete_draft(&draft_id, &person.fnr).await?;
            continue;
        }
        let (sha, bytes) = match &letter {
            Some(l) => l.clone(),
            None => {
                let pdf = decision_letter("(eksempel)", &kommune.kontor.navn, "(eksempel)", "(eksempel)")
                    .map_err(|e| velferd_store::StoreError::Corrupt(format!("demo decision letter: {e}")))?;
                let l = (files.put(&pdf).await?, pdf.len() as i64);
                letter = Some(l.clone());
                l
            }
        };
        let taken = sent + DAY;
        let decided = sent + (2 + k % 7) * DAY;
        let letter_id = store.add_letter(&done.id, "Vedtak om økonomisk sosialhjelp", &sha, bytes, decided).await?;
        let utfall = if k % 5 == 4 { "AVSLATT" } else { "INNVILGET" };
        let events = vec![
            json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(taken), "status": "UNDER_BEHANDLING"}),
            json!({"type": "saksStatus", "hendelsestidspunkt": tidspunkt(taken), "referanse": "S1", "tittel": "Livsopphold og husleie", "status": "UNDER_BEHANDLING"}),
            json!({"type": "vedtakFattet", "hendelsestidspunkt": tidspunkt(decided), "saksreferanse": "S1", "utfall": utfall,
                   "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": letter_id}}}),
            json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(decided), "status": "FERDIGBEHANDLET"}),
        ];
        store.append_events(&done.id, &events, now).await?;
        seeded += 1;
    }
    Ok(seeded)
}

/// One demo application decided through Velferd's own caseworker actions (contracts.md: `--demo`
/// seeds at least one): Kari applied twelve days ago; Sara took it, calculated, drafted a decision;
/// Berit (beslutter) returned it once with a comment; Sara changed it and Berit approved it. The
/// living costs were paid; the rent to the landlord is planned after today. Every step is the use
/// case a person's click calls, at the time it happened, so the events, letter, journal, audit log
/// and payment list are what the pages would have written. Idempotent like [`seed_demo_cases`]:
/// `true` when this call made it.
pub async fn seed_demo_decision(cases: &velferd_cases::Cases, now: i64) -> Result<bool, velferd_cases::CaseError> {
    use velferd_cases::office::actions::Command;
    use velferd_cases::office::decide::{CalculationForm, DecisionForm, EntryForm, PaymentForm, TermForm};
    use velferd_cases::Words;
    use velferd_domain::staff::StaffUser;

    const DRAFT: &str = "demo-case-kari-vedtak";
    let store = cases.store();
    let Some(kari) = demo_people().into_iter().find(|p| p.fornavn == "Kari") else { return Ok(false) };
    let Some(kommune) = kari.adresse.as_ref().and_then(|a| cases.kommuner().find(&a.kommunenummer)).cloned() else { return Ok(false) };
    if store.submitted_from_draft(DRAFT, &kari.fnr).await?.is_some() {
        return Ok(false);
    }
    let sent = now - 12 * DAY;
    let mut answers = demo_answers();
    answers.set("hvorfor", "Dagpengene kommer ikke før neste måned, og husleien for denne måneden er ikke betalt.");
    let Ok(application) = velferd_domain::application::parse_application(&answers) else { return Ok(false) };
    store.create_draft_if_absent(DRAFT, &kari.fnr, &kommune.nummer, &answers, sent).await?;
    let new = velferd_cases::apply::prepare(&application, &answers, &kari, &kommune, sent, vec![], &[]);
    let Some(done) = store.submit(DRAFT, &kari.fnr, &new, sent).await? else { return Ok(false) };
    if !done.created {
        store.delete_draft(DRAFT, &kari.fnr).await?;
        return Ok(false);
    }
    let id = done.id;
    let staff = |key: &str| {
        DEMO_STAFF.iter().find(|s| s.key == key).map(|s| StaffUser {
            subject: format!("demo-{}", s.key),
            name: s.name.to_owned(),
            roles: s.roles.to_vec(),
            office: s.office.to_owned(),
        })
    };
    let (Some(sara), Some(berit)) = (staff("sara"), staff("berit")) else { return Ok(false) };
    let words = crate::i18n::Lang::Nb;
    let words_for = |_: &str| -> Box<dyn Words> { Box::new(crate::i18n::Lang::Nb) };
    let at = |days: i64, hours: i64| sent + days * DAY + hours * 3_600_000;
    let version = || async { Ok::<_, velferd_cases::CaseError>(store.case_state_of(&id).await?.map(|s| s.version)) };
    let date = |ms: i64| velferd_domain::dates::oslo_time(ms).date().to_string();

    cases.act(&sara, &id, version().await?, Command::Assign { to: sara.subject.clone() }, &words, at(1, 0)).await?;
    cases.act(&sara, &id, version().await?, Command::TakeIntoProcessing, &words, at(1, 1)).await?;
    let calculation = CalculationForm {
        voksne: "enslig".into(),
        utgifter: vec![EntryForm { art: "bolig".into(), tekst: "Husleie Storgata 12".into(), belop: "9 500".into() }],
        ..CalculationForm::default()
    };
    cases.save_calculation(&sara, &id, version().await?, &calculation, at(2, 0)).await?;
    let mut form = DecisionForm {
        sak_tittel: "Livsopphold og husleie".into(),
        utfall: "innvilget".into(),
        begrunnelse: "Du har ikke inntekt denne måneden. Vi har regnet ut hva du trenger til livsopphold etter statens veiledende satser, og lagt til husleien.".into(),
        hjemler: vec!["sotjl-18".into(), "sotjl-20".into()],
        vilkar: vec![TermForm { tittel: "Meld deg som arbeidssøker hos NAV".into(), beskrivelse: "Det gjør du på nav.no innen to uker.".into(), frist: String::new() }],
        utbetalinger: vec![
            PaymentForm {
                beskrivelse: "Livsopphold".into(),
                belop: "7 850".into(),
                forfall: date(at(3, 0)),
                mottaker: "soker".into(),
                kontonummer: answers.get("kontonummer").to_owned(),
                ..PaymentForm::default()
            },
            PaymentForm {
                beskrivelse: "Husleie neste måned".into(),
                belop: "9 500".into(),
                forfall: date(now + 10 * DAY),
                mottaker: "annen".into(),
                navn: "Boligbyggelaget Oslo AS".into(),
                kontonummer: "8601 11 17947".into(),
                ..PaymentForm::default()
            },
        ],
        sprak: "nb".into(),
        ..DecisionForm::default()
    };
    cases.submit_decision(&sara, &id, version().await?, None, &form, &words_for, at(2, 1)).await?;
    let decision = store.decisions(&id).await?.into_iter().next().map(|d| d.id).unwrap_or_default();
    let comment = "Skriv i begrunnelsen at husleien betales direkte til utleieren.";
    cases.return_decision(&berit, &id, version().await?, &decision, comment, at(2, 3)).await?;
    form.begrunnelse.push_str(" Husleien betales direkte til utleieren, så den blir betalt i tide.");
    cases.submit_decision(&sara, &id, version().await?, Some(&decision), &form, &words_for, at(2, 4)).await?;
    cases.approve_decision(&berit, &id, version().await?, &decision, &words_for, at(2, 5)).await?;
    let living = store.payments(&id).await?.into_iter().find(|p| p.recipient_kind == "soker").map(|p| p.id).unwrap_or_default();
    cases.mark_paid(&sara, &id, version().await?, &living, &date(at(3, 2)), at(3, 2)).await?;
    Ok(true)
}

/// The demo's decision letter for Kari, as a case system would file it (a tagged PDF in bokmål).
fn decision_letter(name: &str, office: &str, reference: &str, date: &str) -> Result<Vec<u8>, velferd_documents::PdfError> {
    use velferd_documents::{render, Document, Row, Section};
    let text = |t: &str| Row::Text(t.to_owned());
    render(&Document {
        title: "Vedtak om økonomisk sosialhjelp".into(),
        language: "nb".into(),
        intro: vec![format!("Til: {name}"), format!("Fra: {office}"), format!("Dato: {date}"), format!("Søknad: {reference}")],
        sections: vec![
            Section {
                heading: "Vedtak".into(),
                rows: vec![
                    text("Du får 6 500 kroner i økonomisk sosialhjelp til livsopphold for denne måneden."),
                    text("Pengene blir betalt til kontonummeret du oppga i søknaden."),
                ],
            },
            Section { heading: "Vilkår".into(), rows: vec![text("Du må melde deg som arbeidssøker hos NAV innen to uker.")] },
            Section {
                heading: "Begrunnelse".into(),
                rows: vec![text(
                    "Vedtaket er gjort etter lov om sosiale tjenester i NAV § 18. Du har ikke nok inntekt til å dekke nødvendige utgifter til livsopphold denne måneden.",
                )],
            },
            Section {
                heading: "Du kan klage".into(),
                rows: vec![text(
                    "Er du uenig i vedtaket, kan du klage innen tre uker etter at du fikk det. Send klagen til NAV-kontoret ditt. Du kan få hjelp til å skrive klagen.",
                )],
            },
        ],
        footer: format!("{office} · {reference}"),
        page_label: "Side {page} av {pages}".into(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_person_has_a_valid_synthetic_number() {
        let statistics = super::demo_statistics_people();
        assert_eq!(statistics.len(), super::STATISTICS_NAMES.len());
        assert!(statistics.len() >= super::STATISTICS_CHANNELS.iter().map(|(_, n)| n).sum::<usize>(), "one person per application");
        let people = super::demo_people().into_iter().chain(statistics).collect::<Vec<_>>();
        assert_eq!(people.len(), super::PEOPLE.len() + super::STATISTICS_NAMES.len());
        for p in people {
            assert!(p.fnr.birth_date().is_some(), "{}", p.fornavn);
            assert!(p.fnr.as_str()[2..4].parse::<u32>().unwrap() > 80, "synthetic month");
        }
    }
}
