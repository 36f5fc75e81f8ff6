//! The notification outbox, on SQLite and PostgreSQL: a notice is written with what it tells about
//! and only then; each is claimed by one worker at a time and sent at most once, also when a worker
//! dies mid-send; a refused delivery is tried again later and given up after the last attempt; the
//! person's choices decide where notices go.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::notices::{Channel, Choices, NoticeKind, MAX_ATTEMPTS};
use velferd_store::{testing, NewApplication, NewMessage, Store, LEASE_MS};

fn fnr(eight: &str) -> Fodselsnummer {
    (0..100).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).expect("a valid number")
}

/// Kari applies with her phone number in English; returns the application id.
async fn apply(store: &Store, owner: &Fodselsnummer, phone: &str) -> String {
    store.upsert_person(&Soker { fnr: owner.clone(), fornavn: "Kari".into(), mellomnavn: String::new(), etternavn: "Test".into(), adresse: None }).await.unwrap();
    let k = Kommunenummer::parse("0301").unwrap();
    let mut answers = Answers::default();
    answers.set("telefon", phone);
    answers.set(velferd_domain::application::LANGUAGE, "en");
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

async fn answer(store: &Store, id: &str, token: &str, now: i64) {
    let m = NewMessage { token, from_office: true, author: "staff:sara", author_name: "Sara Lund", body: "Hei", emergency: false, attachment: None };
    store.post_message(id, "0312", &m, None, now).await.unwrap();
}

#[tokio::test]
async fn an_answer_from_the_office_is_noticed_once_by_sms_to_the_number_in_the_application() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let kari = fnr("12819012");
        let id = apply(&store, &kari, "412 34 567").await;
        // The person's own message tells nobody.
        let own = NewMessage { token: "k1", from_office: false, author: "innbygger", author_name: "Kari", body: "Hei", emergency: false, attachment: None };
        store.post_message(&id, "0312", &own, None, 2_000).await.unwrap();
        assert!(store.notices_of(&id).await.unwrap().is_empty(), "{}", db.label);

        answer(&store, &id, "s1", 3_000).await;
        answer(&store, &id, "s1", 3_500).await; // the same form again
        let rows = store.notices_of(&id).await.unwrap();
        assert_eq!(rows.len(), 1, "{}: one notice for one answer", db.label);
        assert_eq!((rows[0].kind.as_str(), rows[0].channel.as_str(), rows[0].address.as_str()), ("ny-melding", "sms", "+4741234567"));

        // Two workers at once: only one gets it.
        let a = store.claim_notices("worker-a", 10, 4_000).await.unwrap();
        let b = store.claim_notices("worker-b", 10, 4_000).await.unwrap();
        assert_eq!((a.len(), b.len()), (1, 0), "{}", db.label);
        assert_eq!((a[0].language.as_str(), a[0].attempt, a[0].channel), ("en", 1, Channel::Sms), "{}: in the language she applied in", db.label);
        store.notice_sent(&a[0].id, "worker-a", 4_100).await.unwrap();
        assert!(store.claim_notices("worker-b", 10, 1_000_000).await.unwrap().is_empty(), "{}: sent is sent", db.label);
        assert_eq!(store.notices_of(&id).await.unwrap()[0].state, "sent");
    }
}

#[tokio::test]
async fn a_refused_delivery_waits_longer_each_time_and_a_lost_one_is_never_sent_twice() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let kari = fnr("12819012");
        let id = apply(&store, &kari, "41234567").await;
        store
            .set_contact_choices(&kari, &Choices { email: Some("kari@example.no".into()), phone: Some("+4741234567".into()), email_on: true, sms_on: false, off: vec![] }, 1_500)
            .await
            .unwrap();
        answer(&store, &id, "s1", 2_000).await;
        let mut now = 2_000;
        let mut due = store.claim_notices("w", 10, now).await.unwrap();
        assert_eq!(due[0].channel, Channel::Email, "{}: her choice, not the application's number", db.label);
        for attempt in 1..=MAX_ATTEMPTS {
            assert_eq!(due.len(), 1, "{}: attempt {attempt}", db.label);
            assert_eq!(due[0].attempt, attempt);
            store.notice_failed(&due[0], "w", "connection refused", now).await.unwrap();
            assert!(store.claim_notices("w", 10, now + 1).await.unwrap().is_empty(), "{}: not at once", db.label);
            now += 7 * 3600 * 1000;
            due = store.claim_notices("w", 10, now).await.unwrap();
        }
        assert!(due.is_empty());
        assert_eq!(store.notices_of(&id).await.unwrap()[0].state, "failed", "{}: given up after the last attempt", db.label);

        // A worker that claims and dies: the notice is not sent again by another.
        answer(&store, &id, "s2", now).await;
        let claimed = store.claim_notices("dies", 10, now).await.unwrap();
        assert_eq!(claimed.len(), 1);
        assert!(store.claim_notices("other", 10, now + LEASE_MS + 1).await.unwrap().is_empty(), "{}: at most once", db.label);
        let rows = store.notices_of(&id).await.unwrap();
        assert_eq!(rows[1].state, "uncertain", "{}", db.label);
        // A late report from the dead worker changes nothing.
        store.notice_sent(&claimed[0].id, "dies", now + LEASE_MS + 2).await.unwrap();
        assert_eq!(store.notices_of(&id).await.unwrap()[1].state, "uncertain");

        // Turned off: no notice about new messages; the law's kinds still go.
        store
            .set_contact_choices(&kari, &Choices { email: Some("kari@example.no".into()), phone: None, email_on: true, sms_on: false, off: vec![NoticeKind::NewMessage] }, now)
            .await
            .unwrap();
        answer(&store, &id, "s3", now).await;
        assert_eq!(store.notices_of(&id).await.unwrap().len(), 2, "{}", db.label);
        assert_eq!(store.enqueue_notice(&id, NoticeKind::Decision, "vedtak:1", now).await.unwrap(), 1);
        assert_eq!(store.enqueue_notice(&id, NoticeKind::Decision, "vedtak:1", now).await.unwrap(), 0, "{}: the same event once", db.label);
        assert_eq!(store.contact_choices(&kari).await.unwrap().unwrap().off, vec![NoticeKind::NewMessage]);
    }
}
