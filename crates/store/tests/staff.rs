//! Office staff read only their own office's applications, and people with a protected address
//! only with the role for it — scoped in SQL, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess, Role};
use velferd_store::{testing, NewApplication, Store};

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
