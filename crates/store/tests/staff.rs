//! Office staff read only their own office's applications, and people with a protected address
//! only with the role for it — scoped in SQL, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess, Role};
use velferd_store::{testing, AuditEntry, ChainCheck, Changed, InboxQuery, NewApplication, OfficeChange, Outcome, Store};

fn fnr(eight: &str) -> Fodselsnummer {
    (0..100).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).expect("a valid number")
}

fn person(fnr: &Fodselsnummer, name: &str) -> Soker {
    Soker { fnr: fnr.clone(), fornavn: name.into(), mellomnavn: String::new(), etternavn: "Test".into(), adresse: None }
}

fn application(kommune: &str, office: &str, emergency: bool) -> NewApplication {
    NewApplication {
        summary: Vec::new(),
        kommunenummer: Kommunenummer::parse(kommune).unwrap(),
        enhetsnummer: office.into(),
        emergency,
        soknad_json: serde_json::json!({}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![],
        documents: vec![],
    }
}

async fn send(store: &Store, owner: &Fodselsnummer, kommune: &str, office: &str, emergency: bool, at: i64) -> String {
    let k = Kommunenummer::parse(kommune).unwrap();
    let draft = store.create_draft(owner, &k, &Answers::default(), at).await.unwrap();
    store.submit(&draft.id, owner, &application(kommune, office, emergency), at).await.unwrap().unwrap().id
}

#[tokio::test]
async fn an_office_sees_its_own_applications_and_protected_people_only_with_the_role() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let (kari, ola, eva) = (fnr("12819012"), fnr("03918545"), fnr("15928834"));
        for (p, n) in [(&kari, "Kari"), (&ola, "Ola"), (&eva, "Eva")] {
            store.upsert_person(&person(p, n)).await.unwrap();
        }
        assert!(store.set_adressebeskyttelse(&eva, Some(Adressebeskyttelse::StrengtFortrolig)).await.unwrap());
        assert_eq!(store.adressebeskyttelse(&eva).await.unwrap(), Some(Adressebeskyttelse::StrengtFortrolig), "{}", db.label);
        assert_eq!(store.adressebeskyttelse(&kari).await.unwrap(), None);

        let old = send(&store, &kari, "0301", "0312", false, 1_000).await;
        let new = send(&store, &kari, "0301", "0312", false, 3_000).await;
        let urgent = send(&store, &kari, "0301", "0312", true, 2_000).await;
        let bergen = send(&store, &ola, "4601", "1201", false, 4_000).await;
        let protected = send(&store, &eva, "0301", "0312", false, 5_000).await;

        let frogner = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let ids: Vec<String> = store.office_applications(&frogner).await.unwrap().into_iter().map(|c| c.application.id).collect();
        assert_eq!(ids, vec![urgent.clone(), new.clone(), old.clone()], "{}: emergencies first, then newest; no other office, no kode 6", db.label);
        assert!(store.office_application(&frogner, &bergen).await.unwrap().is_none(), "{}: another office's id", db.label);
        assert!(store.office_application(&frogner, &protected).await.unwrap().is_none(), "{}: kode 6 without the role", db.label);
        let found = store.office_application(&frogner, &new).await.unwrap().expect("own office");
        assert_eq!((found.owner, found.protection), (kari.clone(), None));

        let cleared = CaseAccess::for_staff(&[Role::Saksbehandler, Role::Fortrolig], "0312").unwrap();
        let ids: Vec<String> = store.office_applications(&cleared).await.unwrap().into_iter().map(|c| c.application.id).collect();
        assert_eq!(ids, vec![urgent, protected.clone(), new, old], "{}", db.label);
        let found = store.office_application(&cleared, &protected).await.unwrap().expect("with the role");
        assert_eq!(found.protection, Some(Adressebeskyttelse::StrengtFortrolig));
        assert!(store.office_application(&cleared, &bergen).await.unwrap().is_none(), "{}: the role does not open other offices", db.label);

        // Kode 7 is protected too; clearing the mark makes the case an ordinary one.
        store.set_adressebeskyttelse(&eva, Some(Adressebeskyttelse::Fortrolig)).await.unwrap();
        assert!(store.office_application(&frogner, &protected).await.unwrap().is_none(), "{}", db.label);
        store.set_adressebeskyttelse(&eva, None).await.unwrap();
        assert!(store.office_application(&frogner, &protected).await.unwrap().is_some(), "{}", db.label);
    }
}

#[tokio::test]
async fn an_office_action_and_its_audit_entry_are_written_together() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let kari = fnr("12819012");
        store.upsert_person(&person(&kari, "Kari")).await.unwrap();
        let id = send(&store, &kari, "0301", "0312", false, 1_000).await;
        let frogner = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let version = store.case_state(&frogner, &id).await.unwrap().unwrap().version;
        let entry = |action: &str| AuditEntry {
            actor: "staff:sara".into(),
            actor_name: "Sara Lund".into(),
            role: "saksbehandler".into(),
            office: Some("0312".into()),
            action: action.into(),
            person: Some(kari.as_str().into()),
            application_id: Some(id.clone()),
            outcome: Outcome::Permit,
        };
        let take = OfficeChange {
            expected_version: Some(version),
            events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "status": "UNDER_BEHANDLING"})],
            ..OfficeChange::default()
        };
        assert!(matches!(store.office_change(&id, ("sara", "Sara Lund"), &take, &entry("take-into-processing"), 2_000).await.unwrap(), Changed::Done { .. }));
        let logged: Vec<String> = store.audit_of_application(&id).await.unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(logged, vec!["take-into-processing".to_owned()], "{}: the action is in the log as soon as it is written", db.label);

        // A second caseworker's form drawn from the old version: nothing written, nothing logged.
        assert_eq!(store.office_change(&id, ("ali", "Ali Hassan"), &take, &entry("take-into-processing"), 3_000).await.unwrap(), Changed::Conflict, "{}", db.label);
        assert_eq!(store.audit_of_application(&id).await.unwrap().len(), 1, "{}: a refused change leaves no entry", db.label);
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 1 }, "{}", db.label);
    }
}

#[tokio::test]
async fn the_inbox_finds_people_by_the_start_of_any_word_of_their_name() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let named =
            |fnr: &Fodselsnummer, first: &str, last: &str| Soker { fnr: fnr.clone(), fornavn: first.into(), mellomnavn: String::new(), etternavn: last.into(), adresse: None };
        let (oyvind, kari, kari_h, eva) = (fnr("12819012"), fnr("03918545"), fnr("15928834"), fnr("24827711"));
        store.upsert_person(&named(&oyvind, "ØYVIND", "Hansen-Berg")).await.unwrap();
        store.upsert_person(&named(&kari, "Kari", "Nordmann")).await.unwrap();
        store.upsert_person(&named(&kari_h, "Kari", "Hansen")).await.unwrap();
        store.upsert_person(&named(&eva, "Eva", "Nordmann")).await.unwrap();
        store.set_adressebeskyttelse(&eva, Some(Adressebeskyttelse::StrengtFortrolig)).await.unwrap();
        for (p, at) in [(&oyvind, 1_000), (&kari, 2_000), (&kari_h, 3_000), (&eva, 4_000)] {
            send(&store, p, "0301", "0312", false, at).await;
        }
        send(&store, &kari, "4601", "1201", false, 5_000).await;
        let frogner = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let found = |store: Store, text: &'static str| {
            let frogner = frogner.clone();
            async move {
                let q = InboxQuery { filter: InboxFilter::All, me: "sara".into(), search: text.into(), page: 0, page_size: 50, now: 10_000 };
                let mut names: Vec<String> = store.inbox(&frogner, &q).await.unwrap().rows.into_iter().map(|r| r.name).collect();
                names.sort();
                names
            }
        };
        assert_eq!(found(store.clone(), "øyvind").await, vec!["ØYVIND Hansen-Berg"], "{}: lower case finds upper case, Ø included", db.label);
        assert_eq!(found(store.clone(), "berg").await, vec!["ØYVIND Hansen-Berg"], "{}: each part of a double name", db.label);
        assert_eq!(found(store.clone(), "Kari  NORD").await, vec!["Kari Nordmann"], "{}: every word must match; another office's case is not listed", db.label);
        assert_eq!(found(store.clone(), "nord").await, vec!["Kari Nordmann"], "{}: a protected person is not found without the role", db.label);
        assert_eq!(found(store.clone(), "hansen").await, vec!["Kari Hansen", "ØYVIND Hansen-Berg"], "{}", db.label);
        assert!(found(store.clone(), "ordmann").await.is_empty(), "{}: a word is found by its start", db.label);

        // A new name in the register replaces the old words.
        store.upsert_person(&named(&kari, "Kari", "Olsen")).await.unwrap();
        assert!(found(store.clone(), "nordmann").await.is_empty(), "{}", db.label);
        assert_eq!(found(store.clone(), "olsen").await, vec!["Kari Olsen"], "{}", db.label);

        // People written before the words existed (migration 17) get them when a server starts.
        sqlx::any::install_default_drivers();
        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        sqlx::query("DELETE FROM person_name_words").execute(&raw).await.unwrap();
        raw.close().await;
        assert!(found(store.clone(), "olsen").await.is_empty(), "{}", db.label);
        let restarted = Store::connect(&db.url).await.unwrap();
        assert_eq!(found(restarted, "olsen").await, vec!["Kari Olsen"], "{}", db.label);
    }
}
