//! `Store::seed_batch`, which `velferd admin seed` writes through: whole synthetic applications in
//! large multi-row statements, with a status projection equal to a full fold — on SQLite and
//! PostgreSQL.

#![allow(clippy::unwrap_used)]

use serde_json::json;
use velferd_domain::application::Soker;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess, Role};
use velferd_formats::soknad::tidspunkt;
use velferd_store::{testing, InboxQuery, JournalEntry, SeedApplication, SeedLetter, SeedPerson, SeedSubmission, Store, SubmittedDocument};

const DAY: i64 = 24 * 3600 * 1000;
const NOW: i64 = 1_790_000_000_000;

/// A synthetic number (month + 80) from the first eight digits.
fn synthetic(eight: &str) -> Fodselsnummer {
    (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("{eight}{d}"))).expect("a valid number")
}

fn person(fnr: &Fodselsnummer, first: &str, protection: Option<Adressebeskyttelse>) -> SeedPerson {
    SeedPerson { person: Soker { fnr: fnr.clone(), fornavn: first.into(), mellomnavn: String::new(), etternavn: "Seedvik".into(), adresse: None }, protection }
}

fn application(owner: &Fodselsnummer, sent: i64, events: Vec<serde_json::Value>) -> SeedApplication {
    let mut all = vec![
        json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(sent), "status": "MOTTATT"}),
        json!({"type": "tildeltNavKontor", "hendelsestidspunkt": tidspunkt(sent), "navKontor": "0312"}),
    ];
    all.extend(events);
    SeedApplication {
        owner: owner.clone(),
        kommunenummer: Kommunenummer::parse("0301").unwrap(),
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: json!({"version": "1.0.0"}),
        vedlegg_json: json!({"vedlegg": []}),
        answers: json!({}),
        sent_ms: sent,
        acknowledged_ms: None,
        events: all.into_iter().map(|e| (e, sent)).collect(),
        submissions: vec![],
        letters: vec![],
        assignee: None,
        journal: vec![],
    }
}

fn request(at: i64, deadline: i64) -> serde_json::Value {
    json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": tidspunkt(at), "dokumenter": [
        {"dokumenttype": "kontooversikt", "tilleggsinformasjon": "brukskonto", "innsendelsesfrist": tidspunkt(deadline)},
        {"dokumenttype": "husleiekontrakt", "tilleggsinformasjon": "husleiekontrakt", "innsendelsesfrist": tidspunkt(deadline + DAY)}
    ]})
}

fn document(kind: &str, extra: &str) -> SubmittedDocument {
    SubmittedDocument { kind: kind.into(), tilleggsinfo: extra.into(), sha256: "0".repeat(64), bytes: 1000 }
}

fn query(filter: InboxFilter, me: &str) -> InboxQuery {
    InboxQuery { filter, me: me.into(), search: String::new(), page: 0, page_size: 50, now: NOW }
}

async fn assert_projection_is_a_full_fold(store: &Store, id: &str, label: &str) {
    let stored = store.case_state_of(id).await.unwrap().expect("a case_status row");
    let p = store.computed_projection(id).await.unwrap().expect("the application");
    assert_eq!(
        (stored.status, stored.open, stored.decided, stored.forelopig_svar, stored.open_requests, stored.next_deadline_ms),
        (p.status, p.open, p.decided, p.forelopig_svar, p.open_requests, p.next_deadline),
        "{label}: the seeded projection of {id} is what a full fold computes"
    );
}

#[tokio::test]
async fn seeded_cases_are_whole_cases_in_the_inbox_with_a_projection_equal_to_the_fold() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        assert!(store.real_data().await.unwrap().is_empty(), "{}: an empty database holds no real data", db.label);
        let (kari, ola, eva) = (synthetic("01859012"), synthetic("02868512"), synthetic("03877012"));
        let people = vec![person(&kari, "Kari", None), person(&ola, "Ola", None), person(&eva, "Eva", Some(Adressebeskyttelse::StrengtFortrolig))];

        let received = application(&kari, NOW - DAY, vec![]);
        // Asked for two documents 20 days ago (deadline passed); one of them came after the request.
        let mut overdue = application(
            &ola,
            NOW - 30 * DAY,
            vec![json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(NOW - 29 * DAY), "status": "UNDER_BEHANDLING"}), request(NOW - 20 * DAY, NOW - 13 * DAY)],
        );
        overdue.submissions.push(SeedSubmission {
            created_ms: NOW - 18 * DAY,
            with_application: false,
            vedlegg_json: json!({"vedlegg": []}),
            documents: vec![document("husleiekontrakt", "husleiekontrakt")],
        });
        overdue.assignee = Some(("demo-sara".into(), "Sara Lund".into()));
        overdue.journal.push(JournalEntry { kind: "tildelt".into(), text: "Sara Lund".into(), actor: "demo-sara".into(), actor_name: "Sara Lund".into(), at_ms: NOW - 29 * DAY });
        let letter = velferd_store::new_uuid();
        let decided = application(
            &kari,
            NOW - 90 * DAY,
            vec![
                json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(NOW - 89 * DAY), "status": "UNDER_BEHANDLING"}),
                json!({"type": "saksStatus", "hendelsestidspunkt": tidspunkt(NOW - 89 * DAY), "referanse": "S1", "tittel": "Livsopphold", "status": "UNDER_BEHANDLING"}),
                json!({"type": "vedtakFattet", "hendelsestidspunkt": tidspunkt(NOW - 80 * DAY), "saksreferanse": "S1", "utfall": "INNVILGET",
                   "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": letter}}}),
                json!({"type": "utbetaling", "hendelsestidspunkt": tidspunkt(NOW - 80 * DAY), "utbetalingsreferanse": "P1", "saksreferanse": "S1", "status": "UTBETALT", "belop": 5000.0}),
                json!({"type": "soknadsStatus", "hendelsestidspunkt": tidspunkt(NOW - 80 * DAY), "status": "FERDIGBEHANDLET"}),
            ],
        );
        let mut decided = decided;
        decided.letters.push(SeedLetter { id: letter, title: "Vedtak".into(), sha256: "0".repeat(64), bytes: 1000, created_ms: NOW - 80 * DAY, first_opened_ms: None });
        let protected = application(&eva, NOW - 2 * DAY, vec![]);

        let counts = store.seed_batch(&people, &[received, overdue, decided, protected]).await.unwrap();
        assert_eq!((counts.applications, counts.events, counts.people), (4, 2 + 4 + 7 + 2, 3), "{}", db.label);
        assert_eq!(store.count_seeded_applications().await.unwrap(), 4);
        assert!(store.real_data().await.unwrap().is_empty(), "{}: seeded people are synthetic", db.label);

        let sara = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let open = store.inbox(&sara, &query(InboxFilter::Open, "demo-sara")).await.unwrap();
        let names: Vec<&str> = open.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Ola Seedvik", "Kari Seedvik"], "{}: open cases, longest waiting first, names from the register, no kode 6", db.label);
        let ola_row = &open.rows[0];
        assert_eq!(
            (ola_row.state.open_requests, ola_row.state.assignee.clone()),
            (1, Some(("demo-sara".to_owned(), "Sara Lund".to_owned()))),
            "{}: one request answered, one not",
            db.label
        );
        assert!(ola_row.reference.starts_with("VF-") && open.rows[1].reference != ola_row.reference);
        // A search by fødselsnummer finds that person's cases of the office, under the filter.
        let search = |filter, text: &str| InboxQuery { search: text.to_owned(), ..query(filter, "demo-sara") };
        let found = store.inbox(&sara, &search(InboxFilter::All, ola.as_str())).await.unwrap();
        assert_eq!(found.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec![ola_row.id.as_str()], "{}", db.label);
        let found = store.inbox(&sara, &search(InboxFilter::All, kari.as_str())).await.unwrap();
        assert_eq!(found.rows.len(), 2, "{}: Kari's received and decided cases", db.label);
        let found = store.inbox(&sara, &search(InboxFilter::Open, kari.as_str())).await.unwrap();
        assert_eq!(found.rows.len(), 1, "{}: only the open one", db.label);
        assert!(store.inbox(&sara, &search(InboxFilter::All, eva.as_str())).await.unwrap().rows.is_empty(), "{}: kode 6 stays hidden", db.label);
        let found = store.inbox(&sara, &search(InboxFilter::All, &ola_row.reference)).await.unwrap();
        assert_eq!(found.rows.len(), 1, "{}: by reference", db.label);
        let overdue_page = store.inbox(&sara, &query(InboxFilter::DocumentsOverdue, "demo-sara")).await.unwrap();
        assert_eq!(overdue_page.rows.len(), 1, "{}", db.label);
        assert_eq!(store.inbox(&sara, &query(InboxFilter::Mine, "demo-sara")).await.unwrap().rows.len(), 1, "{}", db.label);
        let all = store.inbox(&sara, &query(InboxFilter::All, "demo-sara")).await.unwrap();
        assert_eq!(all.rows.len(), 3, "{}: the decided case too", db.label);
        for row in &all.rows {
            assert_projection_is_a_full_fold(&store, &row.id, db.label).await;
        }
        let decided_row = all.rows.iter().find(|r| !r.state.open).expect("the decided case");
        assert!(decided_row.state.decided);
        assert_eq!(store.office_journal(&ola_row.id).await.unwrap().len(), 1);
        let owner = store.owner_of(&decided_row.id).await.unwrap().expect("owner");
        let fnr = Fodselsnummer::parse(&owner).unwrap();
        assert_eq!(store.letters(&decided_row.id, &fnr).await.unwrap().len(), 1, "{}: the decision letter", db.label);
        assert_eq!(store.event_texts(&decided_row.id, &fnr).await.unwrap().len(), 7);

        // A person with a real-looking number makes the database one that holds real data.
        let real = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("01019012{d}"))).unwrap();
        store.upsert_person(&Soker { fnr: real, fornavn: "Ekte".into(), mellomnavn: String::new(), etternavn: "Person".into(), adresse: None }).await.unwrap();
        assert_eq!(store.real_data().await.unwrap().people, 1, "{}", db.label);
        store.close().await;
    }
}

#[tokio::test]
async fn a_large_batch_is_split_under_both_databases_bind_limits() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let owners: Vec<Fodselsnummer> = (0..40).map(|i| synthetic(&format!("{:02}8190{:02}", i % 28 + 1, i))).collect();
        let people: Vec<SeedPerson> = owners.iter().map(|f| person(f, "Per", None)).collect();
        // 1 500 applications with 30 events each: 45 000 event rows, 225 000 values.
        let apps: Vec<SeedApplication> = (0..1_500)
            .map(|i| {
                let sent = NOW - 200 * DAY + i * 60_000;
                let payments = (0..14).flat_map(|p| {
                    let at = tidspunkt(sent + DAY + p * 3_600_000);
                    [
                        json!({"type": "utbetaling", "hendelsestidspunkt": at, "utbetalingsreferanse": format!("P{p}"), "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING", "belop": 1200.0}),
                        json!({"type": "utbetaling", "hendelsestidspunkt": at, "utbetalingsreferanse": format!("P{p}"), "status": "UTBETALT"}),
                    ]
                });
                application(&owners[i as usize % owners.len()], sent, payments.collect())
            })
            .collect();
        let counts = store.seed_batch(&people, &apps).await.unwrap();
        assert_eq!((counts.applications, counts.events, counts.people), (1_500, 45_000, 40), "{}", db.label);
        // The same people again: kept, not duplicated, not an error.
        let again = store.seed_batch(&people, &apps[..10]).await.unwrap();
        assert_eq!((again.applications, again.people), (10, 0), "{}", db.label);
        assert_eq!(store.count_applications().await.unwrap(), 1_510);
        store.analyze().await.unwrap();
        let sara = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let page = store.inbox(&sara, &query(InboxFilter::Open, "x")).await.unwrap();
        assert!(page.more && page.rows.len() == 50, "{}", db.label);
        for row in page.rows.iter().step_by(10) {
            assert_projection_is_a_full_fold(&store, &row.id, db.label).await;
        }
        store.close().await;
    }
}
