//! The change feed: a case system polling with its cursor while citizens send documents at the same
//! time sees every change exactly once per poll sequence (nothing skipped), numbered without gaps,
//! and only its own municipality's. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use velferd_domain::application::Answers;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::{testing, NewApplication, Store, SubmittedDocument};

fn fnr(nine: &str) -> Fodselsnummer {
    (0..10).find_map(|i| Fodselsnummer::with_check_digits(&format!("{}{i}", &nine[..8]))).expect("valid")
}

fn application(kommune: &str) -> NewApplication {
    NewApplication {
        summary: Vec::new(),
        kommunenummer: Kommunenummer::parse(kommune).unwrap(),
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: serde_json::json!({}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![],
        documents: vec![],
    }
}

async fn send(store: &Store, owner: &Fodselsnummer, kommune: &str, n: i64) -> String {
    let k = Kommunenummer::parse(kommune).unwrap();
    let draft = store.create_draft(owner, &k, &Answers::default(), n).await.unwrap();
    store.submit(&draft.id, owner, &application(kommune), n).await.unwrap().unwrap().id
}

#[tokio::test]
async fn a_polling_reader_misses_nothing_while_writers_race() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let oslo = store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "oslo", 0).await.unwrap();
        let oslo = store.api_client(&oslo.secret).await.unwrap().unwrap();
        let bergen = store.create_api_key(&Kommunenummer::parse("4601").unwrap(), "bergen", 0).await.unwrap();
        let bergen = store.api_client(&bergen.secret).await.unwrap().unwrap();
        let owner = fnr("01019012300");
        let oslo_app = send(&store, &owner, "0301", 1).await;
        send(&store, &owner, "4601", 2).await;

        // 8 writers × 5 sendings each to the Oslo application, while a reader polls.
        let writers: Vec<_> = (0..8)
            .map(|w| {
                let store = store.clone();
                let owner = owner.clone();
                let app_id = oslo_app.clone();
                tokio::spawn(async move {
                    for i in 0..5 {
                        let doc = SubmittedDocument { kind: "annet".into(), tilleggsinfo: "annet".into(), sha256: format!("{w}-{i}"), bytes: 1 };
                        store.add_submission(&app_id, &owner, &[doc], &serde_json::json!({"vedlegg": []}), 10).await.unwrap().unwrap();
                    }
                })
            })
            .collect();
        let mut seen = Vec::new();
        let mut cursor = 0;
        let mut writing = true;
        while writing || seen.len() < 41 {
            writing = !writers.iter().all(|w| w.is_finished());
            for item in store.feed(&oslo, cursor, 7).await.unwrap() {
                assert!(item.seq > cursor);
                cursor = item.seq;
                seen.push(item);
            }
            if !writing && store.feed(&oslo, cursor, 1).await.unwrap().is_empty() {
                break;
            }
        }
        for w in writers {
            w.await.unwrap();
        }
        let numbers: Vec<i64> = seen.iter().map(|i| i.seq).collect();
        assert_eq!(numbers, (1..=41).collect::<Vec<_>>(), "{}: every change once, in order, no gaps", db.label);
        let ids: BTreeSet<&str> = seen.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 41, "ids are unique");
        assert_eq!(seen[0].kind, "soknad.mottatt");
        assert!(seen[1..].iter().all(|i| i.kind == "ettersendelse.mottatt" && i.application_id == oslo_app && i.item_id.is_some()));

        // Bergen's feed has only Bergen's application, numbered on its own.
        let theirs = store.feed(&bergen, 0, 100).await.unwrap();
        assert_eq!(theirs.iter().map(|i| i.seq).collect::<Vec<_>>(), vec![1], "{}", db.label);
        assert_ne!(theirs[0].application_id, oslo_app);
    }
}
