//! Messages between a person and the office: written once (a form posted twice stores one),
//! numbered in order also when two arrive at once, the office's wait started by the person and
//! ended by the office's answer, and an emergency at the top of the inbox until answered — on
//! SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess, Role};
use velferd_store::{testing, AuditEntry, ChainCheck, InboxQuery, NewApplication, NewMessage, Outcome, Posted, Store};

fn fnr(eight: &str) -> Fodselsnummer {
    (0..100).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).expect("a valid number")
}

async fn send(store: &Store, owner: &Fodselsnummer, name: &str, at: i64) -> String {
    store.upsert_person(&Soker { fnr: owner.clone(), fornavn: name.into(), mellomnavn: String::new(), etternavn: "Test".into(), adresse: None }).await.unwrap();
    let k = Kommunenummer::parse("0301").unwrap();
    let draft = store.create_draft(owner, &k, &Answers::default(), at).await.unwrap();
    let app = NewApplication {
        summary: Vec::new(),
        kommunenummer: k,
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: serde_json::json!({}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![],
        documents: vec![],
    };
    store.submit(&draft.id, owner, &app, at).await.unwrap().unwrap().id
}

fn entry(action: &str, id: &str) -> AuditEntry {
    AuditEntry {
        actor: "innbygger".into(),
        actor_name: String::new(),
        role: "innbygger".into(),
        office: None,
        action: action.into(),
        person: None,
        application_id: Some(id.into()),
        outcome: Outcome::Permit,
    }
}

fn from_person<'a>(token: &'a str, body: &'a str, emergency: bool) -> NewMessage<'a> {
    NewMessage { token, from_office: false, author: "innbygger", author_name: "Kari Test", body, emergency, attachment: None }
}

#[tokio::test]
async fn a_conversation_waits_for_the_office_until_it_answers() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let (kari, ola) = (fnr("12819012"), fnr("03918545"));
        let calm = send(&store, &ola, "Ola", 1_000).await;
        let mine = send(&store, &kari, "Kari", 2_000).await;
        let office = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let inbox = |store: &Store| {
            let office = office.clone();
            let store = store.clone();
            async move {
                let q = InboxQuery { filter: InboxFilter::Open, me: String::new(), search: String::new(), page: 0, page_size: 50, now: 20_000 };
                store.inbox(&office, &q).await.unwrap().rows.into_iter().map(|r| (r.id, r.emergency)).collect::<Vec<_>>()
            }
        };
        assert_eq!(inbox(&store).await[0].0, calm, "{}: the oldest first while nothing is urgent", db.label);

        let first = store.post_message(&mine, "0312", &from_person("t1", "Når får jeg svar?", false), Some(&entry("write-message", &mine)), 10_000).await.unwrap();
        assert_eq!(first, Posted::New { seq: 1 });
        let again = store.post_message(&mine, "0312", &from_person("t1", "Når får jeg svar?", false), Some(&entry("write-message", &mine)), 11_000).await.unwrap();
        assert_eq!(again, Posted::Again { seq: 1 }, "{}: the same form twice stores one message", db.label);
        assert_eq!(store.waiting_since(&mine).await.unwrap(), Some(10_000));

        let urgent = store.post_message(&mine, "0312", &from_person("t2", "Jeg har ikke mat i dag.", true), Some(&entry("write-message", &mine)), 12_000).await.unwrap();
        assert_eq!(urgent, Posted::New { seq: 2 });
        assert_eq!(store.waiting_since(&mine).await.unwrap(), Some(10_000), "{}: the wait counts from the first unanswered message", db.label);
        assert_eq!(inbox(&store).await[0], (mine.clone(), true), "{}: an emergency message puts the case on top", db.label);
        let waiting = store.waiting_conversations(&office, 50).await.unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!((waiting[0].reference.is_empty(), waiting[0].emergency, waiting[0].name.as_str()), (false, true, "Kari Test"));

        let answer = NewMessage { token: "s1", from_office: true, author: "staff:sara", author_name: "Sara Lund", body: "Ring oss nå.", emergency: false, attachment: None };
        store.post_message(&mine, "0312", &answer, Some(&entry("answer-message", &mine)), 13_000).await.unwrap();
        assert_eq!(store.waiting_since(&mine).await.unwrap(), None);
        assert!(store.waiting_conversations(&office, 50).await.unwrap().is_empty(), "{}: answered conversations leave the list", db.label);
        assert_eq!(inbox(&store).await[0].0, calm, "{}: answered, the case is back in its place", db.label);

        let all = store.messages(&mine).await.unwrap();
        assert_eq!(
            all.iter().map(|m| (m.seq, m.from_office, m.body.as_str())).collect::<Vec<_>>(),
            vec![(1, false, "Når får jeg svar?"), (2, false, "Jeg har ikke mat i dag."), (3, true, "Ring oss nå.")]
        );
        assert!(store.messages(&calm).await.unwrap().is_empty(), "{}: nothing on another case", db.label);
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 3 }, "{}: every message audited", db.label);

        // A person with a protected address is in the list only for staff with that role.
        let eva = fnr("15928834");
        let hidden = send(&store, &eva, "Eva", 3_000).await;
        assert!(store.set_adressebeskyttelse(&eva, Some(Adressebeskyttelse::Fortrolig)).await.unwrap());
        store.post_message(&hidden, "0312", &from_person("e1", "Hei", false), Some(&entry("write-message", &hidden)), 14_000).await.unwrap();
        assert!(store.waiting_conversations(&office, 50).await.unwrap().is_empty());
        let cleared = CaseAccess::for_staff(&[Role::Saksbehandler, Role::Fortrolig], "0312").unwrap();
        assert_eq!(store.waiting_conversations(&cleared, 50).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn messages_at_the_same_time_get_their_own_numbers() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let kari = fnr("12819012");
        let id = send(&store, &kari, "Kari", 1_000).await;
        let mut tasks = Vec::new();
        for i in 0..16 {
            let (store, id) = (store.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                let token = format!("t{i}");
                store.post_message(&id, "0312", &from_person(&token, "Hei", false), Some(&entry("write-message", &id)), 5_000 + i).await
            }));
        }
        for t in tasks {
            assert!(matches!(t.await.unwrap(), Ok(Posted::New { .. })), "{}: no message refused for a race", db.label);
        }
        let seqs: Vec<i64> = store.messages(&id).await.unwrap().iter().map(|m| m.seq).collect();
        assert_eq!(seqs, (1..=16).collect::<Vec<_>>(), "{}", db.label);
    }
}
