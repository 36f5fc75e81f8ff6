//! Meetings are never double-booked, on SQLite and PostgreSQL: the database refuses a second
//! booking of a caseworker or a room for the same quarter hour, also when the requests race;
//! moving and cancelling give the quarters back; the person gets a notice each time.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::{testing, AuditEntry, Booked, NewApplication, NewMeeting, Outcome, Store};

const QUARTER: i64 = 15 * 60 * 1000;
/// 2 December 2026 09:00 in Oslo.
const NINE: i64 = 1_796_198_400_000;

fn fnr(eight: &str) -> Fodselsnummer {
    (0..100).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).expect("a valid number")
}

async fn apply(store: &Store, owner: &Fodselsnummer) -> String {
    store.upsert_person(&Soker { fnr: owner.clone(), fornavn: "Kari".into(), mellomnavn: String::new(), etternavn: "Test".into(), adresse: None }).await.unwrap();
    let k = Kommunenummer::parse("0301").unwrap();
    let mut answers = Answers::default();
    answers.set("telefon", "41234567");
    let draft = store.create_draft(owner, &k, &answers, 1_000).await.unwrap();
    let app = NewApplication {
        summary: Vec::new(),
        kommunenummer: k,
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: serde_json::json!({}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers,
        events: vec![],
        documents: vec![],
    };
    store.submit(&draft.id, owner, &app, 1_000).await.unwrap().unwrap().id
}

fn entry(id: &str) -> AuditEntry {
    AuditEntry {
        actor: "staff:sara".into(),
        actor_name: "Sara Lund".into(),
        role: "saksbehandler".into(),
        office: Some("0312".into()),
        action: "book-meeting".into(),
        person: None,
        application_id: Some(id.into()),
        outcome: Outcome::Permit,
    }
}

fn meeting<'a>(id: &'a str, office: &'a str, who: &'a str, room: Option<&'a str>, start: i64, quarters: i64) -> NewMeeting<'a> {
    NewMeeting {
        application_id: id,
        enhetsnummer: office,
        caseworker: who,
        caseworker_name: who,
        room,
        kind: "oppmote",
        place: "Sørkedalsveien 6",
        start_ms: start,
        end_ms: start + quarters * QUARTER,
    }
}

#[tokio::test]
async fn a_caseworker_or_a_room_is_never_booked_twice() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let (a, b) = (apply(&store, &fnr("12819012")).await, apply(&store, &fnr("03918545")).await);
        let first = store.book_meeting(&meeting(&a, "0312", "sara", Some("Fjorden"), NINE, 3), &entry(&a), 10).await.unwrap();
        let Booked::Done(first) = first else { panic!("{}: the first booking", db.label) };
        // Sara at 09:30 on another case overlaps her 09:00–09:45.
        assert_eq!(store.book_meeting(&meeting(&b, "0312", "sara", None, NINE + 2 * QUARTER, 2), &entry(&b), 11).await.unwrap(), Booked::CaseworkerTaken, "{}", db.label);
        // Right after it is free.
        assert!(matches!(store.book_meeting(&meeting(&b, "0312", "sara", None, NINE + 3 * QUARTER, 1), &entry(&b), 12).await.unwrap(), Booked::Done(_)), "{}", db.label);
        // Another caseworker in the same room at the same time: the room is taken (whatever its case).
        assert_eq!(store.book_meeting(&meeting(&b, "0312", "ali", Some("fjorden"), NINE + QUARTER, 1), &entry(&b), 13).await.unwrap(), Booked::RoomTaken, "{}", db.label);
        // A room of the same name at another office is another room.
        assert!(matches!(store.book_meeting(&meeting(&b, "1201", "nina", Some("Fjorden"), NINE, 2), &entry(&b), 14).await.unwrap(), Booked::Done(_)), "{}", db.label);

        // Moving the first meeting an hour later gives its quarters back.
        let moved = store.move_meeting(&first, 1, &meeting(&a, "0312", "sara", Some("Fjorden"), NINE + 8 * QUARTER, 2), &entry(&a), 20).await.unwrap();
        assert_eq!(moved, Booked::Done(first.clone()), "{}", db.label);
        assert_eq!(store.move_meeting(&first, 1, &meeting(&a, "0312", "sara", None, NINE, 1), &entry(&a), 21).await.unwrap(), Booked::Conflict, "{}: an old version", db.label);
        assert!(
            matches!(store.book_meeting(&meeting(&b, "0312", "ali", Some("Fjorden"), NINE, 2), &entry(&b), 22).await.unwrap(), Booked::Done(_)),
            "{}: the room is free at 09:00 now",
            db.label
        );
        // Cancelling frees it too, and cannot be done twice.
        assert_eq!(store.cancel_meeting(&first, &a, 2, &entry(&a), 30).await.unwrap(), Booked::Done(first.clone()));
        assert_eq!(store.cancel_meeting(&first, &a, 2, &entry(&a), 31).await.unwrap(), Booked::Conflict);
        assert!(matches!(store.book_meeting(&meeting(&b, "0312", "sara", Some("Fjorden"), NINE + 8 * QUARTER, 2), &entry(&b), 32).await.unwrap(), Booked::Done(_)), "{}", db.label);

        let kinds: Vec<String> = store.notices_of(&a).await.unwrap().into_iter().map(|n| n.kind).collect();
        assert_eq!(kinds, vec!["mote", "mote", "mote"], "{}: booked, moved, cancelled", db.label);
        let mine = store.meetings_of(&a).await.unwrap();
        assert_eq!((mine.len(), mine[0].state.as_str(), mine[0].version), (1, "cancelled", 3));
    }
}

#[tokio::test]
async fn racing_bookings_of_the_same_quarter_leave_exactly_one() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let mut cases = Vec::new();
        for i in 0..8 {
            cases.push(apply(&store, &fnr(&format!("1281901{i}"))).await);
        }
        let mut tasks = Vec::new();
        for (i, id) in cases.iter().enumerate() {
            let (store, id) = (store.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                // Each asks for Sara at a slightly different length, all covering 09:15.
                store.book_meeting(&meeting(&id, "0312", "sara", None, NINE + QUARTER, 1 + (i as i64 % 3)), &entry(&id), 100 + i as i64).await.unwrap()
            }));
        }
        let mut done = 0;
        for t in tasks {
            match t.await.unwrap() {
                Booked::Done(_) => done += 1,
                Booked::CaseworkerTaken => {}
                other => panic!("{}: {other:?}", db.label),
            }
        }
        assert_eq!(done, 1, "{}: exactly one booking of Sara at 09:15", db.label);
    }
}
