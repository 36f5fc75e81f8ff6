//! Store behaviour, each test on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker, SokerAdresse};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::{testing, NewApplication, RateCount, Store};

const DAY: i64 = 86_400_000;

fn fnr(nine: &str) -> Fodselsnummer {
    (0..10).find_map(|i| Fodselsnummer::with_check_digits(&format!("{}{i}", &nine[..8]))).expect("a valid number near this one")
}

fn new_application() -> NewApplication {
    let mut answers = Answers::default();
    answers.set("hvorfor", "test");
    NewApplication {
        summary: Vec::new(),
        kommunenummer: Kommunenummer::parse("0301").unwrap(),
        enhetsnummer: "0312".into(),
        emergency: true,
        soknad_json: serde_json::json!({"version": "1.0.0"}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers,
        events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "status": "MOTTATT"})],
        documents: vec![],
    }
}

async fn stores() -> Vec<(Store, testing::TestDatabase)> {
    let mut out = Vec::new();
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap_or_else(|e| panic!("{}: {e}", db.label));
        out.push((store, db));
    }
    out
}

#[tokio::test]
async fn connecting_twice_keeps_data_and_migrations_run_once() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let owner = fnr("01019012300");
        store.create_draft(&owner, &Kommunenummer::parse("0301").unwrap(), &Answers::default(), 1000).await.unwrap();
        store.close().await;
        let again = Store::connect(&db.url).await.unwrap();
        assert!(again.latest_draft(&owner, 1000).await.unwrap().is_some(), "{}", db.label);
        again.ping().await.unwrap();
    }
}

#[tokio::test]
async fn drafts_belong_to_their_owner_and_expire_after_fourteen_days() {
    for (store, db) in stores().await {
        let owner = fnr("01019012300");
        let other = fnr("02029112300");
        let kommune = Kommunenummer::parse("0301").unwrap();
        let mut answers = Answers::default();
        answers.set("hvorfor", "æøå – 🙂");
        let draft = store.create_draft(&owner, &kommune, &answers, 0).await.unwrap();

        assert_eq!(store.draft(&draft.id, &owner, DAY).await.unwrap().unwrap().answers, answers, "{}", db.label);
        assert!(store.draft(&draft.id, &other, DAY).await.unwrap().is_none(), "{}: another person's draft", db.label);
        assert!(!store.save_answers(&draft.id, &other, &Answers::default(), DAY).await.unwrap(), "{}", db.label);
        assert_eq!(store.draft(&draft.id, &owner, DAY).await.unwrap().unwrap().answers, answers, "{}", db.label);

        // Saving moves the expiry: 14 days from the last change, not from creation.
        assert!(store.save_answers(&draft.id, &owner, &answers, 10 * DAY).await.unwrap());
        assert!(store.draft(&draft.id, &owner, 23 * DAY).await.unwrap().is_some(), "{}", db.label);
        assert!(store.draft(&draft.id, &owner, 25 * DAY).await.unwrap().is_none(), "{}", db.label);
        assert_eq!(store.delete_expired_drafts(25 * DAY).await.unwrap(), 1, "{}", db.label);
        assert!(store.latest_draft(&owner, 10 * DAY).await.unwrap().is_none(), "{}", db.label);
    }
}

#[tokio::test]
async fn sending_a_draft_twice_gives_one_application() {
    for (store, db) in stores().await {
        let owner = fnr("01019012300");
        let draft = store.create_draft(&owner, &Kommunenummer::parse("0301").unwrap(), &Answers::default(), 0).await.unwrap();
        let first = store.submit(&draft.id, &owner, &new_application(), 5).await.unwrap().unwrap();
        let again = store.submit(&draft.id, &owner, &new_application(), 6).await.unwrap().unwrap();
        assert!(first.created && !again.created, "{}", db.label);
        assert_eq!((first.id.clone(), first.reference.clone()), (again.id, again.reference), "{}", db.label);
        assert_eq!(store.count_applications().await.unwrap(), 1, "{}", db.label);
        assert!(store.draft(&draft.id, &owner, 7).await.unwrap().is_none(), "{}: draft is gone once sent", db.label);

        let stored = store.application(&first.id, &owner).await.unwrap().unwrap();
        assert!(stored.emergency);
        assert_eq!(stored.answers.get("hvorfor"), "test");
        assert_eq!(store.events(&first.id, &owner).await.unwrap()[0]["status"], "MOTTATT");
        store
            .append_events(&first.id, &[serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T11:00:00.000Z", "status": "UNDER_BEHANDLING"})], 9)
            .await
            .unwrap();
        let events = store.events(&first.id, &owner).await.unwrap();
        assert_eq!(events.len(), 2, "{}", db.label);
        assert_eq!(events[1]["status"], "UNDER_BEHANDLING");
        let other = fnr("02029112300");
        assert!(store.application(&first.id, &other).await.unwrap().is_none(), "{}", db.label);
        assert!(store.events(&first.id, &other).await.unwrap().is_empty(), "{}", db.label);
        assert!(store.submit(&draft.id, &other, &new_application(), 8).await.unwrap().is_none(), "{}", db.label);
    }
}

#[tokio::test]
async fn racing_submits_of_one_draft_store_exactly_one_application() {
    for (store, db) in stores().await {
        let owner = fnr("01019012300");
        let draft = store.create_draft(&owner, &Kommunenummer::parse("0301").unwrap(), &Answers::default(), 0).await.unwrap();
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let (store, owner, id) = (store.clone(), owner.clone(), draft.id.clone());
                tokio::spawn(async move { store.submit(&id, &owner, &new_application(), i).await })
            })
            .collect();
        let mut ids = Vec::new();
        for t in tasks {
            ids.push(t.await.unwrap().unwrap().unwrap().id);
        }
        ids.dedup();
        assert_eq!(ids.len(), 1, "{}: every request sees the same application", db.label);
        assert_eq!(store.count_applications().await.unwrap(), 1, "{}", db.label);
    }
}

#[tokio::test]
async fn people_and_sessions_round_trip() {
    for (store, db) in stores().await {
        let person = Soker {
            fnr: fnr("01019012300"),
            fornavn: "Åse".into(),
            mellomnavn: String::new(),
            etternavn: "Ødegård".into(),
            adresse: Some(SokerAdresse { gatenavn: "Storgata".into(), husnummer: "1".into(), postnummer: "0155".into(), poststed: "Oslo".into(), kommunenummer: "0301".into() }),
        };
        store.upsert_person(&person).await.unwrap();
        store.upsert_person(&person).await.unwrap();
        assert_eq!(store.person(&person.fnr).await.unwrap(), Some(person.clone()), "{}", db.label);
        assert_eq!(store.demo_people().await.unwrap().len(), 1);

        assert!(store.session_create("s1", "{}", 100).await.unwrap());
        assert!(!store.session_create("s1", "{\"x\":1}", 100).await.unwrap(), "{}: an existing id is not created again", db.label);
        assert!(store.session_update("s1", "{\"x\":2}", 200).await.unwrap());
        assert!(!store.session_update("gone", "{\"x\":2}", 200).await.unwrap(), "{}: an update never makes a session", db.label);
        assert_eq!(store.session_load("gone", 0).await.unwrap(), None, "{}", db.label);
        assert_eq!(store.session_load("s1", 150).await.unwrap().as_deref(), Some("{\"x\":2}"), "{}", db.label);
        assert_eq!(store.session_load("s1", 250).await.unwrap(), None, "{}: expired", db.label);
        // Renewing: the end moves only when it has fallen more than the interval behind.
        assert!(store.session_create("s2", "{}", 1_000).await.unwrap());
        assert!(store.session_load_renewing("s2", 500, 1_050, 100).await.unwrap().is_some());
        assert_eq!(store.session_load("s2", 1_020).await.unwrap(), None, "{}: not renewed within the interval", db.label);
        assert!(store.session_create("s3", "{}", 1_000).await.unwrap());
        assert!(store.session_load_renewing("s3", 500, 1_500, 100).await.unwrap().is_some());
        assert!(store.session_load("s3", 1_400).await.unwrap().is_some(), "{}: renewed", db.label);
        assert_eq!(store.session_load_renewing("s3", 1_600, 2_000, 100).await.unwrap(), None, "{}: an ended session is not renewed", db.label);
        assert_eq!(store.delete_expired_sessions(1_600).await.unwrap(), 3);
    }
}

/// The sending limit's count rides in the send's own transaction: a send counts once, a repeated
/// send of the same draft (a double press, a retry) counts nothing, and a send that stores nothing
/// (someone else's draft) counts nothing either.
#[tokio::test]
async fn a_send_counts_its_limit_in_its_own_transaction() {
    for (store, db) in stores().await {
        let owner = fnr("03039212300");
        let count = RateCount { bucket: "submit", subject: owner.as_str().to_owned(), window_ms: 3_600_000 };
        let kommune = Kommunenummer::parse("0301").unwrap();
        let draft = store.create_draft(&owner, &kommune, &Answers::default(), 0).await.unwrap();
        assert_eq!(store.hits("submit", owner.as_str(), 3_600_000, 10).await.unwrap(), 0, "{}", db.label);
        let sent = store.submit_counted(&draft.id, &owner, &new_application(), Some(&count), 10).await.unwrap().unwrap();
        assert!(sent.created);
        assert_eq!(store.hits("submit", owner.as_str(), 3_600_000, 20).await.unwrap(), 1, "{}: counted with the send", db.label);
        let again = store.submit_counted(&draft.id, &owner, &new_application(), Some(&count), 30).await.unwrap().unwrap();
        assert!(!again.created && again.id == sent.id, "{}", db.label);
        let other = fnr("04049312300");
        assert!(store.submit_counted(&draft.id, &other, &new_application(), Some(&count), 40).await.unwrap().is_none(), "{}", db.label);
        assert_eq!(store.hits("submit", owner.as_str(), 3_600_000, 50).await.unwrap(), 1, "{}: a repeat and a refused send count nothing", db.label);
        // The person and their address protection come in one read.
        assert!(store.person_with_protection(&owner).await.unwrap().is_none(), "{}: not in the register", db.label);
    }
}

/// A kept PDF split into pages: one file per page in its place, each naming the same original and
/// its own page, the ones after it moved down; someone else's file, a picture and a single page are
/// not split. For a draft and for files chosen to send later alike.
#[tokio::test]
async fn a_kept_pdf_is_split_into_one_file_per_page_in_its_place() {
    use velferd_store::NewDraftFile;
    let file = |name: &str, pages: i64, is_pdf: bool| NewDraftFile {
        slot: "annet.annet".into(),
        name: name.into(),
        sha256: format!("sha-{name}"),
        bytes: 100,
        thumb_sha256: Some(format!("thumb-{name}")),
        pages,
        warnings: vec![],
        is_pdf,
    };
    let thumbs: Vec<Option<String>> = (0..3).map(|i| Some(format!("page-{i}"))).collect();
    for (store, db) in stores().await {
        let owner = fnr("01019012300");
        let other = fnr("02029112300");
        let draft = store.create_draft(&owner, &Kommunenummer::parse("0301").unwrap(), &Answers::default(), 0).await.unwrap();
        let photo = store.add_draft_file(&draft.id, &owner, &file("foto.jpg", 1, false), 1).await.unwrap().unwrap();
        let pdf = store.add_draft_file(&draft.id, &owner, &file("konto.pdf", 3, true), 2).await.unwrap().unwrap();
        let after = store.add_draft_file(&draft.id, &owner, &file("etter.jpg", 1, false), 3).await.unwrap().unwrap();
        assert_eq!(store.split_draft_file(&draft.id, &other, &pdf, &thumbs).await.unwrap(), None, "{}: not hers", db.label);
        assert_eq!(store.split_draft_file(&draft.id, &owner, &photo, &thumbs).await.unwrap(), None, "{}: a picture", db.label);
        assert_eq!(store.split_draft_file(&draft.id, &owner, &pdf, &thumbs[..2]).await.unwrap(), None, "{}: not its page count", db.label);
        assert!(store.turn_draft_file(&draft.id, &owner, &pdf).await.unwrap());
        let orphans = store.split_draft_file(&draft.id, &owner, &pdf, &thumbs).await.unwrap().unwrap();
        assert_eq!(orphans, vec!["thumb-konto.pdf".to_owned()], "{}: the whole PDF's picture is no longer used", db.label);
        let files = store.draft_files(&draft.id, &owner).await.unwrap();
        let seen: Vec<(&str, i64, i64, i64, Option<&str>)> = files.iter().map(|f| (f.name.as_str(), f.first_page, f.pages, f.quarter_turns, f.thumb_sha256.as_deref())).collect();
        assert_eq!(
            seen,
            vec![
                ("foto.jpg", 0, 1, 0, Some("thumb-foto.jpg")),
                ("konto.pdf", 0, 1, 1, Some("page-0")),
                ("konto.pdf", 1, 1, 1, Some("page-1")),
                ("konto.pdf", 2, 1, 1, Some("page-2")),
                ("etter.jpg", 0, 1, 0, Some("thumb-etter.jpg")),
            ],
            "{}",
            db.label
        );
        assert!(files.iter().filter(|f| f.name == "konto.pdf").all(|f| f.sha256 == "sha-konto.pdf" && f.is_pdf));
        assert_eq!(files[0].id, photo);
        assert_eq!(files[4].id, after);
        assert_eq!(store.split_draft_file(&draft.id, &owner, &pdf, &thumbs[..1]).await.unwrap(), None, "{}: one page is not split", db.label);

        // Files chosen to send later, by a helper.
        let id = store.submit(&draft.id, &owner, &new_application(), 4).await.unwrap().unwrap().id;
        let helper = fnr("03039312300");
        let kept = store.add_pending_file(&id, &owner, &helper, &file("brev.pdf", 3, true), 5).await.unwrap().unwrap();
        let last = store.add_pending_file(&id, &owner, &helper, &file("siste.jpg", 1, false), 6).await.unwrap().unwrap();
        assert_eq!(store.split_pending_file(&id, &owner, &owner, &kept, &thumbs).await.unwrap(), None, "{}: the owner's are not the helper's", db.label);
        assert!(store.split_pending_file(&id, &owner, &helper, &kept, &thumbs).await.unwrap().is_some());
        let files = store.pending_files(&id, &owner, &helper).await.unwrap();
        let seen: Vec<(&str, i64, i64)> = files.iter().map(|f| (f.name.as_str(), f.first_page, f.pages)).collect();
        assert_eq!(seen, vec![("brev.pdf", 0, 1), ("brev.pdf", 1, 1), ("brev.pdf", 2, 1), ("siste.jpg", 0, 1)], "{}", db.label);
        assert_eq!(files[3].id, last);
    }
}
